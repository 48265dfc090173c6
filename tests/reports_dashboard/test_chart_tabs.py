"""Issue 19, charts: a tab that no dataset fits says what it needs and never keeps showing the chart of
the tab before it."""
from __future__ import annotations

from datetime import date, timedelta

from tests.reports_dashboard.conftest import show_dashboard
from workbench.reports import datasets


def test_rfm_without_a_user_list_says_which_columns_it_needs_and_hides_the_previous_chart(ctx, qtbot):
    days = [(date(2026, 11, 1) + timedelta(days=n)).isoformat() for n in range(20)]
    datasets.create_dataset_from_rows(ctx.db, "核心日报", ["日期", "活跃用户"], [[d, 100 + i] for i, d in enumerate(days)],
                                      key_columns=["日期"])
    page = show_dashboard(ctx, qtbot)
    trend_widget = page.chart.chart.widget
    qtbot.waitUntil(trend_widget.isVisible, timeout=2000)
    page.chart.kind_buttons["rfm"].click()                  # clickable, though no dataset fits
    assert page.chart.chart is None and not trend_widget.isVisible()   # hidden at once, deleted later
    message = page.chart.message
    assert message.isVisible()
    assert "用户ID" in message.text() and "金额" in message.text() and "日期" in message.text()
    assert page.chart.kind_buttons["rfm"].toolTip() == message.text()
    assert not page.chart.recall_button.isEnabled()         # nothing to send to the contact log


ORDERS = [  # 订单号, 用户ID, 下单日期, 金额 — one row per order, no count column
    ["O1", "U1", "2026-11-01", 100], ["O2", "U1", "2026-11-10", 50], ["O3", "U1", "2026-11-20", 30],
    ["O4", "U2", "2026-11-05", 500],
    ["O5", "U3", "2026-11-15", 20], ["O6", "U3", "2026-11-18", 20],
    ["O7", "U4", "2026-11-02", 10],
]


def _orders(db):
    datasets.create_dataset_from_rows(db, "订单明细", ["订单号", "用户ID", "下单日期", "金额"], ORDERS, key_columns=["订单号"])


def test_an_order_list_is_enough_for_rfm_its_orders_counted_per_user(db):
    from workbench.reports import chart_data
    from workbench.reports.chart_suggest import ROWS_PER_USER

    _orders(db)
    rfm, = [s for s in chart_data.all_suggestions(db) if s.kind == "rfm"]
    assert rfm.params == {"id": "用户ID", "recency": "下单日期", "frequency": ROWS_PER_USER, "monetary": "金额"}
    result = chart_data.rfm_data(db, "订单明细", "用户ID", "下单日期", ROWS_PER_USER, "金额")
    by_user = {uid: (result.recency_days[i], result.frequency[i], result.monetary[i]) for i, uid in enumerate(result.ids)}
    # as of the newest order, 11-20: U1 ordered that day, three orders, 180 in all
    assert by_user == {"U1": (0, 3, 180), "U2": (15, 1, 500), "U3": (2, 2, 40), "U4": (18, 1, 10)}
    segment = result.segment(result.ids.index("U1"))
    rows = chart_data.rfm_recall_rows(db, "订单明细", result, segment, "用户ID")
    assert [r["用户ID"] for r in rows].count("U1") == 1          # one row per user for the recall list


def test_the_rfm_tab_scores_an_order_list(ctx, qtbot):
    _orders(ctx.db)
    page = show_dashboard(ctx, qtbot)
    page.chart.kind_buttons["rfm"].click()
    qtbot.waitUntil(lambda: page.chart.rfm_result is not None and page.chart.chart is not None, timeout=5000)
    assert page.chart.rfm_combos["frequency"].currentText() == "每个用户的行数（一行一单）"
    assert sorted(page.chart.rfm_result.ids) == ["U1", "U2", "U3", "U4"]
    assert sum(page.chart.rfm_result.counts().values()) == 4
