"""After a capture on another page, an export or an import, a confirmation is drawn over the window and
names what happened, with 撤销 / 打开 that act."""
from __future__ import annotations

from datetime import date, datetime, timedelta

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from qt_typing import type_text

NOW = datetime(2026, 11, 25, 10, 0)


def _toast_drawn(window) -> bool:
    toast = window._toast
    return (toast is not None and toast.isVisible() and not toast.visibleRegion().isEmpty()
            and window.rect().contains(toast.geometry()))


def _capture_on_the_contacts_page(window, qtbot, text: str) -> None:
    window.ctx.clock = lambda: NOW
    window.show_area("contacts")
    window.focus_capture()
    field = QApplication.focusWidget()
    assert field is window.capture_bar.field
    type_text(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_a_capture_on_another_page_is_confirmed_and_can_be_undone(main_window, qtbot, db):
    _capture_on_the_contacts_page(main_window, qtbot, "整理周报")
    assert _toast_drawn(main_window)
    toast = main_window._toast
    assert toast.label.text() == "已记录：整理周报"
    assert toast.undo_button.isVisible() and toast.undo_button.text() == "撤销"
    assert toast.open_button.isVisible() and toast.open_button.text() == "打开"
    qtbot.mouseClick(toast.undo_button, Qt.MouseButton.LeftButton)
    assert db.execute("SELECT count(*) FROM tasks").fetchone()[0] == 0
    assert not toast.isVisible()


def test_open_in_the_confirmation_shows_the_captured_task(main_window, qtbot, db):
    _capture_on_the_contacts_page(main_window, qtbot, "回电 王芳")
    task_id = db.execute("SELECT id FROM tasks").fetchone()[0]
    qtbot.mouseClick(main_window._toast.open_button, Qt.MouseButton.LeftButton)
    assert main_window.current_area() == "tasks"
    matrix = main_window.pages["tasks"]
    qtbot.waitUntil(lambda: any(panel.list.current_task_id() == task_id for panel in matrix.panels.values()))


def test_undo_in_an_old_confirmation_does_not_undo_something_newer(main_window, qtbot, db):
    _capture_on_the_contacts_page(main_window, qtbot, "第一条")
    toast = main_window._toast
    from workbench.tasks.repository import create_task
    from workbench.ui.tasks.undo_commands import DeleteTask

    other = create_task(db, "别的任务", now=NOW)
    main_window.ctx.undo_stack.push(DeleteTask(main_window.ctx, other))  # something happened since
    qtbot.mouseClick(toast.undo_button, Qt.MouseButton.LeftButton)
    assert [r[0] for r in db.execute("SELECT title FROM tasks")] == ["第一条"]


def test_an_export_is_confirmed_with_open(main_window, qtbot, tmp_path):
    main_window.ctx.clock = lambda: NOW
    main_window.show_area("review")
    page = main_window.pages["review"]
    out = tmp_path / "周报.xlsx"
    page.export_current(str(out))
    qtbot.waitUntil(lambda: page.last_export is not None, timeout=20000)
    assert _toast_drawn(main_window)
    toast = main_window._toast
    assert str(out) in toast.label.text() and "导出" in toast.label.text()
    assert toast.open_button.isVisible() and not toast.undo_button.isVisible()
    assert toast._target == out


def _daily_sheet(path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["日期", "新增用户", "活跃用户"])
    for offset in range(14):
        sheet.append([date(2026, 11, 1) + timedelta(days=offset), 100 + offset, 900 + 3 * offset])
    book.save(path)


def test_an_import_is_confirmed_and_undone_from_the_confirmation(main_window, ctx, qtbot, tmp_path):
    from workbench.reports.datasets import get_dataset

    path = tmp_path / "运营日报.xlsx"
    _daily_sheet(path)
    ctx.events.import_requested.emit(str(path))
    dialog = main_window.import_dialog
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=15000)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=30000)
    dialog.close()
    name = dialog.plan.dataset
    assert get_dataset(ctx.db, name).rows == 14
    assert _toast_drawn(main_window)
    toast = main_window._toast
    assert name in toast.label.text() and "14" in toast.label.text()
    qtbot.mouseClick(toast.undo_button, Qt.MouseButton.LeftButton)
    assert get_dataset(ctx.db, name) is None


def test_a_phone_number_in_a_capture_is_masked_in_the_confirmation(main_window, qtbot, db):
    _capture_on_the_contacts_page(main_window, qtbot, "回电 13812345678")
    assert main_window._toast.label.text() == "已记录：回电 138****5678"
