"""The capture bar above every page (placeholder until the task inbox lands)."""
from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QWidget


class CaptureBar(QWidget):
    def __init__(self, ctx):
        super().__init__()
        self.ctx = ctx
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("+ Capture… (Ctrl+N)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.field)

    def focus_capture(self) -> None:
        self.field.setFocus()
        self.field.selectAll()
