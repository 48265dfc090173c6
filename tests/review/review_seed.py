"""A hand-made week of work (ISO week 2026-W47, Mon 16 – Sun 22 November) for the review tests."""
from __future__ import annotations

from datetime import date, datetime

from workbench.review.weeks import IsoWeek
from tests.conftest import PINNED_NOW

WEEK = IsoWeek(2026, 47)
TODAY = date(2026, 11, 25)
NASTY_TITLES = ["=1+1", "@SUM(A1)", "+86 回电", "-2 项待办", "换行\x0b粘贴的标题"]


def dt(day: int, hour: int = 10, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, 0)


def seed_week(db) -> dict:
    """Tasks, contacts, findings, a PDCA cycle and alerts in and around the week; returns ids."""
    from workbench.contacts.contact_log import log_contact
    from workbench.contacts.findings import raise_finding
    from workbench.contacts.users import create_user
    from workbench.pdca import repository as pdca
    from workbench.tasks.repository import create_task

    def task(title, created, *, important=False, urgent=False, due=None, done=None, status=None, triaged=None):
        task_id = create_task(db, title, important=important, urgent=urgent, due=due, now=created, triaged=triaged)
        if done is not None:
            db.execute("UPDATE tasks SET status = ?, done_at = ? WHERE id = ?",
                       [status or "done", done.isoformat(timespec="seconds"), task_id])
        return task_id

    ids = {}
    # Done in the week: 2 × q1, 3 × q2, 1 × q3, 1 from the inbox; one done the week before; one dropped.
    task("处理红色预警", dt(16, 9), important=True, urgent=True, due="2026-11-16", done=dt(16, 15))
    task("回电 王芳", dt(15), important=True, urgent=True, due="2026-11-17", done=dt(18, 11))  # done late
    task("整理借款常见问题SOP", dt(10), important=True, due="2026-11-20", done=dt(19, 16))
    task("设计流失预警规则", dt(16, 11), important=True, done=dt(21, 10))
    task(NASTY_TITLES[0], dt(17), important=True, done=dt(22, 20))
    task("回复渠道经理的邮件", dt(17), urgent=True, done=dt(17, 12))
    task(NASTY_TITLES[1], dt(18), done=dt(18, 18), triaged=False)  # done straight from the inbox
    task("上周完成的事", dt(9), important=True, done=dt(13))
    task("清理旧的微信群", dt(16), due="2026-11-18", done=dt(18), status="dropped")
    # Open: overdue in the week, rolled over, due next week, captured into the inbox.
    ids["overdue"] = task(NASTY_TITLES[2], dt(16), important=True, urgent=True, due="2026-11-19")
    ids["old_overdue"] = task("两周前就该做完", dt(2), important=True, due="2026-11-06")
    task("下周的事", dt(20), important=True, due="2026-11-27")
    task(NASTY_TITLES[3], dt(21), triaged=False)
    task(NASTY_TITLES[4], dt(22, 23), triaged=False)
    task("本周之后记下", dt(23), triaged=False)

    wang = create_user(db, name="王芳", phone="13800138000", channel="抖音信息流", now=PINNED_NOW)
    li = create_user(db, name="李雷", phone="13912345678", now=PINNED_NOW)
    zhao = create_user(db, name="赵敏", phone="13700001111", now=PINNED_NOW)
    log_contact(db, user_id=wang, channel="电话", topic="召回", outcome="已转化", summary="回拨 13800138000，已借款",
                at=dt(16, 10), now=PINNED_NOW)
    log_contact(db, user_id=li, channel="电话", topic="召回", outcome="未接通", at=dt(17, 10), now=PINNED_NOW)
    log_contact(db, user_id=li, channel="微信", topic="召回", outcome="待跟进", at=dt(18, 10), now=PINNED_NOW)
    log_contact(db, user_id=zhao, channel="微信", topic="咨询", outcome="已解决", summary="=HYPERLINK(\"x\")",
                at=dt(19, 10), now=PINNED_NOW)
    log_contact(db, user_id=zhao, channel="电话", topic="投诉", outcome="已转化", at=dt(22, 21), now=PINNED_NOW)
    log_contact(db, user_id=wang, channel="电话", topic="回访", outcome="已解决", at=dt(23, 10), now=PINNED_NOW)  # next week
    log_contact(db, user_id=li, channel="短信", topic="召回", outcome="拒绝", at=dt(13, 10), now=PINNED_NOW)  # week before
    raise_finding(db, "产品bug", "借款页按钮点不动", now=dt(19, 11))
    raise_finding(db, "新渠道", "用户说是在小红书看到的", now=dt(20, 15))
    raise_finding(db, "新需求", "想要提前还款提醒", now=dt(12, 15))

    cycle = pdca.create_cycle(db, "优惠券 → SOP", now=dt(2, 9), baseline=0.08, target=0.1,
                              metric_dataset="核心指标", metric_column="借款转化率")
    pdca.move_stage(db, cycle, "do", now=dt(9, 9))
    pdca.move_stage(db, cycle, "check", now=dt(20, 9))
    ids["cycle"] = cycle
    later = pdca.create_cycle(db, "次日留存", now=dt(17, 9))  # idle since the 17th
    ids["idle_cycle"] = later

    for day, level in (("2026-11-18", "red"), ("2026-11-21", "yellow"), ("2026-11-24", "orange")):
        db.execute("INSERT INTO alerts (rule_id, dataset, metric, date, level, value, reference, rule_text, status,"
                   " created_at) VALUES (1, '核心指标', '次日留存率', ?, ?, 0.21, 0.3, '日环比下降超过 20%', 'open', ?)",
                   [day, level, day + "T08:00:00"])
    return ids


