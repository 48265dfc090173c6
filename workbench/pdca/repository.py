"""Reading and writing PDCA cycles. Every write commits at once through write_transaction.

Undo support: snapshot(db, id) captures a cycle with its notes and moves; restore(db, snapshot)
puts exactly that back (the UI's QUndoCommands use the pair).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from workbench.errors import UserError, in_language
from workbench.pdca import linked_facts
from workbench.pdca.check import baseline_window, compute_check, count_in_windows, do_window
from workbench.pdca.model import COLUMNS, EDITABLE, Cycle
from workbench.pdca.stages import (ABANDON, ACT, ADJUST, CHECK, CHECK_OVERDUE, CLOSED, DECISION_NAMES_ZH, DO,
                                   PLAN, REVIEW_DAYS, STAGES, STANDARDIZE, ChainLink, build_chain, check_move,
                                   days_in_stage, next_review_after, review_due, stall_reason)
from workbench.store import now_text, write_transaction
from workbench.tasks import generated_text

if TYPE_CHECKING:
    from sqlite_utils import Database

SELECT = f"SELECT {', '.join(COLUMNS)} FROM pdca_cycles"
DEFAULT_CHECK_AFTER_DAYS = REVIEW_DAYS[DO]



def _clean_title(title: str) -> str:
    title = " ".join(str(title or "").split())
    if not title:
        raise UserError("PDCA 循环需要一个标题。", "A PDCA cycle needs a title.")
    return title


def _check_day(value, label_zh: str, label_en: str) -> str | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        raise UserError(f"{label_zh}“{value}”不是日期（YYYY-MM-DD）。",
                        f"The {label_en} “{value}” is not a date (YYYY-MM-DD).") from None


def _check_number(value, label_zh: str, label_en: str) -> float | None:
    if value in (None, ""):
        return None
    try:
        text = str(value).strip().replace(",", "")
        return float(text[:-1]) / 100 if text.endswith("%") else float(text)
    except ValueError:
        raise UserError(f"{label_zh}“{value}”不是数字。", f"The {label_en} “{value}” is not a number.") from None


def _clean(field: str, value):
    if field == "title":
        return _clean_title(value)
    if field in ("baseline", "target", "prediction", "cost", "revenue"):
        names = {"baseline": ("基线", "baseline"), "target": ("目标值", "target"), "prediction": ("预测值", "prediction"),
                 "cost": ("成本", "cost"), "revenue": ("收益", "revenue")}
        return _check_number(value, *names[field])
    if field in ("deadline", "next_review"):
        names = {"deadline": ("截止日期", "deadline"), "next_review": ("下次检查日期", "next review date")}
        return _check_day(value, *names[field])
    if field == "review_days":
        if value in (None, "", 0):
            return None  # the stage's default
        try:
            days = int(value)
        except (TypeError, ValueError):
            days = 0
        if not 1 <= days <= 365:
            raise UserError("检查间隔应为 1–365 天。", "The review interval must be 1–365 days.")
        return days
    if field == "baseline_days":
        try:
            days = int(value)
        except (TypeError, ValueError):
            days = 0
        if not 1 <= days <= 365:
            raise UserError("基线窗口应为 1–365 天。", "The baseline window must be 1–365 days.")
        return days
    if field in ("metric_dataset", "metric_column", "ab_dataset", "ab_group_column", "ab_outcome_column"):
        return str(value).strip() or None if value is not None else None
    return str(value or "").strip()


def clean_fields(fields: dict) -> dict:
    """The fields as they would be stored; raises UserError for a bad value (forms check before saving)."""
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise TypeError(f"unknown cycle fields: {sorted(unknown)}")
    return {name: _clean(name, value) for name, value in fields.items()}


# --- one cycle ----------------------------------------------------------------------------------
def create_cycle(db: Database, title: str, *, now: datetime, previous_id: int | None = None,
                 title_kind: str | None = None, title_params: dict | None = None, **fields) -> int:
    """Add a cycle in the Plan stage; fields are any of model.EDITABLE. Returns its id. A generated title
    passes title_kind and title_params (tasks/generated_text.py) and is shown in the user's language."""
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise TypeError(f"unknown cycle fields: {sorted(unknown)}")
    values = {name: _clean(name, value) for name, value in fields.items()}
    values["title"] = _clean_title(title)
    if title_kind:
        values.update(title_kind=title_kind, title_params=generated_text.params_json(title_params or {}))
    stamp = now_text(now)
    values.update(stage=PLAN, stage_since=stamp, created_at=stamp, previous_id=previous_id)
    values.setdefault("baseline_days", 14)
    with write_transaction(db):
        if previous_id is not None:
            require_cycle(db, previous_id)
        names = list(values)
        cursor = db.execute(f"INSERT INTO pdca_cycles ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})",
                            [values[n] for n in names])
        cycle_id = int(cursor.lastrowid)
        db.execute("INSERT INTO pdca_moves (cycle_id, from_stage, to_stage, at) VALUES (?, NULL, ?, ?)",
                   [cycle_id, PLAN, stamp])
        return cycle_id


