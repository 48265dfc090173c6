"""The contact form, built for use during a call — keyboard only.

Tab order: user → channel → direction → topic → outcome → follow-up → summary → finding kind →
finding text. In a list, Up/Down or a digit (1 = first item) choose without opening it. Ctrl+Enter
saves, Ctrl+J inserts a snippet into the summary. The typed text is kept as a draft in the settings
until it is saved, so neither a refused save nor a crash loses it.
"""
from __future__ import annotations

import json


from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QComboBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QPushButton, QSizePolicy, QVBoxLayout, QWidget)

from workbench.contacts.follow_up_parse import parse_follow_up
from workbench.contacts.options import all_options, next_step_for
from workbench.contacts.schema import FINDING_KINDS
from workbench.contacts.users import get_user, phone_warnings
from workbench.errors import UserError, in_language
from workbench.privacy import contains_id_card
from workbench.ui.common.icons import icon
from workbench.ui.common.undo_after_commit import UndoAfterCommit
from workbench.ui.contacts.undo_commands import CreateUserCommand, LogContactCommand, push
from workbench.ui.contacts.user_finder import UserFinder, fields_from_typed

DRAFT_KEY = "contacts/draft"


class PickCombo(QComboBox):
    """A list chosen from the keyboard: digits 1–9 pick the nth item, Up/Down step, no popup needed."""

    def keyPressEvent(self, event) -> None:
        text = event.text()
        if text.isdigit() and text != "0" and int(text) <= self.count() and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.setCurrentIndex(int(text) - 1)
            return
        super().keyPressEvent(event)


