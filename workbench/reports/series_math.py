"""Small time-series arithmetic the dashboard and the alerts share: moving averages, changes against
the previous day / the same weekday last week, and the previous period shifted onto this one.

A series is two parallel lists: ISO dates ('2026-11-25', ascending) and values (float or None).
"""
from __future__ import annotations

from datetime import date, timedelta


def moving_average(values: list[float | None], window: int = 7) -> list[float | None]:
    """Trailing mean over the last `window` points (this one included); None until the window is full
    and wherever the window holds no value at all (empty cells are skipped, not read as 0)."""
    result: list[float | None] = []
    for i in range(len(values)):
        if i + 1 < window:
            result.append(None)
            continue
        present = [v for v in values[i + 1 - window:i + 1] if v is not None]
        result.append(sum(present) / len(present) if present else None)
    return result


def relative_change(current: float | None, previous: float | None) -> float | None:
    """(current − previous) / |previous| as a fraction; None when either is missing or previous is 0."""
    if current is None or previous is None or previous == 0:
        return None
    return (current - previous) / abs(previous)


def value_on(dates: list[str], values: list[float | None], day: str) -> float | None:
    """The value on an exact ISO date, or None (binary search: dates are ascending)."""
    lo, hi = 0, len(dates)
    while lo < hi:
        mid = (lo + hi) // 2
        if dates[mid] < day:
            lo = mid + 1
        else:
            hi = mid
    return values[lo] if lo < len(dates) and dates[lo] == day else None


def shift_day(day: str, days: int) -> str:
    return (date.fromisoformat(day[:10]) + timedelta(days=days)).isoformat()


def day_over_day(dates: list[str], values: list[float | None], day: str) -> float | None:
    """日环比: the change against the calendar day before."""
    return relative_change(value_on(dates, values, day), value_on(dates, values, shift_day(day, -1)))


def week_over_week(dates: list[str], values: list[float | None], day: str) -> float | None:
    """周同比: the change against the same weekday one week earlier."""
    return relative_change(value_on(dates, values, day), value_on(dates, values, shift_day(day, -7)))


def previous_period(dates: list[str], values: list[float | None], period_days: int) -> list[float | None]:
    """For each date, the value `period_days` earlier: the previous period drawn over this one."""
    lookup = dict(zip(dates, values))
    return [lookup.get(shift_day(day, -period_days)) for day in dates]


def last_present(dates: list[str], values: list[float | None]) -> tuple[str, float] | None:
    """The latest (date, value) that holds a value."""
    for day, value in zip(reversed(dates), reversed(values)):
        if value is not None:
            return day, value
    return None
