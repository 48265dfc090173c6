"""With the app in English, the titles and notes it writes itself are English (issue 19, English completely):
alert tasks and alert cycles, PDCA SOPs, rounds and stall tasks, redial and follow-up tasks, recall day tasks."""
from __future__ import annotations

import re
from datetime import date, datetime

import pytest

from workbench import errors

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
NOW = datetime(2026, 11, 25, 10, 0)


@pytest.fixture
def english():
    previous = errors._language
    errors.set_language("en")
    yield
    errors._language = previous


def _titles(db) -> list[str]:
    return [row[0] for row in db.execute("SELECT title FROM tasks ORDER BY id")]


def test_plural_counts():
    assert errors.plural(1, "day") == "1 day" and errors.plural(3, "alert") == "3 alerts"


def test_an_alert_becomes_an_english_task_and_cycle(db, english):
    from workbench.pdca import from_alert, repository as repo
    from workbench.reports import alert_store
    from workbench.reports.datasets import create_dataset_from_rows

    days = [f"2026-11-{d:02d}" for d in range(1, 11)]
    values = [100, 102, 98, 101, 99, 100, 103, 100, 50, 101]   # 11-09 halves: a change rule fires
    create_dataset_from_rows(db, "Orders", ["日期", {"name": "orders", "type": "integer"}], list(zip(days, values)))
    from workbench.reports.alert_rules import AlertRule

    rule_id = alert_store.save_rule(db, AlertRule("Orders", "orders", kind="change", direction="down", amount=0.3,
                                                  basis="day", level="red", metric_type="integer"))
    alert = next(a for a in alert_store.list_alerts(db, dataset="Orders") if a.rule_id == rule_id)
    assert alert.date == "2026-11-09"
    task_id = alert_store.alert_to_task(db, alert.id, now=NOW)
    title, notes = db.execute("SELECT title, notes FROM tasks WHERE id = ?", [task_id]).fetchone()
    assert title == "Handle alert: Orders · orders falls ≥30% vs the previous day (2026-11-09)"
    assert notes.startswith("Red alert · 2026-11-09 · orders = 50") and not CJK.search(notes)
    cycle = repo.get_cycle(db, from_alert.draft_cycle_from_alert(db, alert.id, now=NOW))
    assert cycle.title == "Handle alert: orders falls ≥30% vs the previous day (2026-11-09)"
    assert not CJK.search(cycle.problem)


def test_pdca_sop_and_stall_titles_are_english(db, english):
    from workbench.contacts.snippets import list_snippets
    from workbench.pdca import repository as repo

    cycle_id = repo.create_cycle(db, "Shorter coupon text", hypothesis="One line reads better", now=NOW)
    for stage in ("do", "check", "act"):
        repo.move_stage(db, cycle_id, stage, now=NOW)
    repo.apply_act(db, cycle_id, "standardize", "Send the one-line text to everyone", now=NOW)
    assert [s.title for s in list_snippets(db)] == ["SOP: Shorter coupon text"]
    repo.create_cycle(db, "Idle cycle", now=datetime(2026, 11, 24, 10))
    task_id, = repo.check_stalls(db, now=datetime(2026, 12, 2, 10))
    assert db.execute("SELECT title FROM tasks WHERE id = ?", [task_id]).fetchone()[0] == "PDCA stalled for 8 days: Idle cycle"


def test_redial_and_follow_up_tasks_are_english(db, english):
    from workbench.contacts.contact_log import log_contact
    from workbench.contacts.users import create_user

    user_id = create_user(db, name="Wang Fang", phone="13800138000", now=NOW)
    log_contact(db, user_id=user_id, channel="电话", outcome="未接通", now=NOW)
    log_contact(db, user_id=user_id, channel="电话", topic="咨询", outcome="待跟进", now=NOW)
    titles = _titles(db)
    assert "Call Wang Fang again (try 2 of 3)" in titles
    assert "Follow up Wang Fang: inquiry" in titles
    assert not any(CJK.search(t) for t in titles)


def test_recall_day_task_titles_count_users_in_english(english):
    from workbench.contacts.sequences import day_task_title

    assert day_task_title("Win-back", {"count": 1, "steps": [("Call", 1)]}) == "Win-back: 1 user to contact (Call)"
    assert day_task_title("Win-back", {"count": 5, "steps": [("Call", 3), ("Coupon", 2)]}) == \
        "Win-back: 5 users to contact (Call 3 · Coupon 2)"
    errors.set_language("zh_CN")
    assert day_task_title("召回", {"count": 5, "steps": [("电话", 5)]}) == "召回：5 人待联系（电话）"


def test_an_open_stall_task_counts_the_days_and_follows_the_language(db, english):
    from workbench.pdca import repository as repo
    from workbench.tasks.repository import get_task, update_task

    errors.set_language("zh_CN")
    repo.create_cycle(db, "客诉回访", now=datetime(2026, 11, 24, 10))
    task_id, = repo.check_stalls(db, now=datetime(2026, 12, 2, 10))
    title = lambda: get_task(db, task_id).title  # noqa: E731  what every list shows
    assert title() == "PDCA 停滞 8 天：客诉回访"
    assert repo.check_stalls(db, now=datetime(2026, 12, 3, 10)) == []   # no second task
    assert title() == "PDCA 停滞 9 天：客诉回访"
    errors.set_language("en")
    assert title() == "PDCA stalled for 9 days: 客诉回访"   # the same task, shown in the new language
    repo.check_stalls(db, now=datetime(2026, 12, 4, 10))
    assert title() == "PDCA stalled for 10 days: 客诉回访"
    errors.set_language("zh_CN")
    update_task(db, task_id, title="找团队聊聊客诉回访")
    repo.check_stalls(db, now=datetime(2026, 12, 5, 10))
    assert title() == "找团队聊聊客诉回访"   # the operator's own title stays
    errors.set_language("en")
    assert title() == "找团队聊聊客诉回访"   # …in either language
