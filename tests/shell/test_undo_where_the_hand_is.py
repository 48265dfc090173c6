"""Ctrl+Z right after Enter in the capture bar, or after Ctrl+Enter in the contact form, undoes what was
just saved — with real key presses to whatever has the focus (the text field keeps the cursor)."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from qt_typing import type_text

CTRL = Qt.KeyboardModifier.ControlModifier
NOW = datetime(2026, 11, 25, 10, 0)


def _focused():
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def _ready(main_window, qtbot, area: str):
    from workbench.ui.shell.pages import PAGES

    main_window.ctx.clock = lambda: NOW
    main_window.show_area(area)
    main_window.activateWindow()
    qtbot.waitExposed(main_window)
    qtbot.waitUntil(lambda: len(main_window.pages) >= len(PAGES), timeout=10000)
    qtbot.wait(120)


def _task_titles(db) -> list[str]:
    return [row[0] for row in db.execute("SELECT title FROM tasks ORDER BY id")]


def test_ctrl_z_after_enter_in_the_capture_bar_takes_the_task_back(main_window, qtbot, db):
    _ready(main_window, qtbot, "contacts")  # the capture bar is above every page
    qtbot.keyClick(main_window, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: _focused() is main_window.capture_bar.field)
    type_text(_focused(), "整理周报")
    qtbot.keyClick(_focused(), Qt.Key.Key_Return)
    assert _task_titles(db) == ["整理周报"]
    assert _focused() is main_window.capture_bar.field, "the cursor stays where the hand is"
    qtbot.keyClick(_focused(), Qt.Key.Key_Z, CTRL)
    assert _task_titles(db) == []
    assert main_window.capture_bar.field.text() == ""
    main_window.ctx.undo_stack.redo()  # 编辑 › 重做 puts it back
    assert _task_titles(db) == ["整理周报"]


def test_once_something_is_typed_ctrl_z_is_the_fields_own_again(main_window, qtbot, db):
    _ready(main_window, qtbot, "tasks")
    field = main_window.capture_bar.field
    main_window.focus_capture()
    type_text(field, "回电 王芳")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    type_text(field, "下一条")
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL)
    assert _task_titles(db) == ["回电 王芳"], "the saved task stays"
    assert field.text() != "下一条", "the field undid its own typing"


def test_ctrl_z_after_ctrl_enter_in_the_contact_form_takes_the_contact_back(main_window, qtbot, db):
    from workbench.contacts.users import create_user

    user = create_user(db, name="赵六", now=NOW)
    _ready(main_window, qtbot, "contacts")
    form = main_window.page("contacts").form
    form.choose_user(user)
    form.summary.setFocus()
    qtbot.waitUntil(lambda: _focused() is form.summary)
    type_text(_focused(), "回访，用户满意")
    qtbot.keyClick(_focused(), Qt.Key.Key_Return, CTRL)
    assert db.execute("SELECT count(*) FROM contacts").fetchone()[0] == 1
    qtbot.keyClick(_focused(), Qt.Key.Key_Z, CTRL)
    assert db.execute("SELECT count(*) FROM contacts").fetchone()[0] == 0
