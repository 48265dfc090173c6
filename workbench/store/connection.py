"""Opening the database file with the settings every connection must have.

Durability: WAL journal with synchronous=FULL. Every commit is on disk when it returns, so a
power loss never rolls back what the operator saw saved; the cost (one fsync per commit) is far
below a keystroke at this app's write rates, and bulk work runs as one transaction anyway.
"""
from __future__ import annotations

import contextlib
import itertools
import os
import signal
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from workbench.errors import UserError
from workbench.store.faults import ReadOnlyDatabase, user_error_for
from workbench.store.lazy_database import LazyDatabase
from workbench.store.paths import ensure_private_folder, make_private

if TYPE_CHECKING:
    from sqlite_utils import Database

    from workbench.store.migrate import Migrations

    MigrationSets = Callable[[], "list[Migrations]"]

BUSY_TIMEOUT_MS = 5000


class DatabaseError(UserError):
    """The file cannot be used as this app's database."""


class ForeignDatabase(DatabaseError):
    """A SQLite file another program made: the app adds no table to it and changes no byte."""

    def __init__(self, path: Path, tables: list[str]):
        shown = ", ".join(tables[:3]) + (" …" if len(tables) > 3 else "")
        super().__init__(
            f"{path.name} 是另一个程序的 SQLite 数据库（含有表 {shown}），不是运营工作台的数据库；没有改动它。"
            f"请用 --db 指定一个新的文件名或运营工作台的数据库。",
            f"{path.name} is another program's SQLite database (it holds {shown}), not an Ops Workbench "
            f"database; it was left unchanged. Point --db at a new file name or an Ops Workbench database.",
        )


# Why a database is open read-only, as the second half of a sentence (faults.ReadOnlyDatabase, the banner).
READ_ONLY_FILE = ("数据库文件设置了写保护", "the database file is write-protected")
READ_ONLY_FOLDER = ("数据库所在的文件夹设置了写保护", "the database's folder is write-protected")
READ_ONLY_DISK = ("数据库位于只读的磁盘上", "the database is on a read-only disk")
READ_ONLY_DAMAGED = ("数据库文件已损坏", "the database file is damaged")


