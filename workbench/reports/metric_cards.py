"""What a metric card shows: the latest value, 日环比, 周同比 (same weekday last week), a sparkline and
the colour of the worst open alert on that metric. Plain data; the dashboard draws it."""
from __future__ import annotations

from dataclasses import dataclass, field

from workbench.reports.series_math import day_over_day, last_present, week_over_week

SPARKLINE_POINTS = 30


@dataclass
class MetricCard:
    dataset: str
    metric: str
    type: str                      # the column type: percent/money/integer/number
    latest_date: str | None = None
    latest: float | None = None
    day_change: float | None = None    # fraction, vs the day before
    week_change: float | None = None   # fraction, vs the same weekday last week
    sparkline: list[float | None] = field(default_factory=list)
    alert_level: str | None = None     # 'yellow' | 'orange' | 'red' | None


def card_from_series(dataset: str, metric: str, column_type: str, series: list[tuple[str, float | None]],
                     alert_level: str | None = None) -> MetricCard:
    dates = [d for d, _ in series]
    values = [v for _, v in series]
    card = MetricCard(dataset, metric, column_type, alert_level=alert_level,
                      sparkline=values[-SPARKLINE_POINTS:])
    latest = last_present(dates, values)
    if latest:
        card.latest_date, card.latest = latest
        card.day_change = day_over_day(dates, values, card.latest_date)
        card.week_change = week_over_week(dates, values, card.latest_date)
    return card


def format_value(value: float | None, column_type: str) -> str:
    """A card's big number: 45.2% / ¥1,234,567 / 12,345 / 3.14."""
    if value is None:
        return "—"
    if column_type == "percent":
        return f"{value * 100:.1f}%"
    if column_type == "money":
        return f"¥{value:,.0f}" if abs(value) >= 100 else f"¥{value:,.2f}"
    # A mean of small numbers (a 1–5 score: 3.67) keeps its decimals; at 100 and above they are noise
    # (a week's mean DAU reads 62,030, not 62,029.50), as with money.
    if float(value).is_integer() or abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:,.2f}"


def format_change(change: float | None) -> str:
    if change is None:
        return "—"
    arrow = "↑" if change > 0 else "↓" if change < 0 else ""
    return f"{arrow}{abs(change) * 100:.1f}%"
