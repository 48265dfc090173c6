"""Cohort retention: from a triangle (one row per cohort date, columns 第1天 … 第30天) or from a flat
daily export with 次日/7日/30日 columns. Unobserved cells stay None — never 0 — and the weighted
average row weights each cohort by its size (新增用户) over the cohorts that observed that period."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

_PERIOD_PATTERNS = [
    (re.compile(r"次日"), lambda m: 1),
    (re.compile(r"第\s*(\d+)\s*[天日]"), lambda m: int(m.group(1))),
    (re.compile(r"第\s*(\d+)\s*周"), lambda m: 7 * int(m.group(1))),
    (re.compile(r"(\d+)\s*[日天]"), lambda m: int(m.group(1))),
    (re.compile(r"\b[Dd](?:ay)?\s*(\d+)\b"), lambda m: int(m.group(1))),
]
_SIZE_HINTS = ("新增", "用户数", "人数", "注册", "cohort", "size", "users", "new")


def retention_period(column_name: str) -> int | None:
    """The day a retention column measures: 次日留存率 → 1, 第7天 → 7, 30日留存 → 30, D14 → 14."""
    for pattern, day in _PERIOD_PATTERNS:
        match = pattern.search(column_name)
        if match:
            return day(match)
    return None


def retention_columns(columns: list[tuple[str, str]]) -> list[tuple[str, int]]:
    """[(name, type)] → the retention columns as [(name, day)] by day. A flat export's column must say
    留存 or be a percent, so 7日均值 or a date-like header is not taken for retention."""
    found = []
    for name, column_type in columns:
        if column_type not in ("percent", "number", "integer"):
            continue
        day = retention_period(name)
        if day is None:
            continue
        if column_type != "percent" and "留存" not in name and not name.strip().startswith("第"):
            continue
        found.append((name, day))
    return sorted(found, key=lambda item: item[1])


def size_column(columns: list[tuple[str, str]], taken: set[str]) -> str | None:
    """The cohort size column (新增用户 / 新增注册 …): an integer column that is not a retention one."""
    candidates = [name for name, column_type in columns
                  if column_type in ("integer", "number") and name not in taken]
    for hint in _SIZE_HINTS:
        for name in candidates:
            if hint in name.lower():
                return name
    return None


@dataclass
class CohortTable:
    cohorts: list[str]                 # ISO dates (or labels), oldest first
    sizes: list[float | None]
    periods: list[int]                 # the day each column measures
    period_labels: list[str]
    cells: list[list[float | None]]    # [cohort][period] fraction, None = not observed
    average: list[float | None]        # the weighted average row

    def curve(self, index: int) -> list[float | None]:
        return self.cells[index]


def weighted_average(cells: list[list[float | None]], sizes: list[float | None]) -> list[float | None]:
    """Per period: Σ size·rate / Σ size over the cohorts that observed it (size missing ⇒ weight 1)."""
    width = max((len(row) for row in cells), default=0)
    average: list[float | None] = []
    for p in range(width):
        total = weight = 0.0
        for row, size in zip(cells, sizes):
            if p < len(row) and row[p] is not None:
                w = size if size not in (None, 0) else 1.0
                total += w * row[p]
                weight += w
        average.append(total / weight if weight else None)
    return average


def build_cohort_table(rows: list[dict], cohort_column: str, period_columns: list[tuple[str, int]],
                       size_column_name: str | None = None, as_of: str | None = None,
                       counts: bool = False) -> CohortTable:
    """rows: {column: value}. period_columns: [(name, day)]. counts=True ⇒ cells hold users, divided by
    the size. as_of: the export date — a 0 in a cell the cohort could not have reached yet is blank."""
    cohorts, sizes, cells = [], [], []
    limit = date.fromisoformat(as_of[:10]) if as_of else None
    for row in rows:
        label = row.get(cohort_column)
        if label in (None, ""):
            continue
        size = row.get(size_column_name) if size_column_name else None
        size = float(size) if isinstance(size, (int, float)) else None
        line: list[float | None] = []
        for name, day in period_columns:
            value = row.get(name)
            if not isinstance(value, (int, float)) or isinstance(value, bool):
                line.append(None)
                continue
            value = float(value)
            if counts:
                value = value / size if size else None
            if value == 0 and limit is not None and _unreached(str(label), day, limit):
                value = None
            line.append(value)
        cohorts.append(str(label))
        sizes.append(size)
        cells.append(line)
    return CohortTable(cohorts, sizes, [d for _, d in period_columns], [n for n, _ in period_columns],
                       cells, weighted_average(cells, sizes))


def _unreached(label: str, day: int, limit: date) -> bool:
    try:
        return date.fromisoformat(label[:10]) + timedelta(days=day) > limit
    except ValueError:
        return False


def cohort_day(label: str) -> date | None:
    try:
        return date.fromisoformat(str(label)[:10])
    except ValueError:
        return None


def is_daily(table: CohortTable) -> bool:
    """Daily cohorts: every label is a date, and at least two fall in one ISO week (so a weekly view
    groups something)."""
    days = [cohort_day(label) for label in table.cohorts]
    if not days or any(d is None for d in days):
        return False
    weeks = [d.isocalendar()[:2] for d in days]
    return len(set(weeks)) < len(weeks)


def week_label(monday: date) -> str:
    from workbench.errors import in_language

    return in_language(f"{monday.isoformat()} 当周", f"Week of {monday.isoformat()}")


def weekly_cohorts(table: CohortTable) -> CohortTable:
    """Daily cohorts grouped by the ISO week (Monday–Sunday) their start day falls in. A week's size is
    the sum of its cohorts' sizes; its rate for a period is Σ size·rate / Σ size over the week's cohorts
    that observed that period (a cohort without a size weighs 1, as in the average row). A period none
    of them observed stays blank."""
    groups: dict[date, list[int]] = {}
    for index, label in enumerate(table.cohorts):
        day = cohort_day(label)
        if day is None:
            return table
        groups.setdefault(day - timedelta(days=day.weekday()), []).append(index)
    cohorts, sizes, cells = [], [], []
    for monday in sorted(groups):
        members = groups[monday]
        known = [table.sizes[i] for i in members if table.sizes[i] is not None]
        cohorts.append(week_label(monday))
        sizes.append(sum(known) if known else None)
        cells.append(weighted_average([table.cells[i] for i in members], [table.sizes[i] for i in members]))
    width = len(table.periods)
    cells = [row + [None] * (width - len(row)) for row in cells]
    # the average row stays the daily cohorts' own: a week's size counts cohorts that have not observed a
    # late period, so averaging the weeks again would weigh those periods wrongly
    return CohortTable(cohorts, sizes, list(table.periods), list(table.period_labels), cells, list(table.average))
