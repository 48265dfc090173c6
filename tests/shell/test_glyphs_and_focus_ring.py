"""Chips show no empty boxes and a focused button is plain to see (issue 18 part 4): every character a chip
shows is in the font it is drawn with (⏰ was in none of the installed fonts; marks are icons now), and a
focused button has a ring of the accent colour."""
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontMetrics

from workbench.ui.common.theme import ACCENT, current_scheme
from qt_typing import type_text


def test_every_chip_character_is_in_its_font_and_marks_are_icons(main_window, qtbot):
    field = main_window.capture_bar.field
    main_window.activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    type_text(field, "12月10日下午3点 每周一 回访 @王芳 #召回 *")
    chips = main_window.capture_bar.capture.chips
    qtbot.waitUntil(lambda: len(chips.buttons) >= 5)
    kinds = {button.chip.kind: button for button in chips.buttons}
    assert {"due", "recurrence", "mention", "tag", "priority"} <= set(kinds)
    for button in chips.buttons:
        metrics = QFontMetrics(button.font())
        missing = [char for char in button.text() if not char.isspace() and not metrics.inFontUcs4(ord(char))]
        assert missing == [], button.text()
    assert not kinds["due"].icon().isNull() and not kinds["recurrence"].icon().isNull()
    assert kinds["due"].text().endswith(" 15:00")


def _edge(widget) -> QColor:
    image = widget.grab().toImage()
    return QColor(image.pixel(1, image.height() // 2))


def _distance(a: QColor, b: QColor) -> int:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())


def test_a_focused_button_has_a_clear_ring(main_window, qtbot):
    main_window.show_area("tasks")
    main_window.activateWindow()
    qtbot.waitExposed(main_window)
    page = main_window.page("tasks")
    button = page.closed_button  # 已完成/已删减…, an ordinary button
    button.clearFocus()
    page.setFocus()
    qtbot.wait(20)
    plain = _edge(button)
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(button.hasFocus)
    ring = _edge(button)
    assert _distance(ring, QColor(ACCENT)) < 60  # two pixels of the accent colour
    assert _distance(plain, QColor(ACCENT)) > 200  # against the quiet one-pixel line before
    assert _distance(ring, QColor(current_scheme().surface)) > 200
