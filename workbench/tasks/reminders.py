"""Reminders of timed tasks (follow-ups and the 未接通 redial tasks are tasks too).

The schedule is the tasks' due times, read from the database each time it is asked: nothing is held
in memory, so a restart (or another process adding a task) changes nothing about what fires when.
The `task_reminders` table (tasks/schema.py) keeps only what the operator did: 不提醒 (muted),
稍后提醒 (snoozed_until) and which due time was already shown (shown_due: each reminder pops up once).

A task due at 15:00 with a lead of 15 minutes reminds at 14:45 — not a second before. In quiet hours
nothing is due; what came due then waits and pops up when they end. A reminder older than
MISSED_LOOKBACK is not raised any more (the task is simply overdue on the matrix).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

from workbench import stored_settings
from workbench.store import now_text, write_transaction
from workbench.tasks.generated_text import title as shown_title

if TYPE_CHECKING:
    from sqlite_utils import Database

# Reminders missed while the app was closed are shown at the next start if they came due this
# recently: a weekend away, not every overdue call of the last year.
MISSED_LOOKBACK = timedelta(days=3)
LEAD_CHOICES = (0, 5, 15, 30)  # minutes, 设置 › 提醒
TOMORROW_MORNING = time(9, 0)  # 稍后提醒 › 明天上午
SNOOZE_CHOICES = ("10m", "1h", "tomorrow")
DUE_FORMAT = "%Y-%m-%dT%H:%M"


@dataclass(frozen=True)
class Reminder:
    task_id: int
    title: str
    due: str  # the task's due, "YYYY-MM-DDTHH:MM"
    moment: datetime  # when it reminds: due − lead, or the snooze time
    snoozed: bool

    @property
    def due_time(self) -> str:
        return self.due[11:16]


def lead_minutes(db: Database) -> int:
    value = stored_settings.get(db, stored_settings.REMINDER_LEAD_MINUTES)
    return value if value in LEAD_CHOICES else 0


def quiet_hours(db: Database) -> tuple[time, time] | None:
    """(start, end) of the quiet hours, or None when there are none (or they are unreadable)."""
    value = stored_settings.get(db, stored_settings.REMINDER_QUIET_HOURS)
    try:
        start, end = time.fromisoformat(value["start"]), time.fromisoformat(value["end"])
    except (KeyError, TypeError, ValueError):
        return None
    return None if start == end else (start, end)


def in_quiet_hours(quiet: tuple[time, time] | None, moment: datetime) -> bool:
    """Whether moment falls in [start, end); a span such as 22:00–08:00 crosses midnight."""
    if quiet is None:
        return False
    start, end = quiet
    now = moment.time()
    if start < end:
        return start <= now < end
    return now >= start or now < end


# A generated title is shown in the language the user reads (tasks/generated_text.py).
KIND = ", t.title_kind, t.title_params"


def due_reminders(db: Database, now: datetime) -> list[Reminder]:
    """The reminders to show at `now` that were not shown yet, oldest first (none in quiet hours)."""
    if in_quiet_hours(quiet_hours(db), now):
        return []
    lead = timedelta(minutes=lead_minutes(db))
    # due − lead ≤ now  ⇔  due ≤ now + lead, compared as text to the minute (a 09:30 task is not due at 09:29:59).
    latest = (now + lead).strftime(DUE_FORMAT)
    earliest = (now - MISSED_LOOKBACK + lead).strftime(DUE_FORMAT)
    # shown_due = the task's due: that due time was shown or snoozed. A new due time reminds afresh
    # (and drops a snooze of the old one).
    timed = "t.status = 'open' AND t.due >= ? AND t.due <= ? AND length(t.due) = 16"
    if not has_state_table(db):  # a read-only file from before reminders: nothing muted, shown or snoozed yet
        on_time = db.execute(f"SELECT t.id, t.title, t.due{KIND} FROM tasks t WHERE {timed}", [earliest, latest]).fetchall()
        snoozed = []
    else:
        on_time = db.execute(
            f"SELECT t.id, t.title, t.due{KIND} FROM tasks t LEFT JOIN task_reminders r ON r.task_id = t.id"
            f" WHERE {timed} AND coalesce(r.muted, 0) = 0 AND r.shown_due IS NOT t.due",
            [earliest, latest]).fetchall()
        snoozed = db.execute(
            f"SELECT t.id, t.title, t.due{KIND}, r.snoozed_until FROM task_reminders r JOIN tasks t ON t.id = r.task_id"
            " WHERE r.snoozed_until IS NOT NULL AND r.snoozed_until <= ? AND r.muted = 0 AND t.status = 'open'"
            " AND r.shown_due IS t.due",
            [now_text(now)]).fetchall()
    found = [Reminder(task_id, shown_title(title, kind, params), due, datetime.strptime(due, DUE_FORMAT) - lead, False)
             for task_id, title, due, kind, params in on_time]
    found += [Reminder(task_id, shown_title(title, kind, params), due or "", datetime.fromisoformat(until), True)
              for task_id, title, due, kind, params, until in snoozed]
    return sorted(found, key=lambda r: (r.moment, r.task_id))


def mark_shown(db: Database, reminders: list[Reminder]) -> None:
    """They popped up: each is not shown again for the same due time (a snooze is used up)."""
    with write_transaction(db):
        db.conn.executemany(
            "INSERT INTO task_reminders (task_id, shown_due) VALUES (?, ?) ON CONFLICT(task_id)"
            " DO UPDATE SET shown_due = excluded.shown_due, snoozed_until = NULL",
            [(r.task_id, r.due) for r in reminders])


def snooze_until(choice: str, now: datetime) -> datetime:
    """稍后提醒: '10m' ⇒ in 10 minutes, '1h' ⇒ in an hour, 'tomorrow' ⇒ tomorrow at 09:00."""
    if choice == "10m":
        return now + timedelta(minutes=10)
    if choice == "1h":
        return now + timedelta(hours=1)
    if choice == "tomorrow":
        return datetime.combine(now.date() + timedelta(days=1), TOMORROW_MORNING)
    raise ValueError(choice)


def snooze(db: Database, task_id: int, until: datetime) -> None:
    """Remind again at `until` (and not for the due time, which has been shown)."""
    with write_transaction(db):
        db.execute("INSERT INTO task_reminders (task_id, snoozed_until, shown_due)"
                   " SELECT id, ?, due FROM tasks WHERE id = ? ON CONFLICT(task_id)"
                   " DO UPDATE SET snoozed_until = excluded.snoozed_until, shown_due = excluded.shown_due",
                   [now_text(until), task_id])


def set_muted(db: Database, task_id: int, muted: bool) -> None:
    """不提醒 for one task (or remind again)."""
    with write_transaction(db):
        db.execute("INSERT INTO task_reminders (task_id, muted) VALUES (?, ?) ON CONFLICT(task_id)"
                   " DO UPDATE SET muted = excluded.muted", [task_id, int(bool(muted))])


def has_state_table(db: Database) -> bool:
    """False on a file opened read-only before its schema had reminders (migrations cannot run there)."""
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'task_reminders'").fetchone() is not None


def is_muted(db: Database, task_id: int) -> bool:
    if not has_state_table(db):
        return False
    row = db.execute("SELECT muted FROM task_reminders WHERE task_id = ?", [task_id]).fetchone()
    return bool(row and row[0])
