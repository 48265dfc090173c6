"""Data for each chart kind, read from a dataset through the dataset API (plain lists, no Qt)."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from workbench.reports import datasets
from workbench.reports.chart_suggest import ROWS_PER_USER, Suggestion, is_total_label, suggest
from workbench.reports.cohort import CohortTable, build_cohort_table, is_daily, weekly_cohorts
from workbench.reports.funnel import FunnelStep, funnel_steps
from workbench.reports.rfm import RfmResult, compute_rfm
from workbench.reports.series_math import moving_average, previous_period

if TYPE_CHECKING:
    from sqlite_utils import Database


def column_triples(info: datasets.DatasetInfo) -> list[tuple[str, str, str]]:
    return [(c.name, c.type, c.role) for c in info.columns]


def count_totals(db: Database, info: datasets.DatasetInfo) -> dict[str, float]:
    """Σ of every integer/number metric (one SQL pass), leaving out totals rows."""
    cols = [c for c in info.columns if c.type in ("integer", "number") and c.role == "metric"]
    if not cols:
        return {}
    dims = [c for c in info.columns if c.type == "text" and c.role in ("key", "dimension")]
    where = ""
    if dims:
        where = f" WHERE coalesce([{dims[0].sql}], '') NOT IN ('合计', '总计', '汇总', '小计')"
    row = db.execute(f"SELECT {', '.join(f'total([{c.sql}])' for c in cols)} FROM [{info.table_name}]{where}").fetchone()
    return {c.name: float(v or 0) for c, v in zip(cols, row)}


def suggestions_for(db: Database, info: datasets.DatasetInfo) -> list[Suggestion]:
    return suggest(info.name, column_triples(info), bool(info.date_column), count_totals(db, info))


def richness(info: datasets.DatasetInfo) -> tuple:
    """A daily report keyed by date with many metrics beats a cohort triangle or a list of rows."""
    from workbench.reports.cohort import retention_columns

    metrics = len(info.metrics)
    key_dates = int(bool(info.date_column and info.date_column in info.key_columns))
    cohort_like = len(retention_columns([(c.name, c.type) for c in info.metrics])) * 2 > metrics
    return (key_dates * 2 - int(cohort_like), metrics, info.date_max or "")


def _preference(s: Suggestion, info: datasets.DatasetInfo) -> tuple:
    """Which dataset a kind opens on first: the richest daily report for a trend, a channel
    breakdown for bars; then the most recent data."""
    key_dates = int(bool(info.date_column and info.date_column in info.key_columns))
    metrics = len(info.metrics)
    if s.kind == "bars":
        dim = s.params.get("dimension", "")
        return (int(any(w in dim.lower() for w in ("渠道", "channel", "来源"))), metrics, info.date_max or "")
    if s.kind == "funnel":
        aarrr = sum(any(w in step for w in ("获取", "激活", "留存", "收入", "推荐")) for step in s.params["steps"])
        return (len(s.params["steps"]) + aarrr, metrics, info.date_max or "")
    if s.kind in ("trend", "distribution"):
        return richness(info)
    return (key_dates, metrics, info.date_max or "")


def all_suggestions(db: Database) -> list[Suggestion]:
    """Every fitting (kind, dataset), the best first within each kind."""
    ranked = []
    for info in datasets.list_datasets(db):
        for s in suggestions_for(db, info):
            ranked.append((_preference(s, info), s))
    ranked.sort(key=lambda item: item[0], reverse=True)  # same-shape tuples: (int, int, str)
    return [s for _, s in ranked]


@dataclass
class TrendData:
    dates: list[str]
    series: dict[str, list[float | None]]          # metric → values
    types: dict[str, str]
    moving: dict[str, list[float | None]]           # metric → 7-day moving average
    previous: dict[str, list[float | None]]         # metric → the previous period's values


def trend_data(db: Database, dataset: str, metrics: list[str], window: int = 7,
               previous_days: int | None = None) -> TrendData:
    """One date axis for all metrics (union of dates); previous_days None ⇒ the period is the whole span."""
    info = datasets.get_dataset(db, dataset)
    per_metric = {m: dict(datasets.read_series(db, dataset, m)) for m in metrics}
    dates = sorted({d for values in per_metric.values() for d in values})
    series = {m: [per_metric[m].get(d) for d in dates] for m in metrics}
    span = previous_days or max(len(dates), 1)
    return TrendData(dates, series, {m: info.column(m).type for m in metrics},
                     {m: moving_average(v, window) for m, v in series.items()},
                     {m: previous_period(dates, v, span) for m, v in series.items()})


MAX_BARS = 20  # more bars than this is no longer a chart anyone reads: the smallest are summed into 其他
OTHERS = "其他"


def bars_data(db: Database, dataset: str, dimension: str, metric: str, descending: bool = True,
              most: int = MAX_BARS) -> list[tuple[str, float]]:
    """The metric per dimension value by the column's aggregation (the mean for rates, scores and
    averages such as a 1–5 满意度; the number of filled rows for a counted column; else Σ), totals
    rows left out, sorted; beyond `most` values, the top most-1 and one 其他 bar for the rest. Summed in SQL: at 100k rows
    a Python pass took 0.3 s."""
    info = datasets.get_dataset(db, dataset)
    label_column, value_column = info.column(dimension), info.column(metric)
    is_rate = value_column.type == "percent" or value_column.aggregation == "mean"
    counted = value_column.aggregation == "count"
    label, value = datasets.quote(label_column.sql), datasets.quote(value_column.sql)
    sums: dict[str, float] = defaultdict(float)
    counts: dict[str, int] = defaultdict(int)
    for raw, total, n in db.execute(
            f"SELECT {label}, total({value}), count(*) FROM {datasets.quote(info.table_name)}"
            f" WHERE {label} IS NOT NULL AND {label} != ''"
            + (f" AND {value} IS NOT NULL AND {value} != ''" if counted else f" AND typeof({value}) IN ('integer', 'real')") +
            f" GROUP BY {label}"):
        text = str(datasets.decode(label_column, raw))
        if is_total_label(text):
            continue
        sums[text] += n if counted else total
        counts[text] += n
    ranked = sorted(sums, key=lambda k: sums[k] / counts[k] if is_rate else sums[k], reverse=True)
    if len(ranked) > most:
        rest = ranked[most - 1:]
        ranked = ranked[:most - 1]
        sums[OTHERS] = sum(sums[k] for k in rest) + sums.get(OTHERS, 0.0)
        counts[OTHERS] = sum(counts[k] for k in rest) + counts.get(OTHERS, 0)
        ranked.append(OTHERS)
    result = [(k, sums[k] / counts[k] if is_rate else sums[k]) for k in ranked]
    shown = sorted(result[:-1] if OTHERS in ranked else result, key=lambda item: item[1], reverse=descending)
    return shown + ([result[-1]] if OTHERS in ranked else [])  # 其他 stays last, whatever the order


def funnel_data(db: Database, dataset: str, steps: list[str],
                period: tuple[date, date] | None = None) -> list[FunnelStep]:
    """Each step's sum over the rows whose date falls in `period` (first, last; None = every row),
    totals rows left out. Summed in SQL, grouped by the first dimension so its totals rows can be
    dropped: a Python pass over a big export would hold the window."""
    info = datasets.get_dataset(db, dataset)
    dims = [c for c in info.columns if c.type == "text" and c.role in ("key", "dimension")]
    cols = [info.column(step) for step in steps]
    label = datasets.quote(dims[0].sql) if dims else "NULL"
    where, params = "", []
    if period is not None:
        if not info.date_column:
            from workbench.errors import UserError

            raise UserError(f"数据集“{dataset}”没有日期列，不能按时段看漏斗。",
                            f"The dataset “{dataset}” has no date column, so its funnel cannot be cut by period.")
        day = datasets.quote(info.column(info.date_column).sql)
        where, params = f" WHERE substr({day}, 1, 10) BETWEEN ? AND ?", [period[0].isoformat(), period[1].isoformat()]
    sums = [0.0] * len(cols)
    for row in db.execute(f"SELECT {label}, {', '.join(f'total({datasets.quote(c.sql)})' for c in cols)} "
                          f"FROM {datasets.quote(info.table_name)}{where} GROUP BY {label}", params):
        if dims and is_total_label(datasets.decode(dims[0], row[0])):
            continue
        sums = [a + float(b or 0) for a, b in zip(sums, row[1:])]
    return funnel_steps(list(zip(steps, sums)))


def retention_data(db: Database, dataset: str, cohort: str, periods: list[tuple[str, int]],
                   size: str | None, grouping: str = "day") -> CohortTable:
    """grouping "week": daily cohorts grouped by the ISO week they started in (cohort.weekly_cohorts)."""
    table = _retention_table(db, dataset, cohort, periods, size)
    return weekly_cohorts(table) if grouping == "week" and is_daily(table) else table


def _retention_table(db: Database, dataset: str, cohort: str, periods: list[tuple[str, int]],
                     size: str | None) -> CohortTable:
    info = datasets.get_dataset(db, dataset)
    columns = [cohort] + [n for n, _ in periods] + ([size] if size else [])
    rows = datasets.read_rows(db, dataset, columns)
    counts = all(info.column(n).type != "percent" for n, _ in periods) and size is not None and any(
        isinstance(r.get(n), (int, float)) and r.get(n) > 1 for r in rows for n, _ in periods)
    return build_cohort_table(rows, cohort, periods, size, as_of=info.date_max, counts=counts)


def rfm_data(db: Database, dataset: str, id_column: str, recency: str, frequency: str, monetary: str,
             as_of: str | None = None) -> RfmResult:
    """One score per user. frequency ROWS_PER_USER: an order list, summed in SQL per user — the newest
    date, the number of rows, the total amount."""
    ids, last, freq, money = [], [], [], []
    info = datasets.get_dataset(db, dataset)
    table = datasets.quote(info.table_name)
    if frequency == ROWS_PER_USER:
        user, day, amount = (datasets.quote(info.column(c).sql) for c in (id_column, recency, monetary))
        sql = (f"SELECT {user}, max({day}), count(*), total({amount}) FROM {table} "
               f"WHERE {user} IS NOT NULL AND {user} != '' GROUP BY {user}")
    else:
        cols = [info.column(c) for c in (id_column, recency, frequency, monetary)]
        sql = f"SELECT {', '.join(datasets.quote(c.sql) for c in cols)} FROM {table}"
    for row in db.execute(sql):
        ids.append(row[0])
        last.append(row[1])
        freq.append(row[2])
        money.append(row[3])
    return compute_rfm(ids, last, freq, money, as_of)


def rfm_recall_rows(db: Database, dataset: str, result: RfmResult, segment: str, id_column: str) -> list[dict]:
    """The chosen segment's users as rows for contacts' find_or_create_users: the id plus the columns a
    user record can hold (phone, channel …) as they are in the dataset; one row per user (an order list
    gives its user's latest row)."""
    wanted = set(result.ids[i] for i in result.members(segment))
    rows: dict = {}
    for row in datasets.read_rows(db, dataset):   # by date: a later row replaces an earlier one
        if row.get(id_column) in wanted:
            rows[row.get(id_column)] = {k: v for k, v in row.items() if v not in (None, "")}
    return list(rows.values())


def histogram(values: list[float | None], bins: int = 20) -> tuple[list[float], list[int]]:
    """Bin edges (bins+1) and counts of the present values."""
    present = [float(v) for v in values if isinstance(v, (int, float))]
    if not present:
        return [], []
    lo, hi = min(present), max(present)
    if lo == hi:
        lo, hi = lo - 0.5, hi + 0.5
    width = (hi - lo) / bins
    counts = [0] * bins
    for v in present:
        counts[min(int((v - lo) / width), bins - 1)] += 1
    return [lo + i * width for i in range(bins + 1)], counts


def distribution_values(db: Database, dataset: str, metric: str) -> list[float]:
    info = datasets.get_dataset(db, dataset)
    column = info.column(metric)
    return [float(v) for (v,) in db.execute(f"SELECT [{column.sql}] FROM [{info.table_name}] WHERE [{column.sql}] IS NOT NULL")
            if isinstance(v, (int, float))]
