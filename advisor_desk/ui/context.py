"""What every screen is given: the bound backend, the ops runner, the change bus, the settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from .ops import OpRunner
from .settings import Settings

if TYPE_CHECKING:
    # Only for the type checker: importing the backend at run time costs startup time.
    from advisor_desk.backend.facade import BoundBackend


class EventBus(QObject):
    """Broadcasts what changed after a write, so that each screen refreshes itself."""

    changed = Signal(str, object)  # topic (see Topics), payload (the changed record or None)

    def publish(self, topic: str, payload: object = None) -> None:
        self.changed.emit(topic, payload)


class Topics:
    """Bus topics; screens add their own (a plain string, documented where it is published)."""

    ADVISORS = "advisors"  # payload: the AdvisorAccount created or changed
    CONNECTION_RESTORED = "connection.restored"  # payload: None; reload what failed


class AppContext(QObject):
    """One logged-in session: screens are built with it and talk to the backend through it."""

    open_member_requested = Signal(int)  # the Accueil screen opens that member's file
    directory_requested = Signal(str)  # the Annuaire santé searches around that postcode

    def __init__(
        self,
        backend: BoundBackend,
        ops: OpRunner,
        settings: Settings,
        *,
        database: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.backend = backend
        self.ops = ops
        self.settings = settings
        self.bus = EventBus(self)
        self.database = database  # Backend.describe(): shown in the status bar

    @property
    def permissions(self) -> frozenset[str]:
        return self.backend.permissions

    def allows(self, *permissions: str) -> bool:
        """True when the advisor holds at least one of the permissions."""
        return not permissions or any(p in self.backend.permissions for p in permissions)

    def open_member(self, member_id: int) -> None:
        self.open_member_requested.emit(member_id)

    def open_directory(self, postcode: str) -> None:
        self.directory_requested.emit(postcode)
