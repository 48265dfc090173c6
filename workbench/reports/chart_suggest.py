"""Which chart kinds a dataset's columns fit, with sensible first choices of columns.

Kinds: trend (a date column + numbers), bars (a text dimension + numbers), funnel (≥3 counts whose
totals shrink step by step), retention (次日/7日/第N天 columns), rfm (a user list: an id, a last-seen
date, a count and an amount; or an order list: a user id, a date and an amount per order, the orders
counted), distribution (any number)."""
from __future__ import annotations

from dataclasses import dataclass, field

from workbench.reports.cohort import retention_columns, size_column
from workbench.reports.column_types import chart_dimensions

KINDS = ("trend", "bars", "funnel", "retention", "rfm", "distribution")
ROWS_PER_USER = "\x00rows"   # RFM's frequency without a count column: the number of the user's rows
NUMERIC = ("integer", "number", "percent", "money")
_TREND_HINTS = ("dau", "次日留存", "留存", "活跃", "新增", "首借")
_TOTAL_LABELS = {"合计", "总计", "汇总", "小计", "total", "sum"}


@dataclass
class Suggestion:
    kind: str
    dataset: str
    params: dict = field(default_factory=dict)


def is_total_label(value) -> bool:
    return isinstance(value, str) and value.strip().lower() in _TOTAL_LABELS


def funnel_run(columns: list[str], totals: dict[str, float]) -> list[str]:
    """The longest run (≥3) of consecutive count columns whose totals never grow: a funnel."""
    best: list[str] = []
    run: list[str] = []
    for name in columns:
        total = totals.get(name)
        if total is None or total <= 0:
            run = []
            continue
        if run and total > totals[run[-1]]:
            run = []  # it grew: a new funnel may start here
        run.append(name)
        if len(run) > len(best):
            best = list(run)
    return best if len(best) >= 3 else []


def _pick(names: list[str], hints: tuple[str, ...]) -> str | None:
    for hint in hints:
        for name in names:
            if hint in name.lower():
                return name
    return None


def rfm_columns(columns: list[tuple[str, str, str]]) -> dict | None:
    """{"id", "recency", "frequency", "monetary"} for a user list, or None."""
    ids = [n for n, t, r in columns if t == "text" and r in ("key", "attribute", "dimension")]
    dates = [n for n, t, _ in columns if t in ("date", "datetime")]
    counts = [n for n, t, _ in columns if t in ("integer", "number")]
    amounts = [n for n, t, _ in columns if t in ("money", "number", "integer")]
    hinted_id = _pick(ids, ("用户id", "用户编号", "user", "id", "会员", "客户"))
    user_id = hinted_id or (ids[0] if ids else None)
    recency = _pick(dates, ("最近", "最后", "last", "latest")) or (dates[-1] if dates else None)
    frequency = _pick(counts, ("次数", "频次", "笔数", "单数", "count", "times", "orders"))
    monetary = _pick([n for n, t, _ in columns if t == "money"], ("金额", "amount", "")) or \
        _pick(amounts, ("金额", "amount", "gmv", "消费", "借款额"))
    if frequency is None and hinted_id:
        frequency = ROWS_PER_USER   # an order list: each user's rows are counted
    if not (user_id and recency and frequency and monetary) or frequency == monetary:
        return None
    return {"id": user_id, "recency": recency, "frequency": frequency, "monetary": monetary}


def suggest(name: str, columns: list[tuple[str, str, str]], has_date: bool,
            totals: dict[str, float] | None = None) -> list[Suggestion]:
    """columns: [(name, type, role)] in order; totals: the sum of each count column (for funnels)."""
    metrics = [n for n, t, r in columns if t in NUMERIC and r == "metric"]
    dims = [n for n in chart_dimensions(columns) if dict((c[0], c[1]) for c in columns)[n] == "text"]
    out: list[Suggestion] = []
    if has_date and metrics:
        headline = sorted(metrics, key=lambda m: next((i for i, h in enumerate(_TREND_HINTS) if h in m.lower()),
                                                      len(_TREND_HINTS)))
        out.append(Suggestion("trend", name, {"metrics": headline[:2]}))
    if dims and metrics:
        preferred = _pick(metrics, ("首借", "cac", "注册", "转化")) or metrics[0]
        out.append(Suggestion("bars", name, {"dimension": dims[0], "metric": preferred}))
    counts = [n for n, t, r in columns if t in ("integer", "number") and r == "metric"]
    run = funnel_run(counts, totals or {})
    if run:
        out.append(Suggestion("funnel", name, {"steps": run}))
    typed = [(n, t) for n, t, _ in columns]
    retention = retention_columns(typed)
    cohort_col = next((n for n, t, _ in columns if t in ("date", "datetime")), None)
    if retention and cohort_col:
        out.append(Suggestion("retention", name, {
            "cohort": cohort_col, "periods": retention,
            "size": size_column(typed, {n for n, _ in retention})}))
    rfm = rfm_columns(columns)
    if rfm:
        out.append(Suggestion("rfm", name, rfm))
    if metrics:
        out.append(Suggestion("distribution", name, {"metric": metrics[0]}))
    return out
