"""One window per database file: a QLockFile beside the database, a QLocalServer to raise it.

The lock is taken before the window opens; the server listens once the first frame is shown
(QtNetwork costs ~14 ms to load, and a second launch in those few milliseconds only misses raising
this window: it still finds the lock and says the file is open).

A lock left by a killed process is detected through its PID by QLockFile; the server's socket file
left behind by a crash is removed when connecting to it fails.
"""
from __future__ import annotations

from pathlib import Path

from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

RAISE_MESSAGE = b"raise"


def _server_name(db_path: Path) -> str:
    import hashlib  # (after the first frame: it loads OpenSSL, ~3 ms)

    digest = hashlib.sha1(str(Path(db_path).resolve()).encode()).hexdigest()[:16]
    return f"ops-workbench-{digest}"


def lock_path(db_path: Path) -> Path:
    """Beside the file itself: the same file reached through a symlink or another relative path has
    one lock, so it cannot open in two windows."""
    return Path(str(Path(db_path).resolve()) + ".lock")


def fallback_lock_path(db_path: Path) -> Path:
    """Where the lock goes when the database's folder is write-protected: the temporary folder, named
    after the resolved path."""
    import hashlib
    import tempfile

    digest = hashlib.sha1(str(Path(db_path).resolve()).encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"ops-workbench-{digest}.lock"


class SingleInstance(QObject):
    raise_requested = Signal()

    def __init__(self, db_path: Path):
        super().__init__()
        self.db_path = Path(db_path)
        self.lock = self._lock_at(lock_path(self.db_path))
        self.server: QLocalServer | None = None

    @staticmethod
    def _lock_at(path: Path) -> QLockFile:
        lock = QLockFile(str(path))
        lock.setStaleLockTime(0)  # never stale by age; a dead owner's PID frees it
        return lock

    def acquire(self) -> bool:
        """True if this process now owns the database, or no lock can be made at all (a write-protected
        folder and temporary folder); False only when another window really has it open."""
        if self.lock.tryLock(100):
            return True
        if self.lock.error() == QLockFile.LockError.LockFailedError:
            return False  # held by a live process: another window
        # The lock file cannot be created beside the database (a write-protected folder or disk).
        self.lock = self._lock_at(fallback_lock_path(self.db_path))
        if self.lock.tryLock(100):
            return True
        return self.lock.error() != QLockFile.LockError.LockFailedError

    def listen(self) -> None:
        """Answer a second launch's request to raise this window."""
        from PySide6.QtNetwork import QLocalServer

        name = _server_name(self.db_path)
        self.server = QLocalServer(self)
        if not self.server.listen(name):
            QLocalServer.removeServer(name)  # a socket file left behind by a crash
            self.server.listen(name)
        self.server.newConnection.connect(self._on_connection)

    def _on_connection(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._on_message(s))

    def _on_message(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll()).strip() == RAISE_MESSAGE:
            self.raise_requested.emit()
        socket.disconnectFromServer()

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        self.lock.unlock()


def ask_running_instance_to_raise(db_path: Path, timeout_ms: int = 1000) -> bool:
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(_server_name(Path(db_path)))
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(RAISE_MESSAGE + b"\n")
    socket.flush()
    socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return True
