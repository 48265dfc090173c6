"""Read-only queries over other features' tables that a PDCA cycle needs: its metric series
(reports' dataset API), the dates of contacts and findings linked to it (contacts' tables), and the
snippet library (contacts' `snippets` table) that 标准化 writes into.

A contact is linked when it carries the cycle's id, or — when the cycle names a topic — when its
topic equals that topic or its summary mentions it; a finding when its source contact is linked or
its text mentions the topic.
"""
from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database



def metric_series(db: Database, dataset: str | None, column: str | None) -> list[tuple[str, float | None]]:
    if not dataset or not column:
        return []
    from workbench.reports.datasets import get_dataset, read_series

    info = get_dataset(db, dataset)
    if info is None or info.column(column) is None or not info.date_column:
        return []
    return read_series(db, dataset, column)


def dataset_missing(db: Database, dataset: str | None) -> bool:
    """True when the cycle names a dataset that no longer exists (its import was undone or it was
    removed): the Check then says so instead of showing the ratio it stored."""
    if not dataset:
        return False
    from workbench.reports.datasets import get_dataset

    return get_dataset(db, dataset) is None


def metric_type(db: Database, dataset: str | None, column: str | None) -> str:
    """The column's type ('percent', 'money', 'integer', 'number'), for formatting."""
    if not dataset or not column:
        return "number"
    from workbench.reports.datasets import get_dataset

    info = get_dataset(db, dataset)
    found = info.column(column) if info else None
    return found.type if found else "number"


def dataset_names(db: Database) -> list[str]:
    """Every dataset, for the check by groups (a user list need not have a date column)."""
    from workbench.reports.datasets import list_datasets

    return [info.name for info in list_datasets(db)]


def dataset_columns(db: Database, dataset: str) -> list[str]:
    """The dataset's columns, a group-like column (组, 版本, A/B) first."""
    from workbench.pdca.ab_test import is_group_column
    from workbench.reports.datasets import get_dataset

    info = get_dataset(db, dataset)
    if info is None:
        return []
    names = [c.name for c in info.columns]
    grouped = [n for n in names if is_group_column(n, ["a", "b"])]
    return grouped + [n for n in names if n not in grouped]


def metric_choices(db: Database) -> list[tuple[str, str, str]]:
    """Every (dataset, metric column, type) a goal can name: numeric columns of dated datasets."""
    from workbench.reports.datasets import NUMERIC_TYPES, list_datasets

    return [(info.name, column.name, column.type) for info in list_datasets(db) if info.date_column
            for column in info.columns if column.type in NUMERIC_TYPES and column.role != "key"]


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def linked_contact_days(db: Database, cycle_id: int, topic: str, start: date, end: date) -> list[str]:
    """The dates (YYYY-MM-DD) of contacts linked to the cycle between start and end inclusive."""
    if not db["contacts"].exists():
        return []
    where, params = ["pdca_cycle_id = ?"], [cycle_id]
    if topic:
        where += ["topic = ?", "summary LIKE ? ESCAPE '\\'"]
        params += [topic, _like(topic)]
    sql = (f"SELECT substr(at, 1, 10) FROM contacts WHERE at >= ? AND at < ? AND ({' OR '.join(where)})")
    return [row[0] for row in db.execute(sql, [start.isoformat(), _day_after(end), *params])]


def linked_finding_days(db: Database, cycle_id: int, topic: str, start: date, end: date) -> list[str]:
    if not db["findings"].exists():
        return []
    where, params = ["source_contact_id IN (SELECT id FROM contacts WHERE pdca_cycle_id = ?)"], [cycle_id]
    if topic:
        where.append("text LIKE ? ESCAPE '\\'")
        params.append(_like(topic))
    sql = (f"SELECT substr(created_at, 1, 10) FROM findings WHERE created_at >= ? AND created_at < ? "
           f"AND ({' OR '.join(where)})")
    return [row[0] for row in db.execute(sql, [start.isoformat(), _day_after(end), *params])]


def _day_after(day: date) -> str:
    from datetime import timedelta

    return (day + timedelta(days=1)).isoformat()


def write_sop_snippet(db: Database, cycle_title: str, body: str, now: datetime, title_param=None) -> int | None:
    """Add the cycle's SOP ("SOP：<cycle title>", in the language the user reads) to the contacts feature's
    snippet library; None when that library does not exist. title_param: the cycle's title as a parameter
    (a generated one stays generated)."""
    if not db["snippets"].exists():
        return None
    from workbench.contacts.snippets import create_snippet

    return create_snippet(db, "", body, tags=["SOP", "PDCA"], now=now, title_kind="sop",
                          title_params={"title": cycle_title if title_param is None else title_param})


def delete_snippet(db: Database, snippet_id: int) -> None:
    """Undo of 标准化: the SOP it wrote goes away again."""
    if db["snippets"].exists():
        db.execute("DELETE FROM snippets WHERE id = ? AND use_count = 0", [snippet_id])
