"""数据看板: metric cards the operator picks, one large chart with a kind chooser, and the fired alerts
with [转为任务]. An empty database shows how to import a report instead.

pyqtgraph loads with the first chart, after the cards are on screen (see ChartPanel)."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSplitter, QStackedWidget,
                               QVBoxLayout, QWidget)

from workbench.reports import alert_store, dashboard_store, datasets
from workbench.ui.common.icons import icon
from workbench.ui.reports.alerts_panel import AlertsPanel
from workbench.ui.reports.chart_panel import ChartPanel
from workbench.ui.reports.metric_card_widget import MetricCardWidget
from workbench.ui.common.changes import Changes


class DashboardPage(QWidget):
    def __init__(self, ctx):
        super().__init__()
        self.ctx = ctx
        self.setObjectName("page")
        self._stale = True
        self._chart_started = False
        # Built from the top down: each widget is put in its parent before its own children are made.
        # Under the app's stylesheet every reparenting restyles the whole subtree moved, and this page,
        # built bottom up, cost 60-110 ms at start-up (half of it restyling); the window builds it on an
        # idle turn, where it must stay well under 100 ms.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack)
        self.stack.addWidget(self._build_empty())
        dashboard = QWidget()
        self.stack.addWidget(dashboard)
        self._build_dashboard(dashboard)
        ctx.events.changed.connect(self._on_changed)

    # --- building -----------------------------------------------------------------------------
    def _build_empty(self) -> QWidget:
        page = QWidget()
        title = QLabel(self.tr("No reports yet"), alignment=Qt.AlignmentFlag.AlignCenter)
        title.setObjectName("placeholderTitle")
        text = QLabel(self.tr("Import the back office's Excel or CSV exports (daily core metrics, channel weekly "
                              "reports, retention cohorts, user lists) and this page charts them: trends, funnels, "
                              "cohort retention, RFM segments, and alerts when a number crosses a line.\n\n"
                              "Drop a file anywhere on the window, or:"),
                      alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        text.setProperty("muted", True)
        text.setFixedWidth(560)
        text.setMinimumHeight(text.heightForWidth(560) + 8)
        self.import_button = QPushButton(icon("mdi6.file-upload-outline", "white"), self.tr("Import a report…"))
        self.import_button.setProperty("accent", True)
        self.import_button.clicked.connect(lambda: self.ctx.events.import_requested.emit(""))
        layout = QVBoxLayout(page)
        layout.addStretch(2)
        layout.addWidget(title)
        layout.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(12)
        layout.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)
        return page

    def _build_dashboard(self, page: QWidget) -> None:
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        layout.addLayout(head)
        title = QLabel(self.tr("Data dashboard"))
        title.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.updated_label = QLabel()
        self.updated_label.setProperty("muted", True)
        pick = QPushButton(icon("mdi6.view-grid-plus-outline"), self.tr("Cards…"))
        pick.clicked.connect(self.pick_cards)
        self.import_more = QPushButton(icon("mdi6.file-upload-outline"), self.tr("Import…"))
        self.import_more.clicked.connect(lambda: self.ctx.events.import_requested.emit(""))
        head.addWidget(title)
        head.addSpacing(12)
        head.addWidget(self.updated_label, 1)
        head.addWidget(pick)
        head.addWidget(self.import_more)

        cards_scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        layout.addWidget(cards_scroll)
        cards_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        cards_scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        cards_scroll.setFixedHeight(134)
        self.cards_host = QWidget()
        cards_scroll.setWidget(self.cards_host)
        self.cards_layout = QHBoxLayout(self.cards_host)
        self.cards_layout.setContentsMargins(0, 0, 0, 0)
        self.cards_layout.setSpacing(10)
        self.cards: list[MetricCardWidget] = []

        splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(splitter, 1)
        self.chart = ChartPanel(self.ctx, parent=splitter)  # (a splitter takes the children made in it)
        self.alerts = AlertsPanel(self.ctx, parent=splitter)
        self.alerts.show_alert.connect(self._show_alert)
        self.alerts.setMinimumWidth(280)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([900, 330])

    # --- page protocol --------------------------------------------------------------------------
    def refresh(self) -> None:
        has_data = bool(datasets.list_datasets(self.ctx.db))
        self.stack.setCurrentIndex(1 if has_data else 0)
        if not has_data:
            self._stale = False
            return
        self._refresh_cards()
        self.alerts.refresh()
        infos = datasets.list_datasets(self.ctx.db)
        latest = max((i.date_max for i in infos if i.date_max), default=None)
        self.updated_label.setText(self.tr("%1 datasets · data up to %2").replace("%1", str(len(infos)))
                                   .replace("%2", latest or "—"))
        if self._chart_started:
            self.chart.reload()
        else:
            # The chart (and pyqtgraph) after the cards are painted: the page is usable at once.
            self._chart_started = True
            QTimer.singleShot(0, self.chart.reload)
        self._stale = False

    def badge(self) -> str:
        count = alert_store.open_serious_count(self.ctx.db)
        return str(count) if count else ""

    def open_item(self, target) -> None:
        """navigate("dashboard", alert_id): show that alert's metric."""
        try:
            alert = alert_store.get_alert(self.ctx.db, int(target))
        except (TypeError, ValueError, Exception):
            return
        self._show_alert(alert)

    def screenshot_states(self):
        def state(kind):
            return lambda: (self.chart.show_kind(kind), self._settle())
        def option(kind, widget, data):
            def enter():
                self.chart.show_kind(kind)
                widget.setCurrentIndex(max(widget.findData(data), 0))
                self.chart.funnel_compare.setChecked(kind == "funnel")
                self.chart.draw()
                self._settle()
            return enter
        return [(kind, state(kind)) for kind in ("trend", "bars", "funnel", "retention", "rfm", "distribution")] + [
            ("funnel-compare", option("funnel", self.chart.funnel_period, "this_week")),
            ("retention-week", option("retention", self.chart.retention_grouping, "week"))]

    def _settle(self) -> None:
        from PySide6.QtCore import QDeadlineTimer, QThread
        from PySide6.QtWidgets import QApplication

        deadline = QDeadlineTimer(5000)  # the bar sums arrive from a pool thread
        while self.chart.bars_pending() and not deadline.hasExpired():
            QApplication.processEvents()
            QThread.msleep(1)
        for _ in range(3):
            QApplication.processEvents()

    # --- actions --------------------------------------------------------------------------------
    def _refresh_cards(self) -> None:
        for card in self.cards:
            self.cards_layout.removeWidget(card)
            card.deleteLater()
        self.cards = []
        while self.cards_layout.count():
            self.cards_layout.takeAt(0)
        for card in dashboard_store.load_cards(self.ctx.db):
            widget = MetricCardWidget(card)
            widget.clicked.connect(self.chart.show_metric)
            self.cards_layout.addWidget(widget)
            self.cards.append(widget)
        self.cards_layout.addStretch(1)

    def pick_cards(self) -> None:
        from workbench.ui.reports.card_picker import CardPicker
        from workbench.ui.reports.undo_commands import SaveCardsCommand

        dialog = CardPicker(dashboard_store.card_choices(self.ctx.db), dashboard_store.chosen_cards(self.ctx.db), self)
        if dialog.exec():
            self.ctx.undo_stack.push(SaveCardsCommand(self.ctx, dialog.chosen()))

    def _show_alert(self, alert) -> None:
        self.chart.show_metric(alert.dataset, alert.metric)

    def _on_changed(self, changes: Changes) -> None:
        if changes.reports or changes.tasks:
            self._stale = True
            if self.isVisible():
                QTimer.singleShot(0, self.refresh)
