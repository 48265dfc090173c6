"""设置 › 数据库: open another file, move this one, or start a new empty one.

Each ends by reopening the window on the chosen file (run_gui's restart). A move happens after the
window has closed and the WAL has been checkpointed, so no write can land between copy and switch.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from workbench.errors import UserError
from workbench.ui.shell.context import Restart
from workbench.ui.shell.preferences import LAST_DATABASE


def restart_with(window, path: Path, move_from: Path | None = None, *, check_first: bool = False) -> None:
    """Close the window; run_gui then reopens it on path (ctx.restart)."""
    window.ctx.settings.setValue(LAST_DATABASE, str(path))
    window.ctx.restart = Restart(Path(path), Path(move_from) if move_from else None, check_first)
    window.close()


def check_new_location(target: Path, current: Path) -> None:
    if target.resolve() == current.resolve():
        raise UserError("新位置和当前位置相同。", "The new location is the same as the current one.")
    if target.exists():
        raise UserError(f"{target} 已经存在；请选一个新的文件名。", f"{target} already exists; choose a new file name.")
    if not os.access(target.parent, os.W_OK):
        raise UserError(f"无法写入文件夹 {target.parent}。", f"Cannot write to the folder {target.parent}.")


def _ask_path(window, title: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(window, title, str(window.ctx.db_path.parent / "workbench.db"), 
                                          QCoreApplication.translate("DatabaseFiles", "Workbench database (*.db *.sqlite);;All files (*)"))
    if not path:
        return None
    return Path(path) if Path(path).suffix else Path(path + ".db")


def _ask_new_location(window, title: str, question: str | None = None) -> Path | None:
    """A file path from the save dialog that check_new_location accepts, else None (after saying why)."""
    target = _ask_path(window, question or title)
    if target is None:
        return None
    try:
        check_new_location(target, window.ctx.db_path)
    except UserError as error:
        QMessageBox.warning(window, title, error.sentence)
        return None
    return target


def move_dialog(window) -> None:
    title = QCoreApplication.translate("DatabaseFiles", "Move the database")
    target = _ask_new_location(window, title, QCoreApplication.translate("DatabaseFiles", "Move the database to"))
    if target is None:
        return
    QMessageBox.information(window, title,
                            QCoreApplication.translate("DatabaseFiles", "The workbench will close, move the file to %1 and reopen.").replace("%1", str(target)))
    restart_with(window, target, move_from=window.ctx.db_path)


def new_dialog(window) -> None:
    target = _ask_new_location(window, QCoreApplication.translate("DatabaseFiles", "New empty database"))
    if target is not None:
        restart_with(window, target)


def perform_pending_move(ctx) -> str | None:
    """Called by run_gui once the database is closed: move the file (and its -wal/-shm, if any).

    Returns a sentence when the move failed (the restart then reopens the old file)."""
    restart = ctx.restart
    if restart is None or restart.move_from is None:
        return None
    source, target = str(restart.move_from), str(restart.path)
    try:
        for suffix in ("", "-wal", "-shm"):
            if Path(source + suffix).exists():
                shutil.move(source + suffix, target + suffix)
    except OSError as exc:
        ctx.restart = Restart(restart.move_from, None, restart.check_first)
        ctx.settings.setValue(LAST_DATABASE, source)
        return QCoreApplication.translate("DatabaseFiles", "The database could not be moved: %1").replace("%1", exc.strerror or str(exc))
    return None
