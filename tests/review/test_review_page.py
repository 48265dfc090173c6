"""pytest-qt: the review page shows the week's numbers, saves typed sections per week, and exports."""
from __future__ import annotations

import openpyxl
from qt_typing import type_text

from review_seed import WEEK, seed_week
from shown_page import show_page
from workbench.review.repository import load_review


def _page(ctx, qtbot):
    from workbench.ui.review.review_page import ReviewPage

    page = show_page(ReviewPage, ctx, qtbot)
    page.open_item(WEEK.label)
    qtbot.waitUntil(lambda: not page.contacts_pending(), timeout=5000)  # the 联系 block fills from a worker
    return page


def _block_values(page, key: str) -> dict[str, str]:
    grid = page.blocks[key].grid
    return {grid.itemAtPosition(row, 0).widget().text(): grid.itemAtPosition(row, 1).widget().text()
            for row in range(grid.rowCount()) if grid.itemAtPosition(row, 0) is not None}


def test_contacts_block_fills_from_a_worker_with_the_weeks_numbers(ctx, qtbot):
    from workbench.ui.review.review_page import ReviewPage

    seed_week(ctx.db)
    page = ReviewPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    page.open_item(WEEK.label)
    # Shown at once: the cheap blocks are there, the contacts are still being counted.
    assert page.contacts_pending()
    # (the UI runs in Chinese in the tests: 联系 = Contacts, 新发现 = New findings)
    assert _block_values(page, "contacts")["新发现"] == "2"
    assert _block_values(page, "contacts")["联系"] == "统计中…"
    assert "位用户" not in page.facts["results"].text()  # no line of zeros while counting
    qtbot.waitUntil(lambda: not page.contacts_pending(), timeout=5000)
    values = _block_values(page, "contacts")
    # W47: 5 contacts with 3 users; 2 conversions; recall: 2 users contacted, 1 of them converted.
    assert values["联系"] == "5 (3 位用户)"
    assert values["按渠道"] == "电话 3 · 微信 2"
    assert values["转化"] == "2 (40%)"
    assert values["召回成功"] == "1/2 (50%)"
    assert "联系 5 次（3 位用户），转化 2 次" in page.facts["results"].text()


def test_a_count_for_a_week_left_behind_does_not_overwrite_the_week_shown(ctx, qtbot):
    from workbench.ui.review.review_page import ReviewPage

    seed_week(ctx.db)
    page = ReviewPage(ctx)
    qtbot.addWidget(page)
    page.open_item(WEEK.label)
    qtbot.waitUntil(lambda: not page.contacts_pending(), timeout=5000)
    page.open_item(WEEK.previous().label)  # W47's numbers are on screen until W46's arrive
    qtbot.waitUntil(lambda: not page.contacts_pending(), timeout=5000)
    page.open_item(WEEK.label)
    page.open_item(WEEK.previous().label)  # two requests in one turn: only the last one counts
    qtbot.waitUntil(lambda: not page.contacts_pending(), timeout=5000)
    qtbot.wait(200)  # let any stale report arrive
    assert "2026-W46" in page.heading.text()
    assert _block_values(page, "contacts")["联系"] == "1 (1 位用户)"  # the 短信 召回 of the 13th


def test_sections_are_typed_saved_and_undone(ctx, qtbot):
    seed_week(ctx.db)
    page = _page(ctx, qtbot)
    assert "2026-W47" in page.heading.text()
    assert any("7" in label.text() for label in page.blocks["tasks"].findChildren(type(page.heading)))
    editor = page.editors["lessons"]
    editor.setFocus()
    type_text(editor, "先写话术再回答")
    qtbot.waitUntil(lambda: load_review(ctx.db, WEEK).lessons == "先写话术再回答", timeout=3000)
    assert "逾期 2 项" in page.facts["process"].text() or "2 tasks went overdue" in page.facts["process"].text()
    page.open_item(WEEK.previous().label)
    assert editor.toPlainText() == ""
    page.open_item(WEEK.label)
    assert editor.toPlainText() == "先写话术再回答"
    ctx.undo_stack.undo()
    assert load_review(ctx.db, WEEK).lessons == "" and editor.toPlainText() == ""


def test_export_writes_the_sheet_off_the_gui_thread(ctx, qtbot, tmp_path):
    seed_week(ctx.db)
    page = _page(ctx, qtbot)
    type_text(page.editors["results"], "=转化率持平")
    out = tmp_path / "review.xlsx"
    page.export_current(str(out))
    qtbot.waitUntil(lambda: page.last_export is not None, timeout=15000)
    assert page.last_export.path == out and page.last_export.masked
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[:6] == ["概览", "任务", "联系记录", "发现", "PDCA", "指标"]
    texts = [c.value for row in book["概览"].iter_rows() for c in row]
    assert "=转化率持平" in texts  # typed text saved before the export, kept as text
    assert ctx.db.execute("SELECT masked FROM audit_log WHERE action = 'export'").fetchall() == [(1,)]


def test_file_menu_export_goes_to_the_review_page(main_window, ctx, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    out = tmp_path / "from-menu.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    main_window.show_area("review")
    page = main_window.page("review")
    ctx.events.export_week_requested.emit()
    qtbot.waitUntil(lambda: out.exists() and page.last_export is not None, timeout=15000)
    assert openpyxl.load_workbook(out).sheetnames[0] == "概览"


def test_the_export_can_be_written_in_the_other_language(ctx, qtbot, tmp_path):
    seed_week(ctx.db)
    page = _page(ctx, qtbot)    # the app is in Chinese
    page.export_language.setCurrentIndex(page.export_language.findData("en"))
    out = tmp_path / "review-en.xlsx"
    page.export_current(str(out))
    qtbot.waitUntil(lambda: page.last_export is not None, timeout=15000)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[:6] == ["Overview", "Tasks", "Contacts", "Findings", "PDCA", "Metrics"]
    assert [c.value for c in book["Tasks"][1]][:4] == ["ID", "Title", "Quadrant", "Status"]
