"""Making a database file damaged the way a bad disk sector would: one page of a table overwritten."""
from __future__ import annotations

import sqlite3

from workbench.store import open_database, write_transaction


def fill_settings(db_path, rows: int = 3000) -> None:
    """Enough rows in `settings` that the table spans many pages."""
    db = open_database(db_path)
    with write_transaction(db):
        db.conn.executemany("INSERT INTO settings (key, value) VALUES (?, ?)", ((f"k{i}", "值" * 40) for i in range(rows)))
    db.close()


def damage_a_page_of(db_path, table: str = "settings") -> None:
    """Overwrite the middle page of the table with garbage (the file stays a SQLite file)."""
    conn = sqlite3.connect(db_path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    pages = [r[0] for r in conn.execute("SELECT pageno FROM dbstat WHERE name = ? ORDER BY pageno", [table])]
    conn.close()
    with open(db_path, "r+b") as handle:
        handle.seek((pages[len(pages) // 2] - 1) * page_size)
        handle.write(b"\xa5" * page_size)
