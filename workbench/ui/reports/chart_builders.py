"""One function per chart kind: plain data (workbench/reports/chart_data.py) in, a pyqtgraph widget
out, plus a hover function that names the exact value under the mouse. Imports pyqtgraph: load lazily.

Big series follow the measured recipe: 1-px pens, setDownsampling(auto, 'peak'), setClipToView."""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF
from PySide6.QtGui import QColor

from workbench.reports.metric_cards import format_value
from workbench.reports.rfm import SEGMENT_ORDER
from workbench.ui.reports.chart_labels import segment_label, short_title, stack_labels
from workbench.ui.common.theme import ACCENT, current_scheme
from workbench.ui.reports.chart_style import (EVENT_COLORS, SERIES_COLORS, DayAxis, alert_color, chinese,
                                              day_number, new_plot_widget, pen, percent_axis)



@dataclass
class Chart:
    widget: pg.GraphicsView
    plot: pg.PlotItem                        # the plot the mouse position is mapped into
    hover: Callable[[float, float], str]     # view (x, y) → text
    tags: object = None                      # the trend's marker tags (MarkerTags), the heatmap's cell labels
    scale: object = None                     # the heatmap's colour scale (ColorBarItem)


def tune_big_series(item: pg.PlotItem) -> None:
    # PlotItem names the keyword `mode`; PlotDataItem.setDownsampling names it `method`.
    item.setDownsampling(auto=True, mode="peak")
    item.setClipToView(True)


def _fmt(value, column_type: str) -> str:
    return format_value(value, column_type) if value is not None else "—"


def _date_text(iso: str) -> str:
    y, m, d = iso[:10].split("-")
    return f"{y}年{int(m)}月{int(d)}日" if chinese() else iso[:10]


