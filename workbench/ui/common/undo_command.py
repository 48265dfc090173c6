"""The one shape of an undoable action (issue 15 point 2), modelled on git-cola's cmd.py.

    class DropTask(UndoCommand):
        changes = Changes(tasks=True)

        def do(self):
            repo.drop_task(self.db, self.task_id, now=self.now)

        def undo_it(self):
            repo.reopen_task(self.db, self.task_id)

    ctx.undo_stack.push(DropTask(ctx, task_id))

- `do()` runs the first time (inside `push`), `redo_it()` every later redo (by default `do()` again), and
  `undo_it()` puts things back. Each calls feature functions that commit at once and return what undo
  needs; no SQL here or in any command.
- `self.now` is the context's clock when the command was made: redo after undo replays the action at the
  moment it was first done.
- After each do/redo/undo the base emits `ctx.events.changed` once with `self.changes` (a class
  attribute, or set per instance before the first redo).
- The first run happens in `ctx.undo_stack.push(command)`. If it raises (a refused save, a full disk),
  the stack drops the command (ui/common/undo_stack.py), nothing is emitted and the exception leaves
  push(), so the caller can show the sentence. What `do()` returned is `command.result`.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from workbench.ui.common.changes import Changes


class UndoCommand(QUndoCommand):
    changes: Changes = Changes()

    def __init__(self, ctx, text: str):
        super().__init__(text)
        self.ctx = ctx
        self.db = ctx.db
        self.now = ctx.now()
        self.result: Any = None
        self._done_once = False

    def do(self) -> Any:
        raise NotImplementedError

    def redo_it(self) -> None:
        self.do()

    def undo_it(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if self._done_once:
            self.redo_it()
        else:
            self.result = self.do()
            self._done_once = True
        self.ctx.events.changed.emit(self.changes)

    def undo(self) -> None:
        self.undo_it()
        self.ctx.events.changed.emit(self.changes)


def push(ctx, command: UndoCommand) -> Any:
    """Run the command once on the window's stack and return what its do() returned (UserError leaves)."""
    ctx.undo_stack.push(command)
    return command.result