def get_cycle(db: Database, cycle_id: int) -> Cycle | None:
    row = db.execute(f"{SELECT} WHERE id = ?", [cycle_id]).fetchone()
    return Cycle.from_row(row) if row else None


def require_cycle(db: Database, cycle_id: int) -> Cycle:
    cycle = get_cycle(db, cycle_id)
    if cycle is None:
        raise UserError(f"找不到 PDCA 循环 {cycle_id}（可能已被删除）。",
                        f"PDCA cycle {cycle_id} does not exist (it may have been deleted).")
    return cycle


def update_cycle(db: Database, cycle_id: int, **changes) -> Cycle:
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise TypeError(f"unknown cycle fields: {sorted(unknown)}")
    values = {name: _clean(name, value) for name, value in changes.items()}
    with write_transaction(db):
        before = require_cycle(db, cycle_id)
        if "title" in values and before.title_kind:
            if values["title"] == before.title:
                del values["title"]  # the generated title saved unchanged
            else:
                values["title_kind"] = values["title_params"] = None  # an edited title is the operator's
        if values:
            db.execute(f"UPDATE pdca_cycles SET {', '.join(f'{n} = ?' for n in values)} WHERE id = ?",
                       [*values.values(), cycle_id])
    return require_cycle(db, cycle_id)


def list_cycles(db: Database, *, include_closed: bool = True) -> list[Cycle]:
    where = "" if include_closed else " WHERE stage != 'closed'"
    return [Cycle.from_row(r) for r in db.execute(f"{SELECT}{where} ORDER BY id")]


def delete_cycle(db: Database, cycle_id: int) -> None:
    """Remove a cycle with its notes and moves (undo of creating it); successors lose the link."""
    with write_transaction(db):
        db.execute("UPDATE pdca_cycles SET previous_id = NULL WHERE previous_id = ?", [cycle_id])
        db.execute("DELETE FROM pdca_notes WHERE cycle_id = ?", [cycle_id])
        db.execute("DELETE FROM pdca_moves WHERE cycle_id = ?", [cycle_id])
        db.execute("DELETE FROM pdca_cycles WHERE id = ?", [cycle_id])


def snapshot(db: Database, cycle_id: int) -> dict:
    cycle = require_cycle(db, cycle_id)
    return {
        "cycle": {**{name: getattr(cycle, name) for name in COLUMNS}, "title": cycle.stored_title or cycle.title},
        "notes": [list(r) for r in db.execute("SELECT id, cycle_id, at, text FROM pdca_notes WHERE cycle_id = ?", [cycle_id])],
        "moves": [list(r) for r in db.execute(
            "SELECT id, cycle_id, from_stage, to_stage, at FROM pdca_moves WHERE cycle_id = ?", [cycle_id])],
        # a stage move closes the stall task: undo opens it again
        "stall_task": _stall_task_state(db, cycle.stall_task_id),
    }


def _stall_task_state(db: Database, task_id: int | None) -> list | None:
    if not task_id or not db["tasks"].exists():
        return None
    row = db.execute("SELECT id, status, done_at FROM tasks WHERE id = ?", [task_id]).fetchone()
    return list(row) if row else None


