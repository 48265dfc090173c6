"""A task captured by another process (`workbench capture`, the README's OS-hotkey route) appears in the
open window, badges included, without switching pages."""
from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import PINNED_NOW


def _capture_in_another_process(db_path, text: str) -> None:
    env = {key: value for key, value in os.environ.items() if key != "WORKBENCH_DB"}
    result = subprocess.run([sys.executable, "-m", "workbench", "--db", str(db_path), "--now",
                             PINNED_NOW.isoformat(), "capture", text],
                            capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr


def _inbox_titles(window) -> list[str]:
    from workbench.tasks.model import INBOX

    inbox = window.pages["tasks"].panels[INBOX].list
    inbox.finish_fill()
    return [inbox.item(row).text() for row in range(inbox.count())]


def _tasks_badge(window) -> str:
    from workbench.ui.shell.nav_rail import BADGE_ROLE

    return window.rail.item(0).data(BADGE_ROLE) or ""


def test_a_capture_from_another_process_shows_in_the_inbox_and_the_badge(main_window, db_path, qtbot):
    qtbot.waitUntil(lambda: main_window.outside_changes is not None)
    assert main_window.current_area() == "tasks"
    assert _tasks_badge(main_window) == ""
    _capture_in_another_process(db_path, "回电 王芳 #召回")
    qtbot.waitUntil(lambda: any("回电 王芳" in title for title in _inbox_titles(main_window)), timeout=5000)
    assert _tasks_badge(main_window) == "1"
    assert main_window.current_area() == "tasks", "no page switch was needed"


def test_on_another_page_the_inbox_badge_counts_the_outside_captures(main_window, db_path, qtbot):
    from workbench.ui.shell.pages import PAGES

    qtbot.waitUntil(lambda: main_window.outside_changes is not None)
    main_window.show_area("contacts")
    qtbot.waitUntil(lambda: len(main_window.pages) == len(PAGES))  # start-up's own badge count is over
    qtbot.wait(100)
    _capture_in_another_process(db_path, "整理周报")
    _capture_in_another_process(db_path, "复盘活动")
    qtbot.waitUntil(lambda: _tasks_badge(main_window) == "2", timeout=5000)
    assert main_window.current_area() == "contacts"


def test_the_windows_own_writes_do_not_count_as_outside_changes(main_window, qtbot):
    from workbench.tasks.repository import create_task

    qtbot.waitUntil(lambda: main_window.outside_changes is not None)
    create_task(main_window.ctx.db, "自己写的", now=PINNED_NOW)
    assert main_window.outside_changes.check() is False


def test_a_long_write_elsewhere_reloads_at_its_start_and_once_it_settles(ctx, db_path):
    import sqlite3

    from workbench.ui.shell.outside_changes import OutsideChangeWatcher

    from workbench.ui.common.changes import Changes

    announced: list = []
    ctx.events.changed.connect(announced.append)
    watcher = OutsideChangeWatcher(ctx)
    other = sqlite3.connect(db_path)  # a second connection: what a worker thread or a script holds
    try:
        ticks = []
        for second in range(5):  # five ticks, each after another commit elsewhere
            other.execute("INSERT INTO tasks (title, created_at) VALUES (?, '2026-11-25T09:30:00')", [f"导入 {second}"])
            other.commit()
            ticks.append(watcher.check())
        ticks.append(watcher.check())  # the writes are over
        ticks.append(watcher.check())
    finally:
        other.close()
    assert ticks == [True, False, False, False, False, True, False]
    assert announced == [Changes.everything(outside=True)] * 2
