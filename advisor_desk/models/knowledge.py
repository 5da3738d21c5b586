"""The knowledge-base article list as a Qt table model (retired articles greyed)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from advisor_desk.backend.knowledge_dto import ArticleSummary
from advisor_desk.models.mail_queue import theme_label
from advisor_desk.models.table import Column, RowTableModel

RETIRED = QColor("#808080")


def _theme(article: ArticleSummary) -> str:
    if article.theme is None:
        return QCoreApplication.translate("ArticleListModel", "All")
    return theme_label(article.theme)


def _status(article: ArticleSummary) -> str:
    if article.active:
        return QCoreApplication.translate("ArticleListModel", "In use")
    return QCoreApplication.translate("ArticleListModel", "Retired")


class ArticleListModel(RowTableModel[ArticleSummary]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(QCoreApplication.translate("ArticleListModel", "Title"), lambda a: a.title),
                Column(QCoreApplication.translate("ArticleListModel", "Theme"), _theme),
                Column(QCoreApplication.translate("ArticleListModel", "Status"), _status),
                Column(
                    QCoreApplication.translate("ArticleListModel", "Beginning"), lambda a: a.excerpt
                ),
            ],
            parent,
        )

    def index_of(self, article_id: int) -> int | None:
        return next((i for i, a in enumerate(self.rows) if a.id == article_id), None)

    def _extra(self, row: ArticleSummary, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            return QBrush(RETIRED)
        return None