def restore(db: Database, saved: dict) -> None:
    """Put a cycle back exactly as snapshot() saw it (re-creating it if it was deleted)."""
    row = saved["cycle"]
    with write_transaction(db):
        names = list(row)
        db.execute(f"INSERT OR REPLACE INTO pdca_cycles ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})",
                   [row[n] for n in names])
        db.execute("DELETE FROM pdca_notes WHERE cycle_id = ?", [row["id"]])
        db.execute("DELETE FROM pdca_moves WHERE cycle_id = ?", [row["id"]])
        db.conn.executemany("INSERT INTO pdca_notes (id, cycle_id, at, text) VALUES (?, ?, ?, ?)", saved["notes"])
        db.conn.executemany("INSERT INTO pdca_moves (id, cycle_id, from_stage, to_stage, at) VALUES (?, ?, ?, ?, ?)",
                            saved["moves"])
        task = saved.get("stall_task")
        if task:
            db.execute("UPDATE tasks SET status = ?, done_at = ? WHERE id = ?", [task[1], task[2], task[0]])


# --- Do log and plan steps ---------------------------------------------------------------------
@dataclass
class Note:
    id: int
    cycle_id: int
    at: str
    text: str


def add_note(db: Database, cycle_id: int, text: str, *, now: datetime) -> int:
    text = str(text or "").strip()
    if not text:
        raise UserError("执行记录不能为空。", "A Do note cannot be empty.")
    with write_transaction(db):
        require_cycle(db, cycle_id)
        return int(db.execute("INSERT INTO pdca_notes (cycle_id, at, text) VALUES (?, ?, ?)",
                              [cycle_id, now_text(now), text]).lastrowid)


def delete_note(db: Database, note_id: int) -> None:
    with write_transaction(db):
        db.execute("DELETE FROM pdca_notes WHERE id = ?", [note_id])


def list_notes(db: Database, cycle_id: int) -> list[Note]:
    return [Note(*r) for r in db.execute(
        "SELECT id, cycle_id, at, text FROM pdca_notes WHERE cycle_id = ? ORDER BY at, id", [cycle_id])]


def add_plan_step(db: Database, cycle_id: int, title: str, *, due: str | None = None,
                  now: datetime) -> int:
    """A plan step is a task in the matrix, filed as 重要不紧急 (improvement work) and linked.

    The text is read with the capture grammar (workbench.tasks.capture), so "海报定稿 周五" or
    "复盘 11月20日" becomes a step whose task is due that day; an explicit `due` wins. Only the date's
    words leave the title: a step is owner-free, so an @name or a marker stays text as typed, and the
    step stays 重要不紧急 (improvement work by definition)."""
    from workbench.tasks.capture import parse_for
    from workbench.tasks.repository import create_task

    typed = " ".join(str(title or "").split())
    parsed = parse_for(db, typed, now)
    step_title = _without_dates(typed, parsed) or typed
    with write_transaction(db):
        require_cycle(db, cycle_id)
        return create_task(db, step_title, important=True, urgent=False, due=due or parsed.due,
                           pdca_cycle_id=cycle_id, tags=["PDCA"], recurrence=parsed.recurrence, now=now)


def _without_dates(text: str, parsed) -> str:
    """The typed text minus the words the grammar read as its due date or repetition."""
    for chip in parsed.chips:
        if chip.kind in ("due", "recurrence"):
            for raw in chip.raws:
                text = text.replace(raw, " ", 1)
    return " ".join(text.split())


def plan_steps(db: Database, cycle_id: int):
    from workbench.tasks.repository import tasks_linked_to

    return tasks_linked_to(db, pdca_cycle_id=cycle_id)


def list_moves(db: Database, cycle_id: int) -> list[tuple[str | None, str, str]]:
    return [tuple(r) for r in db.execute(
        "SELECT from_stage, to_stage, at FROM pdca_moves WHERE cycle_id = ? ORDER BY at, id", [cycle_id])]


