"""The integrity check and the daily backup run after the first frame, and still protect the file."""
from __future__ import annotations

import sqlite3
import time

from workbench.store.backup import list_backups
from workbench.store.startup import open_at_startup
from workbench.ui.shell.startup_checks import StartupChecks
from damaged_files import damage_a_page_of, fill_settings
from tests.conftest import PINNED_NOW


def _run(qtbot, checks: StartupChecks) -> None:
    with qtbot.waitSignal(checks.finished, timeout=20000):
        checks.start()


def test_a_good_file_gets_its_daily_backup_once(qapp, qtbot, db_path):
    fill_settings(db_path)
    found = []
    checks = StartupChecks(db_path, lambda: PINNED_NOW)
    checks.backed_up.connect(found.append)
    checks.damaged.connect(lambda verdict: found.append(("damaged", verdict)))
    _run(qtbot, checks)
    assert len(found) == 1 and found[0] == list_backups(db_path)[0]
    conn = sqlite3.connect(found[0])
    assert conn.execute("SELECT count(*) FROM settings").fetchone()[0] == 3000
    conn.close()

    again = StartupChecks(db_path, lambda: PINNED_NOW)
    again.backed_up.connect(found.append)
    _run(qtbot, again)
    assert found[1] is None and len(list_backups(db_path)) == 1, "one backup a day"


def test_a_damaged_file_is_reported_and_not_backed_up(qapp, qtbot, db_path):
    fill_settings(db_path)
    damage_a_page_of(db_path)
    opened = open_at_startup(db_path, check=False)
    assert not opened.damaged, "the window opens first; the check runs after its first frame"
    opened.db.close()
    verdicts, backups = [], []
    checks = StartupChecks(db_path, lambda: PINNED_NOW)
    checks.damaged.connect(verdicts.append)
    checks.backed_up.connect(backups.append)
    _run(qtbot, checks)
    assert verdicts and verdicts[0] != "ok"
    assert backups == [] and list_backups(db_path) == []


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
    backups = []
    checks = StartupChecks(db_path, lambda: PINNED_NOW)
    checks.backed_up.connect(backups.append)
    checks.start()
    qtbot.waitUntil(lambda: checks._checking.busy, timeout=5000)
    started = time.perf_counter()
    checks.stop()
    assert checks.isFinished() and time.perf_counter() - started < 2
    assert backups == [] and list_backups(db_path) == []


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
    from workbench.ui.shell.startup_checks import BackupNow

    set_language("zh_CN")
    fill_settings(db_path, rows=10)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the backup folder should be")
    QSettings().setValue("backup/folder", str(blocker))
    try:
        sentences, written = [], []
        worker = BackupNow(db_path, lambda: PINNED_NOW)
        worker.failed.connect(sentences.append)
        worker.written.connect(written.append)
        with qtbot.waitSignal(worker.finished, timeout=10000):
            worker.start()
        assert written == [] and len(sentences) == 1 and "备份" in sentences[0]
    finally:
        QSettings().remove("backup/folder")
