"""Demo data of the pdca feature (called by workbench/demo.py inside one transaction).

The seed's story: coupons drew many inquiries but few loans → the common questions became an SOP
with an illustrated guide (standardised) → better copy and small campaigns pushed it further (the
next cycle, now in Check) — plus a retention cycle whose Check is overdue and one still in Plan.
"""
from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from workbench.pdca import linked_facts
from workbench.pdca import repository as repo

if TYPE_CHECKING:
    from sqlite_utils import Database


def _pick_metric(db: Database, words: tuple[str, ...]) -> tuple[str | None, str | None, str]:
    """A dataset column for a goal: the first whose name holds one of the words, else any percent."""
    try:
        choices = linked_facts.metric_choices(db)
    except Exception:  # the reports feature may not be installed  # noqa: BLE001
        choices = []
    for word in words:
        for dataset, column, kind in choices:
            if word in column:
                return dataset, column, kind
    for dataset, column, kind in choices:
        if kind == "percent":
            return dataset, column, kind
    return (choices[0] if choices else (None, None, "number"))


def _level(db: Database, dataset: str | None, column: str | None, start: date, end: date) -> float | None:
    values = [v for d, v in linked_facts.metric_series(db, dataset, column) if v is not None and start.isoformat() <= d[:10] <= end.isoformat()]
    return sum(values) / len(values) if values else None


def _goal(db, dataset, column, kind, do_start: date, lift: float) -> tuple[float | None, float | None]:
    """Baseline = the real mean of the 14 days before Do; target = baseline moved by `lift`."""
    base = _level(db, dataset, column, do_start - timedelta(days=14), do_start - timedelta(days=1))
    if base is None:
        base = 0.08 if kind == "percent" else 100.0
    return round(base, 4), round(base * (1 + lift), 4)


