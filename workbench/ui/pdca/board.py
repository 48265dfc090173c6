"""The board: one column per stage (计划 / 执行 / 检查 / 处理 / 已关闭), a card per cycle showing its
metric, baseline → target, days in stage and a warning when stalled."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from workbench.pdca.repository import Card
from workbench.privacy import mask_text
from workbench.pdca.stages import STAGES
from workbench.ui.common.icons import icon
from workbench.ui.common.theme import ALERT_COLORS, current_scheme
from workbench.ui.pdca.cycle_format import STAGE_COLORS, stage_title, value_text

CYCLE_ROLE = Qt.ItemDataRole.UserRole


class StageColumn(QWidget):
    picked = Signal(int)

    def __init__(self, stage: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.stage = stage
        self.header = QLabel()
        self.header.setObjectName("stageHeader")
        self.header.setStyleSheet(f"font-weight: 600; padding: 4px 2px; border-bottom: 3px solid {STAGE_COLORS[stage]};")
        self.list = QListWidget()
        self.list.setObjectName(f"stage_{stage}")
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentItemChanged.connect(self._on_current)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.header)
        layout.addWidget(self.list, 1)

    def _on_current(self, item, _previous) -> None:
        if item is not None:
            self.picked.emit(item.data(CYCLE_ROLE))

    def show_cards(self, cards: list[Card]) -> None:
        self.header.setText(f"{stage_title(self.stage)} ({len(cards)})")
        self.list.blockSignals(True)
        self.list.clear()
        scheme = current_scheme()
        for card in cards:
            cycle = card.cycle
            lines = [mask_text(cycle.title)]
            if cycle.metric_column:
                lines.append(cycle.metric_column)
            if cycle.baseline is not None or cycle.target is not None:
                lines.append(f"{value_text(cycle.baseline, card.metric_type)} → {value_text(cycle.target, card.metric_type)}")
            days_text = self.tr("%1 day in stage") if card.days_in_stage == 1 else self.tr("%1 days in stage")
            status = days_text.replace("%1", str(card.days_in_stage)) if self.stage != "closed" else \
                (cycle.closed_at or "")[:10]
            if card.stalled == "check_overdue":
                status += " · " + self.tr("Check overdue")
            elif card.stalled:
                status += " · " + self.tr("Stalled")
            elif card.due_for_check:
                status += " · " + self.tr("Due for Check")
            elif card.review_due:
                status += " · " + self.tr("Review due")
            lines.append(status)
            item = QListWidgetItem("\n".join(lines))
            item.setData(CYCLE_ROLE, cycle.id)
            tooltip = mask_text(cycle.problem or cycle.title)
            if card.stalled:
                item.setIcon(icon("mdi6.alert-outline", ALERT_COLORS["orange"]))
                item.setBackground(QBrush(QColor(ALERT_COLORS["orange"]).lighter(190) if not scheme.dark
                                          else QColor(90, 60, 20)))
                tooltip += "\n" + self.tr("No Do note or finished step for a while, or the Check is overdue.")
            elif card.due_for_check or card.review_due:
                item.setIcon(icon("mdi6.clipboard-check-outline", STAGE_COLORS["check"]))
            item.setToolTip(tooltip)
            self.list.addItem(item)
        self.list.blockSignals(False)

    def select(self, cycle_id: int) -> bool:
        for row in range(self.list.count()):
            if self.list.item(row).data(CYCLE_ROLE) == cycle_id:
                self.list.blockSignals(True)
                self.list.setCurrentRow(row)
                self.list.blockSignals(False)
                return True
        self.list.clearSelection()
        return False


class Board(QWidget):
    picked = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.columns = {stage: StageColumn(stage) for stage in STAGES}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        for column in self.columns.values():
            column.picked.connect(self.picked)
            layout.addWidget(column, 1)

    def show_board(self, cards: dict[str, list[Card]]) -> None:
        for stage, column in self.columns.items():
            column.show_cards(cards.get(stage, []))

    def select(self, cycle_id: int) -> None:
        for column in self.columns.values():
            column.select(cycle_id)
