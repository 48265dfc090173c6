"""`workbench demo`: realistic, coherent demo data dated around today, feature by feature."""
from __future__ import annotations

import random
from datetime import date
from typing import TYPE_CHECKING

from workbench.contacts import demo as contacts_demo
from workbench.errors import UserError
from workbench.pdca import demo as pdca_demo
from workbench.reports import alert_demo
from workbench.reports import demo as reports_demo
from workbench.review import demo as review_demo
from workbench.schema_facts import COUNTED_TABLES
from workbench.store import write_transaction
from workbench.store.integrity import table_counts
from workbench.tasks import demo as tasks_demo

if TYPE_CHECKING:
    from sqlite_utils import Database

# Order matters: reports first (metrics and alerts), then users and contacts, then tasks that link
# to them, then PDCA cycles over those metrics, then the review of the week.
FILLERS = [reports_demo.fill, alert_demo.fill, contacts_demo.fill, tasks_demo.fill, pdca_demo.fill, review_demo.fill]


def is_empty(db: Database) -> bool:
    return not any(table_counts(db, COUNTED_TABLES).values())


def fill_demo(db: Database, today: date, scale: int = 1, seed: int = 20261125) -> None:
    if scale < 1:
        raise UserError("--scale 必须是正整数。", "--scale must be a positive whole number.")
    if not is_empty(db):
        raise UserError(
            "这个数据库里已经有数据；演示数据只能载入空数据库。",
            "This database already holds data; demo data can only be loaded into an empty one.",
        )
    rng = random.Random(seed)
    with write_transaction(db):
        for fill in FILLERS:
            fill(db, today, scale, rng)
