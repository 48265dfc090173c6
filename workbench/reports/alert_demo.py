"""Demo alert rules and fired alerts (called by workbench/demo.py inside one transaction, after the
reports demo has created its datasets): the default rules of every dated dataset, evaluated over its
history, plus one threshold rule the operator would add (活跃 rate or retention below a line ⇒ 红色)."""
from __future__ import annotations

import random
from datetime import date
from typing import TYPE_CHECKING

from workbench.reports import datasets
from workbench.reports.alert_rules import AlertRule
from workbench.reports.alert_store import evaluate_dataset, list_rules, propose_default_rules, save_rule

if TYPE_CHECKING:
    from sqlite_utils import Database


def fill(db: Database, today: date, scale: int, rng: random.Random) -> None:
    """Add realistic, coherent demo rows dated around today; scale multiplies the volume."""
    for info in datasets.list_datasets(db):
        if not info.date_column:
            continue
        propose_default_rules(db, info.name)
        rate = next((c for c in info.metrics if c.type == "percent" and "留存" in c.name), None)
        if rate and not any(r.kind == "threshold" for r in list_rules(db, info.name)):
            save_rule(db, AlertRule(info.name, rate.name, "threshold", "down", 0.30, level="red",
                                    metric_type="percent"), evaluate_now=False)
        evaluate_dataset(db, info.name)
