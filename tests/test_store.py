"""The one SQLite file: pragmas, migrations, newer schemas, backups, integrity."""
from __future__ import annotations

import sqlite3
from datetime import datetime

import pytest
from sqlite_utils.migrations import Migrations

from workbench.errors import UserError
from workbench.schema import migration_sets
from workbench.store import open_database, write_transaction
from workbench.store.backup import daily_backup, latest_good_backup, list_backups, make_backup, restore_backup
from workbench.store.connection import DatabaseError
from workbench.store.integrity import integrity
from workbench.store.migrate import NewerSchemaError, apply_all, applied_migrations, schema_version
from tests.conftest import PINNED_NOW


def all_migration_names():
    return [(s.name, m.name) for s in migration_sets() for m in s._migrations]


def test_new_file_gets_every_migration_and_the_pragmas(db, db_path):
    assert applied_migrations(db) == all_migration_names()
    assert schema_version(db) == len(all_migration_names())
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert (db_path.stat().st_mode & 0o777) == 0o600
    assert (db_path.parent.stat().st_mode & 0o777) == 0o700


@pytest.mark.parametrize("applied_count", range(len(all_migration_names())))
def test_migrates_from_every_earlier_schema(tmp_path, applied_count):
    """A file left at each earlier schema version opens and reaches the latest, keeping its rows."""
    path = tmp_path / "old.db"
    db = open_database(path, migrate=False)
    names = all_migration_names()
    stop = names[applied_count]
    for migration_set in migration_sets():
        if migration_set.name == stop[0]:
            migration_set.apply(db, stop_before=stop[1])
            break
        migration_set.apply(db)
    db["settings"].insert({"key": "kept", "value": "yes"}) if db["settings"].exists() else None
    db.close()
    db = open_database(path)
    assert applied_migrations(db) == names
    if applied_count > 0:
        assert db["settings"].get("kept")["value"] == "yes"
        assert list(tmp_path.glob("old.before-upgrade-*.db")), "a copy is set aside before migrating"
    db.close()


def test_a_newer_schema_is_refused_and_left_untouched(db_path):
    db = open_database(db_path)
    db["_sqlite_migrations"].insert({"migration_set": "tasks", "name": "from_the_future", "applied_at": "2030"})
    db.close()
    before = db_path.read_bytes()
    with pytest.raises(NewerSchemaError) as raised:
        open_database(db_path)
    assert "newer version" in raised.value.en and "更新版本" in raised.value.zh
    assert db_path.read_bytes() == before


def test_a_failing_migration_rolls_back_alone_and_a_rerun_succeeds(db, db_path):
    extra = Migrations("experiment")
    calls = {"fail": True}

    @extra()
    def first(database):
        database["first_table"].create({"id": int}, pk="id")

    @extra()
    def second(database):
        database["second_table"].create({"id": int}, pk="id")
        if calls["fail"]:
            raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError):
        apply_all(db, db_path, [*migration_sets(), extra])
    assert db["first_table"].exists() and not db["second_table"].exists()
    assert ("experiment", "second") not in applied_migrations(db)
    calls["fail"] = False
    apply_all(db, db_path, [*migration_sets(), extra])
    assert db["second_table"].exists()


