"""Crash reports: a short dialog, a masked traceback in the data folder (0600), the app keeps running.
The audit log: what left the app and whether it was masked, visible under 帮助."""
from __future__ import annotations

import logging
import sqlite3
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from workbench import audit
from workbench.crash_report import setup_app_log, write_crash_log
from workbench.store import write_transaction
from tests.conftest import PINNED_NOW

PHONE_RE = r"1[3-9]\d{9}"


def visible_message_boxes():
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


@pytest.fixture
def reporting(qapp, tmp_path):
    from workbench.ui.shell.crash_reporting import install_crash_reporting

    crash = install_crash_reporting(tmp_path / "data")
    yield crash
    crash.uninstall()
    if crash.dialog:
        crash.dialog.close()
    if crash.notice:
        crash.notice.close()


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_shows_a_dialog_and_writes_a_masked_log(reporting, qtbot, tmp_path):
    import re

    button = QPushButton("boom")
    qtbot.addWidget(button)
    calls = []

    def failing():
        calls.append(1)
        raise ValueError("could not call 13800138000 about 11010519491231002X")

    button.clicked.connect(failing)
    button.show()
    qtbot.mouseClick(button, __import__("PySide6.QtCore", fromlist=["Qt"]).Qt.MouseButton.LeftButton)
    assert reporting.dialog is not None and reporting.dialog.isVisible()
    assert "keeps running" in reporting.dialog.message.text() or "继续运行" in reporting.dialog.message.text()
    log = reporting.dialog.log_path
    assert log.parent == tmp_path / "data" / "logs"
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "ValueError" in text and "138****8000" in text
    assert not re.search(PHONE_RE, text) and "11010519491231002X" not in text
    assert log.stat().st_mode & 0o777 == 0o600 and log.parent.stat().st_mode & 0o777 == 0o700
    # the app keeps running: the same button works again, the one dialog counts
    qtbot.mouseClick(button, __import__("PySide6.QtCore", fromlist=["Qt"]).Qt.MouseButton.LeftButton)
    assert calls == [1, 1] and reporting.dialog.count == 2
    assert len([w for w in QApplication.topLevelWidgets() if w.objectName() == "crash_dialog"]) == 1


@pytest.mark.qt_no_exception_capture
def test_a_busy_database_in_a_slot_shows_the_busy_sentence_not_a_crash(reporting, qtbot, db, db_path):
    """Another process holds the write lock past the timeout: the UI says 'busy', nothing half-written."""
    from PySide6.QtCore import Qt

    from workbench.errors import set_language

    set_language("en")
    holder = subprocess.Popen([sys.executable, "-c",
                               "import sqlite3, sys, time; c = sqlite3.connect(sys.argv[1], isolation_level=None);"
                               "c.execute('BEGIN IMMEDIATE'); print('HELD', flush=True); time.sleep(30)", str(db_path)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "HELD"
        db.conn.execute("PRAGMA busy_timeout=300")

        def save():
            with write_transaction(db):
                db["settings"].insert({"key": "typed", "value": "x"})

        button = QPushButton("save")
        qtbot.addWidget(button)
        button.clicked.connect(save)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert reporting.notice is not None and reporting.notice.isVisible()
        assert "busy" in reporting.notice.text()
        assert reporting.dialog is None, "busy is not a crash"
        assert not (reporting.data_folder / "logs" / "crash").exists()
    finally:
        holder.kill()
        holder.wait()
    db.conn.execute("PRAGMA busy_timeout=5000")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert db["settings"].get("typed")["value"] == "x", "after the lock is gone the same action saves"


def test_a_crash_log_written_without_qt_is_masked_and_private(tmp_path):
    try:
        raise sqlite3.IntegrityError("UNIQUE failed: users.phone = +86 139 1234 5678")
    except sqlite3.IntegrityError as exc:
        path = write_crash_log(tmp_path, type(exc), exc, exc.__traceback__, now=PINNED_NOW)
    text = path.read_text(encoding="utf-8")
    assert "139****5678" in text and "1234 5678" not in text
    assert path.stat().st_mode & 0o777 == 0o600


def test_the_app_log_masks_phones_in_messages_and_exceptions(tmp_path):
    import re

    path = setup_app_log(tmp_path)
    logger = logging.getLogger("workbench.test")
    logger.info("imported user %s", "15912345678")
    try:
        raise KeyError("13700001111")
    except KeyError:
        logger.exception("failed for 18600002222")
    for handler in logging.getLogger("workbench").handlers:
        handler.flush()
    text = path.read_text(encoding="utf-8")
    assert "159****5678" in text and "186****2222" in text and "137****1111" in text
    assert not re.search(PHONE_RE, text)
    assert path.stat().st_mode & 0o777 == 0o600


def test_a_gui_process_that_crashes_in_a_slot_keeps_running(tmp_path):
    """The real hook in a separate offscreen process: the event loop survives the exception."""
    script = f"""
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from workbench.ui.shell.crash_reporting import install_crash_reporting
app = QApplication([])
crash = install_crash_reporting(Path(r"{tmp_path}"))
def boom():
    raise RuntimeError("slot failed for 13912345678")
QTimer.singleShot(10, boom)
QTimer.singleShot(300, lambda: (print("ALIVE", crash.dialog is not None and crash.dialog.isVisible()), app.quit()))
sys.exit(app.exec())
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                            env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert "ALIVE True" in result.stdout
    logs = list((tmp_path / "logs").glob("crash-*.log"))
    assert len(logs) == 1 and "139****5678" in logs[0].read_text(encoding="utf-8")


# --- audit log ----------------------------------------------------------------------------------
def test_audit_records_and_lists_newest_first_with_masked_detail(db):
    from datetime import datetime

    audit.record_export(db, "/tmp/周复盘.xlsx", rows=42, masked=True, what="周复盘")
    audit.record(db, audit.EXPORT, "联系记录 for 13800138000", rows=7, masked=False, at=datetime(2099, 1, 1))
    entries = audit.entries(db)
    assert [(e["action"], e["rows"], e["masked"]) for e in entries] == [("export", 7, 0), ("export", 42, 1)]
    assert "138****8000" in entries[0]["detail"] and "13800138000" not in entries[0]["detail"]
    assert [e["rows"] for e in audit.entries(db, unmasked_only=True)] == [7]


def test_audit_entries_roll_back_with_the_export_that_failed(db):
    with pytest.raises(RuntimeError):
        with write_transaction(db):
            audit.record(db, audit.EXPORT, "half", rows=1, masked=False)
            raise RuntimeError("disk full")
    assert audit.entries(db) == []


def test_the_audit_log_is_reachable_from_the_help_menu(main_window, ctx, qtbot):
    audit.record(ctx.db, audit.EXPORT, "联系记录.xlsx", rows=12, masked=False)
    help_menu = main_window.menuBar().actions()[-1].menu()
    action = next(a for a in help_menu.actions() if "审计" in a.text())
    action.trigger()
    view = main_window.audit_view
    assert view.isVisible() and view.windowTitle() == "审计日志"
    assert view.table.rowCount() == 1
    assert view.cell_text(0, 1) == "导出" and view.cell_text(0, 2) == "12"
    assert view.cell_text(0, 3) == "否——未打码"
    view.close()
    settle(main_window, qtbot)


def settle(window, qtbot):
    """Let the window build its remaining pages now: its deferred timer must not fire after the
    database fixture closed (that shows up as 'Cannot operate on a closed database' in a later test)."""
    from workbench.ui.shell.pages import PAGES

    qtbot.waitUntil(lambda: len(window.pages) == len(PAGES), timeout=20000)
