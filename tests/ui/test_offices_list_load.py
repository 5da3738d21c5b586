"""The office panels' list loading: an error replaces the list only until a list was shown."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from advisor_desk.domain.errors import BackendUnavailable
from advisor_desk.ui.form_message import FormMessage
from advisor_desk.ui.offices.common import ListLoad
from advisor_desk.ui.ops import ErrorKind, OpError
from advisor_desk.ui.state_panel import StatePanel


def _error(text: str) -> OpError:
    return OpError(ErrorKind.UNAVAILABLE, text, BackendUnavailable(text))


def test_failures_before_and_after_a_list_was_shown(qtbot) -> None:  # type: ignore[no-untyped-def]
    content = QWidget()
    state = StatePanel(content)
    message = FormMessage()
    qtbot.addWidget(state)
    qtbot.addWidget(message)
    load = ListLoad(state, message)

    load.begin()
    assert state.currentWidget() is not content  # loading
    load.failed(_error("Base injoignable."))
    assert state.message == "Base injoignable." and not message.is_error

    load.show(3, "Rien ici.")
    assert state.currentWidget() is content
    load.begin()  # a reload keeps the list in place
    assert state.currentWidget() is content
    load.failed(_error("Base injoignable."))
    assert state.currentWidget() is content and message.is_error

    load.show(0, "Rien ici.")
    assert state.message == "Rien ici."
