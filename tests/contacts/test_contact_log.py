"""Logging a contact: bad input rules, follow-up tasks in the matrix, default next steps, undo."""
from datetime import datetime

import pytest

from workbench.contacts.contact_log import capture_undo_state, get_contact, log_contact, undo_log
from workbench.contacts.users import create_user, find_or_create_users, get_user, phone_warnings
from workbench.errors import UserError
from workbench.tasks.repository import list_quadrant

NOW = datetime(2026, 11, 25, 10, 0)


@pytest.fixture
def user(db):
    return create_user(db, name="王芳", phone="13800138000", now=NOW)


def test_empty_contact_is_refused_and_writes_nothing(db):
    with pytest.raises(UserError) as caught:
        log_contact(db, summary="   ", now=NOW)
    assert "空" in caught.value.zh
    assert db.execute("SELECT count(*) FROM contacts").fetchone()[0] == 0


def test_empty_summary_with_a_user_is_fine(db, user):
    contact_id = log_contact(db, user_id=user, now=NOW)
    assert get_contact(db, contact_id).summary == ""
    assert get_user(db, user).last_contact_at == "2026-11-25T10:00:00"


def test_contact_without_user_but_with_text_is_kept(db):
    contact_id = log_contact(db, summary="陌生来电询问利率", now=NOW)
    assert get_contact(db, contact_id).user_id is None


def test_twenty_thousand_character_paste_is_kept_whole(db, user):
    text = ("用户详细描述了问题。" * 2000)[:20000]
    contact_id = log_contact(db, user_id=user, summary=text, now=NOW)
    assert get_contact(db, contact_id).summary == text


def test_follow_up_date_creates_a_linked_task_in_the_matrix(db, user):
    contact_id = log_contact(db, user_id=user, topic="转化", summary="答应周五回电", follow_up_due="2026-11-27T10:00", now=NOW)
    tasks = [t for t in list_quadrant(db, "q2") + list_quadrant(db, "q1") if t.contact_id == contact_id]
    assert len(tasks) == 1
    assert tasks[0].user_id == user and tasks[0].due == "2026-11-27T10:00" and "王芳" in tasks[0].title


def test_bad_follow_up_is_refused_with_a_sentence(db, user):
    with pytest.raises(UserError):
        log_contact(db, user_id=user, follow_up_due="下辈子", now=NOW)
    assert db.execute("SELECT count(*) FROM contacts").fetchone()[0] == 0


def test_unanswered_call_retries_in_two_hours_three_times_then_sms(db, user):
    titles = []
    for attempt in range(3):
        contact_id = log_contact(db, user_id=user, outcome="未接通", now=NOW)
        assert get_contact(db, contact_id).attempt == attempt + 1
        titles.append(db.execute("SELECT title, due FROM tasks WHERE contact_id = ?", [contact_id]).fetchone())
    assert titles[0] == ("重拨 王芳（第 2/3 次）", "2026-11-25T12:00")
    assert titles[1][0] == "重拨 王芳（第 3/3 次）"
    assert titles[2][0].startswith("短信联系 王芳")
    # each new attempt closed the retry it fulfilled: only the SMS task is still open
    open_titles = [r[0] for r in db.execute("SELECT title FROM tasks WHERE status = 'open'")]
    assert len(open_titles) == 1 and open_titles[0].startswith("短信联系")


def test_pending_outcome_gets_a_default_follow_up(db, user):
    contact_id = log_contact(db, user_id=user, outcome="待跟进", now=NOW)
    assert get_contact(db, contact_id).follow_up_due == "2026-11-26"
    assert db.execute("SELECT count(*) FROM tasks WHERE contact_id = ?", [contact_id]).fetchone()[0] == 1


def test_converted_recall_user_becomes_recalled(db):
    user = create_user(db, name="赵强", stage="召回中", now=NOW)
    log_contact(db, user_id=user, outcome="已转化", now=NOW)
    assert get_user(db, user).stage == "已召回"


def test_undo_takes_back_the_contact_and_its_tasks(db, user):
    state = capture_undo_state(db, user)
    contact_id = log_contact(db, user_id=user, outcome="未接通", follow_up_due="2026-11-26", now=NOW)
    assert db.execute("SELECT count(*) FROM tasks").fetchone()[0] == 2
    undo_log(db, contact_id, state, now=NOW)
    assert db.execute("SELECT count(*) FROM contacts").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM tasks").fetchone()[0] == 0
    assert get_user(db, user).last_contact_at is None


def test_phone_that_is_not_mainland_or_duplicate_warns_but_saves(db, user):
    other = create_user(db, name="假号", phone="12345678901", now=NOW)
    assert get_user(db, other).phone == "12345678901"
    assert any("不像大陆手机号" in zh for zh, _ in phone_warnings(db, "12345678901", exclude_id=other))
    twin = create_user(db, name="王芳2", phone="138 0013 8000", now=NOW)
    assert any("重复" in zh for zh, _ in phone_warnings(db, "13800138000", exclude_id=twin))


def test_find_or_create_matches_on_external_id_then_phone(db, user):
    ids = find_or_create_users(db, [
        {"phone": "13800138000", "attributes": {"RFM": "重要挽留"}, "tags": ["RFM", "重要挽留"]},
        {"external_id": "U1", "name": "新人", "phone": "13600000000"},
        {"external_id": "U1", "channel": "抖音"},
        {"phone": "138****8000"},  # masked phones never match anybody
        {},
    ], now=NOW)
    assert ids[0] == user and ids[1] == ids[2] and ids[3] not in (user, ids[1])
    assert len(ids) == 4
    assert get_user(db, user).attributes == {"RFM": "重要挽留"}
    assert get_user(db, user).tags == ["RFM", "重要挽留"]  # tags of a matched user are merged
    assert get_user(db, ids[1]).channel == "抖音"


def test_retention_purge_removes_old_contacts_from_search_too(db, user):
    from datetime import date

    from workbench.contacts.contact_log import purge_contacts_before
    from workbench.contacts.search import search

    log_contact(db, user_id=user, summary="很久以前的预算问题", now=datetime(2025, 1, 5, 10))
    log_contact(db, user_id=user, summary="最近的还款问题", now=NOW)
    assert purge_contacts_before(db, date(2026, 1, 1), now=NOW) == 1
    assert [h for h in search(db, "预算").hits if h.kind == "contact"] == []
    assert len([h for h in search(db, "还款").hits if h.kind == "contact"]) == 1
    assert get_user(db, user).last_contact_at == "2026-11-25T10:00:00"
