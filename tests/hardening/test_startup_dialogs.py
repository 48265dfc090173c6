"""What the operator sees at start-up: a damaged file offers the latest good backup, a sync folder warns."""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from workbench import audit
from workbench.store import open_database
from workbench.store.backup import make_backup
from workbench.store.integrity import integrity
from workbench.ui.shell.startup_dialogs import open_with_dialogs
from damaged_files import damage_a_page_of, fill_settings
from tests.conftest import PINNED_NOW


def answer_box(object_name: str, role, seen: list) -> None:
    """Click the button with `role` of the modal box once it shows (the box blocks in exec())."""
    def click():
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.objectName() == object_name and widget.isVisible():
                seen.append(widget.text())
                for button in widget.buttons():
                    if widget.buttonRole(button) == role:
                        button.click()
                        return
        QTimer.singleShot(50, click)
    QTimer.singleShot(50, click)


def make_damaged(db_path):
    fill_settings(db_path)
    db = open_database(db_path)
    backup = make_backup(db, db_path, now=PINNED_NOW)
    db.close()
    damage_a_page_of(db_path)
    return backup


def test_a_damaged_database_offers_the_backup_and_restores_it(qapp, db_path):
    from workbench.errors import set_language

    set_language("zh_CN")
    backup = make_damaged(db_path)
    seen = []
    answer_box("damaged_database_box", QMessageBox.ButtonRole.AcceptRole, seen)
    opened = open_with_dialogs(db_path)
    assert seen and "已损坏" in seen[0] and backup.name in seen[0]
    assert not opened.readonly and integrity(opened.db) == "ok"
    assert opened.db["settings"].count == 3000
    assert audit.entries(opened.db)[0]["action"] == audit.RESTORE_BACKUP
    opened.db.close()


def test_declining_the_restore_opens_read_only(qapp, db_path):
    make_damaged(db_path)
    seen = []
    answer_box("damaged_database_box", QMessageBox.ButtonRole.RejectRole, seen)
    opened = open_with_dialogs(db_path)
    assert seen and opened.readonly and opened.damaged
    opened.db.close()


def test_a_sync_folder_shows_the_warning_then_opens(qapp, tmp_path):
    from workbench.errors import set_language

    set_language("zh_CN")
    seen = []
    answer_box("location_warning_box", QMessageBox.ButtonRole.AcceptRole, seen)
    opened = open_with_dialogs(tmp_path / "我的坚果云" / "workbench.db")
    assert seen and "坚果云" in seen[0] and "同步文件夹" in seen[0]
    assert not opened.readonly
    opened.db.close()


def test_an_old_big_file_shows_the_upgrade_notice_while_it_migrates(qapp, db_path, monkeypatch):
    """Opening a file from an earlier version sets a copy aside and migrates before the window: on a big
    file that takes seconds, so a small window says what is happening."""
    import sqlite3

    from workbench.store.startup import needs_upgrade
    from workbench.ui.shell import startup_dialogs

    assert not needs_upgrade(db_path), "no file yet: nothing to upgrade"
    open_database(db_path).close()
    assert not needs_upgrade(db_path), "a current file"
    conn = sqlite3.connect(db_path)
    conn.execute("DELETE FROM _sqlite_migrations WHERE rowid = (SELECT max(rowid) FROM _sqlite_migrations)")
    conn.commit()
    conn.close()
    assert needs_upgrade(db_path)
    monkeypatch.setattr(startup_dialogs, "UPGRADE_NOTICE_FROM_BYTES", 0)  # the test file is small
    shown = []
    real_notice = startup_dialogs.upgrade_notice
    monkeypatch.setattr(startup_dialogs, "upgrade_notice",
                        lambda path: shown.append(real_notice(path)) or shown[-1])
    opened = open_with_dialogs(db_path)
    assert shown[0] is not None and shown[0].text() in (
        "Upgrading the database for this version (a copy of it is kept first)…", "正在为新版本升级数据库（先保留一份副本）…")
    assert not shown[0].isVisible(), "gone once the file is open"
    assert not needs_upgrade(db_path)
    opened.db.close()


RUN_GUI_ON_A_DAMAGED_FILE = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from workbench.app import create_application, run_gui

app = create_application()
seen = []

def drive():
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.objectName() == "damaged_database_box" and widget.isVisible():
            seen.append("offered the backup")
            next(b for b in widget.buttons() if widget.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole).click()
        elif type(widget).__name__ == "MainWindow" and widget.isVisible() and seen == ["offered the backup"]:
            seen.append("reopened restored")
            QTimer.singleShot(300, widget.close)
    QTimer.singleShot(50, drive)

QTimer.singleShot(50, drive)
QTimer.singleShot(30000, app.quit)  # never hang the test run
print(run_gui(Path(sys.argv[1]), "en"), seen, flush=True)
"""


def test_the_window_finds_damage_after_its_first_frame_and_reopens_offering_the_backup(db_path, tmp_path):
    """End to end through run_gui: the window opens at once on a damaged file, the check after its first
    frame finds the damage, the window reopens through the checked path, the operator restores."""
    import os
    import sqlite3
    import subprocess
    import sys

    make_damaged(db_path)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", RUN_GUI_ON_A_DAMAGED_FILE, str(db_path)],
                            capture_output=True, text=True, timeout=120, env=env)
    assert result.stdout.strip() == "0 ['offered the backup', 'reopened restored']", result.stderr[-2000:]
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM settings WHERE key LIKE 'k%'").fetchone()[0] == 3000
    conn.close()
    assert list(db_path.parent.glob("workbench.damaged-*.db")), "the damaged file is kept beside"


def test_a_second_window_on_an_open_database_says_so_and_opens_nothing(qapp, db_path):
    from workbench.app import run_gui
    from workbench.ui.shell.single_instance import SingleInstance

    open_database(db_path).close()
    first = SingleInstance(db_path)  # the window already open on the file
    assert first.acquire()
    seen: list = []
    answer_box("already_open_box", QMessageBox.ButtonRole.RejectRole, seen)  # 退出
    try:
        assert run_gui(db_path, "zh_CN") == 0
    finally:
        first.release()
    assert seen == ["这个数据库已在另一个运营工作台窗口中打开。"]
    assert not [w for w in QApplication.topLevelWidgets() if type(w).__name__ == "MainWindow" and w.isVisible()]
