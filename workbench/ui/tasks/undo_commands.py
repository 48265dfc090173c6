"""Every change to a task is a QUndoCommand on ctx.undo_stack; each redo/undo commits at once."""
from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from workbench.privacy import mask_text
from workbench.store import now_text
from workbench.tasks import repository as repo

if TYPE_CHECKING:
    from workbench.tasks.capture_parser import ParsedCapture


class _TaskCommand(QUndoCommand):
    def __init__(self, ctx, text: str):
        super().__init__(text)
        self.ctx = ctx
        self.db = ctx.db
        self.now = ctx.now()  # redo after undo replays the action at the moment it was first done

    def changed(self) -> None:
        self.ctx.events.data_changed.emit("tasks")


class CaptureTask(QUndoCommand):
    """Create the task a capture line describes (first redo saves it; later redos put the row back)."""

    def __init__(self, ctx, parsed: ParsedCapture, now: datetime):
        super().__init__(QCoreApplication.translate("TaskUndo", "Capture “%1”").replace("%1", mask_text(parsed.title)[:30]))
        self.ctx, self.parsed, self.now = ctx, parsed, now
        self.task_id: int | None = None
        self.row: dict | None = None

    def redo(self) -> None:
        if self.row is None:
            from workbench.tasks.capture import save_capture  # the parser loads after the first frame

            self.task_id = save_capture(self.ctx.db, self.parsed, self.now)
        else:
            repo.insert_row(self.ctx.db, self.row)
        self.ctx.events.data_changed.emit("tasks")

    def undo(self) -> None:
        self.row = repo.delete_task(self.ctx.db, self.task_id)
        self.ctx.events.data_changed.emit("tasks")


class EditTask(_TaskCommand):
    def __init__(self, ctx, task_id: int, changes: dict, text: str | None = None):
        super().__init__(ctx, text or QCoreApplication.translate("TaskUndo", "Edit task"))
        self.task_id, self.changes = task_id, changes
        self.before: dict | None = None

    def redo(self) -> None:
        before = repo.update_task(self.db, self.task_id, **self.changes)
        if self.before is None:
            self.before = {k: v for k, v in repo.snapshot(before).items() if k in self.changes}
        self.changed()

    def undo(self) -> None:
        repo.update_task(self.db, self.task_id, **self.before)
        self.changed()


class MoveTask(_TaskCommand):
    """Into a quadrant (or back to the inbox), before another task or at the end."""

    def __init__(self, ctx, task_id: int, quadrant: str, before_id: int | None = None):
        super().__init__(ctx, QCoreApplication.translate("TaskUndo", "Move task"))
        self.task_id, self.quadrant, self.before_id = task_id, quadrant, before_id
        self.before: dict | None = None

    def redo(self) -> None:
        was = repo.move_task(self.db, self.task_id, self.quadrant, before_id=self.before_id, now=self.now)
        if self.before is None:
            snap = repo.snapshot(was)
            self.before = {k: snap[k] for k in ("important", "urgent", "triaged_at", "position",
                                                "kept_not_urgent_for_due")}
        self.changed()

    def undo(self) -> None:
        repo.update_task(self.db, self.task_id, **self.before)
        self.changed()


class CompleteTask(_TaskCommand):
    """Done (a recurring task gets its next occurrence, which undo removes again)."""

    def __init__(self, ctx, task_id: int):
        super().__init__(ctx, QCoreApplication.translate("TaskUndo", "Complete task"))
        self.task_id = task_id
        self.next_row: dict | None = None
        self.next_id: int | None = None
        self.first = True

    def redo(self) -> None:
        if self.first:
            self.next_id = repo.complete_task(self.db, self.task_id, now=self.now)
            self.first = False
        else:
            repo.update_task(self.db, self.task_id, status="done", done_at=now_text(self.now))
            if self.next_row:
                repo.insert_row(self.db, self.next_row)
        self.changed()

    def undo(self) -> None:
        if self.next_id is not None and repo.get_task(self.db, self.next_id) is not None:
            self.next_row = repo.delete_task(self.db, self.next_id)
        repo.reopen_task(self.db, self.task_id)
        self.changed()


class ReopenTask(_TaskCommand):
    def __init__(self, ctx, task_id: int):
        super().__init__(ctx, QCoreApplication.translate("TaskUndo", "Reopen task"))
        self.task_id = task_id
        self.before: dict | None = None

    def redo(self) -> None:
        task = repo.require_task(self.db, self.task_id)
        self.before = {"status": task.status, "done_at": task.done_at}
        repo.reopen_task(self.db, self.task_id)
        self.changed()

    def undo(self) -> None:
        repo.update_task(self.db, self.task_id, **self.before)
        self.changed()


class DropTask(_TaskCommand):
    """删减: out of the lists, still searchable."""

    def __init__(self, ctx, task_id: int):
        super().__init__(ctx, QCoreApplication.translate("TaskUndo", "Drop task"))
        self.task_id = task_id

    def redo(self) -> None:
        repo.drop_task(self.db, self.task_id, now=self.now)
        self.changed()

    def undo(self) -> None:
        repo.reopen_task(self.db, self.task_id)
        self.changed()


class DeleteTask(_TaskCommand):
    def __init__(self, ctx, task_id: int):
        super().__init__(ctx, QCoreApplication.translate("TaskUndo", "Delete task"))
        self.task_id = task_id
        self.row: dict | None = None

    def redo(self) -> None:
        self.row = repo.delete_task(self.db, self.task_id)
        self.changed()

    def undo(self) -> None:
        repo.insert_row(self.db, self.row)
        self.changed()
