"""Every migration set of the app, in the order they apply.

Each feature owns its tables in its own sqlite-utils Migrations set (workbench/<feature>/schema.py),
so features change their schema without touching each other. Append new migrations to the end of a
set; never edit or reorder one that has shipped.
"""
from __future__ import annotations

from pathlib import Path

from workbench.contacts import schema as contacts_schema
from workbench.pdca import schema as pdca_schema
from workbench.reports import alert_schema
from workbench.reports import schema as reports_schema
from workbench.review import schema as review_schema
from workbench.store import core_schema
from workbench.store.migrate import Database, Migrations, apply_all
from workbench.tasks import schema as tasks_schema

MIGRATION_SETS: list[Migrations] = [
    core_schema.migrations,
    reports_schema.migrations,
    alert_schema.migrations,
    contacts_schema.migrations,
    tasks_schema.migrations,
    pdca_schema.migrations,
    review_schema.migrations,
]



def migrate_to_latest(db: Database, path: Path, *, readonly: bool = False) -> int:
    return apply_all(db, path, MIGRATION_SETS, readonly=readonly)
