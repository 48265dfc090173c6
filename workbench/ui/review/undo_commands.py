"""Saving a section of the weekly review is a QUndoCommand (undo puts the earlier text back)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from workbench.review.repository import load_review, save_section
from workbench.review.weeks import IsoWeek


class SaveSection(QUndoCommand):
    def __init__(self, ctx, week: IsoWeek, key: str, text: str, on_change=None):
        super().__init__(QCoreApplication.translate("ReviewUndo", "Edit weekly review"))
        self.ctx, self.week, self.key, self.text, self.on_change = ctx, week, key, text, on_change
        self.before = load_review(ctx.db, week).section(key)

    def _write(self, text: str) -> None:
        save_section(self.ctx.db, self.week, self.key, text, now=self.ctx.now())
        if self.on_change is not None:
            self.on_change(self.week, self.key, text)
        self.ctx.events.data_changed.emit("review")

    def redo(self) -> None:
        self._write(self.text)

    def undo(self) -> None:
        self._write(self.before)
