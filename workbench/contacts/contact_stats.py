"""Numbers about contacts for the dashboard and the weekly review (plain rows, no Qt).

All functions take an inclusive date range [start, end] and read contacts.at (local time).
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


GROUPABLE = {"channel", "topic", "outcome", "direction"}


def _range(start: date, end: date) -> list[str]:
    return [start.isoformat(), (end + timedelta(days=1)).isoformat()]


def contacts_per_day(db: Database, start: date, end: date, by: str = "channel") -> list[tuple[str, str, int]]:
    """[(day 'YYYY-MM-DD', value of `by`, count)] — by is channel / topic / outcome / direction."""
    if by not in GROUPABLE:
        raise ValueError(by)
    return [tuple(r) for r in db.execute(
        f"SELECT substr(at, 1, 10) AS day, coalesce({by}, '') , count(*) FROM contacts WHERE at >= ? AND at < ?"
        f" GROUP BY day, {by} ORDER BY day, {by}", _range(start, end))]


def contact_totals(db: Database, start: date, end: date, by: str = "outcome") -> dict[str, int]:
    if by not in GROUPABLE:
        raise ValueError(by)
    return {r[0] or "": r[1] for r in db.execute(
        f"SELECT {by}, count(*) FROM contacts WHERE at >= ? AND at < ? GROUP BY {by} ORDER BY count(*) DESC", _range(start, end))}


def conversion_by_topic(db: Database, start: date, end: date) -> list[dict]:
    """[{"topic", "contacts", "converted", "rate"}], most contacts first."""
    rows = db.execute("SELECT coalesce(topic, ''), count(*), sum(outcome = '已转化') FROM contacts"
                      " WHERE at >= ? AND at < ? GROUP BY topic ORDER BY count(*) DESC", _range(start, end)).fetchall()
    return [{"topic": t, "contacts": n, "converted": c or 0, "rate": (c or 0) / n if n else 0.0} for t, n, c in rows]


def conversion_by_snippet(db: Database, start: date, end: date) -> list[dict]:
    """[{"snippet_id", "title", "uses", "converted", "rate"}] over contacts that used a snippet."""
    rows = db.execute("SELECT s.id, s.title, count(*), sum(c.outcome = '已转化') FROM contacts c JOIN snippets s ON s.id = c.snippet_id"
                      " WHERE c.at >= ? AND c.at < ? GROUP BY s.id ORDER BY count(*) DESC", _range(start, end)).fetchall()
    return [{"snippet_id": i, "title": t, "uses": n, "converted": c or 0, "rate": (c or 0) / n if n else 0.0}
            for i, t, n, c in rows]


def recall_success(db: Database) -> list[dict]:
    """Per sequence: enrolled, active, converted, stopped, completed, and rate = converted / ended."""
    rows = db.execute(
        "SELECT q.id, q.name, count(e.id), sum(e.status = '进行中'), sum(e.status = '已转化'), sum(e.status = '已停止'),"
        " sum(e.status = '已完成') FROM sequences q LEFT JOIN sequence_enrolments e ON e.sequence_id = q.id"
        " GROUP BY q.id ORDER BY q.id").fetchall()
    result = []
    for sequence_id, name, enrolled, active, converted, stopped, completed in rows:
        ended = (converted or 0) + (stopped or 0) + (completed or 0)
        result.append({"sequence_id": sequence_id, "name": name, "enrolled": enrolled, "active": active or 0,
                       "converted": converted or 0, "stopped": stopped or 0, "completed": completed or 0,
                       "rate": (converted or 0) / ended if ended else 0.0})
    return result


def findings_summary(db: Database, start: date, end: date) -> dict[str, int]:
    """New findings (not merged duplicates) per kind raised in the range."""
    return {r[0]: r[1] for r in db.execute(
        "SELECT kind, count(*) FROM findings WHERE created_at >= ? AND created_at < ? AND merged_into_id IS NULL"
        " GROUP BY kind", _range(start, end))}


def week_summary(db: Database, start: date, end: date) -> dict:
    """Everything the weekly review's 联系 block shows, for [start, end]."""
    total, users = db.execute("SELECT count(*), count(DISTINCT user_id) FROM contacts WHERE at >= ? AND at < ?",
                              _range(start, end)).fetchone()
    by_outcome = contact_totals(db, start, end, "outcome")
    converted = by_outcome.get("已转化", 0)
    return {
        "contacts": total, "users": users, "converted": converted,
        "conversion_rate": converted / total if total else 0.0,
        "by_channel": contact_totals(db, start, end, "channel"),
        "by_topic": contact_totals(db, start, end, "topic"),
        "by_outcome": by_outcome,
        "findings": findings_summary(db, start, end),
        "conversion_by_topic": conversion_by_topic(db, start, end),
        "conversion_by_snippet": conversion_by_snippet(db, start, end),
        "recall": recall_success(db),
    }
