"""Whatever the operator does to a recall sequence and its day tasks, the matrix keeps one task per queue
day, the open ones count exactly the users due that day, and counting again changes nothing."""
from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.contacts.contact_log import capture_undo_state, log_contact, undo_log
from workbench.contacts.sequences import (ACTIVE, Step, create_sequence, queue_days, start_sequence, stop_enrolment,
                                          sync_queue_tasks)
from workbench.contacts.users import create_user
from workbench.store import open_database
from workbench.tasks.repository import complete_task, drop_task, update_task
from tests.conftest import PINNED_NOW

START = datetime(2026, 11, 23, 9, 0)
STEPS = [Step(1, 0, 10, "电话", "电话召回"), Step(2, 1, 10, "微信", "次日微信关怀+优惠券"), Step(3, 3, 10, "短信", "3天后短信提醒")]

# What the operator may do, each with a number that picks its target among those there are.
ACTIONS = st.lists(st.tuples(st.sampled_from(["enrol", "contact", "contact_undone", "stop", "move", "check_off", "drop", "next_day"]),
                             st.integers(0, 1_000), st.sampled_from(["已解决", "未接通", "拒绝", "已转化"])),
                   max_size=14)


def _pick(rows, n):
    return rows[n % len(rows)] if rows else None


def _apply(db, sequence, action, n, outcome, now) -> datetime:
    day_tasks = db.execute("SELECT id FROM tasks WHERE sequence_id = ? ORDER BY id", [sequence]).fetchall()
    active = db.execute("SELECT id, user_id FROM sequence_enrolments WHERE sequence_id = ? AND status = ?"
                        " ORDER BY id", [sequence, ACTIVE]).fetchall()
    if action == "enrol":
        users = [create_user(db, name=f"用户{n}-{i}", stage="流失", now=now) for i in range(1 + n % 3)]
        start_sequence(db, sequence, users, now=now)
    elif action == "contact" and active:
        log_contact(db, user_id=_pick(active, n)[1], topic="召回", outcome=outcome, now=now)
    elif action == "contact_undone" and active:  # 撤销 right after saving puts tasks and queue back
        user = _pick(active, n)[1]
        before = [db.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in ("tasks", "sequence_enrolments")]
        state = capture_undo_state(db, user)
        undo_log(db, log_contact(db, user_id=user, topic="召回", outcome=outcome, now=now), state, now=PINNED_NOW)
        assert [db.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in ("tasks", "sequence_enrolments")] == before
    elif action == "stop" and active:
        stop_enrolment(db, _pick(active, n)[0], now=now)
    elif action == "move" and day_tasks:
        update_task(db, _pick(day_tasks, n)[0], due=(now + timedelta(days=n % 5)).strftime("%Y-%m-%dT%H:%M"))
    elif action == "check_off" and day_tasks:
        complete_task(db, _pick(day_tasks, n)[0], now=now)
    elif action == "drop" and day_tasks:
        drop_task(db, _pick(day_tasks, n)[0], now=now)
    elif action == "next_day":
        return now + timedelta(days=1)
    return now


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    return tmp_path_factory.mktemp("recall_property")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actions=ACTIONS)
def test_one_task_per_queue_day_counting_exactly_its_users(scratch, actions):
    path = scratch / f"r{len(list(scratch.iterdir()))}.db"
    db = open_database(path)
    try:
        sequence = create_sequence(db, "召回", STEPS, now=START)
        now = START
        for action, n, outcome in actions:
            now = _apply(db, sequence, action, n, outcome, now)
        tasks = db.execute("SELECT sequence_day, status, title FROM tasks WHERE sequence_id = ?", [sequence]).fetchall()
        days = [day for day, _status, _title in tasks]
        assert len(days) == len(set(days)), "one task per queue day"
        due = {day: entry["count"] for day, entry in queue_days(db, sequence).items()}
        assert set(due) <= set(days), "every day with users due has its task"
        for day, status, title in tasks:
            if status == "open":
                assert day in due, "an open task stands for users still due"
                assert int(re.search(r"：(\d+) 人待联系", title).group(1)) == due[day]
        before = db.execute("SELECT * FROM tasks ORDER BY id").fetchall()
        sync_queue_tasks(db, sequence, now)
        assert db.execute("SELECT * FROM tasks ORDER BY id").fetchall() == before, "counting again changes nothing"
    finally:
        db.close()
