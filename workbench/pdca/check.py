"""The automatic Check of a PDCA cycle: pure functions over plain data, no database, no Qt.

A cycle's metric is compared over two windows around the day Do started:
  baseline window  [do_start - baseline_days, do_start - 1]
  Do window        [do_start, until]            (until = the day of the Check, else today)
Change, whether the target was reached and how the result compares with the operator's numeric
prediction follow from the two means. Linked contacts/findings are counted over the same windows,
as a rate per day because the windows need not be equally long.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date, timedelta

DEFAULT_BASELINE_DAYS = 14


@dataclass(frozen=True)
class Window:
    start: date
    end: date  # inclusive

    @property
    def days(self) -> int:
        return max((self.end - self.start).days + 1, 0)

    def holds(self, day: date) -> bool:
        return self.start <= day <= self.end


def baseline_window(do_start: date, baseline_days: int = DEFAULT_BASELINE_DAYS) -> Window:
    return Window(do_start - timedelta(days=baseline_days), do_start - timedelta(days=1))


def do_window(do_start: date, until: date) -> Window:
    return Window(do_start, max(until, do_start))


def _as_date(value) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except (TypeError, ValueError):
        return None


def window_values(series: Iterable[tuple[object, float | None]], window: Window) -> list[float]:
    """The numeric values of series [(day, value)] whose day falls in the window."""
    values = []
    for day, value in series:
        parsed = _as_date(day)
        if parsed is not None and value is not None and window.holds(parsed):
            try:
                values.append(float(value))
            except (TypeError, ValueError):
                continue
    return values


def mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def change(before: float | None, after: float | None) -> tuple[float | None, float | None]:
    """(absolute change, relative change as a fraction); the fraction is None when before is 0."""
    if before is None or after is None:
        return None, None
    absolute = after - before
    return absolute, (absolute / abs(before) if before else None)


def direction(baseline: float | None, target: float | None) -> str:
    """'up' when the goal is to raise the metric, 'down' when to lower it."""
    if baseline is None or target is None:
        return "up"
    return "down" if target < baseline else "up"


def reached(value: float | None, goal: float | None, goal_direction: str) -> bool | None:
    if value is None or goal is None:
        return None
    return value <= goal if goal_direction == "down" else value >= goal


@dataclass(frozen=True)
class CheckResult:
    baseline_start: str
    baseline_end: str
    do_start: str
    do_end: str
    before_mean: float | None
    after_mean: float | None
    before_points: int
    after_points: int
    change_abs: float | None
    change_pct: float | None
    direction: str
    target: float | None
    target_reached: bool | None
    prediction: float | None
    prediction_gap: float | None  # after - prediction
    prediction_met: bool | None   # the result is at least as good as predicted
    dataset_missing: bool = False  # the metric's dataset is gone: no ratio to show


    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "CheckResult":
        values = {name: data.get(name) for name in cls.__dataclass_fields__}
        values["dataset_missing"] = bool(values["dataset_missing"])
        return cls(**values)

    @property
    def has_data(self) -> bool:
        return self.before_mean is not None and self.after_mean is not None


def compute_check(series: Iterable[tuple[object, float | None]], *, do_start: date, until: date,
                  baseline: float | None, target: float | None, prediction: float | None = None,
                  baseline_days: int = DEFAULT_BASELINE_DAYS) -> CheckResult:
    series = list(series)
    before_window = baseline_window(do_start, baseline_days)
    after_window = do_window(do_start, until)
    before = mean(window_values(series, before_window))
    after = mean(window_values(series, after_window))
    absolute, relative = change(before, after)
    goal_direction = direction(baseline if baseline is not None else before, target)
    gap = after - prediction if after is not None and prediction is not None else None
    return CheckResult(
        baseline_start=before_window.start.isoformat(), baseline_end=before_window.end.isoformat(),
        do_start=after_window.start.isoformat(), do_end=after_window.end.isoformat(),
        before_mean=before, after_mean=after,
        before_points=len(window_values(series, before_window)),
        after_points=len(window_values(series, after_window)),
        change_abs=absolute, change_pct=relative, direction=goal_direction, target=target,
        target_reached=reached(after, target, goal_direction), prediction=prediction,
        prediction_gap=gap, prediction_met=reached(after, prediction, goal_direction),
    )


@dataclass(frozen=True)
class CountComparison:
    before: int
    after: int
    before_per_day: float
    after_per_day: float

    def as_dict(self) -> dict:
        return asdict(self)


def count_in_windows(days: Iterable[object], before: Window, after: Window) -> CountComparison:
    """How many dated items (contacts, findings) fall in each window, and per day."""
    n_before = n_after = 0
    for value in days:
        day = _as_date(value)
        if day is None:
            continue
        if before.holds(day):
            n_before += 1
        elif after.holds(day):
            n_after += 1
    return CountComparison(n_before, n_after, n_before / before.days if before.days else 0.0,
                           n_after / after.days if after.days else 0.0)