# --- stages --------------------------------------------------------------------------------------
def move_stage(db: Database, cycle_id: int, target: str, *, now: datetime,
               decision: str | None = None) -> Cycle:
    """Move one stage forward or back, dated. Entering Do starts the Do window (and sets the next
    review date if none); entering Check runs the automatic Check."""
    stamp = now_text(now)
    with write_transaction(db):
        cycle = require_cycle(db, cycle_id)
        check_move(cycle.stage, target, decision=decision or cycle.act_decision)
        updates: dict = {"stage": target, "stage_since": stamp}
        keeps_planned_check = target == DO and cycle.next_review_date is not None \
            and cycle.next_review_date > now.date()
        if target != CLOSED and not keeps_planned_check:
            # each stage starts its own review interval, so Check never shows Do's past review date
            updates["next_review"] = next_review_after(target, cycle.review_days, now.date()).isoformat()
        if target == DO and cycle.stage == PLAN:
            updates["do_started"] = now.date().isoformat()
        if target == CLOSED:
            updates["closed_at"] = stamp
        _close_stall_task(db, cycle, now)
        db.execute(f"UPDATE pdca_cycles SET {', '.join(f'{n} = ?' for n in updates)} WHERE id = ?",
                   [*updates.values(), cycle_id])
        db.execute("INSERT INTO pdca_moves (cycle_id, from_stage, to_stage, at) VALUES (?, ?, ?, ?)",
                   [cycle_id, cycle.stage, target, stamp])
        if target == CHECK and cycle.stage == DO:
            run_check(db, cycle_id, until=now.date(), now=now)
    return require_cycle(db, cycle_id)


def _close_stall_task(db: Database, cycle: Cycle, now: datetime) -> None:
    """The cycle moved on, so the task that said it stalled is done (snapshot() keeps it for undo)."""
    state = _stall_task_state(db, cycle.stall_task_id)
    if state and state[1] == "open":
        db.execute("UPDATE tasks SET status = 'done', done_at = ? WHERE id = ?", [now_text(now), state[0]])


def mark_reviewed(db: Database, cycle_id: int, *, now: datetime) -> Cycle:
    """OmniFocus' "mark reviewed": the next review moves one interval (the cycle's, else its stage's)
    past today."""
    with write_transaction(db):
        cycle = require_cycle(db, cycle_id)
        if cycle.stage == CLOSED:
            raise UserError("这个循环已关闭，无需检查。", "This cycle is closed; it needs no review.")
        following = next_review_after(cycle.stage, cycle.review_days, now.date()).isoformat()
        db.execute("UPDATE pdca_cycles SET next_review = ?, reviewed_at = ? WHERE id = ?",
                   [following, now_text(now), cycle_id])
    return require_cycle(db, cycle_id)


def shown_next_review(cycle: Cycle, today: date) -> date | None:
    """The 下次检查 date to show: none for a closed cycle; in Check never a past day (a Check that is
    due shows today)."""
    if cycle.stage == CLOSED or cycle.next_review_date is None:
        return None
    if cycle.stage == CHECK:
        return max(cycle.next_review_date, today)
    return cycle.next_review_date


# --- Check ---------------------------------------------------------------------------------------
def check_for(db: Database, cycle: Cycle, until: date) -> dict:
    """The automatic Check of a cycle as a dict (CheckResult fields plus "linked" counts)."""
    do_start = cycle.do_start_date or until
    series = linked_facts.metric_series(db, cycle.metric_dataset, cycle.metric_column)
    result = compute_check(series, do_start=do_start, until=until, baseline=cycle.baseline,
                           target=cycle.target, prediction=cycle.prediction, baseline_days=cycle.baseline_days)
    before, after = baseline_window(do_start, cycle.baseline_days), do_window(do_start, until)
    contacts = linked_facts.linked_contact_days(db, cycle.id, cycle.link_topic, before.start, after.end)
    findings = linked_facts.linked_finding_days(db, cycle.id, cycle.link_topic, before.start, after.end)
    data = result.as_dict()
    data["dataset_missing"] = linked_facts.dataset_missing(db, cycle.metric_dataset)
    data["groups"] = group_check(db, cycle)
    data["roi"] = roi_check(db, cycle, after)
    data["linked"] = {"contacts": count_in_windows(contacts, before, after).as_dict(),
                      "findings": count_in_windows(findings, before, after).as_dict()}
    data["series"] = [[d, v] for d, v in series if before.start.isoformat() <= str(d)[:10] <= after.end.isoformat()]
    return data


