"""The integrity check and the daily backup run after the first frame, and still protect the file."""
from __future__ import annotations

import sqlite3
import time

from workbench.store.backup import list_backups
from workbench.store.startup import open_at_startup
from workbench.ui.common.operation import run_operation
from workbench.ui.shell.startup_checks import check_and_back_up
from damaged_files import damage_a_page_of, fill_settings
from tests.conftest import PINNED_NOW


def _checked(qtbot, db_path, **options):
    """Runs the start-up checks as app.py does and returns their report."""
    reports = []
    run_operation(db_path, check_and_back_up(db_path, lambda: PINNED_NOW, **options), connect=False, with_job=True,
                  done=reports.append, failed=reports.append)
    qtbot.waitUntil(lambda: bool(reports), timeout=20000)
    return reports[0]


def test_a_good_file_gets_its_daily_backup_once(qapp, qtbot, db_path):
    fill_settings(db_path)
    report = _checked(qtbot, db_path)
    assert report.verdict == "ok" and report.backup == list_backups(db_path)[0]
    conn = sqlite3.connect(report.backup)
    assert conn.execute("SELECT count(*) FROM settings").fetchone()[0] == 3000
    conn.close()

    again = _checked(qtbot, db_path)
    assert again.backup is None and len(list_backups(db_path)) == 1, "one backup a day"


def test_a_read_only_window_checks_but_writes_no_backup(qapp, qtbot, db_path):
    fill_settings(db_path, rows=10)
    report = _checked(qtbot, db_path, readonly=True)
    assert report.verdict == "ok" and report.backup is None and list_backups(db_path) == []


def test_a_damaged_file_is_reported_and_not_backed_up(qapp, qtbot, db_path):
    fill_settings(db_path)
    damage_a_page_of(db_path)
    opened = open_at_startup(db_path, check=False)
    assert not opened.damaged, "the window opens first; the check runs after its first frame"
    opened.db.close()
    report = _checked(qtbot, db_path)
    assert report.verdict != "ok" and report.backup is None
    assert list_backups(db_path) == []


def test_a_file_damaged_where_opening_reads_is_checked_at_once(qapp, db_path):
    fill_settings(db_path, rows=10)
    conn = sqlite3.connect(db_path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(db_path, "r+b") as handle:  # page 1 holds the schema, read by every open
        handle.seek(100)
        handle.write(b"\xa5" * (page_size - 100))
    opened = open_at_startup(db_path, check=False)
    assert opened.damaged and opened.readonly


def test_closing_during_the_check_stops_it_without_a_backup(qapp, qtbot, db_path):
    fill_settings(db_path, rows=200_000)  # ~20 MB: the check takes long enough to be cut short
    reported = []
    job = run_operation(db_path, check_and_back_up(db_path, lambda: PINNED_NOW), connect=False, with_job=True,
                        done=reported.append, failed=reported.append, cancelled=lambda: reported.append("cancelled"))
    qtbot.waitUntil(lambda: job.handle.busy, timeout=5000)
    started = time.perf_counter()
    assert job.stop(5000) and time.perf_counter() - started < 2
    qtbot.waitUntil(lambda: job.finished, timeout=5000)
    assert reported == [], "the window is closing: nothing is reported to it"
    assert list_backups(db_path) == []


def test_the_window_announces_its_first_frame(ctx, qtbot):
    from workbench.ui.shell.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_frame_shown, timeout=5000):
        window.show()
    assert ctx.db.loaded, "sqlite-utils is loaded in that idle moment, before a click needs it"


def test_damage_found_after_the_first_frame_reopens_the_window_checked(qapp, qtbot, db_path):
    from workbench.app import _checks_after_first_frame, build_context
    from workbench.ui.shell.context import Restart
    from workbench.ui.shell.main_window import MainWindow

    fill_settings(db_path)
    damage_a_page_of(db_path)
    opened = open_at_startup(db_path, check=False)
    window = MainWindow(build_context(db_path, opened.db))
    qtbot.addWidget(window)
    stop_checks = _checks_after_first_frame(window, readonly=False)
    try:
        window.show()
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=20000)
        assert window.ctx.restart == Restart(db_path, check_first=True)
    finally:
        stop_checks()
        opened.db.close()


def test_back_up_now_reports_a_folder_it_cannot_write_as_a_sentence(qapp, qtbot, db_path, tmp_path):
    from PySide6.QtCore import QSettings

    from workbench.errors import set_language
    from workbench.ui.shell.startup_checks import back_up

    set_language("zh_CN")
    fill_settings(db_path, rows=10)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the backup folder should be")
    QSettings().setValue("backup/folder", str(blocker))
    try:
        sentences, written = [], []
        job = run_operation(db_path, back_up(db_path, lambda: PINNED_NOW), failed=sentences.append,
                            done=written.append)
        qtbot.waitUntil(lambda: job.finished, timeout=10000)
        assert written == [] and len(sentences) == 1 and "备份" in sentences[0]
    finally:
        QSettings().remove("backup/folder")
