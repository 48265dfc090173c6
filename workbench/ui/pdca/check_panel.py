"""The Check panel: the metric's mean before and during Do, the change, target and prediction, linked
contacts/findings counts, and a small before/after chart (pyqtgraph, imported when first drawn)."""
from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from workbench.pdca.model import Cycle
from workbench.ui.common.theme import ACCENT, current_scheme
from workbench.ui.pdca.cycle_format import change_text, value_text
from workbench.ui.pdca.group_check_view import GroupCheckView

GOOD, BAD = "#2e8b57", "#d23c3c"


def _stamp(day: str) -> float:
    return datetime.combine(date.fromisoformat(day[:10]), time(12)).timestamp()


class CheckPanel(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.verdict = QLabel()
        self.verdict.setObjectName("checkVerdict")
        self.verdict.setWordWrap(True)
        self.numbers = QGridLayout()
        self.numbers.setHorizontalSpacing(16)
        self.linked = QLabel()
        self.linked.setWordWrap(True)
        self.linked.setObjectName("mutedText")
        self.groups = GroupCheckView()
        self.chart_holder = QVBoxLayout()
        self.chart_holder.setContentsMargins(0, 0, 0, 0)
        self.plot = None
        self._pending_chart = None  # (points, result, kind) for the next turn of the event loop (_draw)
        self._chart_scheduled = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.verdict)
        layout.addLayout(self.numbers)
        layout.addWidget(self.groups)
        layout.addLayout(self.chart_holder)
        layout.addWidget(self.linked)

    def _set_numbers(self, rows: list[tuple[str, str]]) -> None:
        while self.numbers.count():
            widget = self.numbers.takeAt(0).widget()
            if widget is not None:
                widget.hide()  # deleteLater alone leaves it painted until the next event loop turn
                widget.setParent(None)
                widget.deleteLater()
        for index, (label, value) in enumerate(rows):
            name, number = QLabel(label), QLabel(value)
            name.setObjectName("mutedText")
            number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.numbers.addWidget(name, index // 3 * 2, index % 3)
            self.numbers.addWidget(number, index // 3 * 2 + 1, index % 3)

    def show_cycle(self, cycle: Cycle, kind: str, data: dict | None, *, dataset_missing: bool = False) -> None:
        """data: the stored (or freshly computed) check dict, with "series" and "linked".
        dataset_missing: the metric's dataset is gone, so a stored ratio would mislead."""
        check = cycle.check if data is None else None
        from workbench.pdca.check import CheckResult

        result = CheckResult.from_dict(data) if data else check
        if dataset_missing or (result is not None and result.dataset_missing):
            self.verdict.setText(self.tr("The dataset “%1” was deleted: import it again to check this cycle.")
                                 .replace("%1", cycle.metric_dataset or ""))
            self.verdict.setStyleSheet(f"color: {BAD}; font-weight: 600;")
            self._set_numbers([])
            self.linked.setText("")
            self.groups.show_check(cycle, kind, None)
            self._draw([], None, kind)
            return
        if result is None:
            self.verdict.setText(self.tr("No Check yet: it runs when the cycle moves from Do to Check."))
            self.verdict.setStyleSheet(f"color: {current_scheme().muted};")
            self._set_numbers([])
            self.linked.setText("")
            self.groups.show_check(cycle, kind, None)
            self._draw([], None, kind)
            return
        if result.target_reached is None:
            verdict, colour = self.tr("Not enough data to judge: import the metric for both windows."), current_scheme().muted
        elif result.target_reached:
            verdict, colour = self.tr("Target reached ✓"), GOOD
        else:
            verdict, colour = self.tr("Target not reached"), BAD
        if result.prediction_met is not None:
            verdict += " · " + (self.tr("as good as predicted or better") if result.prediction_met
                                else self.tr("below the prediction"))
        self.verdict.setText(verdict)
        self.verdict.setStyleSheet(f"color: {colour}; font-weight: 600;")
        change = "—" if result.change_abs is None else f"{value_text(result.change_abs, kind)} ({change_text(result.change_pct)})"
        self._set_numbers([
            (self.tr("Before (%1 – %2)").replace("%1", result.baseline_start[5:]).replace("%2", result.baseline_end[5:]),
             value_text(result.before_mean, kind)),
            (self.tr("During Do (%1 – %2)").replace("%1", result.do_start[5:]).replace("%2", result.do_end[5:]),
             value_text(result.after_mean, kind)),
            (self.tr("Change"), change),
            (self.tr("Target"), value_text(result.target, kind)),
            (self.tr("Prediction"), value_text(result.prediction, kind)),
            (self.tr("Data points"), f"{result.before_points} / {result.after_points}"),
        ])
        stored = data if data is not None else _stored(cycle)
        self.groups.show_check(cycle, kind, stored)
        linked = (data or {}).get("linked") or cycle.linked_counts
        if linked:
            c, f = linked.get("contacts", {}), linked.get("findings", {})
            self.linked.setText(self.tr("Linked contacts before → during: %1 → %2 · findings: %3 → %4")
                                .replace("%1", str(c.get("before", 0))).replace("%2", str(c.get("after", 0)))
                                .replace("%3", str(f.get("before", 0))).replace("%4", str(f.get("after", 0))))
        series = (data or {}).get("series")
        if series is None and cycle.check_json:
            import json

            series = json.loads(cycle.check_json).get("series", [])
        self._draw(series or [], result, kind)

    def _draw(self, series: list, result, kind: str) -> None:
        """The chart follows the numbers a turn of the event loop later (and its widget, the first time,
        a turn before that): opening the PDCA page with a cycle selected drew them in one go, ~0.1–0.2 s
        on the GUI thread at scale 100 (issue 18, point 3)."""
        points = [(d, v) for d, v in series if v is not None]
        self._pending_chart = (points, result, kind) if points else None
        if not points:
            if self.plot is not None:
                self.plot.hide()
            return
        if not self._chart_scheduled:
            self._chart_scheduled = True
            QTimer.singleShot(0, self, self._draw_pending)

    def _draw_pending(self) -> None:
        if self.plot is None:  # the plot widget in this turn, the curves in the next
            import pyqtgraph as pg

            self.plot = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem()})
            self.plot.setFixedHeight(170)
            self.plot.setMenuEnabled(False)
            self.plot.setMouseEnabled(False, False)
            self.plot.hideButtons()
            self.plot.hide()
            self.chart_holder.addWidget(self.plot)
            QTimer.singleShot(0, self, self._draw_pending)
            return
        self._chart_scheduled = False
        if self._pending_chart is not None:
            self._draw_now(*self._pending_chart)

    def _draw_now(self, points: list, result, kind: str) -> None:
        import pyqtgraph as pg

        scheme = current_scheme()
        self.plot.show()
        self.plot.clear()
        self.plot.setBackground(scheme.surface)
        scale = 100.0 if kind == "percent" else 1.0
        xs = [_stamp(d) for d, _ in points]
        ys = [v * scale for _, v in points]
        self.plot.plot(xs, ys, pen=pg.mkPen(scheme.muted, width=1.5), symbol="o", symbolSize=4,
                       symbolBrush=scheme.muted, symbolPen=None)
        if result is not None:
            for start, end, value, colour in ((result.baseline_start, result.baseline_end, result.before_mean, scheme.muted),
                                              (result.do_start, result.do_end, result.after_mean, ACCENT)):
                if value is not None:
                    self.plot.plot([_stamp(start), _stamp(end)], [value * scale] * 2, pen=pg.mkPen(colour, width=3))
            self.plot.addItem(pg.InfiniteLine(_stamp(result.do_start) - 43200, angle=90,
                                              pen=pg.mkPen(ACCENT, style=Qt.PenStyle.DashLine)))
            if result.target is not None:
                self.plot.addItem(pg.InfiniteLine(result.target * scale, angle=0,
                                                  pen=pg.mkPen(GOOD, style=Qt.PenStyle.DotLine)))
        if kind == "percent":
            self.plot.setLabel("left", "%")


def _stored(cycle: Cycle) -> dict:
    import json

    try:
        return json.loads(cycle.check_json) if cycle.check_json else {}
    except ValueError:
        return {}
