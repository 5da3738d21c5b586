"""Filing a declaration for a member: a form generated from the kind's field spec."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.backend.declarations_dto import DeclarationDetail, InsurerRef
from advisor_desk.domain.declarations import FORMS, FieldSpec, FieldType
from advisor_desk.domain.enums import DeclarationKind
from advisor_desk.ui.context import AppContext
from advisor_desk.ui.form_message import FormMessage, mark_invalid
from advisor_desk.ui.ops import OpError

# Published on the bus after a filing or a decision; payload: the DeclarationDetail.
TOPIC = "declarations"

FieldWidget = QLineEdit | QPlainTextEdit | QComboBox


class FilingDialog(QDialog):
    """One field per spec entry, its error shown right under it; Enter files the request."""

    filed = Signal(object)  # DeclarationDetail

    def __init__(
        self,
        app: AppContext,
        member_id: int,
        kind: DeclarationKind,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("filingDialog")
        self._app = app
        self._member_id = member_id
        self._kind = kind
        self.result_detail: DeclarationDetail | None = None
        form = FORMS[kind]
        self.setWindowTitle(form.title)
        self.fields: dict[str, FieldWidget] = {}
        self.errors: dict[str, QLabel] = {}
        # Wide enough for an address or an IBAN and for the error under each field.
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        title = QLabel(form.title, self)
        title.setObjectName("formTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        grid = QFormLayout()
        grid.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addLayout(grid)
        for spec in form.fields:
            widget = self._widget_for(spec)
            widget.setObjectName(f"field_{spec.name}")
            label = QLabel(spec.label + ("" if spec.required else self.tr(" (optional)")), self)
            label.setBuddy(widget)
            if spec.help:
                widget.setToolTip(spec.help)
            error = QLabel(self)
            error.setObjectName("fieldError")
            error.setWordWrap(True)
            error.hide()
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(widget)
            box.addWidget(error)
            grid.addRow(label, box)
            self.fields[spec.name] = widget
            self.errors[spec.name] = error
        # What the member must bring, kept in step with the answers (e.g. theft → complaint).
        self.documents = QLabel(self)
        self.documents.setObjectName("requiredDocuments")
        self.documents.setWordWrap(True)
        layout.addWidget(self.documents)
        for widget in self.fields.values():
            if isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self._update_documents)
            elif isinstance(widget, QLineEdit):
                widget.textChanged.connect(self._update_documents)
        self._update_documents()
        self.message = FormMessage(self)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&File the request"))
        ok.setDefault(True)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        first = next(iter(self.fields.values()), None)
        if first is not None:
            first.setFocus()
        if kind is DeclarationKind.COMPLEMENTARY_CHOICE:
            app.ops.call(
                app.backend.declarations.insurers,
                on_success=self._insurers_loaded,
                on_failure=self._failed,
                owner=self,
            )

    def _widget_for(self, spec: FieldSpec) -> FieldWidget:
        if spec.type is FieldType.MULTILINE:
            edit = QPlainTextEdit(self)
            edit.setTabChangesFocus(True)
            edit.setPlaceholderText(spec.help)
            return edit
        if spec.type in (FieldType.CHOICE, FieldType.YES_NO):
            combo = QComboBox(self)
            choices = spec.choices or (
                (("non", self.tr("no")), ("oui", self.tr("yes")))
                if spec.type is FieldType.YES_NO
                else ()
            )
            if spec.type is FieldType.CHOICE:
                combo.addItem("", "")  # no default: the advisor chooses
            for value, label in choices:
                combo.addItem(label, value)
            return combo
        line = QLineEdit(self)
        if spec.type is FieldType.DATE:
            line.setPlaceholderText(self.tr("DD/MM/YYYY"))
        elif spec.type is FieldType.AMOUNT:
            line.setPlaceholderText("0,00")
        elif spec.type is FieldType.PERSON:
            line.setPlaceholderText(self.tr("rank, 1 for the member"))
        elif spec.help:
            line.setPlaceholderText(spec.help)
        return line

    def _insurers_loaded(self, insurers: list[InsurerRef]) -> None:
        combo = self.fields.get("insurer_code")
        if isinstance(combo, QComboBox):
            for insurer in insurers:
                combo.addItem(f"{insurer.name} ({insurer.code})", insurer.code)

    def values(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for name, widget in self.fields.items():
            if isinstance(widget, QLineEdit):
                out[name] = widget.text()
            elif isinstance(widget, QPlainTextEdit):
                out[name] = widget.toPlainText()
            else:
                out[name] = str(widget.currentData() or "")
        return out

    def _update_documents(self) -> None:
        # Yes/no answers are still "oui"/"non" text here: the domain reads them as booleans.
        answers = {"oui": True, "non": False}
        payload: dict[str, object] = {k: answers.get(v, v) for k, v in self.values().items()}
        specs = FORMS[self._kind].documents(payload)
        if not specs:
            self.documents.setText(self.tr("No supporting document needed."))
            return
        lines = [self.tr("Supporting documents:")]
        for spec in specs:
            state = (
                self.tr("received")
                if spec.received
                else self.tr("to provide")
                if spec.required
                else self.tr("optional")
            )
            lines.append(f"• {spec.label} — {state}")
        self.documents.setText("\n".join(lines))

    def clear_errors(self) -> None:
        for name, label in self.errors.items():
            label.clear()
            label.hide()
            mark_invalid(self.fields[name], False)
        self.message.clear_message()

    def submit(self) -> None:
        self.clear_errors()
        self.buttons.setEnabled(False)
        payload = self.values()
        member_id, kind = self._member_id, self._kind
        declarations = self._app.backend.declarations
        self._app.ops.call(
            lambda: declarations.file(member_id, kind, payload),
            on_success=self._filed,
            on_failure=self._failed,
            owner=self,
        )

    def _filed(self, detail: DeclarationDetail) -> None:
        self.result_detail = detail
        self._app.bus.publish(TOPIC, detail)
        self.filed.emit(detail)
        self.accept()

    def _failed(self, error: OpError) -> None:
        self.buttons.setEnabled(True)
        if error.field and error.field in self.fields:
            widget = self.fields[error.field]
            label = self.errors[error.field]
            label.setText(error.message)
            label.show()
            mark_invalid(widget, True)
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.message.show_error(error.message)
