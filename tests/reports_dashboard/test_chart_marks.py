"""A chart never groups by an id and never draws more marks than a person can read (issue 18: the
compare chart picked 工单号 and drew 96k bars, freezing the window for 15 s)."""
from __future__ import annotations

from workbench.reports import chart_data, datasets
from workbench.reports.chart_data import MAX_BARS, OTHERS, bars_data

KINDS = ["还款问题", "利率投诉", "催收投诉", "提现到账慢"]


def _tickets(db, count: int = 400):
    rows = [[f"T2026112500{i:04d}", "2026-11-25", KINDS[i % len(KINDS)], 1 + i % 5, i % 3] for i in range(count)]
    datasets.create_dataset_from_rows(db, "客诉工单", ["工单号", "日期", "工单类型", "满意度", "回访次数"], rows,
                                      key_columns=["工单号"])


def test_a_ticket_id_is_never_offered_as_a_dimension(db):
    _tickets(db)
    info = datasets.get_dataset(db, "客诉工单")
    assert "工单号" not in [c.name for c in info.dimensions]
    assert "工单类型" in [c.name for c in info.dimensions]
    bars, = [s for s in chart_data.all_suggestions(db) if s.kind == "bars" and s.dataset == "客诉工单"]
    assert bars.params["dimension"] == "工单类型"


def test_a_readable_dimension_keeps_every_bar_and_its_sum(db):
    _tickets(db)
    items = bars_data(db, "客诉工单", "工单类型", "回访次数")
    assert sorted(label for label, _ in items) == sorted(KINDS)
    assert sum(value for _, value in items) == sum(i % 3 for i in range(400))


def test_a_score_per_ticket_is_averaged_per_bar_never_added_up(db):
    """满意度 (1–5 per ticket) by 工单类型: each bar is the kind's mean score, as issue 19 asks of every
    metric. 还款问题 holds tickets 0, 4, 8, …: scores 1, 5, 4, 3, 2, 1, … over 100 tickets, mean 3."""
    _tickets(db)
    items = dict(bars_data(db, "客诉工单", "工单类型", "满意度"))
    assert items["还款问题"] == 3.0
    assert all(1 <= value <= 5 for value in items.values())


def test_many_values_become_the_top_bars_and_one_others_bar_holding_the_rest(db):
    _tickets(db)
    items = bars_data(db, "客诉工单", "工单号", "回访次数")  # asked for directly (the CLI, an old saved chart)
    assert len(items) == MAX_BARS
    assert items[-1][0] == OTHERS
    assert sum(value for _, value in items) == sum(i % 3 for i in range(400))  # nothing lost
    shown = [value for _, value in items[:-1]]
    assert shown == sorted(shown, reverse=True) and min(shown) == 2


def test_the_compare_chart_is_summed_off_the_gui_thread_and_offers_no_id(open_dashboard, db, qtbot):
    _tickets(db)
    page = open_dashboard()
    page.chart.show_kind("bars", "客诉工单")
    assert page.chart.bars_pending() and page.chart.chart is None  # the window went on; the sums follow
    with qtbot.waitSignal(page.chart.drawn, timeout=5000) as drawn:
        pass
    assert drawn.args == ["bars"] and page.chart.chart is not None
    offered = [page.chart.bar_dimension.itemText(i) for i in range(page.chart.bar_dimension.count())]
    assert "工单号" not in offered and page.chart.bar_dimension.currentText() == "工单类型"
    assert page.chart.chart.hover(0, len(KINDS) - 1).startswith(tuple(KINDS))  # one bar per kind, top first
