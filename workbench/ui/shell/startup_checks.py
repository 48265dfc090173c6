"""The start-up work that reads the whole file, done after the first frame instead of before it.

`PRAGMA quick_check` (docs/reliability.md: at start-up) and the daily verified backup each read every
page: ~3 s apiece for a 500 MB file, which the operator would otherwise wait through before seeing
the window. `check_and_back_up` is the operation (ui/common/operation.py) that app.py runs right
after the first frame:

1. quick_check on a read-only connection of its own; anything but "ok" ⇒ the report's verdict (the
   window reopens the file through the checked start-up path, which opens it read-only and offers
   the newest good backup);
2. once a day, the verified backup (backup_location.daily) and then the retention setting, on a
   writable connection opened only once the check has passed.

文件 › 立即备份 is an operation too (`back_up`): the copy and its check read the whole file.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QSettings

from workbench.errors import UserError
from workbench.store.startup import quick_check


@dataclass(frozen=True)
class CheckReport:
    verdict: str  # "ok", or quick_check's complaint
    backup: Path | None = None  # the day's backup; None when one exists already, it failed, or read-only
    purged: int = 0  # contacts removed by the retention setting


def check_and_back_up(db_path: Path, clock: Callable[[], datetime], *, readonly: bool = False):
    """The op (run with connect=False, with_job=True): job.cancel() cuts a running quick_check short."""
    db_path = Path(db_path)

    def op(job) -> CheckReport:
        verdict = quick_check(db_path, watch=job.handle.attach)
        job.check()  # cancelled (the window is closing): no backup
        if verdict != "ok" or readonly:
            return CheckReport(verdict)
        return _daily_backup(db_path, clock())

    return op


def check_changes(report: CheckReport):
    """What the checks changed that the window shows: contacts, when the retention setting removed some."""
    from workbench.ui.common.changes import Changes

    return Changes(contacts=report.purged > 0)


def _daily_backup(db_path: Path, now: datetime) -> CheckReport:
    from workbench.retention import apply_retention
    from workbench.store.connection import open_connection
    from workbench.ui.shell.backup_location import daily

    db = open_connection(db_path)
    try:
        backup = daily(db, db_path, QSettings(), now)
        purged = apply_retention(db, now.date()) if backup is not None else 0
    except UserError:
        backup, purged = None, 0  # busy or the disk refused: tomorrow's start-up tries again
    finally:
        db.close()
    return CheckReport("ok", backup, purged)


def back_up(db_path: Path, clock: Callable[[], datetime]):
    """The op of 文件 › 立即备份, on the operation's own connection (the backup API copies a consistent
    state): the backup's Path; a folder or disk that refuses is a UserError, so its sentence."""
    from workbench.ui.shell.backup_location import back_up_now

    return lambda db: back_up_now(db, Path(db_path), QSettings(), clock())
