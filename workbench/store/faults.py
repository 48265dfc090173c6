"""The one place where a laptop's faults become sentences: a full disk, a read-only file or folder, a
file the system will not let grow, the write lock held by someone else.

SQLite reports them as sqlite3 errors (SQLITE_FULL at COMMIT, SQLITE_READONLY, SQLITE_IOERR …) and
file writes as OSError (ENOSPC while saving a workbook, EFBIG under a file-size limit, EROFS …).
`user_error_for` turns either into a UserError with one sentence; the CLI, the window's crash hook,
its workers and write_transaction all ask it, so a fault reads the same wherever it happens. What
it does not know stays an exception: a bug still gets its crash report.
"""
from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from workbench.errors import UserError

# Primary result codes (the low byte of sqlite_errorcode; extended codes add detail above it).
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14

DISK_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


class DatabaseBusy(UserError):
    """Another process holds the write lock for longer than the busy timeout."""

    def __init__(self):
        super().__init__(
            "数据库正忙（另一个窗口或命令正在写入），请稍后再试。",
            "The database is busy (another window or command is writing); please try again.",
        )


class DiskFull(UserError):
    def __init__(self, target: Path | None = None):
        if target is None:
            super().__init__("磁盘已满，修改没有保存。请腾出一些空间后再试。",
                             "The disk is full; the changes were not saved. Free some space and try again.")
        else:
            super().__init__(f"磁盘已满，没有写入 {target.name}。请腾出一些空间后再试。",
                             f"The disk is full; {target.name} was not written. Free some space and try again.")


class FileTooLarge(UserError):
    def __init__(self, target: Path | None = None):
        name = target.name if target is not None else "数据库"
        name_en = target.name if target is not None else "the database"
        super().__init__(f"系统不允许 {name} 再变大（文件大小限制），没有写入任何内容。",
                         f"The system does not let {name_en} grow any larger (a file-size limit); nothing was written.")


class WriteFailed(UserError):
    def __init__(self):
        super().__init__("写入磁盘失败（磁盘可能已满或已被拔出），修改没有保存。",
                         "Writing to the disk failed (is it full or unplugged?); the changes were not saved.")


class ReadOnlyDatabase(UserError):
    """A write asked of a database that is open read-only. `reason` says why it is (a sentence part)."""

    def __init__(self, reason: tuple[str, str] | None = None):
        zh, en = reason or ("数据库以只读方式打开", "the database is open read-only")
        super().__init__(f"只读：{zh}，不能保存修改。", f"Read-only: {en}; changes cannot be saved.")


class NotWritable(UserError):
    def __init__(self, target: Path):
        super().__init__(f"没有权限写入 {target}（文件或文件夹是只读的）。",
                         f"No permission to write {target} (the file or its folder is read-only).")


def user_error_for(exc: BaseException, target: Path | None = None, *,
                   readonly_reason: tuple[str, str] | None = None) -> UserError | None:
    """The sentence for exc, or None when it is not a fault the user can act on (a bug).

    target: the file being written, named in the sentence (an export); None means the database.
    readonly_reason: why the database is read-only, when the connection knows it."""
    if isinstance(exc, UserError):
        return exc
    if isinstance(exc, sqlite3.Error):
        return _for_sqlite(exc, readonly_reason)
    if isinstance(exc, OSError):
        return _for_os(exc, target)
    return None


def _for_sqlite(exc: sqlite3.Error, readonly_reason) -> UserError | None:
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(exc)
    if primary in (SQLITE_BUSY, SQLITE_LOCKED) or (primary is None and ("locked" in text or "busy" in text)):
        return DatabaseBusy()
    if primary == SQLITE_FULL or (primary is None and "disk is full" in text):
        return DiskFull()
    if primary == SQLITE_READONLY or (primary is None and "readonly" in text.replace(" ", "")):
        return ReadOnlyDatabase(readonly_reason)
    if primary == SQLITE_IOERR:
        return WriteFailed()
    if primary in (SQLITE_PERM, SQLITE_CANTOPEN):
        return UserError("无法打开数据库文件（没有权限，或文件夹不存在）。",
                         "The database file cannot be opened (no permission, or the folder does not exist).")
    return None


def _for_os(exc: OSError, target: Path | None) -> UserError | None:
    where = target if target is not None else (Path(exc.filename) if isinstance(exc.filename, str) else None)
    if exc.errno in DISK_FULL_ERRNOS:
        return DiskFull(where)
    if exc.errno == errno.EFBIG:
        return FileTooLarge(where)
    if exc.errno == errno.EROFS and where is not None:
        return NotWritable(where)
    if exc.errno in (errno.EACCES, errno.EPERM) and target is not None:  # only where we know it was a write
        return NotWritable(target)
    return None


def interrupted_sentence(committed: int, rolled_back: int) -> UserError:
    """What Ctrl+C left behind: the process committed `committed` transactions and rolled back
    `rolled_back` (the one it was in when interrupted)."""
    if committed and not rolled_back:
        return UserError("已中断（Ctrl+C）：修改在中断前已经保存。", "Interrupted (Ctrl+C): the changes had been saved.")
    if committed:
        return UserError("已中断（Ctrl+C）：之前的修改已保存，正在进行的那一步没有保存。",
                         "Interrupted (Ctrl+C): the earlier changes were saved, the step in progress was not.")
    return UserError("已中断（Ctrl+C）：没有保存任何修改。", "Interrupted (Ctrl+C): nothing was saved.")
