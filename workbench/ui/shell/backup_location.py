"""Backups where the settings say: the store's backups/ folder beside the database, or a chosen one.

The chosen folder (an external disk, a synced folder — a fine place for copies, unlike the live
database) uses the store's verified `backup_to` and the same file names, rotated to the kept count.
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from workbench.store import backup as store_backup
from workbench.ui.shell.preferences import backup_keep, chosen_backup_folder

if TYPE_CHECKING:
    from sqlite_utils import Database


def _custom_folder(settings: QSettings, db_path: Path) -> Path | None:
    folder = chosen_backup_folder(settings, db_path)
    return None if folder == store_backup.backup_folder(db_path) else folder


def backups(settings: QSettings, db_path: Path) -> list[Path]:
    """Newest first."""
    folder = _custom_folder(settings, db_path)
    if folder is None:
        return store_backup.list_backups(db_path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{Path(db_path).stem}-*.db"), key=lambda p: p.name, reverse=True)


def back_up_now(db: Database, db_path: Path, settings: QSettings, now: datetime) -> Path:
    folder = _custom_folder(settings, db_path)
    keep = backup_keep(settings)
    if folder is None:
        return store_backup.make_backup(db, db_path, keep=keep, now=now)
    written = store_backup.backup_to(db, folder / f"{Path(db_path).stem}-{now:%Y%m%d-%H%M%S}.db")
    for old in backups(settings, db_path)[keep:]:
        old.unlink(missing_ok=True)
    store_backup.remove_leftovers(folder, Path(db_path).stem)
    return written


def daily(db: Database, db_path: Path, settings: QSettings, now: datetime) -> Path | None:
    """The start-up backup, once a day."""
    today = now.date()
    prefix = f"{Path(db_path).stem}-{today:%Y%m%d}-"
    if any(p.name.startswith(prefix) for p in backups(settings, db_path)):
        return None
    return back_up_now(db, db_path, settings, now=now)


def last_backup_time(settings: QSettings, db_path: Path) -> datetime | None:
    found = backups(settings, db_path)
    if not found:
        return None
    stamp = found[0].stem[-15:]  # YYYYmmdd-HHMMSS (strptime would import _strptime, ~4 ms of start-up)
    try:
        return datetime(int(stamp[:4]), int(stamp[4:6]), int(stamp[6:8]),
                        int(stamp[9:11]), int(stamp[11:13]), int(stamp[13:15]))
    except ValueError:
        return datetime.fromtimestamp(found[0].stat().st_mtime)
