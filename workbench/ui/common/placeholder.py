"""A page for an area whose screen has not been built yet."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderPage(QWidget):
    def __init__(self, ctx, title: str):
        super().__init__()
        self.ctx = ctx
        label = QLabel(title)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setObjectName("placeholderTitle")
        layout = QVBoxLayout(self)
        layout.addWidget(label)

    def refresh(self) -> None:
        pass

    def badge(self) -> str:
        return ""
