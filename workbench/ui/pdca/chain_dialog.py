"""The chain view: a cycle with its predecessors and successors (调整后再循环 links them)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout

from workbench.pdca import repository as repo
from workbench.ui.pdca.cycle_format import change_text, decision_title, stage_title


class ChainDialog(QDialog):
    def __init__(self, ctx, cycle_id: int, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Chain of cycles"))
        self.resize(720, 320)
        self.chosen: int | None = None
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Cycle"), self.tr("Stage"), self.tr("Change"), self.tr("Act decision"),
                                   self.tr("Started")])
        self.tree.setRootIsDecorated(True)
        items: dict[int, QTreeWidgetItem] = {}
        for link, cycle in repo.chain(ctx.db, cycle_id):
            check = cycle.check
            values = [cycle.title, stage_title(cycle.stage), change_text(check.change_pct) if check else "—",
                      decision_title(cycle.act_decision), cycle.created_at[:10]]
            parent = items.get(link.previous_id) if link.previous_id is not None else None
            item = QTreeWidgetItem(parent or self.tree, values)
            item.setData(0, Qt.ItemDataRole.UserRole, cycle.id)
            if cycle.id == cycle_id:
                font = item.font(0)
                font.setBold(True)
                item.setFont(0, font)
                self.tree.setCurrentItem(item)
            items[cycle.id] = item
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        self.tree.itemActivated.connect(self._open)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)

    def _open(self, item: QTreeWidgetItem, _column: int) -> None:
        self.chosen = item.data(0, Qt.ItemDataRole.UserRole)
        self.accept()
