"""A day's value follows the column's meaning: counts add up, scores and rates are averaged, balances keep
the day's last reading. Numbers below are worked out by hand from the rows written here."""
from __future__ import annotations

from datetime import date

import pytest

from workbench.reports.datasets import create_dataset_from_rows, get_dataset, read_series
from workbench.reports.datasets_aggregation import infer_aggregation, set_aggregation

# one row per ticket: three on 11-01, two on 11-02
TICKETS = [
    ("T1", "2026-11-01", 5, 1, 0.50, 120.0, 1000.0),
    ("T2", "2026-11-01", 3, 1, 0.25, 80.0, 1100.0),
    ("T3", "2026-11-01", 4, 1, 0.75, 100.0, 900.0),
    ("T4", "2026-11-02", 2, 1, 0.40, 60.0, 700.0),
    ("T5", "2026-11-02", 4, 1, 0.60, 40.0, 750.0),
]
COLUMNS = ["工单号", "日期", {"name": "满意度", "type": "integer"}, {"name": "客诉量", "type": "integer"},
           {"name": "解决率", "type": "percent"}, {"name": "赔付金额", "type": "money"},
           {"name": "账户余额", "type": "money"}]


@pytest.fixture
def tickets(db):
    create_dataset_from_rows(db, "工单", COLUMNS, TICKETS, key_columns=["工单号"])
    return db


def test_aggregation_is_inferred_from_type_and_name():
    assert infer_aggregation("integer", "满意度") == "mean"
    assert infer_aggregation("number", "平均响应时长") == "mean"
    assert infer_aggregation("integer", "CSAT score") == "mean"
    assert infer_aggregation("percent", "次日留存") == "mean"
    assert infer_aggregation("integer", "客诉量") == "sum"
    assert infer_aggregation("money", "赔付金额") == "sum"
    assert infer_aggregation("money", "账户余额") == "last"
    assert infer_aggregation("integer", "累计注册用户") == "last"
    assert infer_aggregation("text", "备注") == "count"


def test_stored_with_the_dataset_at_import(tickets):
    info = get_dataset(tickets, "工单")
    assert {c.name: c.aggregation for c in info.metrics} == {
        "满意度": "mean", "客诉量": "sum", "解决率": "mean", "赔付金额": "sum", "账户余额": "last"}
    stored = tickets.execute("SELECT columns FROM datasets WHERE name = '工单'").fetchone()[0]
    assert '"aggregation": "mean"' in stored


def test_daily_values_follow_the_aggregation(tickets):
    # 满意度 11-01: (5+3+4)/3 = 4.0, 11-02: (2+4)/2 = 3.0 — never 12 and 6
    assert read_series(tickets, "工单", "满意度") == [("2026-11-01", 4.0), ("2026-11-02", 3.0)]
    assert read_series(tickets, "工单", "客诉量") == [("2026-11-01", 3.0), ("2026-11-02", 2.0)]
    assert read_series(tickets, "工单", "解决率") == [("2026-11-01", pytest.approx(0.5)), ("2026-11-02", pytest.approx(0.5))]
    assert read_series(tickets, "工单", "赔付金额") == [("2026-11-01", 300.0), ("2026-11-02", 100.0)]
    # the last ticket of the day (import order) carries the balance: T3's 900, T5's 750
    assert read_series(tickets, "工单", "账户余额") == [("2026-11-01", 900.0), ("2026-11-02", 750.0)]


def test_an_edited_aggregation_is_kept_and_used(tickets):
    set_aggregation(tickets, "工单", "满意度", "count")
    assert read_series(tickets, "工单", "满意度") == [("2026-11-01", 3.0), ("2026-11-02", 2.0)]
    set_aggregation(tickets, "工单", "满意度", "sum")
    assert read_series(tickets, "工单", "满意度") == [("2026-11-01", 12.0), ("2026-11-02", 6.0)]
    # a re-import of more rows keeps the choice the user made
    create_dataset_from_rows(tickets, "工单", COLUMNS, [("T6", "2026-11-02", 1, 1, 0.1, 10.0, 500.0)], key_columns=["工单号"])
    assert get_dataset(tickets, "工单").column("满意度").aggregation == "sum"
    assert read_series(tickets, "工单", "满意度")[-1] == ("2026-11-02", 7.0)


