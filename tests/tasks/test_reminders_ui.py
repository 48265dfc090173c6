"""Reminders on screen, driven by the app's one clock (ctx.clock) on a real database file."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt

from workbench import stored_settings
from workbench.tasks import reminders
from workbench.tasks.repository import create_task, get_task

MORNING = datetime(2026, 11, 25, 9, 0)
AT_THREE = datetime(2026, 11, 25, 15, 0)


def _watcher(ctx):
    from workbench.ui.tasks.reminder_popup import ReminderWatcher

    watcher = ReminderWatcher(ctx)
    watcher._first = False  # as after start-up: what comes due now is not "missed"
    return watcher


def _shown_titles(watcher) -> list[str]:
    window = watcher._window
    if window is None or not window.isVisible():
        return []
    return [row.title.text() for row in window.rows]


def test_the_reminder_window_pops_up_at_the_due_time_and_not_before(ctx, qtbot):
    create_task(ctx.db, "回电 王芳", due="2026-11-25T15:00", now=MORNING)
    watcher = _watcher(ctx)
    ctx.clock = lambda: datetime(2026, 11, 25, 14, 59, 30)
    watcher.check()
    assert _shown_titles(watcher) == []
    ctx.clock = lambda: AT_THREE
    watcher.check()
    assert _shown_titles(watcher) == ["回电 王芳"]
    window = watcher.window
    assert window.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert window.heading.text() == "提醒 (1)"
    row = window.rows[0]
    assert [row.done_button.text(), row.snooze_button.text(), row.open_button.text()] == ["完成", "稍后提醒", "打开"]
    assert [a.text() for a in row.snooze_button.menu().actions()] == ["10 分钟后", "1 小时后", "明天上午"]
    watcher.check()  # the next tick: shown once
    assert len(window.rows) == 1


def test_done_in_the_reminder_completes_the_task_and_ctrl_z_reopens_it(ctx, qtbot):
    task_id = create_task(ctx.db, "回电 王芳", due="2026-11-25T15:00", now=MORNING)
    watcher = _watcher(ctx)
    ctx.clock = lambda: AT_THREE
    watcher.check()
    qtbot.mouseClick(watcher.window.rows[0].done_button, Qt.MouseButton.LeftButton)
    assert get_task(ctx.db, task_id).status == "done"
    assert not watcher.window.isVisible()
    ctx.undo_stack.undo()
    assert get_task(ctx.db, task_id).status == "open"


def test_snooze_in_the_reminder_brings_it_back_ten_minutes_later(ctx, qtbot):
    create_task(ctx.db, "回电 王芳", due="2026-11-25T15:00", now=MORNING)
    watcher = _watcher(ctx)
    ctx.clock = lambda: AT_THREE
    watcher.check()
    watcher.window.rows[0].snooze_actions["10m"].trigger()
    assert not watcher.window.isVisible()
    ctx.clock = lambda: datetime(2026, 11, 25, 15, 9)
    watcher.check()
    assert _shown_titles(watcher) == []
    ctx.clock = lambda: datetime(2026, 11, 25, 15, 10)
    watcher.check()
    assert _shown_titles(watcher) == ["回电 王芳"]


def test_open_in_the_reminder_shows_the_task_in_the_matrix(main_window, ctx, qtbot):
    task_id = create_task(ctx.db, "回电 王芳", due="2026-11-25T15:00", now=MORNING)
    main_window.show_area("contacts")
    watcher = _watcher(ctx)
    ctx.clock = lambda: AT_THREE
    watcher.check()
    qtbot.mouseClick(watcher.window.rows[0].open_button, Qt.MouseButton.LeftButton)
    assert main_window.current_area() == "tasks"
    page = main_window.pages["tasks"]
    qtbot.waitUntil(lambda: any(panel.list.current_task_id() == task_id and panel.list.hasFocus()
                                   for panel in page.panels.values()))


def test_quiet_hours_hold_the_reminder_until_they_end(ctx, qtbot):
    create_task(ctx.db, "晚上回电", due="2026-11-25T22:30", now=MORNING)
    stored_settings.put(ctx.db, {stored_settings.REMINDER_QUIET_HOURS: {"start": "22:00", "end": "08:00"}})
    watcher = _watcher(ctx)
    ctx.clock = lambda: datetime(2026, 11, 25, 22, 30)
    watcher.check()
    assert _shown_titles(watcher) == []
    ctx.clock = lambda: datetime(2026, 11, 26, 8, 0)
    watcher.check()
    assert _shown_titles(watcher) == ["晚上回电"]


def test_missed_reminders_show_once_grouped_at_start_and_not_after_a_restart(ctx, qtbot, db_path):
    from workbench.app import build_context
    from workbench.store import open_database
    from workbench.ui.shell.main_window import MainWindow

    create_task(ctx.db, "上午回电", due="2026-11-25T08:00", now=MORNING)
    create_task(ctx.db, "早会", due="2026-11-25T09:00", now=MORNING)
    create_task(ctx.db, "下午回电", due="2026-11-25T15:00", now=MORNING)  # not yet: ctx runs at 09:30
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.reminders is not None)
    popup = window.reminders.window
    assert popup.isVisible()
    assert popup.heading.text() == "错过的提醒 (2)"
    assert [row.title.text() for row in popup.rows] == ["上午回电", "早会"]
    assert [row.when.text() for row in popup.rows] == ["08:00", "09:00"]
    assert window.reminders.timer.isActive()

    db = open_database(db_path)  # the next start: a new context on the same file
    try:
        again = build_context(db_path, db)
        again.clock = ctx.clock
        from PySide6.QtCore import QObject

        from workbench.ui.tasks.reminder_popup import start_reminders

        owner = QObject()
        watcher = start_reminders(again, owner)
        assert watcher._window is None, "what was shown once is not shown again"
        again.clock = lambda: AT_THREE
        assert [r.title for r in watcher.check()] == ["下午回电"]
        watcher.window.close()
        owner.deleteLater()
    finally:
        db.close()


def test_settings_store_the_lead_time_and_quiet_hours(main_window, ctx, qtbot):
    from PySide6.QtCore import QTime

    main_window.show_settings()
    dialog = main_window.settings_dialog
    dialog.show_section(dialog.sections.count() - 1)
    assert dialog.sections.currentItem().text() == "提醒"
    dialog.reminder_lead.setCurrentIndex(dialog.reminder_lead.findData(15))
    assert dialog.reminder_lead.currentText() == "提前 15 分钟"
    dialog.quiet_enabled.setChecked(True)
    dialog.quiet_start.setTime(QTime(21, 30))
    dialog.save()
    assert reminders.lead_minutes(ctx.db) == 15
    assert stored_settings.get(ctx.db, stored_settings.REMINDER_QUIET_HOURS) == {"start": "21:30", "end": "08:00"}


def test_the_task_dialog_turns_a_tasks_reminder_off(ctx, qtbot):
    from workbench.ui.tasks.task_dialog import TaskDialog

    task_id = create_task(ctx.db, "回电 王芳", due="2026-11-25T15:00", now=MORNING)
    dialog = TaskDialog(ctx, get_task(ctx.db, task_id))
    qtbot.addWidget(dialog)
    assert dialog.remind.isChecked() and dialog.remind.text() == "到时提醒我"
    dialog.remind.setChecked(False)
    dialog.accept()
    assert reminders.is_muted(ctx.db, task_id)
    assert reminders.due_reminders(ctx.db, AT_THREE) == []


def test_a_reminder_missed_on_another_day_shows_its_date(ctx, qtbot):
    from workbench.ui.tasks.reminder_popup import ReminderWatcher

    create_task(ctx.db, "昨晚的回电", due="2026-11-24T20:00", now=MORNING)
    watcher = ReminderWatcher(ctx)
    watcher.check()
    assert [(row.when.text(), row.title.text()) for row in watcher.window.rows] == [("11-24 20:00", "昨晚的回电")]


def test_a_long_list_of_missed_reminders_shows_eight_rows_and_the_rest_move_up(ctx, qtbot):
    from workbench.ui.tasks.reminder_popup import ReminderWatcher

    for minute in range(10):
        create_task(ctx.db, f"回电 {minute}", due=f"2026-11-25T08:{minute:02d}", now=MORNING)
    watcher = ReminderWatcher(ctx)
    watcher.check()  # the first look after start-up
    window = watcher.window
    assert window.heading.text() == "错过的提醒 (10)"
    assert len(window.rows) == 8 and window.more.text() == "… 还有 2 个"
    qtbot.mouseClick(window.rows[0].done_button, Qt.MouseButton.LeftButton)
    assert [row.title.text() for row in window.rows][-1] == "回电 8"
    assert window.heading.text() == "错过的提醒 (9)" and window.more.text() == "… 还有 1 个"


def test_a_phone_number_in_a_title_is_masked_in_the_reminder(ctx, qtbot):
    create_task(ctx.db, "回电 13812345678", due="2026-11-25T15:00", now=MORNING)
    watcher = _watcher(ctx)
    ctx.clock = lambda: AT_THREE
    watcher.check()
    assert _shown_titles(watcher) == ["回电 138****5678"]
