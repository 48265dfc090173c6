"""A database the user made read-only (issue 14, part 7): its mode is never loosened, it opens
read-only, `check` and `export-week` work on it, every write is refused with one sentence. The CLI
runs as a user whose file modes count (laptop_faults.unprivileged)."""
from __future__ import annotations

import sqlite3
import sys
import textwrap
from pathlib import Path

import pytest

from tests.hardening.laptop_faults import (WORKBENCH, _unshare, child_env, file_state, namespaces_allowed, run,
                                           the_sentence, unprivileged, workbench, write_demo_file)
from workbench.store.connection import READ_ONLY_DISK, READ_ONLY_FILE, READ_ONLY_FOLDER
from workbench.store.faults import ReadOnlyDatabase


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    return write_demo_file(tmp_path_factory.mktemp("demo"))


@pytest.fixture
def protected(tmp_path, demo_file) -> Path:
    """A copy of the demo database, write-protected by its owner (0400)."""
    path = tmp_path / "mine.db"
    path.write_bytes(demo_file.read_bytes())
    path.chmod(0o400)
    return path


def test_a_write_protected_file_is_checked_and_exported_but_never_changed(protected, tmp_path):
    before = file_state(protected)
    check = workbench("--db", protected, "check", "--json", as_user=True)
    assert check.returncode == 0, check.stderr
    assert b'"integrity": "ok"' in check.stdout
    out = tmp_path / "week.xlsx"
    export = workbench("--db", protected, "export-week", "--week", "2026-W48", "--out", out, as_user=True)
    assert export.returncode == 0, export.stderr
    assert out.stat().st_size > 0
    assert file_state(protected) == before, "same bytes, same mtime, still 0400"
    assert sorted(p.name for p in protected.parent.glob("mine.db*")) == ["mine.db"], "no -wal/-shm left beside it"


def test_every_write_to_a_write_protected_file_is_refused_with_a_sentence(protected, tmp_path):
    before = file_state(protected)
    refused = ReadOnlyDatabase(READ_ONLY_FILE).en
    assert refused == "Read-only: the database file is write-protected; changes cannot be saved."
    (tmp_path / "x.csv").write_text("日期,渠道,新增\n2026-11-01,A,3\n2026-11-02,B,4\n", encoding="utf-8")
    for command in (["capture", "明天 回访 王芳"], ["import", tmp_path / "x.csv"], ["imports", "--undo", "1"]):
        result = workbench("--db", protected, *command, as_user=True)
        assert result.returncode == 2, (command, result.stderr)
        assert the_sentence(result) == refused, command
    unmasked = workbench("--db", protected, "export-week", "--week", "2026-W48", "--out", tmp_path / "full.xlsx",
                         "--unmasked", as_user=True)
    assert unmasked.returncode == 2
    assert "cannot be recorded in the audit log" in the_sentence(unmasked)
    assert not (tmp_path / "full.xlsx").exists(), "an unmasked export that cannot be audited is not written"
    assert file_state(protected) == before


def test_a_write_protected_folder_keeps_its_mode_and_opens_read_only(tmp_path, demo_file):
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "wb.db").write_bytes(demo_file.read_bytes())
    folder.chmod(0o555)
    try:
        check = workbench("--db", folder / "wb.db", "check", as_user=True)
        assert check.returncode == 0, check.stderr
        capture = workbench("--db", folder / "wb.db", "capture", "回访", as_user=True)
        assert capture.returncode == 2
        assert the_sentence(capture) == ReadOnlyDatabase(READ_ONLY_FOLDER).en
        new = workbench("--db", folder / "new.db", "check", as_user=True)
        assert new.returncode == 2
        assert the_sentence(new) == f"Cannot create a database in {folder}: the folder is write-protected."
        assert folder.stat().st_mode & 0o777 == 0o555, "never chmod-ed to 0700"
        assert sorted(p.name for p in folder.iterdir()) == ["wb.db"]
    finally:
        folder.chmod(0o755)


