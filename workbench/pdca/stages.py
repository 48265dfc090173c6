"""Stages of a PDCA cycle and the moves between them, stall detection and the chain of cycles.

Pure functions: the repository feeds them rows and dates.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from workbench.errors import UserError

PLAN, DO, CHECK, ACT, CLOSED = "plan", "do", "check", "act", "closed"
STAGES = (PLAN, DO, CHECK, ACT, CLOSED)
STAGE_NAMES_ZH = {PLAN: "计划", DO: "执行", CHECK: "检查", ACT: "处理", CLOSED: "已关闭"}
STAGE_NAMES_EN = {PLAN: "Plan", DO: "Do", CHECK: "Check", ACT: "Act", CLOSED: "Closed"}

STANDARDIZE, ADJUST, ABANDON = "standardize", "adjust", "abandon"
DECISIONS = (STANDARDIZE, ADJUST, ABANDON)
DECISION_NAMES_ZH = {STANDARDIZE: "标准化", ADJUST: "调整后再循环", ABANDON: "放弃"}

DEFAULT_IDLE_DAYS = 7
IDLE, CHECK_OVERDUE = "idle", "check_overdue"
# How often a cycle is reviewed when it has no interval of its own (OmniFocus-style repeating review):
# a plan is looked at weekly, Do runs two weeks before its Check, Check and Act are decided within days.
REVIEW_DAYS = {PLAN: 7, DO: 14, CHECK: 3, ACT: 3}


def review_interval(stage: str, review_days: int | None) -> int:
    """Days between reviews: the cycle's own interval, else its stage's default."""
    return review_days if review_days else REVIEW_DAYS.get(stage, 7)


def review_due(stage: str, next_review: date | None, today: date) -> bool:
    """The cycle's review date has come (any open stage): the board marks it until "mark reviewed"."""
    return stage != CLOSED and next_review is not None and next_review <= today


def next_review_after(stage: str, review_days: int | None, day: date) -> date:
    return day + timedelta(days=review_interval(stage, review_days))


def next_stage(stage: str) -> str | None:
    index = STAGES.index(stage)
    return STAGES[index + 1] if index + 1 < len(STAGES) else None


def previous_stage(stage: str) -> str | None:
    index = STAGES.index(stage)
    return STAGES[index - 1] if 0 < index < len(STAGES) - 1 else None


def check_move(stage: str, target: str, *, decision: str | None = None) -> None:
    """Raise UserError unless stage → target is one step forward or back (closing needs a decision)."""
    if target not in STAGES or stage not in STAGES:
        raise UserError(f"未知的阶段：{target}", f"Unknown stage: {target}")
    if stage == CLOSED:
        raise UserError("这个循环已关闭，不能再移动。", "This cycle is closed and cannot move any more.")
    if target not in (next_stage(stage), previous_stage(stage)):
        raise UserError(
            f"只能从「{STAGE_NAMES_ZH[stage]}」前进或后退一步，不能直接到「{STAGE_NAMES_ZH[target]}」。",
            f"A cycle moves one stage at a time; {STAGE_NAMES_EN[stage]} cannot go to {STAGE_NAMES_EN[target]}.")
    if target == CLOSED and decision not in DECISIONS:
        raise UserError("关闭前请先做出处理决定（标准化 / 调整后再循环 / 放弃）。",
                        "Choose an Act decision (standardise / adjust and repeat / abandon) before closing.")


def stall_reason(stage: str, *, last_activity: date, next_review: date | None, today: date,
                 idle_days: int = DEFAULT_IDLE_DAYS) -> str | None:
    """Why a cycle is stalled: CHECK_OVERDUE (in Do past its review date), IDLE (no Do note, task
    done or stage move for idle_days), or None. A review that is due in another stage is not a stall
    (see review_due): it asks for a look, as OmniFocus' review does, not for a task."""
    if stage == CLOSED:
        return None
    if stage == DO and next_review is not None and next_review < today:
        return CHECK_OVERDUE
    if (today - last_activity).days >= idle_days:
        return IDLE
    return None


def days_in_stage(stage_since: date, today: date) -> int:
    return max((today - stage_since).days, 0)


@dataclass(frozen=True)
class ChainLink:
    id: int
    previous_id: int | None
    depth: int  # 0 for the first cycle of the chain


def build_chain(links: dict[int, int | None], cycle_id: int) -> list[ChainLink]:
    """The whole chain a cycle belongs to, root first, each successor after its predecessor.

    links maps cycle id → previous cycle id. Guards against loops in damaged data.
    """
    root, seen = cycle_id, {cycle_id}
    while links.get(root) is not None and links[root] not in seen and links[root] in links:
        root = links[root]
        seen.add(root)
    children: dict[int, list[int]] = {}
    for child, parent in links.items():
        if parent is not None:
            children.setdefault(parent, []).append(child)
    ordered: list[ChainLink] = []
    visited: set[int] = set()
    stack = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if node in visited:
            continue
        visited.add(node)
        ordered.append(ChainLink(node, links.get(node) if node != root else None, depth))
        for child in sorted(children.get(node, []), reverse=True):
            stack.append((child, depth + 1))
    return ordered
