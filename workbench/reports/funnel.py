"""Funnels (AARRR or any ordered columns): each step's count, its conversion from the step before and
from the first step."""
from __future__ import annotations

from dataclasses import dataclass


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
