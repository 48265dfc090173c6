"""Who do I owe a call: follow-ups due today or overdue, and users whose last contact is older than
the cadence set for their stage or tag (the shorter one wins). Reminders reset with every contact,
because the cadence counts from users.last_contact_at."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from workbench.store import write_transaction

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass
class DueFollowUp:
    task_id: int
    title: str
    due: str
    user_id: int | None
    name: str | None
    phone: str | None
    overdue: bool


@dataclass
class CadenceDue:
    user_id: int
    name: str | None
    phone: str | None
    stage: str
    last_contact_at: str | None
    days: int
    days_since: int


def due_follow_ups(db: Database, today: date, limit: int = 500) -> list[DueFollowUp]:
    """Open follow-ups and retries (tasks created from a contact) due today or earlier. Recall
    sequence touches are worked from the recall queue instead."""
    rows = db.execute(
        "SELECT t.id, t.title, t.due, t.user_id, u.name, u.phone FROM tasks t LEFT JOIN users u ON u.id = t.user_id"
        " WHERE t.status = 'open' AND t.contact_id IS NOT NULL AND t.due IS NOT NULL AND substr(t.due, 1, 10) <= ?"
        " ORDER BY t.due LIMIT ?", [today.isoformat(), limit]).fetchall()
    return [DueFollowUp(*r, overdue=r[2][:10] < today.isoformat()) for r in rows]


def count_due_follow_ups(db: Database, today: date) -> int:
    return db.execute("SELECT count(*) FROM tasks WHERE status = 'open' AND contact_id IS NOT NULL AND due IS NOT NULL"
                      " AND substr(due, 1, 10) <= ?", [today.isoformat()]).fetchone()[0]


def cadence_rules(db: Database) -> list[tuple[str, str, int]]:
    return [tuple(r) for r in db.execute("SELECT scope, value, days FROM contact_cadence ORDER BY scope, value")]


def set_cadence(db: Database, scope: str, value: str, days: int | None) -> None:
    """days=None removes the rule."""
    if scope not in ("stage", "tag"):
        raise ValueError(scope)
    with write_transaction(db):
        if days is None:
            db.execute("DELETE FROM contact_cadence WHERE scope = ? AND value = ?", [scope, value])
        else:
            db.execute("INSERT INTO contact_cadence (scope, value, days) VALUES (?, ?, ?)"
                       " ON CONFLICT(scope, value) DO UPDATE SET days = excluded.days", [scope, value, int(days)])


def cadence_due(db: Database, today: date, limit: int = 200) -> list[CadenceDue]:
    """Users past their cadence, the most overdue (relative to their cadence) first."""
    # Stage rules join through the stage index; tag rules only look at users that have tags.
    rows = db.execute(
        "WITH rule AS ("
        "  SELECT u.id AS user_id, c.days AS days FROM contact_cadence c JOIN users u ON u.stage = c.value"
        "   WHERE c.scope = 'stage'"
        "  UNION ALL"
        "  SELECT u.id, c.days FROM users u, json_each(u.tags) j JOIN contact_cadence c ON c.scope = 'tag' AND c.value = j.value"
        "   WHERE u.tags != '[]'),"
        " shortest AS (SELECT user_id, min(days) AS days FROM rule GROUP BY user_id)"
        " SELECT u.id, u.name, u.phone, u.stage, u.last_contact_at, r.days,"
        "  CAST(julianday(?) - julianday(substr(coalesce(u.last_contact_at, u.created_at), 1, 10)) AS INTEGER) AS since"
        " FROM shortest r JOIN users u ON u.id = r.user_id"
        " WHERE coalesce(u.last_contact_at, u.created_at) < date(?, '-' || r.days || ' days')"
        " ORDER BY (since * 1.0 / r.days) DESC, u.id LIMIT ?", [today.isoformat(), today.isoformat(), limit]).fetchall()
    return [CadenceDue(*r) for r in rows]
