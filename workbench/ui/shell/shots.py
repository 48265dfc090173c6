"""`workbench shots`: every screen rendered offscreen to PNG at 1440×900 (or --size 1280x800), with demo data."""
from __future__ import annotations

import os
import tempfile
from datetime import datetime
from pathlib import Path

SHOT_SIZE = (1440, 900)


def render_shots(out: Path, now: datetime, lang: str = "zh_CN", db_path: Path | None = None,
                 size: tuple[int, int] = SHOT_SIZE) -> list[Path]:
    """The demo data is written for `now`'s day and the window's clock stands at `now` (--now), so the
    pictures say 今天 of the day the data was made for."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    from workbench.app import build_context, create_application, prepare_ui
    from workbench.demo import fill_demo
    from workbench.store import open_database

    out.mkdir(parents=True, exist_ok=True)
    app = create_application()
    with tempfile.TemporaryDirectory() as scratch:
        # A throw-away settings file, so shots neither read nor change the operator's own settings.
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, scratch)
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        if db_path is None:
            db_path = Path(scratch) / "demo.db"
            db = open_database(db_path)
            fill_demo(db, today=now.date())
        else:
            db = open_database(db_path)
        try:
            ctx = build_context(db_path, db)
            ctx.clock = lambda: now
            prepare_ui(app, ctx.settings, lang)
            return _render_pages(app, ctx, out, size)
        finally:
            db.close()


def _render_pages(app, ctx, out: Path, size: tuple[int, int] = SHOT_SIZE) -> list[Path]:
    from workbench.ui.shell.main_window import MainWindow
    from workbench.ui.shell.pages import PAGES

    window = MainWindow(ctx)
    window.resize(*size)
    shown = []
    window.first_frame_shown.connect(lambda: shown.append(True))
    window.show()
    _pump_until(app, lambda: shown, seconds=20)  # the icons and the rest of start-up, as the operator sees it
    written: list[Path] = []
    for number, spec in enumerate(PAGES, start=1):
        window.show_area(spec.key)
        written.append(_grab(app, window, out / f"{number:02d}-{spec.key}.png"))
        page = window.page(spec.key)
        for suffix, enter_state in page.screenshot_states():
            enter_state()
            written.append(_grab(app, window, out / f"{number:02d}-{spec.key}-{suffix}.png"))
        window.show_area(spec.key)
    written += _render_shell_screens(app, window, out, len(PAGES))
    window.close()
    return written


def _pump_until(app, done, seconds: float) -> None:
    import time

    deadline = time.monotonic() + seconds
    while not done() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.005)


def _settle(app) -> None:
    """Let the page's background reads report and posted work run (a label's text set on the next turn,
    then its layout) before a picture."""
    import time

    from workbench.ui.common.operation import running_operations

    _pump_until(app, lambda: running_operations() == 0, seconds=10)
    end = time.monotonic() + 0.1
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.005)


def _render_shell_screens(app, window, out: Path, last_number: int) -> list[Path]:
    """The welcome page, the help and settings dialogs, and the inbox in the dark scheme."""
    from workbench.ui.common import theme

    written = []
    window.show_welcome()
    written.append(_grab(app, window, out / "00-welcome.png"))
    window.show_area("tasks")
    tasks = window.page("tasks")
    if hasattr(tasks, "show_matrix"):
        tasks.show_matrix()  # its extra states may have left it on another view
    window.show_help()
    written.append(_grab_dialog(app, window, window.help_dialog, out / f"{last_number + 1:02d}-help.png"))
    window.help_dialog.close()
    window.show_settings()
    written.append(_grab_dialog(app, window, window.settings_dialog, out / f"{last_number + 2:02d}-settings.png"))
    window.settings_dialog.show_section(4)
    written.append(_grab_dialog(app, window, window.settings_dialog, out / f"{last_number + 2:02d}-settings-privacy.png"))
    window.settings_dialog.reject()
    theme.reapply_scheme(app, force=theme.DARK)
    try:
        from workbench.ui.shell.pages import PAGES

        _pump_until(app, lambda: len(window.pages) == len(PAGES), seconds=20)  # rebuilt, badges back
        written.append(_grab(app, window, out / f"{last_number + 3:02d}-dark.png"))
        window.show_area("dashboard")
        written.append(_grab(app, window, out / f"{last_number + 3:02d}-dark-dashboard.png"))
    finally:
        theme.follow_system_scheme(app)
    return written


def _grab_dialog(app, window, dialog, path: Path) -> Path:
    """The window dimmed, with the dialog drawn in its middle: one 1440×900 picture like the others."""
    from PySide6.QtGui import QColor, QPainter

    _settle(app)
    picture = window.grab()
    shot = dialog.grab()
    painter = QPainter(picture)
    painter.fillRect(picture.rect(), QColor(0, 0, 0, 90))
    painter.drawPixmap((picture.width() - shot.width()) // 2, (picture.height() - shot.height()) // 2, shot)
    painter.end()
    picture.save(str(path))
    return path


def _grab(app, window, path: Path) -> Path:
    import sys

    from workbench.ui.common.clipping import clipped_texts

    _settle(app)
    window.grab().save(str(path))
    for line in clipped_texts(window):  # what the no-clipped-labels test would fail on
        print(f"{path.name}: cut off: {line}", file=sys.stderr)
    return path
