"""The tasks table and repository: what other features call, and what the matrix reads."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from workbench.errors import UserError
from workbench.tasks import repository as repo

NOW = datetime(2026, 11, 25, 9, 30)


def test_create_task_defaults_to_inbox_unless_flagged(db):
    inbox_id = repo.create_task(db, "回访 王芳", now=NOW)
    q1_id = repo.create_task(db, "处理红色预警", important=True, urgent=True, alert_id=7, now=NOW)
    forced = repo.create_task(db, "整理 SOP", triaged=True, now=NOW)
    assert repo.get_task(db, inbox_id).quadrant == "inbox"
    q1 = repo.get_task(db, q1_id)
    assert (q1.quadrant, q1.alert_id, q1.links) == ("q1", 7, {"alert": 7})
    assert repo.get_task(db, forced).quadrant == "q4"
    assert repo.open_counts(db) == {"inbox": 1, "q1": 1, "q2": 0, "q3": 0, "q4": 1}


def test_create_task_rejects_empty_title_and_bad_due_without_writing(db):
    with pytest.raises(UserError):
        repo.create_task(db, "   ", now=NOW)
    with pytest.raises(UserError):
        repo.create_task(db, "x", due="2026-02-30", now=NOW)
    assert db.execute("SELECT count(*) FROM tasks").fetchone()[0] == 0


def test_move_within_and_between_quadrants_orders_by_position(db):
    a = repo.create_task(db, "a", important=True, now=NOW)
    repo.create_task(db, "b", important=True, now=NOW)
    c = repo.create_task(db, "c", important=True, now=NOW)
    repo.move_task(db, c, "q2", before_id=a, now=NOW)
    assert [t.title for t in repo.list_quadrant(db, "q2")] == ["c", "a", "b"]
    repo.move_task(db, a, "q1", now=NOW)
    assert [t.title for t in repo.list_quadrant(db, "q1")] == ["a"]
    assert [t.title for t in repo.list_quadrant(db, "q2")] == ["c", "b"]


def test_completing_a_recurring_task_creates_the_next_occurrence(db):
    task_id = repo.create_task(db, "周报", important=True, due="2026-11-27", recurrence="FREQ=WEEKLY;BYDAY=FR", now=NOW)
    new_id = repo.complete_task(db, task_id, now=NOW)
    done, following = repo.get_task(db, task_id), repo.get_task(db, new_id)
    assert (done.status, done.done_at) == ("done", "2026-11-25T09:30:00")
    assert (following.status, following.due, following.recurrence, following.quadrant) == (
        "open", "2026-12-04", "FREQ=WEEKLY;BYDAY=FR", "q2")


def test_promotion_moves_due_soon_important_tasks_to_q1(db):
    soon = repo.create_task(db, "月底对账", important=True, due="2026-11-27", now=NOW)
    later = repo.create_task(db, "设计预警规则", important=True, due="2026-12-10", now=NOW)
    promoted = repo.promote_due_soon(db, date(2026, 11, 25), within_days=2)
    assert [t.id for t in promoted] == [soon]
    assert repo.get_task(db, soon).quadrant == "q1"
    assert repo.get_task(db, later).quadrant == "q2"
    assert [t.id for t in repo.promoted_on(db, date(2026, 11, 25))] == [soon]


def test_delete_and_insert_row_restores_the_same_task(db):
    task_id = repo.create_task(db, "清理旧的微信群", tags=["整理"], now=NOW)
    row = repo.delete_task(db, task_id)
    assert repo.get_task(db, task_id) is None
    repo.insert_row(db, row)
    assert repo.get_task(db, task_id).tags == ["整理"]


def test_done_and_dropped_stay_searchable_with_times(db):
    a = repo.create_task(db, "回复渠道经理邮件", urgent=True, now=NOW)
    b = repo.create_task(db, "清理旧群", now=NOW)
    repo.complete_task(db, a, now=NOW)
    repo.drop_task(db, b, now=datetime(2026, 11, 25, 10, 0))
    assert [t.title for t in repo.search_closed(db, "邮件")] == ["回复渠道经理邮件"]
    assert [t.status for t in repo.search_closed(db)] == ["dropped", "done"]
    assert repo.done_counts_by_quadrant(db, date(2026, 11, 23), date(2026, 11, 29))["q3"] == 1
