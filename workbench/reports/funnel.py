"""Funnels (AARRR or any ordered columns): each step's count, its conversion from the step before and
from the first step."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta


@dataclass
class FunnelStep:
    name: str
    value: float
    step_rate: float | None     # value / previous step's value (None for the first step)
    overall_rate: float | None  # value / first step's value


def funnel_steps(steps: list[tuple[str, float | None]]) -> list[FunnelStep]:
    """[(name, count)] in funnel order → steps with conversions; a missing count counts as 0."""
    result: list[FunnelStep] = []
    first = None
    previous = None
    for index, (name, value) in enumerate(steps):
        value = float(value or 0)
        if index == 0:
            first = value
            result.append(FunnelStep(name, value, None, 1.0 if value else None))
        else:
            result.append(FunnelStep(name, value, value / previous if previous else None,
                                     value / first if first else None))
        previous = value
    return result


def funnel_from_rows(rows: list[dict], columns: list[str]) -> list[FunnelStep]:
    """Sum each column over the chosen rows (e.g. every week of an AARRR export), then build the funnel."""
    totals = []
    for column in columns:
        totals.append((column, sum(float(r[column]) for r in rows if isinstance(r.get(column), (int, float)))))
    return funnel_steps(totals)


PERIODS = ("all", "this_week", "last_week", "range")


def week_of(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def period_bounds(choice: str, today: date, start: date | None = None,
                  end: date | None = None) -> tuple[date, date] | None:
    """The days (first, last) a funnel period covers: this week and last week run Monday to Sunday
    around `today`; "range" is the typed range (its ends in either order); "all" is None (every row)."""
    if choice == "this_week":
        return week_of(today)
    if choice == "last_week":
        return week_of(today - timedelta(days=7))
    if choice == "range" and start and end:
        return (start, end) if start <= end else (end, start)
    return None


def period_before(bounds: tuple[date, date]) -> tuple[date, date]:
    """The period of the same length that ends the day before `bounds` starts."""
    first, last = bounds
    length = (last - first).days + 1
    return first - timedelta(days=length), first - timedelta(days=1)


@dataclass
class StepChange:
    name: str
    value: float
    previous: float
    change: float | None          # value / previous − 1 (None when the previous is 0)
    step_rate_points: float | None   # this step's conversion from the step before, minus the other period's
    overall_rate_points: float | None


def compare_funnels(current: list[FunnelStep], previous: list[FunnelStep]) -> list[StepChange]:
    """Step by step: the count's relative change and the conversions' change in percentage points (as
    fractions: 0.012 = +1.2 pp)."""
    def diff(a: float | None, b: float | None) -> float | None:
        return a - b if a is not None and b is not None else None

    return [StepChange(now.name, now.value, before.value,
                       now.value / before.value - 1 if before.value else None,
                       diff(now.step_rate, before.step_rate), diff(now.overall_rate, before.overall_rate))
            for now, before in zip(current, previous)]


def clip_to_data(period: tuple[date, date], other: tuple[date, date] | None, last_day: date | None,
                 same_length: bool = True) -> tuple[tuple[date, date], tuple[date, date] | None]:
    """A period that runs past the data's last day (this week, on a Friday) ends on that day; with
    same_length the other period loses as many days at its end, so both count the same weekdays."""
    first, last = period
    if last_day is None or last <= last_day or last_day < first:
        return period, other
    cut = (last - last_day).days
    if other is not None and same_length:
        other = (other[0], max(other[0], other[1] - timedelta(days=cut)))
    return (first, last_day), other
