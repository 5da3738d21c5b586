"""Backend calls off the GUI thread, results delivered on it (modelled on Anki's QueryOp)."""

from __future__ import annotations

import enum
import itertools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal

from advisor_desk.domain.errors import AdvisorDeskError, BackendUnavailable, ValidationError

from . import logs

log = logging.getLogger(__name__)

T = TypeVar("T")

_PARALLEL_THREADS = 4


class OpCancelled(Exception):
    """Raised inside a task by `OpControl.check()`/`progress()` once the op was cancelled."""


class ErrorKind(enum.Enum):
    TYPED = "typed"  # an AdvisorDeskError: its French message is shown as is
    UNAVAILABLE = "unavailable"  # BackendUnavailable: banner and retries
    UNEXPECTED = "unexpected"  # a bug: logged with its traceback, an apology is shown


@dataclass(frozen=True)
class OpError:
    kind: ErrorKind
    message: str
    exception: BaseException
    field: str | None = None  # the form field of a ValidationError

    @property
    def unavailable(self) -> bool:
        return self.kind is ErrorKind.UNAVAILABLE


@dataclass(frozen=True)
class Progress:
    done: int
    total: int | None = None  # None: indeterminate
    label: str = ""


class OpHandle:
    """What `run` returns: cancel the op, or ask whether it is still pending."""

    def __init__(self, op_id: int, key: str | None) -> None:
        self.id = op_id
        self.key = key
        self._cancelled = threading.Event()
        self.pending = True
        # Progress is coalesced: the worker keeps the latest value and queues at most one
        # event at a time, so a tight loop cannot flood the GUI, and the last value is shown.
        self._lock = threading.Lock()
        self._progress: Progress | None = None
        self._progress_queued = False

    def _set_progress(self, progress: Progress) -> bool:
        """Store the latest progress; True when an event must be queued for it."""
        with self._lock:
            self._progress = progress
            if self._progress_queued:
                return False
            self._progress_queued = True
            return True

    def _take_progress(self) -> Progress | None:
        with self._lock:
            self._progress_queued = False
            return self._progress

    def cancel(self) -> None:
        """Drop the result; a task that reports progress or calls check() stops early."""
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()


class OpControl:
    """Handed to a task: report progress and notice cancellation."""

    def __init__(self, handle: OpHandle, emit: Callable[[int], None]) -> None:
        self._handle = handle
        self._emit = emit

    @property
    def cancelled(self) -> bool:
        return self._handle.cancelled

    def check(self) -> None:
        if self._handle.cancelled:
            raise OpCancelled

    def progress(self, done: int, total: int | None = None, label: str = "") -> None:
        """Report progress (cheap to call often); raises OpCancelled once cancelled."""
        self.check()
        if self._handle._set_progress(Progress(done, total, label)):
            self._emit(self._handle.id)


@dataclass
class _Op(Generic[T]):
    handle: OpHandle
    on_success: Callable[[T], None] | None
    on_failure: Callable[[OpError], None] | None
    on_progress: Callable[[Progress], None] | None
    owner: QObject | None


class _Outcome(enum.Enum):
    OK = 1
    ERROR = 2
    CANCELLED = 3


class _Task(QRunnable):
    def __init__(self, runner: OpRunner, handle: OpHandle, fn: Callable[[OpControl], Any]) -> None:
        super().__init__()
        self._runner = runner
        self._handle = handle
        self._fn = fn

    def run(self) -> None:
        handle = self._handle
        if handle.cancelled:
            self._runner._finished.emit((handle.id, _Outcome.CANCELLED, None))
            return
        control = OpControl(handle, self._runner._report)
        try:
            value = self._fn(control)
        except OpCancelled:
            self._runner._finished.emit((handle.id, _Outcome.CANCELLED, None))
        except AdvisorDeskError as exc:
            self._runner._finished.emit((handle.id, _Outcome.ERROR, exc))
        except Exception as exc:
            logs.ensure_file_logging()
            log.exception("Unexpected error in a background operation")
            self._runner._finished.emit((handle.id, _Outcome.ERROR, exc))
        else:
            self._runner._finished.emit((handle.id, _Outcome.OK, value))


def to_op_error(exc: BaseException) -> OpError:
    """The message an advisor sees for an exception (typed errors carry their own)."""
    if isinstance(exc, BackendUnavailable):
        return OpError(ErrorKind.UNAVAILABLE, exc.message, exc)
    if isinstance(exc, AdvisorDeskError):
        field = exc.field if isinstance(exc, ValidationError) else None
        return OpError(ErrorKind.TYPED, exc.message, exc, field)
    message = QCoreApplication.translate(
        "ops",
        "Sorry, something unexpected went wrong. The details were written to the log file "
        "{path}. Please tell your support team.",
    ).format(path=logs.log_file())
    return OpError(ErrorKind.UNEXPECTED, message, exc)


