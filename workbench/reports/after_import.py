"""What runs after every import, inside the import's transaction: alert rules (proposed defaults for a
new dataset, then evaluated over its rows). The import engine calls after_import(); the alerts code
fills it in."""
from __future__ import annotations

from sqlite_utils import Database


def after_import(db: Database, dataset_name: str) -> None:
    """Called by the import engine after rows are written, before the transaction commits."""
