"""One cycle: the SMART goal on top, plan steps (tasks) with ticks, the Do log, the Check panel and
the Act decision. Every change goes through an undo command (undo_commands.py)."""
from __future__ import annotations


from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QFrame, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QMessageBox, QPlainTextEdit, QPushButton, QScrollArea, QVBoxLayout, QWidget)

from workbench.errors import UserError
from workbench.pdca import linked_facts
from workbench.pdca import repository as repo
from workbench.pdca.stages import ACT, CHECK, CLOSED, DECISIONS, next_stage, previous_stage
from workbench.privacy import mask_text
from workbench.ui.pdca import undo_commands as commands
from workbench.ui.pdca.check_panel import CheckPanel
from workbench.ui.pdca.cycle_format import STAGE_COLORS, decision_title, stage_title, value_text

TASK_ROLE = Qt.ItemDataRole.UserRole


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("sectionHeading")
    label.setStyleSheet("font-weight: 600; margin-top: 10px;")
    return label


class CycleDetail(QScrollArea):
    edit_requested = Signal(int)
    chain_requested = Signal(int)

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.cycle = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        self.setWidget(body)
        self.layout_ = QVBoxLayout(body)
        self.layout_.setContentsMargins(12, 4, 12, 12)

        self.title = QLabel()
        self.title.setObjectName("cycleTitle")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 17px; font-weight: 600;")
        self.stage_line = QLabel()
        self.stage_line.setObjectName("mutedText")
        self.edit_button = QPushButton(self.tr("&Edit plan"))
        self.chain_button = QPushButton(self.tr("C&hain"))
        self.reviewed_button = QPushButton(self.tr("Mark reviewed"))
        self.reviewed_button.setObjectName("markReviewed")
        self.reviewed_button.setToolTip(self.tr("Reviewed today: the next review moves one interval ahead"))
        self.reviewed_button.clicked.connect(self.mark_reviewed)
        self.back_button = QPushButton()
        self.next_button = QPushButton()
        self.next_button.setDefault(True)
        self.back_button.setToolTip(self.tr("Move one stage back (Ctrl+Left)"))
        self.next_button.setToolTip(self.tr("Move to the next stage (Ctrl+Right)"))
        self.edit_button.clicked.connect(lambda: self.cycle and self.edit_requested.emit(self.cycle.id))
        self.chain_button.clicked.connect(lambda: self.cycle and self.chain_requested.emit(self.cycle.id))
        self.back_button.clicked.connect(self.move_back)
        self.next_button.clicked.connect(self.move_next)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.edit_button, self.chain_button, self.reviewed_button, self.back_button, self.next_button):
            buttons.addWidget(button)
        self.goal = QLabel()
        self.goal.setWordWrap(True)
        self.goal.setTextFormat(Qt.TextFormat.RichText)
        self.texts = QLabel()
        self.texts.setWordWrap(True)
        self.texts.setTextFormat(Qt.TextFormat.RichText)

        self.steps = QListWidget()
        self.steps.setObjectName("planSteps")
        self.steps.setMaximumHeight(130)
        self.steps.itemChanged.connect(self._on_step_ticked)
        self.step_edit = QLineEdit()
        self.step_edit.setPlaceholderText(self.tr("New plan step, a due date as in capture (e.g. “poster Friday”)"))
        self.step_edit.returnPressed.connect(self.add_step)
        self.notes = QListWidget()
        self.notes.setObjectName("doLog")
        self.notes.setWordWrap(True)
        self.notes.setMaximumHeight(150)
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("What did you do today? (Enter adds a dated Do note)"))
        self.note_edit.returnPressed.connect(self.add_note)
        self.check_button = QPushButton(self.tr("Run the Check now"))
        self.check_button.clicked.connect(self.run_check)
        self.check_panel = CheckPanel()
        self.decision = QComboBox()
        self.decision.setObjectName("actDecision")
        for decision in DECISIONS:
            self.decision.addItem(decision_title(decision), decision)
        self.act_notes = QPlainTextEdit()
        self.act_notes.setObjectName("actNotes")
        self.act_notes.setPlaceholderText(self.tr("Standardise: the SOP text that goes into the snippet library. "
                                                  "Adjust: what changes in the next cycle."))
        self.act_notes.setFixedHeight(70)
        self.act_notes.setTabChangesFocus(True)
        self.act_button = QPushButton(self.tr("Decide and close"))
        self.act_button.clicked.connect(self.apply_act)
        self.act_done = QLabel()
        self.act_done.setWordWrap(True)

        top = QVBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.stage_line)
        top.addLayout(buttons)
        self.layout_.addLayout(top)
        self.layout_.addWidget(self.goal)
        self.layout_.addWidget(self.texts)
        self.layout_.addWidget(_heading(self.tr("Plan steps")))
        self.layout_.addWidget(self.steps)
        self.layout_.addWidget(self.step_edit)
        self.layout_.addWidget(_heading(self.tr("Do log")))
        self.layout_.addWidget(self.notes)
        self.layout_.addWidget(self.note_edit)
        check_row = QHBoxLayout()
        check_row.addWidget(_heading(self.tr("Check")), 1)
        check_row.addWidget(self.check_button)
        self.layout_.addLayout(check_row)
        self.layout_.addWidget(self.check_panel)
        self.act_heading = _heading(self.tr("Act"))
        self.layout_.addWidget(self.act_heading)
        act_row = QHBoxLayout()
        act_row.addWidget(self.decision, 1)
        act_row.addWidget(self.act_button)
        self.layout_.addLayout(act_row)
        self.layout_.addWidget(self.act_notes)
        self.layout_.addWidget(self.act_done)
        self.layout_.addStretch(1)
        self.empty = QLabel(self.tr("Pick a cycle on the board, or start one with “New cycle”: a problem, "
                                    "a metric with baseline and target, a hypothesis with a numeric prediction."))
        self.empty.setWordWrap(True)
        self.empty.setObjectName("mutedText")
        self.layout_.insertWidget(0, self.empty)
        self.show_cycle(None)

    # --- showing ---------------------------------------------------------------------------------
    def show_cycle(self, cycle_id: int | None) -> None:
        cycle = repo.get_cycle(self.ctx.db, cycle_id) if cycle_id is not None else None
        self.cycle = cycle
        self.empty.setVisible(cycle is None)
        for widget in self.widget().findChildren(QWidget):
            if widget is not self.empty and widget.parent() is self.widget():
                widget.setVisible(cycle is not None)
        if cycle is None:
            return
        kind = linked_facts.metric_type(self.ctx.db, cycle.metric_dataset, cycle.metric_column)
        self.title.setText(cycle.title)
        colour = STAGE_COLORS[cycle.stage]
        line = f"<span style='color:{colour}; font-weight:600'>● {stage_title(cycle.stage)}</span> · " + \
            self.tr("since %1").replace("%1", cycle.stage_since[:10])
        shown_review = repo.shown_next_review(cycle, self.ctx.today())
        if shown_review is not None:
            line += " · " + self.tr("next review %1").replace("%1", shown_review.isoformat())
        self.reviewed_button.setVisible(cycle.stage != CLOSED)
        self.stage_line.setText(line)
        forward, back = next_stage(cycle.stage), previous_stage(cycle.stage)
        self.next_button.setVisible(forward is not None and forward != CLOSED)
        self.next_button.setText(self.tr("Next: %1 →").replace("%1", stage_title(forward)) if forward else "")
        self.back_button.setVisible(back is not None)
        self.back_button.setText(self.tr("← %1").replace("%1", stage_title(back)) if back else "")
        goal_label = self.tr("Goal")
        goal = [f"<b>{goal_label}</b>: "]
        if cycle.metric_column:
            goal.append(f"{cycle.metric_label} &nbsp; {value_text(cycle.baseline, kind)} → <b>{value_text(cycle.target, kind)}</b>")
        else:
            goal.append(self.tr("no metric chosen yet"))
        if cycle.deadline:
            goal.append(" · " + self.tr("by %1").replace("%1", cycle.deadline))
        if cycle.prediction is not None:
            goal.append(" · " + self.tr("prediction %1").replace("%1", value_text(cycle.prediction, kind)))
        self.goal.setText("".join(goal))
        parts = []
        for label, text in ((self.tr("Background"), cycle.background), (self.tr("Problem"), cycle.problem),
                            (self.tr("Current condition"), cycle.current_condition),
                            (self.tr("Hypothesis"), cycle.hypothesis), (self.tr("Root cause"), cycle.root_cause)):
            if text:
                parts.append(f"<b>{label}</b>: {_escape(text)}")
        self.texts.setText("<br>".join(parts))
        self._show_steps(cycle.id)
        self._show_notes(cycle.id)
        self.check_panel.show_cycle(cycle, kind, None,
                                    dataset_missing=linked_facts.dataset_missing(self.ctx.db, cycle.metric_dataset))
        self.check_button.setVisible(cycle.stage in ("do", CHECK, ACT))
        in_act = cycle.stage == ACT
        for widget in (self.decision, self.act_notes, self.act_button):
            widget.setVisible(in_act)
        self.act_heading.setVisible(in_act or cycle.stage == CLOSED)
        self.act_done.setVisible(cycle.stage == CLOSED)
        if cycle.stage == CLOSED:
            done = f"<b>{decision_title(cycle.act_decision)}</b>"
            if cycle.act_notes:
                done += f": {_escape(cycle.act_notes)}"
            if cycle.snippet_id:
                done += "<br>" + self.tr("The SOP is in the snippet library.")
            self.act_done.setText(done)
        self.note_edit.setEnabled(cycle.stage != CLOSED)
        self.step_edit.setEnabled(cycle.stage != CLOSED)

    def _show_steps(self, cycle_id: int) -> None:
        self.steps.blockSignals(True)
        self.steps.clear()
        for task in repo.plan_steps(self.ctx.db, cycle_id):
            if task.status == "dropped":
                continue
            text = mask_text(task.title) + (f"  · {task.due[:10]}" if task.due else "")
            item = QListWidgetItem(text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if task.status == "done" else Qt.CheckState.Unchecked)
            item.setData(TASK_ROLE, task.id)
            self.steps.addItem(item)
        self.steps.blockSignals(False)

    def _show_notes(self, cycle_id: int) -> None:
        self.notes.clear()
        for note in repo.list_notes(self.ctx.db, cycle_id):
            self.notes.addItem(f"{note.at[5:10]}  {mask_text(note.text)}")
        self.notes.scrollToBottom()

    # --- actions ---------------------------------------------------------------------------------
    def _push(self, command) -> bool:
        try:
            self.ctx.undo_stack.push(command)
        except UserError as error:
            QMessageBox.warning(self, self.tr("PDCA"), error.sentence)
            return False
        return True

    def move_next(self) -> None:
        if self.cycle and next_stage(self.cycle.stage) not in (None, CLOSED):
            self._push(commands.MoveStage(self.ctx, self.cycle.id, next_stage(self.cycle.stage)))

    def move_back(self) -> None:
        if self.cycle and previous_stage(self.cycle.stage):
            self._push(commands.MoveStage(self.ctx, self.cycle.id, previous_stage(self.cycle.stage)))

    def add_step(self) -> None:
        title = self.step_edit.text().strip()
        if self.cycle and title and self._push(commands.AddPlanStep(self.ctx, self.cycle.id, title)):
            self.step_edit.clear()

    def add_note(self) -> None:
        text = self.note_edit.text().strip()
        if self.cycle and text and self._push(commands.AddNote(self.ctx, self.cycle.id, text)):
            self.note_edit.clear()

    def mark_reviewed(self) -> None:
        if self.cycle:
            self._push(commands.MarkReviewed(self.ctx, self.cycle.id))

    def run_check(self) -> None:
        if self.cycle:
            self._push(commands.RunCheck(self.ctx, self.cycle.id))

    def apply_act(self) -> None:
        if self.cycle and self.cycle.stage == ACT:
            self._push(commands.ApplyAct(self.ctx, self.cycle.id, self.decision.currentData(),
                                         self.act_notes.toPlainText()))
            self.act_notes.clear()

    def _on_step_ticked(self, item: QListWidgetItem) -> None:
        self._push(commands.TickPlanStep(self.ctx, item.data(TASK_ROLE), item.checkState() == Qt.CheckState.Checked))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")

