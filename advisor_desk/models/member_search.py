"""The rows of the member lookup: members and dependents, best match first."""

from __future__ import annotations

from PySide6.QtCore import QObject

from advisor_desk.backend.members_dto import MatchKind, SearchResult, SearchRow

from .member_file_labels import fmt_date, label
from .member_file_table import Col, DtoTableModel


class SearchResultsModel(DtoTableModel[SearchRow]):
    """Holds the rows of the last search shown, and whether they were cut or only close."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.result: SearchResult | None = None

    def columns(self) -> list[Col[SearchRow]]:
        return [
            Col(self.tr("Name"), lambda r: r.last_name),
            Col(self.tr("First names"), lambda r: r.first_names),
            Col(self.tr("Birth date"), lambda r: fmt_date(r.birth_date)),
            Col(
                self.tr("NIR"),
                lambda r: r.nir_masked or self.tr("none of their own"),
                tooltip=lambda r: self.tr("Shown in full once the file is opened"),
            ),
            Col(self.tr("Commune"), lambda r: r.city or ""),
            Col(
                self.tr("Dependents"),
                lambda r: "" if r.dependent_id is not None else str(r.dependents_count),
                right=True,
            ),
            Col(self.tr("Note"), self.note),
        ]

    def note(self, row: SearchRow) -> str:
        """Why the row is there when it is not plain: a dependent, a birth name, a close name."""
        parts = []
        if row.dependent_id is not None and row.holder_name:
            parts.append(self.tr("Dependent of {holder}").format(holder=row.holder_name))
        if row.match is MatchKind.BIRTH_NAME or (
            row.birth_name and row.birth_name != row.last_name and row.dependent_id is None
        ):
            parts.append(self.tr("born {name}").format(name=row.birth_name))
        if row.match is MatchKind.CLOSE:
            parts.append(label(MatchKind.CLOSE))
        return " · ".join(parts)

    def emphasized(self, row: SearchRow) -> bool:
        return row.match in (MatchKind.NIR, MatchKind.NAME) and row.dependent_id is None

    def set_result(self, result: SearchResult) -> None:
        self.result = result
        self.set_rows(result.rows)

    def clear(self) -> None:
        self.result = None
        super().clear()
