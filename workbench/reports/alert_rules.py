"""Alert rules and their evaluation over one metric's series (pure functions, no database).

Three kinds:
  threshold  the value is below/above a fixed line (活跃用户占比 < 40%)
  change     the value moved by at least `amount` (a fraction) against a basis:
             'day'  the previous point (日环比), 'week' the same weekday a week earlier (周同比),
             'mean' the mean of the previous `window` points (a 20% drop vs the trailing 7-day mean)
  deviation  the value is `amount` standard deviations away from the previous `window` points' mean
direction: 'down' / 'up' / 'both' (for a threshold: below / above).

Two rules keep alerts few and meaningful (issue 19):
  episodes      consecutive points on which a rule fires are one episode, and one alert (episodes());
                a fall that lasts four days is one thing to look at, not four
  minimum base  a change or deviation only counts when the move itself is bigger than the noise of the
                base it is measured against (meaningful_change()):
                  counts (integer columns): |value − reference| ≥ 2·√reference, two standard deviations
                    of a count with that mean (Poisson). 3 → 4 (+33%) moves 1 < 2·√3 ≈ 3.5: no alert;
                    +30% needs a base of 45 (13.5 ≥ 2·√45 ≈ 13.4), +50% a base of 16.
                  rates (percent columns): the move must be at least one percentage point; a rate comes
                    without its denominator, so 0.5% → 0.3% (−40%) is not an alert.
                  other numbers (money, scores): the relative change alone decides.
"""
from __future__ import annotations

import math
import statistics
from dataclasses import dataclass, field

from workbench.reports.series_math import relative_change, shift_day, value_on

KINDS = ("threshold", "change", "deviation")
BASES = ("day", "week", "mean")
DIRECTIONS = ("down", "up", "both")
LEVELS = ("yellow", "orange", "red")
LEVEL_NAMES = {"yellow": "黄色", "orange": "橙色", "red": "红色"}
LEVEL_NAMES_EN = {"yellow": "Yellow", "orange": "Orange", "red": "Red"}
LEVEL_RANK = {"yellow": 1, "orange": 2, "red": 3}
COUNT_NOISE_SIGMAS = 2        # a count's move must reach this many √reference (Poisson standard deviations)
MIN_RATE_MOVE = 0.01          # a rate's move must be at least one percentage point


@dataclass
class AlertRule:
    dataset: str
    metric: str
    kind: str = "change"
    direction: str = "down"
    amount: float = 0.2
    basis: str = "mean"
    window: int = 7
    level: str = "orange"
    enabled: bool = True
    origin: str = "user"      # 'default' when proposed at the first import
    id: int | None = None
    metric_type: str = field(default="number", compare=False)  # for describing thresholds

    def validate(self) -> None:
        from workbench.errors import UserError

        if self.kind not in KINDS or self.direction not in DIRECTIONS or self.basis not in BASES \
                or self.level not in LEVELS:
            raise UserError("预警规则的类型、方向或级别不对。", "The alert rule's kind, direction or level is not valid.")
        if self.kind != "threshold" and self.amount <= 0:
            raise UserError("变化幅度和标准差倍数必须大于 0。", "The change and the number of standard deviations must be above 0.")
        if (self.kind == "deviation" or self.basis == "mean") and not 2 <= self.window <= 366:
            raise UserError("均值窗口应在 2 到 366 个点之间。", "The trailing window must be between 2 and 366 points.")


@dataclass(frozen=True)
class Fired:
    date: str
    value: float
    reference: float   # the line, the previous value or the trailing mean the value was compared with


@dataclass(frozen=True)
class Episode:
    """Consecutive points on which a rule fired: one alert. value/reference are the first point's (what
    set it off); points counts the days (or weeks) it lasted."""
    start: str
    end: str
    points: int
    value: float
    reference: float


def meaningful_change(value: float, reference: float, metric_type: str) -> bool:
    """Whether a move from reference to value is bigger than the noise of its base (the module's
    "minimum base" rule)."""
    move = abs(value - reference)
    if metric_type == "integer":
        return move >= COUNT_NOISE_SIGMAS * math.sqrt(abs(reference))
    if metric_type == "percent":
        return move >= MIN_RATE_MOVE - 1e-12
    return True


def episodes(fired: list[Fired], dates: list[str]) -> list[Episode]:
    """Group fired points that sit on consecutive points of the series (dates: the series' days, in
    order) into episodes, oldest first."""
    position = {day: index for index, day in enumerate(dates)}
    found: list[Episode] = []
    last_index = None
    for point in fired:
        index = position[point.date]
        if found and last_index is not None and index == last_index + 1:
            current = found[-1]
            found[-1] = Episode(current.start, point.date, current.points + 1, current.value, current.reference)
        else:
            found.append(Episode(point.date, point.date, 1, point.value, point.reference))
        last_index = index
    return found


def _crosses(delta: float, limit: float, direction: str) -> bool:
    if direction == "down":
        return delta <= -limit
    if direction == "up":
        return delta >= limit
    return abs(delta) >= limit


def evaluate(rule: AlertRule, series: list[tuple[str, float | None]]) -> list[Fired]:
    """Every point of the series on which the rule fires, oldest first."""
    dates = [d for d, _ in series]
    values = [v for _, v in series]
    fired: list[Fired] = []
    for i, (day, value) in enumerate(series):
        if value is None:
            continue
        reference = _fires(rule, dates, values, i, value)
        if reference is not None:
            fired.append(Fired(day, value, reference))
    return fired


