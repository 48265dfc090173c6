"""Triage mode: one inbox item at a time — 1/2/3/4 put it in a quadrant, D done, Del drop, E edit, ←/→ move."""
from __future__ import annotations


from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from workbench.privacy import mask_text
from workbench.tasks.model import Task
from workbench.ui.common.theme import QUADRANT_COLORS, current_scheme
from workbench.ui.tasks.task_format import due_label, link_summary, quadrant_title, recurrence_label


class TriageView(QWidget):
    """Shows the card; emits decide(key, task_id) and leaves the database to the page."""

    decide = Signal(str, int)  # 'q1'..'q4' | 'done' | 'drop' | 'edit'
    finished = Signal()

    def __init__(self, clock):
        super().__init__()
        self.clock = clock  # the app context's
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.queue: list[Task] = []  # still to decide, in the order of the session
        self.session: list[int] = []  # every task id of this triage, in order: the counter's "3 / 20"
        self.index = 0
        self.link_names = None  # task -> {kind: name}; set by the matrix page, which has the database
        scheme = current_scheme()
        self.progress = QLabel()
        self.progress.setProperty("muted", True)
        self.card = QFrame()
        self.card.setObjectName("triageCard")
        self.card.setStyleSheet(f"QFrame#triageCard {{ background: {scheme.surface}; border: 1px solid {scheme.line};"
                                f" border-radius: 12px; }}")
        self.card.setMinimumSize(640, 260)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 22px; font-weight: 600;")
        self.meta = QLabel()
        self.meta.setProperty("muted", True)
        self.meta.setWordWrap(True)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        card_layout = QVBoxLayout(self.card)
        card_layout.setContentsMargins(32, 28, 32, 28)
        card_layout.addWidget(self.title)
        card_layout.addWidget(self.meta)
        card_layout.addWidget(self.notes, 1)
        # The quadrant keys as the matrix lays them out (2 × 2), the other keys in a row beneath: four
        # quadrant names side by side made the window wider than a 1280-pixel screen in English.
        self.keys = QWidget()
        keys = QGridLayout(self.keys)
        keys.setContentsMargins(0, 0, 0, 0)
        self.key_buttons: dict[str, QPushButton] = {}
        for number, quadrant in enumerate(("q1", "q2", "q3", "q4")):
            button = self._key_button(f"{number + 1}  {quadrant_title(quadrant)}", quadrant, QUADRANT_COLORS[quadrant])
            keys.addWidget(button, number // 2, (number % 2) * 2, 1, 2)
        for column, (label, decision) in enumerate([(self.tr("D  Done"), "done"), (self.tr("Del  Drop"), "drop"),
                                                    (self.tr("E  Edit"), "edit"), (self.tr("←/→  Previous / next"), "")]):
            button = self._key_button(label, decision, scheme.muted)
            keys.addWidget(button, 2, column)
        for column in range(4):
            keys.setColumnStretch(column, 1)
            keys.setColumnMinimumWidth(column, 110)
        exit_button = QPushButton(self.tr("Esc  Back to the matrix"))
        exit_button.clicked.connect(self.finished.emit)
        self.zero = QLabel()
        self.zero.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zero.setWordWrap(True)
        self.zero.setText(self.tr("<p style='font-size:40px'>✓</p><p style='font-size:20px'>Inbox zero</p>"
                                  "<p>Everything is triaged. New things go into the capture bar above (Ctrl+N)."
                                  "</p>"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 24, 48, 24)
        top = QHBoxLayout()
        heading = QLabel(self.tr("Triage the inbox"))
        heading.setStyleSheet("font-size: 16px; font-weight: 600;")
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.progress)
        top.addWidget(exit_button)
        layout.addLayout(top)
        layout.addStretch(1)
        layout.addWidget(self.card, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.zero)
        layout.addSpacing(16)
        layout.addWidget(self.keys, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def _key_button(self, text: str, decision: str, colour: str) -> QPushButton:
        button = QPushButton(text.replace("&", "&&"))
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setStyleSheet(f"QPushButton {{ border-left: 3px solid {colour}; padding: 6px 12px; }}")
        if decision:
            button.clicked.connect(lambda: self._decide(decision))
            self.key_buttons[decision] = button
        else:
            button.setEnabled(False)
        return button

    # --- state ---------------------------------------------------------------------------
    def start(self, tasks: list[Task]) -> None:
        self.queue = list(tasks)
        self.session = [task.id for task in tasks]
        self.index = 0
        self.show_current()
        self.setFocus()

    @property
    def decided(self) -> int:
        return len(self.session) - len(self.queue)

    def sync(self, inbox: list[Task]) -> None:
        """The inbox changed while triaging (an undo, an edit, a capture): the queue is what the inbox
        holds now, in the session's order. A task that came back (undo) is shown again, where it was;
        a new one joins at the end."""
        by_id = {task.id: task for task in inbox}
        queued = {task.id for task in self.queue}
        current = self.current()
        returned = [task_id for task_id in self.session if task_id in by_id and task_id not in queued]
        known = set(self.session)
        self.session += [task.id for task in inbox if task.id not in known]
        self.queue = [by_id[task_id] for task_id in self.session if task_id in by_id]
        ids = [task.id for task in self.queue]
        if returned:
            self.index = ids.index(returned[-1])
        elif current is not None and current.id in ids:
            self.index = ids.index(current.id)
        else:
            self.index = min(self.index, max(0, len(self.queue) - 1))
        self.show_current()

    def current(self) -> Task | None:
        return self.queue[self.index] if 0 <= self.index < len(self.queue) else None

    def progress_text(self) -> str:
        """"3 / 20": the card's place in this triage (decided ones count, so an undo puts it back)."""
        if not self.queue:
            return self.tr("%1 triaged").replace("%1", str(self.decided))
        return f"{self.session.index(self.current().id) + 1} / {len(self.session)}"

    def show_current(self) -> None:
        task = self.current()
        empty = task is None
        self.card.setVisible(not empty)
        self.keys.setVisible(not empty)
        self.zero.setVisible(empty)
        self.progress.setText(self.progress_text())
        if empty:
            return
        now = self.clock()
        self.title.setText(mask_text(task.title))
        parts = [self.tr("Captured %1").replace("%1", task.created_at[:16].replace("T", " "))]
        if task.due:
            parts.append(self.tr("Due %1").replace("%1", due_label(task.due, now.date())))
        if task.recurrence:
            parts.append("↻ " + recurrence_label(task.recurrence))
        if task.tags:
            parts.append(" ".join(f"#{tag}" for tag in task.tags))
        parts += [label for _kind, label, _id in link_summary(task, self.link_names(task) if self.link_names else None)]
        self.meta.setText(" · ".join(parts))
        self.notes.setText(mask_text(task.notes))
        self.notes.setVisible(bool(task.notes))

    def replace_current(self, task: Task) -> None:
        """After an edit: show the task's new text."""
        if self.current() is not None and self.current().id == task.id:
            self.queue[self.index] = task
            self.show_current()

    def _decide(self, decision: str) -> None:
        task = self.current()
        if task is None:
            return
        if decision == "edit":
            self.decide.emit("edit", task.id)
            return
        self.queue.pop(self.index)
        if self.index >= len(self.queue):
            self.index = max(0, len(self.queue) - 1)
        self.decide.emit(decision, task.id)
        self.show_current()

    def keyPressEvent(self, event) -> None:
        key = event.key()
        decisions = {Qt.Key.Key_1: "q1", Qt.Key.Key_2: "q2", Qt.Key.Key_3: "q3", Qt.Key.Key_4: "q4",
                     Qt.Key.Key_D: "done", Qt.Key.Key_Delete: "drop", Qt.Key.Key_Backspace: "drop",
                     Qt.Key.Key_E: "edit"}
        if key in decisions and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self._decide(decisions[key])
        elif key == Qt.Key.Key_Right and self.queue:
            self.index = min(len(self.queue) - 1, self.index + 1)
            self.show_current()
        elif key == Qt.Key.Key_Left and self.queue:
            self.index = max(0, self.index - 1)
            self.show_current()
        elif key == Qt.Key.Key_Escape:
            self.finished.emit()
        else:
            super().keyPressEvent(event)
