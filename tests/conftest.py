"""Shared fixtures: a fresh database per test, Qt offscreen, settings in a temporary folder."""
from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("WORKBENCH_DB", None)

import pytest

from workbench import schema

schema.register()  # as cli.main does: tests open databases without going through the command line

ROOT = Path(__file__).resolve().parent.parent
# The moment every UI test runs at (the app context's clock): no test depends on the day it runs.
PINNED_NOW = datetime(2026, 11, 25, 9, 30)


def pytest_addoption(parser):
    parser.addoption("--today", metavar="YYYY-MM-DD",
                     help="run with the wall clock set to 10:00 on this day (time-machine): no test may depend on it")


def pytest_configure(config):
    day = config.getoption("--today", default=None)
    if day:
        import time_machine

        traveller = time_machine.travel(datetime.combine(date.fromisoformat(day), datetime.min.time()).replace(hour=10),
                                        tick=True)
        traveller.start()
        config.add_cleanup(traveller.stop)


@pytest.fixture(scope="session")
def report_files(tmp_path_factory):
    """The lender's exports as tests/report_files writes them (seeded), once per run; tests read, never change them."""
    from tests.report_files import write_report_files

    return write_report_files(tmp_path_factory.mktemp("report_files"))


@pytest.fixture
def in_chinese():
    """Text the app writes itself (task titles, notes) follows the app's language; a test that asserts the
    Chinese text asks for Chinese (the CLI otherwise speaks its environment's language)."""
    from workbench import errors

    previous = errors._language
    errors.set_language("zh_CN")
    yield
    errors._language = previous


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "workbench.db"


@pytest.fixture
def db(db_path):
    from workbench.store import open_database

    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def demo_db(db_path):
    """A database filled with the standard demo data, dated around a fixed day."""
    from workbench.demo import fill_demo
    from workbench.store import open_database

    database = open_database(db_path)
    fill_demo(database, today=DEMO_TODAY)
    yield database
    database.close()


DEMO_TODAY = date(2026, 11, 25)


@pytest.fixture(autouse=True, scope="session")
def _isolated_settings(tmp_path_factory):
    """QSettings in a temporary folder, so tests never read or change the developer's settings."""
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("settings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)


@pytest.fixture
def ctx(qapp, db, db_path):
    """An AppContext over a fresh database, with the UI prepared in Chinese."""
    from workbench.app import build_context, create_application, prepare_ui

    create_application()
    context = build_context(db_path, db)
    context.clock = lambda: PINNED_NOW
    context.settings.clear()
    prepare_ui(qapp, context.settings, "zh_CN")
    yield context
    _destroy_windows(qapp)


def _destroy_windows(qapp) -> None:
    """Delete every window a test left, before its database closes: their pending timers (deferred
    page builds, search debounces) would otherwise fire later against a closed connection."""
    from PySide6.QtCore import QCoreApplication, QEvent

    for widget in qapp.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def _error_language_per_test():
    """Sentences follow the process's locale unless a test's UI chose a language; never leak it."""
    import workbench.errors

    yield
    workbench.errors._language = None


@pytest.fixture
def main_window(ctx, qtbot):
    from workbench.ui.shell.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1440, 900)
    window.show()
    return window
