"""Recall sequences: named series of touches (电话召回 → 次日微信关怀+优惠券 → 3天后短信).

Starting a sequence for users schedules the first touch as a task in the matrix; logging a contact
with the user advances the enrolment to the next touch (another task) or ends it (已转化, 拒绝 …).
The recall work queue walks the active enrolments in due order.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Iterable

from workbench.contacts.users import now_text
from workbench.errors import UserError
from workbench.store import write_transaction

if TYPE_CHECKING:
    from sqlite_utils import Database

ACTIVE = "进行中"
ENDED = ("已转化", "已完成", "已停止")


@dataclass
class Step:
    position: int
    delay_days: int
    hour: int
    channel: str
    title: str
    snippet_id: int | None = None


def create_sequence(db: Database, name: str, steps: Iterable[Step | dict], description: str = "",
                    now: datetime | None = None) -> int:
    name = (name or "").strip()
    steps = [s if isinstance(s, Step) else Step(**s) for s in steps]
    if not name:
        raise UserError("召回序列需要一个名称。", "A recall sequence needs a name.")
    if not steps:
        raise UserError("召回序列至少需要一步。", "A recall sequence needs at least one step.")
    with write_transaction(db):
        sequence_id = int(db.execute("INSERT INTO sequences (name, description, active, created_at) VALUES (?, ?, 1, ?)",
                                     [name, description, now_text(now)]).lastrowid)
        for position, step in enumerate(steps, start=1):
            db.execute("INSERT INTO sequence_steps (sequence_id, position, delay_days, hour, channel, title, snippet_id)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?)",
                       [sequence_id, position, step.delay_days, step.hour, step.channel, step.title, step.snippet_id])
    return sequence_id


def list_sequences(db: Database) -> list[dict]:
    return [dict(zip(("id", "name", "description", "active"), r)) for r in
            db.execute("SELECT id, name, description, active FROM sequences ORDER BY id")]


def sequence_steps(db: Database, sequence_id: int) -> list[Step]:
    return [Step(*r) for r in db.execute(
        "SELECT position, delay_days, hour, channel, title, snippet_id FROM sequence_steps"
        " WHERE sequence_id = ? ORDER BY position", [sequence_id])]


def _step_due(start: date, step: Step) -> str:
    return f"{(start + timedelta(days=step.delay_days)).isoformat()}T{step.hour:02d}:00"


def _step_task(db: Database, sequence_name: str, step: Step, steps_total: int, user_id: int, due: str,
               now: datetime) -> int:
    from workbench.tasks.repository import create_task

    name = db.execute("SELECT coalesce(name, external_id, '用户' || id) FROM users WHERE id = ?", [user_id]).fetchone()[0]
    return create_task(db, f"{step.title}：{name}（{sequence_name} {step.position}/{steps_total}）", important=True,
                       urgent=due[:10] <= now.date().isoformat(), due=due, user_id=user_id, tags=["召回"], now=now)


def start_sequence(db: Database, sequence_id: int, user_ids: Iterable[int], *, list_name: str | None = None,
                   now: datetime | None = None) -> list[int]:
    """Enrol users (skipping those already active in it); returns the new enrolment ids.

    Each enrolled user's stage becomes 召回中 and the first touch becomes a task."""
    now = now or datetime.now()
    row = db.execute("SELECT name FROM sequences WHERE id = ?", [sequence_id]).fetchone()
    if row is None:
        raise UserError(f"找不到召回序列 {sequence_id}。", f"Recall sequence {sequence_id} does not exist.")
    steps = sequence_steps(db, sequence_id)
    enrolled: list[int] = []
    with write_transaction(db):
        active = {r[0] for r in db.execute("SELECT user_id FROM sequence_enrolments WHERE sequence_id = ? AND status = ?",
                                           [sequence_id, ACTIVE])}
        for user_id in dict.fromkeys(user_ids):
            if user_id in active:
                continue
            due = _step_due(now.date(), steps[0])
            task_id = _step_task(db, row[0], steps[0], len(steps), user_id, due, now)
            enrolment_id = int(db.execute(
                "INSERT INTO sequence_enrolments (sequence_id, user_id, status, step, next_due, task_id, started_at, list_name)"
                " VALUES (?, ?, ?, 1, ?, ?, ?, ?)",
                [sequence_id, user_id, ACTIVE, due, task_id, now_text(now), list_name]).lastrowid)
            db.execute("UPDATE users SET stage = '召回中', updated_at = ? WHERE id = ?", [now_text(now), user_id])
            enrolled.append(enrolment_id)
    return enrolled


def active_enrolment(db: Database, user_id: int | None) -> dict | None:
    if user_id is None:
        return None
    row = db.execute("SELECT id, sequence_id, step, task_id FROM sequence_enrolments WHERE user_id = ? AND status = ?"
                     " ORDER BY next_due LIMIT 1", [user_id, ACTIVE]).fetchone()
    return dict(zip(("id", "sequence_id", "step", "task_id"), row)) if row else None


