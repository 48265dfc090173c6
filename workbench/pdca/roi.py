"""ROI = (收益 − 成本) / 成本, for a cycle (its cost and revenue typed in, or summed from its dataset's
cost and revenue columns over the Do window) and for campaign reports (a dataset with a name, a date, a
cost and a revenue column: the weekly sheet lists each campaign's week). Plain Python, no Qt; datasets
are read through the reports feature's API, imported where used (as linked_facts does)."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

COST_WORDS = ("成本", "花费", "投入", "费用", "消耗", "cost", "spend")
REVENUE_WORDS = ("收益", "收入", "营收", "回款", "销售额", "gmv", "revenue", "income")
NAME_WORDS = ("活动", "campaign", "计划", "名称", "渠道", "name", "channel")
NUMERIC = ("money", "integer", "number")


def roi(cost: float | None, revenue: float | None) -> float | None:
    """(revenue − cost) / cost; None without both numbers or when nothing was spent."""
    if cost is None or revenue is None or cost <= 0:
        return None
    return (revenue - cost) / cost


def _named(name: str, words: tuple[str, ...]) -> bool:
    lowered = name.lower()
    return any(word in lowered for word in words)


def roi_columns(columns: list[tuple[str, str]]) -> tuple[str, str] | None:
    """(cost column, revenue column) among [(name, type)] numeric columns, or None. A column named
    like both (成本收入比) is neither."""
    costs = [n for n, t in columns if t in NUMERIC and _named(n, COST_WORDS) and not _named(n, REVENUE_WORDS)]
    revenues = [n for n, t in columns if t in NUMERIC and _named(n, REVENUE_WORDS) and not _named(n, COST_WORDS)]
    return (costs[0], revenues[0]) if costs and revenues else None


def name_column(columns: list[tuple[str, str]]) -> str | None:
    """The text column that names a campaign (活动名称, campaign, 渠道)."""
    return next((n for n, t in columns if t == "text" and _named(n, NAME_WORDS)), None)


@dataclass(frozen=True)
class CampaignRoi:
    dataset: str
    name: str
    cost: float
    revenue: float

    @property
    def roi(self) -> float | None:
        return roi(self.cost, self.revenue)

    def as_dict(self) -> dict:
        return {**asdict(self), "roi": self.roi}


def campaign_rois(dataset: str, rows: list[dict], name: str | None, cost: str, revenue: str) -> list[CampaignRoi]:
    """Cost and revenue summed per campaign (one row per campaign and day in most reports), in the order
    campaigns first appear; rows without a number count as 0 for that column."""
    totals: dict[str, list[float]] = {}
    for row in rows:
        label = str(row.get(name) or "").strip() if name else dataset
        if not label:
            continue
        pair = totals.setdefault(label, [0.0, 0.0])
        pair[0] += _number(row.get(cost))
        pair[1] += _number(row.get(revenue))
    return [CampaignRoi(dataset, label, c, r) for label, (c, r) in totals.items()]


def _number(value) -> float:
    try:
        return float(value) if value not in (None, "") else 0.0
    except (TypeError, ValueError):
        return 0.0


# --- reading datasets ----------------------------------------------------------------------------
def _rows_between(db: Database, info, start: date, end: date) -> list[dict]:
    from workbench.reports.datasets import read_rows

    rows = read_rows(db, info.name)
    return [r for r in rows if start.isoformat() <= str(r.get(info.date_column) or "")[:10] <= end.isoformat()]


def campaigns_between(db: Database, start: date, end: date) -> list[CampaignRoi]:
    """Every dated dataset with cost and revenue columns, its campaigns' totals from start to end
    (inclusive), campaigns without cost or revenue left out."""
    from workbench.reports.datasets import list_datasets

    found: list[CampaignRoi] = []
    for info in list_datasets(db):
        columns = [(c.name, c.type) for c in info.columns]
        pair = roi_columns(columns)
        if pair is None or not info.date_column:
            continue
        rows = _rows_between(db, info, start, end)
        found += [c for c in campaign_rois(info.name, rows, name_column(columns), *pair) if c.cost or c.revenue]
    return found


def dataset_roi(db: Database, dataset: str | None, start: date, end: date) -> CampaignRoi | None:
    """The cycle's metric dataset as one campaign: cost and revenue summed over [start, end]."""
    if not dataset:
        return None
    from workbench.reports.datasets import get_dataset

    info = get_dataset(db, dataset)
    if info is None or not info.date_column:
        return None
    pair = roi_columns([(c.name, c.type) for c in info.columns])
    if pair is None:
        return None
    totals = campaign_rois(dataset, _rows_between(db, info, start, end), None, *pair)
    return totals[0] if totals else None
