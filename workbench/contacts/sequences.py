"""Recall sequences: named series of touches (电话召回 → 次日微信关怀+优惠券 → 3天后短信).

Starting a sequence for users schedules their first touch; logging a contact with a user advances
the enrolment to the next touch or ends it (已转化, 拒绝 …). The recall work queue walks the active
enrolments in due order: that is where the operator calls users one by one.

The matrix gets one task per (sequence, due day) — "流失用户召回（11月）：186 人待联系（…）" — not one per
user: 200 enrolled users are one block of work to plan, not 200 cards in 重要且紧急. sync_queue_tasks
derives those tasks from the enrolments after every change.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Iterable

from workbench.errors import UserError
from workbench.store import now_text, write_transaction

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
                    *, now: datetime) -> int:
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


def start_sequence(db: Database, sequence_id: int, user_ids: Iterable[int], *, list_name: str | None = None,
                   now: datetime) -> list[int]:
    """Enrol users (skipping those already active in it); returns the new enrolment ids.

    Each enrolled user's stage becomes 召回中; their first touch is counted in that day's task."""
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
            enrolment_id = int(db.execute(
                "INSERT INTO sequence_enrolments (sequence_id, user_id, status, step, next_due, started_at, list_name)"
                " VALUES (?, ?, ?, 1, ?, ?, ?)",
                [sequence_id, user_id, ACTIVE, due, now_text(now), list_name]).lastrowid)
            db.execute("UPDATE users SET stage = '召回中', updated_at = ? WHERE id = ?", [now_text(now), user_id])
            enrolled.append(enrolment_id)
        if enrolled:
            sync_queue_tasks(db, sequence_id, now, reopen_day=_step_due(now.date(), steps[0])[:10])
    return enrolled


def active_enrolment(db: Database, user_id: int | None) -> dict | None:
    if user_id is None:
        return None
    row = db.execute("SELECT id, sequence_id, step FROM sequence_enrolments WHERE user_id = ? AND status = ?"
                     " ORDER BY next_due LIMIT 1", [user_id, ACTIVE]).fetchone()
    return dict(zip(("id", "sequence_id", "step"), row)) if row else None


def advance(db: Database, enrolment_id: int, outcome: str | None, step_rule, *, retrying: bool = False,
            now: datetime) -> str:
    """Move an enrolment on after a contact; returns its new status.

    An outcome that ends sequences (已转化 ⇒ 已转化, 拒绝/流失 ⇒ 已停止) ends it; an unanswered call
    that will be retried keeps the step (the retry is its own task, linked to the user); anything
    else moves to the next touch, or 已完成 after the last. The day tasks follow (sync_queue_tasks)."""
    sequence_id, step_no = db.execute(
        "SELECT sequence_id, step FROM sequence_enrolments WHERE id = ?", [enrolment_id]).fetchone()
    with write_transaction(db):
        db.execute("UPDATE sequence_enrolments SET last_outcome = ? WHERE id = ?", [outcome, enrolment_id])
        if step_rule.ends_sequence:
            status = step_rule.ends_sequence
            db.execute("UPDATE sequence_enrolments SET status = ?, ended_at = ? WHERE id = ?",
                       [status, now_text(now), enrolment_id])
        elif retrying:
            # Unanswered: the user waits out the retry (2 h by default) before the queue offers them again.
            retry_at = (now + timedelta(hours=step_rule.retry_hours or 0)).strftime("%Y-%m-%dT%H:%M")
            db.execute("UPDATE sequence_enrolments SET next_due = ? WHERE id = ?", [retry_at, enrolment_id])
            status = ACTIVE
        else:
            steps = sequence_steps(db, sequence_id)
            if step_no >= len(steps):
                status = "已完成"
                db.execute("UPDATE sequence_enrolments SET status = ?, ended_at = ? WHERE id = ?",
                           [status, now_text(now), enrolment_id])
            else:
                status = ACTIVE
                db.execute("UPDATE sequence_enrolments SET step = ?, next_due = ? WHERE id = ?",
                           [step_no + 1, _step_due(now.date(), steps[step_no]), enrolment_id])
        sync_queue_tasks(db, sequence_id, now)
        return status


def stop_enrolment(db: Database, enrolment_id: int, now: datetime) -> None:
    row = db.execute("SELECT sequence_id FROM sequence_enrolments WHERE id = ?", [enrolment_id]).fetchone()
    if row is None:
        return
    with write_transaction(db):
        db.execute("UPDATE sequence_enrolments SET status = '已停止', ended_at = ? WHERE id = ? AND status = ?",
                   [now_text(now), enrolment_id, ACTIVE])
        sync_queue_tasks(db, row[0], now)


# --- the matrix's view of a sequence: one task per due day ------------------------------------------
def queue_days(db: Database, sequence_id: int) -> dict[str, dict]:
    """{day: {"count", "due" (earliest "YYYY-MM-DDTHH:MM" of the day), "steps": [(title, count)]}} over
    the active enrolments, steps in sequence order."""
    rows = db.execute(
        "SELECT substr(e.next_due, 1, 10) AS day, min(e.next_due), s.title, count(*)"
        " FROM sequence_enrolments e JOIN sequence_steps s ON s.sequence_id = e.sequence_id AND s.position = e.step"
        " WHERE e.sequence_id = ? AND e.status = ? AND e.next_due IS NOT NULL"
        " GROUP BY day, e.step ORDER BY day, e.step", [sequence_id, ACTIVE]).fetchall()
    days: dict[str, dict] = {}
    for day, first_due, title, count in rows:
        entry = days.setdefault(day, {"count": 0, "due": first_due[:16], "steps": []})
        entry["count"] += count
        entry["due"] = min(entry["due"], first_due[:16])
        entry["steps"].append((title, count))
    return days


def day_task_params(sequence_name: str, day: dict) -> dict:
    """The day task's title as parameters of the "recall_day" kind (tasks/generated_text.py)."""
    if len(day["steps"]) == 1:
        steps = day["steps"][0][0]
    else:
        steps = " · ".join(f"{title} {count}" for title, count in day["steps"])
    return {"sequence": sequence_name, "count": day["count"], "steps": steps}