def _finish_task(db: Database, task_id: int | None, now: datetime) -> None:
    if task_id:
        db.execute("UPDATE tasks SET status = 'done', done_at = ? WHERE id = ? AND status = 'open'", [now_text(now), task_id])


def advance(db: Database, enrolment_id: int, outcome: str | None, step_rule, *, retrying: bool = False,
            now: datetime | None = None) -> str:
    """Move an enrolment on after a contact; returns its new status.

    An outcome that ends sequences (已转化 ⇒ 已转化, 拒绝/流失 ⇒ 已停止) ends it; an unanswered call
    that will be retried keeps the step (the retry is its own task); anything else moves to the next
    touch, or 已完成 after the last."""
    now = now or datetime.now()
    sequence_id, step_no, task_id = db.execute(
        "SELECT sequence_id, step, task_id FROM sequence_enrolments WHERE id = ?", [enrolment_id]).fetchone()
    with write_transaction(db):
        db.execute("UPDATE sequence_enrolments SET last_outcome = ? WHERE id = ?", [outcome, enrolment_id])
        if step_rule.ends_sequence:
            _finish_task(db, task_id, now)
            db.execute("UPDATE sequence_enrolments SET status = ?, ended_at = ?, task_id = NULL WHERE id = ?",
                       [step_rule.ends_sequence, now_text(now), enrolment_id])
            return step_rule.ends_sequence
        if retrying:
            return ACTIVE
        _finish_task(db, task_id, now)
        steps = sequence_steps(db, sequence_id)
        if step_no >= len(steps):
            db.execute("UPDATE sequence_enrolments SET status = '已完成', ended_at = ?, task_id = NULL WHERE id = ?",
                       [now_text(now), enrolment_id])
            return "已完成"
        following = steps[step_no]
        due = _step_due(now.date(), following)
        name = db.execute("SELECT name FROM sequences WHERE id = ?", [sequence_id]).fetchone()[0]
        user_id = db.execute("SELECT user_id FROM sequence_enrolments WHERE id = ?", [enrolment_id]).fetchone()[0]
        new_task = _step_task(db, name, following, len(steps), user_id, due, now)
        db.execute("UPDATE sequence_enrolments SET step = ?, next_due = ?, task_id = ? WHERE id = ?",
                   [step_no + 1, due, new_task, enrolment_id])
        return ACTIVE


def stop_enrolment(db: Database, enrolment_id: int, now: datetime | None = None) -> None:
    now = now or datetime.now()
    with write_transaction(db):
        task_id = db.execute("SELECT task_id FROM sequence_enrolments WHERE id = ?", [enrolment_id]).fetchone()
        if task_id and task_id[0]:
            db.execute("UPDATE tasks SET status = 'dropped', done_at = ? WHERE id = ? AND status = 'open'",
                       [now_text(now), task_id[0]])
        db.execute("UPDATE sequence_enrolments SET status = '已停止', ended_at = ?, task_id = NULL WHERE id = ?",
                   [now_text(now), enrolment_id])


# --- the recall work queue ------------------------------------------------------------------------
@dataclass
class QueueItem:
    enrolment_id: int
    user_id: int
    name: str | None
    phone: str | None
    external_id: str | None
    step: int
    step_title: str
    channel: str
    next_due: str


def recall_queue(db: Database, sequence_id: int, limit: int = 500) -> list[QueueItem]:
    """Active enrolments, the earliest due first: the operator works down this list."""
    rows = db.execute(
        "SELECT e.id, e.user_id, u.name, u.phone, u.external_id, e.step, s.title, s.channel, e.next_due"
        " FROM sequence_enrolments e JOIN users u ON u.id = e.user_id"
        " JOIN sequence_steps s ON s.sequence_id = e.sequence_id AND s.position = e.step"
        " WHERE e.sequence_id = ? AND e.status = ? ORDER BY e.next_due, e.id LIMIT ?",
        [sequence_id, ACTIVE, limit]).fetchall()
    return [QueueItem(*r) for r in rows]


def next_in_queue(db: Database, sequence_id: int, after_enrolment: int | None = None) -> QueueItem | None:
    for item in recall_queue(db, sequence_id, limit=50):
        if item.enrolment_id != after_enrolment:
            return item
    return None


def queue_progress(db: Database, sequence_id: int) -> dict:
    """{"enrolled", "contacted", "converted", "active", "stopped", "completed"} for the progress line."""
    enrolled, active, converted, stopped, completed = db.execute(
        "SELECT count(*), sum(status = '进行中'), sum(status = '已转化'), sum(status = '已停止'), sum(status = '已完成')"
        " FROM sequence_enrolments WHERE sequence_id = ?", [sequence_id]).fetchone()
    contacted = db.execute(
        "SELECT count(DISTINCT e.id) FROM sequence_enrolments e JOIN contacts c ON c.enrolment_id = e.id"
        " WHERE e.sequence_id = ?", [sequence_id]).fetchone()[0]
    return {"enrolled": enrolled or 0, "contacted": contacted or 0, "converted": converted or 0,
            "active": active or 0, "stopped": stopped or 0, "completed": completed or 0}
