"""帮助 › 审计日志: what left the app and whether phones and WeChat ids were masked."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from workbench import audit

ACTION_NAMES = {
    audit.EXPORT: QT_TRANSLATE_NOOP("AuditView", "Export"),
    audit.RETENTION_PURGE: QT_TRANSLATE_NOOP("AuditView", "Retention clean-up"),
    audit.RESTORE_BACKUP: QT_TRANSLATE_NOOP("AuditView", "Backup restored"),
    audit.REVEAL: QT_TRANSLATE_NOOP("AuditView", "Phone revealed"),
    audit.EXPORT_USERS: QT_TRANSLATE_NOOP("AuditView", "User list export"),
}


def action_name(key: str) -> str:
    """A readable label; a key this version does not know (a newer app wrote it) reads as words."""
    source = ACTION_NAMES.get(key)
    return QCoreApplication.translate("AuditView", source) if source else key.replace("_", " ").capitalize()


class AuditView(QDialog):
    def __init__(self, db, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.setObjectName("audit_view")
        self.setWindowTitle(self.tr("Audit log"))
        self.resize(820, 480)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Every export and every revealed phone number is listed here, with whether phone "
                               "numbers and WeChat ids were masked. Nothing is unmasked unless you choose it."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.unmasked_only = QCheckBox(self.tr("Only unmasked"))
        self.unmasked_only.toggled.connect(self.refresh)
        layout.addWidget(self.unmasked_only)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Action"), self.tr("Rows"),
                                              self.tr("Masked"), self.tr("Detail")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("Nothing recorded yet."))
        layout.addWidget(self.empty)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        rows = audit.entries(self.db, unmasked_only=self.unmasked_only.isChecked())
        self.table.setRowCount(len(rows))
        for number, entry in enumerate(rows):
            masked = self.tr("Yes") if entry["masked"] else self.tr("No — unmasked")
            cells = [entry["at"].replace("T", " "), action_name(entry["action"]), str(entry["rows"]), masked,
                     entry["detail"]]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(number, column, item)
        self.table.resizeColumnsToContents()
        self.empty.setVisible(not rows)

    def cell_text(self, row: int, column: int) -> str:
        return self.table.item(row, column).text()
