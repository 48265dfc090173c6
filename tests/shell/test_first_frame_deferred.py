"""Start-up work that waits for the first frame (issue 3's window-open budget) still happens."""
from __future__ import annotations
from tests.conftest import PINNED_NOW


def _drawn_pixels(icon) -> int:
    image = icon.pixmap(24, 24).toImage()
    return sum(1 for x in range(image.width()) for y in range(image.height()) if image.pixelColor(x, y).alpha() > 0)


def test_rail_icons_arrive_after_the_first_frame(ctx, qtbot):
    from workbench.ui.shell.main_window import MainWindow
    from workbench.ui.shell.pages import PAGES

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert all(_drawn_pixels(window.rail.item(row).icon()) == 0 for row in range(len(PAGES))), \
        "before the first frame the rail keeps empty icon places"
    window.show()
    qtbot.waitUntil(lambda: all(_drawn_pixels(window.rail.item(row).icon()) > 0 for row in range(len(PAGES))))
    assert window.rail.titles()[0] in {"Inbox", "收件箱"}
    assert window.windowIcon().availableSizes(), "the window icon comes with them"


def test_a_language_switch_keeps_the_rail_icons(main_window, qtbot):
    qtbot.waitUntil(lambda: _drawn_pixels(main_window.rail.item(0).icon()) > 0)
    main_window.set_language("en")
    assert _drawn_pixels(main_window.rail.item(0).icon()) > 0


def test_garbage_collection_waits_for_the_first_turn_of_the_event_loop():
    import subprocess
    import sys

    code = ("import gc; from workbench.app import create_application; app = create_application(); "
            "print(gc.isenabled()); app.processEvents(); print(gc.isenabled())")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                            env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.stdout.split() == ["False", "True"], result.stderr


FIRST_FRAME_PROBE = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication

def first_frame_then_report(app):
    app.processEvents()
    import PySide6.QtGui as gui
    import PySide6.QtWidgets as widgets
    built = set(vars(widgets)) | set(vars(gui))  # PySide builds a class (and its Python enums) when first touched
    print(" ".join(sorted(name for name in WATCHED if name in built or name in sys.modules)))
    return 0

WATCHED = {"QStyle", "QIcon", "QMessageBox", "QFileDialog", "QSpinBox", "sqlite_utils", "hashlib", "pyqtgraph",
           "openpyxl", "workbench.ui.shell.startup_checks"}
QApplication.exec = first_frame_then_report
from workbench.app import run_gui
run_gui(Path(sys.argv[1]), "zh_CN")
"""


def test_the_first_frame_builds_no_qt_class_or_module_it_does_not_show(db, db_path):
    """What issue 3's window-open budget keeps out of start-up: each of these costs milliseconds (QStyle
    ~6 ms of Python enums, QIcon ~2 ms, sqlite-utils ~55 ms, hashlib's OpenSSL ~3 ms) and none is needed
    for the first screen."""
    import os
    import subprocess
    import sys

    from workbench.tasks.repository import create_task

    create_task(db, "回访 王芳", important=True, urgent=True, now=PINNED_NOW)
    db.close()
    result = subprocess.run([sys.executable, "-c", FIRST_FRAME_PROBE, str(db_path)], capture_output=True, text=True,
                            timeout=60, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [], f"built before the first frame: {result.stdout}"


SAME_PIXELS_PROBE = """
import sys
from pathlib import Path
from workbench.app import build_context, create_application, prepare_ui
from workbench.store import open_database
from workbench.ui.common.theme import apply_stylesheet

app = create_application()
ctx = build_context(Path(sys.argv[1]), open_database(Path(sys.argv[1])))
ctx.settings.setValue("ui/last_page", "tasks")
prepare_ui(app, ctx.settings, "zh_CN", with_stylesheet=False)
from workbench.ui.shell.main_window import MainWindow

def shown(window):
    window.resize(1200, 800)
    window.show()
    for _ in range(20):  # the first frame, then the today strip and summary that follow it
        app.processEvents()
    return window.grab().toImage()

late = MainWindow(ctx)
apply_stylesheet(app)  # as run_gui: over the built window
late_pixels = shown(late)
late.close()
under_pixels = shown(MainWindow(ctx))  # built under the stylesheet, as before
print("stylesheet" if app.styleSheet() else "none", "same" if late_pixels == under_pixels else "different")
"""


def test_the_stylesheet_set_over_the_built_window_gives_the_same_pixels(db, db_path):
    """run_gui builds the window first and sets the app stylesheet just before showing it (faster): the
    window must look exactly as one built under the stylesheet. (In a process of its own: clearing the
    stylesheet of a running app to compare, as a test in this process would, crashes Qt 6.11 now and then
    at the next setStyleSheet; the app itself never clears it.)"""
    import os
    import subprocess
    import sys

    from workbench.tasks.repository import create_task

    for title in ("回访 王芳 提现失败", "整理周报", "清理旧的微信群"):
        create_task(db, title, important=True, urgent=title != "清理旧的微信群", now=PINNED_NOW)
    db.close()
    result = subprocess.run([sys.executable, "-c", SAME_PIXELS_PROBE, str(db_path)], capture_output=True,
                            text=True, timeout=60, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["stylesheet", "same"]


HEAVY_IMPORTS_PROBE = """
import sys, threading, time
from pathlib import Path

