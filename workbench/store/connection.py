"""Opening the database file with the settings every connection must have.

Durability: WAL journal with synchronous=FULL. Every commit is on disk when it returns, so a
power loss never rolls back what the operator saw saved; the cost (one fsync per commit) is far
below a keystroke at this app's write rates, and bulk work runs as one transaction anyway.
"""
from __future__ import annotations

import contextlib
import itertools
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from workbench.errors import UserError
from workbench.store.lazy_database import LazyDatabase
from workbench.store.paths import ensure_private_folder, make_private

if TYPE_CHECKING:
    from sqlite_utils import Database

BUSY_TIMEOUT_MS = 5000


class DatabaseError(UserError):
    """The file cannot be used as this app's database."""


class DatabaseBusy(UserError):
    """Another process holds the write lock for longer than the busy timeout."""

    def __init__(self):
        super().__init__(
            "数据库正忙（另一个窗口或命令正在写入），请稍后再试。",
            "The database is busy (another window or command is writing); please try again.",
        )


def _connect(path: Path, readonly: bool) -> sqlite3.Connection:
    if readonly:
        uri = Path(path).resolve().as_uri() + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    else:
        ensure_private_folder(Path(path).parent)
        conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    return conn


def open_connection(path: str | Path, *, readonly: bool = False) -> Database:
    """Open the file with our pragmas, without migrating it. Raises DatabaseError for a non-database."""
    path = Path(path)
    if readonly and not path.exists():
        raise DatabaseError(f"找不到数据库文件：{path}", f"The database file does not exist: {path}")
    if path.is_dir():
        raise DatabaseError(f"{path} 是一个文件夹，不是数据库文件。", f"{path} is a folder, not a database file.")
    try:
        conn = _connect(path, readonly)
        conn.execute("PRAGMA schema_version").fetchone()  # fails here on a non-database file
        if not readonly:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        # Deleted rows (a user, a purged contact log) are overwritten with zeros, not left readable
        # in free pages of the file (RELIABILITY.md, personal data).
        conn.execute("PRAGMA secure_delete=ON")
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(
            f"{path.name} 不是运营工作台的数据库文件（或已损坏）。",
            f"{path.name} is not an Ops Workbench database (or it is damaged).",
        ) from exc
    except sqlite3.Error as exc:  # pragma: no cover - unusual OS-level failures
        raise DatabaseError(f"无法打开 {path}：{exc}", f"Cannot open {path}: {exc}") from exc
    if not readonly:
        for suffix in ("", "-wal", "-shm"):
            make_private(Path(str(path) + suffix))
    return LazyDatabase(conn)  # sqlite-utils loads on first need (store/lazy_database.py)


def open_database(path: str | Path, *, readonly: bool = False, migrate: bool = True) -> Database:
    """Open the app's database, bringing its schema up to date (a copy is set aside first)."""
    db = open_connection(path, readonly=readonly)
    if migrate and not _has_every_migration(db):
        from workbench.schema import migrate_to_latest

        try:
            migrate_to_latest(db, Path(path), readonly=readonly)
        except BaseException:
            db.close()
            raise
    return db


def applied_migration_count(conn: sqlite3.Connection) -> int | None:
    """How many migrations the file has had, or None for a file without the migrations table."""
    try:
        return conn.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
    except sqlite3.OperationalError:  # no such table: a new file
        return None


def _has_every_migration(db: Database) -> bool:
    """True when the file has exactly this version's migrations: the usual start-up, which then
    needs neither the migration code nor sqlite-utils. A newer file has more and is refused later."""
    from workbench.schema_facts import MIGRATION_COUNT

    return applied_migration_count(db.conn) == MIGRATION_COUNT


_savepoint_numbers = itertools.count(1)


@contextlib.contextmanager
def _savepoint(conn: sqlite3.Connection) -> Iterator[None]:
    """A nested write: undone alone when it fails, kept only if the outer transaction commits. Plain
    SQL rather than sqlite-utils' atomic(), so a nested write does not load sqlite-utils."""
    name = f"workbench_{next(_savepoint_numbers)}"
    conn.execute(f"SAVEPOINT {name}")
    try:
        yield
    except BaseException:
        if conn.in_transaction:
            conn.execute(f"ROLLBACK TO {name}")
            conn.execute(f"RELEASE {name}")
        raise
    else:
        conn.execute(f"RELEASE {name}")


@contextlib.contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """One write transaction that takes the write lock up front (BEGIN IMMEDIATE).

    A deferred transaction that reads first and writes later fails at once with "database is
    locked" when another connection writes, ignoring busy_timeout. Nested use becomes a savepoint,
    and sqlite-utils' own db.atomic() inside this block nests the same way.
    """
    if db.conn.in_transaction:
        with _savepoint(db.conn):
            yield db
        return
    try:
        db.conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise DatabaseBusy() from exc
        raise
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    else:
        db.conn.execute("COMMIT")
