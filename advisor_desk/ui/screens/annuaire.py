"""Annuaire santé: the health professionals near a member, with their sector and fee."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.backend.professionals_dto import DirectoryOffice, ProfessionalSearch
from advisor_desk.domain.enums import Sector
from advisor_desk.models.directory import DirectoryModel
from advisor_desk.ui.context import AppContext, Topics
from advisor_desk.ui.down_to_results import DownToResults
from advisor_desk.ui.form_message import FormMessage, mark_invalid
from advisor_desk.ui.ops import OpError
from advisor_desk.ui.row_table import row_table
from advisor_desk.ui.state_panel import StatePanel

SEARCH_DELAY_MS = 250
LIMIT = 100
POSTCODE_LENGTH = 5


class AnnuaireScreen(QWidget):
    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annuaireScreen")
        self._app = app
        self.specialty = QComboBox(self)
        self.specialty.setObjectName("directorySpecialty")
        self.specialty.addItem(self.tr("All specialties"), None)
        self.sectors = QComboBox(self)
        self.sectors.setObjectName("directorySectors")
        self.sectors.addItem(self.tr("All sectors"), [])
        self.sectors.addItem(self.tr("No extra fees (sector 1)"), [Sector.SECTOR_1])
        self.sectors.addItem(self.tr("Sector 1 and OPTAM"), [Sector.SECTOR_1, Sector.OPTAM])
        self.search = QLineEdit(self)
        self.search.setObjectName("directorySearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Name or commune"))
        self.around = QComboBox(self)
        self.around.setObjectName("directoryAround")
        self.around.addItem(self.tr("Nowhere (by name)"), None)
        self.postcode = QLineEdit(self)
        self.postcode.setObjectName("directoryPostcode")
        self.postcode.setMaxLength(POSTCODE_LENGTH)
        self.postcode.setClearButtonEnabled(True)
        self.postcode.setPlaceholderText(self.tr("or postcode"))
        self.postcode.setToolTip(self.tr("A postcode replaces the office as the starting point."))
        self.count = QLabel(self)
        self.count.setObjectName("directoryCount")
        self.notice = FormMessage(self)
        self.model = DirectoryModel(self)
        self.table = row_table(self, self.model, "directoryTable", min_section=96)
        self.panel = StatePanel(self.table, self)
        self.panel.retry_requested.connect(self._retry)

        filters = QHBoxLayout()
        for text, widget, stretch in (
            (self.tr("S&pecialty:"), self.specialty, 2),
            (self.tr("Sec&tors:"), self.sectors, 1),
            (self.tr("&Search:"), self.search, 2),
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget, stretch)
        origin = QHBoxLayout()
        around_label = QLabel(self.tr("Ar&ound:"), self)
        around_label.setBuddy(self.around)
        origin.addWidget(around_label)
        origin.addWidget(self.around, 2)
        origin.addWidget(self.postcode)
        origin.addWidget(self.count, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(origin)
        layout.addWidget(self.notice)
        layout.addWidget(self.panel, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.search.returnPressed.connect(self.reload)
        DownToResults(self.search, self.table)
        self.postcode.textChanged.connect(self._postcode_changed)
        self.postcode.returnPressed.connect(self.reload)
        self.specialty.currentIndexChanged.connect(self.reload)
        self.sectors.currentIndexChanged.connect(self.reload)
        self.around.currentIndexChanged.connect(self.reload)
        app.bus.changed.connect(self._bus_changed)
        self._ready = False
        self.panel.show_loading()
        self._load_choices()

    # -- choices ---------------------------------------------------------------------------

    def _load_choices(self) -> None:
        directory = self._app.backend.professionals
        self._app.ops.call(
            directory.specialties,
            on_success=self._specialties_loaded,
            on_failure=self._failed,
            key="directory.specialties",
            owner=self,
        )
        self._app.ops.call(
            directory.offices,
            on_success=self._offices_loaded,
            on_failure=self._failed,
            key="directory.offices",
            owner=self,
        )

    def _specialties_loaded(self, labels: list[str]) -> None:
        current = self.specialty.currentData()
        self.specialty.blockSignals(True)
        self.specialty.clear()
        self.specialty.addItem(self.tr("All specialties"), None)
        for label in labels:
            self.specialty.addItem(label, label)
        found = self.specialty.findData(current) if current else 0
        self.specialty.setCurrentIndex(max(found, 0))
        self.specialty.blockSignals(False)

    def _offices_loaded(self, offices: list[DirectoryOffice]) -> None:
        current = self.around.currentData() if self._ready else self._app.backend.advisor.office_id
        self.around.blockSignals(True)
        self.around.clear()
        self.around.addItem(self.tr("Nowhere (by name)"), None)
        for office in offices:
            self.around.addItem(f"{office.name} ({office.city})", office.id)
        found = self.around.findData(current) if current is not None else 0
        self.around.setCurrentIndex(max(found, 0))
        self.around.blockSignals(False)
        self._ready = True
        self.reload()

    def search_around(self, postcode: str) -> None:
        """From a member's file: the professionals near their home; the specialty is next."""
        self.postcode.setText(postcode)
        self.specialty.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- searching -------------------------------------------------------------------------

    def _postcode_changed(self, text: str) -> None:
        # Search when the code is complete or gone, not at every digit typed.
        if len(text.strip()) in (0, POSTCODE_LENGTH):
            self.reload()
        else:
            mark_invalid(self.postcode, False)

    def reload(self) -> None:
        self._debounce.stop()
        if not self._ready:
            return
        specialty = self.specialty.currentData()
        sectors = list(self.sectors.currentData() or [])
        text = self.search.text()
        postcode = self.postcode.text().strip() or None
        office_id = None if postcode else self.around.currentData()
        if not self.model.rowCount():
            self.panel.show_loading()
        directory = self._app.backend.professionals
        self._app.ops.call(
            lambda: directory.search(specialty, sectors, text, office_id, postcode, LIMIT),
            on_success=self._loaded,
            on_failure=self._search_failed,
            key="directory.search",
            owner=self,
        )

    def _loaded(self, found: ProfessionalSearch) -> None:
        self.notice.clear_message()
        mark_invalid(self.postcode, False)
        self.model.set_rows(found.rows)
        shown = len(found.rows)
        if found.total > shown:
            text = (
                self.tr("{total} professionals, the {n} nearest shown")
                if found.origin is not None
                else self.tr("{total} professionals, the first {n} shown")
            )
        else:
            text = self.tr("{total} professional(s)")
        self.count.setText(text.format(total=found.total, n=shown))
        if found.rows:
            self.panel.show_content()
        else:
            self.panel.show_empty(self.tr("No professional matches these filters."))

    def _retry(self) -> None:
        if self._ready:
            self.reload()
        else:
            self.panel.show_loading()
            self._load_choices()

    def _search_failed(self, error: OpError) -> None:
        if error.field is None:
            self._failed(error)
            return
        # A wrong postcode: say it by the field, and show nothing stale behind it.
        self.notice.show_error(error.message)
        mark_invalid(self.postcode, error.field == "near_postcode")
        self.model.set_rows([])
        self.count.clear()
        self.panel.show_empty(error.message)

    def _failed(self, error: OpError) -> None:
        self.panel.show_error(error.message)

    def _bus_changed(self, topic: str, _payload: object) -> None:
        if topic == Topics.CONNECTION_RESTORED:
            self._load_choices()
