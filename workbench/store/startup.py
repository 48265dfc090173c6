"""Opening the database when the window starts: sniff, quick_check, migrate, warn about the location.

The window opens without the quick_check (check=False) and runs it right after its first frame
(ui/shell/startup_checks.py); a damaged file found then reopens the window through this module's
checked path (check=True), which offers the backup.

- A file that is not SQLite at all gets a sentence (DatabaseError), never a traceback.
- A SQLite file that fails `PRAGMA quick_check` is opened read-only, and the newest backup that
  passes its own check is offered for restore (the damaged file is set aside, not deleted).
- A file written by a newer version is refused with a sentence (NewerSchemaError from migrate.py).
- A file on a network share or inside a cloud-sync folder opens, with a warning sentence.
"""
from __future__ import annotations

import sqlite3
from datetime import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from workbench.errors import UserError
from workbench.store.backup import latest_good_backup, restore_damaged
from workbench.store.connection import (READ_ONLY_DAMAGED, DatabaseError, ForeignDatabase,
                                        applied_migration_count, open_connection,
                                        open_database, read_only_uri)
from workbench.store.location import location_warning

if TYPE_CHECKING:
    from sqlite_utils import Database

SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass
class OpenedDatabase:
    path: Path
    db: Database | None
    readonly: bool = False
    damage: str | None = None  # quick_check's complaint when the file is damaged
    backup: Path | None = None  # the newest good backup, offered when damaged
    warnings: list[UserError] = field(default_factory=list)

    @property
    def damaged(self) -> bool:
        return self.damage is not None


def not_a_database_error(path: Path) -> DatabaseError:
    return DatabaseError(
        f"{path.name} 不是运营工作台的数据库文件（或已损坏）。",
        f"{path.name} is not an Ops Workbench database (or it is damaged).",
    )


def sniff(path: Path) -> None:
    """Raise DatabaseError when an existing, non-empty file does not start with SQLite's header."""
    path = Path(path)
    if path.is_dir():
        raise DatabaseError(f"{path} 是一个文件夹，不是数据库文件。", f"{path} is a folder, not a database file.")
    if not path.exists() or path.stat().st_size == 0:
        return  # a new database
    with open(path, "rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise not_a_database_error(path)


def quick_check(path: Path, watch: Callable[[sqlite3.Connection | None], None] | None = None) -> str:
    """'ok', or SQLite's complaint, read through a read-only connection (nothing is written).

    `watch` gets the connection once it is open and None just before it closes, so another thread
    can interrupt() a long check (~3 s on a 500 MB file) while the connection is certainly open;
    an interrupted check returns SQLite's "interrupted"."""
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True, check_same_thread=False)
    except sqlite3.Error as exc:
        return str(exc)
    if watch is not None:
        watch(conn)
    try:
        rows = [row[0] for row in conn.execute("PRAGMA quick_check").fetchall()]
        return "ok" if rows == ["ok"] else "; ".join(rows[:5])
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        if watch is not None:
            watch(None)
        conn.close()


def needs_upgrade(path: Path) -> bool:
    """True when opening the file will migrate it (a copy is set aside first: seconds on a big file)."""
    from workbench.schema_facts import MIGRATION_COUNT

    path = Path(path)
    if not path.is_file() or path.stat().st_size == 0:
        return False
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            applied = applied_migration_count(conn)
        finally:
            conn.close()
    except sqlite3.Error:
        return False  # not ours or damaged: opening says what it is
    return applied is not None and applied < MIGRATION_COUNT


def open_at_startup(path: Path, mounts_text: str | None = None, *, check: bool = True) -> OpenedDatabase:
    """check=False is the window's way: quick_check reads the whole file (~3 s for 500 MB), so it runs
    after the first frame (ui/shell/startup_checks.py), unless opening the file already meets damage."""
    path = Path(path)
    sniff(path)
    warnings = [w for w in [location_warning(path, mounts_text)] if w is not None]
    exists = path.exists() and path.stat().st_size > 0
    if exists and not check:
        try:
            return _opened(path, open_database(path), warnings)
        except ForeignDatabase:
            raise
        except (sqlite3.DatabaseError, DatabaseError):
            pass  # damaged where opening reads (or not a database): the check below says which
    if exists:
        verdict = quick_check(path)
        if verdict != "ok":
            try:
                db = open_connection(path, readonly=True, reason=READ_ONLY_DAMAGED)
            except DatabaseError:
                db = None  # too damaged to read at all; only a restore helps
            return OpenedDatabase(path, db, readonly=True, damage=verdict, backup=latest_good_backup(path),
                                  warnings=warnings)
    return _opened(path, open_database(path), warnings)


def _opened(path: Path, db: Database, warnings: list[UserError]) -> OpenedDatabase:
    """A file or folder the user made read-only opens read-only (store/connection.py)."""
    return OpenedDatabase(path, db, readonly=db.readonly, warnings=warnings)


def restore_and_reopen(opened: OpenedDatabase, *, now: datetime) -> OpenedDatabase:
    """Close the damaged file, set it aside, restore the offered backup and open that instead."""
    if opened.backup is None:
        raise UserError("没有可用的完好备份。", "There is no good backup to restore.")
    if opened.db is not None:
        opened.db.close()
    restore_damaged(opened.path, opened.backup, now=now)
    return OpenedDatabase(opened.path, open_database(opened.path), warnings=opened.warnings)


def damage_sentence(opened: OpenedDatabase) -> UserError:
    if opened.backup is not None:
        return UserError(
            f"数据库文件已损坏（{opened.damage}）。已以只读方式打开。可以恢复 {opened.backup.name} 这份完好的备份"
            f"（损坏的文件会保留在旁边）。",
            f"The database file is damaged ({opened.damage}). It has been opened read-only. You can restore "
            f"the good backup {opened.backup.name} (the damaged file is kept beside it).",
        )
    return UserError(
        f"数据库文件已损坏（{opened.damage}），并且没有完好的备份。已以只读方式打开，请尽快导出需要的数据。",
        f"The database file is damaged ({opened.damage}) and there is no good backup. It has been opened "
        f"read-only; export what you need soon.",
    )
