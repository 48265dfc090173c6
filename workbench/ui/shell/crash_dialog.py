"""What the operator sees when something unexpected goes wrong: one short sentence, the app keeps running.

crash_reporting.py shows it; it is non-modal and reused, so a slot that fails on every repaint does not
stack a hundred windows.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget


class CrashDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("crash_dialog")
        self.setWindowTitle(self.tr("Something went wrong"))
        self.count = 0
        self.log_path: Path | None = None
        layout = QVBoxLayout(self)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setMinimumWidth(420)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.open_folder = buttons.addButton(self.tr("Open log folder"), QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.hide)
        self.open_folder.clicked.connect(self._open_folder)
        layout.addWidget(buttons)

    def report(self, log_path: Path | None) -> None:
        self.count += 1
        self.log_path = log_path
        text = self.tr("An unexpected error stopped that action. Your saved work is safe and the workbench "
                       "keeps running.")
        if log_path is not None:
            text += " " + self.tr("The details (with phone numbers masked) are in %1.").replace("%1", str(log_path))
        if self.count > 1:
            text += " " + self.tr("(%1 times)").replace("%1", str(self.count))
        self.message.setText(text)
        self.open_folder.setVisible(log_path is not None)
        self.show()
        self.raise_()

    def _open_folder(self) -> None:
        if self.log_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_path.parent)))
