"""One mail thread: the messages, who else has it open, suggested and searched templates, the
thread's theme, the reply editor, actions."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.backend.documents_dto import DOCUMENT_TITLES_FR, IssuedDocumentInfo
from advisor_desk.backend.mail_dto import (
    ReplyResult,
    Suggestion,
    SuggestionList,
    TemplateInfo,
    ThreadDetail,
    ThreadViewer,
)
from advisor_desk.domain.calendar import PARIS
from advisor_desk.domain.enums import MailState, MailTheme, MessageDirection
from advisor_desk.domain.errors import ConflictError
from advisor_desk.models.mail_queue import state_label, theme_label
from advisor_desk.ui.context import AppContext
from advisor_desk.ui.down_to_results import DownToResults
from advisor_desk.ui.knowledge.article_dialog import ArticleDialog
from advisor_desk.ui.mail.escalate_dialog import EscalateDialog
from advisor_desk.ui.mail.transfer_dialog import TransferDialog
from advisor_desk.ui.ops import OpError
from advisor_desk.ui.state_panel import StatePanel

TOPIC = "mail"  # bus topic: payload is the id of the thread that changed
# How often the open thread tells the backend "still here" (its timeout is three times that).
PRESENCE_INTERVAL_MS = 10_000
TEMPLATE_SEARCH_DELAY_MS = 250
# A theme chosen with the arrow keys is saved once they rest: one reclassification, not one a step.
THEME_DELAY_MS = 600
_BANNER_STYLE = (
    "QLabel#presenceBanner { background: #fff1c2; color: #5c4400; "
    "border: 1px solid #e0b94a; border-radius: 3px; padding: 4px 8px; }"
)


class ThreadView(QWidget):
    """Shows the thread given to `show_thread`; emits `changed(thread_id)` after a write."""

    changed = Signal(int)

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mailThreadView")
        self._app = app
        self.detail: ThreadDetail | None = None
        self.header = QLabel(self)
        self.header.setObjectName("threadHeader")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.presence = QLabel(self)
        self.presence.setObjectName("presenceBanner")
        self.presence.setWordWrap(True)
        self.presence.setTextFormat(Qt.TextFormat.PlainText)
        self.presence.setStyleSheet(_BANNER_STYLE)
        self.presence.hide()
        self.release_button = QPushButton(self.tr("Release"), self)
        self.release_button.setObjectName("releaseThread")
        self.release_button.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.release_button.setToolTip(
            self.tr("Put the thread back in the shared queue (Ctrl+Shift+R)")
        )
        self.transfer_button = QPushButton(self.tr("&Transfer…"), self)
        self.transfer_button.setObjectName("transferThread")
        self.transfer_button.setShortcut(QKeySequence("Ctrl+Shift+T"))
        self.transfer_button.setToolTip(
            self.tr("Hand the thread to another agent or a team, with a note (Ctrl+Shift+T)")
        )
        self.escalate_button = QPushButton(self.tr("Escalate…"), self)
        self.escalate_button.setObjectName("escalateThread")
        self.escalate_button.setShortcut(QKeySequence("Ctrl+Shift+X"))
        self.escalate_button.setToolTip(
            self.tr("Hand the thread to the supervisors, with a note (Ctrl+Shift+X)")
        )
        self.open_member_button = QPushButton(self.tr("&Member file"), self)
        self.open_member_button.setObjectName("openMemberFile")
        self.open_member_button.setToolTip(
            self.tr("The member's file, in Accueil (every reading is recorded)")
        )
        self.open_member_button.setVisible(app.allows("member.read"))
        self.open_member_button.clicked.connect(self.open_member_file)
        self.attach_button = QPushButton(self.tr("&Attach a document…"), self)
        self.attach_button.setObjectName("attachDocument")
        self.attach_button.setToolTip(
            self.tr("Attach a document issued for this member (issue it from the member file)")
        )
        self.attach_button.setVisible(app.allows("document.issue"))
        self.attach_button.clicked.connect(self.choose_attachment)
        self.attachment_label = QLabel(self)
        self.attachment_label.setObjectName("attachmentLabel")
        self.remove_attachment_button = QPushButton(self.tr("Remove"), self)
        self.remove_attachment_button.clicked.connect(lambda: self.set_attachment(None))
        self.attachment: IssuedDocumentInfo | None = None
        self.attachment_menu: QMenu | None = None
        self.messages = QTextBrowser(self)
        self.messages.setObjectName("threadMessages")
        self.template_search = QLineEdit(self)
        self.template_search.setObjectName("templateSearch")
        self.template_search.setClearButtonEnabled(True)
        self.template_search.setPlaceholderText(self.tr("Search by keyword…"))
        self.template_search.setToolTip(
            self.tr("Templates whose title or keywords hold every word; Down goes to the list")
        )
        self.suggestions = QListWidget(self)
        self.suggestions.setObjectName("suggestions")
        self.suggestions.setToolTip(self.tr("Press Enter on a template to insert it"))
        self.templates_panel = StatePanel(self.suggestions, self)
        self.templates_panel.retry_requested.connect(self.search_templates)
        # The suggestions for the thread shown (None: not loaded yet), listed again once the
        # search is emptied.
        self._suggested: list[Suggestion] | None = None
        self.articles = QListWidget(self)
        self.articles.setObjectName("articleSuggestions")
        self.articles.setToolTip(
            self.tr("Knowledge-base articles for this message: Enter opens one")
        )
        self.theme = QComboBox(self)
        self.theme.setObjectName("threadTheme")
        self.theme.setToolTip(
            self.tr("Reclassify the thread: the deadline of its first answer follows the theme")
        )
        for theme in MailTheme:
            self.theme.addItem(theme_label(theme), theme)
        self.theme_hint = QLabel(self)
        self.theme_hint.setObjectName("themeHint")
        self.theme_hint.setWordWrap(True)
        self.apply_theme_button = QPushButton(self.tr("A&pply"), self)
        self.apply_theme_button.setObjectName("applyTheme")
        self.apply_theme_button.setToolTip(self.tr("File the thread under the suggested theme"))
        self._suggested_theme: MailTheme | None = None
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("replyEditor")
        self.editor.setPlaceholderText(self.tr("Your answer to the member…"))
        self.message = QLabel(self)
        self.message.setObjectName("threadMessage")
        self.message.setWordWrap(True)
        self.send_button = QPushButton(self.tr("&Send"), self)
        self.send_button.setToolTip(self.tr("Send and wait for the member (Ctrl+Return)"))
        self.close_button = QPushButton(self.tr("Send and c&lose"), self)
        self.close_button.setToolTip(self.tr("Send and close the thread (Ctrl+Shift+Return)"))
        self.note_button = QPushButton(self.tr("Internal n&ote"), self)
        self.note_button.setToolTip(self.tr("Save the text as a note the member never sees"))

        self.templates_label = QLabel(self)
        self.templates_label.setBuddy(self.template_search)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        header_row = QHBoxLayout()
        header_row.addWidget(self.header, 1)
        header_row.addWidget(self.open_member_button, 0, Qt.AlignmentFlag.AlignTop)
        top_layout.addLayout(header_row)
        actions = QHBoxLayout()
        actions.addWidget(self.release_button)
        actions.addWidget(self.transfer_button)
        actions.addWidget(self.escalate_button)
        actions.addStretch(1)
        top_layout.addLayout(actions)
        top_layout.addWidget(self.presence)
        top_layout.addWidget(self.messages, 1)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        articles_label = QLabel(self.tr("Knowledge &base:"), self)
        articles_label.setBuddy(self.articles)
        lists = QGridLayout()
        lists.addWidget(self.templates_label, 0, 0)
        lists.addWidget(self.template_search, 1, 0)
        lists.addWidget(self.templates_panel, 2, 0)
        lists.addWidget(articles_label, 0, 1)
        lists.addWidget(self.articles, 1, 1, 2, 1)
        bottom_layout.addLayout(lists)
        # Shown only while a theme is suggested for a thread filed under "other".
        self.theme_suggestion = QWidget(self)
        hint_row = QHBoxLayout(self.theme_suggestion)
        hint_row.setContentsMargins(0, 0, 0, 0)
        hint_row.addWidget(self.theme_hint, 1)
        hint_row.addWidget(self.apply_theme_button)
        bottom_layout.addWidget(self.theme_suggestion)
        reply_label = QLabel(self.tr("&Reply:"), self)
        reply_label.setBuddy(self.editor)
        theme_caption = QLabel(self.tr("The&me:"), self)
        theme_caption.setBuddy(self.theme)
        reply_row = QHBoxLayout()
        reply_row.addWidget(reply_label)
        reply_row.addStretch(1)
        reply_row.addWidget(theme_caption)
        reply_row.addWidget(self.theme)
        bottom_layout.addLayout(reply_row)
        bottom_layout.addWidget(self.editor, 1)
        bottom_layout.addWidget(self.message)
        attachment_row = QHBoxLayout()
        attachment_row.addWidget(self.attach_button, 0, Qt.AlignmentFlag.AlignLeft)
        attachment_row.addWidget(self.attachment_label, 1)
        attachment_row.addWidget(self.remove_attachment_button)
        attachment_row.addStretch(0)
        bottom_layout.addLayout(attachment_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.note_button)
        buttons.addStretch(1)
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.close_button)
        bottom_layout.addLayout(buttons)
        # The member's messages are what the agent reads first: they get the larger part (by
        # size hints alone, the lists and the reply took it and left two lines of the message).
        # The lists show about four entries (a styled row is some two lines of text high); the
        # templates give the height of their search field back, so both columns end together.
        lists_height = 9 * self.articles.fontMetrics().height() + 12
        self.articles.setMaximumHeight(lists_height)
        self.templates_panel.setMaximumHeight(
            lists_height - self.template_search.sizeHint().height() - lists.verticalSpacing()
        )
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        send = QShortcut(QKeySequence("Ctrl+Return"), self)
        send.activated.connect(lambda: self.send(close=False))
        send_close = QShortcut(QKeySequence("Ctrl+Shift+Return"), self)
        send_close.activated.connect(lambda: self.send(close=True))
        self.send_button.clicked.connect(lambda: self.send(close=False))
        self.close_button.clicked.connect(lambda: self.send(close=True))
        self.note_button.clicked.connect(self.add_note)
        self.suggestions.itemActivated.connect(self._insert_template)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(TEMPLATE_SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.search_templates)
        self.template_search.textEdited.connect(lambda _text: self._search_timer.start())
        self.template_search.returnPressed.connect(self.search_templates)
        DownToResults(self.template_search, self.suggestions)  # Enter there inserts one
        self._theme_timer = QTimer(self)
        self._theme_timer.setSingleShot(True)
        self._theme_timer.setInterval(THEME_DELAY_MS)
        self._theme_timer.timeout.connect(
            lambda: self.reclassify(MailTheme(self.theme.currentData()))
        )
        self.theme.activated.connect(lambda _index: self._theme_timer.start())
        self.theme.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # no focus (nor theme) by wheel
        self.theme.installEventFilter(self)
        self.apply_theme_button.clicked.connect(self.apply_suggested_theme)
        self.articles.itemActivated.connect(self.open_article)
        self.release_button.clicked.connect(self.release)
        self.transfer_button.clicked.connect(self.transfer)
        self.escalate_button.clicked.connect(self.escalate)
        # Presence: the thread whose row this view holds in the backend, and what it said.
        self._present_on: int | None = None
        self._replying_sent = False
        self.presence_timer = QTimer(self)
        self.presence_timer.setInterval(PRESENCE_INTERVAL_MS)
        self.presence_timer.timeout.connect(self.heartbeat)
        self.editor.textChanged.connect(self._editor_changed)
        self._set_editable(False)
        self._update_actions()
        self.set_attachment(None)
        self._show_templates("", [])
        self._update_theme_hint()
        self.header.setText(self._empty_text())

    def _empty_text(self) -> str:
        return self.tr(
            "Select an e-mail in the queue, or take the most urgent one with Next (Ctrl+N)."
        )

    # -- loading -------------------------------------------------------------------------

    def show_thread(self, thread_id: int) -> None:
        mail = self._app.backend.mail
        self._app.ops.call(
            lambda: mail.open_thread(thread_id),
            on_success=self.set_detail,
            on_failure=self._failed,
            key="mail.open_thread",
            owner=self,
        )

    def set_detail(self, detail: ThreadDetail) -> None:
        same = self.detail is not None and self.detail.id == detail.id
        self.detail = detail
        if not same:
            self.editor.clear()
            self.message.clear()
            self.set_attachment(None)
            self._forget_templates()
        self._theme_timer.stop()
        self.theme.setCurrentIndex(self.theme.findData(detail.theme))
        self._update_theme_hint()
        self.header.setText(self._header_text(detail))
        self.messages.setHtml(messages_html(detail))
        bar = self.messages.verticalScrollBar()
        bar.setValue(bar.maximum())
        self._set_editable(detail.state is not MailState.CLOSED)
        self._update_actions()
        self._load_suggestions(detail.id)
        if self._present_on != detail.id:
            self._leave()
            if self.isVisible():
                self._enter(detail.id)

    def clear(self) -> None:
        """Nothing shown (e.g. the queue is empty): no member data lingers on screen."""
        self.detail = None
        self.header.setText(self._empty_text())
        self.messages.clear()
        self._forget_templates()
        self._theme_timer.stop()
        self._update_theme_hint()
        self.articles.clear()
        self.editor.clear()
        self.message.clear()
        self.set_attachment(None)
        self._set_editable(False)
        self._update_actions()
        self._leave()

    def _header_text(self, d: ThreadDetail) -> str:
        sla = d.sla
        if sla.paused:
            due = self.tr("waiting for the member")
        elif sla.hours_left is None:
            due = ""
        elif sla.breached:
            due = self.tr("answer late by {h} business hours").format(
                h=QLocale().toString(-sla.hours_left, "f", 1)
            )
        else:
            due = self.tr("{h} business hours left to answer").format(
                h=QLocale().toString(sla.hours_left, "f", 1)
            )
        m = d.member
        about = [
            self.tr("born {date}").format(date=m.birth_date.strftime("%d/%m/%Y")),
            *([m.city] if m.city else []),
            self.tr("{n} request(s) in progress").format(n=m.open_requests),
            self.tr("{n} other open thread(s)").format(n=m.open_threads),
        ]
        parts = [
            d.subject,
            f"{m.name} — {m.nir_masked} · " + " · ".join(about),
            f"{theme_label(d.theme)} · {state_label(d.state)}" + (f" · {due}" if due else ""),
        ]
        if d.assigned_agent_name:
            parts.append(self.tr("Handled by {name}").format(name=d.assigned_agent_name))
        if d.escalated:
            parts.append(self.tr("Escalated to a supervisor"))
        return "\n".join(parts)

    def _set_editable(self, editable: bool) -> None:
        for widget in (
            self.editor,
            self.send_button,
            self.close_button,
            self.note_button,
            self.attach_button,
            self.template_search,
            self.suggestions,
            self.theme,
            self.apply_theme_button,
        ):
            widget.setEnabled(editable)

    def _update_actions(self) -> None:
        """Release and transfer: my thread (anyone's, for a supervisor); escalate: not theirs."""
        d = self.detail
        self.open_member_button.setEnabled(d is not None)
        me = self._app.backend.advisor.id
        supervisor = self._app.allows("mail.supervise")
        live = d is not None and d.state is not MailState.CLOSED
        owner = d.assigned_agent_id if d is not None else None
        mine = owner == me or (supervisor and owner is not None)
        self.release_button.setEnabled(live and mine)
        self.transfer_button.setEnabled(live and (owner == me or supervisor))
        self.escalate_button.setEnabled(
            live and d is not None and not d.escalated and (owner in (None, me) or supervisor)
        )

    # -- suggestions ---------------------------------------------------------------------

    def _load_suggestions(self, thread_id: int) -> None:
        mail = self._app.backend.mail
        self._app.ops.call(
            lambda: mail.suggest(thread_id),
            on_success=lambda result: self._show_suggestions(thread_id, result),
            on_failure=self._failed,
            key="mail.suggest",
            owner=self,
        )

    def _show_suggestions(self, thread_id: int, result: SuggestionList) -> None:
        if self.detail is None or self.detail.id != thread_id:
            return
        self._suggested = result.suggestions
        if not self.template_search.text().strip():
            self.search_templates()  # an empty search: back to the suggestions
        self.articles.clear()
        for a in result.articles:
            item = QListWidgetItem(a.title, self.articles)
            item.setData(Qt.ItemDataRole.UserRole, a.id)
            item.setToolTip(a.excerpt)
        if self.articles.count():
            self.articles.setCurrentRow(0)
        self._suggested_theme = result.suggested_theme
        self._update_theme_hint()

    def search_templates(self) -> None:
        """The templates holding every word typed; the suggestions when nothing is typed."""
        self._search_timer.stop()
        words = self.template_search.text().strip()
        if not words:
            suggested = self._suggested or []
            self._show_templates("", [(s.template_id, s.title) for s in suggested])
            return
        mail = self._app.backend.mail
        self._app.ops.call(
            lambda: mail.list_templates(words),
            on_success=lambda found: self._templates_found(words, found),
            on_failure=lambda error: self.templates_panel.show_error(error.message),
            key="mail.list_templates",
            owner=self,
        )

    def _templates_found(self, words: str, found: list[TemplateInfo]) -> None:
        if words == self.template_search.text().strip():  # not typed on, nor emptied, since
            self._show_templates(words, [(t.id, t.title) for t in found])

    def _show_templates(self, words: str, templates: list[tuple[int, str]]) -> None:
        """Fill the one list with (template id, title) pairs: found for `words`, or suggested."""
        self.templates_label.setText(
            self.tr("Matchin&g templates:") if words else self.tr("Su&ggested templates:")
        )
        self.suggestions.clear()
        for template_id, title in templates:
            item = QListWidgetItem(title, self.suggestions)
            item.setData(Qt.ItemDataRole.UserRole, template_id)
        if templates:
            self.suggestions.setCurrentRow(0)
            self.templates_panel.show_content()
        elif words:
            self.templates_panel.show_empty(
                self.tr("No template contains “{words}”.").format(words=words)
            )
        elif self._suggested is not None:
            self.templates_panel.show_empty(
                self.tr("No template suggested for this message: search by keyword.")
            )
        else:
            self.templates_panel.show_content()

    def _forget_templates(self) -> None:
        """Another thread (or none): its search, suggestions and suggested theme go."""
        self._search_timer.stop()
        self.template_search.clear()
        self._suggested = None
        self._suggested_theme = None
        self._show_templates("", [])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The wheel over the theme does not reclassify a thread it merely scrolls past."""
        if watched is self.theme and event.type() == QEvent.Type.Wheel:
            if not self.theme.hasFocus():
                event.ignore()  # the panel under it scrolls instead
                return True
            return False
        return super().eventFilter(watched, event)

    def _insert_template(self, item: QListWidgetItem) -> None:
        if self.detail is None:
            return
        template_id = int(item.data(Qt.ItemDataRole.UserRole))
        thread_id = self.detail.id
        mail = self._app.backend.mail
        self._app.ops.call(
            lambda: mail.render_template(template_id, thread_id),
            on_success=self._template_rendered,
            on_failure=self._failed,
            key="mail.render_template",
            owner=self,
        )

    def open_article(self, item: QListWidgetItem) -> ArticleDialog:
        """Read a suggested article; its text can go into the reply (at the cursor)."""
        dialog = ArticleDialog(
            self._app,
            int(item.data(Qt.ItemDataRole.UserRole)),
            self,
            insertable=self.editor.isEnabled() and not self.editor.isReadOnly(),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.insert_requested.connect(self._insert_article)
        dialog.open()
        return dialog

    def _insert_article(self, text: str) -> None:
        cursor = self.editor.textCursor()
        if self.editor.toPlainText() and not cursor.atBlockStart():
            text = "\n" + text
        cursor.insertText(text)
        self.editor.setFocus()

    def _template_rendered(self, text: str) -> None:
        self.editor.setPlainText(text)
        self.editor.setFocus()
        self.message.clear()

    # -- theme ---------------------------------------------------------------------------

    def _update_theme_hint(self) -> None:
        """The suggested theme, with its Apply button, while the thread is filed as "other"."""
        d = self.detail
        theme = self._suggested_theme
        shown = d is not None and d.theme is MailTheme.OTHER and theme not in (None, d.theme)
        if shown and theme is not None:
            self.theme_hint.setText(
                self.tr("This message looks like: {theme}.").format(theme=theme_label(theme))
            )
        self.theme_suggestion.setVisible(shown)

    def apply_suggested_theme(self) -> None:
        if self._suggested_theme is not None:
            self.reclassify(self._suggested_theme)

    def reclassify(self, theme: MailTheme) -> None:
        """File the thread under `theme` (its first-answer deadline follows), then re-read it."""
        self._theme_timer.stop()
        detail = self.detail
        if detail is None or theme is detail.theme or not self.theme.isEnabled():
            return
        self.theme.setCurrentIndex(self.theme.findData(theme))
        self.apply_theme_button.setEnabled(False)
        mail = self._app.backend.mail
        self._app.ops.call(
            lambda: mail.set_theme(detail.id, theme),
            on_success=lambda _none: self._acted(
                detail.id,
                self.tr("Thread reclassified: {theme}.").format(theme=theme_label(theme)),
            ),
            on_failure=self._reclassify_failed,
            key="mail.set_theme",
            owner=self,
        )

    def _reclassify_failed(self, error: OpError) -> None:
        if self.detail is not None:  # the saved theme again; the re-read confirms it
            self.theme.setCurrentIndex(self.theme.findData(self.detail.theme))
        self._action_failed(error)

    # -- writing -------------------------------------------------------------------------

    def send(self, *, close: bool) -> None:
        detail = self.detail
        text = self.editor.toPlainText()
        if detail is None or not self.send_button.isEnabled():
            return
        if not text.strip():
            self.message.setText(self.tr("Write an answer first."))
            self.editor.setFocus()
            return
        mail = self._app.backend.mail
        document_id = self.attachment.id if self.attachment is not None else None
        self._set_editable(False)
        self._app.ops.call(
            lambda: mail.reply(detail.id, text, detail.version, close, document_id),
            on_success=self._sent,
            on_failure=self._send_failed,
            key="mail.reply",
            owner=self,
        )

    def _sent(self, result: ReplyResult) -> None:
        self.editor.clear()
        self.set_attachment(None)
        self.message.setText(
            self.tr("Answer sent; the thread is closed.")
            if result.state is MailState.CLOSED
            else self.tr("Answer sent; waiting for the member.")
        )
        self.changed.emit(result.thread_id)
        self._app.bus.publish(TOPIC, result.thread_id)
        self.show_thread(result.thread_id)

    def _send_failed(self, error: OpError) -> None:
        self._set_editable(True)
        self.message.setText(error.message)
        if isinstance(error.exception, ConflictError) and self.detail is not None:
            # Someone wrote in between: show what changed, keep the draft, let them resend.
            self.show_thread(self.detail.id)

    # -- member file and attachments ---------------------------------------------------------

    def open_member_file(self) -> None:
        if self.detail is not None:
            self._app.open_member(self.detail.member.id)

    def choose_attachment(self) -> None:
        detail = self.detail
        if detail is None:
            return
        documents = self._app.backend.documents
        member_id = detail.member.id
        self._app.ops.call(
            lambda: documents.register(member_id, 20),
            on_success=lambda found: self._offer_documents(member_id, found),
            on_failure=self._failed,
            key="documents.register",
            owner=self,
        )

    def _offer_documents(self, member_id: int, found: list[IssuedDocumentInfo]) -> None:
        if self.detail is None or self.detail.member.id != member_id:
            return
        if not found:
            self.message.setText(
                self.tr(
                    "No document has been issued for this member yet: "
                    "issue one from the member file."
                )
            )
            return
        menu = QMenu(self)
        menu.setObjectName("attachmentMenu")
        for doc in found:
            title = DOCUMENT_TITLES_FR.get(doc.kind, doc.kind.value)
            when = doc.issued_at.astimezone(PARIS).strftime("%d/%m/%Y")
            action = menu.addAction(f"{title} n° {doc.number} — {when}")
            action.triggered.connect(lambda _checked=False, d=doc: self.set_attachment(d))
        self.attachment_menu = menu
        menu.popup(self.attach_button.mapToGlobal(self.attach_button.rect().bottomLeft()))

    def set_attachment(self, document: IssuedDocumentInfo | None) -> None:
        self.attachment = document
        if document is None:
            self.attachment_label.clear()
            self.attachment_label.hide()
            self.remove_attachment_button.hide()
            return
        title = DOCUMENT_TITLES_FR.get(document.kind, document.kind.value)
        self.attachment_label.setText(
            self.tr("Attached to the answer: {title} no. {number}").format(
                title=title, number=document.number
            )
        )
        self.attachment_label.show()
        self.remove_attachment_button.show()

    def add_note(self) -> None:
        detail = self.detail
        text = self.editor.toPlainText()
        if detail is None or not text.strip():
            return
        mail = self._app.backend.mail
        self._app.ops.call(
            lambda: mail.add_note(detail.id, text),
            on_success=lambda _none: self._noted(detail.id),
            on_failure=self._failed,
            key="mail.add_note",
            owner=self,
        )

    def _noted(self, thread_id: int) -> None:
        self.editor.clear()
        self.message.setText(self.tr("Note saved."))
        self.show_thread(thread_id)

    def _failed(self, error: OpError) -> None:
        self.message.setText(error.message)

    # -- actions on the thread -----------------------------------------------------------

    def release(self) -> None:
        detail = self.detail
        if detail is None or not self.release_button.isEnabled():
            return
        mail = self._app.backend.mail
        self.release_button.setEnabled(False)
        self._app.ops.call(
            lambda: mail.release(detail.id),
            on_success=lambda _none: self._acted(
                detail.id, self.tr("Thread put back in the shared queue.")
            ),
            on_failure=self._action_failed,
            key="mail.release",
            owner=self,
        )

    def transfer(self) -> TransferDialog | None:
        """Open the transfer dialog (window-modal); returned for the tests."""
        if self.detail is None or not self.transfer_button.isEnabled():
            return None
        dialog = TransferDialog(self._app, self.detail.id, self)
        dialog.transferred.connect(
            lambda thread_id: self._acted(thread_id, self.tr("Thread transferred."))
        )
        dialog.open()
        return dialog

    def escalate(self) -> EscalateDialog | None:
        """Open the escalation dialog (window-modal); returned for the tests."""
        if self.detail is None or not self.escalate_button.isEnabled():
            return None
        dialog = EscalateDialog(self._app, self.detail.id, self)
        dialog.escalated.connect(
            lambda thread_id: self._acted(thread_id, self.tr("Thread escalated to a supervisor."))
        )
        dialog.open()
        return dialog

    def _acted(self, thread_id: int, message: str) -> None:
        """After a release, a transfer, an escalation or a new theme: say so, re-read, refresh
        the queue."""
        self.message.setText(message)
        self.changed.emit(thread_id)
        self._app.bus.publish(TOPIC, thread_id)
        if self.detail is not None and self.detail.id == thread_id:
            self.show_thread(thread_id)

    def _action_failed(self, error: OpError) -> None:
        self.message.setText(error.message)
        if self.detail is not None:
            # A colleague took or moved it meanwhile: show where it stands now.
            self.show_thread(self.detail.id)
        else:
            self._update_actions()

    # -- presence (collision notice) -----------------------------------------------------

    def _enter(self, thread_id: int) -> None:
        self._present_on = thread_id
        self.heartbeat()
        self.presence_timer.start()

    def heartbeat(self) -> None:
        """Tell the backend I still have the thread open; show who else has.

        Silent on failure: this runs every few seconds and is only a hint; the connection
        banner already says when the backend is unreachable.
        """
        thread_id = self._present_on
        if thread_id is None:
            return
        replying = bool(self.editor.toPlainText().strip())
        self._replying_sent = replying
        mail = self._app.backend.mail
        self._app.ops.call(
            lambda: mail.touch_presence(thread_id, replying),
            on_success=lambda viewers: self._show_viewers(thread_id, viewers),
            on_failure=lambda _error: None,
            key="mail.touch_presence",
            owner=self,
        )

    def _editor_changed(self) -> None:
        # Starting or discarding a draft changes what colleagues see: tell them now.
        replying = bool(self.editor.toPlainText().strip())
        if self._present_on is not None and replying != self._replying_sent:
            self.heartbeat()

    def _leave(self) -> None:
        self.presence_timer.stop()
        self.presence.hide()
        self.presence.clear()
        thread_id, self._present_on = self._present_on, None
        if thread_id is None:
            return
        mail = self._app.backend.mail
        # No key: a later heartbeat on another thread must not cancel it; no owner: it
        # must run even when this view is being destroyed.
        self._app.ops.call(lambda: mail.leave(thread_id), on_failure=lambda _error: None)

    def _show_viewers(self, thread_id: int, viewers: list[ThreadViewer]) -> None:
        if thread_id != self._present_on:
            return  # an answer about the thread shown before
        if not viewers:
            self.presence.hide()
            self.presence.clear()
            return
        names = ", ".join(
            self.tr("{name} — replying").format(name=v.name) if v.replying else v.name
            for v in viewers
        )
        self.presence.setText(self.tr("Also open by {names}").format(names=names))
        self.presence.show()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.detail is not None and self._present_on is None:
            self._enter(self.detail.id)

    def hideEvent(self, event: QHideEvent) -> None:
        # Another screen shown (not a minimised window): the thread is no longer being read.
        if not event.spontaneous():
            self._leave()
        super().hideEvent(event)


def messages_html(d: ThreadDetail) -> str:
    """A thread's messages as HTML blocks (member, answers, internal notes, attachments)."""
    blocks = []
    for m in d.messages:
        when = m.at.astimezone(PARIS).strftime("%d/%m/%Y %H:%M")
        if m.direction is MessageDirection.INBOUND:
            who, style = d.member.name, ""
        elif m.direction is MessageDirection.OUTBOUND:
            agent = QCoreApplication.translate("ThreadView", "Agent")
            who, style = m.author_name or agent, "background:#eef5ff;"
        else:
            note = QCoreApplication.translate("ThreadView", "Internal note — {name}")
            who = note.format(name=m.author_name or "")
            style = "background:#fff6d5;"
        body = html.escape(m.body).replace("\n", "<br>")
        if m.document is not None:
            attached = QCoreApplication.translate(
                "ThreadView", "Attached: {title} no. {number}"
            ).format(title=m.document.title, number=m.document.number)
            body += f"<br><i>📎 {html.escape(attached)}</i>"
        blocks.append(
            f'<div style="{style}margin:4px;padding:4px">'
            f"<b>{html.escape(who)}</b> <small>{when}</small><br>{body}</div>"
        )
    return "".join(blocks)
