"""Checking a change against a control group (对照组): each group's rate or mean with its count, the
difference with a 95% interval and a p-value, and one plain sentence on whether it could be chance.

Rates (converted yes/no, retained) use the two-proportion z-test: the p-value from the pooled standard
error, the interval from the unpooled one (the usual textbook pairing). Means (amounts) use Welch's
t-test, which does not assume equal variances. The distributions come from scipy.stats (imported when a
test runs: it is heavy and most screens never need it). Plain Python, no Qt, no database.
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass

RATE, MEAN = "rate", "mean"
ALPHA = 0.05
POWER = 0.8

# Group labels, lower-cased: the first list names the control, the second the changed version.
CONTROL_WORDS = ("对照", "control", "原版", "旧版", "baseline")
TREATMENT_WORDS = ("实验", "treatment", "test", "新版", "variant")
GROUP_COLUMN_WORDS = ("组", "group", "版本", "variant", "实验", "bucket")
YES = {"1", "1.0", "是", "yes", "y", "true", "t", "已转化", "转化", "converted", "留存", "已留存", "retained", "成功"}
NO = {"0", "0.0", "否", "no", "n", "false", "f", "未转化", "not converted", "流失", "未留存", "churned", "失败", ""}


@dataclass(frozen=True)
class GroupStats:
    label: str
    n: int
    value: float          # the rate (successes / n) or the mean
    successes: int | None = None
    sd: float | None = None


@dataclass(frozen=True)
class Comparison:
    kind: str             # RATE | MEAN
    control: GroupStats
    treatment: GroupStats
    difference: float     # treatment − control
    low: float            # 95% interval of the difference
    high: float
    p_value: float
    statistic: float      # z or Welch's t
    test: str             # "two-proportion z-test" | "Welch's t-test"

    @property
    def significant(self) -> bool:
        return self.p_value < ALPHA

    @property
    def relative_lift(self) -> float | None:
        return self.difference / self.control.value if self.control.value else None

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Comparison":
        values = dict(data)
        values["control"] = GroupStats(**data["control"])
        values["treatment"] = GroupStats(**data["treatment"])
        return cls(**values)


def compare_rates(control: tuple[str, int, int], treatment: tuple[str, int, int]) -> Comparison:
    """Two-proportion z-test. control/treatment: (label, successes, n)."""
    from scipy.stats import norm

    (label_a, x_a, n_a), (label_b, x_b, n_b) = control, treatment
    if n_a < 1 or n_b < 1:
        raise ValueError("each group needs at least one user")
    p_a, p_b = x_a / n_a, x_b / n_b
    pooled = (x_a + x_b) / (n_a + n_b)
    se_pooled = math.sqrt(pooled * (1 - pooled) * (1 / n_a + 1 / n_b))
    z = (p_b - p_a) / se_pooled if se_pooled else 0.0
    p_value = float(2 * norm.sf(abs(z))) if se_pooled else 1.0
    margin = norm.ppf(1 - ALPHA / 2) * math.sqrt(p_a * (1 - p_a) / n_a + p_b * (1 - p_b) / n_b)
    margin = float(margin)
    return Comparison(RATE, GroupStats(label_a, n_a, p_a, successes=x_a), GroupStats(label_b, n_b, p_b, successes=x_b),
                      p_b - p_a, p_b - p_a - margin, p_b - p_a + margin, p_value, float(z), "two-proportion z-test")


def compare_means(control: tuple[str, list[float]], treatment: tuple[str, list[float]]) -> Comparison:
    """Welch's t-test. control/treatment: (label, values); each group needs two values or more."""
    from scipy.stats import ttest_ind

    (label_a, a), (label_b, b) = control, treatment
    if len(a) < 2 or len(b) < 2:
        raise ValueError("each group needs at least two values")
    result = ttest_ind(b, a, equal_var=False)
    interval = result.confidence_interval(1 - ALPHA)
    mean_a, mean_b = sum(a) / len(a), sum(b) / len(b)
    p_value = float(result.pvalue) if not math.isnan(result.pvalue) else 1.0
    return Comparison(MEAN, GroupStats(label_a, len(a), mean_a, sd=_sd(a)), GroupStats(label_b, len(b), mean_b, sd=_sd(b)),
                      mean_b - mean_a, _finite(interval.low, mean_b - mean_a), _finite(interval.high, mean_b - mean_a),
                      p_value, _finite(result.statistic, 0.0), "Welch's t-test")


def _sd(values: list[float]) -> float:
    import statistics

    return statistics.stdev(values)


def _finite(value, fallback: float) -> float:
    value = float(value)
    return fallback if math.isnan(value) else value


