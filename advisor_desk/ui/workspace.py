"""The logged-in work area: navigation beside the screens, each built on its first visit."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QStackedWidget, QWidget

from . import logs
from .context import AppContext
from .nav_bar import NavBar
from .screens import ACCUEIL, ANNUAIRE, ScreenSpec
from .welcome_page import WelcomePage

log = logging.getLogger(__name__)


class Workspace(QWidget):
    """Holds the session's screens; they live as long as the session (their state is kept)."""

    current_changed = Signal(str)

    def __init__(
        self,
        app: AppContext,
        specs: Sequence[ScreenSpec],
        shortcuts: dict[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("workspace")
        self._app = app
        self._specs = {spec.key: spec for spec in specs}
        self._screens: dict[str, QWidget] = {}
        self.nav = NavBar(self)
        self.stack = QStackedWidget(self)
        for spec in specs:
            self.nav.add_entry(spec.key, spec.title, (shortcuts or {}).get(spec.key))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        # A screen wider than the counter's display scrolls instead of widening the window
        # past the screen's edge.
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self.stack)
        layout.addWidget(self.nav)
        layout.addWidget(self.scroll_area, 1)
        if specs:
            self.nav.selected.connect(self.show_screen)
            self.nav.set_current_key(specs[0].key)
            # The Accueil screen opens the member; bring it to the front for the advisor.
            app.open_member_requested.connect(lambda _member_id: self.show_screen(ACCUEIL))
            app.directory_requested.connect(self._open_directory)
        else:
            # A role whose screens are not delivered yet still gets a home.
            advisor = app.backend.advisor
            home = WelcomePage(self)
            home.show_home(advisor.full_name, advisor.role, advisor.office_name)
            self.stack.addWidget(home)
            self.nav.hide()

    @property
    def keys(self) -> list[str]:
        return list(self._specs)

    def current_key(self) -> str | None:
        return self.nav.current_key()

    def built_screen(self, key: str) -> QWidget | None:
        """The screen if it was built already."""
        return self._screens.get(key)

    def _open_directory(self, postcode: str) -> None:
        """The directory, searching around `postcode` (built first if need be)."""
        screen = self.show_screen(ANNUAIRE)
        search_around = getattr(screen, "search_around", None)
        if search_around is not None:
            search_around(postcode)

    def show_screen(self, key: str) -> QWidget | None:
        if key not in self._specs:
            return None
        widget = self._screens.get(key) or self._build(self._specs[key])
        self.stack.setCurrentWidget(widget)
        if self.nav.current_key() != key:
            self.nav.set_current_key(key)
        self.current_changed.emit(key)
        return widget

    def _build(self, spec: ScreenSpec) -> QWidget:
        try:
            widget = spec.load()(self._app, self.stack)
        except Exception:
            # A broken screen must not take the others down: say so in its place.
            path = logs.ensure_file_logging()
            log.exception("Could not open the screen %s", spec.key)
            widget = QLabel(
                self.tr(
                    "Sorry, the screen “{title}” could not be opened. The details were "
                    "written to the log file {path}."
                ).format(title=spec.title, path=path),
                self.stack,
            )
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            widget.setWordWrap(True)
        self._screens[spec.key] = widget
        self.stack.addWidget(widget)
        return widget