def day_task_title(sequence_name: str, day: dict) -> str:
    """"流失用户召回（11月）：186 人待联系（电话召回 120 · 次日微信关怀+优惠券 66）"; with one touch due
    that day its count is the total, so only its name: "…：177 人待联系（电话召回）"."""
    from workbench.tasks.generated_text import title

    return title("", "recall_day", day_task_params(sequence_name, day))


def sync_queue_tasks(db: Database, sequence_id: int, now: datetime, *,
                     reopen_day: str | None = None) -> None:
    """Make the sequence's matrix tasks match its enrolments: one task per day that has users due.

    Idempotent. A day's task, once it exists, is the only one for that day whatever its status or due
    date (the operator may move it): an open one is retitled with the new counts, and one the operator
    checked off or dropped stays closed when contacts count it down. Newly enrolled users make their
    first day's task open again (`reopen_day`): that is new work. A day nobody is due on any more has its
    open task marked done at `now`."""
    from workbench.tasks.repository import create_task
    row = db.execute("SELECT name FROM sequences WHERE id = ?", [sequence_id]).fetchone()
    if row is None:
        return
    days = queue_days(db, sequence_id)
    from workbench.tasks.generated_text import params_json

    existing: dict[str, tuple[int, str, str | None, str | None]] = {}
    for task_id, day, status, kind, params in db.execute(
            "SELECT id, sequence_day, status, title_kind, title_params FROM tasks WHERE sequence_id = ? ORDER BY id",
            [sequence_id]):
        existing.setdefault(day or "", (task_id, status, kind, params))
    today = now.date().isoformat()
    with write_transaction(db):
        for day, entry in days.items():
            params = day_task_params(row[0], entry)
            title = day_task_title(row[0], entry)
            if day not in existing:
                create_task(db, title, title_kind="recall_day", title_params=params, important=True,
                            urgent=day <= today, due=entry["due"], tags=["召回"],
                            sequence_id=sequence_id, sequence_day=day, now=now)
                continue
            task_id, status, old_kind, old_params = existing[day]
            retitle = "UPDATE tasks SET title = ?, title_kind = 'recall_day', title_params = ?"
            if status != "open" and day == reopen_day:
                db.execute(retitle + ", status = 'open', done_at = NULL WHERE id = ?", [title, params_json(params), task_id])
            elif status == "open" and (old_kind, old_params) != ("recall_day", params_json(params)):
                # the due time and quadrant are the operator's; the count is the queue's
                db.execute(retitle + " WHERE id = ?", [title, params_json(params), task_id])
        for day, (task_id, status, _kind, _params) in existing.items():
            if day not in days and status == "open":
                db.execute("UPDATE tasks SET status = 'done', done_at = ? WHERE id = ?", [now_text(now), task_id])


