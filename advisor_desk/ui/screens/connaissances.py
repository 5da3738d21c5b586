"""Base de connaissances: agents search and read articles; supervisors write and retire them."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.backend.knowledge_dto import Article, ArticleSummary
from advisor_desk.domain.enums import MailTheme
from advisor_desk.models.knowledge import ArticleListModel
from advisor_desk.models.mail_queue import theme_label
from advisor_desk.ui.context import AppContext, Topics
from advisor_desk.ui.form_message import FormMessage
from advisor_desk.ui.knowledge.article_dialog import ArticleDialog
from advisor_desk.ui.knowledge.editor_dialog import ArticleEditorDialog
from advisor_desk.ui.ops import OpError
from advisor_desk.ui.row_table import row_table
from advisor_desk.ui.state_panel import StatePanel

TOPIC = "knowledge"  # payload: the Article saved, retired or restored
SEARCH_DELAY_MS = 250


class ConnaissancesScreen(QWidget):
    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connaissancesScreen")
        self._app = app
        self.editor_allowed = app.allows("mail.supervise")
        self.search = QLineEdit(self)
        self.search.setObjectName("knowledgeSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Words of the member's question, e.g. lost card"))
        self.theme = QComboBox(self)
        self.theme.addItem(self.tr("All themes"), None)
        for theme in MailTheme:
            self.theme.addItem(theme_label(theme), theme)
        self.retired = QCheckBox(self.tr("Show &retired articles"), self)
        self.retired.setVisible(self.editor_allowed)
        self.new_button = QPushButton(self.tr("&New article…"), self)
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.retire_button = QPushButton(self.tr("Re&tire"), self)
        for button in (self.new_button, self.edit_button, self.retire_button):
            button.setVisible(self.editor_allowed)
        self.count = QLabel(self)
        self.notice = FormMessage(self)
        self.model = ArticleListModel(self)
        self.table = row_table(self, self.model, "knowledgeTable", min_section=96)
        self.panel = StatePanel(self.table, self)
        self.panel.retry_requested.connect(self.reload)

        search_label = QLabel(self.tr("&Search:"), self)
        search_label.setBuddy(self.search)
        theme_label_widget = QLabel(self.tr("T&heme:"), self)
        theme_label_widget.setBuddy(self.theme)
        filters = QHBoxLayout()
        filters.addWidget(search_label)
        filters.addWidget(self.search, 2)
        filters.addWidget(theme_label_widget)
        filters.addWidget(self.theme, 1)
        filters.addWidget(self.retired)
        actions = QHBoxLayout()
        actions.addWidget(self.count, 1)
        actions.addWidget(self.new_button)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.retire_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.notice)
        layout.addWidget(self.panel, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.search.returnPressed.connect(self.reload)
        self.theme.currentIndexChanged.connect(self.reload)
        self.retired.toggled.connect(self.reload)
        self.table.activated.connect(lambda index: self.open_article(index.row()))
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.new_button.clicked.connect(lambda: self.edit(None))
        self.edit_button.clicked.connect(self._edit_selected)
        self.retire_button.clicked.connect(self._toggle_selected)
        app.bus.changed.connect(self._bus_changed)
        self._selected_id: int | None = None
        self._update_buttons()
        self.reload()

    # -- loading -------------------------------------------------------------------------

    def reload(self) -> None:
        self._debounce.stop()
        text = self.search.text()
        value = self.theme.currentData()
        theme = MailTheme(value) if value else None
        retired = self.retired.isChecked() and self.editor_allowed
        if not self.model.rowCount():
            self.panel.show_loading()
        knowledge = self._app.backend.knowledge
        self._app.ops.call(
            lambda: knowledge.search(text, theme, retired),
            on_success=lambda rows: self._loaded(text, rows),
            on_failure=self._failed,
            key="knowledge.search",
            owner=self,
        )

    def _loaded(self, text: str, rows: list[ArticleSummary]) -> None:
        self.model.set_rows(rows)
        self.count.setText(self.tr("{n} article(s)").format(n=len(rows)))
        if not rows:
            self.panel.show_empty(
                self.tr("No article matches these words.")
                if text.strip()
                else self.tr("The knowledge base has no article yet.")
            )
        else:
            self.panel.show_content()
            row = self.model.index_of(self._selected_id) if self._selected_id else None
            if row is not None:
                self.table.selectRow(row)
        self._update_buttons()

    def _failed(self, error: OpError) -> None:
        self.panel.show_error(error.message)

    def _action_failed(self, error: OpError) -> None:
        self.notice.show_error(error.message)

    # -- reading and writing ---------------------------------------------------------------

    def open_article(self, row: int) -> ArticleDialog:
        dialog = ArticleDialog(self._app, self.model.row_at(row).id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def edit(self, article: Article | None) -> ArticleEditorDialog:
        dialog = ArticleEditorDialog(self._app, article, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._changed)
        dialog.open()
        return dialog

    def _selected(self) -> ArticleSummary | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _edit_selected(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        knowledge = self._app.backend.knowledge
        self._app.ops.call(
            lambda: knowledge.article(selected.id),
            on_success=self._edit_loaded,
            on_failure=self._action_failed,
            owner=self,
        )

    def _edit_loaded(self, article: Article) -> None:
        self.edit(article)

    def _toggle_selected(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        knowledge = self._app.backend.knowledge
        self._app.ops.call(
            lambda: knowledge.set_active(selected.id, not selected.active),
            on_success=self._changed,
            on_failure=self._action_failed,
            owner=self,
        )

    def _changed(self, article: Article) -> None:
        self._selected_id = article.id
        text = (
            self.tr("“{title}” saved.")
            if article.active
            else self.tr("“{title}” is retired: agents no longer see it.")
        )
        self.notice.show_notice(text.format(title=article.title))
        self._app.bus.publish(TOPIC, article)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        row = self._selected()
        if row is not None:
            self._selected_id = row.id
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self._selected()
        self.edit_button.setEnabled(row is not None)
        self.retire_button.setEnabled(row is not None)
        self.retire_button.setText(
            self.tr("Re&store") if row is not None and not row.active else self.tr("Re&tire")
        )

    def _bus_changed(self, topic: str, _payload: object) -> None:
        if topic in (TOPIC, Topics.CONNECTION_RESTORED):
            self.reload()
