"""设置 › 数据库: moving the file after the window closed, refusing bad targets, reopening the last file."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from workbench.errors import UserError
from tests.conftest import PINNED_NOW


def test_a_pending_move_carries_the_closed_database_and_the_restart_follows(qapp, tmp_path):
    from PySide6.QtCore import QSettings

    from workbench.store import open_database
    from workbench.tasks.repository import create_task
    from workbench.ui.shell.context import Restart
    from workbench.ui.shell.database_files import perform_pending_move

    old = tmp_path / "old.db"
    db = open_database(old)
    create_task(db, "survives the move", now=PINNED_NOW)
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    new = tmp_path / "moved" / "new.db"
    new.parent.mkdir()
    closed = SimpleNamespace(restart=Restart(new, move_from=old), settings=QSettings())
    assert perform_pending_move(closed) is None
    assert closed.restart == Restart(new, move_from=old)  # the restart opens the moved file
    assert not old.exists() and new.exists()
    moved = open_database(new)
    assert [r[0] for r in moved.execute("SELECT title FROM tasks")] == ["survives the move"]
    moved.close()


def test_new_locations_that_would_lose_data_are_refused(tmp_path):
    from workbench.ui.shell.database_files import check_new_location

    current = tmp_path / "workbench.db"
    current.write_bytes(b"")
    with pytest.raises(UserError):
        check_new_location(current, current)
    taken = tmp_path / "taken.db"
    taken.write_bytes(b"x")
    with pytest.raises(UserError) as error:
        check_new_location(taken, current)
    assert "already exists" in error.value.en
    check_new_location(tmp_path / "free.db", current)


def test_the_window_reopens_the_last_database_unless_told_otherwise(qapp, tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings

    from workbench.app import create_application, gui_database_path

    create_application()  # the organisation and app names decide where QSettings lives
    monkeypatch.delenv("WORKBENCH_DB", raising=False)
    last = tmp_path / "last.db"
    last.write_bytes(b"")
    QSettings().setValue("db/last", str(last))
    try:
        assert gui_database_path(None) == last
        assert gui_database_path(str(tmp_path / "explicit.db")) == tmp_path / "explicit.db"
        monkeypatch.setenv("WORKBENCH_DB", str(tmp_path / "env.db"))
        assert gui_database_path(None) == tmp_path / "env.db"
    finally:
        QSettings().remove("db/last")


@pytest.fixture
def dialogs(monkeypatch):
    """Answers for the modal file dialog, and what the message boxes said (they cannot run offscreen)."""
    from workbench.ui.shell import database_files

    said: list[tuple[str, str, str]] = []
    answer = {"path": ""}
    monkeypatch.setattr(database_files.QFileDialog, "getSaveFileName", lambda *a, **k: (answer["path"], ""))
    monkeypatch.setattr(database_files.QMessageBox, "warning", lambda _w, title, text: said.append(("warning", title, text)))
    monkeypatch.setattr(database_files.QMessageBox, "information",
                        lambda _w, title, text: said.append(("information", title, text)))
    return answer, said


def test_moving_to_the_current_file_is_refused_with_a_sentence_and_nothing_restarts(main_window, dialogs, qapp):
    from workbench.ui.shell.database_files import move_dialog

    answer, said = dialogs
    answer["path"] = str(main_window.ctx.db_path)
    move_dialog(main_window)
    assert said == [("warning", "移动数据库", "新位置和当前位置相同。")]
    assert main_window.ctx.restart is None and main_window.isVisible()


def test_a_new_empty_database_gets_the_db_suffix_and_the_window_reopens_on_it(main_window, dialogs, qapp, tmp_path):
    from workbench.ui.shell.context import Restart
    from workbench.ui.shell.database_files import new_dialog

    answer, said = dialogs
    answer["path"] = str(tmp_path / "second")
    new_dialog(main_window)
    assert said == []
    assert main_window.ctx.restart == Restart(tmp_path / "second.db")  # no move, no check first
    assert not main_window.isVisible()
