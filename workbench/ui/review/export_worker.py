"""The weekly review export, off the GUI thread: the worker opens its own connection."""
from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

from workbench.errors import UserError


class ExportSignals(QObject):
    finished = Signal(object)  # ExportResult
    failed = Signal(str)  # one sentence
    cancelled = Signal()


class ExportWorker(QRunnable):
    def __init__(self, db_path: Path, week, out: Path, *, masked: bool, today: date, lang: str | None = None):
        super().__init__()
        self.db_path, self.week, self.out, self.masked, self.today = db_path, week, out, masked, today
        self.lang = lang  # the workbook's language; None: the app's
        self.signals = ExportSignals()
        self.stop = False

    def run(self) -> None:
        from workbench.review.export_xlsx import ExportCancelled, export_week
        from workbench.store import open_database

        try:
            db = open_database(self.db_path)
            try:
                result = export_week(db, self.week, self.out, today=self.today, masked=self.masked,
                                     should_stop=lambda: self.stop, lang=self.lang)
            finally:
                db.close()
        except ExportCancelled:
            self.signals.cancelled.emit()
        except UserError as error:
            self.signals.failed.emit(error.sentence)
        except (OSError, sqlite3.Error) as error:
            from workbench.store.faults import user_error_for

            fault = user_error_for(error, self.out)  # a full disk, a write-protected folder
            self.signals.failed.emit(fault.sentence if fault is not None else str(error))
        else:
            self.signals.finished.emit(result)
