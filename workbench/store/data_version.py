"""Has another connection changed the file? SQLite's `PRAGMA data_version` answers without reading a table.

The number changes when any other connection (another process such as `workbench capture`, or a worker
thread of the window) commits; this connection's own commits leave it as it is. It costs microseconds,
so the window asks about once a second (ui/shell/outside_changes.py).
"""
from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


def data_version(db: Database) -> int | None:
    """The connection's data version, or None when the connection cannot answer now (closed, busy)."""
    try:
        return int(db.execute("PRAGMA data_version").fetchone()[0])
    except sqlite3.Error:
        return None
