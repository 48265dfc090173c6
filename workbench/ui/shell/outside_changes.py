"""Changes made outside the window appear without switching pages.

`workbench capture` from an OS hotkey, a second window or a script writes the same file; the window's
connection notices through `PRAGMA data_version` (store/data_version.py) on a one-second timer and
announces Changes.everything(outside=True): the page on screen reloads, the rail badges recount, pages not shown
reload when they are shown (MainWindow.show_area_at).

A long write elsewhere (a big import in a worker, a script) changes the version every second: the window
reloads at its first change and once more when it has settled, not on every tick.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from workbench.store.data_version import data_version
from workbench.ui.common.changes import Changes


class OutsideChangeWatcher(QObject):
    INTERVAL_MS = 1000

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.seen = data_version(ctx.db)
        self._streaming = False  # the last tick saw a change too
        self._pending = False  # changes seen while streaming, not announced yet
        self.timer = QTimer(self)
        self.timer.setInterval(self.INTERVAL_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.timer.start()

    def check(self) -> bool:
        """True (and Changes.everything(outside=True) sent) when another connection's commits are to be shown now."""
        version = data_version(self.ctx.db)
        if version is None:
            return False
        changed, self.seen = version != self.seen, version
        if changed and not self._streaming:
            self._streaming = True
            return self._announce()
        if changed:
            self._pending = True
            return False
        self._streaming = False
        if self._pending:
            self._pending = False
            return self._announce()
        return False

    def _announce(self) -> bool:
        self.ctx.events.changed.emit(Changes.everything(outside=True))
        return True
