"""The heavy modules start-up needs soon, imported without freezing the window (issue 18, point 3).

qtawesome (qtpy's star imports of QtCore/QtGui/QtWidgets), sqlite-utils (click, dateutil, numpy),
pyqtgraph and the pages' modules cost 0.5–1 s to import. Imported on the GUI thread just after the first
frame, they froze the window for that long. Now, after the first frame:

1. On the GUI thread, in slices of SLICE_MS: every class of the Qt modules they use is built (PySide
   builds a class and its enums when first touched). PySide's lazy building is not thread-safe: two
   threads building the same classes crash the process, so the GUI thread builds them all, a few at a
   time between events, and nothing else builds them. (qtpy's `from PySide6.QtWidgets import *` would
   also have built them all in one bytecode, holding the interpreter lock ~100 ms.)
2. On a pool thread (ui/common/operation.py, the one background helper): the modules are imported. The
   GUI thread takes the interpreter lock back at every switch interval when it has something to do.

Only one warm-up runs per process; a second window waits for the same one. The GUI thread must not
import these modules itself meanwhile (it would wait on the module's import lock): the window runs what
needs them when warm_up reports (main_window._after_warm_up).
"""
from __future__ import annotations

import importlib
import sys
import time
from typing import Callable

from PySide6.QtCore import QTimer
from shiboken6 import isValid

# The PySide modules the warmed-up modules use (qtpy.QtGui also star-imports QtOpenGL; pyqtgraph uses
# QtSvg, QtOpenGLWidgets and QtTest).
QT_MODULES = ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtOpenGL",
              "PySide6.QtOpenGLWidgets", "PySide6.QtSvg", "PySide6.QtTest")
SLICE_MS = 8  # classes built per turn of the event loop (one class, Qt's namespace, takes ~10 ms alone)
# While the pool thread imports, the GUI thread gets the interpreter lock back within 1 ms instead of 5:
# painting crosses from C++ into Python dozens of times a frame, and each crossing may wait for it.
SWITCH_INTERVAL = 0.001
# In the order start-up uses them: the rail icons, the capture parser, the database's sqlite-utils
# layer, the charts; then the pages' modules (main_window builds the pages after start-up).
HEAVY_MODULES = ("qtawesome", "workbench.tasks.capture", "sqlite_utils", "pyqtgraph")

_state: dict = {"done": False, "waiting": None}  # waiting: callbacks while a warm-up runs


def modules_to_warm() -> list[str]:
    from workbench.ui.shell.pages import PAGES

    return [*HEAVY_MODULES, *(spec.factory.split(":")[0] for spec in PAGES)]


def qt_class_names() -> list[tuple[str, str]]:
    names = []
    for module_name in QT_MODULES:
        module = importlib.import_module(module_name)
        names.extend((module_name, attr) for attr in dir(module) if not attr.startswith("_"))
    return names


def build_qt_classes(names: list[tuple[str, str]], budget_ms: float) -> list[tuple[str, str]]:
    """Touch classes until the budget is spent; returns those left."""
    deadline = time.perf_counter() + budget_ms / 1000
    while names and time.perf_counter() < deadline:
        module_name, attr = names.pop()
        getattr(sys.modules[module_name], attr, None)
    return names


def import_heavy_modules(_db=None) -> list[str]:
    """Runs on a pool thread, after build_qt_classes has built every class it will touch."""
    interval = sys.getswitchinterval()
    sys.setswitchinterval(SWITCH_INTERVAL)
    try:
        for name in modules_to_warm():
            importlib.import_module(name)
    finally:
        sys.setswitchinterval(interval)
    return modules_to_warm()


def warm_up(window, then: Callable[[], None]) -> None:
    """Build the Qt classes in slices, import the modules on a pool thread, then call `then` on the GUI
    thread (also if an import failed: the GUI thread's own import then says why, where it is used)."""
    if _state["done"]:
        QTimer.singleShot(0, window, then)
        return
    if _state["waiting"] is not None:
        _state["waiting"].append((window, then))
        return
    _state["waiting"] = [(window, then)]

    def finished(*_result) -> None:
        waiting, _state["waiting"] = _state["waiting"], None
        _state["done"] = True
        for waiter, callback in waiting:
            if isValid(waiter):  # (a window closed and deleted meanwhile has nothing left to start)
                callback()

    def build_slice(names: list[tuple[str, str]]) -> None:
        if build_qt_classes(names, SLICE_MS):
            QTimer.singleShot(0, lambda: build_slice(names))
            return
        from workbench.ui.common.operation import run_operation

        # (not owned by the window: a second window waits for this one, which may close first)
        run_operation(window.ctx.db_path, import_heavy_modules, done=finished, failed=finished, readonly=True)

    build_slice(qt_class_names())
