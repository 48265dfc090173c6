"""What datasets the database holds (used by `workbench check` and the dataset browser)."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database
def dataset_row_counts(db: Database) -> list[dict]:
    """[{"name": str, "rows": int}, ...] for every imported dataset, by name."""
    if not db["datasets"].exists():
        return []
    return [
        {"name": name, "rows": db.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0]}
        for name, table in db.execute("SELECT name, table_name FROM datasets ORDER BY name")
    ]