# --- trend -------------------------------------------------------------------------------------
def build_trend(data, *, moving: bool = True, previous: bool = False, events=(), right_metrics=()) -> Chart:
    widget = new_plot_widget(bottom=DayAxis())
    item = widget.getPlotItem()
    tune_big_series(item)
    item.addLegend(offset=(10, 6), labelTextColor=current_scheme().muted)
    xs = np.array([day_number(d) for d in data.dates], dtype=float)
    left_types = {data.types[m] for m in data.series if m not in right_metrics}
    if left_types == {"percent"}:
        percent_axis(item.getAxis("left"))
    right_view = None
    if right_metrics:
        right_view = pg.ViewBox()
        item.showAxis("right")
        item.scene().addItem(right_view)
        item.getAxis("right").linkToView(right_view)
        right_view.setXLink(item)
        if {data.types[m] for m in right_metrics} == {"percent"}:
            percent_axis(item.getAxis("right"))

        def sync() -> None:
            right_view.setGeometry(item.vb.sceneBoundingRect())
            right_view.linkedViewChanged(item.vb, right_view.XAxis)
        item.vb.sigResized.connect(sync)
    for index, (metric, values) in enumerate(data.series.items()):
        color = SERIES_COLORS[index % len(SERIES_COLORS)]
        ys = np.array([np.nan if v is None else v for v in values], dtype=float)
        target = right_view if metric in right_metrics else item
        suffix = QCoreApplication.translate("Charts", " (right axis)") if metric in right_metrics else ""
        curve = pg.PlotDataItem(xs, ys, pen=pen(color, 1), name=metric + suffix, connect="finite")
        if moving:
            ma = np.array([np.nan if v is None else v for v in data.moving[metric]], dtype=float)
            ma_curve = pg.PlotDataItem(xs, ma, pen=pen(color, 1, dashed=True), name=metric + QCoreApplication.translate("Charts", " 7-day average"),
                                       connect="finite")
        if previous:
            prev = np.array([np.nan if v is None else v for v in data.previous[metric]], dtype=float)
            prev_curve = pg.PlotDataItem(xs, prev, pen=pen(QColor(color).lighter(160).name(), 1),
                                         name=metric + QCoreApplication.translate("Charts", " previous period"), connect="finite")
        for c in [curve] + ([ma_curve] if moving else []) + ([prev_curve] if previous else []):
            if target is item:
                item.addItem(c)
            else:
                target.addItem(c)
                item.legend.addItem(c, c.name())
    # Imports and PDCA days as thin vertical lines, each with a short tag at the top (few); alerts as
    # one scatter of level-coloured triangles on the alerted metric's points (hundreds of lines would
    # cost a frame each).
    marks = marker_tags(events)
    for day, kind, _tag in marks:
        line = pg.InfiniteLine(pos=day_number(day), angle=90, movable=False,
                               pen=pen(EVENT_COLORS.get(kind, ACCENT), 1, dashed=True))
        line.setOpacity(0.55)
        item.addItem(line, ignoreBounds=True)
    tags = MarkerTags(item, [(day_number(day), kind, tag) for day, kind, tag in marks])
    index_of = {d: i for i, d in enumerate(data.dates)}
    for metric, values in data.series.items():
        spots = [(day_number(e.date), values[index_of[e.date]], alert_color(e.level)) for e in events
                 if e.kind == "alert" and e.label.startswith(metric + " ") and e.date in index_of
                 and values[index_of[e.date]] is not None]
        if spots:
            marks = pg.ScatterPlotItem([x for x, _, _ in spots], [y for _, y, _ in spots], symbol="t", size=11,
                                       pen=pg.mkPen("#ffffff"), brush=[pg.mkBrush(c) for _, _, c in spots])
            (right_view if metric in right_metrics else item).addItem(marks)
    by_day: dict[int, list] = {}
    for event in events:
        by_day.setdefault(day_number(event.date), []).append(event)
    kinds = {"import": QCoreApplication.translate("Charts", "import"), "alert": QCoreApplication.translate("Charts", "alert"),
             "pdca": QCoreApplication.translate("Charts", "PDCA Do start"),
             "pdca_check": QCoreApplication.translate("Charts", "PDCA Check")}

    def hover(x: float, y: float) -> str:
        if not data.dates:
            return ""
        i = min(max(bisect_left(xs.tolist(), round(x)), 0), len(xs) - 1)
        day = data.dates[i]
        parts = [_date_text(day)]
        for metric, values in data.series.items():
            parts.append(f"{metric} {_fmt(values[i], data.types[metric])}")
            if moving and data.moving[metric][i] is not None:
                parts.append(QCoreApplication.translate("Charts", "7-day avg") + " " + _fmt(data.moving[metric][i], data.types[metric]))
        for event in by_day.get(int(xs[i]), []):
            parts.append(f"[{kinds.get(event.kind, event.kind)}] {event.label}")
        return " · ".join(parts)
    chart = Chart(widget, item, hover)
    chart.tags = tags
    return chart


def marker_tags(events) -> list[tuple[str, str, str]]:
    """(day, kind, tag) for the marked imports and PDCA days: 导入 / PDCA：<short title> / 检查：<short
    title>; several of one kind on one day share a tag (导入 ×2)."""
    grouped: dict[tuple[str, str], list] = {}
    for event in events:
        if event.kind in ("import", "pdca", "pdca_check"):
            grouped.setdefault((event.date[:10], event.kind), []).append(event)
    out = []
    for (day, kind), group in sorted(grouped.items()):
        if kind == "import":
            tag = QCoreApplication.translate("Charts", "Import")
        else:
            prefix = "PDCA" if kind == "pdca" else QCoreApplication.translate("Charts", "Check")
            tag = QCoreApplication.translate("Charts", "%1: %2").replace("%1", prefix).replace(
                "%2", short_title(group[0].label))
        if len(group) > 1:
            tag += f" ×{len(group)}"
        out.append((day, kind, tag))
    return out


