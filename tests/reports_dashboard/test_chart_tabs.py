"""Issue 19, charts: a tab that no dataset fits says what it needs and never keeps showing the chart of
the tab before it."""
from __future__ import annotations

from datetime import date, timedelta

from workbench.reports import datasets


def _open(ctx, qtbot):
    from workbench.ui.reports.dashboard_page import DashboardPage

    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.resize(1300, 820)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.chart.chart is not None, timeout=5000)
    return page


def test_rfm_without_a_user_list_says_which_columns_it_needs_and_hides_the_previous_chart(ctx, qtbot):
    days = [(date(2026, 11, 1) + timedelta(days=n)).isoformat() for n in range(20)]
    datasets.create_dataset_from_rows(ctx.db, "核心日报", ["日期", "活跃用户"], [[d, 100 + i] for i, d in enumerate(days)],
                                      key_columns=["日期"])
    page = _open(ctx, qtbot)
    trend_widget = page.chart.chart.widget
    qtbot.waitUntil(trend_widget.isVisible, timeout=2000)
    page.chart.kind_buttons["rfm"].click()                  # clickable, though no dataset fits
    assert page.chart.chart is None and not trend_widget.isVisible()   # hidden at once, deleted later
    message = page.chart.message
    assert message.isVisible()
    assert "用户ID" in message.text() and "金额" in message.text() and "日期" in message.text()
    assert page.chart.kind_buttons["rfm"].toolTip() == message.text()
