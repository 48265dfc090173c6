"""Demo data of the tasks feature (called by workbench/demo.py inside one transaction).

A believable morning: a dozen untriaged captures, tasks in every quadrant (some overdue, some due
today, one 重要不紧急 about to be promoted), done tasks in this and last ISO week for the review, and
at --scale N about N×1,000 tasks, almost all of them done (the history a year of work leaves).
"""
from __future__ import annotations

import json
import random
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


INBOX = ["回访 王芳 提现失败的问题", "渠道经理说下周有一批新素材", "查一下昨天的短信到达率", "给新用户发欢迎话术是否要改",
         "用户反馈借款页按钮点不动", "整理抖音信息流的投放数据", "问技术：还款提醒推送时间能否调整",
         "想一个沉默用户召回的新文案", "看看竞品的新人礼包", "客服群里有人问额度怎么提升", "更新常见问题SOP的第3条",
         "约产品经理聊新需求"]
# (title, quadrant, due offset in days or None, time or None, tags)
TRIAGED = [
    ("处理红色预警：次日留存下降", "q1", 0, None, ["预警"]),
    ("回电 王芳 提现问题", "q1", -1, "10:00", ["召回"]),
    ("准备明天周会的数据", "q1", 1, None, ["周会"]),
    ("跟进高价值沉默用户名单", "q1", 0, "16:00", ["召回"]),
    ("整理借款常见问题SOP", "q2", 2, None, ["SOP"]),
    ("设计流失预警规则", "q2", 9, None, ["预警"]),
    ("复盘上个月的召回活动", "q2", None, None, ["复盘"]),
    ("搭建新用户7日留存看板", "q2", 14, None, ["数据"]),
    ("学习RFM分层方法", "q2", None, None, ["学习"]),
    ("写渠道质量分析报告", "q2", 6, None, ["渠道"]),
    ("回复渠道经理的邮件", "q3", 0, None, ["渠道"]),
    ("给运营群发本周活动通知", "q3", -2, None, []),
    ("填写报销单", "q3", 1, None, []),
    ("清理旧的微信群", "q4", None, None, []),
    ("整理收藏夹里的文章", "q4", None, None, []),
]
FLAGS = {"q1": (1, 1), "q2": (1, 0), "q3": (0, 1), "q4": (0, 0)}
DONE_TITLES = ["回访用户", "发送召回短信", "核对渠道数据", "更新话术", "整理周报", "处理用户投诉", "跟进借款失败用户",
               "检查预警", "导入周报表", "优化新人引导文案", "电话回访沉默用户", "确认活动奖励发放"]
TAGS = ["召回", "促活", "拉新", "转化", "渠道", "数据", "SOP", "预警", "复盘"]


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S")


def fill(db: Database, today: date, scale: int, rng: random.Random) -> None:
    """Add realistic, coherent demo rows dated around today; scale multiplies the volume."""
    morning = datetime.combine(today, time(8, 40))
    user_ids = [r[0] for r in db.execute("SELECT id FROM users ORDER BY id LIMIT 200")] if db["users"].exists() else []
    alert = db.execute("SELECT id FROM alerts WHERE level = 'red' ORDER BY date DESC LIMIT 1").fetchone() \
        if db["alerts"].exists() else None
    rows: list[tuple] = []

    def add(title, quadrant, *, due=None, tags=(), created=None, triaged=True, status="open", done_at=None,
            position=0.0, user_id=None, alert_id=None, recurrence=None, notes=""):
        important, urgent = FLAGS.get(quadrant, (0, 0))
        created = created or morning - timedelta(days=rng.randint(1, 6), minutes=rng.randint(0, 600))
        rows.append((title, notes, important, urgent, status, due, recurrence, json.dumps(list(tags), ensure_ascii=False),
                     _stamp(created), _stamp(created + timedelta(hours=1)) if triaged else None,
                     done_at, position, user_id, None, None, alert_id))

    for index, title in enumerate(INBOX):
        add(title, "inbox", triaged=False, created=morning - timedelta(hours=index * 3 + 1), position=index + 1.0,
            user_id=user_ids[index] if index == 0 and user_ids else None)
    for index, (title, quadrant, offset, at, tags) in enumerate(TRIAGED):
        due = None
        if offset is not None:
            due = (today + timedelta(days=offset)).isoformat() + (f"T{at}" if at else "")
        add(title, quadrant, due=due, tags=tags, position=index + 1.0,
            user_id=user_ids[1] if "王芳" in title and len(user_ids) > 1 else None,
            alert_id=alert[0] if alert and "预警" in title and quadrant == "q1" else None)
    add("写周报", "q2", due=_next_weekday(today, 4).isoformat(), tags=["复盘"], recurrence="FREQ=WEEKLY;BYDAY=FR",
        position=20.0)
    add("每日核对核心指标", "q3", due=today.isoformat(), tags=["数据"], recurrence="FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
        position=20.0)
    # Done and dropped work: this ISO week and the previous one (the weekly review counts these),
    # then, at larger scales, a long history.
    monday = today - timedelta(days=today.weekday())
    for index in range(36):
        day = monday - timedelta(days=7) + timedelta(days=index % 14 * 1)
        if day > today:
            day = today - timedelta(days=index % 3)
        quadrant = ("q1", "q2", "q2", "q3", "q4", "q1")[index % 6]
        finished = datetime.combine(day, time(9 + index % 9, (index * 7) % 60))
        if finished > morning:  # done "today" means earlier this morning, not later today
            finished = morning - timedelta(minutes=10 + index * 7)
        add(f"{DONE_TITLES[index % len(DONE_TITLES)]}", quadrant, tags=[TAGS[index % len(TAGS)]],
            created=finished - timedelta(days=1 + index % 4), status="dropped" if index % 12 == 11 else "done",
            done_at=_stamp(finished), due=day.isoformat() if index % 2 else None,
            user_id=user_ids[index % len(user_ids)] if user_ids and index % 3 == 0 else None)
    history = max(0, scale * 1000 - 1000) if scale > 1 else 0
    for index in range(history):
        finished = morning - timedelta(days=15 + rng.randint(0, 720), minutes=rng.randint(0, 600))
        quadrant = rng.choice(("q1", "q2", "q2", "q3", "q3", "q4"))
        add(f"{rng.choice(DONE_TITLES)} {index}", quadrant, tags=[rng.choice(TAGS)],
            created=finished - timedelta(days=rng.randint(0, 5)),
            status="dropped" if rng.random() < 0.08 else "done", done_at=_stamp(finished))
    # Some open work at scale, so the grid is busy but not absurd (about 1% open).
    for index in range(scale * 10 if scale > 1 else 0):
        quadrant = rng.choice(("q1", "q2", "q3", "q4", "inbox"))
        add(f"{rng.choice(DONE_TITLES)} · 批量 {index}", quadrant, triaged=quadrant != "inbox",
            due=(today + timedelta(days=rng.randint(-3, 20))).isoformat(), position=100.0 + index)
    db.conn.executemany(
        "INSERT INTO tasks (title, notes, important, urgent, status, due, recurrence, tags, created_at, triaged_at,"
        " done_at, position, user_id, contact_id, pdca_cycle_id, alert_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        rows)


def _next_weekday(today: date, weekday: int) -> date:
    return today + timedelta(days=(weekday - today.weekday()) % 7)
