"""Crash reports and the app log: tracebacks written masked to the data folder, the app kept running.

An unexpected exception in the GUI reaches sys.excepthook (PySide6 routes exceptions raised in slots
there too). The hook writes the traceback, passed through privacy.mask_text so no phone number or ID
number lands on disk, to `logs/crash-YYYYMMDD.log` beside the database (folder 0700, file 0600), and
hands a short sentence to the UI. A UserError that escaped a slot (the database is busy, a bad file)
is shown as its sentence and not logged: it is not a crash.
"""
from __future__ import annotations

import logging
import os
import sys
import traceback
from datetime import datetime
from pathlib import Path
from typing import Callable

from workbench import app_version
from workbench.clock import wall_clock
from workbench.errors import UserError
from workbench.privacy import mask_text
from workbench.store.paths import ensure_private_folder, make_private

LOG_FOLDER_NAME = "logs"
APP_LOG_NAME = "workbench.log"


def log_folder(data_folder: Path) -> Path:
    folder = Path(data_folder) / LOG_FOLDER_NAME
    ensure_private_folder(folder)
    return folder


def _append_private(path: Path, text: str) -> None:
    """Append text to a file created 0600 (os.open's mode, so it is never readable by others)."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    with os.fdopen(descriptor, "a", encoding="utf-8") as handle:
        handle.write(text)
    make_private(path)


def format_crash(exc_type, exc, tb, now: datetime) -> str:
    body = "".join(traceback.format_exception(exc_type, exc, tb))
    return mask_text(f"=== {now:%Y-%m-%d %H:%M:%S} · Ops Workbench {app_version()} · Python {sys.version.split()[0]}\n{body}\n")


def write_crash_log(data_folder: Path, exc_type, exc, tb, now: datetime) -> Path:
    path = log_folder(data_folder) / f"crash-{now:%Y%m%d}.log"
    _append_private(path, format_crash(exc_type, exc, tb, now))
    return path


def busy_or_user_error(exc: BaseException) -> UserError | None:
    """The sentence to show instead of a crash report, when the exception is one the user can act on:
    a UserError, or a fault store/faults.py knows (busy, disk full, read-only …)."""
    from workbench.store.faults import user_error_for

    return user_error_for(exc)


def install_excepthook(data_folder: Path, on_crash: Callable[[Path | None], None],
                       on_user_error: Callable[[str], None]):
    """Replace sys.excepthook; returns the previous hook (to restore it in tests)."""
    previous = sys.excepthook

    def hook(exc_type, exc, tb):
        if issubclass(exc_type, (KeyboardInterrupt, SystemExit)):
            previous(exc_type, exc, tb)
            return
        try:
            sentence = busy_or_user_error(exc)
            if sentence is not None:
                on_user_error(sentence.sentence)
                return
            try:
                path = write_crash_log(data_folder, exc_type, exc, tb, wall_clock())
            except OSError:
                path = None  # a full or read-only disk must not turn one crash into two
            logging.getLogger("workbench").error("unexpected %s (details in %s)", exc_type.__name__, path)
            on_crash(path)
        except Exception:  # the hook itself must never raise: fall back to printing, masked
            sys.stderr.write(mask_text("".join(traceback.format_exception(exc_type, exc, tb))))

    sys.excepthook = hook
    return previous


class MaskingFormatter(logging.Formatter):
    """Every log line, exception text included, passes through privacy.mask_text."""

    def format(self, record: logging.LogRecord) -> str:
        return mask_text(super().format(record))


def setup_app_log(data_folder: Path, level: int = logging.INFO) -> Path:
    """The app's log file (0600, masked). Idempotent."""
    path = log_folder(data_folder) / APP_LOG_NAME
    logger = logging.getLogger("workbench")
    for handler in list(logger.handlers):
        if getattr(handler, "_workbench_app_log", False):
            logger.removeHandler(handler)
            handler.close()
    if not path.exists():
        _append_private(path, "")
    handler = logging.FileHandler(path, encoding="utf-8")
    handler._workbench_app_log = True  # type: ignore[attr-defined]
    handler.setFormatter(MaskingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(level)
    make_private(path)
    return path
