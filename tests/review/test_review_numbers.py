"""The weekly review's numbers equal independent counts over the seeded database (Python over all
rows, not the review's SQL), plus the pure weekly arithmetic on hand-made numbers."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from review_seed import TODAY, WEEK, seed_week
from workbench.errors import UserError
from workbench.review.assemble import collect_week
from workbench.review.repository import ReviewText, load_review, reviewed_weeks, save_review, save_section
from workbench.review.sections import section_facts
from workbench.review.weekly import counts_by, is_overdue_in_week, is_rolled_over, share, week_mean, week_over_week
from workbench.review.weeks import IsoWeek
from tests.conftest import PINNED_NOW


def test_iso_weeks_parse_and_bound():
    week = IsoWeek.parse("2026-W47")
    assert (week.monday, week.sunday) == (date(2026, 11, 16), date(2026, 11, 22))
    assert IsoWeek.parse("2026w1").label == "2026-W01" and IsoWeek.parse("2026-W01").monday == date(2025, 12, 29)
    assert IsoWeek.of(date(2027, 1, 1)).label == "2026-W53"
    assert week.previous().label == "2026-W46" and week.next().label == "2026-W48"
    for bad in ("2026-W54", "2025-W53", "W47", "", "2026-47"):
        with pytest.raises(UserError):
            IsoWeek.parse(bad)


def test_weekly_arithmetic_on_hand_made_numbers():
    assert share(3, 7) == pytest.approx(3 / 7) and share(1, 0) is None
    assert week_over_week(12.0, 10.0) == (2.0, pytest.approx(0.2))
    assert week_over_week(5.0, 0.0) == (5.0, None) and week_over_week(None, 3.0) == (None, None)
    series = [("2026-11-15", 100.0), ("2026-11-16", 10.0), ("2026-11-22", 20.0), ("2026-11-19", None), ("2026-11-23", 99.0)]
    assert week_mean(series, WEEK) == 15.0
    assert week_mean([], WEEK) is None
    assert counts_by(["电话", "微信", "电话", None, ""]) == {"电话": 2, "—": 2, "微信": 1}
    # Due Thursday, done Friday: overdue; done on the day: not; still open: overdue; due after today: not yet.
    assert is_overdue_in_week("2026-11-19", "done", "2026-11-20T09:00:00", WEEK, TODAY)
    assert not is_overdue_in_week("2026-11-19T18:00", "done", "2026-11-19T17:00:00", WEEK, TODAY)
    assert is_overdue_in_week("2026-11-19", "open", None, WEEK, TODAY)
    assert not is_overdue_in_week("2026-11-19", "dropped", "2026-11-21", WEEK, TODAY)
    assert not is_overdue_in_week("2026-11-20", "open", None, WEEK, date(2026, 11, 20))
    # Rolled over: due by Sunday, still open when the week ended.
    assert is_rolled_over("2026-11-06", "2026-11-02T10:00:00", "open", None, WEEK)
    assert is_rolled_over("2026-11-20", "2026-11-16T10:00:00", "done", "2026-11-24T10:00:00", WEEK)
    assert not is_rolled_over("2026-11-20", "2026-11-16T10:00:00", "done", "2026-11-21T10:00:00", WEEK)
    assert not is_rolled_over("2026-11-27", "2026-11-16T10:00:00", "open", None, WEEK)


def _independent_task_counts(db):
    start, end = WEEK.monday.isoformat(), WEEK.next_monday.isoformat()
    rows = [dict(zip(("id", "important", "urgent", "status", "due", "created_at", "triaged_at", "done_at"), r))
            for r in db.execute("SELECT id, important, urgent, status, due, created_at, triaged_at, done_at FROM tasks")]
    done = {"q1": 0, "q2": 0, "q3": 0, "q4": 0, "inbox": 0}
    for r in rows:
        if r["status"] == "done" and start <= r["done_at"] < end:
            key = "inbox" if r["triaged_at"] is None else \
                {(1, 1): "q1", (1, 0): "q2", (0, 1): "q3", (0, 0): "q4"}[(r["important"], r["urgent"])]
            done[key] += 1
    touched = {r["id"] for r in rows if start <= r["created_at"] < end or (r["done_at"] and start <= r["done_at"] < end)
               or (r["due"] and start <= r["due"] < end)}
    captured = [r for r in rows if start <= r["created_at"] < end]
    return done, touched, captured


def test_review_numbers_equal_independent_counts(db):
    ids = seed_week(db)
    review = collect_week(db, WEEK, TODAY, rows=True)
    done, touched, captured = _independent_task_counts(db)
    assert review.done_by_quadrant == done == {"q1": 2, "q2": 3, "q3": 1, "q4": 0, "inbox": 1}
    assert review.done_total == 7 and review.q2_share == pytest.approx(3 / 7)
    assert {t["id"] for t in review.tasks} == touched | {ids["old_overdue"]}  # plus what rolled over
    assert review.captured == len(captured) == 10
    assert review.captured_in_inbox == sum(1 for t in captured if t["triaged_at"] is None and t["status"] == "open") == 2
    # Overdue in the week: 回电 王芳 (done a day late) and the +86 task still open; not the dropped one.
    assert sorted(t["title"] for t in review.overdue) == ["+86 回电", "回电 王芳"]
    assert sorted(t["id"] for t in review.rolled_over) == sorted([ids["overdue"], ids["old_overdue"]])

    contacts = [dict(zip(("at", "channel", "topic", "outcome", "user_id"), r))
                for r in db.execute("SELECT at, channel, topic, outcome, user_id FROM contacts")]
    week_contacts = [c for c in contacts if WEEK.monday.isoformat() <= c["at"] < WEEK.next_monday.isoformat()]
    c = review.contacts
    assert c["total"] == len(week_contacts) == 5
    assert c["by_channel"] == {"电话": 3, "微信": 2}
    assert sum(c["by_topic"].values()) == 5 and c["by_topic"]["召回"] == 3
    assert c["conversions"] == sum(1 for x in week_contacts if x["outcome"] == "已转化") == 2
    assert c["users"] == len({x["user_id"] for x in week_contacts}) == 3
    assert (c["recall_users"], c["recall_converted_users"]) == (2, 1) and review.recall_success == 0.5

    findings = db.execute("SELECT kind, created_at FROM findings").fetchall()
    assert review.findings["new"] == sum(1 for _, at in findings if "2026-11-16" <= at < "2026-11-23") == 2
    assert review.findings["new_by_kind"] == {"产品bug": 1, "新渠道": 1}

    assert [(m["from_stage"], m["to_stage"]) for m in review.pdca.moved] == [("do", "check")]
    assert [cycle.id for cycle in review.pdca.checked] == [ids["cycle"]]
    assert review.pdca.created == 1
    assert [cycle.id for cycle, _ in review.pdca.stalled] == []  # the idle cycle was only 5 days old on Sunday
    later = collect_week(db, WEEK.next(), TODAY)
    assert [cycle.id for cycle, _ in later.pdca.stalled] == [ids["idle_cycle"]]

    assert [(a["date"], a["level"]) for a in review.alerts] == [("2026-11-18", "red"), ("2026-11-21", "yellow")]


def test_contact_counts_stay_exact_when_new_values_appear(db):
    """The counts use the values seen before (channel) and read from indexes (topic, outcome); a
    contact with a channel never seen, an empty topic or no outcome is still counted where it belongs."""
    from workbench.review.week_facts import contact_counts
    from workbench.store import write_transaction

    seed_week(db)
    assert contact_counts(db, WEEK)["by_channel"] == {"电话": 3, "微信": 2}  # channels now known
    user = db.execute("SELECT min(id) FROM users").fetchone()[0]
    with write_transaction(db):
        db.conn.executemany(
            "INSERT INTO contacts (user_id, at, channel, direction, topic, summary, outcome, attempt, created_at)"
            " VALUES (?, ?, ?, '呼出', ?, '', ?, 1, ?)",
            [(user, "2026-11-20T09:00:00", "小红书私信", "召回", "已转化", "2026-11-20T09:00:00"),
             (user, "2026-11-20T10:00:00", "电话", "", None, "2026-11-20T10:00:00"),
             (user, "2026-11-21T10:00:00", None, "新主题", "新结果", "2026-11-21T10:00:00")])
    rows = db.execute("SELECT channel, topic, outcome FROM contacts WHERE at >= ? AND at < ?",
                      [WEEK.monday.isoformat(), WEEK.next_monday.isoformat()]).fetchall()

    def independent(index: int) -> dict[str, int]:
        found: dict[str, int] = {}
        for row in rows:
            found[row[index] or "—"] = found.get(row[index] or "—", 0) + 1
        return found

    c = contact_counts(db, WEEK)
    assert c["total"] == len(rows) == 8
    assert c["by_channel"] == independent(0) == {"电话": 4, "微信": 2, "小红书私信": 1, "—": 1}
    assert c["by_topic"] == independent(1) and c["by_topic"]["—"] == 1 and c["by_topic"]["新主题"] == 1
    assert c["by_outcome"] == independent(2) and c["by_outcome"]["—"] == 1 and c["conversions"] == 3
    assert list(c["by_channel"]) == ["电话", "微信", "—", "小红书私信"]  # most first, then by name


def test_facts_beside_each_section_quote_the_numbers(db):
    seed_week(db)
    facts = section_facts(collect_week(db, WEEK, TODAY, rows=True), "zh_CN")
    assert set(facts) == {"goal_review", "results", "process", "lessons"}
    assert "完成任务 7 项，其中重要不紧急占 43%" in facts["results"]
    assert "逾期 2 项，顺延到下周 2 项" in facts["process"]
    assert any("召回 2 人，成功 1 人" in line for line in facts["results"])
    assert any("PDCA「优惠券 → SOP」" in line for line in facts["goal_review"])
    english = section_facts(collect_week(db, WEEK, TODAY, rows=True), "en")
    assert "7 tasks done, 43% of them important-not-urgent" in english["results"]


def test_sections_are_saved_per_week(db):
    save_section(db, WEEK, "results", "转化率持平", now=PINNED_NOW)
    save_review(db, ReviewText(WEEK.previous().label, goal_review="目标", lessons="写 SOP"), now=PINNED_NOW)
    assert load_review(db, WEEK).results == "转化率持平" and load_review(db, WEEK).goal_review == ""
    assert load_review(db, WEEK.previous()).lessons == "写 SOP"
    assert load_review(db, WEEK.next()).is_empty
    assert reviewed_weeks(db) == ["2026-W47", "2026-W46"]
    save_section(db, WEEK, "results", "改过", now=PINNED_NOW)
    assert load_review(db, WEEK).results == "改过" and db["reviews"].count == 2


def test_english_facts_count_in_the_singular_when_there_is_one(db):
    from workbench.tasks.repository import create_task

    create_task(db, "Only one", important=True, due="2026-11-18", now=datetime(2026, 11, 16, 10))
    db.execute("UPDATE tasks SET status = 'done', done_at = '2026-11-17T10:00:00'")
    english = section_facts(collect_week(db, WEEK, TODAY, rows=True), "en")
    assert "1 task done, 100% of them important-not-urgent" in english["results"]
    assert "1 important-not-urgent task planned this week" in english["goal_review"]
