"""Dashboard computations with numbers checked by hand."""
from __future__ import annotations

import pytest

from workbench.reports.alert_rules import AlertRule, default_rules, describe, evaluate
from workbench.reports.cohort import build_cohort_table, retention_columns, retention_period, size_column
from workbench.reports.funnel import funnel_steps
from workbench.reports.metric_cards import card_from_series, format_change, format_value
from workbench.reports.rfm import compute_rfm, quintile_scores
from workbench.reports.series_math import (day_over_day, moving_average, previous_period, week_over_week)


def days(n, start=1):
    return [f"2026-11-{d:02d}" for d in range(start, start + n)]


def test_moving_average_is_trailing_and_skips_blanks():
    values = [1, 2, 3, 4, 5, 6, 7, 8, 9, None]
    ma = moving_average(values, 7)
    assert ma[:6] == [None] * 6
    assert ma[6] == pytest.approx(4.0)      # (1+…+7)/7
    assert ma[7] == pytest.approx(5.0)      # (2+…+8)/7
    assert ma[9] == pytest.approx(6.5)      # (4+…+9)/6: the blank is skipped, not read as 0
    assert moving_average([2, 4, 6], 2) == [None, 3.0, 5.0]


def test_day_over_day_and_same_weekday_last_week():
    dates = days(8)                          # 2026-11-01 … 11-08; 11-08 is a Sunday like 11-01
    values = [100, 90, 95, 80, 85, 110, 120, 125]
    assert day_over_day(dates, values, "2026-11-08") == pytest.approx(125 / 120 - 1)
    assert week_over_week(dates, values, "2026-11-08") == pytest.approx(0.25)   # 125 vs 100
    assert week_over_week(dates, values, "2026-11-07") is None                  # 10-31 not in the data
    assert previous_period(dates, values, 7)[-1] == 100


def test_metric_card_latest_value_changes_and_format():
    dates = days(8)
    series = list(zip(dates, [0.40, 0.41, 0.42, 0.40, 0.39, 0.38, 0.40, 0.30]))
    card = card_from_series("核心指标日报", "次日留存率", "percent", series, "orange")
    assert card.latest_date == "2026-11-08" and card.latest == 0.30
    assert card.day_change == pytest.approx(-0.25)       # 0.30 vs 0.40
    assert card.week_change == pytest.approx(-0.25)      # 0.30 vs 0.40 a week before
    assert format_value(card.latest, "percent") == "30.0%"
    assert format_change(card.day_change) == "↓25.0%"
    assert format_value(1234567.0, "money") == "¥1,234,567"
    assert format_value(62029.5, "integer") == "62,030"   # a week's mean DAU: decimals at this size are noise
    assert format_value(3.6667, "integer") == "3.67"      # a mean 1–5 score keeps them
    assert len(card.sparkline) == 8


def test_funnel_step_and_overall_conversion():
    steps = funnel_steps([("下载", 1000), ("注册", 400), ("首借", 100)])
    assert [s.step_rate for s in steps] == [None, 0.4, 0.25]
    assert [s.overall_rate for s in steps] == [1.0, 0.4, 0.1]


def test_retention_columns_are_recognised():
    assert retention_period("次日留存率") == 1
    assert retention_period("第7天") == 7
    assert retention_period("30日留存率") == 30
    cols = [("日期", "date"), ("新增注册", "integer"), ("次日留存率", "percent"), ("7日留存率", "percent"),
            ("活跃用户(DAU)", "integer"), ("客诉量", "integer")]
    found = retention_columns(cols)
    assert found == [("次日留存率", 1), ("7日留存率", 7)]
    assert size_column(cols, {n for n, _ in found}) == "新增注册"


def test_cohort_triangle_keeps_unobserved_cells_empty_and_weights_by_size():
    rows = [
        {"首次启动日期": "2026-11-20", "新增用户": 100, "第1天": 0.40, "第2天": 0.30},
        {"首次启动日期": "2026-11-21", "新增用户": 300, "第1天": 0.20, "第2天": None},
        {"首次启动日期": "2026-11-22", "新增用户": 200, "第1天": 0.0, "第2天": None},
    ]
    table = build_cohort_table(rows, "首次启动日期", [("第1天", 1), ("第2天", 2)], "新增用户", as_of="2026-11-22")
    assert table.cells[1][1] is None and table.cells[2][0] is None   # unobserved, not 0
    # day 1: (100·0.40 + 300·0.20) / 400 = 0.25 ; day 2: only the first cohort observed it
    assert table.average == [pytest.approx(0.25), pytest.approx(0.30)]


