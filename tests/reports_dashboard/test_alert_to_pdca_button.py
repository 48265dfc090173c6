"""pytest-qt: [转为PDCA] on the dashboard drafts a PDCA cycle from the alert, opens it, and undo removes it."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from tests.conftest import PINNED_NOW


@pytest.fixture
def page(open_dashboard):
    return open_dashboard()


def _button(row, text: str) -> QPushButton:
    return next(b for b in row.findChildren(QPushButton) if b.text() == text)


def _retention_row(page, report_files):
    """The alert of the first release day, where next-day retention fell."""
    first = min(report_files.core.release_days).isoformat()
    return next(r for r in page.alerts.rows if r.alert.metric == "次日留存率" and r.alert.date == first)


def test_to_pdca_button_drafts_a_linked_cycle_opens_it_and_undo_removes_it(page, reports_ctx, qtbot, report_files):
    db = reports_ctx.db
    opened = []
    reports_ctx.events.navigate.connect(lambda area, target: opened.append((area, target)))
    serious = len(report_files.rate_drop_episodes)   # every run of ≥20% rate drops is one open orange alert
    assert page.badge() == str(serious)
    row = _retention_row(page, report_files)
    alert_id = row.alert.id
    qtbot.mouseClick(_button(row, "转为PDCA"), Qt.MouseButton.LeftButton)

    cycles = db.execute("SELECT id, stage, metric_dataset, metric_column, alert_id, title FROM pdca_cycles").fetchall()
    assert len(cycles) == 1
    cycle_id, stage, dataset, column, linked, title = cycles[0]
    assert (stage, dataset, column, linked) == ("plan", "核心指标日报", "次日留存率", alert_id)
    assert title.startswith("处理预警：次日留存率")
    assert opened == [("pdca", cycle_id)]
    assert page.badge() == str(serious - 1)   # the alert is acted on
    assert reports_ctx.undo_stack.undoText() == "将预警转为 PDCA 循环"

    reports_ctx.undo_stack.undo()
    assert db.execute("SELECT count(*) FROM pdca_cycles").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM pdca_moves").fetchone()[0] == 0
    assert db.execute("SELECT status FROM alerts WHERE id = ?", [alert_id]).fetchone()[0] == "open"
    assert page.badge() == str(serious)

    reports_ctx.undo_stack.redo()   # the same cycle comes back, still linked
    assert db.execute("SELECT id, alert_id FROM pdca_cycles").fetchall() == [(cycle_id, alert_id)]


def test_drafted_alert_links_to_its_cycle_instead_of_drafting_again(page, reports_ctx, qtbot, report_files):
    opened = []
    reports_ctx.events.navigate.connect(lambda area, target: opened.append((area, target)))
    page.alerts.open_only.setChecked(False)
    row = _retention_row(page, report_files)
    qtbot.mouseClick(_button(row, "转为PDCA"), Qt.MouseButton.LeftButton)
    cycle_id = reports_ctx.db.execute("SELECT id FROM pdca_cycles").fetchone()[0]

    old_rows = list(page.alerts.rows)
    qtbot.waitUntil(lambda: page.alerts.rows and page.alerts.rows[0] is not old_rows[0], timeout=3000)
    row = _retention_row(page, report_files)   # the panel was rebuilt after the change
    assert not [b for b in row.findChildren(QPushButton) if b.text() == "转为PDCA"]   # a task may still follow
    qtbot.mouseClick(_button(row, f"PDCA 循环 #{cycle_id}"), Qt.MouseButton.LeftButton)
    assert opened == [("pdca", cycle_id), ("pdca", cycle_id)]
    assert reports_ctx.db.execute("SELECT count(*) FROM pdca_cycles").fetchone()[0] == 1


def test_pdca_page_opens_the_drafted_cycle(reports_ctx, qtbot):
    from workbench.pdca.from_alert import draft_cycle_from_alert
    from workbench.reports import alert_store
    from workbench.ui.pdca.pdca_page import PdcaPage

    alert = alert_store.list_alerts(reports_ctx.db, metric="次日留存率")[0]
    cycle_id = draft_cycle_from_alert(reports_ctx.db, alert.id, now=PINNED_NOW)
    pdca = PdcaPage(reports_ctx)
    qtbot.addWidget(pdca)
    pdca.show()
    pdca.refresh()
    pdca.open_item(cycle_id)
    assert pdca.current_id == cycle_id


def test_a_drafted_alert_can_still_become_a_task_that_opens_its_cycle(page, reports_ctx, qtbot, report_files):
    db = reports_ctx.db
    opened = []
    reports_ctx.events.navigate.connect(lambda area, target: opened.append((area, target)))
    page.alerts.open_only.setChecked(False)
    qtbot.mouseClick(_button(_retention_row(page, report_files), "转为PDCA"), Qt.MouseButton.LeftButton)
    cycle_id = db.execute("SELECT id FROM pdca_cycles").fetchone()[0]
    qtbot.waitUntil(lambda: _retention_row(page, report_files).alert.status == "pdca", timeout=3000)
    qtbot.mouseClick(_button(_retention_row(page, report_files), "转为任务"), Qt.MouseButton.LeftButton)
    task_id, linked_cycle = db.execute("SELECT id, pdca_cycle_id FROM tasks").fetchone()
    assert linked_cycle == cycle_id   # the task opens the cycle
    qtbot.waitUntil(lambda: _retention_row(page, report_files).alert.status == "task", timeout=3000)
    row = _retention_row(page, report_files)
    assert not [b for b in row.findChildren(QPushButton) if b.text() in ("转为PDCA", "转为任务")]
    qtbot.mouseClick(_button(row, f"任务 #{task_id}"), Qt.MouseButton.LeftButton)
    assert opened[-1] == ("tasks", task_id)
    reports_ctx.undo_stack.undo()   # the task goes; the alert is back to "drafted into PDCA"
    assert db.execute("SELECT status FROM alerts WHERE id = ?", [row.alert.id]).fetchone()[0] == "pdca"
