"""The status bar line: 数据库 workbench.db · 已备份 今天 09:02 · 待分拣 12 · 待跟进 7 · 预警 1."""
from __future__ import annotations

from datetime import date, datetime

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget


class StatusLine(QWidget):
    def __init__(self):
        super().__init__()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.setSpacing(0)
        self.font_warning = QLabel()
        self.font_warning.setObjectName("fontWarning")
        self.font_warning.hide()
        self.text = QLabel()
        layout.addWidget(self.font_warning)
        layout.addWidget(self.text)

    def backup_text(self, when: datetime | None, today: date) -> str:
        if when is None:
            return self.tr("Not backed up yet")
        if when.date() == today:
            return self.tr("Backed up today %1").replace("%1", f"{when:%H:%M}")
        return self.tr("Backed up %1").replace("%1", f"{when:%m-%d %H:%M}")

    def show_parts(self, database_name: str, last_backup: datetime | None, counts: list[str], today: date) -> None:
        parts = [self.tr("Database %1").replace("%1", database_name), self.backup_text(last_backup, today), *counts]
        self.text.setText(" · ".join(parts))

    def warn_fonts(self, sentence: str | None) -> None:
        self.font_warning.setText(sentence or "")
        self.font_warning.setVisible(bool(sentence))
