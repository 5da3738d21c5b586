"""Supervision tables: mail backlog by theme, declarations backlog, agents' load, an agent's items."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLocale, QObject

from advisor_desk.backend.supervision_dto import (
    AGE_BUCKETS,
    AgentItem,
    AgentLoad,
    BacklogCell,
    DeclarationCell,
)
from advisor_desk.domain.calendar import PARIS
from advisor_desk.domain.declarations import KIND_TITLES_FR
from advisor_desk.domain.declarations.workflow import STATE_LABELS_FR
from advisor_desk.domain.enums import DeclarationKind, MailTheme
from advisor_desk.domain.sla import minutes_text
from advisor_desk.models.mail_queue import theme_label
from advisor_desk.models.table import Column, RowTableModel


def bucket_label(bucket: str, *, short: bool = False) -> str:
    """An age range: in words (table headers), or `short` in a few characters for a chart's
    legend (d: days). No "<": the legend reads its labels as rich text, where "< 1" would
    start a tag and the label disappear."""
    labels = {
        "lt1d": (
            QCoreApplication.translate("SupervisionModels", "Under 1 day"),
            QCoreApplication.translate("SupervisionModels", "0–1 d"),
        ),
        "d1_3": (
            QCoreApplication.translate("SupervisionModels", "1–3 days"),
            QCoreApplication.translate("SupervisionModels", "1–3 d"),
        ),
        "d3_7": (
            QCoreApplication.translate("SupervisionModels", "3–7 days"),
            QCoreApplication.translate("SupervisionModels", "3–7 d"),
        ),
        "gt7d": (
            QCoreApplication.translate("SupervisionModels", "Over 7 days"),
            QCoreApplication.translate("SupervisionModels", "7+ d"),
        ),
    }
    return labels[bucket][short]


@dataclass(frozen=True)
class ThemeBacklog:
    """One theme's open threads by age bucket (in AGE_BUCKETS order)."""

    theme: MailTheme
    counts: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.counts)


def theme_rows(cells: Sequence[BacklogCell]) -> list[ThemeBacklog]:
    """The backlog cells pivoted to one row per theme that has open threads."""
    by_theme: dict[MailTheme, list[int]] = {}
    for cell in cells:
        counts = by_theme.setdefault(cell.theme, [0] * len(AGE_BUCKETS))
        counts[AGE_BUCKETS.index(cell.bucket)] += cell.count
    return [ThemeBacklog(t, tuple(by_theme[t])) for t in MailTheme if t in by_theme]


def _n(value: int) -> str:
    return QLocale().toString(value)


def _f(value: float) -> str:
    return QLocale().toString(value, "f", 1)


class BacklogModel(RowTableModel[ThemeBacklog]):
    def __init__(self, parent: QObject | None = None) -> None:
        columns: list[Column[ThemeBacklog]] = [
            Column(
                QCoreApplication.translate("SupervisionModels", "Theme"),
                lambda r: theme_label(r.theme),
            ),
        ]
        for i, bucket in enumerate(AGE_BUCKETS):
            columns.append(
                Column(
                    bucket_label(bucket),
                    lambda r, i=i: _n(r.counts[i]),  # type: ignore[misc]
                    lambda r, i=i: r.counts[i],  # type: ignore[misc]
                    align_right=True,
                )
            )
        columns.append(
            Column(
                QCoreApplication.translate("SupervisionModels", "Total"),
                lambda r: _n(r.total),
                lambda r: r.total,
                True,
            )
        )
        super().__init__(columns, parent)


class DeclarationBacklogModel(RowTableModel[DeclarationCell]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(
                    QCoreApplication.translate("SupervisionModels", "Kind"),
                    lambda r: KIND_TITLES_FR[r.kind],
                ),
                Column(
                    QCoreApplication.translate("SupervisionModels", "State"),
                    lambda r: STATE_LABELS_FR[r.state],
                ),
                Column(
                    QCoreApplication.translate("SupervisionModels", "Open"),
                    lambda r: _n(r.count),
                    lambda r: r.count,
                    True,
                ),
            ],
            parent,
        )


class AgentLoadModel(RowTableModel[AgentLoad]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(QCoreApplication.translate("SupervisionModels", "Agent"), lambda r: r.label),
                Column(
                    QCoreApplication.translate("SupervisionModels", "Open e-mails"),
                    lambda r: _n(r.open_threads),
                    lambda r: r.open_threads,
                    True,
                ),
                Column(
                    QCoreApplication.translate("SupervisionModels", "Open procedures"),
                    lambda r: _n(r.open_declarations),
                    lambda r: r.open_declarations,
                    True,
                ),
                Column(
                    QCoreApplication.translate("SupervisionModels", "Handled"),
                    lambda r: _n(r.handled),
                    lambda r: r.handled,
                    True,
                ),
                Column(
                    QCoreApplication.translate("SupervisionModels", "Per day"),
                    lambda r: _f(r.handled_per_day),
                    lambda r: r.handled_per_day,
                    True,
                ),
                Column(
                    QCoreApplication.translate("SupervisionModels", "Median handling"),
                    lambda r: minutes_text(r.median_handling_min),
                    lambda r: r.median_handling_min or 0,
                    True,
                ),
            ],
            parent,
        )


def item_topic(item: AgentItem) -> str:
    if item.kind == "mail":
        return theme_label(MailTheme(item.topic))
    return KIND_TITLES_FR[DeclarationKind(item.topic)]


class AgentItemsModel(RowTableModel[AgentItem]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(
                    QCoreApplication.translate("SupervisionModels", "Item"),
                    lambda r: (
                        (
                            QCoreApplication.translate("SupervisionModels", "E-mail")
                            if r.kind == "mail"
                            else QCoreApplication.translate("SupervisionModels", "Procedure")
                        )
                        + f" {r.id}"
                    ),
                ),
                Column(QCoreApplication.translate("SupervisionModels", "Topic"), item_topic),
                Column(
                    QCoreApplication.translate("SupervisionModels", "Since"),
                    lambda r: r.since.astimezone(PARIS).strftime("%d/%m/%Y %H:%M"),
                    lambda r: r.since,
                ),
            ],
            parent,
        )
