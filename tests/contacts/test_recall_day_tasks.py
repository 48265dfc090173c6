"""A recall sequence puts one task per due day into the matrix, counting its queue (not one per user)."""
from datetime import datetime

import pytest

from workbench.contacts.contact_log import capture_undo_state, log_contact, undo_log
from workbench.contacts.sequences import (Step, create_sequence, recall_queue, start_sequence, stop_enrolment,
                                          sync_queue_tasks)
from workbench.contacts.users import create_user
from workbench.tasks.repository import complete_task, get_task, list_all, open_counts

NOW = datetime(2026, 11, 25, 9, 0)
NAME = "流失用户召回（11月）"


def day_tasks(db, sequence):
    """(title, due, status, urgent) of the sequence's tasks, oldest first."""
    return db.execute("SELECT title, due, status, urgent FROM tasks WHERE sequence_id = ? ORDER BY id",
                      [sequence]).fetchall()


@pytest.fixture
def recall(db):
    """200 churned users enrolled this morning in a three-touch sequence."""
    users = [create_user(db, name=f"用户{i}", stage="流失", now=NOW) for i in range(200)]
    sequence = create_sequence(db, NAME, [Step(1, 0, 10, "电话", "电话召回"), Step(2, 1, 10, "微信", "次日微信关怀+优惠券"),
                                          Step(3, 3, 10, "短信", "3天后短信提醒")], now=NOW)
    start_sequence(db, sequence, users, now=NOW)
    return sequence, users


def test_two_hundred_enrolments_make_one_task(db, recall):
    sequence, _users = recall
    assert day_tasks(db, sequence) == [(f"{NAME}：200 人待联系（电话召回）", "2026-11-25T10:00", "open", 1)]
    assert open_counts(db)["q1"] == 1
    task = list_all(db)[0]
    assert task.links == {"sequence": sequence} and task.tags == ["召回"] and task.important and task.urgent
    # The queue itself still lists everyone, one by one.
    assert len(recall_queue(db, sequence)) == 200


def test_sync_is_idempotent(db, recall):
    sequence, _users = recall
    before = db.execute("SELECT * FROM tasks ORDER BY id").fetchall()
    sync_queue_tasks(db, sequence, NOW)
    sync_queue_tasks(db, sequence, NOW)
    assert db.execute("SELECT * FROM tasks ORDER BY id").fetchall() == before


def test_a_contact_moves_one_user_from_today_to_tomorrow(db, recall):
    sequence, users = recall
    log_contact(db, user_id=users[0], topic="召回", outcome="已解决", summary="说明了降息活动", now=NOW)
    assert day_tasks(db, sequence) == [
        (f"{NAME}：199 人待联系（电话召回）", "2026-11-25T10:00", "open", 1),
        (f"{NAME}：1 人待联系（次日微信关怀+优惠券）", "2026-11-26T10:00", "open", 0)]
    log_contact(db, user_id=users[1], topic="召回", outcome="已解决", now=NOW)
    assert [t[0] for t in day_tasks(db, sequence)] == [f"{NAME}：198 人待联系（电话召回）",
                                                        f"{NAME}：2 人待联系（次日微信关怀+优惠券）"]


def test_a_conversion_ends_the_enrolment_and_counts_down(db, recall):
    sequence, users = recall
    log_contact(db, user_id=users[0], topic="召回", outcome="已转化", now=NOW)
    assert day_tasks(db, sequence) == [(f"{NAME}：199 人待联系（电话召回）", "2026-11-25T10:00", "open", 1)]


def test_the_last_user_of_a_day_closes_its_task(db):
    users = [create_user(db, name=n, stage="流失", now=NOW) for n in ("甲", "乙")]
    sequence = create_sequence(db, NAME, [Step(1, 0, 10, "电话", "电话召回"), Step(2, 1, 10, "微信", "微信关怀")], now=NOW)
    start_sequence(db, sequence, users, now=NOW)
    log_contact(db, user_id=users[0], outcome="拒绝", now=NOW)
    later = NOW.replace(hour=11)
    log_contact(db, user_id=users[1], outcome="已解决", now=later)
    today, tomorrow = db.execute("SELECT title, status, done_at FROM tasks WHERE sequence_id = ? ORDER BY id",
                                 [sequence]).fetchall()
    assert today == (f"{NAME}：1 人待联系（电话召回）", "done", "2026-11-25T11:00:00")
    assert tomorrow == (f"{NAME}：1 人待联系（微信关怀）", "open", None)


