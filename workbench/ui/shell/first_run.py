"""The first run: an empty database shows the welcome page; loading the demo fills it off the GUI thread.

Also the start-up font check: without a Simplified Chinese font the UI would show boxes.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

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


def load_demo(window, today: date | None = None) -> None:
    """Fills the demo off the GUI thread (ui/common/operation.py); every area changes."""
    from workbench.demo import fill_demo
    from workbench.ui.common.changes import Changes
    from workbench.ui.common.operation import run_operation

    _demo_button(window, loading=True)
    window.statusBar().showMessage(QCoreApplication.translate("FirstRun", "Loading demo data…"))
    today = today or window.ctx.today()
    run_operation(window.ctx, lambda db: fill_demo(db, today=today), owner=window, changes=Changes.everything(),
                  done=lambda _none: _demo_loaded(window), failed=lambda sentence: _demo_failed(window, sentence))


def _demo_button(window, *, loading: bool) -> None:
    window.statusBar().clearMessage()
    if window.welcome is not None:
        window.welcome.demo_button.setEnabled(not loading)
        window.welcome.demo_button.setText(QCoreApplication.translate("FirstRun", "Loading demo data…") if loading
                                           else QCoreApplication.translate("FirstRun", "Load demo data"))


def _demo_failed(window, sentence: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    _demo_button(window, loading=False)
    QMessageBox.warning(window, QCoreApplication.translate("FirstRun", "Demo data"), sentence)


def _demo_loaded(window) -> None:
    _demo_button(window, loading=False)
    window.show_area("tasks")
    window.ctx.events.status_message.emit(QCoreApplication.translate("FirstRun", "Demo data loaded: look around, then start a fresh database from "
                                              "File › Settings › Database when you are ready."))


def check_fonts(window) -> None:
    from workbench.ui.common.theme import cjk_font_families

    if not cjk_font_families():
        window.status_line.warn_fonts(QCoreApplication.translate("FirstRun", "No Chinese font found — Chinese text may show as boxes. "
                                          "Install Noto Sans CJK SC or Microsoft YaHei."))
