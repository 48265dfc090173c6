"""A database with every generated report file (tests/report_files) imported through the import engine,
built once and copied per test."""
from __future__ import annotations

import sqlite3

import pytest


@pytest.fixture(scope="session")
def reports_template(tmp_path_factory, report_files):
    from workbench.reports.importer import import_file
    from workbench.store import open_database

    path = tmp_path_factory.mktemp("reports") / "template.db"
    db = open_database(path)
    for report in report_files.paths:   # in name order: the early core export before the late one
        import_file(db, report)
    db.execute("PRAGMA wal_checkpoint(FULL)")
    db.close()
    return path


@pytest.fixture
def reports_db(reports_template, db_path):
    from workbench.store import open_database

    source = sqlite3.connect(reports_template)
    target = sqlite3.connect(db_path)
    source.backup(target)
    source.close()
    target.close()
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def reports_ctx(qapp, reports_db, db_path):
    from workbench.app import build_context, create_application, prepare_ui

    create_application()
    context = build_context(db_path, reports_db)
    context.settings.clear()
    prepare_ui(qapp, context.settings, "zh_CN")
    return context


def show_dashboard(ctx, qtbot):
    """Shows the dashboard page over ctx's data, once its first chart is drawn (read off the GUI thread)."""
    from workbench.ui.reports.dashboard_page import DashboardPage

    from shown_page import show_page

    page = show_page(DashboardPage, ctx, qtbot, (1300, 820))
    qtbot.waitUntil(lambda: page.chart.chart is not None, timeout=5000)
    return page


@pytest.fixture
def open_dashboard(reports_ctx, qtbot):
    """Shows the dashboard page over the imported reports, once its first chart is drawn."""
    return lambda: show_dashboard(reports_ctx, qtbot)
