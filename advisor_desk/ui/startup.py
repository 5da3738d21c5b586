"""From the first paint to a logged-in window: open the backend, log in, open the session."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog

from .bootstrap import UnboundBackend, connection_probe
from .context import AppContext
from .login_dialog import LoginDialog
from .main_window import MainWindow
from .ops import OpControl, OpError, OpRunner, Progress
from .settings import Settings

if TYPE_CHECKING:
    from advisor_desk.backend.facade import BoundBackend

Opener = Callable[[OpControl], UnboundBackend]


class Startup(QObject):
    """Shows the window at once; the backend opens in the background while the advisor types.

    With `demo_login` the dialog is skipped (developer option, demo database only).
    """

    session_opened = Signal()
    failed = Signal(str)  # the backend could not be opened, or the demo login was refused

    def __init__(
        self,
        window: MainWindow,
        ops: OpRunner,
        settings: Settings,
        opener: Opener,
        *,
        demo_login: tuple[str, str] | None = None,
        demo_hint: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.ops = ops
        self.settings = settings
        self._opener = opener
        self._demo_login = demo_login
        self._demo_hint = demo_hint
        self.backend: UnboundBackend | None = None
        self.dialog: LoginDialog | None = None
        self._opening = False
        self._pending: tuple[str, str] | None = None
        self._progress: QProgressDialog | None = None
        window.session_closed.connect(self.show_login)

    def start(self) -> None:
        # Nothing heavy before the first paint: the backend's imports come after it.
        self.window.first_painted.connect(self._on_first_paint, Qt.ConnectionType.QueuedConnection)
        self.window.show()

    def _on_first_paint(self) -> None:
        self.open_backend()
        if self._demo_login is None:
            self.show_login()

    # -- backend ----------------------------------------------------------------------------

    def open_backend(self) -> None:
        if self._opening or self.backend is not None:
            return
        self._opening = True
        self.ops.run(
            self._opener,
            on_success=self._on_backend,
            on_failure=self._on_backend_failed,
            on_progress=self._on_progress,
            key="startup.open",
            owner=self,
            parallel=True,
        )

    def _on_progress(self, progress: Progress) -> None:
        if progress.label:
            self.window.welcome.show_starting(progress.label)
        if progress.total is None:
            return
        if self._progress is None:
            parent = self.dialog if self.dialog is not None else self.window
            self._progress = QProgressDialog(parent)
            self._progress.setObjectName("startupProgress")
            self._progress.setWindowTitle(self.tr("First start"))
            self._progress.setCancelButton(None)
            self._progress.setMinimumDuration(0)
            self._progress.setAutoClose(False)
            self._progress.setAutoReset(False)
            self._progress.setWindowModality(Qt.WindowModality.WindowModal)
            self._progress.setMinimumWidth(460)
        dialog = self._progress
        dialog.setLabelText(progress.label)
        dialog.setMaximum(max(progress.total, 1))
        dialog.show()
        # A modal progress dialog processes events in setValue: the op may end meanwhile.
        dialog.setValue(min(progress.done, progress.total))

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None

    def _on_backend(self, backend: UnboundBackend) -> None:
        self._opening = False
        self._close_progress()
        self.backend = backend
        self.window.welcome.show_starting(self.tr("Ready. Please sign in."))
        self.window.status.set_database(backend.describe())
        credentials = self._pending or self._demo_login
        self._pending = None
        if credentials is not None:
            self.login(*credentials)

    def _on_backend_failed(self, error: OpError) -> None:
        self._opening = False
        self._close_progress()
        self._pending = None
        self.window.welcome.show_starting(error.message)
        if self.dialog is None:
            self.show_login()
        assert self.dialog is not None
        self.dialog.show_error(error.message)
        self.failed.emit(error.message)

    # -- login ------------------------------------------------------------------------------

    def show_login(self) -> None:
        if self.dialog is None:
            self.dialog = LoginDialog(self.window, self._demo_hint)
            self.dialog.submitted.connect(self._on_submitted)
            self.dialog.settings_requested.connect(self._open_settings)
            self.dialog.rejected.connect(self.window.close)
        else:
            self.dialog.reset()
        self.dialog.open()

    def _open_settings(self) -> None:
        self.window.open_settings(self.dialog)

    def _on_submitted(self, login: str, password: str) -> None:
        if self.backend is None:
            self._pending = (login, password)
            if self.dialog is not None:
                self.dialog.set_busy(True, self.tr("Opening the database…"))
            self.open_backend()  # again, if the previous attempt failed
            return
        self.login(login, password)

    def login(self, login: str, password: str) -> None:
        backend = self.backend
        assert backend is not None
        self.ops.call(
            lambda: backend.login(login, password),
            on_success=self._on_logged_in,
            on_failure=self._on_login_failed,
            key="startup.login",
            owner=self,
        )

    def _on_logged_in(self, bound: BoundBackend) -> None:
        backend = self.backend
        assert backend is not None
        context = AppContext(
            bound,
            self.ops,
            self.settings,
            database=backend.describe(),
            parent=self.window,
        )
        self.window.open_session(context, connection_probe(backend, context.backend))
        if self.dialog is not None:
            self.dialog.accept()
        self.session_opened.emit()

    def _on_login_failed(self, error: OpError) -> None:
        if self.dialog is None:
            self.show_login()
            assert self.dialog is not None
            if self._demo_login is not None:
                self.dialog.set_login(self._demo_login[0])
        self.dialog.show_error(error.message)
        if self._demo_login is not None:
            self.failed.emit(error.message)
