"""A full disk (issue 14, part 7): `import`, `capture` and `export-week` end in one sentence and exit 2,
nothing is half-written, and the window says it too. The disk is really full (laptop_faults.SmallDisk:
a tiny tmpfs, else a file-size limit); SQLite's max_page_count gives a real SQLITE_FULL in-process."""
from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import pytest

from tests.hardening.laptop_faults import WORKBENCH, SmallDisk, the_sentence, unprivileged, workbench, write_demo_file
from workbench.store.faults import DiskFull, FileTooLarge, WriteFailed

ROWS = 20_000


@pytest.fixture(scope="module")
def fresh_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("fresh") / "base.db"
    assert workbench("--db", path, "check").returncode == 0
    return path


@pytest.fixture(scope="module")
def big_report(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("report") / "渠道日报.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["日期", "渠道", "新增用户", "备注"])
        for n in range(ROWS):
            writer.writerow([f"2026-{1 + n // 28 % 12:02d}-{1 + n % 28:02d}", f"渠道{n}", n, "说明" * 20])
    return path


def not_saved_sentences(disk: SmallDisk, target: Path | None = None) -> set[str]:
    """ENOSPC is 'the disk is full'; under a file-size limit SQLite says I/O error and files EFBIG."""
    if disk.real_enospc:
        return {DiskFull(target).en}
    return {WriteFailed().en, FileTooLarge(target).en, DiskFull(target).en}


def copied_state(folder: Path) -> tuple[str, list, list]:
    """integrity, datasets and dataset tables of the a.db copied out of the small disk."""
    conn = sqlite3.connect(folder / "a.db")
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return (conn.execute("PRAGMA integrity_check").fetchone()[0],
                conn.execute("SELECT name FROM datasets").fetchall(), [t for t in tables if t.startswith("ds_")])
    finally:
        conn.close()


def test_sqlite_full_inside_a_write_transaction_is_a_sentence_and_keeps_nothing(db):
    from workbench.store import write_transaction

    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")  # this connection may not grow the file: SQLITE_FULL
    with pytest.raises(DiskFull) as raised:
        with write_transaction(db):
            for n in range(2000):
                db.execute("INSERT INTO settings (key, value) VALUES (?, ?)", [f"k{n}", "值" * 200])
    assert isinstance(raised.value.__cause__, sqlite3.OperationalError)
    assert raised.value.en == "The disk is full; the changes were not saved. Free some space and try again."
    assert db.execute("SELECT count(*) FROM settings WHERE key LIKE 'k%'").fetchone()[0] == 0
    assert not db.conn.in_transaction
    with write_transaction(db):  # the connection is still usable once there is room again
        db.execute("INSERT INTO settings (key, value) VALUES ('after', 'ok')")
    assert db.execute("SELECT value FROM settings WHERE key = 'after'").fetchone()[0] == "ok"


def test_import_on_a_full_disk_is_one_sentence_and_imports_nothing(tmp_path, fresh_db, big_report):
    disk, out = SmallDisk(tmp_path / "small"), tmp_path / "out"
    out.mkdir()
    result = disk.run(f"cp {fresh_db} {disk.folder}/a.db", WORKBENCH + ["--db", disk.folder / "a.db", "import", big_report],
                      leave=48 * 1024, after=f"cp {disk.folder}/a.db* {out}/", limit=fresh_db.stat().st_size + 48 * 1024)
    assert result.returncode == 2, result.stderr
    assert the_sentence(result) in not_saved_sentences(disk)
    assert copied_state(out) == ("ok", [], []), "no dataset and no half-made table"


def test_capture_on_a_full_disk_is_one_sentence_and_saves_no_line(tmp_path, fresh_db):
    disk, out = SmallDisk(tmp_path / "small"), tmp_path / "out"
    out.mkdir()
    lines = "\n".join(f"明天下午3点 回访 用户{n} 额度问题说明 {'备注' * 30}" for n in range(2000)).encode()
    stdin_file = tmp_path / "lines.txt"
    stdin_file.write_bytes(lines)
    command = ["sh", "-c", " ".join(map(str, WORKBENCH)) + f" --db {disk.folder}/a.db capture - < {stdin_file}"]
    result = disk.run(f"cp {fresh_db} {disk.folder}/a.db", command, leave=48 * 1024,
                      after=f"cp {disk.folder}/a.db* {out}/", limit=fresh_db.stat().st_size + 48 * 1024)
    assert result.returncode == 2, result.stderr
    assert the_sentence(result) in not_saved_sentences(disk)
    conn = sqlite3.connect(out / "a.db")
    assert conn.execute("SELECT count(*) FROM tasks").fetchone()[0] == 0
    conn.close()


@pytest.fixture(scope="module")
def demo_copy(tmp_path_factory) -> Path:
    return write_demo_file(tmp_path_factory.mktemp("demo"))


def test_export_week_on_a_full_disk_is_one_sentence_and_leaves_no_file(tmp_path, demo_copy):
    disk, out = SmallDisk(tmp_path / "small", size_kib=256), tmp_path / "out"
    out.mkdir()
    target = disk.folder / "周复盘.xlsx"
    export = WORKBENCH + ["--db", demo_copy, "export-week", "--week", "2026-W48", "--out", target]
    if not disk.real_enospc:
        # Under a file-size limit every file is capped, the database's -shm too: a write-protected copy
        # is opened immutable (no -shm, no audit row), so only the workbook meets the limit.
        demo_copy.chmod(0o400)
        export = unprivileged(export)
    result = disk.run("true", export, leave=8 * 1024, after=f"ls -A {disk.folder} > {out}/listing.txt", limit=8 * 1024)
    assert result.returncode == 2, result.stderr
    assert the_sentence(result) in not_saved_sentences(disk, target)
    assert (out / "listing.txt").read_text().split() in (["filler"], []), "no workbook, no temporary file"


def test_the_window_says_it_too(main_window, ctx, qtbot, tmp_path):
    """A capture that meets SQLITE_FULL (the window's own connection may not grow the file) shows the
    sentence in the window, writes no crash report, and saves nothing."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from workbench.ui.shell.crash_reporting import install_crash_reporting

    tasks_before = ctx.db.execute("SELECT count(*) FROM tasks").fetchone()[0]
    pages = ctx.db.execute("PRAGMA page_count").fetchone()[0]
    ctx.db.execute(f"PRAGMA max_page_count = {pages}")
    reporting = install_crash_reporting(tmp_path, main_window)
    try:
        field = main_window.capture_bar.field
        field.setText("回访 王芳 " + "额度问题的详细说明" * 800)  # needs overflow pages the file may not get
        qtbot.keyClick(field, Qt.Key.Key_Return)
        notice = main_window.findChild(QMessageBox, "user_error_notice")
        assert notice is not None and notice.isVisible()
        assert notice.text() == "磁盘已满，修改没有保存。请腾出一些空间后再试。"
    finally:
        reporting.uninstall()
    assert not list((tmp_path / "logs").glob("crash-*.log")), "a full disk is not a crash"
    assert ctx.db.execute("SELECT count(*) FROM tasks").fetchone()[0] == tasks_before
    assert not ctx.undo_stack.canUndo(), "a capture that was not saved cannot be 'undone'"
