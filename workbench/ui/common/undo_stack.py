"""The window's undo stack: a command whose first redo fails (a full disk, a read-only database) is not
kept on it.

QUndoStack.push runs the command's redo() and keeps the command whatever happened; PySide then raises
the redo's exception out of push(). A kept command would later be "undone" although it never happened.
Marking it obsolete before the exception leaves redo() makes Qt delete it instead of stacking it.
"""
from __future__ import annotations

from PySide6.QtGui import QUndoCommand, QUndoStack


class UndoStack(QUndoStack):
    def push(self, command: QUndoCommand) -> None:
        redo = command.redo

        def redo_or_drop() -> None:
            try:
                redo()
            except BaseException:
                command.setObsolete(True)  # Qt deletes an obsolete command instead of keeping it
                raise

        command.redo = redo_or_drop  # PySide calls the instance's redo for the C++ virtual
        super().push(command)