class MarkerTags:
    """The markers' tags along the top of the plot. They do not scale with the view, so on every zoom and
    resize they are laid out again: a tag that would touch its neighbour goes one lane lower, and when
    three lanes are taken there it is hidden (the hover line still names it)."""
    LANES = 3

    def __init__(self, item: pg.PlotItem, marks: list[tuple[float, str, str]]):
        self.item = item
        self.texts: list[tuple[float, pg.TextItem]] = []
        for x, kind, tag in marks:
            fill = QColor(current_scheme().surface)
            fill.setAlpha(215)                       # readable over the curves, which still show through
            text = pg.TextItem(tag, color=EVENT_COLORS.get(kind, ACCENT), anchor=(0, 0), fill=pg.mkBrush(fill))
            text.setZValue(20)
            item.addItem(text, ignoreBounds=True)
            self.texts.append((x, text))
        if self.texts:
            item.vb.sigRangeChanged.connect(self.layout)
            item.vb.sigResized.connect(self.layout)
            self.layout()

    def layout(self, *_args) -> None:
        vb = self.item.vb
        (x0, x1), (y0, y1) = vb.viewRange()
        width = vb.width() or 1
        height = vb.height() or 1
        per_px_x, per_px_y = (x1 - x0) / width, (y1 - y0) / height
        spans = []
        for x, text in self.texts:
            px, w = (x - x0) / per_px_x if per_px_x else 0, text.textItem.boundingRect().width()
            left = px + 3 if px + 3 + w <= width else px - 3 - w   # near the right edge: left of its line
            spans.append((left, left + w))
        lanes = stack_labels(spans, self.LANES)
        for (x, text), lane, (left, right) in zip(self.texts, lanes, spans):
            inside = lane is not None and 0 <= left and right <= width
            text.setVisible(inside)
            if inside:
                line_height = text.textItem.boundingRect().height()
                text.setPos(x0 + left * per_px_x, y1 - lane * line_height * per_px_y)

    def shown(self) -> list[str]:
        return [text.textItem.toPlainText() for _, text in self.texts if text.isVisible()]


# --- bars by dimension -----------------------------------------------------------------------
def build_bars(items: list[tuple[str, float]], metric: str, column_type: str) -> Chart:
    widget = new_plot_widget()
    item = widget.getPlotItem()
    labels = [label for label, _ in items]
    values = [v for _, v in items]
    ys = np.arange(len(items))[::-1]      # first item on top
    bars = pg.BarGraphItem(x0=0, y=ys, height=0.62, width=values, brush=pg.mkBrush(ACCENT), pen=pg.mkPen(None))
    item.addItem(bars)
    item.getAxis("left").setTicks([[(int(y), label) for y, label in zip(ys, labels)]])
    if column_type == "percent":
        percent_axis(item.getAxis("bottom"))
    for y, value in zip(ys, values):
        text = pg.TextItem(_fmt(value, column_type), color=current_scheme().muted, anchor=(0, 0.5))
        text.setPos(value, float(y))
        item.addItem(text)
    item.setTitle(metric, color=current_scheme().muted)
    item.showGrid(x=True, y=False, alpha=0.12)
    if values:
        item.setXRange(min(0, min(values)), max(values) * 1.15 or 1, padding=0.02)   # room for the labels

    def hover(x: float, y: float) -> str:
        index = len(items) - 1 - int(round(y))
        if 0 <= index < len(items):
            return f"{items[index][0]} · {metric} {_fmt(items[index][1], column_type)}"
        return ""
    return Chart(widget, item, hover)