HEAVY = {"qtawesome", "qtpy", "sqlite_utils", "numpy", "pyqtgraph", "click", "dateutil"}
on_gui_thread = set()

class Watch:  # records who imports a heavy package; finds nothing itself
    def find_spec(self, name, path=None, target=None):
        if name in HEAVY and threading.current_thread() is threading.main_thread():
            on_gui_thread.add(name)
        return None

sys.meta_path.insert(0, Watch())
from PySide6.QtWidgets import QApplication

def until_started(app):
    app.processEvents()
    print("first-frame:", *sorted(HEAVY & set(sys.modules)))
    window = next(w for w in app.topLevelWidgets() if type(w).__name__ == "MainWindow")
    started = []
    window.first_frame_shown.connect(lambda: started.append(True))
    deadline = time.monotonic() + 60
    while not started and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.005)
    print("started:", *sorted(HEAVY & set(sys.modules)))
    print("gui-thread:", *sorted(on_gui_thread))
    return 0

QApplication.exec = until_started
from workbench.app import run_gui
run_gui(Path(sys.argv[1]), "zh_CN")
"""


def test_the_heavy_modules_load_after_the_first_frame_and_off_the_gui_thread(db, db_path):
    """qtawesome/qtpy, sqlite-utils (numpy, click, dateutil) and pyqtgraph took 0.3–0.6 s of the GUI
    thread just after the first frame (issue 18, point 3): none is loaded for the first frame, all are
    loaded by the end of start-up (ui/shell/warm_up.py), and the GUI thread imported none of them."""
    import os
    import subprocess
    import sys

    from workbench.tasks.repository import create_task

    create_task(db, "回访 王芳", important=True, urgent=True, now=PINNED_NOW)
    db.close()
    result = subprocess.run([sys.executable, "-c", HEAVY_IMPORTS_PROBE, str(db_path)], capture_output=True,
                            text=True, timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    lines = dict(line.split(":", 1) for line in result.stdout.splitlines() if ":" in line)
    assert lines["first-frame"].split() == [], f"loaded before the first frame: {lines['first-frame']}"
    assert lines["started"].split() == sorted(["qtawesome", "qtpy", "sqlite_utils", "numpy", "pyqtgraph", "click",
                                               "dateutil"]), "start-up loads them before a click needs them"
    assert lines["gui-thread"].split() == [], f"imported on the GUI thread: {lines['gui-thread']}"


WINDOW_COMMAND_PROBE = """
import sys
import workbench.app
workbench.app.run_gui = lambda path, lang=None: print("window", path, lang) or 0
from workbench.cli import main
status = main(sys.argv[1:])
print("commands:", *sorted(name for name in sys.modules if name.endswith(".commands") or name.endswith("_commands")))
sys.exit(status)
"""


def test_the_window_command_line_is_read_without_the_subcommands(tmp_path):
    """`workbench --db X` (the window) is parsed without building the subcommands' parsers, which import
    every feature's commands module (~25 ms before the first frame); the same arguments mean the same."""
    import os
    import subprocess
    import sys

    db = tmp_path / "wb.db"

    def run(*args: str) -> list[str]:
        result = subprocess.run([sys.executable, "-c", WINDOW_COMMAND_PROBE, *args], capture_output=True, text=True,
                                timeout=60, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        return [result.returncode, *result.stdout.splitlines(), result.stderr.strip()]

    assert run("--db", str(db), "--lang", "en") == [0, f"window {db} en", "commands:", ""]
    assert run("--lang=zh_CN", "--now", "2026-11-25T09:30", "--db", str(db)) == [0, f"window {db} zh_CN", "commands:", ""]
    status, *_, error = run("--db", str(db), "--lang", "fr")  # the full parser says what is wrong
    assert status == 2 and "fr" in error and "\n" not in error
    status, *_, error = run("--db", str(db), "--now", "yesterday")
    assert status == 2 and "ISO" in error
    status, *lines, _ = run("--db", str(db), "check", "--json")
    assert status == 0 and "workbench.tasks.commands" in lines[-1]  # a subcommand: the full parser
