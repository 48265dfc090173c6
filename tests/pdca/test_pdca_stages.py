"""Stage transitions, the chain of cycles and stall detection (pure functions and the database)."""
from datetime import date, datetime, timedelta

import pytest

from workbench.errors import UserError
from workbench.pdca import repository as repo
from workbench.pdca.stages import (CHECK_OVERDUE, IDLE, build_chain, check_move, next_stage, previous_stage,
                                   stall_reason)
from tests.conftest import PINNED_NOW

TODAY = date(2026, 11, 25)


def at(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour)


def test_moves_are_one_step_forward_or_back():
    assert next_stage("plan") == "do" and next_stage("act") == "closed" and next_stage("closed") is None
    assert previous_stage("check") == "do" and previous_stage("plan") is None and previous_stage("closed") is None
    check_move("plan", "do")
    check_move("check", "do")
    with pytest.raises(UserError):
        check_move("plan", "check")
    with pytest.raises(UserError):
        check_move("act", "closed")  # closing needs a decision
    check_move("act", "closed", decision="abandon")
    with pytest.raises(UserError):
        check_move("closed", "act")


def test_stall_reasons():
    assert stall_reason("do", last_activity=TODAY - timedelta(days=2), next_review=TODAY - timedelta(days=1),
                        today=TODAY) == CHECK_OVERDUE
    assert stall_reason("plan", last_activity=TODAY - timedelta(days=7), next_review=None, today=TODAY) == IDLE
    assert stall_reason("plan", last_activity=TODAY - timedelta(days=6), next_review=None, today=TODAY) is None
    assert stall_reason("do", last_activity=TODAY, next_review=TODAY, today=TODAY) is None
    assert stall_reason("closed", last_activity=TODAY - timedelta(days=90), next_review=None, today=TODAY) is None


def test_chain_walks_back_to_the_root_and_forward_to_every_successor():
    links = {1: None, 2: 1, 3: 2, 4: 1, 9: None}
    assert [(l.id, l.depth) for l in build_chain(links, 3)] == [(1, 0), (2, 1), (3, 2), (4, 1)]
    assert [l.id for l in build_chain(links, 9)] == [9]
    # A loop in damaged data ends instead of hanging.
    assert sorted(l.id for l in build_chain({1: 2, 2: 1}, 1)) == [1, 2]


def test_a_cycle_moves_through_every_stage_with_dated_moves(db):
    day = TODAY - timedelta(days=20)
    cycle_id = repo.create_cycle(db, "优惠券咨询多、借款少", now=at(day), baseline="8%", target="12%")
    repo.move_stage(db, cycle_id, "do", now=at(day + timedelta(days=1)))
    cycle = repo.get_cycle(db, cycle_id)
    assert cycle.stage == "do" and cycle.do_started == (day + timedelta(days=1)).isoformat()
    assert cycle.next_review == (day + timedelta(days=15)).isoformat()
    repo.move_stage(db, cycle_id, "check", now=at(day + timedelta(days=15)))
    assert repo.get_cycle(db, cycle_id).checked_at.startswith((day + timedelta(days=15)).isoformat())
    repo.move_stage(db, cycle_id, "do", now=at(day + timedelta(days=15), 11))  # back one step is allowed
    repo.move_stage(db, cycle_id, "check", now=at(day + timedelta(days=16)))
    repo.move_stage(db, cycle_id, "act", now=at(day + timedelta(days=17)))
    created = repo.apply_act(db, cycle_id, "abandon", "券的成本太高", now=at(day + timedelta(days=18)))
    assert created == {}
    cycle = repo.get_cycle(db, cycle_id)
    assert cycle.stage == "closed" and cycle.act_decision == "abandon" and cycle.act_notes == "券的成本太高"
    moves = db.execute("SELECT from_stage, to_stage, substr(at, 1, 10) FROM pdca_moves WHERE cycle_id = ? ORDER BY id",
                       [cycle_id]).fetchall()
    assert [(f, t) for f, t, _ in moves] == [(None, "plan"), ("plan", "do"), ("do", "check"), ("check", "do"),
                                             ("do", "check"), ("check", "act"), ("act", "closed")]
    assert moves[-1][2] == (day + timedelta(days=18)).isoformat()
    with pytest.raises(UserError):
        repo.move_stage(db, cycle_id, "act", now=PINNED_NOW)


def test_adjust_starts_a_linked_prefilled_cycle_and_the_chain_shows_both(db):
    from workbench import errors

    errors.set_language("zh_CN")   # the round suffix follows the app's language (reset after each test)
    first = repo.create_cycle(db, "提升借款转化", metric_dataset="核心指标", metric_column="借款转化率",
                              baseline=0.08, target=0.12, link_topic="优惠券", now=at(TODAY - timedelta(days=30)))
    for stage in ("do", "check", "act"):
        repo.move_stage(db, first, stage, now=at(TODAY - timedelta(days=10)))
    created = repo.apply_act(db, first, "adjust", "改文案，做小活动", now=at(TODAY - timedelta(days=9)))
    second = repo.get_cycle(db, created["next_cycle_id"])
    assert second.previous_id == first and second.stage == "plan"
    assert second.title == "提升借款转化（第2轮）"
    assert (second.metric_dataset, second.metric_column, second.target, second.link_topic) == \
        ("核心指标", "借款转化率", 0.12, "优惠券")
    for stage in ("do", "check", "act"):
        repo.move_stage(db, second.id, stage, now=at(TODAY))
    third_id = repo.apply_act(db, second.id, "adjust", "", now=at(TODAY))["next_cycle_id"]
    assert repo.get_cycle(db, third_id).title == "提升借款转化（第3轮）"
    assert [c.id for _, c in repo.chain(db, second.id)] == [first, second.id, third_id]
    assert [link.depth for link, _ in repo.chain(db, first)] == [0, 1, 2]


