"""Every change to a PDCA cycle is a QUndoCommand on ctx.undo_stack; each redo/undo commits at once.

Most commands snapshot the cycle (with its notes and moves) before and after the change, so undo and
redo put back exactly what was there.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from workbench.pdca import repository as repo
from workbench.tasks import repository as tasks_repo



class _CycleCommand(QUndoCommand):
    def __init__(self, ctx, text: str):
        super().__init__(text)
        self.ctx = ctx
        self.db = ctx.db
        self.now = ctx.now()  # redo after undo replays the action at the moment it was first done

    def changed(self, *areas: str) -> None:
        for area in ("pdca", *areas):
            self.ctx.events.data_changed.emit(area)


class _SnapshotCommand(_CycleCommand):
    """Runs apply() the first time; afterwards undo/redo restore the saved snapshots."""

    def __init__(self, ctx, cycle_id: int, text: str):
        super().__init__(ctx, text)
        self.cycle_id = cycle_id
        self.before: dict | None = None
        self.after: dict | None = None

    def apply(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if self.after is None:
            self.before = repo.snapshot(self.db, self.cycle_id)
            self.apply()
            self.after = repo.snapshot(self.db, self.cycle_id)
        else:
            repo.restore(self.db, self.after)
        self.changed()

    def undo(self) -> None:
        repo.restore(self.db, self.before)
        self.changed()


class CreateCycle(_CycleCommand):
    def __init__(self, ctx, title: str, fields: dict, previous_id: int | None = None):
        super().__init__(ctx, QCoreApplication.translate("PdcaUndo", "New PDCA cycle “%1”").replace("%1", title[:30]))
        self.title, self.fields, self.previous_id = title, fields, previous_id
        self.cycle_id: int | None = None
        self.saved: dict | None = None

    def redo(self) -> None:
        if self.saved is None:
            self.cycle_id = repo.create_cycle(self.db, self.title, previous_id=self.previous_id, now=self.now, **self.fields)
        else:
            repo.restore(self.db, self.saved)
        self.changed()

    def undo(self) -> None:
        self.saved = repo.snapshot(self.db, self.cycle_id)
        repo.delete_cycle(self.db, self.cycle_id)
        self.changed()


class EditCycle(_SnapshotCommand):
    def __init__(self, ctx, cycle_id: int, changes: dict):
        super().__init__(ctx, cycle_id, QCoreApplication.translate("PdcaUndo", "Edit PDCA cycle"))
        self.changes = changes

    def apply(self) -> None:
        repo.update_cycle(self.db, self.cycle_id, **self.changes)


class MoveStage(_SnapshotCommand):
    def __init__(self, ctx, cycle_id: int, target: str):
        super().__init__(ctx, cycle_id, QCoreApplication.translate("PdcaUndo", "Move PDCA cycle"))
        self.target = target

    def apply(self) -> None:
        repo.move_stage(self.db, self.cycle_id, self.target, now=self.now)


class MarkReviewed(_SnapshotCommand):
    def __init__(self, ctx, cycle_id: int):
        super().__init__(ctx, cycle_id, QCoreApplication.translate("PdcaUndo", "Mark PDCA cycle reviewed"))

    def apply(self) -> None:
        repo.mark_reviewed(self.db, self.cycle_id, now=self.now)


class RunCheck(_SnapshotCommand):
    def __init__(self, ctx, cycle_id: int):
        super().__init__(ctx, cycle_id, QCoreApplication.translate("PdcaUndo", "Run the Check"))

    def apply(self) -> None:
        repo.run_check(self.db, self.cycle_id, now=self.now)


class AddNote(_SnapshotCommand):
    def __init__(self, ctx, cycle_id: int, text: str):
        super().__init__(ctx, cycle_id, QCoreApplication.translate("PdcaUndo", "Add Do note"))
        self.text = text

    def apply(self) -> None:
        repo.add_note(self.db, self.cycle_id, self.text, now=self.now)


class ApplyAct(_CycleCommand):
    """标准化 / 调整后再循环 / 放弃: closes the cycle and may create an SOP or the next cycle."""

    def __init__(self, ctx, cycle_id: int, decision: str, notes: str):
        super().__init__(ctx, QCoreApplication.translate("PdcaUndo", "Act decision"))
        self.cycle_id, self.decision, self.notes = cycle_id, decision, notes
        self.before: dict | None = None
        self.created: dict = {}

    def redo(self) -> None:
        self.before = repo.snapshot(self.db, self.cycle_id)
        self.created = repo.apply_act(self.db, self.cycle_id, self.decision, self.notes, now=self.now)
        self.changed("contacts")

    def undo(self) -> None:
        repo.undo_act(self.db, self.before, self.created)
        self.changed("contacts")


class AddPlanStep(_CycleCommand):
    """A plan step is a task in the matrix (重要不紧急), linked to the cycle."""

    def __init__(self, ctx, cycle_id: int, title: str, due: str | None = None):
        super().__init__(ctx, QCoreApplication.translate("PdcaUndo", "Add plan step"))
        self.cycle_id, self.title, self.due = cycle_id, title, due
        self.task_id: int | None = None
        self.row: dict | None = None

    def redo(self) -> None:
        if self.row is None:
            self.task_id = repo.add_plan_step(self.db, self.cycle_id, self.title, due=self.due, now=self.now)
        else:
            tasks_repo.insert_row(self.db, self.row)
        self.changed("tasks")

    def undo(self) -> None:
        self.row = tasks_repo.delete_task(self.db, self.task_id)
        self.changed("tasks")


class TickPlanStep(_CycleCommand):
    def __init__(self, ctx, task_id: int, done: bool):
        super().__init__(ctx, QCoreApplication.translate("PdcaUndo", "Tick plan step") if done else QCoreApplication.translate("PdcaUndo", "Untick plan step"))
        self.task_id, self.done = task_id, done
        self.follow_up: int | None = None

    def _set(self, done: bool) -> None:
        if done:
            self.follow_up = tasks_repo.complete_task(self.db, self.task_id, now=self.now)
        else:
            tasks_repo.reopen_task(self.db, self.task_id)
            if self.follow_up:  # a recurring step spawned its next occurrence: take it back too
                tasks_repo.delete_task(self.db, self.follow_up)
                self.follow_up = None
        self.changed("tasks")

    def redo(self) -> None:
        self._set(self.done)

    def undo(self) -> None:
        self._set(not self.done)
