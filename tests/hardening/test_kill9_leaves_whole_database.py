"""kill -9 of a real child process during a bulk edit, a backup and a migration: the database is whole
and holds the state before or after, never in between."""
from __future__ import annotations

import sqlite3

import pytest

from workbench.schema import migration_sets
from workbench.store import open_database, write_transaction
from workbench.store.backup import backup_folder, latest_good_backup, list_backups, make_backup
from workbench.store.integrity import integrity
from workbench.store.migrate import applied_migrations
from tests.conftest import PINNED_NOW

TASKS = 20_000


def fill_tasks(db_path, count=TASKS):
    db = open_database(db_path)
    with write_transaction(db):
        db.conn.executemany(
            "INSERT INTO tasks (title, notes, status, created_at, tags, position, important, urgent) "
            "VALUES (?, ?, 'open', '2026-11-25T09:00:00', '[]', ?, 0, 0)",
            ((f"任务 {i}", "备注 " * 20, float(i)) for i in range(count)))
    db.close()


def status_counts(db_path):
    db = open_database(db_path)
    try:
        assert integrity(db) == "ok"
        return dict(db.execute("SELECT status, count(*) FROM tasks GROUP BY status").fetchall())
    finally:
        db.close()


BULK_EDIT = """
    import time
    from workbench.store import open_database, write_transaction
    db = open_database(r"{path}")
    with write_transaction(db):
        for start in range(1, {count} + 1, 500):
            db.execute("UPDATE tasks SET status = 'done', done_at = '2026-11-25T10:00:00' WHERE id BETWEEN ? AND ?",
                       [start, start + 499])
            if start == 1:
                print("EDITING", flush=True)
            time.sleep(0.01)
    print("COMMITTED", flush=True)
    time.sleep(60)
"""


@pytest.mark.parametrize("delay", [0.0, 0.1, 0.25])
def test_kill_during_a_bulk_edit_leaves_the_state_before(db_path, child, delay):
    fill_tasks(db_path)
    editor = child(BULK_EDIT.format(path=db_path, count=TASKS))
    editor.wait_for("EDITING")
    editor.kill(after=delay)
    assert status_counts(db_path) == {"open": TASKS}, "a half-done bulk edit must not survive a kill"


def test_kill_right_after_the_commit_keeps_the_state_after(db_path, child):
    fill_tasks(db_path)
    editor = child(BULK_EDIT.format(path=db_path, count=TASKS))
    editor.wait_for("COMMITTED")
    editor.kill()
    assert status_counts(db_path) == {"done": TASKS}


BACKUP = """
    import time
    from pathlib import Path
    from workbench.store import open_database
    from workbench.store.backup import backup_folder, backup_to
    db = open_database(r"{path}")
    target = backup_folder(Path(r"{path}")) / "workbench-29990101-000000.db"
    said = []
    def slow(status, remaining, total):
        if not said:
            print("COPYING", flush=True)
            said.append(1)
        time.sleep(0.02)
    backup_to(db, target, pages=8, progress=slow)
    print("DONE", flush=True)
"""


def test_kill_during_a_backup_leaves_no_half_backup_and_the_database_whole(db_path, child):
    fill_tasks(db_path)
    db = open_database(db_path)
    earlier = make_backup(db, db_path, now=PINNED_NOW)
    db.close()
    copier = child(BACKUP.format(path=db_path))
    copier.wait_for("COPYING")
    copier.kill(after=0.1)
    assert status_counts(db_path) == {"open": TASKS}
    partials = list(backup_folder(db_path).glob("*.partial"))
    assert partials, "the kill really happened mid-copy"
    assert list_backups(db_path) == [earlier], "a half-written backup is never listed"
    assert latest_good_backup(db_path) == earlier
    db = open_database(db_path)
    make_backup(db, db_path, now=PINNED_NOW)
    db.close()
    assert not list(backup_folder(db_path).glob("*.partial")), "the next backup clears the leftover"


MIGRATION = """
    import time
    from pathlib import Path
    from sqlite_utils.migrations import Migrations
    from workbench.schema import migration_sets
    from workbench.store import open_database
    from workbench.store.migrate import apply_all

    extra = Migrations("hardening_probe")

    @extra()
    def split_notes(db):
        # A real multi-statement migration: new table, copy, new column, backfill.
        db.execute("CREATE TABLE task_notes (task_id INTEGER PRIMARY KEY, body TEXT)")
        db.execute("INSERT INTO task_notes SELECT id, notes FROM tasks")
        db.execute("ALTER TABLE tasks ADD COLUMN notes_moved INTEGER DEFAULT 0")
        db.execute("UPDATE tasks SET notes_moved = 1")
        print("MIGRATING", flush=True)
        time.sleep({sleep})

    db = open_database(r"{path}")
    apply_all(db, Path(r"{path}"), [*migration_sets(), extra])
    print("MIGRATED", flush=True)
"""


def schema_text(db_path):
    conn = sqlite3.connect(db_path)
    try:
        return [r for r in conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name")]
    finally:
        conn.close()


def test_kill_during_a_migration_leaves_the_old_schema_and_a_rerun_succeeds(db_path, child):
    fill_tasks(db_path, 5000)
    before = schema_text(db_path)
    migrator = child(MIGRATION.format(path=db_path, sleep=60))
    migrator.wait_for("MIGRATING")
    migrator.kill()
    assert schema_text(db_path) == before, "no table, column or index of the killed migration remains"
    db = open_database(db_path)
    assert integrity(db) == "ok"
    assert ("hardening_probe", "split_notes") not in applied_migrations(db)
    assert db["tasks"].count == 5000
    db.close()
    rerun = child(MIGRATION.format(path=db_path, sleep=0))
    assert "MIGRATED" in rerun.finish()
    db = open_database(db_path, migrate=False)  # the probe set is unknown to the app's own list
    assert db["task_notes"].count == 5000
    assert db.execute("SELECT count(*) FROM tasks WHERE notes_moved = 1").fetchone()[0] == 5000
    assert ("hardening_probe", "split_notes") in applied_migrations(db)
    db.close()


def test_a_multi_statement_migration_failing_halfway_leaves_the_schema_as_it_was(db_path):
    from sqlite_utils.migrations import Migrations

    from workbench.store.migrate import apply_all

    fill_tasks(db_path, 300)
    before = schema_text(db_path)
    extra = Migrations("hardening_probe")
    fail = {"now": True}

    @extra()
    def split_notes(database):
        database.execute("CREATE TABLE task_notes (task_id INTEGER PRIMARY KEY, body TEXT)")
        database.execute("INSERT INTO task_notes SELECT id, notes FROM tasks")
        database.execute("ALTER TABLE tasks ADD COLUMN notes_moved INTEGER DEFAULT 0")
        database.execute("CREATE INDEX idx_task_notes_body ON task_notes (body)")
        database.execute("UPDATE tasks SET notes_moved = 1, title = 'changed'")
        if fail["now"]:
            raise sqlite3.IntegrityError("constraint failed halfway")

    db = open_database(db_path)
    with pytest.raises(sqlite3.IntegrityError):
        apply_all(db, db_path, [*migration_sets(), extra])
    db.close()
    assert schema_text(db_path) == before
    db = open_database(db_path)
    assert db.execute("SELECT count(*) FROM tasks WHERE title = 'changed'").fetchone()[0] == 0
    fail["now"] = False
    apply_all(db, db_path, [*migration_sets(), extra])
    assert db["task_notes"].count == 300 and "notes_moved" in db["tasks"].columns_dict
    assert integrity(db) == "ok"
    db.close()