# --- funnel ----------------------------------------------------------------------------------
def build_funnel(steps, title: str = "") -> Chart:
    widget = new_plot_widget()
    item = widget.getPlotItem()
    if title:
        item.setTitle(title, color=current_scheme().muted)
    item.showGrid(x=False, y=False)
    item.hideAxis("bottom")
    top = max((s.value for s in steps), default=1) or 1
    ys = np.arange(len(steps))[::-1]
    widths = [s.value for s in steps]
    colors = [QColor(ACCENT).lighter(100 + 12 * i) for i in range(len(steps))]
    bars = pg.BarGraphItem(x0=[-w / 2 for w in widths], y=ys, height=0.7, width=widths,
                           brushes=[pg.mkBrush(c) for c in colors], pen=pg.mkPen(None))
    item.addItem(bars)
    item.getAxis("left").setTicks([[(int(y), s.name) for y, s in zip(ys, steps)]])
    for y, step in zip(ys, steps):
        lines = [f"{step.value:,.0f}"]
        if step.step_rate is not None:
            lines.append(QCoreApplication.translate("Charts", "step") + f" {step.step_rate * 100:.1f}%")
        if step.overall_rate is not None and step.step_rate is not None:
            lines.append(QCoreApplication.translate("Charts", "overall") + f" {step.overall_rate * 100:.1f}%")
        text = pg.TextItem("  ".join(lines), color=current_scheme().text, anchor=(0, 0.5))
        text.setPos(max(step.value / 2, top * 0.08), float(y))
        item.addItem(text)
    item.setXRange(-top / 2, top * 0.95, padding=0.02)

    def hover(x: float, y: float) -> str:
        index = len(steps) - 1 - int(round(y))
        if 0 <= index < len(steps):
            s = steps[index]
            rates = ""
            if s.step_rate is not None:
                rates = " · " + QCoreApplication.translate("Charts", "from the step before") + f" {s.step_rate * 100:.2f}% · " + QCoreApplication.translate("Charts", "from the first step") + \
                    f" {s.overall_rate * 100:.2f}%"
            return f"{s.name} {s.value:,.0f}{rates}"
        return ""
    return Chart(widget, item, hover)


def _signed_percent(fraction: float | None) -> str:
    return "—" if fraction is None else f"{fraction * 100:+.1f}%"


def _points(fraction: float | None) -> str:
    return "—" if fraction is None else f"{fraction * 100:+.1f}" + QCoreApplication.translate("Charts", " pp")


def _tinted(text: str, fraction: float | None) -> str:
    """A change in green when it rose, red when it fell (HTML for a TextItem)."""
    if not fraction:
        return text
    return f'<span style="color:{"#2f9e62" if fraction > 0 else "#d64545"}">{text}</span>'


def funnel_change_text(change, html: bool = False) -> str:
    """A step's change against the other period: the count's % and the conversion's percentage points."""
    tint = _tinted if html else (lambda text, _f: text)
    text = QCoreApplication.translate("Charts", "vs %1: %2").replace("%1", f"{change.previous:,.0f}").replace(
        "%2", tint(_signed_percent(change.change), change.change))
    if change.step_rate_points is not None:
        text += "  " + QCoreApplication.translate("Charts", "step") + " " + tint(_points(change.step_rate_points),
                                                                              change.step_rate_points)
    return text


