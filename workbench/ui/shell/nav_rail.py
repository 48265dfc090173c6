"""The navigation rail: one entry per area, icon over name, with a count badge."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem, QStyledItemDelegate

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

from workbench.ui.common.theme import ALERT_COLORS

BADGE_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2


class _BadgeDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option, index) -> None:
        super().paint(painter, option, index)
        badge = index.data(BADGE_ROLE)
        if not badge:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(option.font)
        font.setPixelSize(10)
        font.setBold(True)
        painter.setFont(font)
        width = max(16, painter.fontMetrics().horizontalAdvance(badge) + 8)
        rect = QRect(option.rect.right() - width - 10, option.rect.top() + 6, width, 16)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(ALERT_COLORS["red"]))
        painter.drawRoundedRect(rect, 8, 8)
        painter.setPen(QColor("white"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, badge)
        painter.restore()


class NavRail(QListWidget):
    WIDTH = 96

    def __init__(self):
        super().__init__()
        self.setObjectName("navRail")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.TopToBottom)
        self.setMovement(QListView.Movement.Static)
        self.setWrapping(False)
        self.setIconSize(QSize(24, 24))
        self.setGridSize(QSize(self.WIDTH - 8, 64))
        self.setFixedWidth(self.WIDTH)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setItemDelegate(_BadgeDelegate(self))
        self._keyboard = False  # the last move was an arrow key (the page leaves the focus on the rail)

    def keyPressEvent(self, event) -> None:
        self._keyboard = True
        try:
            super().keyPressEvent(event)
        finally:
            self._keyboard = False

    def walked_by_keys(self) -> bool:
        return self._keyboard and self.hasFocus()

    def add_area(self, key: str, title: str, icon: QIcon | None = None) -> None:
        """`icon` None keeps an empty icon's place (set_icons fills it), so the names do not move."""
        item = QListWidgetItem(title)
        # The empty place is a transparent pixmap: no QIcon before the first frame (its enums, ~2 ms).
        item.setData(Qt.ItemDataRole.DecorationRole, icon if icon is not None else self._blank_pixmap())
        item.setData(KEY_ROLE, key)
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        item.setSizeHint(QSize(self.WIDTH - 12, 60))
        self.addItem(item)

    def set_icons(self, icons: list[QIcon]) -> None:
        for row, area_icon in enumerate(icons):
            self.item(row).setIcon(area_icon)

    def _blank_pixmap(self) -> QPixmap:
        blank = QPixmap(self.iconSize())
        blank.fill(Qt.GlobalColor.transparent)
        return blank

    def set_badge(self, row: int, text: str) -> None:
        self.item(row).setData(BADGE_ROLE, text)

    def titles(self) -> list[str]:
        return [self.item(i).text() for i in range(self.count())]