def group_check(db: Database, cycle: Cycle) -> dict | None:
    """The check by groups (ab_test.compare_rows) over the whole group dataset, as a dict; {"error": kind}
    when it cannot run ("dataset_missing", "columns_missing", "too_few"); None when the cycle has none."""
    if not (cycle.ab_dataset and cycle.ab_group_column and cycle.ab_outcome_column):
        return None
    from workbench.pdca import ab_test
    from workbench.reports.datasets import get_dataset, read_rows

    info = get_dataset(db, cycle.ab_dataset)
    if info is None:
        return {"error": "dataset_missing"}
    if info.column(cycle.ab_group_column) is None or info.column(cycle.ab_outcome_column) is None:
        return {"error": "columns_missing"}
    rows = read_rows(db, cycle.ab_dataset, [cycle.ab_group_column, cycle.ab_outcome_column])
    try:
        return ab_test.compare_rows(rows, cycle.ab_group_column, cycle.ab_outcome_column).as_dict()
    except ValueError:
        return {"error": "too_few"}


def roi_check(db: Database, cycle: Cycle, window) -> dict | None:
    """{"cost", "revenue", "roi", "source"}: the numbers typed into the cycle, else its metric dataset's
    cost and revenue columns summed over the Do window; None when there are neither."""
    from workbench.pdca import roi

    if cycle.cost is not None and cycle.revenue is not None:
        return {"cost": cycle.cost, "revenue": cycle.revenue, "roi": roi.roi(cycle.cost, cycle.revenue),
                "source": "cycle"}
    found = roi.dataset_roi(db, cycle.metric_dataset, window.start, window.end)
    if found is None:
        return None
    return {"cost": found.cost, "revenue": found.revenue, "roi": found.roi, "source": "dataset"}


def run_check(db: Database, cycle_id: int, *, until: date | None = None, now: datetime) -> dict:
    """Compute the Check now and store it with the cycle."""
    with write_transaction(db):
        cycle = require_cycle(db, cycle_id)
        data = check_for(db, cycle, until or now.date())
        db.execute("UPDATE pdca_cycles SET check_json = ?, checked_at = ? WHERE id = ?",
                   [json.dumps(data, ensure_ascii=False), now_text(now), cycle_id])
    return data


# --- Act -----------------------------------------------------------------------------------------
def apply_act(db: Database, cycle_id: int, decision: str, notes: str = "", *,
              now: datetime) -> dict:
    """Record the Act decision and close the cycle. Returns what it created:
    {"snippet_id"} for 标准化 (the SOP; a Do note when there is no snippet library),
    {"next_cycle_id"} for 调整后再循环 (pre-filled from this cycle and linked to it)."""
    if decision not in (STANDARDIZE, ADJUST, ABANDON):
        raise UserError("请选择处理决定：标准化、调整后再循环或放弃。",
                        "Choose an Act decision: standardise, adjust and repeat, or abandon.")
    created: dict = {}
    with write_transaction(db):
        cycle = require_cycle(db, cycle_id)
        if cycle.stage != ACT:
            raise UserError("只有处于「处理」阶段的循环才能做处理决定。",
                            "Only a cycle in the Act stage can take an Act decision.")
        notes = str(notes or "").strip()
        db.execute("UPDATE pdca_cycles SET act_decision = ?, act_notes = ? WHERE id = ?", [decision, notes, cycle_id])
        cycle = require_cycle(db, cycle_id)  # with the decision and notes just saved (the next cycle carries them)
        if decision == STANDARDIZE:
            body = notes or cycle.hypothesis or cycle.title
            snippet_id = linked_facts.write_sop_snippet(db, cycle.title, body, now, cycle.title_param)
            if snippet_id is not None:
                created["snippet_id"] = snippet_id
                db.execute("UPDATE pdca_cycles SET snippet_id = ? WHERE id = ?", [snippet_id, cycle_id])
            else:
                created["note_id"] = add_note(db, cycle_id, in_language(f"标准化：{body}", f"Standardised: {body}"), now=now)
        elif decision == ADJUST:
            created["next_cycle_id"] = start_next_cycle(db, cycle, now=now)
        move_stage(db, cycle_id, CLOSED, now=now, decision=decision)
    return created


