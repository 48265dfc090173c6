"""Reminders of timed tasks, driven with a fixed clock on a real database file."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from workbench import stored_settings
from workbench.tasks import reminders
from workbench.tasks.repository import complete_task, create_task, update_task

MORNING = datetime(2026, 11, 25, 9, 0)


@pytest.fixture(autouse=True)
def chinese_titles(in_chinese):  # the redial task's title is asserted in Chinese
    yield


def _timed_task(db, title="回电 王芳", due="2026-11-25T15:00"):
    return create_task(db, title, due=due, now=MORNING)


def _due_ids(db, now):
    return [r.task_id for r in reminders.due_reminders(db, now)]


def test_a_timed_task_reminds_at_its_time_and_not_a_second_before(db):
    task_id = _timed_task(db)
    create_task(db, "整理周报", due="2026-11-25", now=MORNING)  # a day without a time never pops up
    assert _due_ids(db, datetime(2026, 11, 25, 14, 59, 59)) == []
    due = reminders.due_reminders(db, datetime(2026, 11, 25, 15, 0))
    assert [(r.task_id, r.title, r.due_time) for r in due] == [(task_id, "回电 王芳", "15:00")]


def test_a_shown_reminder_is_not_shown_again_but_a_new_due_time_is(db):
    task_id = _timed_task(db)
    at_three = datetime(2026, 11, 25, 15, 0)
    reminders.mark_shown(db, reminders.due_reminders(db, at_three))
    assert _due_ids(db, at_three + timedelta(minutes=5)) == []
    update_task(db, task_id, due="2026-11-25T16:00")
    assert _due_ids(db, datetime(2026, 11, 25, 16, 0)) == [task_id]


def test_the_lead_time_moves_the_reminder_earlier(db):
    task_id = _timed_task(db)
    stored_settings.put(db, {stored_settings.REMINDER_LEAD_MINUTES: 15})
    assert _due_ids(db, datetime(2026, 11, 25, 14, 44)) == []
    due = reminders.due_reminders(db, datetime(2026, 11, 25, 14, 45))
    assert [(r.task_id, r.moment) for r in due] == [(task_id, datetime(2026, 11, 25, 14, 45))]


def test_snooze_moves_the_reminder(db):
    task_id = _timed_task(db)
    at_three = datetime(2026, 11, 25, 15, 0)
    reminders.snooze(db, task_id, reminders.snooze_until("10m", at_three))
    assert _due_ids(db, at_three + timedelta(minutes=9, seconds=59)) == []
    due = reminders.due_reminders(db, at_three + timedelta(minutes=10))
    assert [(r.task_id, r.snoozed, r.moment) for r in due] == [(task_id, True, datetime(2026, 11, 25, 15, 10))]
    reminders.mark_shown(db, due)
    assert _due_ids(db, at_three + timedelta(hours=2)) == []


def test_a_new_due_time_replaces_a_snooze_of_the_old_one(db):
    task_id = _timed_task(db)
    reminders.snooze(db, task_id, datetime(2026, 11, 25, 15, 10))
    update_task(db, task_id, due="2026-11-25T17:00")
    assert _due_ids(db, datetime(2026, 11, 25, 15, 10)) == []
    due = reminders.due_reminders(db, datetime(2026, 11, 25, 17, 0))
    assert [(r.task_id, r.snoozed) for r in due] == [(task_id, False)]


def test_snooze_choices():
    at = datetime(2026, 11, 25, 15, 0)
    assert reminders.snooze_until("10m", at) == datetime(2026, 11, 25, 15, 10)
    assert reminders.snooze_until("1h", at) == datetime(2026, 11, 25, 16, 0)
    assert reminders.snooze_until("tomorrow", at) == datetime(2026, 11, 26, 9, 0)


def test_a_done_or_muted_task_does_not_remind(db):
    done_id = _timed_task(db, "已完成")
    muted_id = _timed_task(db, "不提醒")
    complete_task(db, done_id, now=MORNING)
    reminders.set_muted(db, muted_id, True)
    assert reminders.is_muted(db, muted_id)
    assert _due_ids(db, datetime(2026, 11, 25, 15, 0)) == []
    reminders.set_muted(db, muted_id, False)
    assert _due_ids(db, datetime(2026, 11, 25, 15, 0)) == [muted_id]


def test_quiet_hours_hold_a_reminder_until_they_end(db):
    task_id = _timed_task(db, due="2026-11-25T22:30")
    stored_settings.put(db, {stored_settings.REMINDER_QUIET_HOURS: {"start": "22:00", "end": "08:00"}})
    assert _due_ids(db, datetime(2026, 11, 25, 22, 30)) == []
    assert _due_ids(db, datetime(2026, 11, 26, 7, 59)) == []
    assert _due_ids(db, datetime(2026, 11, 26, 8, 0)) == [task_id]


def test_the_redial_task_after_no_answer_reminds_two_hours_later(db):
    from workbench.contacts.contact_log import log_contact
    from workbench.contacts.users import create_user

    called_at = datetime(2026, 11, 25, 10, 0)
    user_id = create_user(db, name="王芳", phone="13800138000", now=called_at)
    log_contact(db, user_id=user_id, channel="电话", outcome="未接通", now=called_at)
    assert _due_ids(db, datetime(2026, 11, 25, 11, 59)) == []
    due = reminders.due_reminders(db, datetime(2026, 11, 25, 12, 0))
    assert len(due) == 1 and due[0].title.startswith("重拨 王芳")


def test_missed_reminders_are_all_there_at_the_next_start_but_not_older_than_the_lookback(db_path):
    from workbench.store import open_database

    db = open_database(db_path)
    morning_id = _timed_task(db, "上午回电", "2026-11-27T10:00")
    noon_id = _timed_task(db, "中午回电", "2026-11-27T12:00")
    _timed_task(db, "上周的事", "2026-11-20T10:00")
    db.close()
    reopened = open_database(db_path)  # the app was closed: a new connection, the same file
    try:
        assert _due_ids(reopened, datetime(2026, 11, 27, 18, 0)) == [morning_id, noon_id]
    finally:
        reopened.close()


def test_snooze_survives_a_restart(db_path):
    from workbench.store import open_database

    db = open_database(db_path)
    task_id = _timed_task(db)
    reminders.snooze(db, task_id, datetime(2026, 11, 26, 9, 0))
    db.close()
    reopened = open_database(db_path)
    try:
        assert _due_ids(reopened, datetime(2026, 11, 25, 15, 0)) == []
        assert _due_ids(reopened, datetime(2026, 11, 26, 9, 0)) == [task_id]
    finally:
        reopened.close()


def test_a_file_without_the_reminder_table_still_reminds(db):
    """A read-only file from before reminders opens without its migrations: nothing is muted or shown yet."""
    task_id = _timed_task(db)
    db.execute("DROP TABLE task_reminders")
    assert not reminders.is_muted(db, task_id)
    assert _due_ids(db, datetime(2026, 11, 25, 15, 0)) == [task_id]
