"""The first run: an empty database shows the welcome page; loading the demo fills it off the GUI thread.

Also the start-up font check: without a Simplified Chinese font the UI would show boxes.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from workbench.errors import UserError

def database_is_empty(ctx) -> bool:
    """No row in any counted table."""
    from workbench.schema_facts import COUNTED_TABLES
    from workbench.store.integrity import any_rows

    return not any_rows(ctx.db, COUNTED_TABLES)


def show_welcome(window) -> None:
    from workbench.ui.shell.welcome_page import WelcomePage

    if window.welcome is None:
        window.welcome = WelcomePage(window.ctx)
        window.welcome.demo_requested.connect(window.load_demo)
        window.welcome.start_empty_requested.connect(lambda: window.show_area("tasks"))
        window.stack.addWidget(window.welcome)
    window.stack.setCurrentWidget(window.welcome)
    window.rail.setCurrentRow(-1)  # no area is current while the welcome page shows
    # Focus on the demo button (Enter loads it); a focused rail would pick its first row and leave.
    window.welcome.demo_button.setFocus()


def leave_welcome_when_filled(window, changes) -> None:
    """A first import (or any first data) replaces the welcome page with the area that now has it."""
    if window.welcome_visible() and not database_is_empty(window.ctx):
        window.show_area("dashboard" if changes.reports and not changes.tasks else "tasks")


class _DemoSignals(QObject):
    finished = Signal(str)  # "" on success, else the sentence to show


class _DemoWorker(QRunnable):
    """Fills the demo through its own connection (one connection per thread)."""

    def __init__(self, db_path: Path, today: date):
        super().__init__()
        self.db_path, self.today = db_path, today
        self.signals = _DemoSignals()

    def run(self) -> None:
        from workbench.demo import fill_demo
        from workbench.store import open_database

        try:
            db = open_database(self.db_path)
            try:
                fill_demo(db, today=self.today)
            finally:
                db.close()
        except UserError as error:
            self.signals.finished.emit(error.sentence)
            return
        self.signals.finished.emit("")


def load_demo(window, today: date | None = None) -> None:
    welcome = window.welcome
    if welcome is not None:
        welcome.demo_button.setEnabled(False)
        welcome.demo_button.setText(QCoreApplication.translate("FirstRun", "Loading demo data…"))
    window.statusBar().showMessage(QCoreApplication.translate("FirstRun", "Loading demo data…"))
    worker = _DemoWorker(window.ctx.db_path, today or window.ctx.today())
    worker.signals.finished.connect(lambda sentence: _demo_loaded(window, sentence))
    window._demo_worker = worker  # keeps the signals object alive until it reports
    QThreadPool.globalInstance().start(worker)


def _demo_loaded(window, sentence: str) -> None:
    window.statusBar().clearMessage()
    if window.welcome is not None:
        window.welcome.demo_button.setEnabled(True)
        window.welcome.demo_button.setText(QCoreApplication.translate("FirstRun", "Load demo data"))
    if sentence:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(window, QCoreApplication.translate("FirstRun", "Demo data"), sentence)
        return
    from workbench.ui.common.changes import Changes

    window.ctx.events.changed.emit(Changes.everything())
    window.show_area("tasks")
    window.ctx.events.status_message.emit(QCoreApplication.translate("FirstRun", "Demo data loaded: look around, then start a fresh database from "
                                              "File › Settings › Database when you are ready."))


def check_fonts(window) -> None:
    from workbench.ui.common.theme import cjk_font_families

    if not cjk_font_families():
        window.status_line.warn_fonts(QCoreApplication.translate("FirstRun", "No Chinese font found — Chinese text may show as boxes. "
                                          "Install Noto Sans CJK SC or Microsoft YaHei."))
