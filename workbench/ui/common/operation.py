"""One way to run work off the GUI thread (issue 15 point 1).

    job = run_operation(ctx.db_path, lambda db: contact_counts(db, week), done=show, failed=warn)

`op(db)` (or `op(db, job)` with `with_job=True`, for progress and cancel checks) runs on a pool thread
with its own connection, opened and closed here. A UserError becomes its one sentence, any other
error its message; callbacks always run on the GUI thread. The job is kept alive by this module
until it has reported, so callers need not hold it. cancel() interrupts a running query and makes
job.check() raise, and a cancelled job reports `cancelled` (never done or failed).
"""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from shiboken6 import isValid

from workbench.errors import UserError
from workbench.store.interrupter import Interrupter

_RUNNING: set["Operation"] = set()  # jobs live until they have reported


class OperationCancelled(Exception):
    """Raised by job.check() once the job has been cancelled."""


class _Relay(QObject):
    """Crosses from the pool thread to the GUI thread (queued, because the Operation lives there)."""

    finished = Signal(str, object)  # "done" / "failed" / "cancelled", payload
    progressed = Signal(int, int, str)


class _Runnable(QRunnable):
    def __init__(self, job: "Operation"):
        super().__init__()
        self.job = job

    def run(self) -> None:
        self.job._run_here()


class Operation(QObject):
    done = Signal(object)  # the op's result
    failed = Signal(str)  # one sentence
    cancelled = Signal()
    progressed = Signal(int, int, str)  # step, of how many (0: unknown), what

    def __init__(self, db_path: Path | str, op: Callable[..., Any], *, with_job: bool = False,
                 readonly: bool = False, owner: QObject | None = None):
        super().__init__()
        self.db_path, self.op, self.with_job, self.readonly = Path(db_path), op, with_job, readonly
        self.owner = owner  # the widget the callbacks touch: gone (window closed) ⇒ nothing is reported
        self.handle = Interrupter()
        self.finished = False
        self._relay = _Relay()
        self._relay.finished.connect(self._report)
        self._relay.progressed.connect(self.progressed)

    # --- GUI thread ------------------------------------------------------------------------------
    def start(self, pool: QThreadPool | None = None) -> "Operation":
        _RUNNING.add(self)
        runnable = _Runnable(self)
        runnable.setAutoDelete(True)
        (pool or QThreadPool.globalInstance()).start(runnable)
        return self

    def cancel(self) -> None:
        self.handle.cancel()

    @property
    def is_cancelled(self) -> bool:
        return self.handle.cancelled

    @Slot(str, object)
    def _report(self, outcome: str, payload: object) -> None:
        self.finished = True
        _RUNNING.discard(self)
        if self.owner is not None and not isValid(self.owner):
            return
        if outcome == "done" and not self.handle.cancelled:
            self.done.emit(payload)
        elif outcome == "failed" and not self.handle.cancelled:
            self.failed.emit(payload)
        else:
            self.cancelled.emit()

    # --- pool thread -----------------------------------------------------------------------------
    def check(self) -> None:
        """Called by the op between steps: stops a cancelled job."""
        if self.handle.cancelled:
            raise OperationCancelled()

    def progress(self, step: int, total: int = 0, what: str = "") -> None:
        self._relay.progressed.emit(step, total, what)

    def _run_here(self) -> None:
        from workbench.store import open_database

        try:
            self.check()
            # The window's own connection has already brought the schema up to date.
            db = open_database(self.db_path, readonly=self.readonly, migrate=False)
            self.handle.attach(db.conn)
            try:
                result = self.op(db, self) if self.with_job else self.op(db)
            finally:
                self.handle.attach(None)
                db.close()
        except OperationCancelled:
            self._relay.finished.emit("cancelled", None)
        except UserError as error:
            self._relay.finished.emit("failed", error.sentence)
        except sqlite3.OperationalError as error:
            self._relay.finished.emit("cancelled" if self.handle.cancelled else "failed", str(error))
        except Exception as error:  # a locked or vanished file: the caller shows the message  # noqa: BLE001
            self._relay.finished.emit("failed", str(error) or type(error).__name__)
        else:
            self._relay.finished.emit("done", result)


def run_operation(db_path: Path | str, op: Callable[..., Any], *, done: Callable[[Any], None] | None = None,
                  failed: Callable[[str], None] | None = None, cancelled: Callable[[], None] | None = None,
                  progressed: Callable[[int, int, str], None] | None = None, with_job: bool = False,
                  readonly: bool = False, owner: QObject | None = None) -> Operation:
    """Start op off the GUI thread; the callbacks run on the GUI thread (not at all once owner is deleted)."""
    job = Operation(db_path, op, with_job=with_job, readonly=readonly, owner=owner)
    for signal, callback in ((job.done, done), (job.failed, failed), (job.cancelled, cancelled),
                             (job.progressed, progressed)):
        if callback is not None:
            signal.connect(callback)
    return job.start()


def running_operations() -> int:
    """How many jobs have not reported yet (tests wait on this)."""
    return len(_RUNNING)
