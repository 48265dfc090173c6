"""The form for a new PDCA cycle or its Plan: problem, SMART goal, hypothesis and prediction, root cause."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QFrame, QHBoxLayout, QLabel,
                               QLineEdit, QPlainTextEdit, QScrollArea, QSpinBox, QVBoxLayout, QWidget)

from workbench.errors import UserError
from workbench.pdca import linked_facts
from workbench.pdca import repository as repo
from workbench.pdca.model import Cycle
from workbench.ui.pdca.cycle_format import value_for_edit, value_from_edit


class CycleDialog(QDialog):
    """Returns (title, fields) through values() after exec() == Accepted."""

    def __init__(self, ctx, parent: QWidget | None = None, cycle: Cycle | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Edit PDCA cycle") if cycle else self.tr("New PDCA cycle"))
        self.setMinimumWidth(560)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("e.g. Many coupon inquiries, few loans"))
        self.problem = self._text(self.tr("What is wrong, in numbers if you can"))
        self.background = self._text(self.tr("Why this matters now (A3 background)"))
        self.current_condition = self._text(self.tr("Where things stand today, with numbers"))
        self.metric_box = QComboBox()
        self.metric_box.addItem(self.tr("(no metric)"), None)
        for dataset, column, kind in linked_facts.metric_choices(ctx.db):
            self.metric_box.addItem(f"{dataset} · {column}", (dataset, column, kind))
        self.baseline, self.target, self.prediction = QLineEdit(), QLineEdit(), QLineEdit()
        for edit in (self.baseline, self.target, self.prediction):
            edit.setPlaceholderText(self.tr("a number, e.g. 8%"))
        self.deadline, self.next_review = QLineEdit(), QLineEdit()
        for edit in (self.deadline, self.next_review):
            edit.setPlaceholderText(self.tr("月底, 下周五, end of next month, 2026-12-31 …"))
        self.hypothesis = self._text(self.tr("If we …, then the metric will …, because …"))
        self.root_cause = self._text(self.tr("Why? → because … → why? → because …"))
        self.link_topic = QLineEdit()
        self.link_topic.setPlaceholderText(self.tr("contact topic or keyword, e.g. 优惠券"))
        self.baseline_days = QSpinBox()
        self.baseline_days.setRange(1, 365)
        self.baseline_days.setValue(14)
        self.baseline_days.setSuffix(self.tr(" days"))
        self.ab_dataset, self.ab_group, self.ab_outcome = QComboBox(), QComboBox(), QComboBox()
        self.ab_dataset.setObjectName("groupDataset")
        self.ab_dataset.addItem(self.tr("(no group check)"), None)
        for name in linked_facts.dataset_names(ctx.db):
            self.ab_dataset.addItem(name, name)
        self.ab_dataset.currentIndexChanged.connect(self._fill_group_columns)
        self.ab_group.setToolTip(self.tr("The column that says which group a user is in: 实验组/对照组, A/B, 版本"))
        self.ab_outcome.setToolTip(self.tr("What is compared: converted yes/no, an amount, retained"))
        self.cost, self.revenue = QLineEdit(), QLineEdit()
        for edit in (self.cost, self.revenue):
            edit.setPlaceholderText(self.tr("optional, e.g. 5000"))
        self.review_days = QSpinBox()
        self.review_days.setRange(0, 365)
        self.review_days.setSpecialValueText(self.tr("the stage's default"))
        self.review_days.setSuffix(self.tr(" days"))

        goal = QWidget()
        goal_row = QHBoxLayout(goal)
        goal_row.setContentsMargins(0, 0, 0, 0)
        for label, edit in ((self.tr("Baseline"), self.baseline), (self.tr("Target"), self.target)):
            goal_row.addWidget(QLabel(label))
            goal_row.addWidget(edit, 1)
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Background"), self.background)
        form.addRow(self.tr("Problem"), self.problem)
        form.addRow(self.tr("Current condition"), self.current_condition)
        form.addRow(self.tr("Metric"), self.metric_box)
        form.addRow(self.tr("Goal"), goal)
        form.addRow(self.tr("Deadline"), self.deadline)
        form.addRow(self.tr("Hypothesis"), self.hypothesis)
        form.addRow(self.tr("Prediction"), self.prediction)
        form.addRow(self.tr("Root cause (why-chain)"), self.root_cause)
        form.addRow(self.tr("Linked topic"), self.link_topic)
        form.addRow(self.tr("Baseline window"), self.baseline_days)
        form.addRow(self.tr("Next review"), self.next_review)
        form.addRow(self.tr("Review every"), self.review_days)
        groups = QWidget()
        groups_row = QHBoxLayout(groups)
        groups_row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.ab_dataset, self.ab_group, self.ab_outcome):
            groups_row.addWidget(widget, 1)
        form.addRow(self.tr("Check by groups"), groups)
        money = QWidget()
        money_row = QHBoxLayout(money)
        money_row.setContentsMargins(0, 0, 0, 0)
        for label, edit in ((self.tr("Cost"), self.cost), (self.tr("Revenue"), self.revenue)):
            money_row.addWidget(QLabel(label))
            money_row.addWidget(edit, 1)
        form.addRow(self.tr("ROI"), money)
        self._fill_group_columns()
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setStyleSheet("color: #d23c3c;")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        # The form scrolls: its 17 rows must not make the dialog taller than a 1280×800 screen.
        body = QWidget()
        body.setLayout(form)
        scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        if cycle is not None:
            self._fill(cycle)
        self.resize(max(560, body.sizeHint().width() + 40), min(body.sizeHint().height() + 100, 700))
        self.title.setFocus()

    def _text(self, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(56)
        return edit

    def _fill_group_columns(self, _index: int = 0) -> None:
        """The group and outcome choices are the chosen dataset's columns; a group-like column comes first."""
        dataset = self.ab_dataset.currentData()
        columns = linked_facts.dataset_columns(self.ctx.db, dataset) if dataset else []
        for box in (self.ab_group, self.ab_outcome):
            box.clear()
            box.setEnabled(bool(columns))
            for name in columns:
                box.addItem(name, name)
        if len(columns) > 1:
            self.ab_outcome.setCurrentIndex(1 if self.ab_group.currentIndex() == 0 else 0)

    def _choose(self, box: QComboBox, value: str | None) -> None:
        index = box.findData(value)
        if index < 0 and value:
            box.addItem(value, value)
            index = box.count() - 1
        box.setCurrentIndex(max(index, 0))

    def _kind(self) -> str:
        data = self.metric_box.currentData()
        return data[2] if data else "number"

    def _fill(self, cycle: Cycle) -> None:
        self.title.setText(cycle.title)
        self.problem.setPlainText(cycle.problem)
        self.background.setPlainText(cycle.background)
        self.current_condition.setPlainText(cycle.current_condition)
        self.review_days.setValue(cycle.review_days or 0)
        self._choose(self.ab_dataset, cycle.ab_dataset)
        if cycle.ab_dataset:
            self._choose(self.ab_group, cycle.ab_group_column)
            self._choose(self.ab_outcome, cycle.ab_outcome_column)
        self.cost.setText(value_for_edit(cycle.cost, "money"))
        self.revenue.setText(value_for_edit(cycle.revenue, "money"))
        index = next((i for i in range(self.metric_box.count()) if self.metric_box.itemData(i)
                      and self.metric_box.itemData(i)[:2] == (cycle.metric_dataset, cycle.metric_column)), -1)
        if index < 0 and cycle.metric_column:
            self.metric_box.addItem(cycle.metric_label, (cycle.metric_dataset, cycle.metric_column, "number"))
            index = self.metric_box.count() - 1
        self.metric_box.setCurrentIndex(max(index, 0))
        kind = self._kind()
        self.baseline.setText(value_for_edit(cycle.baseline, kind))
        self.target.setText(value_for_edit(cycle.target, kind))
        self.prediction.setText(value_for_edit(cycle.prediction, kind))
        self.deadline.setText(cycle.deadline or "")
        self.hypothesis.setPlainText(cycle.hypothesis)
        self.root_cause.setPlainText(cycle.root_cause)
        self.link_topic.setText(cycle.link_topic)
        self.baseline_days.setValue(cycle.baseline_days)
        self.next_review.setText(cycle.next_review or "")

    def values(self) -> tuple[str, dict]:
        data = self.metric_box.currentData()
        kind = self._kind()
        fields = {
            "problem": self.problem.toPlainText(), "metric_dataset": data[0] if data else None,
            "metric_column": data[1] if data else None,
            "baseline": value_from_edit(self.baseline.text(), kind), "target": value_from_edit(self.target.text(), kind),
            "prediction": value_from_edit(self.prediction.text(), kind), "deadline": self._day(self.deadline.text()),
            "hypothesis": self.hypothesis.toPlainText(), "root_cause": self.root_cause.toPlainText(),
            "link_topic": self.link_topic.text(), "baseline_days": self.baseline_days.value(),
            "next_review": self._day(self.next_review.text()), "background": self.background.toPlainText(),
            "current_condition": self.current_condition.toPlainText(), "review_days": self.review_days.value(),
            "ab_dataset": self.ab_dataset.currentData(),
            "ab_group_column": self.ab_group.currentData() if self.ab_dataset.currentData() else None,
            "ab_outcome_column": self.ab_outcome.currentData() if self.ab_dataset.currentData() else None,
            "cost": self.cost.text(), "revenue": self.revenue.text(),
        }
        return self.title.text(), fields

    def _day(self, text: str) -> str:
        """The field read by the capture bar's grammar ('月底' → its date); unreadable text is passed on
        as typed, for the repository's sentence."""
        from workbench.tasks.date_field import read_when

        when = read_when(text, self.ctx.now()) if text.strip() else None
        return when.due[:10] if when else text

    def accept(self) -> None:
        title, fields = self.values()
        try:
            repo.clean_fields({"title": title, **fields})
        except UserError as error:
            self.error.setText(error.sentence)
            self.error.show()
            return
        super().accept()
