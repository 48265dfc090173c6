"""Issue 19, charts: retention by week for daily cohorts (weighted by cohort size, worked out by hand),
heatmap cells that print their % when they fit, a colour scale, axis labels that never overlap."""
from __future__ import annotations

import pytest

from tests.reports_dashboard.conftest import show_dashboard
from workbench.reports import chart_data, datasets
from workbench.reports.cohort import is_daily, weekly_cohorts

COLUMNS = ["日期", "新增用户", "次日留存率", "7日留存率"]
ROWS = [  # two ISO weeks: Mon 11-16, Tue 11-17, Sun 11-22 | Mon 11-23, Tue 11-24
    ["2026-11-16", 100, "40%", "20%"],
    ["2026-11-17", 300, "60%", "12%"],
    ["2026-11-22", 100, "50%", ""],
    ["2026-11-23", 200, "30%", ""],
    ["2026-11-24", 200, "50%", ""],
]


@pytest.fixture
def cohorts(db):
    datasets.create_dataset_from_rows(db, "新增留存", COLUMNS, ROWS, key_columns=["日期"])
    return db


def _table(db, grouping="day"):
    s, = [s for s in chart_data.all_suggestions(db) if s.kind == "retention"]
    return chart_data.retention_data(db, s.dataset, s.params["cohort"], s.params["periods"], s.params["size"], grouping)


def test_weekly_cohorts_weigh_each_day_by_its_size(cohorts, in_chinese):
    daily = _table(cohorts)
    assert is_daily(daily) and daily.cohorts[0] == "2026-11-16"
    weekly = _table(cohorts, "week")
    assert weekly.cohorts == ["2026-11-16 当周", "2026-11-23 当周"]
    assert weekly.sizes == [500, 400]
    # week 1, day 1: (100·40% + 300·60% + 100·50%) / 500 = 270 / 500; day 7 only 11-16 and 11-17 observed it
    assert weekly.cells[0] == [pytest.approx(0.54), pytest.approx((100 * 0.20 + 300 * 0.12) / 400)]
    assert weekly.cells[1] == [pytest.approx((200 * 0.30 + 200 * 0.50) / 400), None]
    # the average row stays the days' own: 430 / 900 on day 1
    assert weekly.average == [pytest.approx(430 / 900), pytest.approx(0.14)]
    assert weekly_cohorts(weekly).cohorts == weekly.cohorts or not is_daily(weekly)


def test_weekly_is_refused_quietly_for_cohorts_that_are_not_days(db):
    from workbench.reports.cohort import CohortTable

    table = CohortTable(["A 渠道", "B 渠道"], [10, 20], [1], ["次日"], [[0.5], [0.2]], [0.3])
    assert not is_daily(table) and weekly_cohorts(table) is table


def test_the_heatmap_by_week_prints_each_cell_and_has_a_colour_scale(cohorts, ctx, qtbot):
    page = show_dashboard(ctx, qtbot)
    page.chart.show_kind("retention", "新增留存")
    qtbot.waitUntil(lambda: not page.chart.pending(), timeout=5000)   # read off the GUI thread
    assert page.chart.retention_grouping.isEnabled()
    page.chart.retention_grouping.setCurrentIndex(page.chart.retention_grouping.findData("week"))
    qtbot.waitUntil(lambda: page.chart.chart is not None and len(page.chart.chart.tags.rows) == 3, timeout=2000)
    chart = page.chart.chart
    qtbot.waitUntil(lambda: bool(chart.tags.shown()), timeout=2000)
    # the rows: average, then the newest week first
    assert chart.tags.shown() == ["48%", "14%", "40%", "54%", "14%"]
    assert chart.scale.levels() == (pytest.approx(0.14), pytest.approx(0.54))
    left = chart.plot.getAxis("left")
    qtbot.waitUntil(lambda: bool(left.shown()), timeout=2000)   # the axis picks its labels as it paints
    assert left.shown() == ["加权平均", "2026-11-23 当周", "2026-11-16 当周"]


def test_axis_labels_that_would_touch_are_left_out():
    from workbench.ui.reports.chart_builders import ThinAxis

    labels = [(float(d), f"第{d}天留存率") for d in (1, 2, 3, 4, 5, 6, 7, 14, 30)]
    axis = ThinAxis("bottom", labels)
    ((_, kept),) = axis.tickValues(0.0, 31.0, 300)
    # ~9.7 px a day and labels ~75 px wide: days 2-7 would touch day 1's label, 14 and 30 are clear
    assert kept == [1.0, 14.0, 30.0]
    from PySide6.QtGui import QFontMetricsF

    width = QFontMetricsF(axis.font()).horizontalAdvance("第30天留存率")
    pixels = [k * 300 / 31 for k in kept]
    assert all(b - a >= width for a, b in zip(pixels, pixels[1:]))
    ((_, wide),) = axis.tickValues(0.0, 31.0, 3000)
    assert len(wide) == len(labels)
