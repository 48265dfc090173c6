"""Undoable actions of the contacts page (UndoCommand, ui/common/undo_command.py). push() runs the first
redo on the stack; a refused save (UserError) leaves push() and the command is not kept."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from workbench.contacts import contact_log, findings, sequences, snippets
from workbench.ui.common.changes import Changes
from workbench.ui.common.undo_command import UndoCommand, push  # noqa: F401 (push: the contacts pages' entry)


class DataCommand(UndoCommand):
    """A contacts action: contacts change, and tasks with them (follow-ups, recall day tasks)."""

    changes = Changes(contacts=True, tasks=True)


class LogContactCommand(DataCommand):
    def __init__(self, ctx, fields: dict):
        super().__init__(ctx, QCoreApplication.translate("ContactsUndo", "Log contact"))
        self.fields = fields
        self.contact_id: int | None = None
        self.state: dict = {}

    def do(self) -> int:
        self.state = contact_log.capture_undo_state(self.ctx.db, self.fields.get("user_id"))
        self.contact_id = contact_log.log_contact(self.ctx.db, **self.fields, now=self.now)
        return self.contact_id

    def undo_it(self) -> None:
        contact_log.undo_log(self.ctx.db, self.contact_id, self.state, now=self.now)


class StartSequenceCommand(DataCommand):
    def __init__(self, ctx, sequence_id: int, user_ids: list[int]):
        super().__init__(ctx, QCoreApplication.translate("ContactsUndo", "Start recall sequence"))
        self.sequence_id, self.user_ids = sequence_id, user_ids
        self.enrolments: list[int] = []
        self.state: dict = {}

    def do(self) -> list[int]:
        self.state = sequences.start_undo_state(self.db, self.sequence_id, self.user_ids)
        self.enrolments = sequences.start_sequence(self.db, self.sequence_id, self.user_ids, now=self.now)
        return self.enrolments

    def undo_it(self) -> None:
        sequences.undo_start(self.db, self.sequence_id, self.enrolments, self.state)


class FindingStatusCommand(DataCommand):
    def __init__(self, ctx, finding_id: int, status: str):
        super().__init__(ctx, QCoreApplication.translate("ContactsUndo", "Change finding status"))
        self.finding_id, self.status = finding_id, status
        self.before = findings.finding_status(ctx.db, finding_id)

    def do(self) -> None:
        findings.set_status(self.ctx.db, self.finding_id, self.status, now=self.now)

    def undo_it(self) -> None:
        findings.set_status(self.ctx.db, self.finding_id, self.before, now=self.now)


class MergeFindingsCommand(DataCommand):
    def __init__(self, ctx, keep_id: int, other_ids: list[int]):
        super().__init__(ctx, QCoreApplication.translate("ContactsUndo", "Merge findings"))
        self.keep_id, self.other_ids = keep_id, other_ids
        self.moved: dict[int, list[int]] = {}

    def do(self) -> None:
        self.moved = findings.merge_findings(self.ctx.db, self.keep_id, self.other_ids, now=self.now)

    def undo_it(self) -> None:
        findings.unmerge_findings(self.ctx.db, self.keep_id, self.moved, now=self.now)


class SplitFindingCommand(DataCommand):
    """并入 ×N taken apart: each part a finding of its own again; undo merges them back."""

    def __init__(self, ctx, finding_id: int):
        super().__init__(ctx, QCoreApplication.translate("ContactsUndo", "Split finding"))
        self.finding_id = finding_id
        self.parts: list[int] = []

    def do(self) -> None:
        self.parts = findings.split_finding(self.ctx.db, self.finding_id, now=self.now)

    def undo_it(self) -> None:
        findings.merge_findings(self.ctx.db, self.finding_id, self.parts, now=self.now)


class CreateUserCommand(DataCommand):
    def __init__(self, ctx, fields: dict):
        super().__init__(ctx, QCoreApplication.translate("ContactsUndo", "New user"))
        self.fields = fields
        self.user_id: int | None = None

    def do(self) -> int:
        from workbench.contacts.users import create_user

        self.user_id = create_user(self.ctx.db, **self.fields, now=self.now)
        return self.user_id

    def undo_it(self) -> None:
        from workbench.contacts.users import delete_user

        delete_user(self.ctx.db, self.user_id, now=self.now)


class UpdateUserCommand(DataCommand):
    def __init__(self, ctx, user_id: int, changes: dict):
        super().__init__(ctx, QCoreApplication.translate("ContactsUndo", "Edit user"))
        from workbench.contacts.users import user_snapshot

        self.user_id, self.edits = user_id, changes
        self.before = user_snapshot(ctx.db, user_id)

    def do(self) -> None:
        from workbench.contacts.users import update_user

        update_user(self.ctx.db, self.user_id, now=self.now, **self.edits)

    def undo_it(self) -> None:
        from workbench.contacts.users import restore_user

        restore_user(self.ctx.db, self.before)


class CreateSnippetCommand(DataCommand):
    """Undo archives the new snippet (a contact may already have used it); redo brings it back."""

    def __init__(self, ctx, title: str, body: str):
        super().__init__(ctx, QCoreApplication.translate("ContactsUndo", "New snippet"))
        self.title, self.body = title, body
        self.snippet_id: int | None = None

    def do(self) -> int:
        if self.snippet_id is None:
            self.snippet_id = snippets.create_snippet(self.ctx.db, self.title, self.body, now=self.now)
        else:
            snippets.update_snippet(self.ctx.db, self.snippet_id, archived=False, now=self.now)
        return self.snippet_id

    def undo_it(self) -> None:
        snippets.update_snippet(self.ctx.db, self.snippet_id, archived=True, now=self.now)


class EditSnippetCommand(DataCommand):
    def __init__(self, ctx, snippet_id: int, title: str, body: str):
        super().__init__(ctx, QCoreApplication.translate("ContactsUndo", "Edit snippet"))
        self.snippet_id, self.after = snippet_id, (title, body)
        old = snippets.get_snippet(ctx.db, snippet_id)
        self.before = (old.title, old.body)

    def do(self) -> None:
        snippets.update_snippet(self.ctx.db, self.snippet_id, title=self.after[0], body=self.after[1], now=self.now)

    def undo_it(self) -> None:
        snippets.update_snippet(self.ctx.db, self.snippet_id, title=self.before[0], body=self.before[1], now=self.now)


class DeleteSnippetCommand(DataCommand):
    """Deleting archives: the contacts that used the snippet keep their link and its counts."""

    def __init__(self, ctx, snippet_id: int):
        super().__init__(ctx, QCoreApplication.translate("ContactsUndo", "Delete snippet"))
        self.snippet_id = snippet_id

    def do(self) -> None:
        snippets.update_snippet(self.ctx.db, self.snippet_id, archived=True, now=self.now)

    def undo_it(self) -> None:
        snippets.update_snippet(self.ctx.db, self.snippet_id, archived=False, now=self.now)