def _trailing(values: list[float | None], i: int, window: int) -> list[float] | None:
    """The previous `window` points, all present, or None."""
    if i < window:
        return None
    previous = values[i - window:i]
    return None if any(v is None for v in previous) else previous  # type: ignore[return-value]


def _fires(rule: AlertRule, dates: list[str], values: list[float | None], i: int, value: float) -> float | None:
    """The reference the value crossed, or None when the rule does not fire here."""
    if rule.kind == "threshold":
        below, above = value < rule.amount, value > rule.amount
        hit = below if rule.direction == "down" else above if rule.direction == "up" else (below or above)
        return rule.amount if hit else None
    if rule.kind == "change":
        if rule.basis == "day":
            reference = values[i - 1] if i > 0 else None
        elif rule.basis == "week":
            reference = value_on(dates, values, shift_day(dates[i], -7))
        else:
            window = _trailing(values, i, rule.window)
            reference = sum(window) / len(window) if window else None
        change = relative_change(value, reference)
        if change is None or not _crosses(change, rule.amount, rule.direction):
            return None
        return reference if meaningful_change(value, reference, rule.metric_type) else None
    window = _trailing(values, i, rule.window)
    if not window or len(window) < 2:
        return None
    mean, sd = statistics.fmean(window), statistics.stdev(window)
    if sd == 0 or not _crosses((value - mean) / sd, rule.amount, rule.direction):
        return None
    return mean if meaningful_change(value, mean, rule.metric_type) else None


def format_amount(amount: float, metric_type: str) -> str:
    if metric_type == "percent":
        return f"{round(amount * 100, 2):g}%"
    return f"{round(amount, 2):,g}"


def describe(rule: AlertRule, lang: str = "zh") -> str:
    """One line: 低于 40% · 较前一日上升 ≥30% · 较前7日均值下降 ≥20% · 偏离前14日均值 ≥2σ."""
    zh = lang.startswith("zh")
    pct = f"{rule.amount * 100:g}%"
    if rule.kind == "threshold":
        line = format_amount(rule.amount, rule.metric_type)
        words = {"down": ("低于", "below"), "up": ("高于", "above"), "both": ("越过", "crosses")}[rule.direction]
        return f"{words[0]} {line}" if zh else f"{words[1]} {line}"
    move_zh = {"down": "下降", "up": "上升", "both": "变化"}[rule.direction]
    move_en = {"down": "falls", "up": "rises", "both": "moves"}[rule.direction]
    if rule.kind == "change":
        if rule.basis == "day":
            return f"较前一日{move_zh} ≥{pct}" if zh else f"{move_en} ≥{pct} vs the previous day"
        if rule.basis == "week":
            return f"较上周同日{move_zh} ≥{pct}" if zh else f"{move_en} ≥{pct} vs the same day last week"
        return (f"较前{rule.window}日均值{move_zh} ≥{pct}" if zh
                else f"{move_en} ≥{pct} vs the trailing {rule.window}-day mean")
    side_zh = {"down": "低于", "up": "高于", "both": "偏离"}[rule.direction]
    side_en = {"down": "below", "up": "above", "both": "away from"}[rule.direction]
    return (f"{side_zh}前{rule.window}日均值 ≥{rule.amount:g}σ" if zh
            else f"≥{rule.amount:g}σ {side_en} the trailing {rule.window}-day mean")


def default_rules(dataset: str, columns: list[tuple[str, str, str]]) -> list[AlertRule]:
    """Rules proposed when a dataset is first imported. columns: [(name, type, role)].

    Only where an alert means something to the operator:
    - rates (percent metrics): a drop of 20% vs the trailing 7-day mean ⇒ 橙色. A cohort triangle (three or
      more retention columns: 第1天 … 第30天) gets this rule on its earliest retention column only: the later
      columns repeat the same cohorts' story days later, and the newest cohorts have not reached them.
    - complaint counts (客诉/投诉/工单 …): 3 standard deviations above the trailing 14-day mean ⇒ 黄色. The
      rule learns how much the count usually swings: a day-over-day +30% fires on ordinary swings of a
      noisy few dozen tickets, and a fixed +50% misses a clear spike in a steady series."""
    from workbench.reports.cohort import retention_columns

    candidates = [(n, t, r) for n, t, r in columns if r == "metric" or (r == "attribute" and t == "percent")]
    cohort = retention_columns([(n, t) for n, t, _ in candidates])
    skipped = {name for name, _ in cohort[1:]} if len(cohort) >= 3 else set()
    rules = []
    for name, column_type, _role in candidates:
        if name in skipped:
            continue
        if column_type == "percent":
            rules.append(AlertRule(dataset, name, "change", "down", 0.2, "mean", 7, "orange",
                                   origin="default", metric_type=column_type))
        elif column_type in ("integer", "number") and any(w in name.lower() for w in COMPLAINT_WORDS):
            rules.append(AlertRule(dataset, name, "deviation", "up", 3.0, "mean", 14, "yellow",
                                   origin="default", metric_type=column_type))
    return rules


COMPLAINT_WORDS = ("客诉", "投诉", "工单", "complaint", "ticket")