def test_a_database_on_a_read_only_mount_is_checked_and_refuses_writes(tmp_path, demo_file):
    """A read-only bind mount in a private mount namespace; where namespaces are not allowed, the
    closest the test can make: a write-protected file in a write-protected folder, as a user."""
    folder = tmp_path / "mounted"
    folder.mkdir()
    (folder / "wb.db").write_bytes(demo_file.read_bytes())
    commands = [WORKBENCH + ["--db", folder / "wb.db", "check"], WORKBENCH + ["--db", folder / "wb.db", "capture", "回访"]]
    if namespaces_allowed():
        quoted = " ".join(f"'{part}'" for part in commands[0]), " ".join(f"'{part}'" for part in commands[1])
        script = (f"mount --bind {folder} {folder} && mount -o remount,bind,ro {folder} && "
                  f"{quoted[0]} > {tmp_path}/check.txt; echo $? >> {tmp_path}/check.txt; {quoted[1]}")
        results = [None, run(_unshare() + ["sh", "-c", script])]
        check_text = (tmp_path / "check.txt").read_text()
        expected_reason = READ_ONLY_DISK
    else:
        folder.chmod(0o555)
        (folder / "wb.db").chmod(0o400)
        results = [run(unprivileged(c)) for c in commands]
        check_text = results[0].stdout.decode() + str(results[0].returncode)
        expected_reason = READ_ONLY_FILE
    assert "integrity: ok" in check_text and check_text.strip().endswith("0"), check_text
    assert results[1].returncode == 2
    assert the_sentence(results[1]) == ReadOnlyDatabase(expected_reason).en


def test_folders_and_files_the_app_creates_are_private_and_nothing_else_is_touched(tmp_path):
    from workbench.store.paths import ensure_private_folder, make_private

    theirs = tmp_path / "theirs"
    theirs.mkdir(mode=0o755)
    theirs.chmod(0o755)
    ensure_private_folder(theirs / "a" / "b")
    assert theirs.stat().st_mode & 0o777 == 0o755, "an existing folder keeps its owner's mode"
    assert (theirs / "a").stat().st_mode & 0o777 == 0o700
    assert (theirs / "a" / "b").stat().st_mode & 0o777 == 0o700
    written = theirs / "a" / "export.csv"
    written.write_text("x")
    written.chmod(0o644)
    make_private(written)
    assert written.stat().st_mode & 0o777 == 0o600
    protected = theirs / "a" / "protected.db"
    protected.write_text("x")
    protected.chmod(0o400)
    make_private(protected)
    assert protected.stat().st_mode & 0o777 == 0o400, "make_private only ever takes permissions away"


@pytest.fixture
def readonly_window(qapp, qtbot, protected, tmp_path):
    """The main window over a real read-only connection, with the crash hook the app installs. (Root
    cannot be shown a 0400 file's protection in-process: the detection is tested through the CLI above.)"""
    from workbench.app import build_context, create_application, prepare_ui
    from workbench.store.connection import open_connection
    from workbench.ui.shell.crash_reporting import install_crash_reporting
    from workbench.ui.shell.main_window import MainWindow

    db = open_connection(protected, readonly=True, reason=READ_ONLY_FILE)
    create_application()
    ctx = build_context(protected, db)
    prepare_ui(qapp, ctx.settings, "zh_CN")
    window = MainWindow(ctx)
    qtbot.addWidget(window)  # closed before this fixture's teardown deletes it and closes the database
    reporting = install_crash_reporting(tmp_path / "logs", window)
    window.show()
    yield window
    from tests.conftest import _destroy_windows

    reporting.uninstall()
    _destroy_windows(qapp)
    db.close()
    assert not list((tmp_path / "logs").glob("logs/crash-*.log")), "a read-only file is not a crash"


def notice_of(window):
    from PySide6.QtWidgets import QMessageBox

    notice = window.findChild(QMessageBox, "user_error_notice")
    return notice.text() if notice is not None and notice.isVisible() else None


