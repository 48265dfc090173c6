"""The weekly export in a separate process (issue 18 part 3).

openpyxl is pure Python and holds the interpreter lock: run in a thread, it starved the GUI thread
for up to 1.7 s at a time. A spawned process has its own interpreter. It runs the same export_week
(same sheet, same masking, same audit row); the caller's thread only waits on a pipe, which
releases the lock. Cancelling sets an event the export polls between its steps, so no file is written.
"""
from __future__ import annotations

import multiprocessing
import sqlite3
from datetime import date
from pathlib import Path
from typing import Callable

from workbench.errors import UserError

POLL_SECONDS = 0.05


def export_week_in_process(db_path: Path, week, out: Path, *, today: date, masked: bool,
                           should_stop: Callable[[], bool], lang: str | None = None):
    """export_week(...) run in a spawned process; returns its ExportResult or raises what it raised.
    lang: the workbook's language (default the caller's: a spawned process has not been told it)."""
    from workbench.errors import current_language

    from workbench.review.export_xlsx import ExportCancelled

    spawn = multiprocessing.get_context("spawn")
    stop = spawn.Event()
    receive, send = spawn.Pipe(duplex=False)
    child = spawn.Process(target=_export_child, args=(str(db_path), week, str(out), today, masked, lang or current_language(), stop, send),
                          daemon=True, name="workbench-export")
    child.start()
    send.close()
    try:
        while not receive.poll(POLL_SECONDS):
            if should_stop():
                stop.set()
            if not child.is_alive() and not receive.poll(0):
                raise UserError("导出进程意外退出，没有写入文件。", "The export process ended unexpectedly; no file was written.")
        outcome, *payload = receive.recv()
    finally:
        child.join(5)
        receive.close()
    if outcome == "cancelled":
        raise ExportCancelled()
    if outcome == "failed":
        raise UserError(*payload)
    return payload[0]


def _export_child(db_path: str, week, out: str, today: date, masked: bool, lang: str, stop, send) -> None:
    from workbench.errors import set_language
    from workbench.review.export_xlsx import ExportCancelled, export_week
    from workbench.store import open_database

    set_language(lang)  # whatever else the export words, in the caller's language
    try:
        db = open_database(Path(db_path), migrate=False)
        try:
            result = export_week(db, week, Path(out), today=today, masked=masked, should_stop=stop.is_set,
                                 lang=lang)
        finally:
            db.close()
    except ExportCancelled:
        send.send(("cancelled",))
    except UserError as error:
        send.send(("failed", error.zh, error.en))
    except (OSError, sqlite3.Error) as error:
        from workbench.store.faults import user_error_for

        fault = user_error_for(error, Path(out))  # a full disk, a write-protected folder
        send.send(("failed", *((fault.zh, fault.en) if fault is not None else (str(error), str(error)))))
    else:
        send.send(("done", result))
    finally:
        send.close()
