"""Issue 19, charts: the funnel for a period (this week, last week, a date range) and two periods side by
side with the change per step, against sums and rates worked out by hand. PINNED_NOW is Wed 2026-11-25:
this week runs 11-23 … 11-29, last week 11-16 … 11-22."""
from __future__ import annotations

from datetime import date

import pytest

from tests.reports_dashboard.conftest import show_dashboard
from workbench.reports import chart_data, datasets
from workbench.reports.funnel import compare_funnels, period_before, period_bounds

ROWS = [
    ["2026-11-16", "应用商店", 100, 50, 20],
    ["2026-11-18", "应用商店", 200, 90, 30],
    ["2026-11-23", "应用商店", 150, 90, 45],
    ["2026-11-24", "应用商店", 150, 60, 15],
    ["2026-11-24", "合计", 300, 150, 60],      # a totals row the export carries: never counted
    ["2026-11-30", "应用商店", 999, 999, 999],  # next week
]
STEPS = ["注册", "认证", "借款"]


@pytest.fixture
def funnel_db(db):
    datasets.create_dataset_from_rows(db, "转化日报", ["日期", "渠道", *STEPS], ROWS, key_columns=["日期", "渠道"])
    return db


def test_this_week_and_last_week_run_monday_to_sunday():
    today = date(2026, 11, 25)
    assert period_bounds("this_week", today) == (date(2026, 11, 23), date(2026, 11, 29))
    assert period_bounds("last_week", today) == (date(2026, 11, 16), date(2026, 11, 22))
    assert period_bounds("range", today, date(2026, 11, 20), date(2026, 11, 10)) == (date(2026, 11, 10), date(2026, 11, 20))
    assert period_bounds("all", today) is None
    assert period_before((date(2026, 11, 23), date(2026, 11, 29))) == (date(2026, 11, 16), date(2026, 11, 22))


def test_a_period_sums_only_its_days_and_the_comparison_gives_the_change_per_step(funnel_db):
    this_week = chart_data.funnel_data(funnel_db, "转化日报", STEPS, (date(2026, 11, 23), date(2026, 11, 29)))
    last_week = chart_data.funnel_data(funnel_db, "转化日报", STEPS, (date(2026, 11, 16), date(2026, 11, 22)))
    assert [s.value for s in this_week] == [300, 150, 60]
    assert [s.value for s in last_week] == [300, 140, 50]
    assert [s.step_rate for s in this_week] == [None, 0.5, 0.4]
    every = chart_data.funnel_data(funnel_db, "转化日报", STEPS)
    assert [s.value for s in every] == [300 + 300 + 999, 290 + 999, 110 + 999]
    changes = compare_funnels(this_week, last_week)
    assert [c.change for c in changes] == [0.0, pytest.approx(150 / 140 - 1), pytest.approx(0.2)]
    assert changes[1].step_rate_points == pytest.approx(0.5 - 140 / 300)
    assert changes[2].step_rate_points == pytest.approx(0.4 - 50 / 140)
    assert changes[2].overall_rate_points == pytest.approx(0.2 - 50 / 300)


def test_the_dashboard_compares_this_week_with_the_week_before(funnel_db, ctx, qtbot):
    page = show_dashboard(ctx, qtbot)
    panel = page.chart
    panel.show_kind("funnel", "转化日报")
    qtbot.waitUntil(lambda: not panel.pending(), timeout=5000)
    panel.funnel_period.setCurrentIndex(panel.funnel_period.findData("this_week"))
    panel.funnel_compare.setChecked(True)
    qtbot.waitUntil(lambda: isinstance(panel.chart.tags, list), timeout=2000)
    texts = panel.chart.tags
    assert texts[0].startswith("300") and "300" in texts[0] and "+0.0%" in texts[0]
    assert texts[1].startswith("150") and "对比期 140：" in texts[1] and "+7.1%" in texts[1] and "+3.3" in texts[1]
    assert texts[2].startswith("60") and "50" in texts[2] and "+20.0%" in texts[2] and "+4.3" in texts[2]
    panel.funnel_compare.setChecked(False)
    panel.funnel_period.setCurrentIndex(panel.funnel_period.findData("range"))   # a typed range, nothing in it
    assert panel.funnel_range.isVisibleTo(panel)
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QDateEdit

    first, last = panel.funnel_range.findChildren(QDateEdit)
    first.setDate(QDate(2026, 11, 1))
    last.setDate(QDate(2026, 11, 10))
    qtbot.waitUntil(lambda: panel.chart is None, timeout=2000)
    assert panel.message.isVisible() and "2026-11-01" in panel.message.text() and "2026-11-30" in panel.message.text()
    last.setDate(QDate(2026, 11, 16))                       # now it holds 11-16 alone
    qtbot.waitUntil(lambda: panel.chart is not None, timeout=2000)
    assert panel.chart.hover(0, 2).startswith("注册 100")


def test_a_week_the_data_has_not_finished_is_compared_on_the_same_weekdays():
    from workbench.reports.funnel import clip_to_data

    this_week, last_week = (date(2026, 11, 30), date(2026, 12, 6)), (date(2026, 11, 23), date(2026, 11, 29))
    # the data runs to Saturday 12-05: Monday–Saturday against Monday–Saturday
    assert clip_to_data(this_week, last_week, date(2026, 12, 5)) == (
        (date(2026, 11, 30), date(2026, 12, 5)), (date(2026, 11, 23), date(2026, 11, 28)))
    assert clip_to_data(this_week, last_week, date(2026, 12, 6)) == (this_week, last_week)
    assert clip_to_data(this_week, last_week, date(2026, 12, 5), same_length=False)[1] == last_week
