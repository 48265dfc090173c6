"""Online backups with SQLite's backup API: written to a temporary file, verified, then renamed."""
from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.errors import UserError
from workbench.store.paths import ensure_private_folder, make_private

if TYPE_CHECKING:
    from sqlite_utils import Database

BACKUP_FOLDER_NAME = "backups"
DEFAULT_KEEP = 7


class BackupError(UserError):
    pass


def backup_folder(db_path: Path) -> Path:
    return Path(db_path).parent / BACKUP_FOLDER_NAME


def _is_good_database(path: Path) -> bool:
    try:
        conn = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
        try:
            return conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def backup_to(db: Database, target: str | Path, *, pages: int = -1, progress=None) -> Path:
    """Copy the live database to target through the backup API, verify the copy, then rename it.

    pages/progress are passed to sqlite3's backup(): copying in steps lets other connections write
    between steps. A kill halfway leaves only a `.partial` file, which list_backups never returns.
    """
    target = Path(target)
    partial = target.with_name(target.name + ".partial")
    try:
        ensure_private_folder(target.parent)  # a file in the folder's place raises here: one sentence
        partial.unlink(missing_ok=True)
        destination = sqlite3.connect(str(partial))
        try:
            db.conn.backup(destination, pages=pages, progress=progress)
            # The copy inherits WAL mode; as a plain rollback-journal file it is one self-contained file,
            # and checking it below leaves no -wal/-shm beside it (they used to pile up in backups/).
            destination.execute("PRAGMA journal_mode=DELETE")
        finally:
            destination.close()
        make_private(partial)
        if not _is_good_database(partial):
            _discard(partial)
            raise BackupError("备份文件校验失败，未保存（数据库可能已损坏）。",
                              "The backup failed verification and was not kept (the database may be damaged).")
        os.replace(partial, target)
    except sqlite3.Error as exc:
        _discard(partial)
        raise BackupError(f"备份失败：{exc}", f"The backup failed: {exc}") from exc
    except OSError as exc:
        _discard(partial)
        raise BackupError(f"无法写入备份文件 {target}：{exc.strerror}", f"Cannot write the backup {target}: {exc.strerror}") from exc
    return target


def _discard(partial: Path) -> None:
    for path in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass  # its folder is not there (or is a file): nothing was written


def list_backups(db_path: Path) -> list[Path]:
    """Newest first."""
    folder = backup_folder(db_path)
    if not folder.is_dir():
        return []
    stem = Path(db_path).stem
    return sorted(folder.glob(f"{stem}-*.db"), key=lambda p: p.name, reverse=True)


def make_backup(db: Database, db_path: Path, keep: int = DEFAULT_KEEP, *, now: datetime) -> Path:
    target = backup_folder(db_path) / f"{Path(db_path).stem}-{now:%Y%m%d-%H%M%S}.db"
    backup_to(db, target)
    rotate(db_path, keep)
    return target


def daily_backup(db: Database, db_path: Path, keep: int = DEFAULT_KEEP, *, now: datetime) -> Path | None:
    """The start-up backup: made once a day, keeping the last `keep` files."""
    today = now.date()
    prefix = f"{Path(db_path).stem}-{today:%Y%m%d}-"
    if any(p.name.startswith(prefix) for p in list_backups(db_path)):
        return None
    return make_backup(db, db_path, keep, now=now)


def rotate(db_path: Path, keep: int) -> None:
    for old in list_backups(db_path)[keep:]:
        old.unlink(missing_ok=True)
    remove_leftovers(backup_folder(db_path), Path(db_path).stem)


def remove_leftovers(folder: Path, stem: str) -> None:
    """A backup killed halfway leaves its .partial file, and older versions left .partial-wal/-shm
    beside every backup: none of them is a backup, remove them."""
    for stale in folder.glob(f"{stem}-*.db.partial*"):
        stale.unlink(missing_ok=True)


def latest_good_backup(db_path: Path) -> Path | None:
    for candidate in list_backups(db_path):
        if _is_good_database(candidate):
            return candidate
    return None


def restore_backup(backup_path: Path, db_path: Path) -> None:
    """Replace the database's content with a backup's, through the backup API.

    The caller must have closed its own connections to db_path first.
    """
    if not _is_good_database(backup_path):
        raise BackupError("这个备份文件已损坏，无法恢复。", "That backup file is damaged and cannot be restored.")
    source = sqlite3.connect(Path(backup_path).resolve().as_uri() + "?mode=ro", uri=True)
    try:
        destination = sqlite3.connect(str(db_path))
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    make_private(Path(db_path))


def set_damaged_file_aside(db_path: Path, now: datetime) -> Path:
    """Rename a damaged database (and its -wal/-shm) out of the way; returns the new name.

    A damaged file is kept, not deleted: whatever it still holds may be needed later.
    """
    db_path = Path(db_path)
    stamp = now.strftime("%Y%m%d-%H%M%S")
    aside = db_path.with_name(f"{db_path.stem}.damaged-{stamp}{db_path.suffix or '.db'}")
    for suffix in ("-wal", "-shm", ""):
        source = Path(str(db_path) + suffix)
        if source.exists():
            os.replace(source, Path(str(aside) + suffix))
    return aside


def restore_damaged(db_path: Path, backup_path: Path, *, now: datetime) -> Path:
    """Put a damaged database aside and restore the backup in its place. Returns where the damaged one went."""
    if not _is_good_database(backup_path):
        raise BackupError("这个备份文件已损坏，无法恢复。", "That backup file is damaged and cannot be restored.")
    aside = set_damaged_file_aside(db_path, now)
    restore_backup(backup_path, db_path)
    return aside
