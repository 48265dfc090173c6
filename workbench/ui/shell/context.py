"""What every screen gets: the database, the undo stack, the settings and the app-wide signals."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QUndoStack

if TYPE_CHECKING:
    from sqlite_utils import Database


class AppEvents(QObject):
    """Signals that cross areas. Pages emit and listen here instead of knowing each other."""

    # Something changed in the database; the argument names the area ("tasks", "contacts", ...).
    data_changed = Signal(str)
    # Go to an area and, optionally, open one thing in it: ("tasks", task_id), ("contacts", user_id) ...
    navigate = Signal(str, object)
    # A short message for the status bar.
    status_message = Signal(str)
    # 文件 › 导入: a file path, or "" to ask for one.
    import_requested = Signal(str)
    # 文件 › 导出周报.
    export_week_requested = Signal()


@dataclass
class AppContext:
    db_path: Path
    db: Database  # the GUI thread's connection; workers open their own
    undo_stack: QUndoStack
    settings: QSettings
    events: AppEvents
