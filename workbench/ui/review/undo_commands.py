"""Saving a section of the weekly review is an UndoCommand (undo puts the earlier text back)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from workbench.review.repository import load_review, save_section
from workbench.review.weeks import IsoWeek
from workbench.ui.common.changes import Changes
from workbench.ui.common.undo_command import UndoCommand


class SaveSection(UndoCommand):
    changes = Changes(review=True)

    def __init__(self, ctx, week: IsoWeek, key: str, text: str, on_change=None):
        super().__init__(ctx, QCoreApplication.translate("ReviewUndo", "Edit weekly review"))
        self.week, self.key, self.text, self.on_change = week, key, text, on_change
        self.before = load_review(ctx.db, week).section(key)

    def _write(self, text: str) -> None:
        save_section(self.db, self.week, self.key, text, now=self.now)
        if self.on_change is not None:
            self.on_change(self.week, self.key, text)

    def do(self) -> None:
        self._write(self.text)

    def undo_it(self) -> None:
        self._write(self.before)