def build_funnel_compare(changes, current, title: str, other_title: str) -> Chart:
    """Two periods side by side: per step, this period's bar over the other's (lighter), each step labelled
    with its count, the change in % and the change of its conversion in percentage points."""
    widget = new_plot_widget()
    item = widget.getPlotItem()
    item.showGrid(x=True, y=False, alpha=0.12)
    item.addLegend(offset=(-10, 6), labelTextColor=current_scheme().muted)
    n = len(changes)
    ys = np.arange(n)[::-1].astype(float)
    top = max([c.value for c in changes] + [c.previous for c in changes] + [1])
    now_bars = pg.BarGraphItem(x0=0, y=ys + 0.19, height=0.36, width=[c.value for c in changes],
                               brush=pg.mkBrush(ACCENT), pen=pg.mkPen(None), name=title)
    before_bars = pg.BarGraphItem(x0=0, y=ys - 0.19, height=0.36, width=[c.previous for c in changes],
                                  brush=pg.mkBrush(QColor(ACCENT).lighter(165)), pen=pg.mkPen(None), name=other_title)
    item.addItem(now_bars)
    item.addItem(before_bars)
    item.getAxis("left").setTicks([[(float(y), c.name) for y, c in zip(ys, changes)]])
    texts = []
    for y, change, step in zip(ys, changes, current):
        line = f"{change.value:,.0f}"
        if step.step_rate is not None:
            line += "  " + QCoreApplication.translate("Charts", "step") + f" {step.step_rate * 100:.1f}%"
        text = pg.TextItem(anchor=(0, 0.5))
        body = f"{line}<br>{funnel_change_text(change, html=True)}".replace("  ", "&nbsp;&nbsp;")  # HTML folds spaces
        text.setHtml(f'<div style="color:{current_scheme().text}">{body}</div>')
        text.setPos(max(change.value, change.previous), float(y))
        item.addItem(text)
        texts.append(text.textItem.toPlainText())
    item.setXRange(0, top * 1.6, padding=0.02)   # room for the labels right of the bars
    item.setYRange(-0.6, n - 0.4, padding=0)

    def hover(x: float, y: float) -> str:
        index = n - 1 - int(round(y))
        if 0 <= index < n:
            c = changes[index]
            return (f"{c.name} · {title} {c.value:,.0f} · {other_title} {c.previous:,.0f} · "
                    f"{_signed_percent(c.change)} · " + QCoreApplication.translate("Charts", "from the first step")
                    + " " + _points(c.overall_rate_points))
        return ""
    chart = Chart(widget, item, hover)
    chart.tags = texts
    return chart


# --- cohort retention -------------------------------------------------------------------------
HEAT_LIGHT = QColor(235, 242, 252)


def _heat_rgba(cells: list[list[float | None]]) -> tuple[np.ndarray, np.ndarray]:
    """Rows of cells → an RGBA image (an unobserved cell is transparent, not the colour of 0%) and each
    cell's shade 0…1 from the lowest to the highest value (the colour scale's range)."""
    rows, cols = len(cells), max((len(r) for r in cells), default=0)
    values = np.full((rows, cols), np.nan)
    for i, row in enumerate(cells):
        for j, v in enumerate(row):
            if v is not None:
                values[i, j] = v
    lo, hi = _heat_scale(cells)
    t = np.nan_to_num(np.clip((values - lo) / ((hi - lo) or 1), 0, 1))
    base = np.array([HEAT_LIGHT.red(), HEAT_LIGHT.green(), HEAT_LIGHT.blue()], dtype=float)
    accent = np.array([QColor(ACCENT).red(), QColor(ACCENT).green(), QColor(ACCENT).blue()], dtype=float)
    rgba = np.zeros((rows, cols, 4), dtype=np.ubyte)
    mix = base[None, None, :] * (1 - t[..., None]) + accent[None, None, :] * t[..., None]
    rgba[..., :3] = mix.astype(np.ubyte)
    rgba[..., 3] = np.where(np.isfinite(values), 255, 0)
    return rgba, t


class ThinAxis(pg.AxisItem):
    """An axis of named positions (period labels, cohort dates) that shows only the labels that fit:
    at each zoom and size, a label that would touch the one before it is left out."""

    def __init__(self, orientation: str, labelled: list[tuple[float, str]], **kwargs):
        super().__init__(orientation, **kwargs)
        self.labelled = labelled
        self.kept: list[float] = []

    def tickValues(self, minVal, maxVal, size):
        minVal, maxVal = min(minVal, maxVal), max(minVal, maxVal)   # an inverted view passes them reversed
        if maxVal <= minVal or not self.labelled:
            return []
        from PySide6.QtGui import QFontMetricsF

        metrics = QFontMetricsF(self.style.get("tickFont") or self.font())
        per_unit = size / (maxVal - minVal)
        inside = [(pos, text) for pos, text in self.labelled if minVal <= pos <= maxVal]
        spans = []
        for pos, text in inside:
            half = (metrics.horizontalAdvance(text) if self.orientation in ("top", "bottom") else metrics.height()) / 2
            centre = (pos - minVal) * per_unit
            spans.append((centre - half, centre + half))
        lanes = stack_labels(spans, 1, gap=6.0)
        self.kept = [pos for (pos, _), lane in zip(inside, lanes) if lane == 0]
        return [(1.0, self.kept)]

    def tickStrings(self, values, scale, spacing):
        names = dict(self.labelled)
        return [names.get(v, "") for v in values]

    def shown(self) -> list[str]:
        names = dict(self.labelled)
        return [names[v] for v in self.kept]


