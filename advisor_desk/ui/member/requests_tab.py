"""The member file's Requests tab: the member's requests, and the receipt of the selected one."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from advisor_desk.models.member_file import DeclarationsModel
from advisor_desk.ui.context import AppContext
from advisor_desk.ui.declarations.receipt_bar import ReceiptBar

from .table_tab import TableTab


class RequestsTab(TableTab):
    def __init__(
        self, app: AppContext, empty_text: str, note: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(DeclarationsModel(), empty_text, note, parent)
        self.receipt = ReceiptBar(app, self)
        layout = self.layout()
        assert layout is not None
        layout.addWidget(self.receipt)  # under the table and its note
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        # A reset (reload, member done) drops the selection without a selectionChanged.
        self.model.modelReset.connect(self._selection_changed)

    def select_declaration(self, declaration_id: int) -> bool:
        """Select the request of that id, if listed."""
        for row, declaration in enumerate(self.model.rows):
            if declaration.id == declaration_id:
                self.view.selectRow(row)
                return True
        return False

    def _selection_changed(self, *_args: object) -> None:
        rows = self.view.selectionModel().selectedRows()
        self.receipt.set_declaration(self.model.row_at(rows[0].row()).id if rows else None)
