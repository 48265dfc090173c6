"""Read-only queries over other features' tables for one ISO week — the weekly review's raw facts.

The tables belong to tasks, contacts, reports (alerts, datasets) and pdca; this module only reads
them, each query bounded by the week's dates so it stays fast on a large database. A table that does
not exist yet (a feature not installed) reads as empty.
"""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from workbench.review.weeks import IsoWeek

if TYPE_CHECKING:
    from sqlite_utils import Database

CONVERTED = "已转化"  # contacts' outcome for a conversion (contacts feature's option list)
RECALL_TOPIC = "召回"


def _exists(db: Database, table: str) -> bool:
    return db[table].exists()


def _bounds(week: IsoWeek) -> tuple[str, str]:
    """[Monday, next Monday) as text: compares correctly with both dates and ISO datetimes."""
    return week.monday.isoformat(), week.next_monday.isoformat()


# --- tasks ---------------------------------------------------------------------------------------
TASK_COLUMNS = ("id", "title", "important", "urgent", "status", "due", "created_at", "triaged_at", "done_at",
                "tags", "pdca_cycle_id", "title_kind", "title_params")  # a generated title: rendered when exported


def tasks_of_week(db: Database, week: IsoWeek) -> list[dict]:
    """Every task created, completed or due in the week, the inbox included (the 任务 sheet)."""
    if not _exists(db, "tasks"):
        return []
    start, end = _bounds(week)
    columns = ", ".join(TASK_COLUMNS)
    sql = (f"SELECT {columns} FROM tasks WHERE created_at >= ? AND created_at < ? UNION "
           f"SELECT {columns} FROM tasks WHERE done_at >= ? AND done_at < ? UNION "
           f"SELECT {columns} FROM tasks WHERE due >= ? AND due < ? ORDER BY id")
    return [dict(zip(TASK_COLUMNS, row)) for row in db.execute(sql, [start, end] * 3)]


def tasks_open_at_week_end(db: Database, week: IsoWeek) -> list[dict]:
    """Tasks due by Sunday that were still open when the week ended (candidates for rolled over)."""
    if not _exists(db, "tasks"):
        return []
    end = week.next_monday.isoformat()
    columns = ", ".join(TASK_COLUMNS)
    sql = (f"SELECT {columns} FROM tasks WHERE status = 'open' AND due < ? AND created_at < ? UNION "
           f"SELECT {columns} FROM tasks WHERE done_at >= ? AND due < ? AND created_at < ?")
    return [dict(zip(TASK_COLUMNS, row)) for row in db.execute(sql, [end, end, end, end, end])]


def done_by_quadrant(tasks: list[dict], week: IsoWeek) -> dict[str, int]:
    """Tasks done in the week per quadrant, counted over tasks_of_week's rows (they hold every task
    completed in the week)."""
    counts = {"q1": 0, "q2": 0, "q3": 0, "q4": 0, "inbox": 0}
    start, end = _bounds(week)
    for task in tasks:
        if task["status"] == "done" and task["done_at"] and start <= task["done_at"] < end:
            key = "inbox" if task["triaged_at"] is None else \
                {(1, 1): "q1", (1, 0): "q2", (0, 1): "q3", (0, 0): "q4"}[(int(task["important"]), int(task["urgent"]))]
            counts[key] += 1
    return counts


# --- contacts ------------------------------------------------------------------------------------
def no_contact_counts() -> dict:
    return {"total": 0, "by_channel": {}, "by_topic": {}, "by_outcome": {}, "users": 0, "conversions": 0,
            "recall_contacts": 0, "recall_users": 0, "recall_converted_users": 0}