def test_cohort_from_counts_divides_by_size():
    rows = [{"d": "2026-11-01", "n": 200, "次日留存": 50}, {"d": "2026-11-02", "n": 100, "次日留存": 40}]
    table = build_cohort_table(rows, "d", [("次日留存", 1)], "n", counts=True)
    assert table.cells == [[0.25], [0.40]]
    assert table.average == [pytest.approx(90 / 300)]


def test_quintile_scores_share_ties():
    scores = quintile_scores(__import__("numpy").array([0, 0, 0, 0, 5, 6, 7, 8, 9, 10.0]))
    assert scores.tolist() == [1, 1, 1, 1, 3, 3, 4, 4, 5, 5]


def test_rfm_scores_and_segments_on_a_small_table():
    ids = ["A", "B", "C", "D", "E"]
    last = ["2026-11-22", "2026-11-21T10:00", "2026-10-01", "2026-09-01", "2026-11-20"]
    freq = [10, 1, 8, 0, 2]
    money = [50000, 30000, 1000, 0, 500]
    result = compute_rfm(ids, last, freq, money)
    assert result.as_of == "2026-11-22"
    assert result.recency_days.tolist() == [0, 1, 52, 82, 2]
    assert result.r.tolist() == [5, 4, 2, 1, 3]
    assert result.f.tolist() == [5, 2, 4, 1, 3]
    assert result.m.tolist() == [5, 4, 3, 1, 2]
    # means: R 3, F 3, M 3 — high means above 3
    assert [result.segment(i) for i in range(5)] == ["重要价值", "重要发展", "一般保持", "一般挽留", "一般挽留"]
    assert result.counts()["一般挽留"] == 2
    assert result.members("重要发展") == [1]


def test_threshold_rule():
    rule = AlertRule("d", "活跃用户占比", "threshold", "down", 0.40, level="red", metric_type="percent")
    fired = evaluate(rule, list(zip(days(3), [0.45, 0.39, None])))
    assert [(f.date, f.value, f.reference) for f in fired] == [("2026-11-02", 0.39, 0.40)]
    assert describe(rule) == "低于 40%"


def test_change_rule_day_over_day():
    rule = AlertRule("d", "客诉量", "change", "up", 0.3, "day", level="yellow")
    fired = evaluate(rule, list(zip(days(4), [40, 52, 68, 60])))
    # 52/40 = +30% fires (≥30%), 68/52 = +30.8% fires, 60/68 falls
    assert [(f.date, f.reference) for f in fired] == [("2026-11-02", 40), ("2026-11-03", 52)]
    assert describe(rule) == "较前一日上升 ≥30%"


def test_change_rule_same_weekday_last_week():
    rule = AlertRule("d", "DAU", "change", "down", 0.1, "week", level="orange")
    values = [100, 100, 100, 100, 100, 100, 100, 89, 95]
    fired = evaluate(rule, list(zip(days(9), values)))
    assert [(f.date, f.reference) for f in fired] == [("2026-11-08", 100)]


def test_change_rule_against_trailing_mean():
    rule = AlertRule("d", "次日留存率", "change", "down", 0.2, "mean", 3, level="orange")
    values = [0.40, 0.42, 0.38, 0.31, 0.33]
    fired = evaluate(rule, list(zip(days(5), values)))
    # day 4: mean(0.40,0.42,0.38)=0.40 → −22.5% fires; day 5: mean(0.42,0.38,0.31)=0.37 → −10.8% does not
    assert len(fired) == 1 and fired[0].date == "2026-11-04"
    assert fired[0].reference == pytest.approx(0.40)


def test_deviation_rule_k_sigma():
    rule = AlertRule("d", "DAU", "deviation", "both", 2.0, window=4, level="red")
    values = [10, 12, 10, 12, 11, 16, 11]
    fired = evaluate(rule, list(zip(days(7), values)))
    # point 5 (11): mean 11, sd 1.1547 → 0σ; point 6 (16): mean(12,10,12,11)=11.25, sd 0.957 → 4.96σ fires;
    # point 7 (11): mean(10,12,11,16)=12.25, sd 2.63 → 0.48σ
    assert [f.date for f in fired] == ["2026-11-06"]
    assert fired[0].reference == pytest.approx(11.25)


def test_default_rules_for_rates_and_complaints():
    rules = default_rules("核心指标日报", [("日期", "date", "key"), ("次日留存率", "percent", "metric"),
                                        ("客诉量", "integer", "metric"), ("新增注册", "integer", "metric")])
    assert [(r.metric, r.kind, r.basis, r.direction, r.amount, r.level) for r in rules] == [
        ("次日留存率", "change", "mean", "down", 0.2, "orange"),
        ("客诉量", "deviation", "mean", "up", 3.0, "yellow"),
    ]