class CellLabels(pg.GraphicsObject):
    """Each heatmap cell's % printed inside it when the cell is wide and tall enough on screen (checked at
    every paint, so zooming in shows them); dark text on light cells, white on dark ones."""

    def __init__(self, rows: list[list[float | None]], shades: np.ndarray):
        super().__init__()
        self.rows = rows
        self.shades = shades                      # per cell: 0 (lightest) … 1 (darkest)
        self.width = max((len(r) for r in rows), default=0)
        self.fitting = False

    def boundingRect(self):
        from PySide6.QtCore import QRectF

        return QRectF(0, 0, self.width, len(self.rows))

    def text(self, value: float) -> str:
        return f"{value * 100:.0f}%"

    def fits(self, cell_width_px: float, cell_height_px: float) -> bool:
        from PySide6.QtGui import QFontMetricsF

        metrics = QFontMetricsF(self.font())
        return cell_width_px >= metrics.horizontalAdvance("100%") + 4 and cell_height_px >= metrics.height()

    def font(self):
        from PySide6.QtGui import QFont

        return QFont()

    def cell_size_px(self) -> tuple[float, float]:
        view = self.getViewBox()
        if view is None:
            return 0.0, 0.0
        (x0, x1), (y0, y1) = view.viewRange()
        return view.width() / ((x1 - x0) or 1), view.height() / ((y1 - y0) or 1)

    def shown(self) -> list[str]:
        """The texts the last paint printed (tests read what the user sees)."""
        if not self.fits(*self.cell_size_px()):
            return []
        return [self.text(v) for row in self.rows for v in row if v is not None]

    def paint(self, painter, *args):
        from PySide6.QtCore import QPointF, QRectF, Qt

        cw, ch = self.cell_size_px()
        self.fitting = self.fits(cw, ch)
        if not self.fitting:
            return
        transform = painter.transform()
        painter.save()
        painter.resetTransform()
        painter.setFont(self.font())
        for i, row in enumerate(self.rows):
            for j, value in enumerate(row):
                if value is None:
                    continue
                centre = transform.map(QPointF(j + 0.5, i + 0.5))
                painter.setPen(QColor("#ffffff" if self.shades[i, j] > 0.55 else "#1f2329"))
                painter.drawText(QRectF(centre.x() - cw / 2, centre.y() - ch / 2, cw, ch),
                                 Qt.AlignmentFlag.AlignCenter, self.text(value))
        painter.restore()


def _heat_scale(rows: list[list[float | None]]) -> tuple[float, float]:
    finite = [v for row in rows for v in row if v is not None]
    return (min(finite), max(finite)) if finite else (0.0, 1.0)


