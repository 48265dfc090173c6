"""Act keeps the thinking, repeating reviews, A3 fields, plan steps typed with the capture grammar, and a
Check whose dataset is gone (issue 19, PDCA)."""
from datetime import date, datetime, timedelta

from workbench import errors
from workbench.pdca import repository as repo
from workbench.pdca.stages import REVIEW_DAYS

TODAY = date(2026, 11, 25)  # a Wednesday


def at(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour)


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def _to_act(db, cycle_id: int, day: date) -> None:
    for stage in ("do", "check", "act"):
        repo.move_stage(db, cycle_id, stage, now=at(day))


def test_adjust_carries_the_notes_typed_with_the_decision_into_the_next_hypothesis(db):
    first = repo.create_cycle(db, "提升借款转化", hypothesis="优惠券文案太长", background="十月借款少了三成",
                              current_condition="转化率 8%", review_days=5, now=at(days_ago(30)))
    _to_act(db, first, days_ago(10))
    created = repo.apply_act(db, first, "adjust", "改成一句话文案，只发给老用户", now=at(days_ago(9)))
    second = repo.get_cycle(db, created["next_cycle_id"])
    assert second.hypothesis == "改成一句话文案，只发给老用户"
    assert (second.background, second.current_condition, second.review_days) == ("十月借款少了三成", "转化率 8%", 5)
    assert repo.get_cycle(db, first).act_notes == "改成一句话文案，只发给老用户"


def test_adjust_without_notes_keeps_the_old_hypothesis(db):
    first = repo.create_cycle(db, "A", hypothesis="晚上八点推送更有效", now=at(days_ago(30)))
    _to_act(db, first, days_ago(10))
    second = repo.apply_act(db, first, "adjust", "  ", now=at(days_ago(9)))["next_cycle_id"]
    assert repo.get_cycle(db, second).hypothesis == "晚上八点推送更有效"


def test_each_stage_starts_its_review_interval_and_mark_reviewed_moves_it(db):
    cycle_id = repo.create_cycle(db, "客诉回访", now=at(days_ago(40)))
    repo.move_stage(db, cycle_id, "do", now=at(days_ago(30)))
    assert repo.get_cycle(db, cycle_id).next_review == (days_ago(30) + timedelta(days=REVIEW_DAYS["do"])).isoformat()
    repo.move_stage(db, cycle_id, "check", now=at(days_ago(2)))
    # Check: 3 days from its start, not the Do review date (days_ago(16)) that has passed
    cycle = repo.get_cycle(db, cycle_id)
    assert cycle.next_review == (days_ago(2) + timedelta(days=3)).isoformat() == "2026-11-26"
    reviewed = repo.mark_reviewed(db, cycle_id, now=at(TODAY))
    assert reviewed.next_review == "2026-11-28" and reviewed.reviewed_at.startswith("2026-11-25")
    repo.update_cycle(db, cycle_id, review_days=10)
    assert repo.mark_reviewed(db, cycle_id, now=at(TODAY)).next_review == "2026-12-05"


def test_a_check_never_shows_a_past_review_date(db):
    cycle_id = repo.create_cycle(db, "A", now=at(days_ago(40)))
    _to_act(db, cycle_id, days_ago(20))
    repo.move_stage(db, cycle_id, "check", now=at(days_ago(20), 11))  # back to Check 20 days ago: review 17 days ago
    cycle = repo.get_cycle(db, cycle_id)
    assert cycle.next_review == "2026-11-08"
    assert repo.shown_next_review(cycle, TODAY) == TODAY
    repo.move_stage(db, cycle_id, "act", now=at(TODAY))
    assert repo.shown_next_review(repo.get_cycle(db, cycle_id), TODAY) == date(2026, 11, 28)


def test_a_planned_check_date_in_the_future_survives_entering_do(db):
    cycle_id = repo.create_cycle(db, "A", next_review="2026-12-20", now=at(TODAY))
    repo.move_stage(db, cycle_id, "do", now=at(TODAY))
    assert repo.get_cycle(db, cycle_id).next_review == "2026-12-20"


