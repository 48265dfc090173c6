"""Every text field in the main window survives emoji, control characters, a 40,000-character paste
and right-to-left text; the shared personal-data hint warns about ID-card numbers."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit

from workbench.ui.shell.pages import PAGES

HOSTILE = ["👍🏽👨‍👩‍👧 好评 🇨🇳", "控制\x00\x07\x0b\x1b[31m字符", "مرحبا بالعالم עברית \u202eevil\u202c",
           "零宽\u200b\u200d\ufeff", "长文本" * 13_334]  # the last is a 40,002-character paste


def text_fields(window):
    found = [w for kind in (QLineEdit, QPlainTextEdit, QTextEdit) for w in window.findChildren(kind)]
    # spin boxes and masked/validated fields reject free text by design
    return [w for w in found if not w.isReadOnly() and w.objectName() != "qt_spinbox_lineedit"
            and not (isinstance(w, QLineEdit) and (w.validator() is not None or w.inputMask()))]


def field_text(widget) -> str:
    return widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()


@pytest.mark.parametrize("text", HOSTILE, ids=["emoji", "control", "rtl", "zero-width", "40k-paste"])
def test_every_text_field_takes_hostile_pastes(main_window, qtbot, text):
    from PySide6.QtCore import Qt

    for spec in PAGES:
        main_window.show_area(spec.key)
    fields = text_fields(main_window)
    assert len(fields) >= 3, "the capture bar and the pages' inputs are found"
    clipboard = QGuiApplication.clipboard()
    checked = []
    for field in fields:
        if not field.isEnabled():
            continue
        clipboard.setText(text)
        field.setFocus()
        field.clear()
        qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        got = field_text(field)
        assert got, f"{type(field).__name__} {field.objectName()!r} took nothing"
        assert len(got) <= len(text) + 1
        field.clear()
        checked.append(field)
    assert checked
    # the window still responds: every area shows
    for spec in PAGES:
        main_window.show_area(spec.key)
        assert main_window.current_area() == spec.key
    main_window.stack.currentWidget().repaint()
    from workbench.ui.shell.pages import PAGES as pages

    qtbot.waitUntil(lambda: len(main_window.pages) == len(pages), timeout=20000)
    qtbot.wait(600)  # let search-as-you-type debounce timers fire while the database is still open


def test_the_personal_data_hint_warns_about_id_cards_and_phones(qtbot):
    from workbench.ui.common.personal_data_hint import PersonalDataHint

    edit = QPlainTextEdit()
    hint = PersonalDataHint()
    qtbot.addWidget(edit)
    qtbot.addWidget(hint)
    hint.watch(edit)
    hint.show()
    edit.setPlainText("客户身份证 11010519491231002X 要求核实")
    assert hint.isVisible() and "ID" in hint.text() or "身份证" in hint.text()
    edit.setPlainText("回访时他说手机号 13800138000 换了")
    assert hint.isVisibleTo(hint.parentWidget() or hint) and hint.text()
    edit.setPlainText("一切正常")
    assert not hint.isVisible() and hint.text() == ""