def contact_counts(db: Database, week: IsoWeek) -> dict:
    """Totals and counts by channel / topic / outcome, conversions, and recall success: users contacted
    on the 召回 topic this week, and how many of them converted. All of it read from the covering index
    idx_contacts_week_facts (review schema), in three passes over the week's entries."""
    empty = no_contact_counts()
    if not _exists(db, "contacts"):
        return empty
    start, end = _bounds(week)
    result = dict(empty)
    # Grouping sorts every row (~35 ms per column for 125k contacts); counting known values with FILTER
    # in one pass costs about as much for topic and outcome together. Their values are read from the
    # contacts feature's one-column indexes (a few index seeks); channel has none, so its values are
    # the ones grouped last time. A column whose known values do not add up to the total (a new value)
    # is grouped instead, so the counts are always exact.
    values = {column: _distinct_values(db, column) for column in ("topic", "outcome")}
    values["channel"] = sorted(_seen_channels, key=str) + [None] if _seen_channels else None
    filters = [(column, value) for column in ("channel", "topic", "outcome") if values[column] is not None
               for value in values[column]]
    sql = ", ".join(["count(*)"] + [f"count(*) FILTER (WHERE {column} IS ?)" for column, _ in filters])
    total, *counts = db.execute(f"SELECT {sql} FROM contacts WHERE at >= ? AND at < ?",
                                [value for _, value in filters] + [start, end]).fetchone()
    for column, key in (("channel", "by_channel"), ("topic", "by_topic"), ("outcome", "by_outcome")):
        found: dict[str, int] = {}
        for (name, value), n in zip(filters, counts):
            if name == column and n:
                found[value or "—"] = found.get(value or "—", 0) + n
        result[key] = _ordered(found) if values[column] is not None and sum(found.values()) == total \
            else _grouped(db, column, start, end)
    result["total"] = total
    result["conversions"] = result["by_outcome"].get(CONVERTED, 0)
    result["users"] = db.execute("SELECT count(DISTINCT user_id) FROM contacts WHERE at >= ? AND at < ?",
                                 [start, end]).fetchone()[0]
    recall = db.execute(
        "SELECT count(*), count(DISTINCT user_id), count(DISTINCT CASE WHEN outcome = ? THEN user_id END)"
        " FROM contacts WHERE at >= ? AND at < ? AND +topic = ?", [CONVERTED, start, end, RECALL_TOPIC]).fetchone()
    result["recall_contacts"], result["recall_users"], result["recall_converted_users"] = recall
    return result


def _ordered(counts: dict[str, int]) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


_seen_channels: set[str] = set()  # contacts' channel values met so far (a handful: 电话, 微信, …)