class OpRunner(QObject):
    """Runs tasks in the background; one instance per application.

    Ops run on a serial lane by default (one at a time, results in submission order: two
    writes never race each other); `parallel=True` ops (long work, connection probes) run
    beside it. An op with a `key` supersedes the pending op of the same key, whose result
    is dropped, as is the result of an op whose `owner` was destroyed.
    """

    unavailable = Signal(str)  # BackendUnavailable message: the main window shows a banner
    failed = Signal(object)  # an OpError that no on_failure callback took
    _finished = Signal(object)
    _progress = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._serial = QThreadPool(self)
        self._serial.setMaxThreadCount(1)
        self._parallel = QThreadPool(self)
        self._parallel.setMaxThreadCount(_PARALLEL_THREADS)
        self._ids = itertools.count(1)
        self._ops: dict[int, _Op[Any]] = {}
        self._by_key: dict[str, OpHandle] = {}
        # Emitted from worker threads: queue them to this object's (the GUI) thread.
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._progress.connect(self._deliver_progress, Qt.ConnectionType.QueuedConnection)

    @property
    def pending(self) -> int:
        return len(self._ops)

    def run(
        self,
        task: Callable[[OpControl], T],
        *,
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[OpError], None] | None = None,
        on_progress: Callable[[Progress], None] | None = None,
        key: str | None = None,
        owner: QObject | None = None,
        parallel: bool = False,
    ) -> OpHandle:
        """Run `task(control)` in the background; callbacks are called on the GUI thread."""
        handle = OpHandle(next(self._ids), key)
        if key is not None:
            previous = self._by_key.get(key)
            if previous is not None:
                previous.cancel()
            self._by_key[key] = handle
        self._ops[handle.id] = _Op(handle, on_success, on_failure, on_progress, owner)
        pool = self._parallel if parallel else self._serial
        pool.start(_Task(self, handle, task))
        return handle

    def call(
        self,
        fn: Callable[[], T],
        *,
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[OpError], None] | None = None,
        key: str | None = None,
        owner: QObject | None = None,
        parallel: bool = False,
    ) -> OpHandle:
        """`run` for a plain call that neither reports progress nor checks cancellation."""
        return self.run(
            lambda _control: fn(),
            on_success=on_success,
            on_failure=on_failure,
            key=key,
            owner=owner,
            parallel=parallel,
        )

    def cancel_all(self) -> None:
        for op in self._ops.values():
            op.handle.cancel()

    def wait(self, timeout_ms: int) -> bool:
        """Let the queued ops run to their end (the logout at quit), at most `timeout_ms`."""
        return self._serial.waitForDone(timeout_ms) and self._parallel.waitForDone(timeout_ms)

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Cancel everything and wait for the worker threads (at quit, and in tests)."""
        self.cancel_all()
        done = self.wait(timeout_ms)
        QCoreApplication.sendPostedEvents(self)
        return done

    def _report(self, op_id: int) -> None:
        self._progress.emit(op_id)

    def _live(self, op: _Op[Any]) -> bool:
        return not op.handle.cancelled and (op.owner is None or shiboken6.isValid(op.owner))

    def _deliver_progress(self, op_id: int) -> None:
        op = self._ops.get(op_id)
        if op is None:
            return
        progress = op.handle._take_progress()
        if progress is not None and op.on_progress is not None and self._live(op):
            self._guard(op.on_progress, progress)

    def _deliver(self, item: tuple[int, _Outcome, Any]) -> None:
        op_id, outcome, value = item
        op = self._ops.pop(op_id, None)
        if op is None:
            return
        op.handle.pending = False
        key = op.handle.key
        if key is not None and self._by_key.get(key) is op.handle:
            del self._by_key[key]
        if outcome is _Outcome.CANCELLED or not self._live(op):
            return
        if outcome is _Outcome.OK:
            if op.on_success is not None:
                self._guard(op.on_success, value)
            return
        error = to_op_error(value)
        if error.unavailable:
            self.unavailable.emit(error.message)
        if op.on_failure is not None:
            self._guard(op.on_failure, error)
        elif not error.unavailable:
            self.failed.emit(error)

    def _guard(self, callback: Callable[[Any], None], value: Any) -> None:
        """A callback that raises is a bug: log it and apologise rather than crash."""
        try:
            callback(value)
        except Exception as exc:
            logs.ensure_file_logging()
            log.exception("Unexpected error while showing the result of an operation")
            self.failed.emit(to_op_error(exc))
