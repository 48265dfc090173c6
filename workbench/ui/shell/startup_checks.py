"""The start-up work that reads the whole file, done after the first frame instead of before it.

`PRAGMA quick_check` (docs/reliability.md: at start-up) and the daily verified backup each read every
page: ~3 s apiece for a 500 MB file, which the operator would otherwise wait through before seeing
the window. They run here, in a thread with connections of their own, right after the first frame:

1. quick_check; anything but "ok" ⇒ `damaged` (the window reopens the file through the checked
   start-up path, which opens it read-only and offers the newest good backup);
2. once a day, the verified backup (backup_location.daily) and then the retention setting.
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QSettings, QThread, Signal

from workbench.errors import UserError
from workbench.store.interrupter import Interrupter
from workbench.store.startup import quick_check


class StartupChecks(QThread):
    damaged = Signal(str)  # quick_check's complaint
    backed_up = Signal(object)  # the day's backup Path, or None when one exists already or it failed
    purged = Signal(int)  # contacts removed by the retention setting

    def __init__(self, db_path: Path, clock: Callable[[], datetime], *, readonly: bool = False, parent=None):
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.clock = clock  # the app context's
        self.readonly = readonly
        self._checking = Interrupter()  # stop() cuts a running quick_check short

    def run(self) -> None:
        verdict = quick_check(self.db_path, watch=self._checking.attach)
        if self.isInterruptionRequested():
            return
        if verdict != "ok":
            self.damaged.emit(verdict)
            return
        if not self.readonly:
            self._daily_backup()

    def _daily_backup(self) -> None:
        from workbench.retention import apply_retention
        from workbench.store.connection import open_connection
        from workbench.ui.shell.backup_location import daily

        db = open_connection(self.db_path)
        try:
            now = self.clock()
            backup = daily(db, self.db_path, QSettings(), now)
            purged = apply_retention(db, now.date()) if backup is not None else 0
        except UserError:
            backup, purged = None, 0  # busy or the disk refused: tomorrow's start-up tries again
        finally:
            db.close()
        self.backed_up.emit(backup)
        if purged:
            self.purged.emit(purged)

    def stop(self) -> None:
        """Before the window's connection closes: cut a running check short and wait for the thread."""
        self.requestInterruption()
        self._checking.cancel()
        self.wait()


class BackupNow(QThread):
    """文件 › 立即备份 in a thread: the copy and its check read the whole file (seconds when it is big),
    and the window stays usable meanwhile. Its own connection; the backup API copies a consistent state."""

    written = Signal(object)  # the backup's Path
    failed = Signal(str)  # one sentence

    def __init__(self, db_path: Path, clock: Callable[[], datetime], parent=None):
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.clock = clock  # the app context's

    def run(self) -> None:
        from workbench.store.connection import open_connection
        from workbench.ui.shell.backup_location import back_up_now

        try:
            db = open_connection(self.db_path)
            try:
                self.written.emit(back_up_now(db, self.db_path, QSettings(), self.clock()))
            finally:
                db.close()
        except UserError as error:
            self.failed.emit(error.sentence)
