"""Every change to a PDCA cycle is an UndoCommand (ui/common/undo_command.py) on ctx.undo_stack.

Most commands snapshot the cycle (with its notes and moves) before and after the change, so undo and
redo put back exactly what was there.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from workbench.pdca import repository as repo
from workbench.tasks import repository as tasks_repo
from workbench.ui.common.changes import Changes
from workbench.ui.common.undo_command import UndoCommand
from workbench.ui.tasks.undo_commands import CreatesTask

class _CycleCommand(UndoCommand):
    changes = Changes(pdca=True)


class _SnapshotCommand(_CycleCommand):
    """Runs apply() the first time; afterwards undo/redo restore the saved snapshots."""

    def __init__(self, ctx, cycle_id: int, text: str):
        super().__init__(ctx, text)
        self.cycle_id = cycle_id
        self.before: dict | None = None
        self.after: dict | None = None

    def apply(self) -> None:
        raise NotImplementedError

    def do(self) -> None:
        self.before = repo.snapshot(self.db, self.cycle_id)
        self.apply()
        self.after = repo.snapshot(self.db, self.cycle_id)

    def redo_it(self) -> None:
        repo.restore(self.db, self.after)

    def undo_it(self) -> None:
        repo.restore(self.db, self.before)


class CreateCycle(_CycleCommand):
    def __init__(self, ctx, title: str, fields: dict, previous_id: int | None = None):
        super().__init__(ctx, QCoreApplication.translate("PdcaUndo", "New PDCA cycle “%1”").replace("%1", title[:30]))
        self.title, self.fields, self.previous_id = title, fields, previous_id
        self.cycle_id: int | None = None
        self.saved: dict | None = None

    def do(self) -> int:
        self.cycle_id = repo.create_cycle(self.db, self.title, previous_id=self.previous_id, now=self.now, **self.fields)
        return self.cycle_id

    def redo_it(self) -> None:
        repo.restore(self.db, self.saved)

    def undo_it(self) -> None:
        self.saved = repo.snapshot(self.db, self.cycle_id)
        repo.delete_cycle(self.db, self.cycle_id)


class EditCycle(_SnapshotCommand):
    def __init__(self, ctx, cycle_id: int, changes: dict):
        super().__init__(ctx, cycle_id, QCoreApplication.translate("PdcaUndo", "Edit PDCA cycle"))
        self.edits = changes

    def apply(self) -> None:
        repo.update_cycle(self.db, self.cycle_id, **self.edits)


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

    changes = Changes(pdca=True, contacts=True)

    def __init__(self, ctx, cycle_id: int, decision: str, notes: str):
        super().__init__(ctx, QCoreApplication.translate("PdcaUndo", "Act decision"))
        self.cycle_id, self.decision, self.notes = cycle_id, decision, notes
        self.before: dict | None = None
        self.created: dict = {}

    def do(self) -> None:
        self.before = repo.snapshot(self.db, self.cycle_id)
        self.created = repo.apply_act(self.db, self.cycle_id, self.decision, self.notes, now=self.now)

    def undo_it(self) -> None:
        repo.undo_act(self.db, self.before, self.created)


class AddPlanStep(CreatesTask):
    """A plan step is a task in the matrix (重要不紧急), linked to the cycle."""

    changes = Changes(pdca=True, tasks=True)

    def __init__(self, ctx, cycle_id: int, title: str, due: str | None = None):
        super().__init__(ctx, QCoreApplication.translate("PdcaUndo", "Add plan step"))
        self.cycle_id, self.title, self.due = cycle_id, title, due

    def create(self) -> int:
        return repo.add_plan_step(self.db, self.cycle_id, self.title, due=self.due, now=self.now)


class TickPlanStep(_CycleCommand):
    changes = Changes(pdca=True, tasks=True)

    def __init__(self, ctx, task_id: int, done: bool):
        super().__init__(ctx, QCoreApplication.translate("PdcaUndo", "Tick plan step") if done else QCoreApplication.translate("PdcaUndo", "Untick plan step"))
        self.task_id, self.done = task_id, done
        self.follow_up: int | None = None

    def _set(self, done: bool) -> None:
        if done:
            self.follow_up = tasks_repo.complete_task(self.db, self.task_id, now=self.now)
        else:  # a recurring step spawned its next occurrence: take it back too
            tasks_repo.undo_complete(self.db, self.task_id, self.follow_up)
            self.follow_up = None

    def do(self) -> None:
        self._set(self.done)

    def undo_it(self) -> None:
        self._set(not self.done)
