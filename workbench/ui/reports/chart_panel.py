"""The dashboard's chart area: a kind chooser (趋势/对比/漏斗/留存/RFM/分布), the datasets whose columns
fit that kind, the kind's options on the side, hover values, export to PNG and copy.

pyqtgraph (≈270 ms to import) loads on the first draw, not with this module."""
from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel,
                               QListWidget, QListWidgetItem, QMessageBox, QPushButton, QSpinBox, QStackedWidget,
                               QToolButton, QVBoxLayout, QWidget)

from workbench.errors import UserError, current_language
from workbench.reports import chart_data, datasets
from workbench.reports.chart_suggest import KINDS
from workbench.reports.dashboard_store import chart_events
from workbench.ui.common.icons import icon


class ChartPanel(QWidget):
    drawn = Signal(str)   # the kind just drawn (tests and shots wait for it)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.kind = "trend"
        self.suggestions: dict[str, list] = {}
        self.chart = None
        self.rfm_result = None
        self._loading = False
        self._chart_job = None  # the chart data being read off the GUI thread
        self._chart_kind = None
        self._redraw = QTimer(self, singleShot=True, interval=0)
        self._redraw.timeout.connect(self.draw)
        self._build()

    # --- widgets ------------------------------------------------------------------------------
    def kind_titles(self) -> dict[str, str]:
        return {"trend": self.tr("Trend"), "bars": self.tr("Compare"), "funnel": self.tr("Funnel"),
                "retention": self.tr("Retention"), "rfm": self.tr("RFM"), "distribution": self.tr("Distribution")}

    def _build(self) -> None:
        # From the top down, as the dashboard page (a reparented subtree is restyled whole).
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        layout.addLayout(top)
        body = QHBoxLayout()
        layout.addLayout(body, 1)
        left = QVBoxLayout()
        body.addLayout(left, 1)
        top.setSpacing(4)
        self.kind_group = QButtonGroup(self)
        self.kind_buttons: dict[str, QToolButton] = {}
        for kind, title in self.kind_titles().items():
            button = QToolButton(text=title, checkable=True, autoRaise=True)
            button.setObjectName("chartKind")
            button.clicked.connect(lambda _=False, k=kind: self.show_kind(k))
            self.kind_group.addButton(button)
            self.kind_buttons[kind] = button
            top.addWidget(button)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Dataset")))
        self.dataset_combo = QComboBox(minimumWidth=160)  # the row fits 1280 px in English beside the alerts
        self.dataset_combo.currentIndexChanged.connect(self._dataset_changed)
        top.addWidget(self.dataset_combo)
        self.export_button = QToolButton(icon=icon("mdi6.image-outline"), toolTip=self.tr("Export the chart to PNG"))
        self.export_button.clicked.connect(self.export_dialog)
        self.copy_button = QToolButton(icon=icon("mdi6.content-copy"), toolTip=self.tr("Copy the chart to the clipboard"))
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        top.addWidget(self.export_button)
        top.addWidget(self.copy_button)

        self.host = QWidget()
        left.addWidget(self.host, 1)
        self.host_layout = QVBoxLayout(self.host)
        self.host_layout.setContentsMargins(0, 0, 0, 0)
        self.message = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.message.setProperty("muted", True)
        self.host_layout.addWidget(self.message)
        self.hover_label = QLabel(" ")
        self.hover_label.setProperty("muted", True)
        self.hover_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        left.addWidget(self.hover_label)

        self.options = QStackedWidget()
        self.options.setFixedWidth(236)
        body.addWidget(self.options)
        self.option_pages = {kind: self._build_options(kind) for kind in KINDS}

    def _period_picker(self, form: QFormLayout, label: str, choices) -> tuple[QComboBox, QWidget]:
        """A period combo and, under it, the two dates of its "Date range" choice (shown only then)."""
        from PySide6.QtWidgets import QDateEdit

        combo = QComboBox()
        for text, key in choices:
            combo.addItem(text, key)
        dates = QWidget()
        row = QHBoxLayout(dates)
        row.setContentsMargins(0, 0, 0, 0)
        today = self.ctx.now().date()
        for offset in (13, 7):
            edit = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd")
            edit.setDate(today - timedelta(days=offset))
            edit.dateChanged.connect(self._later)
            row.addWidget(edit)
        dates.setVisible(False)

        def changed() -> None:
            dates.setVisible(combo.currentData() == "range")
            self._later()
        combo.currentIndexChanged.connect(changed)
        form.addRow(label, combo)
        form.addRow(dates)
        return combo, dates

    @staticmethod
    def _range_of(dates: QWidget) -> tuple:
        from PySide6.QtWidgets import QDateEdit

        first, last = dates.findChildren(QDateEdit)
        return first.date().toPython(), last.date().toPython()

    def funnel_periods(self) -> tuple:
        """(the period, the one it is compared with or None); a period is (first day, last day) or None."""
        from datetime import date

        from workbench.reports.funnel import clip_to_data, period_before, period_bounds

        today = self.ctx.now().date()
        period = period_bounds(self.funnel_period.currentData(), today, *self._range_of(self.funnel_range))
        if period is None:
            return None, None
        other = None
        if self.funnel_compare.isChecked():
            choice = self.compare_period.currentData()
            other = (period_before(period) if choice == "before"
                     else period_bounds(choice, today, *self._range_of(self.compare_range)))
        s = self.suggestion()
        info = datasets.get_dataset(self.ctx.db, s.dataset) if s else None
        last_day = date.fromisoformat(info.date_max[:10]) if info and info.date_max else None
        return clip_to_data(period, other, last_day, same_length=self.compare_period.currentData() != "range")

    def _later(self, *_args) -> None:
        if not self._loading:
            self._redraw.start()

    def _build_options(self, kind: str) -> QWidget:
        page = QWidget()
        self.options.addWidget(page)
        form = QFormLayout(page)
        form.setContentsMargins(8, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)   # labels above: the column is narrow
        if kind == "trend":
            self.metric_list = QListWidget()
            self.metric_list.itemChanged.connect(self._later)
            form.addRow(QLabel(self.tr("Metrics")))
            form.addRow(self.metric_list)
            self.moving_check = QCheckBox(self.tr("7-day moving average"), checked=True)
            self.previous_check = QCheckBox(self.tr("Compare with the previous period"))
            self.right_axis_check = QCheckBox(self.tr("Second metric on the right axis"), checked=True)
            self.markers_check = QCheckBox(self.tr("Mark imports, alerts, PDCA starts"), checked=True)
            self.previous_days = QComboBox()
            for days, text in ((7, self.tr("a week earlier")), (28, self.tr("4 weeks earlier")),
                               (0, self.tr("the period before"))):
                self.previous_days.addItem(text, days)
            for widget in (self.moving_check, self.previous_check, self.right_axis_check, self.markers_check):
                widget.toggled.connect(self._later)
                form.addRow(widget)
            self.previous_days.currentIndexChanged.connect(self._later)
            form.addRow(self.tr("Previous"), self.previous_days)
        elif kind == "bars":
            self.bar_dimension = QComboBox()
            self.bar_metric = QComboBox()
            self.bar_sort = QComboBox()
            for key, text in (("desc", self.tr("Largest first")), ("asc", self.tr("Smallest first")),
                              ("name", self.tr("By name"))):
                self.bar_sort.addItem(text, key)
            for label, widget in ((self.tr("By"), self.bar_dimension), (self.tr("Metric"), self.bar_metric),
                                  (self.tr("Sort"), self.bar_sort)):
                widget.currentIndexChanged.connect(self._later)
                form.addRow(label, widget)
        elif kind == "funnel":
            self.step_list = QListWidget()
            self.step_list.itemChanged.connect(self._later)
            form.addRow(QLabel(self.tr("Steps, in order")))
            form.addRow(self.step_list)
            self.funnel_period, self.funnel_range = self._period_picker(
                form, self.tr("Period"), ((self.tr("All data"), "all"), (self.tr("This week"), "this_week"),
                                          (self.tr("Last week"), "last_week"), (self.tr("Date range"), "range")))
            self.funnel_compare = QCheckBox(self.tr("Compare with another period"))
            self.funnel_compare.toggled.connect(self._later)
            form.addRow(self.funnel_compare)
            self.compare_period, self.compare_range = self._period_picker(
                form, self.tr("Compare with"), ((self.tr("The period before"), "before"),
                                                (self.tr("Last week"), "last_week"),
                                                (self.tr("Date range"), "range")))
        elif kind == "retention":
            self.retention_mode = QComboBox()
            self.retention_mode.addItem(self.tr("Heatmap"), "heatmap")
            self.retention_mode.addItem(self.tr("Curves"), "curves")
            self.retention_mode.currentIndexChanged.connect(self._later)
            form.addRow(self.tr("Show"), self.retention_mode)
            self.retention_grouping = QComboBox()
            self.retention_grouping.addItem(self.tr("By day"), "day")
            self.retention_grouping.addItem(self.tr("By week"), "week")
            self.retention_grouping.setToolTip(self.tr("By week: the cohorts that started in one week (Monday to "
                                                       "Sunday) as one row, weighted by cohort size"))
            self.retention_grouping.currentIndexChanged.connect(self._later)
            form.addRow(self.tr("Cohorts"), self.retention_grouping)
            note = QLabel(self.tr("Blank cells are days a cohort has not reached yet. The top row is the "
                                  "average weighted by cohort size."), wordWrap=True)
            note.setProperty("muted", True)
            form.addRow(note)
        elif kind == "rfm":
            self.rfm_combos = {}
            for key, label in (("id", self.tr("User id")), ("recency", self.tr("Last activity (R)")),
                               ("frequency", self.tr("Frequency (F)")), ("monetary", self.tr("Amount (M)"))):
                combo = QComboBox()
                combo.currentIndexChanged.connect(self._rfm_columns_changed)
                self.rfm_combos[key] = combo
                form.addRow(label, combo)
            self.segment_list = QListWidget()
            self.segment_list.currentRowChanged.connect(self._later)
            form.addRow(QLabel(self.tr("Segments")))
            form.addRow(self.segment_list)
            self.sequence_combo = QComboBox()
            form.addRow(self.tr("Recall sequence"), self.sequence_combo)
            self.recall_button = QPushButton(self.tr("Send to contact log as a recall list"))
            self.recall_button.setProperty("accent", True)
            self.recall_button.clicked.connect(self.send_segment_to_contacts)
            form.addRow(self.recall_button)
        elif kind == "distribution":
            self.dist_metric = QComboBox()
            self.dist_bins = QSpinBox(minimum=5, maximum=100, value=20)
            self.dist_metric.currentIndexChanged.connect(self._later)
            self.dist_bins.valueChanged.connect(self._later)
            form.addRow(self.tr("Metric"), self.dist_metric)
            form.addRow(self.tr("Bins"), self.dist_bins)
        return page

    # --- data ---------------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read which datasets fit which kind (after an import), keeping the current choice."""
        self.suggestions = {kind: [] for kind in KINDS}
        for suggestion in chart_data.all_suggestions(self.ctx.db):
            self.suggestions[suggestion.kind].append(suggestion)
        for kind, button in self.kind_buttons.items():
            # A kind no dataset fits stays clickable: its page says what it needs and how to get it.
            button.setToolTip("" if self.suggestions[kind] else self.missing_text(kind))
        self.show_kind(self.kind, self.current_dataset())

    def current_dataset(self) -> str | None:
        return self.dataset_combo.currentData()

    def suggestion(self):
        name = self.current_dataset()
        return next((s for s in self.suggestions.get(self.kind, []) if s.dataset == name), None)

    def show_kind(self, kind: str, dataset: str | None = None) -> None:
        if not self.suggestions:
            self.suggestions = {k: [] for k in KINDS}
        self.kind = kind
        self.kind_buttons[kind].setChecked(True)
        self.options.setCurrentWidget(self.option_pages[kind])
        self._loading = True
        self.dataset_combo.clear()
        for s in self.suggestions.get(kind, []):
            self.dataset_combo.addItem(s.dataset, s.dataset)
        index = self.dataset_combo.findData(dataset) if dataset else 0
        self.dataset_combo.setCurrentIndex(max(index, 0))
        self._loading = False
        self._fill_options()
        self.draw()

    def show_metric(self, dataset: str, metric: str) -> None:
        """A card was clicked: its metric's trend."""
        self.show_kind("trend", dataset)
        self._loading = True
        for i in range(self.metric_list.count()):
            item = self.metric_list.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.text() == metric else Qt.CheckState.Unchecked)
        self._loading = False
        self.draw()

    def _dataset_changed(self) -> None:
        if not self._loading:
            self._fill_options()
            self.draw()

    def _fill_options(self) -> None:
        suggestion = self.suggestion()
        info = datasets.get_dataset(self.ctx.db, suggestion.dataset) if suggestion else None
        self._loading = True
        try:
            if info is not None:
                getattr(self, f"_fill_{self.kind}")(info, suggestion.params)
        finally:
            self._loading = False

    def _fill_trend(self, info, params) -> None:
        self.metric_list.clear()
        for column in info.metrics:
            if column.type in datasets.NUMERIC_TYPES:
                item = QListWidgetItem(column.name)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if column.name in params["metrics"] else Qt.CheckState.Unchecked)
                self.metric_list.addItem(item)

    def _fill_bars(self, info, params) -> None:
        self.bar_dimension.clear()
        self.bar_metric.clear()
        for c in info.dimensions:
            self.bar_dimension.addItem(c.name)
        for c in info.metrics:
            if c.type in datasets.NUMERIC_TYPES:
                self.bar_metric.addItem(c.name)
        self.bar_dimension.setCurrentText(params["dimension"])
        self.bar_metric.setCurrentText(params["metric"])

    def _fill_funnel(self, info, params) -> None:
        self.step_list.clear()
        for c in info.metrics:
            if c.type in ("integer", "number"):
                item = QListWidgetItem(c.name)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if c.name in params["steps"] else Qt.CheckState.Unchecked)
                self.step_list.addItem(item)

    def _fill_retention(self, info, params) -> None:
        pass

    def _fill_rfm(self, info, params) -> None:
        by_key = {"id": [c.name for c in info.columns if c.type == "text"],
                  "recency": [c.name for c in info.columns if c.type in ("date", "datetime")],
                  "frequency": [c.name for c in info.columns if c.type in datasets.NUMERIC_TYPES],
                  "monetary": [c.name for c in info.columns if c.type in datasets.NUMERIC_TYPES]}
        from workbench.reports.chart_suggest import ROWS_PER_USER

        for key, combo in self.rfm_combos.items():
            combo.clear()
            if key == "frequency":   # an order list has no count: each user's rows are counted
                combo.addItem(self.tr("Rows per user (one row per order)"), ROWS_PER_USER)
            for name in by_key[key]:
                combo.addItem(name, name)
            combo.setCurrentIndex(max(combo.findData(params[key]), 0))
        self.sequence_combo.clear()
        self.sequence_combo.addItem(self.tr("No sequence, list only"), None)
        try:
            from workbench.contacts.sequences import list_sequences

            for sequence in list_sequences(self.ctx.db):
                self.sequence_combo.addItem(sequence["name"], sequence["id"])
        except Exception:  # the contacts tables may not exist in an old database
            pass
        self.rfm_result = None

    def _fill_distribution(self, info, params) -> None:
        self.dist_metric.clear()
        for c in info.metrics:
            if c.type in datasets.NUMERIC_TYPES:
                self.dist_metric.addItem(c.name)
        self.dist_metric.setCurrentText(params["metric"])

    def _rfm_columns_changed(self) -> None:
        if not self._loading:
            self.rfm_result = None
            self._later()

    @staticmethod
    def _checked(widget: QListWidget) -> list[str]:
        return [widget.item(i).text() for i in range(widget.count())
                if widget.item(i).checkState() == Qt.CheckState.Checked]

    # --- drawing ------------------------------------------------------------------------------
    def _show_message(self, text: str) -> None:
        self._set_chart(None)
        self.message.setText(text)
        self.message.show()

    def missing_text(self, kind: str) -> str:
        """What a kind needs when no imported dataset fits it, and how to get such a dataset."""
        if kind == "rfm":
            return self.tr("No imported dataset fits RFM yet. RFM needs three columns: a user id, a date (of the "
                           "order, or of the user's last order or visit) and an amount. An order list with one "
                           "row per order is enough (each user's orders are counted); a user list with one row "
                           "per user also needs an order count. Export such a list from the back office, with "
                           "headers like user_id, order_date, amount, and import it (Import… above).")
        return self.tr("No imported dataset has columns for this chart yet.")

    def _set_chart(self, chart) -> None:
        self._chart_kind = self.kind if chart is not None else None
        if self.chart is not None:
            self.host_layout.removeWidget(self.chart.widget)
            self.chart.widget.hide()   # deleteLater waits for the event loop: never show it meanwhile
            self.chart.widget.deleteLater()
        self.chart = chart
        if chart is not None:
            self.message.hide()
            self.host_layout.addWidget(chart.widget)
            chart.widget.scene().sigMouseMoved.connect(self._hovered)

    def _hovered(self, scene_pos) -> None:
        from workbench.ui.reports.chart_builders import map_to_view

        if self.chart is None:
            return
        point = map_to_view(self.chart, scene_pos)
        text = self.chart.hover(*point) if point else ""
        self.hover_label.setText(text or " ")

    def draw(self) -> None:
        self._cancel_job()   # whatever was being read is superseded: its answer must not land later
        suggestion = self.suggestion()
        self.option_pages[self.kind].setEnabled(suggestion is not None)   # no empty combos to click
        if suggestion is None:
            self._show_message(self.missing_text(self.kind))
            self.drawn.emit(self.kind)
            return
        from workbench.ui.reports import chart_builders as cb

        try:
            chart = getattr(self, f"_draw_{self.kind}")(cb, suggestion)
        except UserError as error:
            self._show_message(error.sentence)
            chart = None
        if chart is not None:
            self._set_chart(chart)
        self.hover_label.setText(self.tr("Hover for exact values · drag to pan · wheel to zoom"))
        if not self.pending():
            self.drawn.emit(self.kind)  # a chart read off the GUI thread emits it when its data arrives

    def _cancel_job(self) -> None:
        if self._chart_job is not None and not self._chart_job.finished:
            self._chart_job.cancel()
        self._chart_job = None

    def _off_thread(self, fetch, build, waiting: str) -> None:
        """fetch(db) reads and sums on a pool thread with its own connection (on big data the reading takes
        hundreds of ms); build(answer) makes the chart on the GUI thread when the answer arrives, unless
        another draw came first. Meanwhile a chart of the same kind stays up; another kind's never does."""
        from workbench.ui.common.operation import run_operation

        kind = self.kind

        def show(answer) -> None:
            if self._chart_job is job and self.kind == kind:
                chart = build(answer)
                if chart is not None:
                    self._set_chart(chart)
                self.drawn.emit(kind)

        def failed(sentence: str) -> None:
            if self._chart_job is job:
                self._show_message(sentence)
                self.drawn.emit(kind)

        self._cancel_job()
        if self.chart is None or self._chart_kind != kind:
            self._show_message(waiting)
        job = self._chart_job = run_operation(self.ctx.db_path, fetch, done=show, failed=failed, owner=self)

    def _draw_trend(self, cb, s):
        metrics = self._checked(self.metric_list)
        if not metrics:
            self._show_message(self.tr("Tick at least one metric."))
            return None
        period = self.previous_days.currentData() or None
        dataset, language, marked = s.dataset, current_language(), self.markers_check.isChecked()
        moving, previous = self.moving_check.isChecked(), self.previous_check.isChecked()
        two_axes = self.right_axis_check.isChecked() and len(metrics) > 1

        def fetch(db):
            return (chart_data.trend_data(db, dataset, metrics, previous_days=period),
                    chart_events(db, dataset, metrics, language) if marked else [])

        def build(answer):
            data, events = answer
            first_type = data.types[metrics[0]]
            right = [m for m in metrics[1:] if data.types[m] != first_type] if two_axes else []  # a rate beside a count
            return cb.build_trend(data, moving=moving, previous=previous, events=events, right_metrics=right)

        self._off_thread(fetch, build, self.tr("Reading %1…").replace("%1", dataset))
        return None

    def _draw_bars(self, cb, s):
        """Summed off the GUI thread (at 100k rows the sum takes ~60 ms, with an id it took seconds):
        the chart replaces the 'summing' line when the numbers arrive, unless another draw came first."""
        dimension, metric = self.bar_dimension.currentText(), self.bar_metric.currentText()
        if not dimension or not metric:
            self._show_message(self.missing_text("bars"))
            return None
        order, dataset = self.bar_sort.currentData(), s.dataset

        def sum_bars(db):
            items = chart_data.bars_data(db, dataset, dimension, metric, descending=order != "asc")
            if order == "name":
                items.sort(key=lambda item: item[0])
            return items, datasets.get_dataset(db, dataset).column(metric).type

        self._chart_kind = None   # the 'summing' line shows even over an earlier bar chart
        self._off_thread(sum_bars, lambda answer: cb.build_bars(answer[0], metric, answer[1]),
                         self.tr("Summing %1 by %2…").replace("%1", metric).replace("%2", dimension))
        return None

    def pending(self) -> bool:
        """Whether a chart's data is still being read off the GUI thread (tests and shots wait on it)."""
        return self._chart_job is not None and not self._chart_job.finished

    bars_pending = pending

    def _draw_funnel(self, cb, s):
        from workbench.reports.funnel import compare_funnels

        steps = self._checked(self.step_list)
        if len(steps) < 2:
            self._show_message(self.tr("Tick at least two steps."))
            return None
        info = datasets.get_dataset(self.ctx.db, s.dataset)
        has_dates = bool(info.date_column)
        self.funnel_period.setEnabled(has_dates)
        if not has_dates:
            self.funnel_period.setCurrentIndex(0)
        period, other = self.funnel_periods()
        self.funnel_compare.setEnabled(period is not None)
        self.compare_period.setEnabled(period is not None)
        dataset = s.dataset

        def fetch(db):
            current = chart_data.funnel_data(db, dataset, steps, period)
            return current, chart_data.funnel_data(db, dataset, steps, other) if other is not None else None

        def build(answer):
            current, previous = answer
            if period is not None and not current[0].value:
                self._show_message(self.tr("No rows from %1 to %2 in this dataset (its data runs to %3).")
                                   .replace("%1", period[0].isoformat()).replace("%2", period[1].isoformat())
                                   .replace("%3", info.date_max or "—"))
                return None
            if previous is None:
                return cb.build_funnel(current, self._period_text(period))
            return cb.build_funnel_compare(compare_funnels(current, previous), current,
                                           self._period_text(period), self._period_text(other))

        self._off_thread(fetch, build, self.tr("Reading %1…").replace("%1", dataset))
        return None

    def _period_text(self, period) -> str:
        if period is None:
            return self.tr("All data")
        return self.tr("%1 to %2").replace("%1", period[0].isoformat()).replace("%2", period[1].isoformat())

    def _draw_retention(self, cb, s):
        from workbench.reports.cohort import is_daily, weekly_cohorts

        dataset, params = s.dataset, s.params
        grouping, mode = self.retention_grouping.currentData(), self.retention_mode.currentData()

        def fetch(db):
            table = chart_data.retention_data(db, dataset, params["cohort"], params["periods"], params["size"])
            daily = is_daily(table)
            return daily, weekly_cohorts(table) if daily and grouping == "week" else table

        def build(answer):
            daily, table = answer
            self.retention_grouping.setEnabled(daily)   # weekly grouping needs cohorts that are days
            return cb.build_retention(table, mode)

        self._off_thread(fetch, build, self.tr("Reading %1…").replace("%1", dataset))
        return None

    def _draw_rfm(self, cb, s):
        columns = {key: combo.currentData() for key, combo in self.rfm_combos.items()}
        if not all(columns.values()):
            self._show_message(self.missing_text("rfm"))
            return None
        if self.rfm_result is not None:   # another segment picked: the scores are already there
            return cb.build_rfm(self.rfm_result, self.selected_segment())
        dataset = s.dataset

        def fetch(db):   # a million users take a second or two: never on the GUI thread
            return chart_data.rfm_data(db, dataset, columns["id"], columns["recency"], columns["frequency"],
                                       columns["monetary"])

        def build(result):
            self.rfm_result = result
            self._fill_segments()
            return cb.build_rfm(result, self.selected_segment())

        self._off_thread(fetch, build, self.tr("Scoring the users of %1…").replace("%1", dataset))
        return None

    def _fill_segments(self) -> None:
        from workbench.reports.rfm import SEGMENT_ORDER
        from workbench.ui.reports.chart_labels import segment_label

        counts = self.rfm_result.counts()
        self._loading = True
        current = max(self.segment_list.currentRow(), 3)   # 重要挽留 is the usual recall target
        self.segment_list.clear()
        for name in SEGMENT_ORDER:
            item = QListWidgetItem(f"{segment_label(name)}  {counts[name]:,}")
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.segment_list.addItem(item)
        self.segment_list.setCurrentRow(current)
        self._loading = False

    def selected_segment(self) -> str | None:
        item = self.segment_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def select_segment(self, segment: str) -> None:
        for i in range(self.segment_list.count()):
            if self.segment_list.item(i).data(Qt.ItemDataRole.UserRole) == segment:
                self.segment_list.setCurrentRow(i)

    def _draw_distribution(self, cb, s):
        metric = self.dist_metric.currentText()
        if not metric:
            self._show_message(self.missing_text("distribution"))
            return None
        edges, counts = chart_data.histogram(chart_data.distribution_values(self.ctx.db, s.dataset, metric),
                                             self.dist_bins.value())
        info = datasets.get_dataset(self.ctx.db, s.dataset)
        return cb.build_histogram(edges, counts, metric, info.column(metric).type)

    # --- actions ------------------------------------------------------------------------------
    def send_segment_to_contacts(self) -> None:
        from workbench.ui.reports.undo_commands import RecallSegmentCommand

        segment, s = self.selected_segment(), self.suggestion()
        if self.rfm_result is None or segment is None or s is None:
            return
        count = self.rfm_result.counts()[segment]
        if count == 0:
            return
        command = RecallSegmentCommand(self.ctx, s.dataset, self.rfm_result, segment,
                                       self.rfm_combos["id"].currentText(), self.sequence_combo.currentData())
        self.ctx.undo_stack.push(command)
        from workbench.ui.reports.chart_labels import segment_label

        recall = command.recall
        self.ctx.events.status_message.emit(
            self.tr("%1 users of %2 are now a recall list in the contact log (%3 new).")
            .replace("%1", f"{len(recall.user_ids):,}").replace("%2", segment_label(segment))
            .replace("%3", f"{len(recall.created):,}"))

    def grab_chart(self):
        return self.chart.widget.grab() if self.chart is not None else self.host.grab()

    def export_png(self, path: str) -> bool:
        return self.grab_chart().save(path, "PNG")

    def export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export chart"), f"{self.kind}.png", "PNG (*.png)")
        if path and not self.export_png(path):
            QMessageBox.warning(self, self.tr("Export chart"), self.tr("The picture could not be written to %1.").replace("%1", path))

    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setPixmap(self.grab_chart())
        self.ctx.events.status_message.emit(self.tr("Chart copied to the clipboard."))