def test_not_a_database_gets_a_sentence(tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_text("just some text, not SQLite at all" * 100)
    with pytest.raises(DatabaseError) as raised:
        open_database(bogus)
    assert "not an Ops Workbench database" in raised.value.en


def test_write_transaction_rolls_back_everything_on_error(db):
    with pytest.raises(ValueError):
        with write_transaction(db):
            db["settings"].insert({"key": "a", "value": "1"})
            with write_transaction(db):  # nested: a savepoint
                db["settings"].insert({"key": "b", "value": "2"})
            raise ValueError("boom")
    assert db["settings"].count == 0
    with write_transaction(db):
        db["settings"].insert({"key": "a", "value": "1"})
    assert db["settings"].count == 1


def test_a_failed_nested_write_is_undone_alone(db):
    with write_transaction(db):
        db.execute("INSERT INTO settings (key, value) VALUES ('outer', '1')")
        with pytest.raises(ValueError):
            with write_transaction(db):
                db.execute("INSERT INTO settings (key, value) VALUES ('inner', '2')")
                raise ValueError("boom")
        with write_transaction(db):
            db.execute("INSERT INTO settings (key, value) VALUES ('after', '3')")
    assert [r[0] for r in db.execute("SELECT key FROM settings ORDER BY key")] == ["after", "outer"]
    assert not db.conn.in_transaction


def test_a_second_writer_waits_then_reports_busy(db, db_path):
    from workbench.store.connection import BUSY_TIMEOUT_MS
    from workbench.store.faults import DatabaseBusy

    other = sqlite3.connect(str(db_path), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    db.conn.execute("PRAGMA busy_timeout=200")
    with pytest.raises(DatabaseBusy):
        with write_transaction(db):
            pass
    other.execute("ROLLBACK")
    other.close()
    db.conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")


def test_backup_and_restore_round_trip(db, db_path):
    db["settings"].insert({"key": "before", "value": "1"})
    backup = make_backup(db, db_path, now=PINNED_NOW)
    assert backup.exists() and (backup.stat().st_mode & 0o777) == 0o600
    db["settings"].insert({"key": "after", "value": "2"})
    db.close()
    restore_backup(backup, db_path)
    reopened = open_database(db_path)
    assert [r["key"] for r in reopened["settings"].rows] == ["before"]
    assert integrity(reopened) == "ok"
    reopened.close()


def test_daily_backup_once_a_day_keeping_seven(db, db_path):
    for day in range(1, 12):
        assert daily_backup(db, db_path, keep=7, now=datetime(2026, 11, day, 9, 30)) is not None
        assert daily_backup(db, db_path, keep=7, now=datetime(2026, 11, day, 9, 30)) is None
    kept = list_backups(db_path)
    assert len(kept) == 7
    assert kept[0].name.startswith("workbench-20261111-")
    assert latest_good_backup(db_path) == kept[0]
    assert sorted(p.name for p in kept[0].parent.iterdir()) == sorted(p.name for p in kept), \
        "the backups folder holds the backups and nothing else (no -wal/-shm beside them)"


def test_leftovers_of_earlier_backups_are_cleared(db, db_path):
    folder = db_path.parent / "backups"
    folder.mkdir()
    for name in ("workbench-20261101-090000.db.partial-wal", "workbench-20261101-090000.db.partial-shm",
                 "workbench-20261102-090000.db.partial"):
        (folder / name).write_bytes(b"")
    backup = make_backup(db, db_path, now=PINNED_NOW)
    assert [p.name for p in folder.iterdir()] == [backup.name]


def test_a_damaged_backup_is_skipped_when_restoring(db, db_path):
    good = make_backup(db, db_path, now=PINNED_NOW)
    newer = good.with_name("workbench-29991231-000000.db")
    newer.write_bytes(b"garbage" * 1000)
    assert latest_good_backup(db_path) == good
    with pytest.raises(UserError):
        restore_backup(newer, db_path)


# --- start-up without sqlite-utils (store/lazy_database.py, schema_facts.py) ------------------------
def test_migration_count_matches_the_migration_sets():
    from workbench.schema_facts import MIGRATION_COUNT

    assert MIGRATION_COUNT == len(all_migration_names()), \
        "a migration was added: raise MIGRATION_COUNT in workbench/schema_facts.py"


def test_a_current_file_opens_without_loading_sqlite_utils(db_path):
    import subprocess
    import sys

    open_database(db_path).close()
    code = ("import sys; from workbench.store import open_database; from workbench.tasks.repository import count_inbox; "
            f"db = open_database({str(db_path)!r}); print(count_inbox(db), 'sqlite_utils' in sys.modules, "
            "'importlib.metadata' in sys.modules); db['tasks'].count; print(db.loaded, 'numpy' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == ["0", "False", "False", "True", "False"], result.stderr


def test_lazy_database_answers_like_sqlite_utils(db_path):
    from sqlite_utils import Database

    open_database(db_path).close()  # a new file is migrated through sqlite-utils; a current one is not
    db = open_database(db_path)
    real = Database(db.conn)
    with write_transaction(db):
        db.execute("INSERT INTO settings (key, value) VALUES ('a', '1'), ('b', '2')")
    sql = "SELECT key, value FROM settings ORDER BY key"
    assert not db.loaded
    assert list(db.query(sql)) == list(real.query(sql)) == [{"key": "a", "value": "1"}, {"key": "b", "value": "2"}]
    repeated = "SELECT key, value AS key FROM settings ORDER BY key"
    assert list(db.query(repeated)) == list(real.query(repeated)), "repeated names are renamed as sqlite-utils does"
    with pytest.raises(ValueError):
        list(db.query("UPDATE settings SET value = 'x'"))  # sqlite-utils refuses writes in query()
    assert db.execute("SELECT value FROM settings WHERE key = 'a'").fetchone()[0] == "1"
    assert db["settings"].count == 2 and db.loaded
    db.close()


def test_an_older_file_that_cannot_be_written_is_refused_unchanged(tmp_path):
    """Opened read-only, an earlier schema cannot be upgraded; the screens would read columns it lacks."""
    path = tmp_path / "old.db"
    db = open_database(path, migrate=False)
    migration_sets()[0].apply(db)  # the first feature's tables only: an early version's file
    db.close()
    before = path.read_bytes()
    with pytest.raises(UserError) as raised:
        open_database(path, readonly=True)
    assert "earlier version" in raised.value.en and "must be upgraded" in raised.value.en
    assert "较早版本" in raised.value.zh
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("old.before-upgrade-*"))
    db = open_database(path)  # writable again: it upgrades
    assert applied_migrations(db) == all_migration_names()
