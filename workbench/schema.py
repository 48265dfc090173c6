"""Every migration set of the app, in the order they apply, and the registration that tells the store.

Each feature owns its tables in its own sqlite-utils Migrations set (workbench/<feature>/schema.py),
so features change their schema without touching each other. Append new migrations to the end of a
set; never edit or reorder one that has shipped. The store sits below the features and does not
import them: the program's start (cli.main; tests/conftest.py) calls register(), and open_database
loads the sets through it only when a file needs migrating (docs/architecture.md, start-up).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workbench.store.migrate import Migrations


def migration_sets() -> list[Migrations]:
    """The sets in the order they apply (each import here loads sqlite-utils and a feature's schema)."""
    from workbench.contacts import schema as contacts_schema
    from workbench.pdca import schema as pdca_schema
    from workbench.reports import alert_schema
    from workbench.reports import schema as reports_schema
    from workbench.review import schema as review_schema
    from workbench.store import core_schema
    from workbench.tasks import schema as tasks_schema

    return [
        core_schema.migrations,
        reports_schema.migrations,
        alert_schema.migrations,
        contacts_schema.migrations,
        tasks_schema.migrations,
        pdca_schema.migrations,
        review_schema.migrations,
    ]


def register() -> None:
    """Tell the store which sets bring a file up to date (it calls migration_sets only when needed)."""
    from workbench.store.connection import register_migration_sets

    register_migration_sets(migration_sets)

