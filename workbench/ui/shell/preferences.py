"""Per-machine settings in QSettings: where this laptop keeps things and how the window looks.

Settings that travel with the data and that headless code reads live in the database instead
(workbench/stored_settings.py). `tasks/promote_days` is in both: the tasks page reads QSettings, the
morning promotion run from the CLI reads the database; the settings dialog writes both.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from workbench.store.backup import DEFAULT_KEEP, backup_folder

LANGUAGE = "ui/language"  # "system", "zh_CN", "en" (also i18n.SETTING_KEY)
SCHEME = "ui/scheme"  # "system", "light", "dark"
BACKUP_FOLDER = "backup/folder"  # "" ⇒ the backups/ folder beside the database
BACKUP_KEEP = "backup/keep"
PROMOTE_DAYS = "tasks/promote_days"
# The key the inbox page (ui/tasks/matrix_page.py) reads today; written too until the two agree on one.
PROMOTE_DAYS_TASKS_PAGE = "tasks/promote_within_days"
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


def promote_days(settings: QSettings, stored_default: int) -> int:
    for key in (PROMOTE_DAYS_TASKS_PAGE, PROMOTE_DAYS):
        if settings.contains(key):
            return int_value(settings, key, stored_default)
    return stored_default


def set_promote_days(settings: QSettings, days: int) -> None:
    settings.setValue(PROMOTE_DAYS, days)
    settings.setValue(PROMOTE_DAYS_TASKS_PAGE, days)
