"""Stall detection without opening the PDCA page: once after the first frame, then every hour, stalled
cycles get their tasks (repository.check_stalls) and the badges are refreshed."""
from __future__ import annotations

import sqlite3

from PySide6.QtCore import QCoreApplication, QTimer

from workbench.errors import UserError
from workbench.pdca import repository as repo
from workbench.ui.common.changes import Changes

HOUR_MS = 60 * 60 * 1000


def check_now(ctx) -> list[int]:
    """Raise the stall tasks at the context's clock; tells the other pages when tasks were added."""
    try:
        raised = repo.check_stalls(ctx.db, now=ctx.now())
    except (UserError, sqlite3.OperationalError):
        return []  # a read-only or busy file: the next hour tries again
    if raised:
        ctx.events.status_message.emit(QCoreApplication.translate("PdcaPage", "Stalled PDCA cycles became tasks: %1")
                                       .replace("%1", str(len(raised))))
        ctx.events.changed.emit(Changes(tasks=True))
    return raised


def install(window) -> QTimer:
    """Check now and every hour while the window lives; returns the timer (its parent is the window)."""
    timer = QTimer(window)
    timer.setInterval(HOUR_MS)
    timer.timeout.connect(lambda: check_now(window.ctx))
    timer.start()
    check_now(window.ctx)
    return timer
