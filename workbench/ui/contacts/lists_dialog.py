"""Editing the contact form's lists (channel, direction, topic, outcome), each outcome's default
next step, and the contact cadence per stage or tag. Changes apply at once."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QListWidget, QPushButton, QSpinBox, QTabWidget, QVBoxLayout, QWidget)

from workbench.contacts import due, options
from workbench.contacts.schema import STAGES
from workbench.ui.common.changes import Changes


class ListsDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Contact lists and cadence"))
        tabs = QTabWidget()
        tabs.addTab(self._lists_tab(), self.tr("Lists"))
        tabs.addTab(self._cadence_tab(), self.tr("Cadence"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)
        self.resize(620, 440)
        self.reload_values()
        self.reload_cadence()

    # --- lists ----------------------------------------------------------------------------------
    def _lists_tab(self) -> QWidget:
        page = QWidget()
        self.kind = QComboBox()
        for kind, label in (("channel", self.tr("Channel")), ("direction", self.tr("Direction")),
                            ("topic", self.tr("Topic")), ("outcome", self.tr("Outcome"))):
            self.kind.addItem(label, kind)
        self.values = QListWidget()
        self.values.setObjectName("optionValues")
        self.new_value = QLineEdit()
        self.new_value.setPlaceholderText(self.tr("New value, Enter adds it"))
        self.new_value.returnPressed.connect(self.add_value)
        remove = QPushButton(self.tr("Remove selected"))
        remove.clicked.connect(self.remove_value)
        self.retry_hours = QDoubleSpinBox()
        self.retry_hours.setRange(0, 72)
        self.max_tries = QSpinBox()
        self.max_tries.setRange(0, 10)
        self.then_channel = QLineEdit()
        self.follow_up_days = QSpinBox()
        self.follow_up_days.setRange(0, 60)
        save_step = QPushButton(self.tr("Save next step"))
        save_step.clicked.connect(self.save_next_step)
        self.step_box = QWidget()
        step_form = QFormLayout(self.step_box)
        step_form.addRow(self.tr("Retry after (hours, 0 = no retry)"), self.retry_hours)
        step_form.addRow(self.tr("At most tries"), self.max_tries)
        step_form.addRow(self.tr("Then switch to channel"), self.then_channel)
        step_form.addRow(self.tr("Follow-up after (days, 0 = none)"), self.follow_up_days)
        step_form.addRow("", save_step)
        left = QVBoxLayout()
        left.addWidget(self.kind)
        left.addWidget(self.values, 1)
        left.addWidget(self.new_value)
        left.addWidget(remove)
        layout = QHBoxLayout(page)
        layout.addLayout(left, 1)
        layout.addWidget(self.step_box, 1)
        self.kind.currentIndexChanged.connect(lambda _i: self.reload_values())
        self.values.currentTextChanged.connect(self.show_next_step)
        return page

    def reload_values(self) -> None:
        kind = self.kind.currentData()
        self.values.clear()
        self.values.addItems(options.option_values(self.ctx.db, kind))
        self.step_box.setVisible(kind == "outcome")
        self.values.setCurrentRow(0)

    def add_value(self) -> None:
        options.add_option(self.ctx.db, self.kind.currentData(), self.new_value.text())
        self.new_value.clear()
        self._changed()
        self.reload_values()

    def remove_value(self) -> None:
        item = self.values.currentItem()
        if item is not None:
            options.remove_option(self.ctx.db, self.kind.currentData(), item.text())
            self._changed()
            self.reload_values()

    def show_next_step(self, value: str) -> None:
        step = options.next_step_for(self.ctx.db, value)
        self.retry_hours.setValue(step.retry_hours or 0)
        self.max_tries.setValue(step.max_tries or 0)
        self.then_channel.setText(step.then_channel or "")
        self.follow_up_days.setValue(step.follow_up_days or 0)

    def save_next_step(self) -> None:
        item = self.values.currentItem()
        if item is None:
            return
        step = options.next_step_for(self.ctx.db, item.text())
        step.retry_hours = self.retry_hours.value() or None
        step.max_tries = self.max_tries.value() or None
        step.then_channel = self.then_channel.text().strip() or None
        step.follow_up_days = self.follow_up_days.value() or None
        options.set_next_step(self.ctx.db, item.text(), step)
        self._changed()

    # --- cadence --------------------------------------------------------------------------------
    def _cadence_tab(self) -> QWidget:
        page = QWidget()
        self.rules = QListWidget()
        self.rules.setObjectName("cadenceRules")
        self.scope = QComboBox()
        self.scope.addItem(self.tr("Stage"), "stage")
        self.scope.addItem(self.tr("Tag"), "tag")
        self.scope_value = QComboBox()
        self.scope_value.setEditable(True)
        self.scope_value.addItems(STAGES)
        self.days = QSpinBox()
        self.days.setRange(1, 365)
        self.days.setSuffix(self.tr(" days"))
        set_button = QPushButton(self.tr("Set"))
        set_button.clicked.connect(self.set_rule)
        remove = QPushButton(self.tr("Remove selected"))
        remove.clicked.connect(self.remove_rule)
        hint = QLabel(self.tr("A user is due when the last contact is older than the shortest cadence of their stage and tags."))
        hint.setWordWrap(True)
        hint.setProperty("muted", True)
        row = QHBoxLayout()
        for widget in (self.scope, self.scope_value, self.days, set_button):
            row.addWidget(widget)
        layout = QVBoxLayout(page)
        layout.addWidget(hint)
        layout.addWidget(self.rules, 1)
        layout.addLayout(row)
        layout.addWidget(remove, 0, Qt.AlignmentFlag.AlignLeft)
        return page

    def reload_cadence(self) -> None:
        self.rules.clear()
        self._rules = due.cadence_rules(self.ctx.db)
        stage_word, tag_word, days_word = self.tr("Stage"), self.tr("Tag"), self.tr(" days")
        for scope, value, days in self._rules:
            self.rules.addItem(f"{stage_word if scope == 'stage' else tag_word} {value}: {days}{days_word}")

    def set_rule(self) -> None:
        value = self.scope_value.currentText().strip()
        if value:
            due.set_cadence(self.ctx.db, self.scope.currentData(), value, self.days.value())
            self._changed()
            self.reload_cadence()

    def remove_rule(self) -> None:
        row = self.rules.currentRow()
        if row >= 0:
            scope, value, _days = self._rules[row]
            due.set_cadence(self.ctx.db, scope, value, None)
            self._changed()
            self.reload_cadence()

    def _changed(self) -> None:
        self.ctx.events.changed.emit(Changes(contacts=True))
