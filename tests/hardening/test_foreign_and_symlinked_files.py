"""Another program's SQLite file is refused and never modified; one file reached by two paths opens in
one window; a lock that cannot be created is not "already open" (issue 14, part 7)."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.hardening.laptop_faults import ROOT, child_env, file_state, the_sentence, unprivileged, workbench


def another_programs_database(path: Path, journal: str) -> Path:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA journal_mode={journal}")
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, file TEXT, taken TEXT)")
    conn.execute("CREATE TABLE albums (id INTEGER PRIMARY KEY, title TEXT)")
    conn.executemany("INSERT INTO photos (file, taken) VALUES (?, ?)", [(f"IMG_{n}.jpg", "2026-11-01") for n in range(50)])
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("journal", ["delete", "wal"])
def test_another_programs_sqlite_file_is_refused_and_never_modified(tmp_path, journal):
    other = another_programs_database(tmp_path / "photos.sqlite", journal)
    other.chmod(0o644)
    before = file_state(other)
    expected = ("photos.sqlite is another program's SQLite database (it holds photos, albums), not an Ops Workbench "
                "database; it was left unchanged. Point --db at a new file name or an Ops Workbench database.")
    for command in (["check"], ["capture", "回访"], ["demo"], ["datasets"]):
        result = workbench("--db", other, *command)
        assert result.returncode == 2, (command, result.stderr)
        assert the_sentence(result) == expected
    assert file_state(other) == before, "same bytes, same mtime, same mode"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["photos.sqlite"], "no copy, no -wal/-shm left"


def test_the_window_refuses_another_programs_file_before_touching_it(tmp_path):
    from workbench.store.connection import ForeignDatabase
    from workbench.store.startup import open_at_startup

    other = another_programs_database(tmp_path / "photos.sqlite", "delete")
    before = file_state(other)
    for check in (False, True):
        with pytest.raises(ForeignDatabase):
            open_at_startup(other, mounts_text="", check=check)
    assert file_state(other) == before


def test_one_file_by_two_paths_takes_one_lock(qapp, db_path, tmp_path):
    from workbench.store import open_database
    from workbench.ui.shell.single_instance import SingleInstance

    open_database(db_path).close()
    link = tmp_path / "elsewhere" / "link.db"
    link.parent.mkdir()
    link.symlink_to(db_path)
    first = SingleInstance(db_path)
    assert first.acquire()
    try:
        assert not SingleInstance(link).acquire(), "the symlink reaches the same file: already open"
        assert not SingleInstance(tmp_path / "elsewhere" / ".." / db_path.name).acquire()
    finally:
        first.release()
    assert SingleInstance(link).acquire(), "free again once the first window let go"


LOCK_IN_A_PROTECTED_FOLDER = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QCoreApplication
    from workbench.ui.shell.single_instance import SingleInstance

    app = QCoreApplication([])
    first, second = SingleInstance(sys.argv[1]), SingleInstance(sys.argv[1])
    print(first.acquire(), second.acquire(), first.lock.fileName().startswith(sys.argv[2]))
""")


def test_a_write_protected_folder_is_not_already_open_and_still_has_one_window(tmp_path):
    import tempfile

    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "wb.db").write_bytes(b"")
    folder.chmod(0o555)
    try:
        result = subprocess.run(unprivileged([sys.executable, "-c", LOCK_IN_A_PROTECTED_FOLDER, str(folder / "wb.db"),
                                              tempfile.gettempdir()]),
                                capture_output=True, text=True, timeout=60, cwd=ROOT,
                                env=child_env(QT_QPA_PLATFORM="offscreen"))
    finally:
        folder.chmod(0o755)
    # The first window gets a lock (in the temporary folder); a second is told the truth: already open.
    assert result.stdout.split() == ["True", "False", "True"], result.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["wb.db"]
