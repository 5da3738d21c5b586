"""The inline message line of a form or panel (error or notice), and invalid-field marking."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


def _restyle(widget: QWidget) -> None:
    # Dynamic properties only change the look once the style is re-applied.
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    widget.setProperty("invalid", invalid)
    _restyle(widget)


class FormMessage(QLabel):
    """Hidden when empty; red for errors, neutral for notices."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("formMessage")
        self.setWordWrap(True)
        self.hide()

    @property
    def is_error(self) -> bool:
        return bool(self.property("kind") == "error") and not self.isHidden()

    def show_error(self, message: str) -> None:
        self._show(message, "error")

    def show_notice(self, message: str) -> None:
        self._show(message, "notice")

    def clear_message(self) -> None:
        self.clear()
        self.hide()

    def _show(self, message: str, kind: str) -> None:
        self.setText(message)
        self.setProperty("kind", kind)
        _restyle(self)
        self.show()
