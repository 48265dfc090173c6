"""Integrity checks and the table counts that `workbench check` reports."""
from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database



def integrity(db: Database, quick: bool = False) -> str:
    """'ok', or SQLite's first complaint."""
    pragma = "quick_check" if quick else "integrity_check"
    try:
        rows = [r[0] for r in db.execute(f"PRAGMA {pragma}").fetchall()]
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return "ok" if rows == ["ok"] else "; ".join(rows[:5])


def any_rows(db: Database, names: list[str]) -> bool:
    """True when one of the named tables (those that exist) has a row. EXISTS stops at the first row;
    count(*) would walk ~1M contacts (16 ms)."""
    existing = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return any(db.execute(f"SELECT EXISTS (SELECT 1 FROM [{name}])").fetchone()[0] for name in names if name in existing)


def table_counts(db: Database, names: list[str]) -> dict[str, int]:
    existing = set(db.table_names())
    return {name: db.execute(f"SELECT count(*) FROM [{name}]").fetchone()[0] for name in names if name in existing}
