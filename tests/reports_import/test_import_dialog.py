"""The import dialog and the dataset browser, driven like a user would (offscreen), plus screenshots."""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt

from tests.report_files.core_metrics import COLUMNS
from workbench.reports.datasets import get_dataset
from workbench.reports.importer import import_file

SHOTS = Path(os.environ.get("IMPORT_SHOTS", "/tmp/shots-imports"))


def grab(widget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / name))


def test_drop_request_opens_dialog_and_imports_in_the_background(main_window, ctx, qtbot, report_files):
    core = report_files.core
    ctx.events.import_requested.emit(str(core.early))
    dialog = main_window.import_dialog
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=15000)
    assert dialog.plan.dataset == "核心指标日报" and dialog.header_label.text()
    assert dialog.columns_table.rowCount() == len(COLUMNS) and dialog.preview_table.rowCount() == 20
    assert dialog.columns_table.cellWidget(COLUMNS.index("次日留存率"), 3).currentData() == "percent"
    totals_row = str(core.early_totals_row)   # the note on the skipped 合计 row names it
    assert any(totals_row in dialog.notes_list.item(i).text() for i in range(dialog.notes_list.count()))
    dialog.resize(1100, 760)
    grab(dialog, "import-preview.png")
    # the operator makes 客诉量 a dimension-free attribute? no: changes 7日留存率 to a plain number
    kind = dialog.columns_table.cellWidget(COLUMNS.index("7日留存率"), 3)
    kind.setCurrentIndex(kind.findData("number"))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=30000)
    days = len(core.early_rows)
    info = get_dataset(ctx.db, "核心指标日报")
    assert info.rows == days and info.column("7日留存率").type == "number"
    assert str(days) in dialog.status.text()
    grab(dialog, "import-done.png")
    ctx.undo_stack.undo()
    assert get_dataset(ctx.db, "核心指标日报") is None
    ctx.undo_stack.redo()
    assert get_dataset(ctx.db, "核心指标日报").rows == days
    dialog.close()


def test_reimport_shows_corrections_and_browser_lazy_rows(main_window, ctx, qtbot, report_files):
    core = report_files.core
    day = core.corrected_day
    correction = f"{core.complaints_on(core.early_rows, day)} → {core.complaints_on(core.late_rows, day)}"
    both = len(core.early_rows) + len(core.late_only_days)
    import_file(ctx.db, core.early)
    ctx.events.import_requested.emit(str(core.late))
    dialog = main_window.import_dialog
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=15000)
    assert "existing" in dialog.dataset_note.text() or "已有" in dialog.dataset_note.text()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=30000)
    texts = [dialog.notes_list.item(i).text() for i in range(dialog.notes_list.count())]
    assert any(day.isoformat() in t and correction in t for t in texts)
    grab(dialog, "import-reimport.png")
    dialog.open_browser()
    from workbench.ui.imports.dataset_browser import DatasetBrowser

    browser = dialog.findChild(DatasetBrowser)
    browser.resize(1200, 760)
    assert browser.list.rowCount() == 1 and browser.list.item(0, 1).text() == str(both)
    qtbot.waitUntil(lambda: browser.model.rowCount() > 0)
    assert browser.model.rowCount() <= both
    while browser.model.canFetchMore():
        browser.model.fetchMore()
    assert browser.model.rowCount() == both
    assert browser.log.count() == 2
    grab(browser, "dataset-browser.png")
    qtbot.mouseClick(browser.undo_button, Qt.MouseButton.LeftButton)
    assert get_dataset(ctx.db, "核心指标日报").rows == len(core.early_rows)
    assert "undone" in browser.log.item(0).text() or "撤销" in browser.log.item(0).text()
    browser.close()
    dialog.close()


def test_bad_file_shows_one_sentence(main_window, ctx, qtbot, tmp_path):
    bad = tmp_path / "坏.xlsx"
    bad.write_bytes(b"PK\x03\x04broken")
    ctx.events.import_requested.emit(str(bad))
    dialog = main_window.import_dialog
    qtbot.waitUntil(lambda: dialog.job is None and dialog.status.text() != "", timeout=15000)
    assert "坏.xlsx" in dialog.status.text() and not dialog.import_button.isEnabled()
    dialog.close()


def test_the_operators_type_choice_survives_the_import(main_window, ctx, qtbot, tmp_path):
    """访客 holds two words among numbers, so the importer guesses text; the operator picks 整数 (integer):
    the column stays integer, the two cells are imported as empty and listed, no false 'repeats' note."""
    path = tmp_path / "访客.csv"
    path.write_text("日期,访客\n2026-11-01,10\n2026-11-02,很多\n2026-11-03,不少\n2026-11-04,40\n", encoding="utf-8")
    ctx.events.import_requested.emit(str(path))
    dialog = main_window.import_dialog
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=15000)
    assert "1" in dialog.header_label.text() and dialog.header_label.wordWrap()
    kind = dialog.columns_table.cellWidget(1, 3)
    assert kind.currentData() == "text"
    kind.setCurrentIndex(kind.findData("integer"))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=30000)
    info = get_dataset(ctx.db, "访客")
    assert info.column("访客").type == "integer"
    texts = [dialog.notes_list.item(i).text() for i in range(dialog.notes_list.count())]
    assert any("很多" in t for t in texts) and not any("重复" in t or "repeat" in t for t in texts)
    dialog.close()
