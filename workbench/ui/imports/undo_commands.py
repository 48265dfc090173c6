"""Imports on the undo stack (UndoCommand, ui/common/undo_command.py).

An import runs in a worker (import_dialog.py); its command only takes it back and puts it back. Both
directions are quick feature calls: undo_import keeps what the import wrote aside (reports/importer.py),
redo_import restores it, so nothing re-reads a file on the GUI thread.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from workbench.errors import UserError
from workbench.reports import importer
from workbench.ui.common.changes import Changes
from workbench.ui.common.undo_command import UndoCommand


class _ImportCommand(UndoCommand):
    changes = Changes(reports=True)

    def __init__(self, ctx, text: str, import_id: int):
        super().__init__(ctx, text)
        self.import_id = import_id

    def _take_back(self) -> None:
        importer.undo_import(self.db, self.import_id, keep_for_redo=True, now=self.ctx.now())

    def _put_back(self) -> None:
        try:  # refused (a later import of the dataset since): say so; the stack moves on
            importer.redo_import(self.db, self.import_id)
        except UserError as error:
            self.ctx.events.status_message.emit(error.sentence)


class ImportCommand(_ImportCommand):
    """The import the dialog's worker just ran: undo takes it back, redo puts it back."""

    def __init__(self, ctx, import_id: int, path: str):
        super().__init__(ctx, QCoreApplication.translate("Imports", "Import %1").replace("%1", Path(path).name), import_id)

    def do(self) -> None:
        pass  # the worker already imported it

    def redo(self) -> None:
        if not self._done_once:  # pushed after the import: its operation has already announced the change
            self._done_once = True
            return
        super().redo()

    def redo_it(self) -> None:
        self._put_back()

    def undo_it(self) -> None:
        try:
            self._take_back()
        except UserError as error:
            self.ctx.events.status_message.emit(error.sentence)


class UndoImportCommand(_ImportCommand):
    """"Undo the latest import" in the dataset browser; its own undo puts the import back."""

    def __init__(self, ctx, import_id: int, file_name: str):
        super().__init__(ctx, QCoreApplication.translate("DatasetBrowser", "Undo import of %1").replace("%1", file_name), import_id)

    def do(self) -> None:
        self._take_back()

    def undo_it(self) -> None:
        self._put_back()