def day_tasks_state(db: Database, sequence_ids: Iterable[int]) -> list[list]:
    """The sequences' day tasks as they are (for undo): [id, title, due, status, done_at, urgent, title_kind,
    title_params]."""
    ids = sorted(set(sequence_ids))
    if not ids:
        return []
    marks = ", ".join("?" * len(ids))
    return [list(r) for r in db.execute(
        f"SELECT id, title, due, status, done_at, urgent, title_kind, title_params FROM tasks"
        f" WHERE sequence_id IN ({marks})", ids)]


def restore_day_tasks(db: Database, sequence_ids: Iterable[int], state: list[list], created_after: int) -> None:
    """Undo's half of the matrix: day tasks made since `created_after` (the highest task id before
    the change) go, the earlier ones get back their title, due, status and urgency."""
    ids = sorted(set(sequence_ids))
    if not ids:
        return
    marks = ", ".join("?" * len(ids))
    with write_transaction(db):
        db.execute(f"DELETE FROM tasks WHERE id > ? AND sequence_id IN ({marks})", [created_after, *ids])
        db.conn.executemany("UPDATE tasks SET title = ?, due = ?, status = ?, done_at = ?, urgent = ?, title_kind = ?,"
                            " title_params = ? WHERE id = ?",
                            [(*row[1:6], *(list(row[6:8]) + [None, None])[:2], row[0]) for row in state])


def start_undo_state(db: Database, sequence_id: int, user_ids: Iterable[int]) -> dict:
    """What undo_start needs, taken before start_sequence: the users' stages, the highest task id and
    the sequence's day tasks as they are."""
    return {"stages": {uid: db.execute("SELECT stage FROM users WHERE id = ?", [uid]).fetchone()[0] for uid in user_ids},
            "max_task_id": db.execute("SELECT coalesce(max(id), 0) FROM tasks").fetchone()[0],
            "day_tasks": day_tasks_state(db, [sequence_id])}


def undo_start(db: Database, sequence_id: int, enrolments: Iterable[int], state: dict) -> None:
    """Undo start_sequence in one transaction: the enrolments go, the day tasks and the stages come back."""
    with write_transaction(db):
        db.conn.executemany("DELETE FROM sequence_enrolments WHERE id = ?", [(eid,) for eid in enrolments])
        restore_day_tasks(db, [sequence_id], state["day_tasks"], state["max_task_id"])
        db.conn.executemany("UPDATE users SET stage = ? WHERE id = ?", [(stage, uid) for uid, stage in state["stages"].items()])


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


def next_in_queue(db: Database, sequence_id: int, after_enrolment: int | None = None, *,
                  now: datetime | None = None) -> QueueItem | None:
    """The next user to contact; with now, not one still waiting out an unanswered call's retry time."""
    waiting_until = now.strftime("%Y-%m-%dT%H:%M") if now is not None else None
    for item in recall_queue(db, sequence_id, limit=200):
        if item.enrolment_id == after_enrolment:
            continue
        if waiting_until and "T" in (item.next_due or "") and item.next_due > waiting_until:
            continue  # a retry time later today: others first
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
