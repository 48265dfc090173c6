"""Who do I owe a call: follow-ups due today or overdue, and users whose last contact is older than
the cadence set for their stage or tag (the shorter one wins). Reminders reset with every contact,
because the cadence counts from users.last_contact_at."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
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
        "SELECT t.id, t.title, t.due, t.user_id, u.name, u.phone, t.title_kind, t.title_params"
        " FROM tasks t LEFT JOIN users u ON u.id = t.user_id"
        " WHERE t.status = 'open' AND t.contact_id IS NOT NULL AND t.due IS NOT NULL AND substr(t.due, 1, 10) <= ?"
        " ORDER BY t.due LIMIT ?", [today.isoformat(), limit]).fetchall()
    from workbench.tasks.generated_text import title as shown_title

    return [DueFollowUp(r[0], shown_title(r[1], r[6], r[7]), *r[2:6], overdue=r[2][:10] < today.isoformat())
            for r in rows]


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


TOUCH = "coalesce(u.last_contact_at, u.created_at)"  # as in idx_users_stage_touch (contacts/schema.py)


def cadence_due(db: Database, today: date, limit: int = 200) -> list[CadenceDue]:
    """Users past their cadence, the most overdue (relative to their cadence) first.

    A user's cadence is the shortest of their rules (stage, tags). Ranking every user is ~150 ms at
    100k users, so the ranking runs over candidates only: for each rule, its `limit` longest-untouched
    users that are past it, plus those touched on the same day as the last of them. That holds the
    answer: a user outside their own shortest rule's candidates has `limit` others at least as overdue."""
    ids = json.dumps(sorted(_candidates(db, today, limit)))
    rows = db.execute(
        "WITH rule AS ("
        "  SELECT u.id AS user_id, c.days AS days FROM contact_cadence c JOIN users u ON u.stage = c.value"
        "   WHERE c.scope = 'stage' AND u.id IN (SELECT value FROM json_each(:ids))"
        "  UNION ALL"
        "  SELECT u.id, c.days FROM users u, json_each(u.tags) j JOIN contact_cadence c ON c.scope = 'tag' AND c.value = j.value"
        "   WHERE u.id IN (SELECT value FROM json_each(:ids))),"
        " shortest AS (SELECT user_id, min(days) AS days FROM rule GROUP BY user_id)"
        " SELECT u.id, u.name, u.phone, u.stage, u.last_contact_at, r.days,"
        f"  CAST(julianday(:today) - julianday(substr({TOUCH}, 1, 10)) AS INTEGER) AS since"
        " FROM shortest r JOIN users u ON u.id = r.user_id"
        f" WHERE {TOUCH} < date(:today, '-' || r.days || ' days')"
        " ORDER BY (since * 1.0 / r.days) DESC, u.id LIMIT :limit",
        {"ids": ids, "today": today.isoformat(), "limit": limit}).fetchall()
    return [CadenceDue(*r) for r in rows]


def _candidates(db: Database, today: date, limit: int) -> set[int]:
    """For each cadence rule, the users past it touched longest ago: the first `limit` and their day's ties."""
    found: set[int] = set()
    for scope, value, days in db.execute("SELECT scope, value, days FROM contact_cadence").fetchall():
        if scope == "stage":
            source, match = "users u", "u.stage = :value"  # idx_users_stage_touch, in touch order
        else:
            source, match = "users u, json_each(u.tags) j", "u.tags != '[]' AND j.value = :value"
        rows = db.execute(f"SELECT u.id, {TOUCH} FROM {source} WHERE {match} AND {TOUCH} < date(:today, :back)"
                          f" ORDER BY {TOUCH}", {"value": value, "today": today.isoformat(), "back": f"-{days} days"})
        for n, (user_id, touch) in enumerate(rows):  # read in touch order, stopped after the limit's day
            if n == limit - 1:
                last_day = touch[:10]
            elif n >= limit and touch[:10] > last_day:
                break
            found.add(user_id)
    return found
