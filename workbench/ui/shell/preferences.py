"""Per-machine settings in QSettings: where this laptop keeps things and how the window looks.

Settings that travel with the data and that headless code reads live in the database instead
(workbench/stored_settings.py), such as how many days before its due date a task is promoted.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from workbench.store.backup import DEFAULT_KEEP, backup_folder

LANGUAGE = "ui/language"  # "system", "zh_CN", "en" (also i18n.SETTING_KEY)
SCHEME = "ui/scheme"  # "system", "light", "dark"
BACKUP_FOLDER = "backup/folder"  # "" ⇒ the backups/ folder beside the database
BACKUP_KEEP = "backup/keep"
LAST_DATABASE = "db/last"  # the file the window opened last (reopened when no --db is given)


def int_value(settings: QSettings, key: str, default: int) -> int:
    try:
        return int(settings.value(key, default))
    except (TypeError, ValueError):
        return default


def backup_keep(settings: QSettings) -> int:
    return max(1, int_value(settings, BACKUP_KEEP, DEFAULT_KEEP))


def chosen_backup_folder(settings: QSettings, db_path: Path) -> Path:
    folder = str(settings.value(BACKUP_FOLDER, "") or "")
    return Path(folder).expanduser() if folder else backup_folder(db_path)


def scheme_choice(settings: QSettings) -> str:
    value = settings.value(SCHEME, "system")
    return value if value in ("system", "light", "dark") else "system"
