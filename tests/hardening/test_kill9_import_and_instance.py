"""kill -9 of the real `workbench import` CLI at arbitrary moments of a first import (the import
engine's own test kills a re-import through the Python API at a hook); and the single-instance
local server after a killed first window."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

ROWS = 150_000


@pytest.fixture(scope="module")
def big_csv(tmp_path_factory):
    path = tmp_path_factory.mktemp("big") / "核心指标日报_big.csv"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("日期,渠道,新增注册,借款金额(元),次日留存率,备注\n")
        for n in range(ROWS):
            handle.write(f"{2000 + n // 336}-{1 + n // 28 % 12:02d}-{1 + n % 28:02d},渠道{n % 7},{n},{n * 1.5},0.4,备注{n}\n")
    return path


def state(db_path):
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        datasets = conn.execute("SELECT name, table_name FROM datasets").fetchall() if "datasets" in tables else []
        data_tables = {t for t in tables if t.startswith("ds_")}
        rows = {name: conn.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0] for name, table in datasets}
        return datasets, data_tables, rows
    finally:
        conn.close()


@pytest.mark.parametrize("delay", [0.4, 0.9, 1.4, 2.2])
def test_kill_of_the_import_cli_leaves_nothing_or_everything(tmp_path, big_csv, delay):
    db_path = tmp_path / "wb.db"
    init = subprocess.run([sys.executable, "-m", "workbench", "check", "--db", str(db_path)], capture_output=True, timeout=60)
    assert init.returncode == 0
    proc = subprocess.Popen([sys.executable, "-m", "workbench", "import", "--db", str(db_path), str(big_csv)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(delay)
    finished = proc.poll() is not None
    if not finished:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    datasets, data_tables, rows = state(db_path)
    if datasets:
        assert list(rows.values()) == [ROWS], "a dataset that exists holds every row"
        assert data_tables == {datasets[0][1]}
    else:
        assert data_tables == set(), "no half-made dataset table is left behind"


def test_the_local_server_recovers_after_the_first_window_is_killed(qapp, db_path):
    """The killed process leaves its socket file; the next window removes it and listens, and a third
    launch can reach it."""
    import textwrap

    from PySide6.QtWidgets import QApplication

    from workbench.ui.shell.single_instance import SingleInstance, ask_running_instance_to_raise

    script = textwrap.dedent(f"""
        import os
        from PySide6.QtCore import QCoreApplication
        from workbench.ui.shell.single_instance import SingleInstance
        app = QCoreApplication([])
        instance = SingleInstance(r"{db_path}")
        assert instance.acquire()
        instance.listen()
        print(instance.server.fullServerName(), flush=True)
        os.kill(os.getpid(), 9)
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    socket_path = result.stdout.strip()
    assert result.returncode == -signal.SIGKILL
    assert socket_path and os.path.exists(socket_path), "the crash really left the socket file behind"
    assert not ask_running_instance_to_raise(db_path, timeout_ms=300), "nobody answers on the stale socket"

    survivor = SingleInstance(db_path)
    assert survivor.acquire(), "the stale lock is taken over"
    survivor.listen()
    assert survivor.server.isListening(), "the stale socket was removed and the server listens again"
    raised = []
    survivor.raise_requested.connect(lambda: raised.append(True))
    assert ask_running_instance_to_raise(db_path)
    for _ in range(100):
        QApplication.processEvents()
        if raised:
            break
        time.sleep(0.01)
    assert raised == [True]
    survivor.release()
