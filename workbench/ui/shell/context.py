"""What every screen gets: the database, the undo stack, the settings and the app-wide signals."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QUndoStack

if TYPE_CHECKING:
    from sqlite_utils import Database


class AppEvents(QObject):
    """Signals that cross areas. Pages emit and listen here instead of knowing each other."""

    # Something changed in the database; the argument names the area ("tasks", "contacts", ...).
    data_changed = Signal(str)
    # What one operation changed (ui/common/changes.py: a Changes), emitted once per operation.
    changed = Signal(object)
    # Go to an area and, optionally, open one thing in it: ("tasks", task_id), ("contacts", user_id) ...
    navigate = Signal(str, object)
    # A short message for the status bar (also drawn as a toast over the window's bottom).
    status_message = Signal(str)
    # What just happened, drawn as a toast with its actions (ui/shell/toast.py): (text, {"undo": True,
    # "open": ("tasks", task_id) or a file Path}).
    confirmation = Signal(str, object)
    # 文件 › 导入: a file path, or "" to ask for one.
    import_requested = Signal(str)
    # 文件 › 导出周报.
    export_week_requested = Signal()

    def __init__(self):
        super().__init__()
        self.changed.connect(self._changed_as_areas)

    def _changed_as_areas(self, changes) -> None:
        """Bridge while listeners still take area names (issue 15 point 3 moves them onto `changed` and
        deletes data_changed, and this with it): one Changes reaches them as the names they test."""
        from dataclasses import fields

        areas = [f.name for f in fields(changes) if f.name != "outside" and getattr(changes, f.name)]
        for area in ["all"] if len(areas) == len(fields(changes)) - 1 else areas:
            self.data_changed.emit(area)


@dataclass(frozen=True)
class Restart:
    """What the window asked for as it closed (设置 › 数据库, damage found after the first frame): run_gui
    reopens on `path`, after moving the closed file from `move_from`, checking the file first if asked."""

    path: Path
    move_from: Path | None = None
    check_first: bool = False


@dataclass
class AppContext:
    db_path: Path
    db: Database  # the GUI thread's connection; workers open their own
    undo_stack: QUndoStack
    settings: QSettings
    events: AppEvents
    # The app's one clock (workbench/clock.py): every feature call from the UI takes its `now` from here,
    # so tests set a fixed moment and nothing on screen depends on the day the tests run.
    clock: Callable[[], datetime] = field(default=None)  # type: ignore[assignment]
    # Set by restart_with (ui/shell/database_files.py) when the window closes to reopen; read by run_gui.
    restart: Restart | None = None
    # The one quick-capture window and tray icon of this context (ui/tasks/quick_capture.py), made on first use.
    quick_capture_window: QObject | None = None
    quick_capture_tray: QObject | None = None
    # True once import_requested opens the import dialog (ui/imports/import_handler.py): connected once.
    import_handler_installed: bool = False

    def __post_init__(self) -> None:
        if self.clock is None:
            from workbench.clock import wall_clock

            self.clock = wall_clock

    def now(self) -> datetime:
        return self.clock()

    def today(self) -> date:
        return self.clock().date()
