"""One way to run work off the GUI thread (issue 15 point 1).

    run_operation(ctx, lambda db: import_user_list(db, path, now=now), done=show, failed=warn,
                  changes=Changes(contacts=True, tasks=True), owner=self)

`op(db)` (or `op(db, job)` with `with_job=True`, for progress and cancel checks) runs on a pool thread
with its own connection, opened and closed here (`connect=False`: the op opens what it needs and gets
only `job`). A UserError becomes its one sentence, a fault (full disk, read-only file) its sentence,
any other error its message; callbacks always run on the GUI thread, and not at all once `owner` is
deleted. The job is kept alive by this module until it has reported, so callers need not hold it.

cancel() interrupts a running query and makes job.check() raise; a job cancelled before its op
returned reports `cancelled`, one whose op had already returned reports `done` (its writes are
committed, so the window must hear of them). `changes` (a Changes, or a function of the result giving
one) is emitted once on ctx.events.changed after `done` — also when the owner is gone, because the
database changed all the same. stop() is for the exit path: cancel, wait for the thread, report nothing.
"""
from __future__ import annotations

import sqlite3
import threading
import traceback
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from shiboken6 import isValid

from workbench.errors import UserError
from workbench.store.interrupter import Interrupter

_RUNNING: set["Operation"] = set()  # jobs live until they have reported
# Operations mostly wait on SQLite or the disk, and a long one (the start-up check of a big file, an
# import) must not hold back a search or a count: the pool has at least this many threads, whatever
# the number of cores.
MIN_THREADS = 4

ChangesOf = Callable[[Any], Any]  # result -> ui.common.changes.Changes


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


def _sentence(error: Exception) -> str:
    """A fault (a full disk, a write-protected file) as its sentence; a bug as its message, traced on stderr."""
    from workbench.store.faults import user_error_for

    fault = user_error_for(error)
    if fault is not None:
        return fault.sentence
    traceback.print_exc()
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


class Operation(QObject):
    done = Signal(object)  # the op's result
    failed = Signal(str)  # one sentence
    cancelled = Signal()
    progressed = Signal(int, int, str)  # step, of how many (0: unknown), what

    def __init__(self, db_path: Path | str, op: Callable[..., Any], *, with_job: bool = False,
                 readonly: bool = False, connect: bool = True, owner: QObject | None = None,
                 changes: Any = None, events: QObject | None = None):
        super().__init__()
        self.db_path, self.op, self.with_job, self.readonly = Path(db_path), op, with_job, readonly
        self.connect_db = connect  # False: op(job) or op() opens what it needs itself
        self.owner = owner  # the widget the callbacks touch: gone (window closed) ⇒ nothing is reported
        if changes is not None and events is None:
            raise TypeError("changes= needs the context's events: pass the AppContext to run_operation")
        self.changes, self.events = changes, events
        self.handle = Interrupter()
        self.finished = False
        self._ran = threading.Event()  # set on the pool thread once the op has returned or raised
        self._dropped = False
        self._relay = _Relay()
        self._relay.finished.connect(self._report)
        self._relay.progressed.connect(self.progressed)

    # --- GUI thread ------------------------------------------------------------------------------
    def start(self, pool: QThreadPool | None = None) -> "Operation":
        _RUNNING.add(self)
        runnable = _Runnable(self)
        runnable.setAutoDelete(True)
        if pool is None:
            pool = QThreadPool.globalInstance()
            pool.setMaxThreadCount(max(pool.maxThreadCount(), MIN_THREADS))
        pool.start(runnable)
        return self

    def cancel(self) -> None:
        self.handle.cancel()

    @property
    def is_cancelled(self) -> bool:
        return self.handle.cancelled

    def wait(self, timeout_ms: int = -1) -> bool:
        """Block until the op has run (True) or timeout_ms has passed (False); its report comes later."""
        return self._ran.wait(None if timeout_ms < 0 else timeout_ms / 1000)

    def stop(self, timeout_ms: int = -1) -> bool:
        """The exit path (the window's connection is about to close): cancel, wait, report nothing."""
        self._dropped = True
        self.cancel()
        return self.wait(timeout_ms)

    @Slot(str, object)
    def _report(self, outcome: str, payload: object) -> None:
        self.finished = True
        _RUNNING.discard(self)
        if self._dropped:
            return
        if self.owner is None or isValid(self.owner):
            if outcome == "done":
                self.done.emit(payload)
            elif outcome == "failed" and not self.handle.cancelled:
                self.failed.emit(payload)
            else:
                self.cancelled.emit()
        if outcome == "done" and self.changes is not None and isValid(self.events):
            changes = self.changes(payload) if callable(self.changes) else self.changes
            if changes:  # nothing changed: nothing to say
                self.events.changed.emit(changes)

    # --- pool thread -----------------------------------------------------------------------------
    def check(self) -> None:
        """Called by the op between steps: stops a cancelled job."""
        if self.handle.cancelled:
            raise OperationCancelled()

    def progress(self, step: int, total: int = 0, what: str = "") -> None:
        self._relay.progressed.emit(step, total, what)

    def _call(self) -> Any:
        args = (self,) if self.with_job else ()
        if not self.connect_db:
            return self.op(*args)
        from workbench.store import open_database

        # The window's own connection has already brought the schema up to date.
        db = open_database(self.db_path, readonly=self.readonly, migrate=False)
        self.handle.attach(db.conn)
        try:
            return self.op(db, *args)
        finally:
            self.handle.attach(None)
            db.close()

    def _run_here(self) -> None:
        try:
            self.check()
            result = self._call()
        except OperationCancelled:
            outcome, payload = "cancelled", None
        except UserError as error:
            outcome, payload = "failed", error.sentence
        except sqlite3.OperationalError as error:
            outcome, payload = ("cancelled", None) if self.handle.cancelled else ("failed", _sentence(error))
        except Exception as error:  # a locked or vanished file, a bug: the caller shows the sentence  # noqa: BLE001
            outcome, payload = "failed", _sentence(error)
        else:
            outcome, payload = "done", result
        self._ran.set()
        self._relay.finished.emit(outcome, payload)


def run_operation(where: Any, op: Callable[..., Any], *, done: Callable[[Any], None] | None = None,
                  failed: Callable[[str], None] | None = None, cancelled: Callable[[], None] | None = None,
                  progressed: Callable[[int, int, str], None] | None = None, with_job: bool = False,
                  readonly: bool = False, connect: bool = True, owner: QObject | None = None,
                  changes: Any = None) -> Operation:
    """Start op off the GUI thread; the callbacks run on the GUI thread (not at all once owner is deleted).

    `where` is the AppContext (its db_path; its events carry `changes`) or, for work that changes
    nothing the window shows, a database path. `changes`: a Changes, or a function of the result
    returning one, emitted on ctx.events.changed right after `done` (an empty Changes is not emitted)."""
    db_path, events = (where.db_path, where.events) if hasattr(where, "events") else (where, None)
    job = Operation(db_path, op, with_job=with_job, readonly=readonly, connect=connect, owner=owner,
                    changes=changes, events=events)
    for signal, callback in ((job.done, done), (job.failed, failed), (job.cancelled, cancelled),
                             (job.progressed, progressed)):
        if callback is not None:
            signal.connect(callback)
    return job.start()


def running_operations() -> int:
    """How many jobs have not reported yet (tests wait on this)."""
    return len(_RUNNING)
