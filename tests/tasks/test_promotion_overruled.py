"""Auto-promotion can be overruled: a promoted task moved back to 重要不紧急 stays there for that due date,
and is promoted again only when its due date changes (issue 18 part 4)."""
from __future__ import annotations

from datetime import date, datetime

from workbench.tasks import repository as repo
from workbench.ui.common.changes import Changes
from workbench.ui.tasks.promotion import promote_now

NOW = datetime(2026, 11, 25, 9, 30)
TODAY = NOW.date()


def test_moving_a_promoted_task_back_sticks_for_that_due_date(db):
    task_id = repo.create_task(db, "月底对账", important=True, due="2026-11-27", now=NOW)
    assert [t.id for t in repo.promote_due_soon(db, TODAY)] == [task_id]
    repo.move_task(db, task_id, "q2", now=NOW)
    assert repo.promote_due_soon(db, TODAY) == []
    assert repo.promote_due_soon(db, date(2026, 11, 26)) == []  # the next morning too
    assert repo.get_task(db, task_id).quadrant == "q2"


def test_a_new_due_date_is_promoted_again(db):
    task_id = repo.create_task(db, "月底对账", important=True, due="2026-11-27", now=NOW)
    repo.promote_due_soon(db, TODAY)
    repo.move_task(db, task_id, "q2", now=NOW)
    repo.update_task(db, task_id, due="2026-11-26")
    assert [t.id for t in repo.promote_due_soon(db, TODAY)] == [task_id]


def test_other_tasks_are_still_promoted(db):
    kept = repo.create_task(db, "月底对账", important=True, due="2026-11-27", now=NOW)
    other = repo.create_task(db, "续签合同", important=True, due="2026-11-27", now=NOW)
    repo.move_task(db, kept, "q2", now=NOW)
    assert [t.id for t in repo.promote_due_soon(db, TODAY)] == [other]


def test_in_the_matrix_the_move_back_survives_a_refresh(main_window, ctx, qtbot):
    task_id = repo.create_task(ctx.db, "月底对账", important=True, due="2026-11-27", now=NOW)
    main_window.show_area("tasks")
    page = main_window.pages["tasks"]
    promote_now(ctx)  # the promotion runs as its own operation (after the first frame, each new day)
    assert task_id in page.panels["q1"].list.task_ids()  # promoted: due in two days
    page.move(task_id, "q2")
    page.refresh()
    promote_now(ctx)  # the next day's promotion leaves it where it was put
    ctx.events.changed.emit(Changes(tasks=True))
    assert task_id in page.panels["q2"].list.task_ids()
    assert task_id not in page.panels["q1"].list.task_ids()
    page.ctx.undo_stack.undo()  # undo puts it back where it was
    assert repo.get_task(ctx.db, task_id).quadrant == "q1"