def test_every_page_of_the_window_opens_on_a_read_only_file_under_the_banner(readonly_window, qtbot, protected):
    from PySide6.QtWidgets import QLabel

    from workbench.ui.shell.pages import PAGES

    before = file_state(protected)
    banner = readonly_window.findChild(QLabel, "readonly_banner")
    assert banner is not None and banner.isVisible()
    assert banner.text() == "只读：数据库文件设置了写保护，不能保存修改。"
    for spec in PAGES:  # the matrix promotes due tasks and PDCA raises stall tasks: writes, skipped here
        readonly_window.show_area(spec.key)
        qtbot.wait(50)
        assert notice_of(readonly_window) is None, spec.key
    assert file_state(protected) == before


def test_the_window_answers_a_capture_with_the_read_only_sentence(readonly_window, qtbot, protected):
    from PySide6.QtCore import Qt

    before, tasks_before = file_state(protected), task_count(protected)
    field = readonly_window.capture_bar.field
    field.setText("明天下午3点 回访 王芳")
    qtbot.keyClick(field, Qt.Key.Key_Return)  # the refusal reaches the window's hook (crash_reporting)
    assert notice_of(readonly_window) == "只读：数据库文件设置了写保护，不能保存修改。"
    assert not readonly_window.ctx.undo_stack.canUndo(), "nothing was done, so nothing can be undone"
    assert task_count(protected) == tasks_before
    assert file_state(protected) == before


def task_count(path: Path) -> int:
    conn = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM tasks").fetchone()[0]
    finally:
        conn.close()


WINDOW_ON_A_PROTECTED_FOLDER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
    from workbench.app import create_application, run_gui

    app = create_application()
    seen = []

    def look():
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                seen.append("box: " + widget.text())
                widget.close()
            banner = widget.findChild(QLabel, "readonly_banner") if type(widget).__name__ == "MainWindow" else None
            if banner is not None:
                seen.append("banner: " + banner.text())
        app.quit()

    QTimer.singleShot(1500, look)
    status = run_gui(Path(sys.argv[1]), "zh_CN")
    print(status, seen)
""")


def test_the_window_opens_a_file_in_a_write_protected_folder_read_only(tmp_path, demo_file):
    """The whole start, as a user: no "already open" (the lock goes elsewhere), no traceback (the log
    goes to the data folder), the banner."""
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "wb.db").write_bytes(demo_file.read_bytes())
    folder.chmod(0o555)
    data = tmp_path / "data"
    data.mkdir()
    try:
        result = run(unprivileged([sys.executable, "-c", WINDOW_ON_A_PROTECTED_FOLDER, str(folder / "wb.db")]),
                     env=child_env(QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(data), XDG_CONFIG_HOME=str(data)))
    finally:
        folder.chmod(0o755)
    out = result.stdout.decode("utf-8")
    assert out.strip() == "0 ['banner: 只读：数据库所在的文件夹设置了写保护，不能保存修改。']", result.stderr.decode()[-3000:]
    assert sorted(p.name for p in folder.iterdir()) == ["wb.db"]


def test_the_users_export_of_a_read_only_file_is_masked_or_refused_before_writing(protected, tmp_path):
    masked = workbench("--db", protected, "users", "export", tmp_path / "users.csv", as_user=True)
    assert masked.returncode == 0, masked.stderr
    import csv
    import re

    with open(tmp_path / "users.csv", encoding="utf-8-sig", newline="") as handle:
        phones = [row[2] for row in list(csv.reader(handle))[1:]]
    assert len(phones) > 50 and all(re.fullmatch(r"\d{3}\*{4}\d{4}", p) for p in phones if p), phones[:3]
    unmasked = workbench("--db", protected, "users", "export", tmp_path / "all.csv", "--unmasked", as_user=True)
    assert unmasked.returncode == 2
    assert "cannot be recorded in the audit log" in the_sentence(unmasked)
    assert not (tmp_path / "all.csv").exists()