def start_next_cycle(db: Database, cycle: Cycle, *, now: datetime) -> int:
    """调整后再循环: a new cycle in Plan with the same goal, its baseline the level this one reached.

    The thinking carries over: the Act notes (what changes this round) become the new hypothesis, else
    the old hypothesis stays; problem, A3 background and current condition, root cause and the review
    interval are kept (the baseline already says where this cycle left the metric). The notes are stored as typed (no generated
    prefix), so the text reads the same in either language; the chain shows where it came from."""
    check = cycle.check
    reached_level = check.after_mean if check and check.after_mean is not None else cycle.baseline
    kind, params = round_title_params(cycle, len(chain(db, cycle.id)) + 1)
    return create_cycle(
        db, generated_text.title("", kind, params), title_kind=kind, title_params=params, now=now,
        previous_id=cycle.id,
        problem=cycle.problem, metric_dataset=cycle.metric_dataset, metric_column=cycle.metric_column,
        baseline=reached_level, target=cycle.target, deadline=cycle.deadline, root_cause=cycle.root_cause,
        link_topic=cycle.link_topic, baseline_days=cycle.baseline_days, review_days=cycle.review_days,
        hypothesis=cycle.act_notes or cycle.hypothesis, background=cycle.background,
        current_condition=cycle.current_condition,
    )


ROUND_SUFFIX = re.compile(r"\s*(（第\d+轮）|\(round \d+\))$")


def round_title_params(cycle: Cycle, round_number: int) -> tuple[str, dict]:
    """提升转化（第2轮） / "Raise conversion (round 2)" as the "next_round" kind: shown in the language the user
    reads. The base is the first round's title (a generated one stays generated); a round suffix typed in
    either language is replaced, so the chain's titles do not pile suffixes up."""
    if cycle.title_kind == "next_round":
        base = json.loads(cycle.title_params or "{}").get("base", "")
    elif cycle.title_kind:
        base = cycle.title_param
    else:
        base = ROUND_SUFFIX.sub("", cycle.title)
    return "next_round", {"base": base, "round": round_number}


def round_title(title: str, round_number: int) -> str:
    """The next round's title for a plain `title`, in the app's language."""
    return generated_text.title("", *round_title_params(Cycle(id=0, title=title), round_number))


def undo_act(db: Database, saved: dict, created: dict) -> None:
    """Take back an Act decision: remove what it created, restore the cycle."""
    with write_transaction(db):
        if "next_cycle_id" in created:
            delete_cycle(db, created["next_cycle_id"])
        if "snippet_id" in created:
            linked_facts.delete_snippet(db, created["snippet_id"])
        restore(db, saved)


# --- chain, stalls, board ------------------------------------------------------------------------
def chain(db: Database, cycle_id: int) -> list[tuple[ChainLink, Cycle]]:
    """The chain of cycles cycle_id belongs to (its predecessors and successors), root first."""
    links = {row[0]: row[1] for row in db.execute("SELECT id, previous_id FROM pdca_cycles")}
    if cycle_id not in links:
        return []
    cycles = {c.id: c for c in list_cycles(db)}
    return [(link, cycles[link.id]) for link in build_chain(links, cycle_id)]


def last_activity(db: Database) -> dict[int, date]:
    """Per open cycle, the latest of: stage move, Do note, linked task done."""
    found: dict[int, str] = {}
    queries = [
        "SELECT cycle_id, max(at) FROM pdca_moves GROUP BY cycle_id",
        "SELECT cycle_id, max(at) FROM pdca_notes GROUP BY cycle_id",
    ]
    if db["tasks"].exists():
        queries.append("SELECT pdca_cycle_id, max(done_at) FROM tasks WHERE pdca_cycle_id IS NOT NULL"
                       " AND +status = 'done' GROUP BY pdca_cycle_id")  # '+': use idx_tasks_pdca_done, not the matrix index
    for sql in queries:
        for cycle_id, at in db.execute(sql):
            if at and (cycle_id not in found or at > found[cycle_id]):
                found[cycle_id] = at
    return {cycle_id: date.fromisoformat(at[:10]) for cycle_id, at in found.items()}


@dataclass
class Card:
    cycle: Cycle
    days_in_stage: int
    stalled: str | None  # stages.IDLE / stages.CHECK_OVERDUE / None
    due_for_check: bool
    metric_type: str = "number"
    review_due: bool = False   # its review date has come (stages.review_due)


