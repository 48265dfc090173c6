"""Fast typing re-parses before Qt has shown the chips it just made: those must never become top-level
windows (issue 18 part 4: chips flashed as separate windows and the main window lost focus)."""
from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from qt_typing import type_text
from workbench.tasks.capture_parser import parse_capture
from workbench.ui.tasks.chip_row import ChipButton, ChipRow

NOW = datetime(2026, 11, 25, 9, 30)


def _top_level_chips() -> list:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, ChipButton) and not w.isHidden()]


class WindowShows(QObject):
    """Records every chip shown as a window of its own, however briefly."""

    def __init__(self):
        super().__init__()
        self.chips: list[str] = []

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, ChipButton) and watched.isWindow():
            self.chips.append(watched.text())
        return False


@pytest.fixture
def window_shows(qapp):
    spy = WindowShows()
    qapp.installEventFilter(spy)
    yield spy
    qapp.removeEventFilter(spy)


def test_reparsing_before_the_chips_are_shown_opens_no_window(qtbot, window_shows):
    window = QWidget()
    row = ChipRow()
    QVBoxLayout(window).addWidget(row)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    for text in ("明天 #回访", "明天下午3点 #回访 @王芳", "后天 #回访 !!"):  # no event loop turn in between
        row.show_parse(parse_capture(text, NOW), NOW.date())
    QApplication.processEvents()
    qtbot.wait(20)
    assert window_shows.chips == [] and _top_level_chips() == []
    assert all(button.isVisible() and button.window() is window for button in row.buttons)
    assert any("回访" in text for text in row.texts())


def test_typing_fast_in_the_capture_bar_keeps_the_focus_in_the_main_window(main_window, qtbot, window_shows):
    field = main_window.capture_bar.field
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=2000)
    type_text(field, "明天下午3点给王芳回电话 #回访 !!")  # one event per character, no pause
    qtbot.wait(20)
    assert window_shows.chips == [] and _top_level_chips() == []
    assert QApplication.focusWidget() is field