def fill(db: Database, today: date, scale: int, rng: random.Random) -> None:
    """Add realistic, coherent demo rows dated around today; scale multiplies the volume."""
    def at(days_ago: int, hour: int = 10) -> datetime:
        return datetime.combine(today - timedelta(days=days_ago), time(hour, rng.randint(0, 59)))

    dataset, column, kind = _pick_metric(db, ("首借人数", "首借", "借款", "转化"))
    # 1. Coupons → SOP with an illustrated guide: done and standardised.
    base, target = _goal(db, dataset, column, kind, today - timedelta(days=42), 0.25)
    sop = repo.create_cycle(
        db, "优惠券咨询多、借款少：常见问题 SOP", now=at(56, 9),
        problem="送优惠券后咨询量大增，但直接借款的很少；逐个解答问题耗费大量精力，投入产出比低。",
        metric_dataset=dataset, metric_column=column, baseline=base, target=target,
        deadline=(today - timedelta(days=14)).isoformat(),
        hypothesis="把共性问题和用户最关心的问题整理成 SOP，配一份图文引导，用户更容易理解，借款路径更短。",
        prediction=round(base * 1.2, 4) if base else None, link_topic="咨询",
        root_cause="为什么咨询多借款少？→ 用户看不懂借款流程 → 每个人问的都是同几个问题 → 没有统一的说明和引导",
    )
    for offset, title in ((50, "整理近两周咨询里的高频问题"), (47, "写 SOP 并配图文引导"), (44, "把图文引导加到券面和私信话术")):
        task_id = repo.add_plan_step(db, sop, title, due=(today - timedelta(days=offset)).isoformat(), now=at(offset + 4))
        db.execute("UPDATE tasks SET status = 'done', done_at = ? WHERE id = ?", [at(offset, 17).isoformat(timespec="seconds"), task_id])
    repo.move_stage(db, sop, "do", now=at(42, 9))
    repo.add_note(db, sop, "高频问题前五：额度、利率、还款日、提前还款、到账时间；已写成问答。", now=at(40, 18))
    repo.add_note(db, sop, "图文引导上线，私信统一发链接；当天咨询时长明显缩短。", now=at(35, 18))
    repo.move_stage(db, sop, "check", now=at(21, 10))
    repo.move_stage(db, sop, "act", now=at(20, 10))
    repo.apply_act(db, sop, "standardize",
                   "借款咨询 SOP：1. 先确认额度与用途 2. 发图文引导（还款日、利率、提前还款）3. 引导当场申请 4. 次日回访未申请的用户",
                   now=at(20, 11))

    # 2. Better copy and small campaigns: the next cycle, checked yesterday.
    base2, target2 = _goal(db, dataset, column, kind, today - timedelta(days=14), 0.15)
    copy = repo.create_cycle(
        db, "改进券面文案 + 小活动，进一步提升借款转化", now=at(19, 9), previous_id=sop,
        problem="SOP 之后转化提升了，但领券后 3 天内借款的比例仍偏低。",
        metric_dataset=dataset, metric_column=column, baseline=base2, target=target2,
        deadline=(today + timedelta(days=7)).isoformat(),
        hypothesis="券面写清“借款即可用、到账快”，再配一个 3 天限时小活动，能把犹豫的用户推过门槛。",
        prediction=round(base2 * 1.1, 4) if base2 else None, link_topic="优惠券",
        root_cause="为什么领券不借？→ 券面只写金额 → 用户不知道怎么用 → 没有时间上的理由现在就借",
    )
    for offset, title, done in ((16, "写三版券面文案", True), (15, "设计 3 天限时小活动", True), (3, "统计小活动参与和借款", False)):
        task_id = repo.add_plan_step(db, copy, title, due=(today - timedelta(days=offset)).isoformat(), now=at(18))
        if done:
            db.execute("UPDATE tasks SET status = 'done', done_at = ? WHERE id = ?", [at(offset, 16).isoformat(timespec="seconds"), task_id])
    repo.move_stage(db, copy, "do", now=at(14, 9))
    repo.add_note(db, copy, "文案 B（“借款即可用，最快 5 分钟到账”）点击最好，全量替换。", now=at(12, 17))
    repo.add_note(db, copy, "小活动上线：领券 3 天内借款再减 10 元。", now=at(9, 10))
    repo.add_note(db, copy, "活动期间咨询量持平，借款笔数上升。", now=at(4, 18))
    repo.move_stage(db, copy, "check", now=at(1, 10))

    # 3. Retention: in Do past its review date (stalled → raises a task).
    ret_dataset, ret_column, ret_kind = _pick_metric(db, ("次日留存率", "留存"))
    base3, target3 = _goal(db, ret_dataset, ret_column, ret_kind, today - timedelta(days=24), 0.2)
    retention = repo.create_cycle(
        db, "次日留存偏低：新手引导加一步“设置还款提醒”", now=at(30, 9),
        problem="新用户次日留存低于上月。", metric_dataset=ret_dataset, metric_column=ret_column,
        baseline=base3, target=target3, deadline=(today + timedelta(days=10)).isoformat(),
        hypothesis="首日设置还款提醒的用户次日会回来看，留存会升。", prediction=target3, link_topic="新手",
        root_cause="为什么次日不回来？→ 首日没有留下回来的理由 → 没有提醒",
    )
    repo.add_plan_step(db, retention, "和产品确认引导改版排期", due=(today - timedelta(days=26)).isoformat(), now=at(29))
    repo.move_stage(db, retention, "do", now=at(24, 9))
    repo.add_note(db, retention, "产品排期延后一周，先用短信提醒代替。", now=at(18, 11))
    repo.update_cycle(db, retention, next_review=(today - timedelta(days=3)).isoformat())

    # 4. A new idea, still being planned.
    recall_dataset, recall_column, _ = _pick_metric(db, ("活跃用户(DAU)", "DAU", "活跃"))
    repo.create_cycle(
        db, "流失用户召回：电话 + 次日微信关怀券", now=at(2, 15),
        problem="30 天未登录的用户越来越多，单次电话召回成功率低。", metric_dataset=recall_dataset,
        metric_column=recall_column, hypothesis="多触点（电话 → 次日微信 + 券）比单次电话召回率高。",
        link_topic="召回",
    )
    repo.raise_stall_tasks(db, today, now=at(0, 8))
