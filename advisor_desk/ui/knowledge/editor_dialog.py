"""Write or change a knowledge-base article (supervisors); the backend checks every field."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.backend.knowledge_dto import Article, ArticleInput
from advisor_desk.domain.enums import MailTheme
from advisor_desk.models.mail_queue import theme_label
from advisor_desk.ui.context import AppContext
from advisor_desk.ui.form_message import FormMessage, mark_invalid
from advisor_desk.ui.ops import OpError


class ArticleEditorDialog(QDialog):
    saved = Signal(object)  # Article

    def __init__(
        self, app: AppContext, article: Article | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("articleEditor")
        self.setWindowTitle(self.tr("New article") if article is None else self.tr("Edit article"))
        self.resize(640, 560)
        self._app = app
        self._article_id = article.id if article is not None else None
        self.code = QLineEdit(self)
        self.code.setPlaceholderText(self.tr("e.g. VITALE_LOST"))
        self.title = QLineEdit(self)
        self.theme = QComboBox(self)
        self.theme.addItem(self.tr("All themes"), None)
        for theme in MailTheme:
            self.theme.addItem(theme_label(theme), theme)
        self.keywords = QLineEdit(self)
        self.keywords.setPlaceholderText(self.tr("Words members use, separated by commas"))
        self.body = QPlainTextEdit(self)
        self.body.setTabChangesFocus(True)
        self.fields: dict[str, QWidget] = {
            "code": self.code,
            "title": self.title,
            "keywords": self.keywords,
            "body": self.body,
        }
        self.message = FormMessage(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Code:"), self.code)
        form.addRow(self.tr("&Title:"), self.title)
        form.addRow(self.tr("T&heme:"), self.theme)
        form.addRow(self.tr("&Keywords:"), self.keywords)
        form.addRow(self.tr("Te&xt:"), self.body)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        if article is not None:
            self.code.setText(article.code)
            self.title.setText(article.title)
            self.theme.setCurrentIndex(max(self.theme.findData(article.theme), 0))
            self.keywords.setText(article.keywords)
            self.body.setPlainText(article.body)
        self.code.setFocus()

    def data(self) -> ArticleInput:
        value = self.theme.currentData()
        return ArticleInput(
            code=self.code.text(),
            title=self.title.text(),
            theme=MailTheme(value) if value else None,
            keywords=self.keywords.text(),
            body=self.body.toPlainText(),
        )

    def save(self) -> None:
        for widget in self.fields.values():
            mark_invalid(widget, False)
        self.message.clear_message()
        data, article_id = self.data(), self._article_id
        knowledge = self._app.backend.knowledge
        self.buttons.setEnabled(False)
        self._app.ops.call(
            lambda: knowledge.save_article(article_id, data),
            on_success=self._saved,
            on_failure=self._failed,
            key="knowledge.save",
            owner=self,
        )

    def _saved(self, article: Article) -> None:
        self.buttons.setEnabled(True)
        self.saved.emit(article)
        self.accept()

    def _failed(self, error: OpError) -> None:
        self.buttons.setEnabled(True)
        self.message.show_error(error.message)
        widget = self.fields.get(error.field or "")
        if widget is not None:
            mark_invalid(widget, True)
            widget.setFocus()
