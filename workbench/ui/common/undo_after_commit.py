"""Ctrl+Z right after a form's own commit undoes that commit, not the text field's typing.

After Enter in the capture bar (or Ctrl+Enter in the contact form) the cursor is still in a text
field, and a text field takes Ctrl+Z for itself (a ShortcutOverride), so Edit › Undo never ran and the
task stayed. While nothing has happened since the commit — the undo stack is where the commit left
it and the fields hold what they held — Ctrl+Z in those fields goes to the app's undo stack instead.
Once anything is typed or done, Ctrl+Z is the field's own again.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget


def _text(field: QWidget) -> str:
    return field.toPlainText() if isinstance(field, QPlainTextEdit) else field.text()


class UndoAfterCommit(QObject):
    def __init__(self, undo_stack: QUndoStack, fields: list[QLineEdit | QPlainTextEdit], parent: QObject):
        super().__init__(parent)
        self.undo_stack = undo_stack
        self.fields = fields
        self._armed: tuple[int, list[str]] | None = None  # (stack index, field texts) just after the commit
        for field in fields:
            field.installEventFilter(self)

    def arm(self) -> None:
        """Call after the commit has been pushed and the fields were reset."""
        self._armed = (self.undo_stack.index(), [_text(field) for field in self.fields])

    def fresh(self) -> bool:
        return self._armed is not None and self._armed == (self.undo_stack.index(), [_text(f) for f in self.fields])

    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and event.matches(QKeySequence.StandardKey.Undo):
            if not self.fresh():
                return False
            event.accept()  # a ShortcutOverride accepted here brings the key press to this filter, in any window
            if kind == QEvent.Type.KeyPress:
                self._armed = None
                self.undo_stack.undo()
            return True
        return False
