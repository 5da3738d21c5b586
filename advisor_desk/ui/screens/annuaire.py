"""Annuaire santé: the health professionals and care establishments near a member, with hours."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.backend.professionals_dto import (
    DirectoryOffice,
    EstablishmentRow,
    EstablishmentSearch,
    ProfessionalRow,
    ProfessionalSearch,
)
from advisor_desk.domain.enums import EstablishmentKind, Sector
from advisor_desk.models.directory import (
    DirectoryModel,
    EstablishmentModel,
    hours_text,
    kind_label,
)
from advisor_desk.ui.context import AppContext, Topics
from advisor_desk.ui.down_to_results import DownToResults
from advisor_desk.ui.form_message import FormMessage, mark_invalid
from advisor_desk.ui.ops import OpError
from advisor_desk.ui.row_table import row_table
from advisor_desk.ui.state_panel import StatePanel

SEARCH_DELAY_MS = 250
LIMIT = 100
POSTCODE_LENGTH = 5
PROFESSIONALS, ESTABLISHMENTS = 0, 1


class AnnuaireScreen(QWidget):
    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annuaireScreen")
        self._app = app
        # What is listed: professionals or establishments (one choice, above the filters).
        self.show_professionals = QRadioButton(self.tr("Health professiona&ls"), self)
        self.show_professionals.setObjectName("directoryShowProfessionals")
        self.show_professionals.setChecked(True)
        self.show_establishments = QRadioButton(self.tr("Care esta&blishments"), self)
        self.show_establishments.setObjectName("directoryShowEstablishments")
        self.mode = QButtonGroup(self)
        self.mode.addButton(self.show_professionals, PROFESSIONALS)
        self.mode.addButton(self.show_establishments, ESTABLISHMENTS)

        self.specialty = QComboBox(self)
        self.specialty.setObjectName("directorySpecialty")
        self.specialty.addItem(self.tr("All specialties"), None)
        self.sectors = QComboBox(self)
        self.sectors.setObjectName("directorySectors")
        self.sectors.addItem(self.tr("All sectors"), [])
        self.sectors.addItem(self.tr("No extra fees (sector 1)"), [Sector.SECTOR_1])
        self.sectors.addItem(self.tr("Sector 1 and OPTAM"), [Sector.SECTOR_1, Sector.OPTAM])
        self.kind = QComboBox(self)
        self.kind.setObjectName("directoryKind")
        self.kind.addItem(self.tr("All types"), None)
        for kind in EstablishmentKind:
            self.kind.addItem(kind_label(kind), kind)
        self.emergency = QCheckBox(self.tr("&Emergency department 24/7 only"), self)
        self.emergency.setObjectName("directoryEmergency")
        self.emergency.setToolTip(
            self.tr("Hospitals and clinics whose emergency department is open day and night.")
        )
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
        self.establishment_model = EstablishmentModel(self)
        self.establishment_table = row_table(
            self, self.establishment_model, "directoryEstablishments", min_section=96
        )
        self.establishment_panel = StatePanel(self.establishment_table, self)
        self.establishment_panel.retry_requested.connect(self._retry)
        self.results = QStackedWidget(self)
        self.results.addWidget(self.panel)
        self.results.addWidget(self.establishment_panel)
        # The selected row's opening hours (and, for an establishment, its phone).
        self.details = QLabel(self)
        self.details.setObjectName("directoryDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        choice = QHBoxLayout()
        choice.addWidget(self.show_professionals)
        choice.addWidget(self.show_establishments)
        choice.addStretch(1)
        self.filters = QStackedWidget(self)
        self.filters.addWidget(
            self._filter_page(
                (self.tr("S&pecialty:"), self.specialty, 2), (self.tr("Sec&tors:"), self.sectors, 1)
            )
        )
        establishment_filters = self._filter_page((self.tr("T&ype:"), self.kind, 2))
        establishment_layout = establishment_filters.layout()
        assert isinstance(establishment_layout, QHBoxLayout)
        establishment_layout.addWidget(self.emergency, 1)
        self.filters.addWidget(establishment_filters)
        filters = QHBoxLayout()
        filters.addWidget(self.filters, 3)
        search_label = QLabel(self.tr("&Search:"), self)
        search_label.setBuddy(self.search)
        filters.addWidget(search_label)
        filters.addWidget(self.search, 2)
        origin = QHBoxLayout()
        around_label = QLabel(self.tr("Ar&ound:"), self)
        around_label.setBuddy(self.around)
        origin.addWidget(around_label)
        origin.addWidget(self.around, 2)
        origin.addWidget(self.postcode)
        origin.addWidget(self.count, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(choice)
        layout.addLayout(filters)
        layout.addLayout(origin)
        layout.addWidget(self.notice)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.details)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.search.returnPressed.connect(self.reload)
        self._down = DownToResults(self.search, self.table)
        self.postcode.textChanged.connect(self._postcode_changed)
        self.postcode.returnPressed.connect(self.reload)
        self.specialty.currentIndexChanged.connect(self.reload)
        self.sectors.currentIndexChanged.connect(self.reload)
        self.kind.currentIndexChanged.connect(self.reload)
        self.emergency.toggled.connect(self.reload)
        self.around.currentIndexChanged.connect(self.reload)
        self.mode.idToggled.connect(self._mode_toggled)
        for table in (self.table, self.establishment_table):
            table.selectionModel().currentRowChanged.connect(
                lambda current, _previous, table=table: self._row_changed(table, current)
            )
        app.bus.changed.connect(self._bus_changed)
        self._ready = False
        self._show_details()
        self.panel.show_loading()
        self.establishment_panel.show_loading()
        self._load_choices()

    def _filter_page(self, *fields: tuple[str, QWidget, int]) -> QWidget:
        page = QWidget(self)
        row = QHBoxLayout(page)
        row.setContentsMargins(0, 0, 0, 0)
        for text, widget, stretch in fields:
            label = QLabel(text, page)
            label.setBuddy(widget)
            row.addWidget(label)
            row.addWidget(widget, stretch)
        return page

    @property
    def listing_establishments(self) -> bool:
        return self.mode.checkedId() == ESTABLISHMENTS

    def _current_table(self) -> QTableView:
        return self.establishment_table if self.listing_establishments else self.table

    def _current_panel(self) -> StatePanel:
        return self.establishment_panel if self.listing_establishments else self.panel

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
        self.show_professionals.setChecked(True)
        self.postcode.setText(postcode)
        self.specialty.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- searching -------------------------------------------------------------------------

    def _mode_toggled(self, mode: int, checked: bool) -> None:
        if not checked:
            return
        self.filters.setCurrentIndex(mode)
        self.results.setCurrentIndex(mode)
        # Down from the search field goes to the table on show.
        self.search.removeEventFilter(self._down)
        self._down.deleteLater()
        self._down = DownToResults(self.search, self._current_table())
        self.count.clear()
        self.notice.clear_message()
        self._show_details()
        self.reload()

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
        text = self.search.text()
        postcode = self.postcode.text().strip() or None
        office_id = None if postcode else self.around.currentData()
        directory = self._app.backend.professionals
        if self.listing_establishments:
            if not self.establishment_model.rowCount():
                self.establishment_panel.show_loading()
        elif not self.model.rowCount():
            self.panel.show_loading()
        # One key for both lists: a newer search of either supersedes the one pending.
        if self.listing_establishments:
            # Qt gives the item data back as plain strings: the wire wants the enums.
            data = self.kind.currentData()
            kind = EstablishmentKind(data) if data else None
            emergency = self.emergency.isChecked()
            self._app.ops.call(
                lambda: directory.establishments(kind, text, office_id, postcode, emergency, LIMIT),
                on_success=self._establishments_loaded,
                on_failure=self._search_failed,
                key="directory.search",
                owner=self,
            )
            return
        specialty = self.specialty.currentData()
        sectors = [Sector(x) for x in self.sectors.currentData() or []]
        self._app.ops.call(
            lambda: directory.search(specialty, sectors, text, office_id, postcode, LIMIT),
            on_success=self._loaded,
            on_failure=self._search_failed,
            key="directory.search",
            owner=self,
        )

    def _loaded(self, found: ProfessionalSearch) -> None:
        self._found()
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
        self._show_details()

    def _establishments_loaded(self, found: EstablishmentSearch) -> None:
        self._found()
        self.establishment_model.set_rows(found.rows)
        shown = len(found.rows)
        if found.total > shown:
            text = (
                self.tr("{total} establishments, the {n} nearest shown")
                if found.origin is not None
                else self.tr("{total} establishments, the first {n} shown")
            )
        else:
            text = self.tr("{total} establishment(s)")
        self.count.setText(text.format(total=found.total, n=shown))
        if found.rows:
            self.establishment_panel.show_content()
        elif self.emergency.isChecked():
            self.establishment_panel.show_empty(
                self.tr("No emergency department matches these filters.")
            )
        else:
            self.establishment_panel.show_empty(self.tr("No establishment matches these filters."))
        self._show_details()

    def _found(self) -> None:
        self.notice.clear_message()
        mark_invalid(self.postcode, False)

    def _row_changed(self, table: QTableView, current: QModelIndex) -> None:
        if table is self._current_table():
            self._show_details(current)

    def _show_details(self, current: QModelIndex | None = None) -> None:
        """The hours of the row the advisor is on, in the list shown."""
        index = current if current is not None else self._current_table().currentIndex()
        if not index.isValid():
            self.details.setText(self.tr("Select a row to see its opening hours."))
        elif self.listing_establishments:
            row = self.establishment_model.row_at(index.row())
            self.details.setText(self._establishment_details(row))
        else:
            self.details.setText(self._professional_details(self.model.row_at(index.row())))

    def _professional_details(self, row: ProfessionalRow) -> str:
        return self.tr("{name} — consultation hours: {hours}").format(
            name=row.name, hours=hours_text(row.hours)
        )

    def _establishment_details(self, row: EstablishmentRow) -> str:
        text = self.tr("{name} — opening hours: {hours}").format(
            name=row.name, hours=hours_text(row.hours)
        )
        if row.emergency:
            text += self.tr(" — emergency department open 24/7")
        return text + self.tr(" — phone {phone}").format(phone=row.phone)

    def _retry(self) -> None:
        if self._ready:
            self.reload()
        else:
            self._current_panel().show_loading()
            self._load_choices()

    def _search_failed(self, error: OpError) -> None:
        if error.field is None:
            self._failed(error)
            return
        # A wrong postcode: say it by the field, and show nothing stale behind it.
        self.notice.show_error(error.message)
        mark_invalid(self.postcode, error.field == "near_postcode")
        self.model.set_rows([])
        self.establishment_model.set_rows([])
        self.count.clear()
        self._current_panel().show_empty(error.message)
        self._show_details()

    def _failed(self, error: OpError) -> None:
        self._current_panel().show_error(error.message)

    def _bus_changed(self, topic: str, _payload: object) -> None:
        if topic == Topics.CONNECTION_RESTORED:
            self._load_choices()
