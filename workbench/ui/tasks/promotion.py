"""Due-soon promotion as an operation of its own (reading never writes: the matrix only shows).

Open 重要不紧急 tasks due within the promote-days setting move to 重要且紧急 (tasks.repository
.promote_due_soon). It runs once after the first frame, again when the day changes, and when the
promote-days setting changes (the matrix's ⚙ menu, 设置); it emits Changes(tasks=True) only when it
promoted something. The matrix's morning summary lists what was promoted today (repository.promoted_on).
"""
from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

from PySide6.QtCore import QTimer

from workbench import stored_settings
from workbench.errors import UserError
from workbench.tasks import repository as repo
from workbench.ui.common.changes import Changes

HOUR_MS = 60 * 60 * 1000


def promote_now(ctx) -> list:
    """Promote at the context's clock; returns the promoted tasks."""
    try:
        promoted = repo.promote_due_soon(ctx.db, ctx.today(), stored_settings.get(ctx.db, stored_settings.PROMOTE_DAYS))
    except (UserError, sqlite3.OperationalError):
        return []  # a read-only or busy file: the next day tries again
    if promoted:
        ctx.events.changed.emit(Changes(tasks=True))
    return promoted


def ms_to_next_day(now: datetime) -> int:
    """Milliseconds from now until just after the next midnight (at most an hour: the clock may jump)."""
    midnight = datetime.combine(now.date() + timedelta(days=1), datetime.min.time(), tzinfo=now.tzinfo)
    return max(1000, min(HOUR_MS, int((midnight - now).total_seconds() * 1000) + 1000))


class DayTick:
    """Promotes now, then whenever the context's day differs from the day it last promoted on."""

    def __init__(self, window):
        self.ctx = window.ctx
        self.day = self.ctx.today()
        self.timer = QTimer(window)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.tick)
        promote_now(self.ctx)
        self._arm()

    def _arm(self) -> None:
        self.timer.start(ms_to_next_day(self.ctx.now()))

    def tick(self) -> None:
        today = self.ctx.today()
        if today != self.day:
            self.day = today
            promote_now(self.ctx)
        self._arm()


def install(window) -> DayTick:
    """Promote now (after the first frame) and on each new day while the window lives."""
    return DayTick(window)