def board(db: Database, today: date, *, idle_days: int = 7) -> dict[str, list[Card]]:
    """Cards by stage, for the board; closed cycles last-closed first."""
    activity = last_activity(db)
    columns: dict[str, list[Card]] = {stage: [] for stage in STAGES}
    types: dict[tuple, str] = {}
    for cycle in list_cycles(db):
        key = (cycle.metric_dataset, cycle.metric_column)
        if key not in types:
            types[key] = linked_facts.metric_type(db, *key)
        last = max(activity.get(cycle.id, cycle.stage_since_date), cycle.stage_since_date)
        reason = stall_reason(cycle.stage, last_activity=last, next_review=cycle.next_review_date, today=today,
                              idle_days=idle_days)
        due = (cycle.stage == DO and cycle.next_review_date is not None and cycle.next_review_date <= today) \
            or (cycle.stage == CHECK and not cycle.check_json)
        columns[cycle.stage].append(Card(cycle, days_in_stage(cycle.stage_since_date, today), reason, due, types[key],
                                         review_due(cycle.stage, cycle.next_review_date, today)))
    columns[CLOSED].sort(key=lambda c: c.cycle.closed_at or "", reverse=True)
    return columns


def stalled_cycles(db: Database, today: date, *, idle_days: int = 7) -> list[Card]:
    return [card for cards in board(db, today, idle_days=idle_days).values() for card in cards if card.stalled]


def badge_count(db: Database, today: date) -> int:
    """Cycles due for Check or stalled (the rail's badge)."""
    return sum(1 for cards in board(db, today).values() for card in cards if card.stalled or card.due_for_check)


def stall_task_params(card: Card) -> tuple[str, dict]:
    """The stall task's title as a kind and parameters (tasks/generated_text.py)."""
    if card.stalled == CHECK_OVERDUE:
        return "pdca_check_overdue", {"cycle": card.cycle.title_param}
    return "pdca_stalled", {"days": card.days_in_stage, "cycle": card.cycle.title_param}


def stall_task_title(card: Card, lang: str) -> str:
    """The stall task's title in `lang` (zh_CN / en)."""
    kind, params = stall_task_params(card)
    return generated_text.render(kind, params, lang == "zh_CN")


def _retitle_stall_task(db: Database, task, card: Card, lang: str) -> None:
    """An open stall task the app titled counts the days the cycle has now stalled; a title the operator
    rewrote is theirs (it has no kind any more) and stays."""
    if task.title_kind not in ("pdca_stalled", "pdca_check_overdue"):
        return
    kind, params = stall_task_params(card)
    if (kind, generated_text.params_json(params)) != (task.title_kind, task.title_params):
        db.execute("UPDATE tasks SET title = ?, title_kind = ?, title_params = ? WHERE id = ?",
                   [stall_task_title(card, lang), kind, generated_text.params_json(params), task.id])


def raise_stall_tasks(db: Database, today: date, *, idle_days: int = 7, now: datetime) -> list[int]:
    """Each stalled cycle without an open stall task gets one (an overdue Check is 重要且紧急, an idle
    cycle 重要不紧急). Returns the new task ids."""
    from workbench.errors import current_language
    from workbench.tasks.repository import create_task, get_task

    created: list[int] = []
    if getattr(db, "readonly", False):
        return created  # a read-only file is shown as it is stored: the tasks come when it is writable
    lang = current_language()
    with write_transaction(db):
        for card in stalled_cycles(db, today, idle_days=idle_days):
            existing = get_task(db, card.cycle.stall_task_id) if card.cycle.stall_task_id else None
            if existing is not None and existing.status == "open":
                _retitle_stall_task(db, existing, card, lang)
                continue
            kind, params = stall_task_params(card)
            task_id = create_task(db, stall_task_title(card, lang), title_kind=kind, title_params=params, important=True,
                                  urgent=card.stalled == CHECK_OVERDUE, due=today.isoformat(),
                                  pdca_cycle_id=card.cycle.id, tags=["PDCA"], now=now)
            db.execute("UPDATE pdca_cycles SET stall_task_id = ? WHERE id = ?", [task_id, card.cycle.id])
            created.append(task_id)
    return created


def check_stalls(db: Database, *, now: datetime) -> list[int]:
    """What the shell runs at start-up and every hour (not only when the PDCA page opens): stalled
    cycles get their tasks. Returns the new task ids."""
    if not db["pdca_cycles"].exists():
        return []
    return raise_stall_tasks(db, now.date(), now=now)


def decision_name(decision: str | None) -> str:
    return DECISION_NAMES_ZH.get(decision or "", "")