def test_undo_of_an_act_decision_removes_the_next_cycle(db):
    cycle_id = repo.create_cycle(db, "A", now=at(TODAY))
    for stage in ("do", "check", "act"):
        repo.move_stage(db, cycle_id, stage, now=at(TODAY))
    saved = repo.snapshot(db, cycle_id)
    created = repo.apply_act(db, cycle_id, "adjust", "again", now=at(TODAY))
    repo.undo_act(db, saved, created)
    assert repo.get_cycle(db, created["next_cycle_id"]) is None
    restored = repo.get_cycle(db, cycle_id)
    assert restored.stage == "act" and restored.act_decision is None
    assert db.execute("SELECT count(*) FROM pdca_moves WHERE cycle_id = ?", [cycle_id]).fetchone()[0] == 4


def test_standardize_writes_the_sop_into_the_snippet_library(db):
    cycle_id = repo.create_cycle(db, "借款常见问题", now=at(TODAY))
    for stage in ("do", "check", "act"):
        repo.move_stage(db, cycle_id, stage, now=at(TODAY))
    created = repo.apply_act(db, cycle_id, "standardize", "1. 先说明额度 2. 图文引导还款入口", now=at(TODAY))
    if db["snippets"].exists():
        title, body = db.execute("SELECT title, body FROM snippets WHERE id = ?", [created["snippet_id"]]).fetchone()
        assert title == "SOP：借款常见问题" and "图文引导" in body
        assert repo.get_cycle(db, cycle_id).snippet_id == created["snippet_id"]
    else:
        assert not db["snippets"].exists()
        assert "图文引导" in repo.list_notes(db, cycle_id)[-1].text


def test_stalled_cycles_raise_one_task_each(db):
    idle = repo.create_cycle(db, "没人管的循环", now=at(TODAY - timedelta(days=12)))
    overdue = repo.create_cycle(db, "检查逾期", now=at(TODAY - timedelta(days=30)))
    repo.move_stage(db, overdue, "do", now=at(TODAY - timedelta(days=20)))  # review due 6 days ago
    busy = repo.create_cycle(db, "在推进", now=at(TODAY - timedelta(days=12)))
    repo.move_stage(db, busy, "do", now=at(TODAY - timedelta(days=10)))
    repo.add_note(db, busy, "发了第一批图文引导", now=at(TODAY - timedelta(days=1)))
    stalled = {card.cycle.id: card.stalled for card in repo.stalled_cycles(db, TODAY)}
    assert stalled == {idle: "idle", overdue: "check_overdue"}
    assert repo.badge_count(db, TODAY) == 2
    created = repo.raise_stall_tasks(db, TODAY, now=at(TODAY))
    assert len(created) == 2
    rows = db.execute("SELECT pdca_cycle_id, important, urgent, status, due FROM tasks ORDER BY pdca_cycle_id").fetchall()
    assert rows == [(idle, 1, 0, "open", TODAY.isoformat()), (overdue, 1, 1, "open", TODAY.isoformat())]
    assert repo.raise_stall_tasks(db, TODAY, now=PINNED_NOW) == []  # the open task is not raised twice


def test_plan_steps_are_q2_tasks_and_a_done_step_counts_as_activity(db):
    cycle_id = repo.create_cycle(db, "SOP", now=at(TODAY - timedelta(days=9)))
    task_id = repo.add_plan_step(db, cycle_id, "整理常见问题", due="2026-11-27", now=PINNED_NOW)
    task = repo.plan_steps(db, cycle_id)[0]
    assert (task.id, task.important, task.urgent, task.quadrant, task.pdca_cycle_id) == (task_id, True, False, "q2", cycle_id)
    assert repo.stalled_cycles(db, TODAY)
    db.execute("UPDATE tasks SET status = 'done', done_at = ? WHERE id = ?", [f"{TODAY.isoformat()}T09:00:00", task_id])
    assert repo.stalled_cycles(db, TODAY) == []


def test_bad_input_is_one_sentence_and_changes_nothing(db):
    with pytest.raises(UserError):
        repo.create_cycle(db, "   ", now=PINNED_NOW)
    with pytest.raises(UserError):
        repo.create_cycle(db, "x", target="abc", now=PINNED_NOW)
    with pytest.raises(UserError):
        repo.create_cycle(db, "x", deadline="2026-13-40", now=PINNED_NOW)
    assert db.execute("SELECT count(*) FROM pdca_cycles").fetchone()[0] == 0
