"""Opening 联系记录 puts the cursor in the user finder, wherever it was (issue 18 part 4): a contact is
logged in at most 12 keys + text counted from the moment the page opens."""
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from workbench.contacts.users import create_user
from qt_typing import type_text

NOW = datetime(2026, 11, 25, 10, 0)


def _press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    qtbot.keyClick(widget, key, modifier)


def _start_in_capture_bar(window, qtbot):
    window.focus_capture()
    qtbot.waitUntil(window.capture_bar.field.hasFocus)


def _start_in_matrix_list(window, qtbot):
    inbox = window.page("tasks").panels["inbox"].list
    inbox.setFocus()
    qtbot.waitUntil(inbox.hasFocus)


@pytest.mark.parametrize("start", [_start_in_capture_bar, _start_in_matrix_list])
def test_a_contact_in_twelve_keys_from_wherever_the_cursor_is(main_window, qtbot, db, start):
    main_window.ctx.clock = lambda: NOW
    user = create_user(db, name="王芳", phone="13800138000", now=NOW)
    main_window.show_area("tasks")
    main_window.activateWindow()
    qtbot.waitExposed(main_window)
    start(main_window, qtbot)
    keys = 0

    def press(key, modifier=Qt.KeyboardModifier.NoModifier):
        nonlocal keys
        _press(qtbot, key, modifier)
        keys += 1

    press(Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # 联系记录
    page = main_window.page("contacts")
    assert main_window.current_area() == "contacts"
    assert QApplication.focusWidget() is page.form.finder.edit
    type_text(QApplication.focusWidget(), "王芳")
    press(Qt.Key.Key_Return)  # the exact name; the channel is next
    press(Qt.Key.Key_Tab)  # direction
    press(Qt.Key.Key_Tab)  # topic
    press(Qt.Key.Key_4)  # 召回
    press(Qt.Key.Key_Tab)  # outcome
    press(Qt.Key.Key_3)  # 待跟进
    press(Qt.Key.Key_Tab)  # follow-up
    type_text(QApplication.focusWidget(), "后天 10:00")
    press(Qt.Key.Key_Tab)  # summary
    type_text(QApplication.focusWidget(), "用户说预算紧张")
    press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert keys <= 12
    row = db.execute("SELECT user_id, topic, outcome, summary, follow_up_due FROM contacts").fetchone()
    assert row == (user, "召回", "待跟进", "用户说预算紧张", "2026-11-27T10:00")


def test_walking_the_rail_with_arrow_keys_leaves_the_cursor_on_the_rail(main_window, qtbot):
    main_window.show_area("tasks")
    main_window.activateWindow()
    qtbot.waitExposed(main_window)
    main_window.rail.setFocus()
    qtbot.waitUntil(main_window.rail.hasFocus)
    qtbot.keyClick(main_window.rail, Qt.Key.Key_Down)
    assert main_window.current_area() == "contacts"
    assert main_window.rail.hasFocus()
    qtbot.keyClick(main_window.rail, Qt.Key.Key_Down)  # on to PDCA: the walk goes on
    assert main_window.current_area() == "pdca"
