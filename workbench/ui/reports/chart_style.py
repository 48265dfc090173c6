"""Chart colours and the date axis (Chinese or English labels). Imports pyqtgraph: load lazily."""
from __future__ import annotations

from datetime import date, timedelta

import pyqtgraph as pg
from PySide6.QtCore import QLocale

from workbench.ui.common.theme import ACCENT, ALERT_COLORS, current_scheme

SERIES_COLORS = [ACCENT, "#e07b39", "#3aa76d", "#8e6bd1", "#d64579", "#2aa3b8", "#a38a2a", "#6b7280"]
EPOCH = date(1970, 1, 1)
EVENT_COLORS = {"import": "#8a8f98", "pdca": "#3aa76d", "pdca_check": "#2b7d52"}


def chinese() -> bool:
    return QLocale().language() == QLocale.Language.Chinese


def day_number(iso: str) -> int:
    return (date.fromisoformat(iso[:10]) - EPOCH).days


def pen(color: str, width: float = 1, dashed: bool = False):
    from PySide6.QtCore import Qt

    p = pg.mkPen(color=color, width=width)
    if dashed:
        p.setStyle(Qt.PenStyle.DashLine)
    return p


def alert_color(level: str | None) -> str:
    return ALERT_COLORS.get(level or "", "#8a8f98")


def new_plot_widget(**axis_items) -> pg.PlotWidget:
    scheme = current_scheme()
    widget = pg.PlotWidget(background=scheme.surface, axisItems=axis_items or None)
    item = widget.getPlotItem()
    for name in ("left", "bottom", "right"):
        axis = item.getAxis(name)
        axis.setPen(pg.mkPen(scheme.line))
        axis.setTextPen(pg.mkPen(scheme.muted))
    item.showGrid(x=True, y=True, alpha=0.12)
    widget.setMenuEnabled(False)
    return widget


class DayAxis(pg.AxisItem):
    """x = days since 1970-01-01; labels 11月25日 / 2026年11月 in Chinese, Nov 25 / Nov 2026 in English."""

    def __init__(self, *args, **kwargs):
        super().__init__("bottom", *args, **kwargs)
        self.zh = chinese()

    def tickValues(self, minVal, maxVal, size):
        span = maxVal - minVal
        if span <= 0:
            return []
        for step in (1, 2, 7, 14, 30.4375, 91.3125, 182.625, 365.25, 730.5, 1826.25):
            if span / step <= max(size / 90, 2):
                break
        first, last = int(minVal) - 1, int(maxVal) + 1
        if step < 28:
            start = first - (first + 3) % 7 if step >= 7 else first  # weeks start on Monday
            ticks = list(range(start, last, int(step)))
        else:
            months = max(1, round(step / 30.4375))
            d = EPOCH + timedelta(days=first)
            d = date(d.year, d.month, 1)
            ticks = []
            while (d - EPOCH).days <= last:
                if (d.year * 12 + d.month - 1) % months == 0:
                    ticks.append((d - EPOCH).days)
                d = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
        return [(step, [t for t in ticks if minVal <= t <= maxVal])]

    def tickStrings(self, values, scale, spacing):
        out = []
        for v in values:
            try:
                d = EPOCH + timedelta(days=int(round(v)))
            except OverflowError:
                out.append("")
                continue
            if spacing >= 28:
                out.append(f"{d.year}年{d.month}月" if self.zh else d.strftime("%b %Y"))
            else:
                out.append(f"{d.month}月{d.day}日" if self.zh else d.strftime("%b %d").replace(" 0", " "))
        return out


def label_axis(axis: pg.AxisItem, labels: list[str]) -> None:
    axis.setTicks([[(i, text) for i, text in enumerate(labels)]])


def percent_axis(axis: pg.AxisItem) -> None:
    axis.tickStrings = lambda values, scale, spacing: [f"{v * 100:.0f}%" if spacing >= 0.01 else f"{v * 100:.1f}%"
                                                      for v in values]
