"""How a metric column's values on one day become that day's value: counts add up, rates, scores and
averages are averaged, balances and running totals keep the day's last value, text is counted.

The choice is inferred from the column's type and name when the column is first imported, stored in
the dataset's column specs (key "aggregation") and editable in the dataset browser; read_series
applies it, so the PDCA check, metric cards, trend and weekly sheet all agree.
"""
from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

AGGREGATIONS = ("sum", "mean", "last", "count")

# a per-row rate, score or average: adding a day's values gives a number nobody means
_MEAN_WORDS = re.compile(r"率|占比|比例|比率|均|平均|人均|单价|评分|得分|分数|满意|星级|评级|指数|NPS|CSAT|"
                         r"rate|ratio|share|score|rating|avg|average|mean|per\b|index", re.IGNORECASE)
# a level measured at a moment: the day's value is its latest reading
_LAST_WORDS = re.compile(r"余额|库存|累计|存量|总用户|总人数|在册|balance|stock|inventory|cumulative|running total",
                         re.IGNORECASE)


def infer_aggregation(column_type: str, name: str) -> str:
    """The aggregation a column of this type and name most likely means."""
    if column_type not in ("integer", "number", "percent", "money"):
        return "count"
    if column_type == "percent" or _MEAN_WORDS.search(name or ""):
        return "mean"
    if _LAST_WORDS.search(name or ""):
        return "last"
    return "sum"


def set_aggregation(db: Database, dataset: str, column: str, aggregation: str) -> None:
    """Store the aggregation chosen for one column of a dataset (inside or outside a write transaction)."""
    from workbench.errors import UserError
    from workbench.reports.alert_store import evaluate_dataset
    from workbench.store import write_transaction

    if aggregation not in AGGREGATIONS:
        raise UserError(f"未知的汇总方式“{aggregation}”。", f"Unknown aggregation “{aggregation}”.")
    with write_transaction(db):
        row = db.execute("SELECT id, columns FROM datasets WHERE name = ?", [dataset]).fetchone()
        if row is None:
            raise UserError(f"没有名为“{dataset}”的数据集。", f"There is no dataset named “{dataset}”.")
        specs = json.loads(row[1] or "[]")
        spec = next((c for c in specs if c["name"] == column), None)
        if spec is None:
            raise UserError(f"数据集“{dataset}”没有列“{column}”。", f"Dataset “{dataset}” has no column “{column}”.")
        spec["aggregation"] = aggregation
        db.execute("UPDATE datasets SET columns = ? WHERE id = ?", [json.dumps(specs, ensure_ascii=False), row[0]])
        evaluate_dataset(db, dataset)   # the daily values changed: so do the alerts their rules raise