def test_undo_of_a_contact_puts_counts_and_tasks_back(db, recall):
    sequence, users = recall
    before = db.execute("SELECT * FROM tasks ORDER BY id").fetchall()
    enrolments = db.execute("SELECT * FROM sequence_enrolments ORDER BY id").fetchall()
    state = capture_undo_state(db, users[0])
    contact = log_contact(db, user_id=users[0], topic="召回", outcome="已解决", now=NOW)
    assert len(day_tasks(db, sequence)) == 2
    undo_log(db, contact, state, now=NOW)
    assert db.execute("SELECT * FROM tasks ORDER BY id").fetchall() == before  # tomorrow's task is gone
    assert db.execute("SELECT * FROM sequence_enrolments ORDER BY id").fetchall() == enrolments


def test_undo_of_the_last_contact_of_a_day_reopens_its_task(db):
    user = create_user(db, name="王芳", stage="流失", now=NOW)
    sequence = create_sequence(db, NAME, [Step(1, 0, 10, "电话", "电话召回"), Step(2, 1, 10, "微信", "微信关怀")], now=NOW)
    start_sequence(db, sequence, [user], now=NOW)
    before = db.execute("SELECT * FROM tasks ORDER BY id").fetchall()
    state = capture_undo_state(db, user)
    contact = log_contact(db, user_id=user, outcome="已解决", now=NOW)
    assert [t[2] for t in day_tasks(db, sequence)] == ["done", "open"]
    undo_log(db, contact, state, now=NOW)
    assert db.execute("SELECT * FROM tasks ORDER BY id").fetchall() == before
    assert day_tasks(db, sequence) == [(f"{NAME}：1 人待联系（电话召回）", "2026-11-25T10:00", "open", 1)]


def test_the_log_contact_command_undo_and_redo(ctx, recall):
    from workbench.ui.contacts.undo_commands import LogContactCommand, push

    db = ctx.db
    sequence, users = recall
    before = db.execute("SELECT * FROM tasks ORDER BY id").fetchall()
    ctx.clock = lambda: NOW
    push(ctx, LogContactCommand(ctx, {"user_id": users[5], "topic": "召回", "outcome": "已解决"}))
    assert [t[0] for t in day_tasks(db, sequence)][0] == f"{NAME}：199 人待联系（电话召回）"
    ctx.undo_stack.undo()
    assert db.execute("SELECT * FROM tasks ORDER BY id").fetchall() == before
    ctx.undo_stack.redo()
    assert [t[0] for t in day_tasks(db, sequence)] == [f"{NAME}：199 人待联系（电话召回）",
                                                        f"{NAME}：1 人待联系（次日微信关怀+优惠券）"]


def test_stopping_an_enrolment_counts_down(db, recall):
    sequence, _users = recall
    first, second = [r[0] for r in db.execute("SELECT id FROM sequence_enrolments ORDER BY id LIMIT 2")]
    stop_enrolment(db, first, now=NOW)
    assert day_tasks(db, sequence)[0][0] == f"{NAME}：199 人待联系（电话召回）"
    stop_enrolment(db, first, now=NOW)  # stopping twice changes nothing
    assert day_tasks(db, sequence)[0][0] == f"{NAME}：199 人待联系（电话召回）"
    for (enrolment,) in db.execute("SELECT id FROM sequence_enrolments WHERE status = '进行中'").fetchall():
        stop_enrolment(db, enrolment, now=NOW)
    assert day_tasks(db, sequence)[0][2] == "done"


def test_a_checked_off_day_task_does_not_come_back(db, recall):
    sequence, users = recall
    task_id = db.execute("SELECT id FROM tasks WHERE sequence_id = ?", [sequence]).fetchone()[0]
    complete_task(db, task_id, now=NOW)  # the operator is done with recall for today
    log_contact(db, user_id=users[0], outcome="已解决", now=NOW)
    log_contact(db, user_id=users[1], outcome="拒绝", now=NOW)
    today = [t for t in day_tasks(db, sequence) if t[1].startswith("2026-11-25")]
    assert today == [(f"{NAME}：200 人待联系（电话召回）", "2026-11-25T10:00", "done", 1)]
    assert get_task(db, task_id).status == "done"
    assert open_counts(db)["q1"] == 0 and open_counts(db)["q2"] == 1  # tomorrow's task only


def test_an_unanswered_call_that_will_be_retried_keeps_the_count(db, recall):
    sequence, users = recall
    log_contact(db, user_id=users[0], outcome="未接通", now=NOW)
    assert day_tasks(db, sequence)[0][0] == f"{NAME}：200 人待联系（电话召回）"
    retry = db.execute("SELECT title, user_id FROM tasks WHERE sequence_id IS NULL").fetchall()
    assert retry == [("重拨 用户0（第 2/3 次）", users[0])]  # the retry is the user's own task


def test_starting_more_users_on_the_same_day_adds_to_its_task(db, recall):
    sequence, _users = recall
    more = [create_user(db, name=f"新{i}", now=NOW) for i in range(3)]
    start_sequence(db, sequence, more, list_name="补充名单.xlsx", now=NOW.replace(hour=15))
    assert day_tasks(db, sequence) == [(f"{NAME}：203 人待联系（电话召回）", "2026-11-25T10:00", "open", 1)]


