"""A metric card: name, latest value, 日环比 and 周同比, a sparkline and the alert colour (painted with
QPainter: twelve cards must not wait for a chart library)."""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from workbench.reports.metric_cards import MetricCard, format_change, format_value
from workbench.ui.common.theme import ACCENT, ALERT_COLORS, current_scheme

UP, DOWN = "#3aa76d", "#d23c3c"


class MetricCardWidget(QWidget):
    clicked = Signal(str, str)   # dataset, metric

    def __init__(self, card: MetricCard, parent=None):
        super().__init__(parent)
        self.card = card
        self.setFixedSize(208, 116)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(f"{card.dataset} · {card.metric}" + (f" · {card.latest_date}" if card.latest_date else ""))

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.card.dataset, self.card.metric)

    def paintEvent(self, _event) -> None:
        scheme = current_scheme()
        card = self.card
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(QPen(QColor(scheme.line)))
        painter.setBrush(QColor(scheme.surface))
        painter.drawRoundedRect(rect, 8, 8)
        if card.alert_level:
            colour = QColor(ALERT_COLORS[card.alert_level])
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(QRectF(0, 0, 4, self.height()), 2, 2)
            painter.drawEllipse(QPointF(self.width() - 14, 14), 5, 5)
        font = QFont(self.font())
        font.setPixelSize(12)
        painter.setFont(font)
        painter.setPen(QColor(scheme.muted))
        title = painter.fontMetrics().elidedText(card.metric, Qt.TextElideMode.ElideRight, self.width() - 36)
        painter.drawText(QRectF(12, 8, self.width() - 36, 18), Qt.AlignmentFlag.AlignLeft, title)
        big = QFont(self.font())
        big.setPixelSize(22)
        big.setBold(True)
        painter.setFont(big)
        painter.setPen(QColor(scheme.text))
        painter.drawText(QRectF(12, 26, self.width() - 24, 30), Qt.AlignmentFlag.AlignLeft,
                         format_value(card.latest, card.type))
        painter.setFont(font)
        y = 60
        for label, change in ((self.tr("DoD"), card.day_change), (self.tr("WoW"), card.week_change)):
            painter.setPen(QColor(scheme.muted))
            painter.drawText(QRectF(12, y, 44, 16), Qt.AlignmentFlag.AlignLeft, label)
            painter.setPen(QColor(UP if (change or 0) > 0 else DOWN if (change or 0) < 0 else scheme.muted))
            painter.drawText(QRectF(52, y, 60, 16), Qt.AlignmentFlag.AlignLeft, format_change(change))
            y += 18
        self._sparkline(painter, QRectF(112, 62, self.width() - 124, 40))
        painter.setPen(QColor(scheme.muted))
        small = QFont(self.font())
        small.setPixelSize(11)
        painter.setFont(small)
        footer = painter.fontMetrics().elidedText(card.dataset + (f" · {card.latest_date[5:]}" if card.latest_date else ""),
                                                  Qt.TextElideMode.ElideMiddle, self.width() - 24)
        painter.drawText(QRectF(12, self.height() - 18, self.width() - 24, 14), Qt.AlignmentFlag.AlignLeft, footer)
        painter.end()

    def _sparkline(self, painter: QPainter, box: QRectF) -> None:
        points = [(i, v) for i, v in enumerate(self.card.sparkline) if v is not None]
        if len(points) < 2:
            return
        lo = min(v for _, v in points)
        hi = max(v for _, v in points)
        span = (hi - lo) or 1
        n = max(len(self.card.sparkline) - 1, 1)
        path = QPainterPath()
        for k, (i, v) in enumerate(points):
            p = QPointF(box.left() + box.width() * i / n, box.bottom() - box.height() * (v - lo) / span)
            path.moveTo(p) if k == 0 else path.lineTo(p)
        colour = ALERT_COLORS.get(self.card.alert_level or "", ACCENT)
        painter.setPen(QPen(QColor(colour), 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
