"""The capture bar above every page (docs/architecture.md): type, see what was understood, press Enter.

It also owns the ways to capture without the main window: the tray icon's quick-capture window and
an application shortcut (Ctrl+Shift+Space) that opens it without raising the main window.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QWidget

from workbench.ui.tasks.capture_field import CaptureField

QUICK_CAPTURE_SHORTCUT = "Ctrl+Shift+Space"


class CaptureBar(QWidget):
    def __init__(self, ctx):
        super().__init__()
        self.ctx = ctx
        self.setObjectName("captureBar")
        self.capture = CaptureField(ctx)
        self.field = self.capture.field
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.capture)
        self.quick = None
        self._shortcut = QShortcut(QKeySequence(QUICK_CAPTURE_SHORTCUT), self)
        self._shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        self._shortcut.activated.connect(self.open_quick_capture)

    def install_tray(self) -> None:
        """The tray icon with 'Quick capture' (the main window calls this after its first frame)."""
        from workbench.ui.tasks.quick_capture import install_tray

        install_tray(self.ctx)

    def focus_capture(self) -> None:
        self.capture.focus()

    def open_quick_capture(self) -> None:
        from workbench.ui.tasks.quick_capture import quick_capture_window

        quick_capture_window(self.ctx).show_near_cursor()
