"""The app's database handle, with sqlite-utils loaded on first need rather than at start-up.

Importing sqlite-utils costs ~55 ms (it pulls in click, pluggy, dateutil and importlib.metadata), a
quarter of the time the window takes to show the task matrix. The first frame only runs SELECTs, so
`LazyDatabase` answers `execute` and SELECT `query` on the plain connection and builds the real
sqlite-utils `Database` (on the same connection) the first time anything else is asked of it. The
window loads it in an idle moment after the first frame (ui/shell/main_window.py), so no click pays.

Every connection here is opened with isolation_level=None (store/connection.py): sqlite3 then never
opens a transaction on its own, which is the case in which sqlite-utils' `execute` is exactly
`conn.execute`.
"""
from __future__ import annotations

import sqlite3
import sys
from typing import TYPE_CHECKING, Any, Iterator

if TYPE_CHECKING:
    from sqlite_utils import Database


def import_sqlite_utils():
    """sqlite-utils imports numpy and pandas, only to map their scalar types to column types. numpy is
    installed (pyqtgraph needs it) and costs ~45 ms; we never hand numpy values to sqlite-utils, so
    both are hidden for that one import and charts load numpy when they are first shown."""
    if "sqlite_utils" not in sys.modules:
        hidden = [name for name in ("numpy", "pandas") if name not in sys.modules]
        for name in hidden:
            sys.modules[name] = None  # `import numpy` raises ImportError, which sqlite-utils handles
        try:
            import sqlite_utils  # noqa: F401
        finally:
            for name in hidden:
                del sys.modules[name]
    return sys.modules["sqlite_utils"]


class LazyDatabase:
    """A sqlite-utils Database that imports sqlite-utils the first time more than plain SQL is used."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._database: Database | None = None
        # Why the file is open read-only (a (zh, en) sentence part, store/connection.py), or None.
        self.readonly_reason: tuple[str, str] | None = None

    @property
    def readonly(self) -> bool:
        return self.readonly_reason is not None

    @property
    def loaded(self) -> bool:
        return self._database is not None

    def load(self) -> Database:
        if self._database is None:
            self._database = import_sqlite_utils().Database(self.conn, execute_plugins=False)
        return self._database

    def execute(self, sql: str, parameters: Any = None) -> sqlite3.Cursor:
        if self._database is not None:
            return self._database.execute(sql, parameters)
        return self.conn.execute(sql) if parameters is None else self.conn.execute(sql, parameters)

    def query(self, sql: str, params: Any = None) -> Iterator[dict]:
        if self._database is not None or not sql.lstrip()[:6].upper() == "SELECT":
            return self.load().query(sql, params)
        cursor = self.conn.execute(sql) if params is None else self.conn.execute(sql, params)
        keys = [column[0] for column in cursor.description]
        if len(set(keys)) < len(keys):  # sqlite-utils renames repeated names (a, a_2): let it
            return self.load().query(sql, params)
        return (dict(zip(keys, row)) for row in cursor)

    def close(self) -> None:
        self.conn.close()

    def __getitem__(self, table_name: str):
        return self.load()[table_name]

    def __getattr__(self, name: str):
        # Only reached for what this class does not define: table(), atomic(), tables, ...
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.load(), name)
