"""Bytes that are not UTF-8 on the command line or stdin are read by detection, never a
UnicodeEncodeError; Ctrl+C says whether the work was saved (issue 14, part 7). Real child processes:
GBK bytes in argv and stdin, a real SIGINT."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.hardening.laptop_faults import ROOT, WORKBENCH, child_env, the_sentence, workbench


@pytest.fixture(scope="module")
def fresh_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("fresh") / "base.db"
    assert workbench("--db", path, "check").returncode == 0
    return path


@pytest.fixture
def wb(tmp_path, fresh_db) -> Path:
    path = tmp_path / "wb.db"
    path.write_bytes(fresh_db.read_bytes())
    return path


def titles(db_path: Path) -> list[str]:
    conn = sqlite3.connect(db_path)
    try:
        return [row[0] for row in conn.execute("SELECT title FROM tasks ORDER BY id")]
    finally:
        conn.close()


def test_gbk_bytes_on_the_command_line_are_read_as_chinese(wb):
    result = workbench("--db", wb, "capture", "回访 王芳 额度问题".encode("gbk"))
    assert result.returncode == 0, result.stderr
    assert titles(wb) == ["回访 王芳 额度问题"]
    assert "回访 王芳 额度问题" in result.stdout.decode("utf-8")


def test_an_invalid_byte_on_the_command_line_is_replaced_not_a_crash(wb):
    result = workbench("--db", wb, "capture", b"call back \xff customer")
    assert result.returncode == 0, result.stderr
    assert titles(wb) == ["call back \ufffd customer"]


def test_gbk_lines_on_stdin_are_read_as_chinese_and_a_stray_byte_is_replaced(wb):
    lines = "回访 王芳\n跟进 李雷 提额\n".encode("gbk") + "复盘 周报 ".encode("gbk") + b"\xff\n"
    result = workbench("--db", wb, "capture", "-", stdin=lines)
    assert result.returncode == 0, result.stderr
    assert titles(wb) == ["回访 王芳", "跟进 李雷 提额", "复盘 周报 \ufffd"]


def test_utf8_on_stdin_stays_utf8(wb):
    result = workbench("--db", wb, "capture", "-", stdin="回访 王芳\n".encode("utf-8"))
    assert result.returncode == 0, result.stderr
    assert titles(wb) == ["回访 王芳"]


def test_a_file_named_in_gbk_bytes_is_found_under_its_own_name(wb, tmp_path):
    name = "渠道日报.csv".encode("gbk")
    path = os.path.join(os.fsencode(tmp_path), name)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("日期,渠道,新增\n2026-11-01,A,3\n2026-11-02,B,4\n")
    result = workbench("--db", wb, "import", "--dataset", "渠道".encode("gbk"), path)
    assert result.returncode == 0, result.stderr
    conn = sqlite3.connect(wb)
    assert conn.execute("SELECT name, row_count FROM datasets").fetchall() == [("渠道", 2)]
    assert conn.execute("SELECT file_name FROM imports").fetchall() == [("渠道日报.csv",)]
    conn.close()


# The real CLI in a child, with a hook that announces the moment to interrupt and holds it there.
INTERRUPTIBLE_IMPORT = textwrap.dedent("""
    import signal, sys, time
    # As in a terminal: a child of a background job starts with SIGINT ignored, and Python then raises no
    # KeyboardInterrupt (CI runs in the background).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    import workbench.store.connection as connection
    import workbench.reports.importer as importer

    moment = sys.argv[1]
    if moment == "commit":
        # SQLite calls this as it starts each statement: "COMMIT" means the commit is under way.
        connect = connection._connect
        def traced(path, readonly):
            conn = connect(path, readonly)
            def trace(sql):
                if sql.strip().upper() == "COMMIT":
                    print("NOW", flush=True)
                    time.sleep(1.5)  # the parent's SIGINT arrives while the COMMIT runs
            conn.set_trace_callback(trace)
            return conn
        connection._connect = traced
    else:
        write = importer._write
        def slow_write(*args, **kwargs):
            print("NOW", flush=True)
            time.sleep(30)  # the parent's SIGINT arrives in the middle of the import's transaction
            return write(*args, **kwargs)
        importer._write = slow_write
    from workbench.cli import main
    sys.exit(main(sys.argv[2:]))
""")


def interrupt_import(db: Path, report: Path, moment: str) -> tuple[int, str]:
    child = subprocess.Popen([sys.executable, "-c", INTERRUPTIBLE_IMPORT, moment, "--db", str(db), "import", str(report)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, env=child_env())
    try:
        assert child.stdout.readline().strip() == b"NOW", child.stderr.read()
        child.send_signal(signal.SIGINT)
        _out, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
    return child.returncode, err.decode("utf-8", errors="replace").strip()


@pytest.fixture
def report(tmp_path) -> Path:
    path = tmp_path / "日报.csv"
    path.write_text("日期,渠道,新增\n" + "".join(f"2026-11-{1 + n % 28:02d},渠道{n},{n}\n" for n in range(300)),
                    encoding="utf-8")
    return path


def dataset_rows(db: Path) -> list:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT row_count FROM datasets").fetchall()
    finally:
        conn.close()


def test_ctrl_c_during_the_commit_says_the_import_was_saved(wb, report):
    status, said = interrupt_import(wb, report, "commit")
    assert status == 130
    assert said == "Interrupted (Ctrl+C): the changes had been saved.", said
    assert dataset_rows(wb) == [(300,)]


def test_ctrl_c_inside_the_import_says_nothing_was_saved(wb, report):
    status, said = interrupt_import(wb, report, "body")
    assert status == 130
    assert said == "Interrupted (Ctrl+C): nothing was saved.", said
    assert dataset_rows(wb) == []
