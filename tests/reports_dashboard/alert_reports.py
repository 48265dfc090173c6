"""Small report datasets shaped like the operator's exports (a daily KPI report, a new-user retention
triangle, a weekly channel report), built in code: ordinary days wander inside a fixed range, and one
release (2026-10-20 … 10-23) drops next-day retention and sends complaints up. The numbers are written
out so a reader can check every alert by hand."""
from __future__ import annotations

from datetime import date, timedelta

FIRST_DAY = date(2026, 9, 1)
LAST_DAY = date(2026, 11, 22)
RELEASE_DAYS = ("2026-10-20", "2026-10-21", "2026-10-22", "2026-10-23")

# 14 ordinary complaint counts, repeated: mean 32.1, the highest 44 is +37% on the lowest trailing mean
COMPLAINTS = [31, 24, 38, 27, 42, 22, 35, 29, 40, 26, 33, 44, 21, 36]
RELEASE_COMPLAINTS = [60, 95, 90, 85]
# next-day retention wobbles ±1.5 points around 41%; the release days sit near 29%
RETENTION_WOBBLE = [0.0, 0.01, -0.005, 0.015, -0.01, 0.005, -0.015]
RELEASE_RETENTION = [0.30, 0.28, 0.29, 0.285]
COHORT_DAYS = (1, 2, 3, 4, 5, 6, 7, 14, 30)


def days() -> list[date]:
    return [FIRST_DAY + timedelta(days=n) for n in range((LAST_DAY - FIRST_DAY).days + 1)]


def next_day_retention(index: int, day: date) -> float:
    iso = day.isoformat()
    if iso in RELEASE_DAYS:
        return RELEASE_RETENTION[RELEASE_DAYS.index(iso)]
    return round(0.41 + RETENTION_WOBBLE[index % 7], 4)


def daily_kpi_rows() -> list[list]:
    rows = []
    for index, day in enumerate(days()):
        iso = day.isoformat()
        complaints = RELEASE_COMPLAINTS[RELEASE_DAYS.index(iso)] if iso in RELEASE_DAYS else COMPLAINTS[index % 14]
        rows.append([iso, 1200 + 37 * (index % 5), next_day_retention(index, day),
                     round(0.20 + RETENTION_WOBBLE[(index + 3) % 7] / 2, 4), complaints])
    return rows


DAILY_KPI_COLUMNS = ["日期", {"name": "新增注册", "type": "integer"}, {"name": "次日留存率", "type": "percent"},
                     {"name": "7日留存率", "type": "percent"}, {"name": "客诉量", "type": "integer"}]


def cohort_rows() -> list[list]:
    """One row per day's new users; retention on day N decays from the day-1 rate; a cohort has no value
    ("-") for a day it has not reached by LAST_DAY, which makes the triangle."""
    rows = []
    for index, day in enumerate(days()):
        first = next_day_retention(index, day)
        cells = []
        for n in COHORT_DAYS:
            reached = day + timedelta(days=n) <= LAST_DAY
            cells.append(round(first * (0.93 ** (n - 1)), 4) if reached else "-")
        rows.append([day.isoformat(), 1200 + 37 * (index % 5), *cells])
    return rows


COHORT_COLUMNS = ["日期", {"name": "新增用户", "type": "integer"},
                  *({"name": f"第{n}天", "type": "percent"} for n in COHORT_DAYS)]


def weekly_channel_rows() -> list[list]:
    mondays = [date(2026, 9, 7) + timedelta(weeks=n) for n in range(11)]
    return [[monday.isoformat(), 5400 + 120 * (n % 3), round(0.18 + 0.004 * (n % 4), 4)] for n, monday in enumerate(mondays)]


WEEKLY_COLUMNS = ["周", {"name": "注册", "type": "integer"}, {"name": "注册→首借转化率", "type": "percent"}]


def import_all(db) -> None:
    from workbench.reports.datasets import create_dataset_from_rows

    create_dataset_from_rows(db, "核心指标日报", DAILY_KPI_COLUMNS, daily_kpi_rows())
    create_dataset_from_rows(db, "新增用户留存", COHORT_COLUMNS, cohort_rows())
    create_dataset_from_rows(db, "渠道周报", WEEKLY_COLUMNS, weekly_channel_rows())