def test_pdca_check_and_weekly_sheet_read_the_daily_mean(tickets):
    from workbench.pdca.check import compute_check
    from workbench.pdca.linked_facts import metric_series
    from workbench.review.week_facts import metric_series_between

    series = metric_series(tickets, "工单", "满意度")
    result = compute_check(series, do_start=date(2026, 11, 2), until=date(2026, 11, 2),
                           baseline=None, target=None, baseline_days=7)
    assert (result.before_mean, result.after_mean) == (pytest.approx(4.0), pytest.approx(3.0))
    week = metric_series_between(tickets, "工单", "满意度", date(2026, 11, 1), date(2026, 11, 7))
    assert week == [("2026-11-01", 4.0), ("2026-11-02", 3.0)]


def test_dataset_browser_edits_the_aggregation(ctx, qtbot):
    from workbench.ui.imports.dataset_browser import DatasetBrowser

    create_dataset_from_rows(ctx.db, "工单", COLUMNS, TICKETS, key_columns=["工单号"])
    browser = DatasetBrowser(ctx)
    qtbot.addWidget(browser)
    browser.select("工单")
    names = [browser.aggregations.item(r, 0).text() for r in range(browser.aggregations.rowCount())]
    row = names.index("满意度")
    combo = browser.aggregations.cellWidget(row, 2)
    assert combo.currentData() == "mean" and combo.currentText() == "平均（比率、评分、均值）"   # the UI is in Chinese
    assert browser.aggregations.item(row, 1).text() != "integer"   # the type's label, not its code
    combo.setCurrentIndex(combo.findData("sum"))
    assert get_dataset(ctx.db, "工单").column("满意度").aggregation == "sum"
    assert read_series(ctx.db, "工单", "满意度")[0] == ("2026-11-01", 12.0)
    qtbot.waitUntil(lambda: browser.aggregations.rowCount() == len(names))
    row = [browser.aggregations.item(r, 0).text() for r in range(browser.aggregations.rowCount())].index("满意度")
    assert browser.aggregations.cellWidget(row, 2).currentData() == "sum"
    browser.close()


def test_a_cards_daily_mean_of_an_integer_score_keeps_its_decimals(tickets):
    from workbench.reports.metric_cards import card_from_series, format_value

    set_aggregation(tickets, "工单", "满意度", "mean")
    create_dataset_from_rows(tickets, "工单", COLUMNS, [("T6", "2026-11-02", 5, 1, 0.1, 10.0, 500.0)], key_columns=["工单号"])
    card = card_from_series("工单", "满意度", "integer", read_series(tickets, "工单", "满意度"), "blue")
    assert format_value(card.latest, "integer") == "3.67"   # (2+4+5)/3


def test_alerts_follow_an_edited_aggregation(tickets):
    from workbench.reports import alert_store
    from workbench.reports.alert_rules import AlertRule

    # averaged, 满意度 is 4.0 and 3.0, under a threshold of 4.5 on both days; summed (12 and 6) it never is
    rule_id = alert_store.save_rule(tickets, AlertRule("工单", "满意度", kind="threshold", direction="down", amount=4.5,
                                                       level="red", metric_type="integer"))
    fired = lambda: [a.date for a in alert_store.list_alerts(tickets, dataset="工单") if a.rule_id == rule_id]  # noqa: E731
    assert fired() == ["2026-11-01"]   # one episode over both days
    set_aggregation(tickets, "工单", "满意度", "sum")
    assert fired() == []
