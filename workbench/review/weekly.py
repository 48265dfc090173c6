"""Weekly aggregation: pure functions over plain rows (the review's arithmetic, tested by hand)."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date

from workbench.review.weeks import IsoWeek

QUADRANT_KEYS = ("q1", "q2", "q3", "q4", "inbox")


def share(part: int | float, whole: int | float) -> float | None:
    return part / whole if whole else None


def week_over_week(this: float | None, previous: float | None) -> tuple[float | None, float | None]:
    """(absolute, fraction) change of this week against the previous one."""
    if this is None or previous is None:
        return None, None
    return this - previous, ((this - previous) / abs(previous) if previous else None)


def week_mean(series: Iterable[tuple[object, float | None]], week: IsoWeek) -> float | None:
    start, end = week.monday.isoformat(), week.sunday.isoformat()
    values = [float(v) for d, v in series if v is not None and start <= str(d)[:10] <= end]
    return sum(values) / len(values) if values else None


def daily_values(series: Iterable[tuple[object, float | None]], days: list[date]) -> list[float | None]:
    """One value per day (None where the series has none)."""
    by_day = {str(d)[:10]: v for d, v in series}
    return [by_day.get(day.isoformat()) for day in days]


def counts_by(values: Iterable[str | None], empty: str = "—") -> dict[str, int]:
    """Counts per value, largest first (ties by name), empty values under `empty`."""
    counter = Counter((v if v not in (None, "") else empty) for v in values)
    return dict(sorted(counter.items(), key=lambda item: (-item[1], item[0])))


def day_of(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def is_overdue_in_week(due: str | None, status: str, done_at: str | None, week: IsoWeek, today: date) -> bool:
    """Due on a day of the week that has passed, and not done by that day (dropped tasks excluded)."""
    due_day = day_of(due)
    if due_day is None or status == "dropped" or not (week.monday <= due_day <= week.sunday) or due_day >= today:
        return False
    done_day = day_of(done_at) if status == "done" else None
    return done_day is None or done_day > due_day


def is_rolled_over(due: str | None, created_at: str, status: str, done_at: str | None, week: IsoWeek) -> bool:
    """Due by the end of the week, existing then, and still open when the week ended (or now)."""
    due_day = day_of(due)
    if due_day is None or due_day > week.sunday or (day_of(created_at) or week.monday) > week.sunday:
        return False
    if status == "open":
        return True
    closed = day_of(done_at)
    return closed is not None and closed > week.sunday