class ContactForm(QFrame):
    saved = Signal(int, int)  # contact id, user id (0 for none)
    user_changed = Signal(int)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.user_id: int | None = None
        self.snippet_id: int | None = None
        self.setProperty("card", True)
        self.setObjectName("contactForm")
        self.finder = UserFinder(ctx)
        self.user_label = QLabel(self.tr("No user chosen — type a name, id or phone tail above"))
        self.user_label.setObjectName("chosenUser")
        self.user_label.setProperty("muted", True)
        self.channel, self.direction, self.topic, self.outcome = (PickCombo() for _ in range(4))
        for name, combo in (("channel", self.channel), ("direction", self.direction), ("topic", self.topic),
                            ("outcome", self.outcome)):
            combo.setObjectName(name + "Combo")
            combo.setToolTip(self.tr("Up/Down or 1–9 to choose"))
        self.follow_up = QLineEdit()
        self.follow_up.setObjectName("followUpEdit")
        self.follow_up.setPlaceholderText(self.tr("tomorrow / +3 / 11-27 14:00"))
        self.follow_up.setMinimumWidth(210)
        self.summary = QPlainTextEdit()
        self.summary.setObjectName("summaryEdit")
        self.summary.setTabChangesFocus(True)
        self.summary.setPlaceholderText(self.tr("Summary: what the user said, what you promised (may stay empty)"))
        self.summary.setMinimumHeight(64)
        self.summary.setMaximumHeight(110)
        self.finding_kind = PickCombo()
        self.finding_kind.setObjectName("findingKindCombo")
        self.finding_kind.addItem(self.tr("No finding"), None)
        for kind in FINDING_KINDS:
            self.finding_kind.addItem(kind, kind)
        self.finding_text = QLineEdit()
        self.finding_text.setObjectName("findingEdit")
        self.finding_text.setPlaceholderText(self.tr("Finding in one line: a product bug, a new channel, a new need"))
        self.next_step = QLabel()
        self.next_step.setObjectName("nextStepHint")
        self.next_step.setProperty("muted", True)
        self.message = QLabel()
        self.message.setObjectName("formMessage")
        self.message.setWordWrap(True)
        self.snippet_button = QPushButton(icon("mdi6.text-box-plus-outline"), self.tr("Insert snippet  Ctrl+J"))
        self.snippet_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.snippet_button.clicked.connect(self.insert_snippet)
        self.save_button = QPushButton(icon("mdi6.content-save-outline", "white"), self.tr("Save  Ctrl+Enter"))
        self.save_button.setProperty("accent", True)
        self.save_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.save_button.clicked.connect(self.save)
        self._build_layout()
        self.load_options()
        self.finder.user_chosen.connect(self.choose_user)
        self.finder.create_requested.connect(self.create_user)
        self.outcome.currentIndexChanged.connect(self._show_next_step)
        for key in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(key), self, self.save, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Ctrl+J"), self, self.insert_snippet, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        # Ctrl+Z just after Ctrl+Enter undoes the saved contact, wherever in the form the cursor is.
        self.undo_after_commit = UndoAfterCommit(
            ctx.undo_stack, [self.finder.edit, self.follow_up, self.summary, self.finding_text], self)
        self._draft_timer = QTimer(self, singleShot=True, interval=400)
        self._draft_timer.timeout.connect(self.store_draft)
        for signal in (self.summary.textChanged, self.follow_up.textChanged, self.finding_text.textChanged):
            signal.connect(self._draft_timer.start)
        self.restore_draft()

    # --- layout -----------------------------------------------------------------------------
    def _label(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setProperty("muted", True)
        return label

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.finder, 3)
        top.addWidget(self.user_label, 4, Qt.AlignmentFlag.AlignTop)
        fields = QGridLayout()
        fields.setHorizontalSpacing(8)
        pairs = [(self.tr("Channel"), self.channel), (self.tr("Direction"), self.direction), (self.tr("Topic"), self.topic),
                 (self.tr("Outcome"), self.outcome), (self.tr("Follow-up"), self.follow_up)]
        for column, (text, widget) in enumerate(pairs):
            fields.addWidget(self._label(text), 0, column * 2)
            fields.addWidget(widget, 0, column * 2 + 1)
            widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        summary_row = QHBoxLayout()
        summary_row.addWidget(self.summary, 1)
        side = QVBoxLayout()
        side.addWidget(self.snippet_button)
        side.addStretch()
        side.addWidget(self.next_step)
        summary_row.addLayout(side)
        finding_row = QHBoxLayout()
        finding_row.addWidget(self._label(self.tr("Finding")))
        finding_row.addWidget(self.finding_kind)
        finding_row.addWidget(self.finding_text, 1)
        finding_row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addLayout(fields)
        layout.addLayout(summary_row)
        layout.addLayout(finding_row)
        layout.addWidget(self.message)
        self.message.hide()
        order = [self.finder.edit, self.channel, self.direction, self.topic, self.outcome, self.follow_up,
                 self.summary, self.finding_kind, self.finding_text]
        for first, second in zip(order, order[1:]):
            QWidget.setTabOrder(first, second)

    def load_options(self) -> None:
        options = all_options(self.ctx.db)
        for kind, combo in (("channel", self.channel), ("direction", self.direction), ("topic", self.topic),
                            ("outcome", self.outcome)):
            current = combo.currentText()
            combo.blockSignals(True)
            combo.clear()
            if kind in ("topic", "outcome"):
                combo.addItem("—", None)
            for value in options[kind]:
                combo.addItem(value, value)
            index = combo.findText(current)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)
        self._show_next_step()

    # --- the user -------------------------------------------------------------------------------
    def choose_user(self, user_id: int) -> None:
        user = get_user(self.ctx.db, user_id)
        if user is None:
            return
        self.user_id = user_id
        channel_word = self.tr("channel")
        self.user_label.setText(f"{user.label()} · {channel_word} {user.channel or '—'} · {user.stage}")
        self.user_label.setProperty("muted", False)
        self.user_label.style().polish(self.user_label)
        self.user_changed.emit(user_id)
        self.channel.setFocus()

    def create_user(self, typed: str) -> None:
        fields = fields_from_typed(typed)
        try:
            user_id = push(self.ctx, CreateUserCommand(self.ctx, fields))
        except UserError as error:
            self.show_message(error.sentence, error=True)
            return
        warnings = phone_warnings(self.ctx.db, fields.get("phone"), exclude_id=user_id)
        self.choose_user(user_id)
        if warnings:
            self.show_message(" ".join(in_language(*w) for w in warnings))

    def clear_user(self) -> None:
        self.user_id = None
        self.user_label.setText(self.tr("No user chosen — type a name, id or phone tail above"))

    # --- snippets, next step ----------------------------------------------------------------------
    def insert_snippet(self) -> None:
        from workbench.ui.contacts.snippet_picker import SnippetPicker

        picker = SnippetPicker(self.ctx, get_user(self.ctx.db, self.user_id) if self.user_id else None, self)
        if picker.exec():
            self.summary.insertPlainText(picker.chosen_text)
            self.snippet_id = picker.chosen_id
        self.summary.setFocus()

    def _show_next_step(self) -> None:
        step = next_step_for(self.ctx.db, self.outcome.currentData())
        if step.retry_hours:
            text = self.tr("⇒ retry in %1 h, at most %2 tries, then %3").replace("%1", f"{step.retry_hours:g}") \
                .replace("%2", str(step.max_tries or "∞")).replace("%3", step.then_channel or "短信")
        elif step.follow_up_days:
            text = self.tr("⇒ follow-up in %1 day(s) unless you set one").replace("%1", str(step.follow_up_days))
        elif step.ends_sequence:
            text = self.tr("⇒ ends the recall sequence (%1)").replace("%1", step.ends_sequence)
        else:
            text = ""
        self.next_step.setText(text)

    # --- saving ------------------------------------------------------------------------------------
    def fields(self) -> dict:
        now = self.ctx.now()
        kind = self.finding_kind.currentData()
        finding_text = self.finding_text.text().strip()
        return {
            "user_id": self.user_id, "summary": self.summary.toPlainText(), "channel": self.channel.currentText(),
            "direction": self.direction.currentText(), "topic": self.topic.currentData(),
            "outcome": self.outcome.currentData(), "follow_up_due": parse_follow_up(self.follow_up.text(), now, self._day_parts()),
            "snippet_id": self.snippet_id, "finding": (kind or "其他", finding_text) if finding_text else None,
        }

    def _day_parts(self) -> dict:
        from workbench.tasks.capture import day_parts_for  # the date grammar loads when first used

        return day_parts_for(self.ctx.db)

    def save(self) -> int | None:
        try:
            fields = self.fields()
            command = LogContactCommand(self.ctx, fields)
            contact_id = push(self.ctx, command)
        except UserError as error:
            self.show_message(error.sentence, error=True)  # the form keeps everything typed
            return None
        user_id = self.user_id or 0
        notes = []
        if contains_id_card(fields["summary"]):
            notes.append(self.tr("The summary seems to hold an ID-card number; it was saved, but consider removing it."))
        self.reset_after_save()
        self.undo_after_commit.arm()
        self.show_message(" ".join([self.tr("Saved.")] + notes), error=False)
        self.saved.emit(contact_id, user_id)
        return contact_id

    def reset_after_save(self) -> None:
        self.summary.clear()
        self.follow_up.clear()
        self.finding_text.clear()
        self.finding_kind.setCurrentIndex(0)
        self.outcome.setCurrentIndex(0)
        self.topic.setCurrentIndex(0)
        self.snippet_id = None
        self.ctx.settings.remove(DRAFT_KEY)
        self.finder.edit.setFocus()

    def show_message(self, text: str, error: bool = False) -> None:
        colour = "#d23c3c" if error else "#2e7d32"
        self.message.setStyleSheet(f"color: {colour};")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # --- the draft -----------------------------------------------------------------------------------
    def store_draft(self) -> None:
        draft = {"summary": self.summary.toPlainText(), "follow_up": self.follow_up.text(),
                 "finding": self.finding_text.text(), "user_id": self.user_id}
        if any(draft[k] for k in ("summary", "follow_up", "finding")):
            self.ctx.settings.setValue(DRAFT_KEY, json.dumps(draft, ensure_ascii=False))

    def restore_draft(self) -> None:
        raw = self.ctx.settings.value(DRAFT_KEY)
        if not raw:
            return
        try:
            draft = json.loads(raw)
        except (TypeError, ValueError):
            return
        self.summary.setPlainText(draft.get("summary", ""))
        self.follow_up.setText(draft.get("follow_up", ""))
        self.finding_text.setText(draft.get("finding", ""))
        if draft.get("user_id"):
            self.choose_user(int(draft["user_id"]))
