"""A database with every shared sample imported through the import engine, built once and copied per test."""
from __future__ import annotations

import sqlite3

import pytest

from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples"


@pytest.fixture(scope="session")
def samples_template(tmp_path_factory):
    from workbench.reports.importer import import_file
    from workbench.store import open_database

    path = tmp_path_factory.mktemp("samples") / "template.db"
    db = open_database(path)
    for sample in sorted(SAMPLES.glob("*.*")):
        import_file(db, sample)
    db.execute("PRAGMA wal_checkpoint(FULL)")
    db.close()
    return path


@pytest.fixture
def samples_db(samples_template, db_path):
    from workbench.store import open_database

    source = sqlite3.connect(samples_template)
    target = sqlite3.connect(db_path)
    source.backup(target)
    source.close()
    target.close()
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def samples_ctx(qapp, samples_db, db_path):
    from workbench.app import build_context, create_application, prepare_ui

    create_application()
    context = build_context(db_path, samples_db)
    context.settings.clear()
    prepare_ui(qapp, context.settings, "zh_CN")
    return context
