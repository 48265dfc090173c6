"""The one SQLite file: opening it, migrating it, backing it up, checking it."""
from workbench.store.connection import open_database, write_transaction, DatabaseError
from workbench.store.paths import default_database_path, resolve_database_path
from workbench.store.timestamps import now_text

__all__ = [
    "open_database",
    "write_transaction",
    "DatabaseError",
    "default_database_path",
    "resolve_database_path",
    "now_text",
]
