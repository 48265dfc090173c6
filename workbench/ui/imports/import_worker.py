"""Analysing and importing a report off the GUI thread (QThreadPool), with progress and cancel.

Each job opens its own database connection (one connection per thread) and its own workbook
(calamine objects stay in the thread that made them). Results come back through signals only.
"""
from __future__ import annotations

import threading
import traceback
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

from workbench.errors import UserError


class JobSignals(QObject):
    progress = Signal(int, int)     # rows done, rows in the sheet (-1 if unknown)
    finished = Signal(object)       # the plan (analyse) or the ImportResult (run)
    failed = Signal(str)            # one sentence


class _Job(QRunnable):
    def __init__(self, db_path: Path):
        super().__init__()
        self.db_path = db_path
        self.signals = JobSignals()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:  # QRunnable entry point, in a pool thread
        from workbench.store import open_database

        try:
            db = open_database(self.db_path)
        except UserError as error:
            self.signals.failed.emit(error.sentence)
            return
        try:
            self.signals.finished.emit(self.work(db))
        except UserError as error:
            self.signals.failed.emit(error.sentence)
        except Exception as error:
            from workbench.store.faults import user_error_for

            fault = user_error_for(error)  # a full disk, a write-protected file: its sentence
            if fault is None:  # a bug, not the user's fault: still one sentence, details on stderr
                traceback.print_exc()
            self.signals.failed.emit(fault.sentence if fault is not None else f"{type(error).__name__}: {error}")
        finally:
            db.close()

    def work(self, db):
        raise NotImplementedError


class AnalyseJob(_Job):
    """Plan the import of a file (header, types, roles, key, match with a stored dataset)."""

    def __init__(self, db_path: Path, path: str, sheet: str | None = None, dataset: str | None = None):
        super().__init__(db_path)
        self.path, self.sheet, self.dataset = path, sheet, dataset

    def work(self, db):
        from workbench.reports.import_plan import analyse, converted_sample
        from workbench.reports.importer import close_plan

        plan = analyse(self.path, dataset=self.dataset, sheet=self.sheet, db=db)
        close_plan(plan)
        positions = {p: i for i, p in enumerate(plan.layout.columns)}
        plan.preview = converted_sample(plan.columns, plan.sample_raw[:50], plan.context, positions)
        plan.rows_iter = None
        return plan


class ImportJob(_Job):
    """Analyse again in this thread, apply the operator's choices, and run the import."""

    def __init__(self, db_path: Path, path: str, sheet: str | None, dataset: str | None, overrides: dict):
        super().__init__(db_path)
        self.path, self.sheet, self.dataset, self.overrides = path, sheet, dataset, overrides

    def work(self, db):
        from workbench.reports.import_plan import analyse, apply_overrides
        from workbench.reports.importer import close_plan, run

        plan = analyse(self.path, dataset=self.dataset, sheet=self.sheet, db=db)
        try:
            apply_overrides(plan, self.overrides)
            return run(db, plan, progress=self.signals.progress.emit, cancelled=self._cancel.is_set)
        finally:
            close_plan(plan)