# --- sample size ---------------------------------------------------------------------------------
def users_per_group_for_rates(baseline_rate: float, relative_lift: float, *, alpha: float = ALPHA,
                              power: float = POWER) -> int:
    """Users needed in each group to see baseline_rate rise by relative_lift (0.2 = +20%) with the given
    power in a two-sided test (Fleiss' formula without continuity correction):
    n = (z₁₋α/₂·√(2·p̄(1−p̄)) + z₁₋β·√(p₁(1−p₁)+p₂(1−p₂)))² / (p₂−p₁)²."""
    from scipy.stats import norm

    p1 = baseline_rate
    p2 = baseline_rate * (1 + relative_lift)
    if not 0 < p1 < 1 or not 0 < p2 < 1 or p1 == p2:
        raise ValueError("rates must lie between 0 and 1 and differ")
    mean_rate = (p1 + p2) / 2
    top = (norm.ppf(1 - alpha / 2) * math.sqrt(2 * mean_rate * (1 - mean_rate))
           + norm.ppf(power) * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2)))
    return math.ceil(top ** 2 / (p2 - p1) ** 2)


def users_per_group_for_means(sd: float, difference: float, *, alpha: float = ALPHA, power: float = POWER) -> int:
    """Users needed in each group to see a difference of means with the given power:
    n = 2·(z₁₋α/₂ + z₁₋β)²·σ² / δ²."""
    from scipy.stats import norm

    if sd <= 0 or difference == 0:
        raise ValueError("the standard deviation must be above 0 and the difference not 0")
    return math.ceil(2 * (norm.ppf(1 - alpha / 2) + norm.ppf(power)) ** 2 * sd ** 2 / difference ** 2)


# --- from rows -----------------------------------------------------------------------------------
def is_group_column(name: str, values: list) -> bool:
    """A column that splits users into two to five groups and is named like one (组, 版本, A/B …)."""
    distinct = {str(v).strip() for v in values if v not in (None, "")}
    lowered = name.lower().replace("/", "")
    named = lowered.startswith("ab") or any(word in lowered for word in GROUP_COLUMN_WORDS)  # A/B组, ab_test
    return 2 <= len(distinct) <= 5 and named


def control_and_treatment(labels: list[str]) -> tuple[str, str]:
    """Which group label is the control: 对照组/control/A; the other named one is the change."""
    distinct = sorted({str(label).strip() for label in labels if str(label).strip()})
    if len(distinct) < 2:
        raise ValueError("the group column needs two groups")

    def has(label: str, words) -> bool:
        return any(word in label.lower() for word in words)

    control = next((g for g in distinct if has(g, CONTROL_WORDS)), None)
    treatment = next((g for g in distinct if has(g, TREATMENT_WORDS) and g != control), None)
    if control is None and {"A", "B"} <= {g.upper() for g in distinct}:
        control = next(g for g in distinct if g.upper() == "A")
        treatment = next(g for g in distinct if g.upper() == "B")
    control = control or distinct[0]
    treatment = treatment or next(g for g in distinct if g != control)
    return control, treatment


def outcome_as_success(value) -> bool | None:
    """A yes/no outcome cell as True/False; None when it is not one."""
    text = str(value).strip().lower() if value is not None else ""
    if text in YES:
        return True
    if text in NO:
        return False
    return None


def outcome_kind(values: list) -> str:
    """RATE when every cell reads as yes/no (是/否, 1/0, 已转化 …), else MEAN."""
    return RATE if all(outcome_as_success(v) is not None for v in values) else MEAN


def compare_rows(rows: list[dict], group_column: str, outcome_column: str) -> Comparison:
    """Compare the control and the changed group of rows [{column: value}]; rows of other groups and
    blank outcomes are left out (a yes/no outcome's blank counts as no)."""
    control, treatment = control_and_treatment([r.get(group_column) for r in rows if r.get(group_column) is not None])
    picked = {control: [], treatment: []}
    for row in rows:
        label = str(row.get(group_column) or "").strip()
        if label in picked:
            picked[label].append(row.get(outcome_column))
    kind = outcome_kind(picked[control] + picked[treatment])
    if kind == RATE:
        counts = [(label, sum(1 for v in values if outcome_as_success(v)), len(values)) for label, values in picked.items()]
        return compare_rates(counts[0], counts[1])
    numbers = {label: [float(v) for v in values if _is_number(v)] for label, values in picked.items()}
    return compare_means((control, numbers[control]), (treatment, numbers[treatment]))


def _is_number(value) -> bool:
    if value is None or isinstance(value, bool):
        return False
    try:
        return not math.isnan(float(value))
    except (TypeError, ValueError):
        return False


# --- the sentence ---------------------------------------------------------------------------------
def verdict(comparison: Comparison, lang: str) -> str:
    """One plain sentence: is the difference real, or could it be chance?"""
    zh = lang.startswith("zh")
    c, t = comparison.control, comparison.treatment
    if comparison.significant:
        better = comparison.difference > 0
        if zh:
            return (f"差异不太可能是偶然的（p = {comparison.p_value:.3f} < 0.05）：{t.label}"
                    f"{'高于' if better else '低于'}{c.label}。")
        return (f"The difference is unlikely to be chance (p = {comparison.p_value:.3f} < 0.05): {t.label} is "
                f"{'higher' if better else 'lower'} than {c.label}.")
    if zh:
        return (f"差异可能只是偶然（p = {comparison.p_value:.3f} ≥ 0.05）："
                f"还不能说{t.label}和{c.label}不同，需要更多用户或更长时间。")
    return (f"The difference could be chance (p = {comparison.p_value:.3f} ≥ 0.05): {t.label} cannot yet be "
            f"called different from {c.label}; it needs more users or more time.")
