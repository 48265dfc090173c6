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
