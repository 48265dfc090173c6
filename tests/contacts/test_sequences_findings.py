"""Recall sequences (start, advance, end, queue, stats) and findings (merge, board, status)."""
from datetime import date, datetime

from workbench.contacts.contact_log import log_contact
from workbench.contacts.contact_stats import conversion_by_snippet, conversion_by_topic, contacts_per_day, recall_success
from workbench.contacts.findings import findings_board, merge_findings, raise_finding, set_status, similarity, unmerge_findings
from workbench.contacts.sequences import Step, create_sequence, next_in_queue, queue_progress, recall_queue, start_sequence
from workbench.contacts.snippets import create_snippet, list_snippets, render
from workbench.contacts.users import create_user, get_user

NOW = datetime(2026, 11, 25, 9, 0)


def make_sequence(db):
    return create_sequence(db, "流失召回", [Step(1, 0, 10, "电话", "电话召回"), Step(2, 1, 10, "微信", "次日微信关怀+优惠券"),
                                          Step(3, 3, 10, "短信", "3天后短信")], now=NOW)


def test_starting_a_sequence_schedules_the_first_touch(db):
    users = [create_user(db, name=n, stage="流失", now=NOW) for n in ("甲一", "乙二")]
    sequence = make_sequence(db)
    enrolments = start_sequence(db, sequence, users + users, now=NOW)
    assert len(enrolments) == 2  # duplicates skipped
    assert start_sequence(db, sequence, users, now=NOW) == []  # already active
    tasks = db.execute("SELECT title, due, user_id, sequence_id, important, urgent, tags FROM tasks ORDER BY id").fetchall()
    # One task for the day's queue, not one per user.
    assert tasks == [("流失召回：2 人待联系（电话召回）", "2026-11-25T10:00", None, sequence, 1, 1, '["召回"]')]
    assert get_user(db, users[0]).stage == "召回中"


def test_logging_advances_then_conversion_ends(db):
    user = create_user(db, name="王芳", stage="流失", now=NOW)
    sequence = make_sequence(db)
    start_sequence(db, sequence, [user], now=NOW)
    log_contact(db, user_id=user, topic="召回", outcome="已解决", summary="电话召回，说明降息", now=NOW)
    queue = recall_queue(db, sequence)
    assert queue[0].step == 2 and queue[0].next_due == "2026-11-26T10:00" and queue[0].channel == "微信"
    # Today's task is done (nobody left today), tomorrow's counts the user at step 2.
    assert db.execute("SELECT title, status, due, urgent FROM tasks WHERE sequence_id = ? ORDER BY id", [sequence]).fetchall() == [
        ("流失召回：1 人待联系（电话召回）", "done", "2026-11-25T10:00", 1),
        ("流失召回：1 人待联系（次日微信关怀+优惠券）", "open", "2026-11-26T10:00", 0)]
    log_contact(db, user_id=user, channel="微信", topic="召回", outcome="已转化", now=NOW)
    assert recall_queue(db, sequence) == []
    assert queue_progress(db, sequence) == {"enrolled": 1, "contacted": 1, "converted": 1, "active": 0, "stopped": 0, "completed": 0}
    assert get_user(db, user).stage == "已召回"
    assert recall_success(db)[0]["rate"] == 1.0


def test_unanswered_call_keeps_the_step_until_tries_run_out(db):
    user = create_user(db, name="李四", stage="流失", now=NOW)
    sequence = make_sequence(db)
    start_sequence(db, sequence, [user], now=NOW)
    log_contact(db, user_id=user, outcome="未接通", now=NOW)
    assert recall_queue(db, sequence)[0].step == 1
    log_contact(db, user_id=user, outcome="未接通", now=NOW)
    log_contact(db, user_id=user, outcome="未接通", now=NOW)
    assert recall_queue(db, sequence)[0].step == 2  # after the third try the sequence moves on


def test_queue_next_skips_the_one_just_worked(db):
    users = [create_user(db, name=n, now=NOW) for n in ("一", "二")]
    sequence = make_sequence(db)
    first, second = start_sequence(db, sequence, users, now=NOW)
    assert next_in_queue(db, sequence).enrolment_id == first
    assert next_in_queue(db, sequence, first).enrolment_id == second


def test_similar_findings_merge_with_a_user_count(db):
    a, b, c = (create_user(db, name=n, now=NOW) for n in ("甲", "乙", "丙"))
    first = raise_finding(db, "产品bug", "借款页按钮点不动", user_id=a, now=NOW)
    assert raise_finding(db, "产品bug", "借款页的按钮点不动了", user_id=b, now=NOW) == first
    assert raise_finding(db, "产品bug", "借款页按钮点不动", user_id=b, now=NOW) == first
    other_kind = raise_finding(db, "新需求", "借款页按钮点不动", user_id=c, now=NOW)
    different = raise_finding(db, "产品bug", "人脸识别失败", user_id=c, now=NOW)
    assert len({first, other_kind, different}) == 3
    board = findings_board(db)
    top = board["产品bug"][0]
    assert (top.id, top.mentions, top.user_count) == (first, 3, 2)
    assert similarity("支持微信还款", "希望支持微信还款") == 1.0


def test_manual_merge_and_unmerge(db):
    a = raise_finding(db, "新渠道", "小红书推荐来的", now=NOW)
    b = raise_finding(db, "新渠道", "朋友圈看到广告", now=NOW)
    moved = merge_findings(db, a, [b], now=NOW)
    board = findings_board(db)["新渠道"]
    assert [(f.id, f.mentions) for f in board] == [(a, 2)]
    unmerge_findings(db, a, moved, now=NOW)
    assert sorted((f.id, f.mentions) for f in findings_board(db)["新渠道"]) == [(a, 1), (b, 1)]


def test_status_dates_and_closed_findings_leave_the_board(db):
    finding = raise_finding(db, "其他", "客服专线打不通", now=NOW)
    set_status(db, finding, "已反馈", now=NOW)
    assert db.execute("SELECT status, reported_at FROM findings").fetchone() == ("已反馈", "2026-11-25T09:00:00")
    set_status(db, finding, "已关闭", now=NOW)
    assert findings_board(db)["其他"] == []
    assert findings_board(db, include_closed=True)["其他"][0].id == finding


def test_snippet_variables_and_conversion_share(db):
    user = create_user(db, name="王芳", attributes={"额度": 8000}, now=NOW)
    snippet = create_snippet(db, "开场白", "{姓名}您好，您的额度{额度}元，{到期日}前有效", now=NOW)
    assert render(list_snippets(db)[0].body, get_user(db, user)) == "王芳您好，您的额度8000元，{到期日}前有效"
    log_contact(db, user_id=user, snippet_id=snippet, outcome="已转化", topic="召回", now=NOW)
    log_contact(db, user_id=user, snippet_id=snippet, outcome="拒绝", topic="召回", now=NOW)
    stats = list_snippets(db)[0]
    assert (stats.use_count, stats.converted, stats.conversion_rate) == (2, 1, 0.5)
    assert conversion_by_snippet(db, date(2026, 11, 25), date(2026, 11, 25))[0]["rate"] == 0.5
    assert conversion_by_topic(db, date(2026, 11, 25), date(2026, 11, 25)) == [
        {"topic": "召回", "contacts": 2, "converted": 1, "rate": 0.5}]
    assert contacts_per_day(db, date(2026, 11, 25), date(2026, 11, 25), by="outcome") == [
        ("2026-11-25", "已转化", 1), ("2026-11-25", "拒绝", 1)]
