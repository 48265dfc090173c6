"""The dashboard page with the generated reports (tests/report_files) imported: every chart kind draws and exports a PNG, an
alert becomes a task with one click, a segment becomes a recall list, an empty database offers import."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage


@pytest.fixture
def page(open_dashboard):
    return open_dashboard()


@pytest.mark.parametrize("kind, dataset", [("trend", "核心指标日报"), ("bars", "渠道周报"), ("funnel", "AARRR漏斗_周"),
                                           ("retention", "新增用户留存"), ("rfm", "用户明细"),
                                           ("distribution", "核心指标日报")])
def test_each_chart_kind_draws_from_its_dataset_and_exports_png(page, kind, dataset, tmp_path, qtbot):
    page.chart.kind_buttons[kind].click()
    assert page.chart.current_dataset() == dataset
    qtbot.waitUntil(lambda: page.chart.chart is not None, timeout=5000)  # bars are summed off the GUI thread
    path = tmp_path / f"{kind}.png"
    assert page.chart.export_png(str(path))
    image = QImage(str(path))
    assert image.width() > 300 and image.height() > 200
    page.chart.copy_to_clipboard()
    from PySide6.QtGui import QGuiApplication

    assert not QGuiApplication.clipboard().pixmap().isNull()


def test_trend_hover_names_the_exact_value_and_marks_alerts(page, report_files, qtbot):
    page.chart.show_metric("核心指标日报", "次日留存率")
    qtbot.waitUntil(lambda: not page.chart.pending(), timeout=5000)   # the series are read off the GUI thread
    from workbench.ui.reports.chart_style import day_number

    day = sorted(report_files.core.release_days)[1]
    text = page.chart.chart.hover(day_number(day.isoformat()), 0.3)
    shown = f"次日留存率 {report_files.core.release_days[day]:.1%}"
    assert f"{day.year}年{day.month}月{day.day}日" in text and shown in text and "较前7日均值下降" in text


def test_cards_show_latest_value_and_alert_colour(page, report_files):
    cards = {c.card.metric: c.card for c in page.cards}
    assert "次日留存率" in cards
    assert cards["次日留存率"].latest_date == report_files.core.late_rows[-1]["日期"].isoformat()
    assert cards["客诉量"].alert_level == "yellow"   # the complaint spike


def test_alert_to_task_button_creates_an_important_urgent_task_and_undo_removes_it(page, reports_ctx, qtbot,
                                                                                    report_files):
    from PySide6.QtWidgets import QPushButton

    serious = len(report_files.rate_drop_episodes)   # every run of ≥20% rate drops is one open orange alert
    assert page.badge() == str(serious)
    row = next(r for r in page.alerts.rows if r.alert.metric == "次日留存率")
    button = next(b for b in row.findChildren(QPushButton) if b.text() == "转为任务")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    task = reports_ctx.db.execute("SELECT important, urgent, status, alert_id FROM tasks").fetchall()
    assert task == [(1, 1, "open", row.alert.id)]
    assert page.badge() == str(serious - 1)
    reports_ctx.undo_stack.undo()
    assert reports_ctx.db.execute("SELECT count(*) FROM tasks").fetchone()[0] == 0
    assert reports_ctx.db.execute("SELECT status FROM alerts WHERE id = ?", [row.alert.id]).fetchone()[0] == "open"


def test_rfm_segment_goes_to_the_contact_log_as_recall_list(page, reports_ctx, qtbot):
    page.chart.kind_buttons["rfm"].click()
    qtbot.waitUntil(lambda: page.chart.rfm_result is not None, timeout=5000)   # scored off the GUI thread
    page.chart.select_segment("重要挽留")
    expected = page.chart.rfm_result.counts()["重要挽留"]
    assert expected > 0
    qtbot.mouseClick(page.chart.recall_button, Qt.MouseButton.LeftButton)
    users = reports_ctx.db.execute("SELECT count(*) FROM users WHERE tags LIKE '%重要挽留%'").fetchone()[0]
    assert users == expected
    reports_ctx.undo_stack.undo()
    assert reports_ctx.db.execute("SELECT count(*) FROM users").fetchone()[0] == 0


def test_chosen_cards_are_saved(page, reports_ctx):
    from workbench.reports.dashboard_store import saved_cards
    from workbench.ui.reports.undo_commands import SaveCardsCommand

    reports_ctx.undo_stack.push(SaveCardsCommand(reports_ctx, [("核心指标日报", "客诉量"), ("渠道周报", "获客成本CAC(元)")]))
    assert saved_cards(reports_ctx.db) == [("核心指标日报", "客诉量"), ("渠道周报", "获客成本CAC(元)")]
    page.refresh()
    assert [c.card.metric for c in page.cards] == ["客诉量", "获客成本CAC(元)"]


def test_empty_dashboard_offers_to_import(ctx, qtbot):
    from workbench.ui.reports.dashboard_page import DashboardPage

    widget = DashboardPage(ctx)
    qtbot.addWidget(widget)
    widget.show()
    widget.refresh()
    assert widget.stack.currentIndex() == 0
    with qtbot.waitSignal(ctx.events.import_requested) as signal:
        qtbot.mouseClick(widget.import_button, Qt.MouseButton.LeftButton)
    assert signal.args == [""]
    assert widget.badge() == ""


def test_english_screens_describe_rules_in_english(reports_ctx, open_dashboard, report_files, qtbot):
    """Alerts keep the Chinese line they fired with (exports, the review); the English UI shows its own."""
    from PySide6.QtWidgets import QApplication, QLabel

    from workbench.app import prepare_ui

    prepare_ui(QApplication.instance(), reports_ctx.settings, "en")
    widget = open_dashboard()
    row = next(r for r in widget.alerts.rows if r.alert.metric == "次日留存率")
    texts = " ".join(label.text() for label in row.findChildren(QLabel))
    assert "falls ≥20% vs the trailing 7-day mean" in texts and "较前" not in texts
    assert row.alert.rule_text == "较前7日均值下降 ≥20%"
    widget.chart.show_metric("核心指标日报", "次日留存率")
    qtbot.waitUntil(lambda: not widget.chart.pending(), timeout=5000)
    from workbench.ui.reports.chart_style import day_number

    day = sorted(report_files.core.release_days)[1]
    assert "falls ≥20%" in widget.chart.chart.hover(day_number(day.isoformat()), 0.3)
