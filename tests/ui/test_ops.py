"""ops.py: results on the GUI thread and in order, stale and cancelled ops dropped, progress,
typed and unexpected errors."""

from __future__ import annotations

import threading
import time

import pytest
import shiboken6
from PySide6.QtWidgets import QLabel

from advisor_desk.domain.errors import BackendUnavailable, ValidationError
from advisor_desk.ui import logs
from advisor_desk.ui.ops import ErrorKind, OpControl, OpError, OpRunner, Progress


def test_results_arrive_on_the_gui_thread_in_submission_order(qtbot, ops: OpRunner) -> None:
    delivered: list[tuple[int, bool]] = []

    def task(n: int) -> int:
        time.sleep(0.01 * (5 - n))  # later ops are faster: order must still hold
        return n

    for n in range(5):
        ops.call(
            lambda n=n: task(n),
            on_success=lambda v: delivered.append(
                (v, threading.current_thread() is threading.main_thread())
            ),
        )
    qtbot.waitUntil(lambda: len(delivered) == 5, timeout=5000)
    assert delivered == [(n, True) for n in range(5)]
    assert ops.pending == 0


def test_a_newer_op_with_the_same_key_drops_the_older_result(qtbot, ops: OpRunner) -> None:
    delivered: list[str] = []
    release = threading.Event()

    def slow() -> str:
        release.wait(5)
        return "old"

    ops.call(slow, on_success=delivered.append, key="search", parallel=True)
    ops.call(lambda: "new", on_success=delivered.append, key="search", parallel=True)
    qtbot.waitUntil(lambda: delivered == ["new"], timeout=5000)
    release.set()  # the older op finishes after the newer one...
    qtbot.waitUntil(lambda: ops.pending == 0, timeout=5000)
    qtbot.wait(50)
    assert delivered == ["new"]  # ...and its result is not delivered


def test_other_keys_are_not_superseded(qtbot, ops: OpRunner) -> None:
    delivered: list[str] = []
    ops.call(lambda: "a", on_success=delivered.append, key="a")
    ops.call(lambda: "b", on_success=delivered.append, key="b")
    qtbot.waitUntil(lambda: ops.pending == 0, timeout=5000)
    assert delivered == ["a", "b"]


def test_cancel_stops_a_task_that_reports_progress(qtbot, ops: OpRunner) -> None:
    steps: list[int] = []
    outcomes: list[object] = []
    started = threading.Event()

    def long_task(control: OpControl) -> str:
        started.set()
        for i in range(10_000):
            steps.append(i)
            control.progress(i, 10_000)
            time.sleep(0.001)
        return "finished"

    handle = ops.run(
        long_task, on_success=outcomes.append, on_failure=outcomes.append, parallel=True
    )
    assert started.wait(5)
    handle.cancel()
    qtbot.waitUntil(lambda: ops.pending == 0, timeout=5000)
    count = len(steps)
    qtbot.wait(50)
    assert len(steps) == count < 10_000  # the loop stopped
    assert outcomes == []  # neither success nor failure is delivered
    assert handle.cancelled and not handle.pending


def test_cancel_before_start_skips_the_task(qtbot, ops: OpRunner) -> None:
    release = threading.Event()
    ran: list[str] = []
    ops.call(lambda: release.wait(5))  # occupies the serial lane
    handle = ops.call(lambda: ran.append("ran"))
    handle.cancel()
    release.set()
    qtbot.waitUntil(lambda: ops.pending == 0, timeout=5000)
    assert ran == []


def test_progress_is_reported_then_the_result(qtbot, ops: OpRunner) -> None:
    events: list[object] = []

    def task(control: OpControl) -> str:
        for i in range(1, 4):
            control.progress(i, 3, f"step {i}")
            time.sleep(0.06)  # longer than the throttle interval: every step is shown
        return "done"

    ops.run(task, on_success=events.append, on_progress=events.append)
    qtbot.waitUntil(lambda: "done" in events, timeout=5000)
    assert events == [
        Progress(1, 3, "step 1"),
        Progress(2, 3, "step 2"),
        Progress(3, 3, "step 3"),
        "done",
    ]


def test_a_typed_error_becomes_its_french_message(qtbot, ops: OpRunner) -> None:
    errors: list[OpError] = []
    unhandled: list[OpError] = []
    ops.failed.connect(unhandled.append)

    def refuse() -> None:
        raise ValidationError("L'identifiant est trop court.", "login")

    ops.call(refuse, on_failure=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert errors[0].kind is ErrorKind.TYPED
    assert errors[0].message == "L'identifiant est trop court."
    assert errors[0].field == "login"
    assert unhandled == []


@pytest.mark.expect_errors
def test_an_unexpected_error_is_logged_and_apologised_for(qtbot, french, ops: OpRunner) -> None:
    unhandled: list[OpError] = []
    ops.failed.connect(unhandled.append)

    def crash() -> None:
        raise RuntimeError("boom in the backend")

    ops.call(crash)  # no on_failure: the runner's failed signal carries it
    qtbot.waitUntil(lambda: bool(unhandled), timeout=5000)
    error = unhandled[0]
    assert error.kind is ErrorKind.UNEXPECTED
    path = logs.log_file()
    assert error.message.startswith("Désolé, une erreur inattendue s'est produite.")
    assert str(path) in error.message
    assert "Traceback" not in error.message
    text = path.read_text(encoding="utf-8")
    assert "RuntimeError: boom in the backend" in text and "Traceback" in text


@pytest.mark.expect_errors
def test_a_callback_that_raises_is_logged_not_fatal(qtbot, ops: OpRunner) -> None:
    unhandled: list[OpError] = []
    ops.failed.connect(unhandled.append)

    def bad_callback(_value: object) -> None:
        raise KeyError("bug in a screen")

    ops.call(lambda: 1, on_success=bad_callback)
    qtbot.waitUntil(lambda: bool(unhandled), timeout=5000)
    assert unhandled[0].kind is ErrorKind.UNEXPECTED
    assert "bug in a screen" in logs.log_file().read_text(encoding="utf-8")


def test_backend_unavailable_is_signalled_for_the_banner(qtbot, ops: OpRunner) -> None:
    lost: list[str] = []
    errors: list[OpError] = []
    ops.unavailable.connect(lost.append)

    def down() -> None:
        raise BackendUnavailable("Connexion à la base de données perdue.")

    ops.call(down, on_failure=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert lost == ["Connexion à la base de données perdue."]
    assert errors[0].unavailable


def test_the_result_of_a_destroyed_owner_is_dropped(qtbot, ops: OpRunner) -> None:
    delivered: list[int] = []
    release = threading.Event()
    owner = QLabel()
    ops.call(lambda: release.wait(5) and 1, on_success=delivered.append, owner=owner)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(owner), timeout=5000)
    release.set()
    qtbot.waitUntil(lambda: ops.pending == 0, timeout=5000)
    assert delivered == []
