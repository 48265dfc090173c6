"""Settings that travel with the data: kept in the database's `settings` table (key → JSON value).

Why here and not in QSettings: feature code reads them headless (the CLI, exports, alert checks, the
morning promotion of tasks) and must not import Qt; and they describe how this operator's data is
handled, so they move with the file to another laptop. Per-machine things (language, window, backup
folder) stay in QSettings (workbench/ui/shell/preferences.py).

Keys and defaults (read with `get(db, KEY)`; a missing row means the default):
  tasks/promote_days          int   days before its due date that promotes a task to 重要且紧急 (2)
  export/mask_by_default      bool  exports mask phone numbers / WeChat ids unless unticked (True)
  privacy/retention_months    int   contacts older than this are purged; 0 keeps everything (0: nothing
                                    is deleted until the operator chooses a period in 设置 › 隐私)
  alerts/default_thresholds   dict  {"yellow": %, "orange": %, "red": %} drop vs the previous period
                                    that new alert rules start from ({"yellow": 10, "orange": 20, "red": 30})
  reminders/lead_minutes      int   a timed task reminds this many minutes before its due time (0; 0/5/15/30)
  reminders/quiet_hours       dict  {"start": "HH:MM", "end": "HH:MM"}: no reminder pops up in between; they
                                    wait until it ends ({"start": "", "end": ""}: no quiet hours)
  tasks/day_parts             dict  the time a date written with 上午/中午/下午/晚上 (morning … evening) and
                                    no clock time gets: {"morning": "09:00", "noon": "12:00",
                                    "afternoon": "15:00", "evening": "20:00"}
"""
from __future__ import annotations

import json
import sqlite3
from typing import TYPE_CHECKING, Any

from workbench.store import write_transaction

if TYPE_CHECKING:
    from sqlite_utils import Database

PROMOTE_DAYS = "tasks/promote_days"
MASK_EXPORTS = "export/mask_by_default"
RETENTION_MONTHS = "privacy/retention_months"
ALERT_THRESHOLDS = "alerts/default_thresholds"
REMINDER_LEAD_MINUTES = "reminders/lead_minutes"
REMINDER_QUIET_HOURS = "reminders/quiet_hours"
DAY_PARTS = "tasks/day_parts"

DEFAULTS: dict[str, Any] = {
    PROMOTE_DAYS: 2,
    MASK_EXPORTS: True,
    RETENTION_MONTHS: 0,
    ALERT_THRESHOLDS: {"yellow": 10, "orange": 20, "red": 30},
    REMINDER_LEAD_MINUTES: 0,
    REMINDER_QUIET_HOURS: {"start": "", "end": ""},
    DAY_PARTS: {"morning": "09:00", "noon": "12:00", "afternoon": "15:00", "evening": "20:00"},
}


def get(db: Database, key: str) -> Any:
    """The stored value, or the default when none is stored (or the stored text is unreadable)."""
    default = DEFAULTS.get(key)
    try:
        row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    except sqlite3.OperationalError:  # no settings table: a file from before it existed
        return default
    if row is None:
        return default
    try:
        value = json.loads(row[0])
    except (TypeError, ValueError):
        return default
    if isinstance(default, dict) and isinstance(value, dict):
        return {**default, **value}
    if default is not None and not isinstance(value, type(default)):
        return default
    return value


def put(db: Database, values: dict[str, Any]) -> None:
    """Store several values in one transaction."""
    with write_transaction(db):
        db.conn.executemany(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [(key, json.dumps(value, ensure_ascii=False)) for key, value in values.items()],
        )