def build_retention(table, mode: str = "heatmap") -> Chart:
    average_label = QCoreApplication.translate("Charts", "Weighted average")
    if mode == "curves":
        widget = new_plot_widget(bottom=ThinAxis("bottom", list(zip(map(float, table.periods), table.period_labels))))
        item = widget.getPlotItem()
        percent_axis(item.getAxis("left"))
        xs = np.array(table.periods, dtype=float)
        for row in table.cells:
            ys = np.array([np.nan if v is None else v for v in row], dtype=float)
            item.addItem(pg.PlotDataItem(xs, ys, pen=pen(QColor(ACCENT).lighter(170).name(), 1), connect="finite"))
        avg = np.array([np.nan if v is None else v for v in table.average], dtype=float)
        item.addItem(pg.PlotDataItem(xs, avg, pen=pen("#e07b39", 2), symbol="o", symbolSize=6,
                                     symbolBrush="#e07b39", connect="finite"))

        def hover_curves(x: float, y: float) -> str:
            if not table.periods:
                return ""
            j = int(np.argmin([abs(p - x) for p in table.periods]))
            v = table.average[j]
            return f"{table.period_labels[j]} · {average_label} " + (f"{v * 100:.2f}%" if v is not None else "—")
        return Chart(widget, item, hover_curves)
    rows = [table.average] + table.cells[::-1]          # newest cohort right under the average row
    labels = [average_label] + table.cohorts[::-1]
    widget = new_plot_widget(left=ThinAxis("left", [(i + 0.5, text) for i, text in enumerate(labels)]),
                             bottom=ThinAxis("bottom", [(j + 0.5, text) for j, text in enumerate(table.period_labels)]))
    item = widget.getPlotItem()
    rgba, shades = _heat_rgba(rows)
    image = pg.ImageItem(rgba.transpose(1, 0, 2))
    item.addItem(image)
    image.setRect(0, 0, len(table.periods), len(rows))
    cells = CellLabels(rows, shades)
    item.addItem(cells)
    item.invertY(True)
    item.showGrid(x=False, y=False)
    lo, hi = _heat_scale(rows)
    scale = pg.ColorBarItem(values=(lo, hi), colorMap=pg.ColorMap([0.0, 1.0], [HEAT_LIGHT, QColor(ACCENT)]),
                            interactive=False, width=14, orientation="vertical")
    percent_axis(scale.axis)
    scale.axis.setPen(pg.mkPen(current_scheme().line))
    scale.axis.setTextPen(pg.mkPen(current_scheme().muted))
    item.layout.addItem(scale, 2, 5)
    item.layout.setColumnFixedWidth(4, 6)

    def hover(x: float, y: float) -> str:
        i, j = int(y), int(x)
        if 0 <= i < len(rows) and 0 <= j < len(table.periods):
            v = rows[i][j] if j < len(rows[i]) else None
            value = f"{v * 100:.2f}%" if v is not None else QCoreApplication.translate("Charts", "not observed yet")
            size = ""
            if i > 0 and table.sizes[len(table.cohorts) - i] is not None:
                size = " · " + QCoreApplication.translate("Charts", "cohort size") + f" {table.sizes[len(table.cohorts) - i]:,.0f}"
            return f"{labels[i]} · {table.period_labels[j]} {value}{size}"
        return ""
    chart = Chart(widget, item, hover)
    chart.tags = cells
    chart.scale = scale
    return chart


# --- RFM -------------------------------------------------------------------------------------
SCATTER_LIMIT = 20000


