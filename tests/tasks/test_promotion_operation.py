"""Due-soon promotion is an operation of its own (ui/tasks/promotion.py): the matrix's refresh only
reads; the promotion runs after the first frame, on each new day and when the promote-days setting
changes, and says Changes(tasks=True) once, only when it promoted something."""
from __future__ import annotations

from datetime import datetime

from workbench import stored_settings
from workbench.tasks import repository as repo
from workbench.ui.common.changes import Changes
from workbench.ui.tasks import promotion

NOW = datetime(2026, 11, 25, 9, 30)


def test_refreshing_the_matrix_reads_and_never_promotes(main_window, ctx):
    ctx.clock = lambda: NOW
    task_id = repo.create_task(ctx.db, "月底对账", important=True, due="2026-11-27", now=NOW)
    changed = []
    ctx.events.changed.connect(changed.append)
    main_window.show_area("tasks")
    main_window.pages["tasks"].refresh()
    assert repo.get_task(ctx.db, task_id).quadrant == "q2" and changed == []
    assert promotion.promote_now(ctx)[0].id == task_id
    assert repo.get_task(ctx.db, task_id).quadrant == "q1"
    assert task_id in main_window.pages["tasks"].panels["q1"].list.task_ids()
    assert changed == [Changes(tasks=True)]
    assert promotion.promote_now(ctx) == [] and changed == [Changes(tasks=True)]  # nothing new: silent


def test_the_day_tick_promotes_once_the_day_has_changed(main_window, ctx):
    ctx.clock = lambda: NOW
    later = repo.create_task(ctx.db, "下周一交报表", important=True, due="2026-11-30", now=NOW)
    tick = promotion.install(main_window)  # what app.py runs after the first frame
    assert repo.get_task(ctx.db, later).quadrant == "q2"  # due in five days
    assert tick.timer.isActive() and tick.timer.interval() == promotion.HOUR_MS  # 14.5 hours to midnight
    ctx.clock = lambda: datetime(2026, 11, 25, 23, 59)
    tick.tick()
    assert repo.get_task(ctx.db, later).quadrant == "q2"  # the same day
    ctx.clock = lambda: datetime(2026, 11, 28, 8, 0)
    tick.tick()
    assert repo.get_task(ctx.db, later).quadrant == "q1"  # due in two days now
    assert promotion.ms_to_next_day(datetime(2026, 11, 28, 23, 59, 30)) == 31_000


def test_changing_the_promote_days_promotes_at_once(ctx, qtbot):
    from workbench.ui.tasks.matrix_page import MatrixPage

    ctx.clock = lambda: NOW
    task_id = repo.create_task(ctx.db, "下周一交报表", important=True, due="2026-11-30", now=NOW)
    page = MatrixPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    assert repo.get_task(ctx.db, task_id).quadrant == "q2"
    page._set_promote_days(5)  # the matrix's ⚙ menu
    assert stored_settings.get(ctx.db, stored_settings.PROMOTE_DAYS) == 5
    assert repo.get_task(ctx.db, task_id).quadrant == "q1"
    assert task_id in page.panels["q1"].list.task_ids()
