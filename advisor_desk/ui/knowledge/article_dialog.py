"""Read one knowledge-base article; from a mail thread, insert its text into the reply."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.backend.knowledge_dto import Article
from advisor_desk.models.mail_queue import theme_label
from advisor_desk.ui.context import AppContext
from advisor_desk.ui.form_message import FormMessage
from advisor_desk.ui.ops import OpError


class ArticleDialog(QDialog):
    insert_requested = Signal(str)  # the article's text, for the reply editor

    def __init__(
        self,
        app: AppContext,
        article_id: int,
        parent: QWidget | None = None,
        *,
        insertable: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("articleDialog")
        self.setWindowTitle(self.tr("Knowledge base"))
        self.resize(620, 480)
        self._app = app
        self.article: Article | None = None
        self.title = QLabel(self.tr("Loading…"), self)
        self.title.setObjectName("articleTitle")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.meta = QLabel(self)
        self.meta.setWordWrap(True)
        self.body = QTextBrowser(self)
        self.body.setObjectName("articleBody")
        self.message = FormMessage(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.insert_button: QPushButton | None = None
        if insertable:
            self.insert_button = buttons.addButton(
                self.tr("&Insert into the reply"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.insert_button.setEnabled(False)
            self.insert_button.clicked.connect(self._insert)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        knowledge = app.backend.knowledge
        app.ops.call(
            lambda: knowledge.article(article_id),
            on_success=self.show_article,
            on_failure=self._failed,
            key="knowledge.article",
            owner=self,
        )

    def show_article(self, article: Article) -> None:
        self.article = article
        self.title.setText(article.title)
        theme = theme_label(article.theme) if article.theme else self.tr("all themes")
        updated = article.updated_at.astimezone().strftime("%d/%m/%Y")
        meta = self.tr("Theme: {theme} · updated on {date}").format(theme=theme, date=updated)
        if article.updated_by:
            meta += " " + self.tr("by {name}").format(name=article.updated_by)
        if not article.active:
            meta += " · " + self.tr("retired")
        self.meta.setText(meta)
        self.body.setPlainText(article.body)
        if self.insert_button is not None:
            self.insert_button.setEnabled(True)
            self.insert_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _insert(self) -> None:
        if self.article is not None:
            # Closed first: the focus then goes back to the window, where the reply takes it.
            self.accept()
            self.insert_requested.emit(self.article.body)

    def _failed(self, error: OpError) -> None:
        self.title.setText(self.tr("This article could not be read."))
        self.message.show_error(error.message)
