"""Alert rules: a list of every rule, and a form to add or edit one (each save runs it over history)."""
from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout,
                               QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton, QSpinBox, QTableWidget,
                               QTableWidgetItem, QVBoxLayout)

from workbench.errors import UserError
from workbench.reports import alert_store, datasets
from workbench.reports.alert_rules import AlertRule, describe
from workbench.ui.reports.chart_labels import chinese


class RuleForm(QDialog):
    def __init__(self, ctx, rule: AlertRule | None, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.rule = rule
        self.setWindowTitle(self.tr("Alert rule"))
        self.dataset = QComboBox()
        self.metric = QComboBox()
        self.kind = QComboBox()
        for key, text in (("threshold", self.tr("Threshold")), ("change", self.tr("Change")),
                          ("deviation", self.tr("Deviation from the trailing mean"))):
            self.kind.addItem(text, key)
        self.direction = QComboBox()
        for key, text in (("down", self.tr("Falls / below")), ("up", self.tr("Rises / above")), ("both", self.tr("Either way"))):
            self.direction.addItem(text, key)
        self.basis = QComboBox()
        for key, text in (("day", self.tr("the previous day")), ("week", self.tr("the same day last week")),
                          ("mean", self.tr("the trailing mean"))):
            self.basis.addItem(text, key)
        self.amount = QDoubleSpinBox(decimals=2, minimum=-1e12, maximum=1e12)
        self.amount_hint = QLabel()
        self.amount_hint.setProperty("muted", True)
        self.window = QSpinBox(minimum=2, maximum=366, value=7)
        self.level = QComboBox()
        for key, text in (("yellow", self.tr("Yellow")), ("orange", self.tr("Orange")), ("red", self.tr("Red"))):
            self.level.addItem(text, key)
        self.enabled = QCheckBox(self.tr("On"), checked=True)
        self.preview = QLabel()
        self.preview.setProperty("muted", True)
        form = QFormLayout(self)
        form.addRow(self.tr("Dataset"), self.dataset)
        form.addRow(self.tr("Metric"), self.metric)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Direction"), self.direction)
        form.addRow(self.tr("Compared with"), self.basis)
        amount_row = QHBoxLayout()
        amount_row.addWidget(self.amount)
        amount_row.addWidget(self.amount_hint)
        form.addRow(self.tr("Amount"), amount_row)
        form.addRow(self.tr("Trailing points"), self.window)
        form.addRow(self.tr("Level"), self.level)
        form.addRow("", self.enabled)
        form.addRow(self.preview)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        for info in datasets.list_datasets(ctx.db):
            if info.date_column:
                self.dataset.addItem(info.name)
        self.dataset.currentTextChanged.connect(self._fill_metrics)
        for widget in (self.kind, self.direction, self.basis, self.metric):
            widget.currentIndexChanged.connect(self._update)
        self.amount.valueChanged.connect(self._update)
        self.window.valueChanged.connect(self._update)
        self._fill_metrics()
        if rule:
            self.dataset.setCurrentText(rule.dataset)
            self.metric.setCurrentText(rule.metric)
            self.kind.setCurrentIndex(self.kind.findData(rule.kind))
            self.direction.setCurrentIndex(self.direction.findData(rule.direction))
            self.basis.setCurrentIndex(self.basis.findData(rule.basis))
            self.window.setValue(rule.window)
            self.level.setCurrentIndex(self.level.findData(rule.level))
            self.enabled.setChecked(rule.enabled)
            self._update()
            self.amount.setValue(rule.amount * 100 if self._as_percent() else rule.amount)
        self._update()

    def _fill_metrics(self) -> None:
        self.metric.clear()
        info = datasets.get_dataset(self.ctx.db, self.dataset.currentText())
        for column in (info.metrics if info else []):
            if column.type in datasets.NUMERIC_TYPES:
                self.metric.addItem(column.name, column.type)

    def _as_percent(self) -> bool:
        """Changes are always percentages; a threshold is one when the metric is a rate."""
        kind = self.kind.currentData()
        return kind == "change" or (kind == "threshold" and self.metric.currentData() == "percent")

    def _update(self) -> None:
        kind = self.kind.currentData()
        self.basis.setEnabled(kind == "change")
        self.window.setEnabled(kind == "deviation" or (kind == "change" and self.basis.currentData() == "mean"))
        self.amount_hint.setText("%" if self._as_percent() else ("σ" if kind == "deviation" else ""))
        try:
            self.preview.setText(describe(self.current_rule(), "zh" if chinese() else "en"))
        except (TypeError, ValueError):
            self.preview.setText("")

    def current_rule(self) -> AlertRule:
        amount = self.amount.value() / 100 if self._as_percent() else self.amount.value()
        return AlertRule(self.dataset.currentText(), self.metric.currentText(), self.kind.currentData(),
                         self.direction.currentData(), amount, self.basis.currentData(), self.window.value(),
                         self.level.currentData(), self.enabled.isChecked(),
                         origin=self.rule.origin if self.rule else "user", id=self.rule.id if self.rule else None,
                         metric_type=self.metric.currentData() or "number")


class RulesDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Alert rules"))
        self.resize(760, 420)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Dataset"), self.tr("Metric"), self.tr("Rule"),
                                              self.tr("Level"), self.tr("On")])
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.doubleClicked.connect(self.edit)
        add = QPushButton(self.tr("Add…"))
        add.clicked.connect(self.add)
        edit = QPushButton(self.tr("Edit…"))
        edit.clicked.connect(self.edit)
        delete = QPushButton(self.tr("Delete"))
        delete.clicked.connect(self.delete)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for b in (add, edit, delete):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.rules = alert_store.list_rules(self.ctx.db)
        levels = {"yellow": self.tr("Yellow"), "orange": self.tr("Orange"), "red": self.tr("Red")}
        self.table.setRowCount(len(self.rules))
        for row, rule in enumerate(self.rules):
            values = [rule.dataset, rule.metric, describe(rule, "zh" if chinese() else "en"), levels[rule.level],
                      self.tr("Yes") if rule.enabled else self.tr("No")]
            for col, value in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()

    def _selected(self) -> AlertRule | None:
        row = self.table.currentRow()
        return self.rules[row] if 0 <= row < len(self.rules) else None

    def _save(self, rule: AlertRule | None) -> None:
        from workbench.ui.reports.undo_commands import SaveRuleCommand

        form = RuleForm(self.ctx, rule, self)
        while form.exec() == QDialog.DialogCode.Accepted:
            rule = form.current_rule()
            try:
                alert_store.check_rule(self.ctx.db, rule)  # before the push: redo() cannot report errors
            except UserError as error:
                QMessageBox.warning(self, self.tr("Alert rule"), error.sentence)
                continue
            self.ctx.undo_stack.push(SaveRuleCommand(self.ctx, rule))
            break
        self.refresh()

    def add(self) -> None:
        self._save(None)

    def edit(self, *_args) -> None:
        if self._selected():
            self._save(self._selected())

    def delete(self) -> None:
        from workbench.ui.reports.undo_commands import DeleteRuleCommand

        rule = self._selected()
        if rule:
            self.ctx.undo_stack.push(DeleteRuleCommand(self.ctx, rule.id))
            self.refresh()
