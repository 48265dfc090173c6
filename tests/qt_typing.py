"""Typing into widgets in pytest-qt tests (importable from any test: tests/ is on sys.path via conftest)."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication


def type_text(widget, text: str) -> None:
    """Type the way an input method delivers text: one key event per character, carrying the
    character (QTest.keyClicks only knows Latin-1 and aborts on Chinese)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))
    QApplication.processEvents()