def _on_read_only_disk(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (AttributeError, OSError):  # no statvfs on Windows
        return False


def read_only_reason(path: Path) -> tuple[str, str] | None:
    """Why the existing database at path cannot be written (a reason for the sentence), or None.

    The user's choice is respected, never undone: a write-protected file or folder opens read-only.
    The folder matters too: SQLite writes its -wal and -shm files beside the database."""
    folder = path.resolve().parent
    if _on_read_only_disk(folder):
        return READ_ONLY_DISK
    if not os.access(path, os.W_OK):
        return READ_ONLY_FILE
    if not os.access(folder, os.W_OK | os.X_OK):
        return READ_ONLY_FOLDER
    return None


def read_only_uri(path: Path) -> str:
    """The URI that opens path read-only. A file we cannot write (or in a folder we cannot write), with
    no -wal file beside it, is opened `immutable`: nobody is writing it, and SQLite then reads it
    without creating a -shm file, which `mode=ro` needs for a database in WAL mode (and would fail to
    create in a write-protected folder, or leave behind write-protected beside a write-protected file)."""
    resolved = Path(path).resolve()
    uri = resolved.as_uri() + "?mode=ro"
    writable = os.access(resolved, os.W_OK) and os.access(resolved.parent, os.W_OK | os.X_OK)
    if not writable and not Path(str(resolved) + "-wal").exists():
        uri += "&immutable=1"
    return uri


def _connect(path: Path, readonly: bool) -> sqlite3.Connection:
    if readonly:
        return sqlite3.connect(read_only_uri(path), uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    ensure_private_folder(Path(path).parent)
    if not os.access(Path(path).parent, os.W_OK | os.X_OK):
        raise DatabaseError(f"不能在 {Path(path).parent} 中创建数据库：这个文件夹设置了写保护。",
                            f"Cannot create a database in {Path(path).parent}: the folder is write-protected.")
    return sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)


def _refuse_foreign(conn: sqlite3.Connection, path: Path) -> None:
    """A file with tables but no migrations record was made by another program: refuse it before any
    PRAGMA or migration writes to it (docs/reliability.md)."""
    tables = [row[0] for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid")]
    if tables and "_sqlite_migrations" not in tables:
        raise ForeignDatabase(path, tables)


def open_connection(path: str | Path, *, readonly: bool = False,
                    reason: tuple[str, str] | None = None) -> Database:
    """Open the file with our pragmas, without migrating it. Raises DatabaseError for a non-database.

    A file or folder the user made read-only opens read-only (db.readonly_reason says why); so does
    readonly=True, with `reason` (the file is damaged …)."""
    path = Path(path)
    if readonly and not path.exists():
        raise DatabaseError(f"找不到数据库文件：{path}", f"The database file does not exist: {path}")
    if path.is_dir():
        raise DatabaseError(f"{path} 是一个文件夹，不是数据库文件。", f"{path} is a folder, not a database file.")
    created = not path.exists()
    if not readonly and not created:
        reason = read_only_reason(path)
        readonly = reason is not None
    try:
        conn = _connect(path, readonly)
    except sqlite3.Error as exc:
        raise user_error_for(exc) or DatabaseError(f"无法打开 {path}：{exc}", f"Cannot open {path}: {exc}") from exc
    except OSError as exc:  # creating the folder failed
        raise user_error_for(exc, path.parent) or DatabaseError(f"无法打开 {path}：{exc}",
                                                               f"Cannot open {path}: {exc}") from exc
    try:
        conn.execute("PRAGMA schema_version").fetchone()  # fails here on a non-database file
        _refuse_foreign(conn, path)
        if not readonly:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        # Deleted rows (a user, a purged contact log) are overwritten with zeros, not left readable
        # in free pages of the file (docs/reliability.md, personal data).
        conn.execute("PRAGMA secure_delete=ON")
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    except DatabaseError:
        conn.close()
        raise
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise user_error_for(exc) if _is_fault(exc) else DatabaseError(
            f"{path.name} 不是运营工作台的数据库文件（或已损坏）。",
            f"{path.name} is not an Ops Workbench database (or it is damaged).",
        ) from exc
    except sqlite3.Error as exc:  # pragma: no cover - unusual OS-level failures
        conn.close()
        raise DatabaseError(f"无法打开 {path}：{exc}", f"Cannot open {path}: {exc}") from exc
    if created:
        # A new file is the app's own: 0600 (-wal and -shm take its mode). A file that existed keeps
        # the mode its owner gave it.
        make_private(path)
    db = LazyDatabase(conn)  # sqlite-utils loads on first need (store/lazy_database.py)
    if readonly:
        db.readonly_reason = reason or READ_ONLY_FILE
    return db


def _is_fault(exc: sqlite3.Error) -> bool:
    """A full disk, a read-only file, a held lock: not a sign that the file is not a database."""
    return user_error_for(exc) is not None


# The function that loads the app's migration sets, registered by the edge (workbench/schema.py's
# register(), called by cli.main and the tests' conftest): the store sits below the features that
# own the tables, so it is told about them rather than importing them (docs/architecture.md).
_registered_migration_sets: MigrationSets | None = None


def register_migration_sets(load: MigrationSets) -> None:
    """Name the function open_database calls, only when a file needs migrating, for the sets to apply."""
    global _registered_migration_sets
    _registered_migration_sets = load


def _migration_sets(given: MigrationSets | None) -> list[Migrations]:
    load = given or _registered_migration_sets
    if load is None:
        raise RuntimeError("open_database needs the app's migration sets: call workbench.schema.register() "
                           "at the program's start, or pass migrations=")
    return load()


def open_database(path: str | Path, *, readonly: bool = False, migrate: bool = True,
                  migrations: MigrationSets | None = None) -> Database:
    """Open the app's database, bringing its schema up to date (a copy is set aside first).

    `migrations` loads the sets to apply (default: the registered ones); it is called only for a file
    that lacks some, so the usual start-up loads neither the features' schemas nor sqlite-utils."""
    db = open_connection(path, readonly=readonly)
    if migrate and not _has_every_migration(db):
        from workbench.store.migrate import apply_all

        committed = TransactionTally.committed
        try:
            apply_all(db, Path(path), _migration_sets(migrations), readonly=db.readonly)
        except BaseException:
            db.close()
            raise
        finally:
            TransactionTally.committed = committed  # the schema is not the command's work (cli.py, Ctrl+C)
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


class TransactionTally:
    """How many write transactions this process committed and how many it rolled back: after Ctrl+C the
    command line says whether the work was saved (cli.py)."""

    committed = 0
    rolled_back = 0


@contextlib.contextmanager
def _interrupts_held() -> Iterator[None]:
    """Ctrl+C waits until the COMMIT has returned and been counted; it is delivered right after."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows: the COMMIT itself is atomic all the same
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _roll_back(db: Database) -> None:
    if db.conn.in_transaction:
        try:
            db.conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass  # the error that brought us here is the one to report; SQLite undoes it on close
    TransactionTally.rolled_back += 1


def _fault_sentence(db: Database, exc: BaseException) -> UserError | None:
    """A full disk or a read-only file met inside the transaction, as a sentence (not for a UserError)."""
    if isinstance(exc, (sqlite3.Error, OSError)):
        return user_error_for(exc, readonly_reason=getattr(db, "readonly_reason", None))
    return None


@contextlib.contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """One write transaction that takes the write lock up front (BEGIN IMMEDIATE).

    A deferred transaction that reads first and writes later fails at once with "database is
    locked" when another connection writes, ignoring busy_timeout. Nested use becomes a savepoint,
    and sqlite-utils' own db.atomic() inside this block nests the same way. A database open read-only
    refuses before anything starts; a full disk (SQLITE_FULL, often at COMMIT) rolls back and raises
    its sentence (store/faults.py).
    """
    reason = getattr(db, "readonly_reason", None)
    if reason is not None:
        raise ReadOnlyDatabase(reason)
    if db.conn.in_transaction:
        with _savepoint(db.conn):
            yield db
        return
    try:
        db.conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        sentence = _fault_sentence(db, exc)  # busy past the timeout, a read-only file, a full disk
        if sentence is not None:
            raise sentence from exc
        raise
    try:
        yield db
    except BaseException as exc:
        _roll_back(db)
        sentence = _fault_sentence(db, exc)
        if sentence is not None:
            raise sentence from exc
        raise
    with _interrupts_held():
        try:
            db.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            _roll_back(db)
            sentence = _fault_sentence(db, exc)
            if sentence is not None:
                raise sentence from exc
            raise
        TransactionTally.committed += 1