def test_moving_on_closes_the_stall_task_and_undo_opens_it_again(db):
    cycle_id = repo.create_cycle(db, "没人管", now=at(days_ago(12)))
    task_id, = repo.check_stalls(db, now=at(TODAY))
    title, status = db.execute("SELECT title, status FROM tasks WHERE id = ?", [task_id]).fetchone()
    assert status == "open" and "没人管" in title
    saved = repo.snapshot(db, cycle_id)
    repo.move_stage(db, cycle_id, "do", now=at(TODAY, 11))
    assert db.execute("SELECT status, done_at FROM tasks WHERE id = ?", [task_id]).fetchone() == \
        ("done", "2026-11-25T11:00:00")
    assert repo.check_stalls(db, now=at(TODAY, 12)) == []  # moved today: no longer stalled
    repo.restore(db, saved)
    assert db.execute("SELECT status, done_at FROM tasks WHERE id = ?", [task_id]).fetchone() == ("open", None)


def test_round_titles_follow_the_language():
    previous = errors._language
    try:
        errors.set_language("en")
        assert repo.round_title("Raise conversion (round 2)", 3) == "Raise conversion (round 3)"
        assert repo.round_title("提升转化（第2轮）", 3) == "提升转化 (round 3)"
        errors.set_language("zh_CN")
        assert repo.round_title("提升转化（第2轮）", 3) == "提升转化（第3轮）"
    finally:
        errors._language = previous


def test_stall_task_titles_follow_the_language(db):
    previous = errors._language
    try:
        errors.set_language("en")
        repo.create_cycle(db, "Win back churned users", now=at(days_ago(8)))
        task_id, = repo.check_stalls(db, now=at(TODAY))
        assert db.execute("SELECT title FROM tasks WHERE id = ?", [task_id]).fetchone()[0] == \
            "PDCA stalled for 8 days: Win back churned users"
    finally:
        errors._language = previous


def test_a_review_that_has_come_marks_the_card_until_mark_reviewed(db):
    cycle_id = repo.create_cycle(db, "A", next_review="2026-11-25", now=at(days_ago(3)))
    card, = repo.board(db, TODAY)["plan"]
    assert card.review_due and card.stalled is None  # a review asks for a look, it is not a stall
    repo.mark_reviewed(db, cycle_id, now=at(TODAY))
    card, = repo.board(db, TODAY)["plan"]
    assert not card.review_due and card.cycle.next_review == "2026-12-02"


def test_plan_step_due_date_typed_with_the_capture_grammar(db):
    cycle_id = repo.create_cycle(db, "A", now=at(TODAY))
    task_id = repo.add_plan_step(db, cycle_id, "海报定稿 周五", now=at(TODAY))
    title, due, important, urgent = db.execute(
        "SELECT title, due, important, urgent FROM tasks WHERE id = ?", [task_id]).fetchone()
    assert (title, due[:10], important, urgent) == ("海报定稿", "2026-11-27", 1, 0)  # the Friday after Wed 11-25
    owner_free = repo.add_plan_step(db, cycle_id, "请 @王芳 确认文案 明天", now=at(TODAY))
    assert db.execute("SELECT title, due, user_id FROM tasks WHERE id = ?", [owner_free]).fetchone() == \
        ("请 @王芳 确认文案", "2026-11-26", None)   # only the date's words leave the title
    plain = repo.add_plan_step(db, cycle_id, "整理常见问题", now=at(TODAY))
    assert db.execute("SELECT title, due FROM tasks WHERE id = ?", [plain]).fetchone() == ("整理常见问题", None)


def test_the_check_says_when_its_dataset_is_gone(db):
    from workbench.reports.datasets import create_dataset_from_rows
    from workbench.reports.importer import undo_import

    rows = [[(date(2026, 11, 1) + timedelta(days=i)).isoformat(), 0.30 + 0.01 * (i >= 14)] for i in range(21)]
    result = create_dataset_from_rows(db, "转化日报", ["日期", {"name": "转化率", "type": "percent"}], rows)
    cycle_id = repo.create_cycle(db, "A", metric_dataset="转化日报", metric_column="转化率", now=at(date(2026, 11, 1)))
    repo.move_stage(db, cycle_id, "do", now=at(date(2026, 11, 15)))
    data = repo.run_check(db, cycle_id, until=date(2026, 11, 21), now=at(date(2026, 11, 21)))
    assert data["dataset_missing"] is False and round(data["after_mean"], 4) == 0.31
    undo_import(db, result.import_id)
    data = repo.run_check(db, cycle_id, until=date(2026, 11, 21), now=at(date(2026, 11, 22)))
    assert data["dataset_missing"] is True and data["after_mean"] is None
    assert repo.get_cycle(db, cycle_id).check.dataset_missing is True