def build_rfm(result, selected: str | None = None) -> Chart:
    widget = pg.GraphicsLayoutWidget()
    widget.setBackground(current_scheme().surface)
    counts = result.counts()
    bars_plot = widget.addPlot(row=0, col=0)
    bars_plot.setMenuEnabled(False)
    ys = np.arange(len(SEGMENT_ORDER))[::-1]
    brushes = [pg.mkBrush(SERIES_COLORS[i % len(SERIES_COLORS)]) for i in range(len(SEGMENT_ORDER))]
    pens = [pg.mkPen("#1f2329", width=2) if name == selected else pg.mkPen(None) for name in SEGMENT_ORDER]
    bars_plot.addItem(pg.BarGraphItem(x0=0, y=ys, height=0.62, width=[counts[n] for n in SEGMENT_ORDER],
                                      brushes=brushes, pens=pens))
    bars_plot.getAxis("left").setTicks([[(int(y), segment_label(n)) for y, n in zip(ys, SEGMENT_ORDER)]])
    for y, name in zip(ys, SEGMENT_ORDER):
        text = pg.TextItem(f"{counts[name]:,}", color=current_scheme().muted, anchor=(0, 0.5))
        text.setPos(counts[name], float(y))
        bars_plot.addItem(text)
    bars_plot.setTitle(QCoreApplication.translate("Charts", "Users per segment"), color=current_scheme().muted)
    bars_plot.setXRange(0, max(counts.values() or [1]) * 1.25, padding=0.02)
    scatter_plot = widget.addPlot(row=0, col=1)
    scatter_plot.setMenuEnabled(False)
    scatter_plot.setLabel("bottom", QCoreApplication.translate("Charts", "Days since last activity (R)"))
    scatter_plot.setLabel("left", QCoreApplication.translate("Charts", "Amount (M)"))
    n = len(result.ids)
    picks = np.arange(n) if n <= SCATTER_LIMIT else np.random.default_rng(7).choice(n, SCATTER_LIMIT, replace=False)
    recency = np.where(np.isfinite(result.recency_days), result.recency_days, np.nan)[picks]
    codes = result.segment_codes[picks]
    for code, name in enumerate(SEGMENT_ORDER):
        mask = codes == code
        if not mask.any():
            continue
        color = QColor(SERIES_COLORS[code % len(SERIES_COLORS)])
        color.setAlpha(230 if (selected is None or name == selected) else 40)
        scatter_plot.addItem(pg.ScatterPlotItem(recency[mask], result.monetary[picks][mask], size=4,
                                                pen=pg.mkPen(None), brush=pg.mkBrush(color)))
    title = QCoreApplication.translate("Charts", "Recency × amount") + ("" if n <= SCATTER_LIMIT else QCoreApplication.translate("Charts", " (a sample of %1 users)").replace("%1", f"{SCATTER_LIMIT:,}"))
    scatter_plot.setTitle(title, color=current_scheme().muted)
    widget.ci.layout.setColumnStretchFactor(1, 2)

    def hover(x: float, y: float) -> str:
        index = len(SEGMENT_ORDER) - 1 - int(round(y))
        if 0 <= index < len(SEGMENT_ORDER):
            name = SEGMENT_ORDER[index]
            share = counts[name] / n * 100 if n else 0
            return f"{segment_label(name)} · {counts[name]:,} " + QCoreApplication.translate("Charts", "users") + f" ({share:.1f}%)"
        return ""
    return Chart(widget, bars_plot, hover)


# --- distribution ----------------------------------------------------------------------------
def build_histogram(edges: list[float], counts: list[int], metric: str, column_type: str) -> Chart:
    widget = new_plot_widget()
    item = widget.getPlotItem()
    if edges:
        x0 = edges[:-1]
        width = edges[1] - edges[0]
        item.addItem(pg.BarGraphItem(x0=x0, height=counts, width=width * 0.94, brush=pg.mkBrush(ACCENT),
                                     pen=pg.mkPen(None)))
    if column_type == "percent":
        percent_axis(item.getAxis("bottom"))
    item.setTitle(metric, color=current_scheme().muted)
    item.setLabel("left", QCoreApplication.translate("Charts", "Days / rows"))

    def hover(x: float, y: float) -> str:
        if not edges:
            return ""
        width = edges[1] - edges[0]
        j = int((x - edges[0]) // width)
        if 0 <= j < len(counts):
            return f"{_fmt(edges[j], column_type)} – {_fmt(edges[j + 1], column_type)} · {counts[j]:,}"
        return ""
    return Chart(widget, item, hover)


def map_to_view(chart: Chart, scene_pos: QPointF) -> tuple[float, float] | None:
    vb = chart.plot.vb
    if not vb.sceneBoundingRect().contains(scene_pos):
        return None
    point = vb.mapSceneToView(scene_pos)
    return point.x(), point.y()
