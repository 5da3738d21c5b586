"""The screens registry: key, title, permissions and factory of each screen, imported lazily."""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from advisor_desk.ui.context import AppContext

# The contract of a screen: a QWidget subclass in its own module ui/screens/<name>.py,
# built as `Screen(app: AppContext, parent=None)` the first time the advisor opens it (the
# role's first screen is built at login), and kept for the whole session: its state survives
# navigation and the idle lock. It talks to the backend only through `app.ops`, refreshes
# itself on `app.bus.changed(topic, payload)` and publishes what it wrote with
# `app.bus.publish(...)`. The Accueil screen also has `focus_search()` (Ctrl+F, Ctrl+K) and
# handles `app.open_member_requested(member_id)`; the Annuaire screen has `search_around(postcode)`
# (`app.directory_requested`, from the member file). A new screen: create its module (the entry
# below names it already) or add an entry (key, English title, any-of permissions, factory).
ScreenFactory = Callable[["AppContext", QWidget | None], QWidget]


@dataclass(frozen=True)
class ScreenSpec:
    """One screen: shown when its module exists and the advisor holds one of `permissions`."""

    key: str
    title_source: str  # English source text, translated in the "screens" context
    permissions: tuple[str, ...]
    factory: str  # "package.module:ClassName", imported on first use

    @property
    def title(self) -> str:
        return QCoreApplication.translate("screens", self.title_source)

    @property
    def module(self) -> str:
        return self.factory.partition(":")[0]

    def exists(self) -> bool:
        try:
            return importlib.util.find_spec(self.module) is not None
        except ModuleNotFoundError:
            return False

    def load(self) -> ScreenFactory:
        """Import the screen's class (raises whatever the import raises)."""
        module, _, name = self.factory.partition(":")
        cls: ScreenFactory = getattr(importlib.import_module(module), name)
        return cls


ACCUEIL = "accueil"
DEMARCHES = "demarches"
RENDEZ_VOUS = "rendez_vous"
ANNUAIRE = "annuaire"
COURRIELS = "courriels"
SUPERVISION = "supervision"
ADMINISTRATION = "administration"
BUREAUX = "bureaux"
CONNAISSANCES = "connaissances"

_PKG = "advisor_desk.ui.screens"

# Navigation order. A screen whose module is not there yet is left out, not faked.
SCREENS: tuple[ScreenSpec, ...] = (
    ScreenSpec(
        ACCUEIL,
        str(QT_TRANSLATE_NOOP("screens", "Reception")),
        ("member.search",),
        f"{_PKG}.accueil:AccueilScreen",
    ),
    ScreenSpec(
        DEMARCHES,
        str(QT_TRANSLATE_NOOP("screens", "Procedures")),
        ("declaration.process", "declaration.file"),
        f"{_PKG}.demarches:DemarchesScreen",
    ),
    ScreenSpec(
        RENDEZ_VOUS,
        str(QT_TRANSLATE_NOOP("screens", "Appointments")),
        ("appointment.agenda",),
        f"{_PKG}.rendez_vous:RendezVousScreen",
    ),
    ScreenSpec(
        ANNUAIRE,
        str(QT_TRANSLATE_NOOP("screens", "Health directory")),
        ("directory.read",),
        f"{_PKG}.annuaire:AnnuaireScreen",
    ),
    ScreenSpec(
        COURRIELS,
        str(QT_TRANSLATE_NOOP("screens", "E-mails")),
        ("mail.work",),
        f"{_PKG}.courriels:CourrielsScreen",
    ),
    ScreenSpec(
        SUPERVISION,
        str(QT_TRANSLATE_NOOP("screens", "Supervision")),
        ("supervision.view",),
        f"{_PKG}.supervision:SupervisionScreen",
    ),
    ScreenSpec(
        ADMINISTRATION,
        str(QT_TRANSLATE_NOOP("screens", "Administration")),
        ("admin.accounts",),
        f"{_PKG}.admin:AdminScreen",
    ),
    ScreenSpec(
        BUREAUX,
        str(QT_TRANSLATE_NOOP("screens", "Offices and schedules")),
        ("office.manage",),
        f"{_PKG}.bureaux:BureauxScreen",
    ),
    ScreenSpec(
        CONNAISSANCES,
        str(QT_TRANSLATE_NOOP("screens", "Knowledge base")),
        ("mail.work",),
        f"{_PKG}.connaissances:ConnaissancesScreen",
    ),
)


def available_screens(
    permissions: Iterable[str], screens: Iterable[ScreenSpec] | None = None
) -> list[ScreenSpec]:
    """The screens this advisor may open and that are installed, in navigation order."""
    held = frozenset(permissions)
    candidates = SCREENS if screens is None else screens
    return [s for s in candidates if any(p in held for p in s.permissions) and s.exists()]


def shortcut_of(spec: ScreenSpec) -> str:
    """Ctrl+1 … Ctrl+9 by place in the registry: the same key for a screen in every role."""
    keys = [s.key for s in SCREENS]
    return f"Ctrl+{keys.index(spec.key) + 1}" if spec.key in keys else ""
