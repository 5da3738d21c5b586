"""The main window: menus, navigation and screens, connection banner, idle lock, status bar."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from .change_password_dialog import ChangePasswordDialog
from .connection_banner import ConnectionBanner
from .connection_monitor import ConnectionMonitor
from .context import AppContext, Topics
from .idle_watcher import IdleWatcher
from .lock_page import LockPage
from .ops import OpError, OpRunner
from .screens import ACCUEIL, available_screens, shortcut_of
from .settings import Settings
from .settings_dialog import SettingsDialog
from .status_bar import SessionStatusBar
from .theme import apply_theme
from .welcome_page import WelcomePage
from .workspace import Workspace

log = logging.getLogger(__name__)

SEARCH_SHORTCUTS = ("Ctrl+F", "Ctrl+K")


def _native(shortcut: str) -> str:
    return QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)


class MainWindow(QMainWindow):
    """One per application; a session (AppContext) is opened in it after login."""

    first_painted = Signal()
    session_closed = Signal()  # signed out: the login dialog comes back
    session_opened = Signal()

    def __init__(self, ops: OpRunner, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Advisor desk — Assurance Maladie"))
        self.ops = ops
        self.settings = settings
        self.context: AppContext | None = None
        self.workspace: Workspace | None = None
        self.monitor: ConnectionMonitor | None = None
        self._painted = False
        self._hidden_for_lock: list[QWidget] = []

        self.banner = ConnectionBanner(self)
        self.welcome = WelcomePage(self)
        self.lock_page = LockPage(self)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.welcome)
        self.pages.addWidget(self.lock_page)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.status = SessionStatusBar(self)
        self.setStatusBar(self.status)

        self.idle = IdleWatcher(settings.idle_delay_s * 1000, self)
        self.idle.idle.connect(self.lock)
        settings.idle_delay_changed.connect(lambda s: self.idle.set_delay_ms(s * 1000))
        settings.theme_changed.connect(self._apply_theme)
        self.lock_page.unlock_requested.connect(self._unlock)
        self.lock_page.sign_out_requested.connect(self.sign_out)
        self.banner.retry_requested.connect(self._retry_connection)
        ops.failed.connect(self.show_error)

        self._build_menus()
        self._set_session_actions(False)
        self.resize(1280, 800)
        geometry = settings.window_geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = settings.window_state()
        if state is not None:
            self.restoreState(state)

    # -- menus ------------------------------------------------------------------------------

    def _action(
        self,
        menu: QMenu,
        text: str,
        slot: Callable[[], object],
        shortcuts: tuple[str, ...] = (),
        tip: str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        label = (tip or text.replace("&", "").rstrip("…")).strip()
        if shortcuts:
            keys = ", ".join(_native(s) for s in shortcuts)
            action.setToolTip(f"{label} ({keys})")
            action.setStatusTip(f"{label} ({keys})")
        action.triggered.connect(slot)
        menu.addAction(action)
        self.addAction(action)  # shortcuts work even while the menu bar is hidden or locked
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.settings_action = self._action(
            file_menu, self.tr("&Settings…"), lambda: self.open_settings(), ("Ctrl+,",)
        )
        self.password_action = self._action(
            file_menu, self.tr("Change my &password…"), lambda: self.change_password()
        )
        file_menu.addSeparator()
        self.lock_action = self._action(
            file_menu, self.tr("&Lock the session"), self.lock, ("Ctrl+L",)
        )
        self.sign_out_action = self._action(file_menu, self.tr("Sign &out"), self.sign_out)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), self.close, ("Ctrl+Q",))

        self.go_menu = bar.addMenu(self.tr("&Go"))
        self.search_action = self._action(
            self.go_menu,
            self.tr("&Find a member"),
            self.focus_member_search,
            SEARCH_SHORTCUTS,
        )
        self.go_menu.addSeparator()
        self._screen_actions: list[QAction] = []

        view_menu = bar.addMenu(self.tr("&View"))
        self.dark_action = self._action(
            view_menu, self.tr("&Dark theme"), self._toggle_dark, ("Ctrl+Shift+D",)
        )
        self.dark_action.setCheckable(True)
        self.dark_action.setChecked(self.settings.theme == "dark")

        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&Keyboard shortcuts"), self.show_shortcuts, ("F1",))
        self._action(help_menu, self.tr("&About"), self.show_about)

    def _set_session_actions(self, enabled: bool) -> None:
        session_actions = (self.password_action, self.lock_action, self.sign_out_action)
        for action in (*session_actions, *self._screen_actions):
            action.setEnabled(enabled)
        accueil = self.workspace is not None and ACCUEIL in self.workspace.keys
        self.search_action.setEnabled(enabled and accueil)
        self.search_action.setVisible(accueil or self.workspace is None)

    # -- session ----------------------------------------------------------------------------

    def open_session(self, context: AppContext, probe: Callable[[], object]) -> None:
        """Show the advisor's screens (after login)."""
        self.context = context
        advisor = context.backend.advisor
        specs = available_screens(context.permissions)
        shortcuts = {spec.key: shortcut_of(spec) for spec in specs}
        self.workspace = Workspace(
            context,
            specs,
            {key: _native(s) for key, s in shortcuts.items()},
            self.pages,
        )
        self.pages.insertWidget(1, self.workspace)
        self.pages.setCurrentWidget(self.workspace)
        for spec in specs:

            def go(_checked: bool = False, key: str = spec.key) -> None:
                self._go_to(key)

            keys = (shortcuts[spec.key],) if shortcuts[spec.key] else ()
            action = self._action(self.go_menu, spec.title, go, keys)
            self._screen_actions.append(action)
        self.monitor = ConnectionMonitor(self.ops, probe, parent=self)
        self.monitor.lost.connect(self._on_connection_lost)
        self.monitor.restored.connect(self._on_connection_restored)
        self.monitor.probing.connect(self.banner.set_retrying)
        self.status.set_session(advisor.full_name, advisor.role, advisor.office_name)
        self.status.set_database(context.database)
        self.status.set_connected(True)
        self._set_session_actions(True)
        self.idle.start()
        self.session_opened.emit()

    def close_session(self) -> None:
        """Forget the session's screens and data (sign out, or before another login)."""
        self.idle.stop()
        if self.monitor is not None:
            self.monitor.stop()
            self.monitor.deleteLater()
            self.monitor = None
        self._restore_hidden_windows(close=True)
        self.banner.hide()
        for action in self._screen_actions:
            self.go_menu.removeAction(action)
            self.removeAction(action)
            action.deleteLater()
        self._screen_actions = []
        if self.workspace is not None:
            self.pages.removeWidget(self.workspace)
            self.workspace.deleteLater()
            self.workspace = None
        if self.context is not None:
            self.context.deleteLater()
            self.context = None
        self.welcome.show_starting(self.tr("Signed out."))
        self.pages.setCurrentWidget(self.welcome)
        self.status.clear_session()
        self._set_session_actions(False)

    def sign_out(self) -> None:
        context = self.context
        if context is None:
            return
        # Best effort: the token expires by itself if the server cannot be told.
        self.ops.call(context.backend.session.logout, on_failure=lambda _e: None)
        self.close_session()
        self.session_closed.emit()

    @property
    def locked(self) -> bool:
        return self.pages.currentWidget() is self.lock_page

    def lock(self) -> None:
        """Hide everything the session shows until the same advisor's password is given."""
        if self.context is None or self.locked:
            return
        self.idle.stop()
        self._hide_other_windows()
        self.lock_page.reset(self.context.backend.advisor.full_name)
        self.pages.setCurrentWidget(self.lock_page)
        self._set_session_actions(False)
        self.lock_action.setEnabled(False)
        self.sign_out_action.setEnabled(True)
        self.lock_page.focus_password()

    def _unlock(self, password: str) -> None:
        context = self.context
        if context is None:
            return
        self.ops.call(
            lambda: context.backend.session.unlock(password),
            on_success=lambda _r: self._on_unlocked(),
            on_failure=self._on_unlock_failed,
            owner=self,
            key="session.unlock",
        )

    def _on_unlocked(self) -> None:
        if self.workspace is None:
            return
        self.pages.setCurrentWidget(self.workspace)
        self._set_session_actions(True)
        self._restore_hidden_windows()
        self.idle.start()

    def _on_unlock_failed(self, error: OpError) -> None:
        self.lock_page.set_busy(False)
        self.lock_page.show_error(error.message)

    def _hide_other_windows(self) -> None:
        # Dialogs (an account form, a member's letter) are windows of their own: hide them too.
        for widget in QApplication.topLevelWidgets():
            if widget is not self and widget.isVisible() and not isinstance(widget, QMenu):
                widget.hide()
                self._hidden_for_lock.append(widget)

    def _restore_hidden_windows(self, close: bool = False) -> None:
        for widget in self._hidden_for_lock:
            if close:
                widget.close()
            else:
                widget.show()
        self._hidden_for_lock = []

    # -- connection -------------------------------------------------------------------------

    def _on_connection_lost(self, message: str) -> None:
        retry_s = (self.monitor.retry_ms if self.monitor else 5000) // 1000
        self.banner.show_lost(message, max(1, retry_s))
        self.status.set_connected(False)

    def _on_connection_restored(self) -> None:
        self.banner.hide()
        self.status.set_connected(True)
        if self.context is not None:
            self.context.bus.publish(Topics.CONNECTION_RESTORED)

    def _retry_connection(self) -> None:
        if self.monitor is not None:
            self.monitor.retry_now()

    # -- commands ---------------------------------------------------------------------------

    def _go_to(self, key: str) -> None:
        if self.workspace is not None and not self.locked:
            self.workspace.show_screen(key)

    def focus_member_search(self) -> None:
        if self.workspace is None or self.locked:
            return
        screen = self.workspace.show_screen(ACCUEIL)
        focus = getattr(screen, "focus_search", None)
        if callable(focus):
            focus()

    def open_settings(self, parent: QWidget | None = None) -> SettingsDialog:
        dialog = SettingsDialog(self.settings, parent or self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def change_password(self) -> ChangePasswordDialog | None:
        if self.context is None or self.locked:
            return None
        dialog = ChangePasswordDialog(self.context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self.status.showMessage(self.tr("Your password has been changed."), 10_000)
        )
        dialog.open()
        return dialog

    def _toggle_dark(self) -> None:
        self.settings.theme = "dark" if self.dark_action.isChecked() else "light"

    def _apply_theme(self, name: str) -> None:
        self.dark_action.setChecked(name == "dark")
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, name)

    def show_error(self, error: OpError) -> None:
        """An error no screen handled: a short message, never a traceback."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Advisor desk"),
            error.message,
            QMessageBox.StandardButton.Close,
            self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def show_shortcuts(self) -> None:
        rows = [
            (", ".join(_native(s) for s in SEARCH_SHORTCUTS), self.tr("Find a member")),
            # The advisor's own screens, each with its key (Ctrl+1 … Ctrl+9 by registry place).
            *(
                (action.shortcut().toString(QKeySequence.SequenceFormat.NativeText), action.text())
                for action in self._screen_actions
                if not action.shortcut().isEmpty()
            ),
            (_native("Ctrl+L"), self.tr("Lock the session")),
            (_native("Ctrl+,"), self.tr("Settings")),
            (_native("Ctrl+Shift+D"), self.tr("Dark theme")),
            (_native("Ctrl+Q"), self.tr("Quit")),
        ]
        text = "".join(f"<tr><td><b>{keys}</b></td><td>{what}</td></tr>" for keys, what in rows)
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Keyboard shortcuts"),
            f"<table cellspacing='6'>{text}</table>",
            QMessageBox.StandardButton.Close,
            self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def show_about(self) -> None:
        from advisor_desk import __version__

        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("About"),
            self.tr(
                "Advisor desk {version}\nThe workstation of the advisors, agents and "
                "supervisors of a CPAM."
            ).format(version=__version__),
            QMessageBox.StandardButton.Close,
            self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # -- Qt ---------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.save_window(self.saveGeometry(), self.saveState())
        self.settings.sync()
        if self.context is not None:
            # What is still queued is moot; the logout must run (run_app waits for it).
            self.ops.cancel_all()
            self.ops.call(self.context.backend.session.logout, on_failure=lambda _e: None)
        super().closeEvent(event)