def _grouped(db: Database, column: str, start: str, end: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for value, n in db.execute(f"SELECT {column}, count(*) FROM contacts WHERE at >= ? AND at < ? GROUP BY 1",
                               [start, end]):
        counts[value or "—"] = counts.get(value or "—", 0) + n
        if column == "channel" and value is not None and len(_seen_channels) < 50:
            _seen_channels.add(value)
    return _ordered(counts)


def _distinct_values(db: Database, column: str) -> list | None:
    """Every value of contacts.column (NULL included), by skipping through an index that starts with
    the column: one seek per value. None when there is no such index (a scan would be slower)."""
    indexed = db.execute("SELECT 1 FROM pragma_index_list('contacts') AS l, pragma_index_info(l.name) AS i"
                         " WHERE i.seqno = 0 AND i.name = ? AND l.partial = 0 LIMIT 1", [column]).fetchone()
    if indexed is None:
        return None
    values = [row[0] for row in db.execute(
        f"WITH RECURSIVE v(x) AS (SELECT min({column}) FROM contacts UNION ALL"
        f" SELECT (SELECT min({column}) FROM contacts WHERE {column} > v.x) FROM v WHERE v.x IS NOT NULL)"
        " SELECT x FROM v WHERE x IS NOT NULL")]
    return values + [None]


CONTACT_COLUMNS = ("at", "name", "phone", "channel", "direction", "topic", "outcome", "summary", "follow_up_due")


def contacts_of_week(db: Database, week: IsoWeek) -> list[dict]:
    if not _exists(db, "contacts"):
        return []
    start, end = _bounds(week)
    sql = ("SELECT c.at, u.name, u.phone, c.channel, c.direction, c.topic, c.outcome, c.summary, c.follow_up_due"
           " FROM contacts c LEFT JOIN users u ON u.id = c.user_id WHERE c.at >= ? AND c.at < ? ORDER BY c.at, c.id")
    return [dict(zip(CONTACT_COLUMNS, row)) for row in db.execute(sql, [start, end])]


# --- findings ------------------------------------------------------------------------------------
FINDING_COLUMNS = ("id", "kind", "text", "status", "mentions", "created_at", "updated_at")


def finding_counts(db: Database, week: IsoWeek) -> dict:
    empty = {"new": 0, "new_by_kind": {}, "new_by_status": {}, "open_by_status": {}}
    if not _exists(db, "findings"):
        return empty
    start, end = _bounds(week)
    live = "merged_into_id IS NULL"
    new_by_kind = dict(db.execute(f"SELECT kind, count(*) FROM findings WHERE {live} AND created_at >= ?"
                                  f" AND created_at < ? GROUP BY kind ORDER BY 2 DESC, 1", [start, end]).fetchall())
    new_by_status = dict(db.execute(f"SELECT status, count(*) FROM findings WHERE {live} AND created_at >= ?"
                                    f" AND created_at < ? GROUP BY status ORDER BY 2 DESC, 1", [start, end]).fetchall())
    open_by_status = dict(db.execute(f"SELECT status, count(*) FROM findings WHERE {live} AND created_at < ?"
                                     f" AND status != '已关闭' GROUP BY status ORDER BY 2 DESC, 1", [end]).fetchall())
    return {"new": sum(new_by_kind.values()), "new_by_kind": new_by_kind, "new_by_status": new_by_status,
            "open_by_status": open_by_status}


def findings_of_week(db: Database, week: IsoWeek) -> list[dict]:
    """Findings raised or updated in the week."""
    if not _exists(db, "findings"):
        return []
    start, end = _bounds(week)
    sql = (f"SELECT {', '.join(FINDING_COLUMNS)} FROM findings WHERE merged_into_id IS NULL AND"
           " ((created_at >= ? AND created_at < ?) OR (updated_at >= ? AND updated_at < ?)) ORDER BY created_at, id")
    return [dict(zip(FINDING_COLUMNS, row)) for row in db.execute(sql, [start, end, start, end])]


# --- alerts --------------------------------------------------------------------------------------
ALERT_COLUMNS = ("date", "end_date", "level", "dataset", "metric", "value", "reference", "rule_text", "status",
                 "rule_id")


def alerts_of_week(db: Database, week: IsoWeek) -> list[dict]:
    """Alerts that fired on a day of the week (an episode that began earlier and lasted into it too)."""
    if not _exists(db, "alerts"):
        return []
    start, end = _bounds(week)
    sql = (f"SELECT {', '.join(ALERT_COLUMNS)} FROM alerts WHERE coalesce(end_date, date) >= ? AND date < ?"
           " ORDER BY date, CASE level WHEN 'red' THEN 0 WHEN 'orange' THEN 1 ELSE 2 END")
    return [dict(zip(ALERT_COLUMNS, row)) for row in db.execute(sql, [start, end])]


# --- PDCA ----------------------------------------------------------------------------------------
def pdca_moves_of_week(db: Database, week: IsoWeek) -> list[dict]:
    start, end = _bounds(week)
    sql = ("SELECT m.cycle_id, c.title, m.from_stage, m.to_stage, m.at, c.title_kind, c.title_params FROM pdca_moves m"
           " JOIN pdca_cycles c ON c.id = m.cycle_id WHERE m.at >= ? AND m.at < ? AND m.from_stage IS NOT NULL"
           " ORDER BY m.at, m.id")
    names = ("cycle_id", "title", "from_stage", "to_stage", "at", "title_kind", "title_params")
    return [dict(zip(names, row)) for row in db.execute(sql, [start, end])]


def pdca_created_in_week(db: Database, week: IsoWeek) -> int:
    start, end = _bounds(week)
    return db.execute("SELECT count(*) FROM pdca_cycles WHERE created_at >= ? AND created_at < ?", [start, end]).fetchone()[0]


def pdca_checked_in_week(db: Database, week: IsoWeek) -> list[int]:
    start, end = _bounds(week)
    return [r[0] for r in db.execute("SELECT id FROM pdca_cycles WHERE checked_at >= ? AND checked_at < ? ORDER BY id",
                                     [start, end])]


def pdca_live_in_week(db: Database, week: IsoWeek) -> list[int]:
    """Cycles that existed during the week and were not closed before it began."""
    start, end = _bounds(week)
    return [r[0] for r in db.execute("SELECT id FROM pdca_cycles WHERE created_at < ? AND"
                                     " (closed_at IS NULL OR closed_at >= ?) ORDER BY id", [end, start])]


# --- metrics -------------------------------------------------------------------------------------
def key_metrics(db: Database, limit: int = 6) -> list[tuple[str, str, str]]:
    """(dataset, metric, type): the dashboard's chosen cards, then the metrics of open PDCA cycles."""
    if not _exists(db, "datasets"):
        return []
    from workbench.reports import datasets

    chosen: list[tuple[str, str]] = []
    try:
        from workbench.reports.dashboard_store import chosen_cards

        chosen = list(chosen_cards(db))
    except Exception:  # the dashboard's tables may not exist in an old database  # noqa: BLE001
        chosen = []
    chosen += [(d, m) for d, m in db.execute(
        "SELECT DISTINCT metric_dataset, metric_column FROM pdca_cycles WHERE stage != 'closed'"
        " AND metric_dataset IS NOT NULL AND metric_column IS NOT NULL")]
    found: list[tuple[str, str, str]] = []
    for dataset, metric in chosen:
        info = datasets.get_dataset(db, dataset)
        column = info.column(metric) if info else None
        if column is None or not info.date_column or any(f[:2] == (dataset, metric) for f in found):
            continue
        found.append((dataset, metric, column.type))
    return found[:limit]


def metric_series_between(db: Database, dataset: str, metric: str, start: date, end: date) -> list[tuple[str, float | None]]:
    from workbench.reports.datasets import read_series

    first, last = start.isoformat(), end.isoformat()
    return [(d, v) for d, v in read_series(db, dataset, metric) if first <= str(d)[:10] <= last]