def test_start_sequence_command_undo_removes_the_task(ctx):
    from workbench.ui.contacts.undo_commands import StartSequenceCommand, push

    db = ctx.db
    users = [create_user(db, name=n, stage="流失", now=NOW) for n in ("甲", "乙")]
    sequence = create_sequence(db, NAME, [Step(1, 0, 10, "电话", "电话召回")], now=NOW)
    push(ctx, StartSequenceCommand(ctx, sequence, users))
    assert len(day_tasks(db, sequence)) == 1
    ctx.undo_stack.undo()
    assert day_tasks(db, sequence) == []
    assert db.execute("SELECT stage FROM users ORDER BY id").fetchall() == [("流失",), ("流失",)]


def test_a_day_with_two_touches_names_each_with_its_count(db):
    users = [create_user(db, name=f"用户{i}", stage="流失", now=NOW) for i in range(4)]
    sequence = create_sequence(db, NAME, [Step(1, 0, 14, "电话", "电话召回"), Step(2, 1, 9, "微信", "次日微信关怀+优惠券")],
                               now=NOW)
    start_sequence(db, sequence, users[:2], now=NOW)
    log_contact(db, user_id=users[0], outcome="已解决", now=NOW)  # users[0]: tomorrow 09:00, step 2
    tomorrow = NOW.replace(day=26)
    start_sequence(db, sequence, users[2:], now=tomorrow)  # two more: tomorrow 14:00, step 1
    assert day_tasks(db, sequence) == [
        (f"{NAME}：1 人待联系（电话召回）", "2026-11-25T14:00", "open", 1),
        (f"{NAME}：3 人待联系（电话召回 2 · 次日微信关怀+优惠券 1）", "2026-11-26T09:00", "open", 0)]


def test_deleting_an_enrolled_user_takes_them_out_of_the_count(db, recall):
    from workbench.contacts.users import delete_user

    sequence, users = recall
    delete_user(db, users[0], now=NOW)
    assert day_tasks(db, sequence) == [(f"{NAME}：199 人待联系（电话召回）", "2026-11-25T10:00", "open", 1)]


def test_a_day_task_moved_to_another_day_still_counts_its_queue(db, recall):
    from workbench.tasks.repository import update_task

    sequence, users = recall
    task_id = db.execute("SELECT id FROM tasks WHERE sequence_id = ?", [sequence]).fetchone()[0]
    update_task(db, task_id, due="2026-11-27T15:00")  # the operator plans today's calls for Friday
    log_contact(db, user_id=users[0], topic="召回", outcome="已解决", now=NOW)
    assert day_tasks(db, sequence) == [
        (f"{NAME}：199 人待联系（电话召回）", "2026-11-27T15:00", "open", 1),  # the same task, counted down
        (f"{NAME}：1 人待联系（次日微信关怀+优惠券）", "2026-11-26T10:00", "open", 0)]


def test_users_enrolled_on_a_checked_off_day_open_its_task_again(db, recall):
    sequence, users = recall
    task_id = db.execute("SELECT id FROM tasks WHERE sequence_id = ?", [sequence]).fetchone()[0]
    complete_task(db, task_id, now=NOW)  # the morning's list was worked; the afternoon brings more users
    more = [create_user(db, name=f"新{i}", stage="流失", now=NOW) for i in range(3)]
    start_sequence(db, sequence, more, list_name="补充名单.xlsx", now=NOW.replace(hour=15))
    assert day_tasks(db, sequence) == [(f"{NAME}：203 人待联系（电话召回）", "2026-11-25T10:00", "open", 1)]
    assert get_task(db, task_id).done_at is None


def test_undoing_the_enrolment_closes_the_reopened_task_again(ctx):
    from workbench.ui.contacts.undo_commands import StartSequenceCommand, push

    db = ctx.db
    users = [create_user(db, name=n, stage="流失", now=NOW) for n in ("甲", "乙", "丙")]
    sequence = create_sequence(db, NAME, [Step(1, 0, 10, "电话", "电话召回")], now=NOW)
    start_sequence(db, sequence, users[:2], now=NOW)
    complete_task(db, db.execute("SELECT id FROM tasks WHERE sequence_id = ?", [sequence]).fetchone()[0], now=NOW)
    push(ctx, StartSequenceCommand(ctx, sequence, users[2:]))
    assert [(t[0], t[2]) for t in day_tasks(db, sequence)] == [(f"{NAME}：3 人待联系（电话召回）", "open")]
    ctx.undo_stack.undo()
    assert [(t[0], t[2]) for t in day_tasks(db, sequence)] == [(f"{NAME}：2 人待联系（电话召回）", "done")]
