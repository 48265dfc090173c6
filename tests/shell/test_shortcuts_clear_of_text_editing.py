"""Menu shortcuts never collide with text editing on any platform (issue 18 part 4: Ctrl+E, the weekly
export, is end-of-line in a Linux text field, so with the cursor in the capture bar nothing happened)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest

TEXT_EDITING = ("Move", "Select", "Delete", "Backspace", "Cut", "Copy", "Paste", "Undo", "Redo", "Insert", "Deselect")

# QKeySequence.keyBindings() answers for the platform the test runs on only. The text-editing keys the
# other platforms add (Qt's QKeySequence documentation, "Standard Shortcuts" table, X11 column) are
# written here; macOS's Emacs keys are Meta (the physical Control key) and cannot collide with Ctrl.
OTHER_PLATFORMS = {"Ctrl+E": "X11 MoveToEndOfLine", "Ctrl+Shift+E": "X11 SelectEndOfLine",
                   "Ctrl+K": "X11 DeleteEndOfLine", "Ctrl+U": "X11 DeleteCompleteLine",
                   "Ctrl+Y": "Windows Redo / X11 paste in some editors"}


def text_editing_keys() -> dict[str, str]:
    keys = dict(OTHER_PLATFORMS)
    for standard in QKeySequence.StandardKey:
        if standard.name.startswith(TEXT_EDITING):
            for binding in QKeySequence.keyBindings(standard):
                keys[binding.toString()] = standard.name
    return keys


def menu_shortcuts(window) -> dict[str, str]:
    found = {}
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if action.menu() is None and not action.shortcut().isEmpty():
                found[action.shortcut().toString()] = action.text()
    return found


def test_no_menu_shortcut_is_a_text_editing_key(main_window):
    editing = text_editing_keys()
    assert "Ctrl+E" in editing  # the table holds the key that broke the export
    clashes = {key: (text, editing[key]) for key, text in menu_shortcuts(main_window).items()
               if key in editing and key not in ("Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+Y")}  # undo is undo everywhere
    assert clashes == {}


def test_the_export_shortcut_works_with_the_cursor_in_the_capture_bar(main_window, qtbot):
    from workbench.ui.shell.main_window import EXPORT_WEEK_SHORTCUT

    requested = []
    main_window.ctx.events.export_week_requested.connect(lambda *args: requested.append(True))
    field = main_window.capture_bar.field
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=2000)
    QTest.keyClicks(field, "abc")
    sequence = QKeySequence(EXPORT_WEEK_SHORTCUT)[0]
    QTest.keyClick(field, sequence.key(), sequence.keyboardModifiers())
    assert requested == [True]
    assert field.text() == "abc"  # the key was the menu's, not the field's


def test_triage_and_user_import_have_menu_keys_clear_of_text_editing(main_window):
    from workbench.ui.common import shortcuts

    editing = text_editing_keys()
    found = menu_shortcuts(main_window)
    assert found[shortcuts.START_TRIAGE] == "开始分拣(&T)"
    assert found[shortcuts.IMPORT_USERS] == "导入用户名单(&U)…"
    for key in (shortcuts.START_TRIAGE, shortcuts.IMPORT_USERS):
        assert key not in editing
    assert "Ctrl+Shift+U" not in found.values()  # IBus/GTK Unicode entry


def test_the_buttons_name_their_keys_in_the_tooltip(main_window):
    from workbench.ui.common import shortcuts

    main_window.show_area("tasks")
    assert shortcuts.START_TRIAGE in main_window.page("tasks").triage_button.toolTip()
    assert shortcuts.IMPORT_USERS in main_window.page("contacts").import_button.toolTip()


def _press_in_capture_bar(main_window, qtbot, keys: str) -> None:
    field = main_window.capture_bar.field
    main_window.activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=2000)
    QTest.keyClicks(field, "abc")
    sequence = QKeySequence(keys)[0]
    QTest.keyClick(field, sequence.key(), sequence.keyboardModifiers())
    assert field.text() == "abc"  # the key was the window's, not the field's


def test_start_triage_key_works_from_another_page_with_the_cursor_in_a_field(main_window, qtbot, db):
    from workbench.tasks.repository import create_task
    from workbench.ui.common import shortcuts
    from datetime import datetime

    now = datetime(2026, 11, 25, 9, 30)
    create_task(db, "回访 王芳", now=now)
    create_task(db, "整理周报", now=now)
    main_window.show_area("review")
    _press_in_capture_bar(main_window, qtbot, shortcuts.START_TRIAGE)
    matrix = main_window.page("tasks")
    assert main_window.current_area() == "tasks"
    assert matrix.stack.currentWidget() is matrix.triage
    assert matrix.triage.title.text() == "回访 王芳"
    assert matrix.triage.isVisibleTo(main_window)


def test_import_users_key_opens_the_user_list_import(main_window, qtbot, monkeypatch):
    from workbench.ui.common import shortcuts
    from workbench.ui.contacts import user_dialogs

    opened = []
    monkeypatch.setattr(user_dialogs.ImportUsersDialog, "exec", lambda dialog: opened.append(dialog.windowTitle()) or 0)
    main_window.show_area("tasks")
    _press_in_capture_bar(main_window, qtbot, shortcuts.IMPORT_USERS)
    assert main_window.current_area() == "contacts"
    assert opened == ["导入用户名单"]
