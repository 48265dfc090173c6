"""A short confirmation drawn over the bottom of the window: what just happened, with 撤销 / 打开.

The status bar's own message area is covered by the permanent status line (it stretches over the whole
bar), so a showMessage() there is never drawn; this card is. Pages announce through
AppEvents.confirmation(text, options): options {"undo": True} offers 撤销 for the command just pushed
(only while it is still the latest one), {"open": ("tasks", 12)} navigates, {"open": Path} opens a file.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton


class Toast(QFrame):
    SHOWN_MS = 8000

    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.ctx = window.ctx
        self.setObjectName("toast")
        self.setProperty("card", True)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.clicked.connect(self.undo)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.clicked.connect(self.open_target)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 10, 8)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.undo_button)
        layout.addWidget(self.open_button)
        self.timer = QTimer(self, singleShot=True, interval=self.SHOWN_MS)
        self.timer.timeout.connect(self.hide)
        self._undo_index: int | None = None
        self._target = None
        window.installEventFilter(self)  # follows the window's size
        self.hide()

    def show_text(self, text: str, options: dict | None = None) -> None:
        options = options or {}
        self.label.setText(text)
        self._undo_index = self.ctx.undo_stack.index() if options.get("undo") else None
        self._target = options.get("open")
        self.undo_button.setVisible(self._undo_index is not None)
        self.open_button.setVisible(self._target is not None)
        self._place()
        self.show()
        self.raise_()
        self.timer.start()

    def undo(self) -> None:
        if self._undo_index is not None and self.ctx.undo_stack.index() == self._undo_index:
            self.ctx.undo_stack.undo()  # still the latest command: it is the one this card named
        self.hide()

    def open_target(self) -> None:
        target = self._target
        self.hide()
        if isinstance(target, Path):
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
        elif isinstance(target, tuple):
            self.ctx.events.navigate.emit(target[0], target[1])

    def _place(self) -> None:
        width = min(640, max(360, self.window_.width() // 2))
        self.setFixedWidth(width)
        self.adjustSize()
        bottom = self.window_.height() - self.window_.statusBar().height() - 12
        self.move((self.window_.width() - width) // 2, bottom - self.height())

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False
