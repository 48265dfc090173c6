"""Every change to a task is an UndoCommand (ui/common/undo_command.py) on ctx.undo_stack."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from workbench.privacy import mask_text
from workbench.tasks import repository as repo
from workbench.ui.common.changes import Changes
from workbench.ui.common.undo_command import UndoCommand

if TYPE_CHECKING:
    from workbench.tasks.capture_parser import ParsedCapture


class _TaskCommand(UndoCommand):
    changes = Changes(tasks=True)

    def __init__(self, ctx, text: str, task_id: int | None = None):
        super().__init__(ctx, text)
        self.task_id = task_id


class CreatesTask(_TaskCommand):
    """A command whose first run creates a task (create() returns its id): undo deletes the row, redo
    puts the same row back (same id)."""

    row: dict | None = None

    def create(self) -> int:
        raise NotImplementedError

    def do(self) -> int:
        self.task_id = self.create()
        return self.task_id

    def redo_it(self) -> None:
        repo.insert_row(self.db, self.row)

    def undo_it(self) -> None:
        self.row = repo.delete_task(self.db, self.task_id)


class CaptureTask(CreatesTask):
    """Create the task a capture line describes."""

    def __init__(self, ctx, parsed: ParsedCapture):
        super().__init__(ctx, QCoreApplication.translate("TaskUndo", "Capture “%1”").replace("%1", mask_text(parsed.title)[:30]))
        self.parsed = parsed

    def create(self) -> int:
        from workbench.tasks.capture import save_capture  # the parser loads after the first frame

        return save_capture(self.db, self.parsed, self.now)


class EditTask(_TaskCommand):
    def __init__(self, ctx, task_id: int, changes: dict, text: str | None = None):
        super().__init__(ctx, text or QCoreApplication.translate("TaskUndo", "Edit task"), task_id)
        self.edits = changes
        self.before: dict | None = None

    def do(self) -> None:
        before = repo.update_task(self.db, self.task_id, **self.edits)
        self.before = {k: v for k, v in repo.snapshot(before).items() if k in self.edits}

    def redo_it(self) -> None:
        repo.update_task(self.db, self.task_id, **self.edits)

    def undo_it(self) -> None:
        repo.update_task(self.db, self.task_id, **self.before)


class MoveTask(_TaskCommand):
    """Into a quadrant (or back to the inbox), before another task or at the end."""

    def __init__(self, ctx, task_id: int, quadrant: str, before_id: int | None = None):
        super().__init__(ctx, QCoreApplication.translate("TaskUndo", "Move task"), task_id)
        self.quadrant, self.before_id = quadrant, before_id
        self.before: dict | None = None

    def do(self) -> None:
        was = repo.move_task(self.db, self.task_id, self.quadrant, before_id=self.before_id, now=self.now)
        snap = repo.snapshot(was)
        self.before = {k: snap[k] for k in ("important", "urgent", "triaged_at", "position", "kept_not_urgent_for_due")}

    def redo_it(self) -> None:
        repo.move_task(self.db, self.task_id, self.quadrant, before_id=self.before_id, now=self.now)

    def undo_it(self) -> None:
        repo.update_task(self.db, self.task_id, **self.before)


class CompleteTask(_TaskCommand):
    """Done (a recurring task gets its next occurrence, which undo removes again)."""

    def __init__(self, ctx, task_id: int):
        super().__init__(ctx, QCoreApplication.translate("TaskUndo", "Complete task"), task_id)
        self.next_row: dict | None = None
        self.next_id: int | None = None

    def do(self) -> None:
        self.next_id = repo.complete_task(self.db, self.task_id, now=self.now)

    def redo_it(self) -> None:
        repo.redo_complete(self.db, self.task_id, self.next_row, now=self.now)

    def undo_it(self) -> None:
        self.next_row = repo.undo_complete(self.db, self.task_id, self.next_id)


class ReopenTask(_TaskCommand):
    def __init__(self, ctx, task_id: int):
        super().__init__(ctx, QCoreApplication.translate("TaskUndo", "Reopen task"), task_id)
        self.before: dict | None = None

    def do(self) -> None:
        task = repo.require_task(self.db, self.task_id)
        self.before = {"status": task.status, "done_at": task.done_at}
        repo.reopen_task(self.db, self.task_id)

    def undo_it(self) -> None:
        repo.update_task(self.db, self.task_id, **self.before)


class DropTask(_TaskCommand):
    """删减: out of the lists, still searchable."""

    def __init__(self, ctx, task_id: int):
        super().__init__(ctx, QCoreApplication.translate("TaskUndo", "Drop task"), task_id)

    def do(self) -> None:
        repo.drop_task(self.db, self.task_id, now=self.now)

    def undo_it(self) -> None:
        repo.reopen_task(self.db, self.task_id)


class DeleteTask(_TaskCommand):
    def __init__(self, ctx, task_id: int):
        super().__init__(ctx, QCoreApplication.translate("TaskUndo", "Delete task"), task_id)
        self.row: dict | None = None

    def do(self) -> None:
        self.row = repo.delete_task(self.db, self.task_id)

    def undo_it(self) -> None:
        repo.insert_row(self.db, self.row)
