"""What runs after every import, inside the import's transaction: alert rules (proposed defaults for a
new dataset, then evaluated over its rows). The import engine calls after_import()."""
from __future__ import annotations

from typing import TYPE_CHECKING
from workbench.reports.alert_store import evaluate_dataset, forget_dataset, propose_default_rules

if TYPE_CHECKING:
    from sqlite_utils import Database


def after_import(db: Database, dataset_name: str) -> None:
    """Called by the import engine after rows are written, before the transaction commits.

    A dataset's first import gets the default rules (alert_rules.default_rules: rates −20% vs the trailing
    7-day mean ⇒ 橙色, a cohort triangle only on its earliest retention column; complaint counts +50% vs the
    trailing 7-day mean ⇒ 黄色); then every rule of the dataset runs over its whole history, one alert per
    episode, so corrected values also clear or raise alerts."""
    propose_default_rules(db, dataset_name)
    evaluate_dataset(db, dataset_name)


def after_dataset_removed(db: Database, dataset_name: str) -> None:
    """Called when undo removes a dataset its first import created: its alerts and rules go with it."""
    forget_dataset(db, dataset_name)
