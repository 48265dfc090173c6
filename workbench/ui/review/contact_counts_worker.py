"""A week's contact counts, off the GUI thread: the review page shows at once and fills its 联系 block
when this worker reports (at demo --scale 100 a week holds ~125k contacts and counting them takes
~170 ms). The worker opens its own connection; it never touches widgets, it only emits.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

from workbench.store.interrupter import Interrupter


class ContactCountsSignals(QObject):
    counted = Signal(int, object)  # request number, week_facts.contact_counts' dict
    failed = Signal(int, str)  # request number, one sentence (or "" when cancelled)


class ContactCountsWorker(QRunnable):
    def __init__(self, db_path: Path, week, request: int):
        super().__init__()
        self.db_path, self.week, self.request = db_path, week, request
        self.signals = ContactCountsSignals()
        self.handle = Interrupter()  # the page cancels a count for a week no longer shown

    def run(self) -> None:
        from workbench.errors import UserError
        from workbench.review.week_facts import contact_counts
        from workbench.store import open_database

        try:
            if self.handle.cancelled:
                raise sqlite3.OperationalError("interrupted")
            # The page's own connection has already brought the schema up to date.
            db = open_database(self.db_path, migrate=False)
            self.handle.attach(db.conn)
            try:
                counts = contact_counts(db, self.week)
            finally:
                self.handle.attach(None)
                db.close()
        except UserError as error:
            self.signals.failed.emit(self.request, error.sentence)
        except Exception as error:  # cancelled, or a locked or vanished file: the page says so  # noqa: BLE001
            self.signals.failed.emit(self.request, "" if self.handle.cancelled else str(error))
        else:
            self.signals.counted.emit(self.request, counts)
