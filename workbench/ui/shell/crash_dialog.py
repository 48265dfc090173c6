"""What the operator sees when something unexpected goes wrong: one short sentence, the app keeps running.

install_crash_reporting() puts workbench.crash_report's hook in place with these dialogs. The dialog is
non-modal and reused, so a slot that fails on every repaint does not stack a hundred windows.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QMessageBox, QVBoxLayout, QWidget

from workbench.crash_report import install_excepthook, setup_app_log


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


class CrashReporting:
    """Owns the dialogs; keeps the previous excepthook so tests (and shutdown) can put it back."""

    def __init__(self, data_folder: Path, parent: QWidget | None = None):
        self.data_folder = Path(data_folder)
        self.parent = parent
        self.dialog: CrashDialog | None = None
        self.notice: QMessageBox | None = None
        setup_app_log(self.data_folder)
        self.previous = install_excepthook(self.data_folder, self.show_crash, self.show_sentence)

    def _parent(self) -> QWidget | None:
        return self.parent or QApplication.activeWindow()

    def show_crash(self, log_path: Path | None) -> None:
        if self.dialog is None:
            self.dialog = CrashDialog(self._parent())
        self.dialog.report(log_path)

    def show_sentence(self, sentence: str) -> None:
        """A problem the user can act on (the database is busy …): its sentence, not a crash report."""
        if self.notice is None:
            self.notice = QMessageBox(QMessageBox.Icon.Warning, QApplication.translate("CrashReporting", "Ops Workbench"),
                                      "", QMessageBox.StandardButton.Ok, self._parent())
            self.notice.setObjectName("user_error_notice")
        self.notice.setText(sentence)
        self.notice.show()
        self.notice.raise_()

    def uninstall(self) -> None:
        import sys

        sys.excepthook = self.previous


def install_crash_reporting(data_folder: Path, parent: QWidget | None = None) -> CrashReporting:
    return CrashReporting(data_folder, parent)
