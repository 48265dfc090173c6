"""Fired alerts beside the chart: level, date, metric, rule, value vs reference, and [转为任务] / [转为PDCA] /
[忽略]; an alert drafted into a PDCA cycle links to it."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from workbench.errors import UserError, current_language
from workbench.reports import alert_store
from workbench.reports.metric_cards import format_value
from workbench.ui.common.theme import ALERT_COLORS, current_scheme

SHOWN = 40   # the newest worst ones; the title counts them all


class AlertRow(QFrame):
    to_task = Signal(int)
    to_cycle = Signal(int)
    open_cycle = Signal(int)
    open_task = Signal(int)
    dismiss = Signal(int)
    chosen = Signal(object)

    def __init__(self, alert, metric_type: str, level_text: str, cycle_id: int | None = None, parent=None,
                 rule_line: str | None = None):
        super().__init__(parent)
        self.alert = alert
        self.setObjectName("alertRow")
        scheme = current_scheme()
        colour = ALERT_COLORS.get(alert.level, "#8a8f98")
        self.setStyleSheet(f"QFrame#alertRow {{ background: {scheme.surface}; border: 1px solid {scheme.line};"
                           f" border-left: 4px solid {colour}; border-radius: 6px; }}")
        when = alert.date
        if alert.days > 1:   # an episode: first – last day, and how many points in a row (always ≥ 2)
            when += f" – {alert.last_date[5:]} (" + self.tr("%1 in a row").replace("%1", str(alert.days)) + ")"
        head = QLabel(f"<b style='color:{colour}'>{level_text}</b> &nbsp;{when} &nbsp;<b>{alert.metric}</b>")
        # the dataset sits in the wrapping line so three buttons fit the narrow panel
        rule = QLabel(f"{rule_line or alert.rule_text} · {format_value(alert.value, metric_type)}"
                      f" / {format_value(alert.reference, metric_type)} · {alert.dataset}")
        rule.setProperty("muted", True)
        rule.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        if alert.status == "open":
            task = QPushButton(self.tr("To task"))
            task.setToolTip(self.tr("Create an important and urgent task linked to this alert"))
            task.clicked.connect(lambda: self.to_task.emit(alert.id))
            ignore = QPushButton(self.tr("Dismiss"))
            ignore.clicked.connect(lambda: self.dismiss.emit(alert.id))
            buttons.addWidget(task)
            if cycle_id is None:
                buttons.addWidget(self._cycle_button())
            buttons.addWidget(ignore)
        else:
            if alert.task_id:   # what it became, and a way there
                task_link = QPushButton(self.tr("Task #%1").replace("%1", str(alert.task_id)), flat=True)
                task_link.setToolTip(self.tr("Open the task made from this alert"))
                task_link.clicked.connect(lambda: self.open_task.emit(alert.task_id))
                buttons.addWidget(task_link)
            elif alert.status == "dismissed":
                done = QLabel(self.tr("Dismissed"))
                done.setProperty("muted", True)
                buttons.addWidget(done)
            elif alert.status == "pdca":   # a cycle first, then it may need a task too
                task = QPushButton(self.tr("To task"))
                task.setToolTip(self.tr("Create an important and urgent task linked to this alert and its cycle"))
                task.clicked.connect(lambda: self.to_task.emit(alert.id))
                buttons.addWidget(task)
            if cycle_id is None and alert.status == "task":   # a task first, then it needs a cycle
                buttons.addWidget(self._cycle_button())
        if cycle_id is not None:
            link = QPushButton(self.tr("PDCA cycle #%1").replace("%1", str(cycle_id)), flat=True)
            link.setToolTip(self.tr("Open the PDCA cycle drafted from this alert"))
            link.clicked.connect(lambda: self.open_cycle.emit(cycle_id))
            buttons.addWidget(link)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 8, 6)
        layout.setSpacing(2)
        layout.addWidget(head)
        layout.addWidget(rule)
        layout.addLayout(buttons)

    def _cycle_button(self) -> QPushButton:
        button = QPushButton(self.tr("To PDCA"))
        button.setToolTip(self.tr("Draft a PDCA cycle in the Plan stage from this alert and open it"))
        button.clicked.connect(lambda: self.to_cycle.emit(self.alert.id))
        return button

    def mouseReleaseEvent(self, event) -> None:
        self.chosen.emit(self.alert)


class AlertsPanel(QWidget):
    show_alert = Signal(object)   # the chart shows the alert's metric

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.rules_button = QPushButton(self.tr("Rules…"))
        self.rules_button.clicked.connect(self.edit_rules)
        self.open_only = QCheckBox(self.tr("Open only"), checked=True)
        self.open_only.toggled.connect(self.refresh)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.open_only)
        head.addWidget(self.rules_button)
        self.list_widget = QWidget()
        self.list_layout = QVBoxLayout(self.list_widget)
        self.list_layout.setContentsMargins(0, 0, 4, 0)
        self.list_layout.setSpacing(6)
        scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        scroll.setWidget(self.list_widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(scroll, 1)
        self.rows: list[AlertRow] = []

    def level_text(self, level: str) -> str:
        return {"yellow": self.tr("Yellow"), "orange": self.tr("Orange"), "red": self.tr("Red")}.get(level, level)

    def refresh(self) -> None:
        from workbench.pdca.from_alert import cycles_by_alert
        from workbench.reports import datasets

        statuses = ("open",) if self.open_only.isChecked() else None
        alerts = alert_store.list_alerts(self.ctx.db, statuses=statuses, limit=SHOWN, worst_first=True)
        open_total = alert_store.open_count(self.ctx.db)
        self.title.setText(self.tr("Alerts (%1 open)").replace("%1", str(open_total)))
        while self.list_layout.count():
            widget = self.list_layout.takeAt(0).widget()
            if widget:
                widget.deleteLater()
        self.rows = []
        types: dict[tuple[str, str], str] = {}
        cycles = cycles_by_alert(self.ctx.db, [alert.id for alert in alerts])
        lines = alert_store.rule_lines(self.ctx.db, current_language())  # the stored line is Chinese
        for alert in alerts:
            key = (alert.dataset, alert.metric)
            if key not in types:
                info = datasets.get_dataset(self.ctx.db, alert.dataset)
                column = info.column(alert.metric) if info else None
                types[key] = column.type if column else "number"
            row = AlertRow(alert, types[key], self.level_text(alert.level), cycles.get(alert.id),
                           rule_line=lines.get(alert.rule_id))
            row.to_task.connect(self.turn_into_task)
            row.to_cycle.connect(self.turn_into_cycle)
            row.open_cycle.connect(self.open_cycle)
            row.open_task.connect(lambda task_id: self.ctx.events.navigate.emit("tasks", task_id))
            row.dismiss.connect(self.dismiss)
            row.chosen.connect(self.show_alert.emit)
            self.list_layout.addWidget(row)
            self.rows.append(row)
        if not alerts:
            empty = QLabel(self.tr("No alerts. Rules run after every import."), wordWrap=True,
                           alignment=Qt.AlignmentFlag.AlignCenter)
            empty.setProperty("muted", True)
            self.list_layout.addWidget(empty)
        self.list_layout.addStretch(1)

    def turn_into_task(self, alert_id: int) -> None:
        from workbench.ui.reports.undo_commands import AlertToTaskCommand

        try:  # checked before the push: an error inside redo() would not reach us
            if alert_store.get_alert(self.ctx.db, alert_id).task_id:
                raise UserError("这条预警已经转为任务了。", "This alert has already become a task.")
        except UserError as error:
            QMessageBox.warning(self, self.tr("Alert"), error.sentence)
            return
        self.ctx.undo_stack.push(AlertToTaskCommand(self.ctx, alert_id))
        self.ctx.events.status_message.emit(self.tr("The alert is now an important and urgent task."))

    def turn_into_cycle(self, alert_id: int) -> None:
        """Draft a PDCA cycle from the alert (undoable) and open it on the PDCA page."""
        from workbench.pdca.from_alert import cycle_for_alert
        from workbench.ui.reports.undo_commands import AlertToCycleCommand

        existing = cycle_for_alert(self.ctx.db, alert_id)
        if existing is not None:   # drafted already (e.g. in another window): just open it
            self.open_cycle(existing)
            return
        try:  # checked before the push: an error inside redo() would not reach us
            command = AlertToCycleCommand(self.ctx, alert_id)
        except UserError as error:
            QMessageBox.warning(self, self.tr("Alert"), error.sentence)
            return
        self.ctx.undo_stack.push(command)
        self.ctx.events.status_message.emit(self.tr("A PDCA cycle was drafted from the alert."))
        self.open_cycle(command.cycle_id)

    def open_cycle(self, cycle_id: int) -> None:
        self.ctx.events.navigate.emit("pdca", cycle_id)

    def dismiss(self, alert_id: int) -> None:
        from workbench.ui.reports.undo_commands import AlertStatusCommand

        self.ctx.undo_stack.push(AlertStatusCommand(self.ctx, alert_id, "dismissed"))

    def edit_rules(self) -> None:
        from workbench.ui.reports.rule_editor import RulesDialog

        RulesDialog(self.ctx, self).exec()
