"""Editing one task: title, quadrant, due, repeat, tags, notes, and its links (shown and opened)."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QPushButton, QVBoxLayout, QWidget)

from workbench.errors import UserError
from workbench.ui.common.masked_fields import MaskedFields
from workbench.ui.common.personal_data_hint import PersonalDataHint
from workbench.tasks.model import INBOX, QUADRANT_FLAGS, Task
from workbench.tasks import reminders
from workbench.tasks.repository import link_names
from workbench.tasks.recurrence import is_valid
from workbench.ui.common.theme import ALERT_COLORS
from workbench.ui.common.icons import icon
from workbench.ui.tasks.quadrant_list import LINKED_ICON
from workbench.ui.tasks.links import open_link
from workbench.ui.tasks.task_format import link_summary, quadrant_title


def read_due(text: str, now: datetime, day_parts: dict | None = None) -> tuple[bool, str | None]:
    """'' → no due; '2026-12-01 15:00' / '明天下午3点' / 'friday 3pm' → due text. (ok, due).

    The capture bar's grammar (tasks/date_field.py); a past date is allowed here: an overdue task stays
    editable."""
    text = text.strip()
    if not text:
        return True, None
    from workbench.tasks.date_field import read_when  # the grammar loads when first used

    when = read_when(text, now, day_parts)
    return when is not None, when.due if when else None


def read_recurrence(text: str, now: datetime) -> tuple[bool, str | None]:
    text = text.strip()
    if not text:
        return True, None
    if text.upper().startswith("FREQ=") and is_valid(text.upper()):
        return True, text.upper()
    from workbench.tasks.capture_parser import parse_capture

    parsed = parse_capture(text, now)
    return parsed.recurrence is not None, parsed.recurrence


class TaskDialog(QDialog):
    def __init__(self, ctx, task: Task, parent=None):
        super().__init__(parent)
        self.ctx, self.task = ctx, task
        self.setWindowTitle(self.tr("Edit task"))
        self.setMinimumWidth(520)
        # A title or notes typed with a phone or an ID number show it masked, read-only until revealed.
        self.masked = MaskedFields(ctx, f"任务 {task.id}", self)
        self.title = QLineEdit()
        self.masked.show_text(self.title, task.title)
        self.quadrant = QComboBox()
        for name in (INBOX, "q1", "q2", "q3", "q4"):
            self.quadrant.addItem(quadrant_title(name), name)
        self.quadrant.setCurrentIndex(self.quadrant.findData(task.quadrant))
        self.due = QLineEdit((task.due or "").replace("T", " "))
        self.due.setPlaceholderText(self.tr("2026-12-01 15:00, 明天下午3点, friday 3pm …"))
        self.remind = QCheckBox(self.tr("Remind me at the due time"))
        self.remind.setObjectName("remindCheck")
        self.remind.setChecked(not reminders.is_muted(ctx.db, task.id))
        self.recurrence = QLineEdit(task.recurrence or "")
        self.recurrence.setPlaceholderText(self.tr("每周一, 每个工作日, every friday … (or an RRULE)"))
        self.tags = QLineEdit(" ".join(task.tags))
        self.tags.setPlaceholderText(self.tr("Tags, separated by spaces"))
        self.notes = QPlainTextEdit()
        self.masked.show_text(self.notes, task.notes)
        self.notes.setFixedHeight(90)
        self.error = QLabel()
        self.error.setStyleSheet(f"color: {ALERT_COLORS['red']};")
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Quadrant"), self.quadrant)
        form.addRow(self.tr("Due"), self.due)
        form.addRow("", self.remind)
        form.addRow(self.tr("Repeat"), self.recurrence)
        form.addRow(self.tr("Tags"), self.tags)
        form.addRow(self.tr("Notes"), self.notes)
        form.addRow("", self.masked.button)
        self.personal_data_hint = PersonalDataHint(self).watch(self.notes)
        form.addRow("", self.personal_data_hint)
        links = link_summary(task, link_names(ctx.db, task))
        if links:
            row = QWidget()
            row_layout = QHBoxLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 0)
            for kind, label, value in links:
                button = QPushButton(icon(LINKED_ICON), label)
                button.clicked.connect(lambda checked=False, k=kind, v=value: (self.reject(), open_link(ctx, k, v)))
                row_layout.addWidget(button)
            row_layout.addStretch(1)
            form.addRow(self.tr("Linked to"), row)
        times = [self.tr("Captured %1").replace("%1", task.created_at[:16].replace("T", " "))]
        if task.done_at:
            times.append(self.tr("Closed %1").replace("%1", task.done_at[:16].replace("T", " ")))
        info = QLabel(" · ".join(times))
        info.setProperty("muted", True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(info)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def changes(self) -> dict | None:
        """The fields that differ from the task, or None (with the reason shown) when something is invalid."""
        now = self.ctx.now()
        title = " ".join(self.masked.text(self.title).split())
        from workbench.tasks.capture import day_parts_for

        ok_due, due = read_due(self.due.text(), now, day_parts_for(self.ctx.db))
        ok_rule, rule = read_recurrence(self.recurrence.text(), now)
        problem = (self.tr("A task needs a title.") if not title else
                   self.tr("The due date is not a date I can read.") if not ok_due else
                   self.tr("The repeat rule is not one I can read.") if not ok_rule else "")
        if problem:
            self.error.setText(problem)
            self.error.show()
            return None
        wanted = {"title": title, "due": due, "recurrence": rule, "notes": self.masked.text(self.notes),
                  "tags": [tag.lstrip("#＃") for tag in self.tags.text().replace(",", " ").replace("，", " ").split()]}
        quadrant = self.quadrant.currentData()
        if quadrant != self.task.quadrant:
            if quadrant == INBOX:
                wanted["triaged_at"] = None
            else:
                wanted["important"], wanted["urgent"] = QUADRANT_FLAGS[quadrant]
                wanted["triaged_at"] = self.task.triaged_at or now.strftime("%Y-%m-%dT%H:%M:%S")
        current = {"title": self.task.title, "due": self.task.due, "recurrence": self.task.recurrence,
                   "notes": self.task.notes, "tags": self.task.tags, "important": self.task.important,
                   "urgent": self.task.urgent, "triaged_at": self.task.triaged_at}
        return {k: v for k, v in wanted.items() if current.get(k) != v}

    def accept(self) -> None:
        if self.changes() is not None:
            if self.remind.isChecked() == reminders.is_muted(self.ctx.db, self.task.id):  # 不提醒 switched
                try:
                    reminders.set_muted(self.ctx.db, self.task.id, not self.remind.isChecked())
                except UserError as error:  # a read-only or full file: say so here, keep the dialog open
                    self.error.setText(error.sentence)
                    self.error.show()
                    return
            super().accept()
