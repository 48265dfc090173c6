"""Crash reporting for the window: workbench.crash_report's hook, with the dialogs that tell the operator.

Installed before the window's first frame; the dialog classes (ui/shell/crash_dialog.py, QMessageBox)
load only when something goes wrong, which keeps their types (~3 ms) out of every start-up.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from workbench.crash_report import install_excepthook, setup_app_log

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QWidget

    from workbench.ui.shell.crash_dialog import CrashDialog


class CrashReporting:
    """Owns the dialogs; keeps the previous excepthook so tests (and shutdown) can put it back."""

    def __init__(self, data_folder: Path, parent: QWidget | None = None):
        self.data_folder = _writable_log_home(Path(data_folder))
        self.parent = parent
        self.dialog: CrashDialog | None = None
        self.notice: QMessageBox | None = None
        self.previous = install_excepthook(self.data_folder, self.show_crash, self.show_sentence)

    def _parent(self) -> QWidget | None:
        from PySide6.QtWidgets import QApplication

        return self.parent or QApplication.activeWindow()

    def show_crash(self, log_path: Path | None) -> None:
        from workbench.ui.shell.crash_dialog import CrashDialog

        if self.dialog is None:
            self.dialog = CrashDialog(self._parent())
        self.dialog.report(log_path)

    def show_sentence(self, sentence: str) -> None:
        """A problem the user can act on (the database is busy …): its sentence, not a crash report."""
        from PySide6.QtWidgets import QApplication, QMessageBox

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


def _writable_log_home(beside_database: Path) -> Path:
    """The folder whose logs/ takes the app log: beside the database, or, when that folder is
    write-protected (a read-only database), the user data folder. Where neither can be written the
    app runs without a log file rather than not at all."""
    from workbench.store.paths import data_folder

    # data_folder() only when needed: it imports platformdirs (~5 ms before every first frame)
    for folder in (lambda: beside_database, data_folder):
        try:
            setup_app_log(folder())
            return folder()
        except OSError:
            continue
    return beside_database  # (writing a crash report there fails quietly: crash_report.py)


def install_crash_reporting(data_folder: Path, parent: QWidget | None = None) -> CrashReporting:
    return CrashReporting(data_folder, parent)
