"""Done and dropped tasks: out of the grid, still searchable, with their completion times."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from workbench.privacy import mask_text
from workbench.tasks.repository import search_closed
from workbench.ui.tasks.task_format import quadrant_short

LIMIT = 300


class ClosedSearch(QWidget):
    reopen = Signal(int)
    back = Signal()

    def __init__(self, ctx):
        super().__init__()
        self.ctx = ctx
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("Search done and dropped tasks…"))
        self.query.setClearButtonEnabled(True)
        self.count = QLabel()
        self.count.setProperty("muted", True)
        reopen = QPushButton(self.tr("Reopen"))
        back = QPushButton(self.tr("Back to the matrix"))
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Task"), self.tr("Quadrant"), self.tr("Status"),
                                              self.tr("Closed at"), self.tr("Tags")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            self.table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.count)
        top.addWidget(reopen)
        top.addWidget(back)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 16)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.search)
        self.query.textChanged.connect(lambda _t: self._timer.start())
        reopen.clicked.connect(self._reopen_selected)
        back.clicked.connect(self.back.emit)

    def search(self) -> None:
        self._timer.stop()
        tasks = search_closed(self.ctx.db, self.query.text(), LIMIT)
        status_text = {"done": self.tr("Done"), "dropped": self.tr("Dropped")}
        self.table.setRowCount(len(tasks))
        for row, task in enumerate(tasks):
            values = [mask_text(task.title), quadrant_short(task.quadrant), status_text[task.status],
                      (task.done_at or "")[:16].replace("T", " "), " ".join(f"#{x}" for x in task.tags)]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, task.id)
                self.table.setItem(row, column, item)
        more = self.tr(" (newest %1 shown)").replace("%1", str(LIMIT)) if len(tasks) == LIMIT else ""
        self.count.setText(self.tr("%1 found").replace("%1", str(len(tasks))) + more)

    def _reopen_selected(self) -> None:
        item = self.table.item(self.table.currentRow(), 0)
        if item is not None:
            self.reopen.emit(item.data(Qt.ItemDataRole.UserRole))
            self.search()
