"""A capture field with live chips: the widget both the capture bar and the quick-capture window use."""
from __future__ import annotations


from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from workbench.ui.common.undo_after_commit import UndoAfterCommit
from workbench.ui.tasks.chip_row import ChipRow
from workbench.ui.tasks.undo_commands import CaptureTask

if TYPE_CHECKING:
    # The parser compiles ~40 patterns on import (~20 ms): it loads after the window's first frame.
    from workbench.tasks.capture_parser import ParsedCapture


class CaptureLineEdit(QLineEdit):
    """Backspace at the very start of the line un-parses the last chip (a keyboard path to chips)."""

    unparse_last = Signal()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Backspace and self.cursorPosition() == 0 and not self.hasSelectedText():
            self.unparse_last.emit()
            return
        super().keyPressEvent(event)


class CaptureField(QWidget):
    """Type, see chips, press Enter: the task is committed and the field clears."""

    captured = Signal(int)  # the new task's id

    def __init__(self, ctx):
        super().__init__()
        self.ctx = ctx
        self.ignored: list[str] = []
        self.parsed: ParsedCapture | None = None
        self.field = CaptureLineEdit()
        self.field.setObjectName("captureField")
        self.field.setPlaceholderText(self.tr("+ Capture…  e.g. tomorrow 3pm call back @WangFang #recall *   (Ctrl+N)"))
        self.field.setClearButtonEnabled(True)
        self.chips = ChipRow()
        self.error = QLabel()
        self.error.setObjectName("errorText")  # red: the app stylesheet
        self.error.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.chips)
        layout.addWidget(self.error)
        self.field.textChanged.connect(self._on_text)
        self.field.returnPressed.connect(self.commit)
        self.field.unparse_last.connect(self._unparse_last)
        self.chips.chip_removed.connect(self._unparse)
        self.undo_after_commit = UndoAfterCommit(ctx.undo_stack, [self.field], self)  # Ctrl+Z after Enter

    def _on_text(self, text: str) -> None:
        self.error.hide()
        if not text.strip():
            self.ignored = []
            self.parsed = None
            self.chips.show_parse(None, self.ctx.now().date())
            return
        self.ignored = [raw for raw in self.ignored if raw in text]
        self.reparse()

    def reparse(self) -> None:
        from workbench.tasks.capture import parse_for

        now = self.ctx.now()
        self.parsed = parse_for(self.ctx.db, self.field.text(), now, ignore=self.ignored)
        self.chips.show_parse(self.parsed, now.date())

    def _unparse(self, chip) -> None:
        self.ignored.extend(chip.raws)
        self.reparse()
        self.field.setFocus()

    def _unparse_last(self) -> None:
        if self.parsed and self.parsed.chips:
            removable = [c for c in self.parsed.chips if c.raws]
            if removable:
                self._unparse(removable[-1])

    def commit(self) -> int | None:
        """Save the line as a task (an undoable command). Returns the id, or None when nothing was saved."""
        if not self.field.text().strip():
            return None
        from workbench.tasks.capture import parse_for

        now = self.ctx.now()
        parsed = parse_for(self.ctx.db, self.field.text(), now, ignore=self.ignored)
        if not parsed.title.strip():
            self.error.setText(self.tr("Write what the task is, not only when."))
            self.error.show()
            return None
        command = CaptureTask(self.ctx, parsed)
        self.ctx.undo_stack.push(command)
        self.field.clear()
        self.undo_after_commit.arm()
        self.captured.emit(command.task_id)
        self.ctx.events.confirmation.emit(self.tr("Captured: %1").replace("%1", parsed.title),
                                          {"undo": True, "open": ("tasks", command.task_id)})
        return command.task_id

    def focus(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
