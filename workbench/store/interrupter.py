"""Cutting a long query short from another thread (a window closing, a week no longer shown).

sqlite3_interrupt() is safe to call from another thread, but not on a connection that is closing:
the worker attaches its connection while it is open and detaches it before closing, and cancel()
interrupts under the same lock.
"""
from __future__ import annotations

import sqlite3
import threading


class Interrupter:
    def __init__(self):
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self.cancelled = False

    def attach(self, conn: sqlite3.Connection | None) -> None:
        """The worker's connection while it is open; None just before it closes."""
        with self._lock:
            self._conn = conn

    @property
    def busy(self) -> bool:
        """A connection is attached: its query can be interrupted now."""
        return self._conn is not None

    def cancel(self) -> None:
        with self._lock:
            self.cancelled = True
            if self._conn is not None:
                self._conn.interrupt()
