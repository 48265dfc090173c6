"""Choose the metric cards: every numeric metric of every dated dataset, ticked ones shown in order."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout


class CardPicker(QDialog):
    def __init__(self, choices: list[tuple[str, str, str]], chosen: list[tuple[str, str]], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Metric cards"))
        self.resize(420, 520)
        hint = QLabel(self.tr("Tick the metrics to show as cards; drag to reorder."), wordWrap=True)
        self.list = QListWidget()
        self.list.setDragDropMode(QListWidget.DragDropMode.InternalMove)
        order = {c: i for i, c in enumerate(chosen)}
        for dataset, metric, _type in sorted(choices, key=lambda c: order.get((c[0], c[1]), 10_000)):
            item = QListWidgetItem(f"{metric}  ·  {dataset}")
            item.setData(Qt.ItemDataRole.UserRole, (dataset, metric))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if (dataset, metric) in order else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def chosen(self) -> list[tuple[str, str]]:
        return [tuple(self.list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]
