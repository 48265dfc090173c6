"""Reading and writing tasks. Every write commits at once through write_transaction.

Other features create tasks here too (contacts: follow-ups; dashboard: an alert becomes a 重要且紧急
task; PDCA: plan steps), so create_task's signature stays stable.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from workbench.errors import UserError
from workbench.store import now_text, write_transaction
from workbench.tasks import generated_text
from workbench.tasks.model import INBOX, QUADRANT_FLAGS, QUADRANTS, Task

if TYPE_CHECKING:
    from sqlite_utils import Database

SELECT = f"SELECT {', '.join(Task.COLUMNS)} FROM tasks"
# Open tasks of each quadrant, in the order the matrix shows them (uses idx_tasks_matrix).
QUADRANT_WHERE = "status = 'open' AND triaged_at IS NOT NULL AND important = ? AND urgent = ?"
INBOX_WHERE = "status = 'open' AND triaged_at IS NULL"



def _clean_title(title: str) -> str:
    title = " ".join(str(title or "").split())
    if not title:
        raise UserError("任务标题不能为空。", "A task needs a title.")
    return title


def _check_due(due: str | None) -> str | None:
    if due in (None, ""):
        return None
    due = str(due)
    try:
        if len(due) == 10:
            date.fromisoformat(due)
        elif len(due) == 16 and due[10] == "T":
            datetime.fromisoformat(due)
        else:
            raise ValueError(due)
    except ValueError:
        raise UserError(f"截止时间“{due}”格式不对，应为 YYYY-MM-DD 或 YYYY-MM-DDTHH:MM。",
                        f"The due time “{due}” should look like YYYY-MM-DD or YYYY-MM-DDTHH:MM.") from None
    return due


def _tags_json(tags: Iterable[str]) -> str:
    seen: list[str] = []
    for tag in tags or ():
        tag = str(tag).strip().lstrip("#＃")
        if tag and tag not in seen:
            seen.append(tag)
    return json.dumps(seen, ensure_ascii=False)


def _end_position(db: Database, important: bool, urgent: bool, triaged: bool) -> float:
    if triaged:
        row = db.execute(f"SELECT max(position) FROM tasks WHERE {QUADRANT_WHERE}",
                         [int(important), int(urgent)]).fetchone()
    else:
        row = db.execute(f"SELECT max(position) FROM tasks WHERE {INBOX_WHERE}").fetchone()
    return (row[0] or 0.0) + 1.0


def create_task(db: Database, title: str, *, important: bool = False, urgent: bool = False,
                due: str | None = None, tags: Iterable[str] = (), notes: str = "",
                user_id: int | None = None, contact_id: int | None = None,
                pdca_cycle_id: int | None = None, alert_id: int | None = None,
                triaged: bool | None = None, recurrence: str | None = None,
                sequence_id: int | None = None, sequence_day: str | None = None,
                title_kind: str | None = None, title_params: dict | str | None = None,
                now: datetime) -> int:
    """Add one open task; returns its id. triaged=None ⇒ triaged iff important or urgent is given.

    sequence_id and sequence_day make it a recall sequence's task for that queue day (contacts/sequences.py).
    A generated title passes title_kind and title_params (tasks/generated_text.py): it is then shown in the
    language the user reads, and `title` may be omitted (it is rendered in the app's language to be stored)."""
    if title_kind:
        if not isinstance(title_params, str):
            title_params = generated_text.params_json(title_params or {})
        title = title or generated_text.title("", title_kind, title_params)
    else:
        title_params = None
    title = _clean_title(title)
    due = _check_due(due)
    if triaged is None:
        triaged = bool(important or urgent)
    stamp = now_text(now)
    with write_transaction(db):
        position = _end_position(db, important, urgent, triaged)
        cursor = db.execute(
            "INSERT INTO tasks (title, notes, important, urgent, status, due, recurrence, tags, created_at,"
            " triaged_at, position, user_id, contact_id, pdca_cycle_id, alert_id, sequence_id, sequence_day,"
            " title_kind, title_params)"
            " VALUES (?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [title, notes or "", int(bool(important)), int(bool(urgent)), due, recurrence or None,
             _tags_json(tags), stamp, stamp if triaged else None, position, user_id, contact_id,
             pdca_cycle_id, alert_id, sequence_id, sequence_day, title_kind or None, title_params],
        )
        return int(cursor.lastrowid)


def get_task(db: Database, task_id: int) -> Task | None:
    row = db.execute(f"{SELECT} WHERE id = ?", [task_id]).fetchone()
    return Task.from_row(row) if row else None


def require_task(db: Database, task_id: int) -> Task:
    task = get_task(db, task_id)
    if task is None:
        raise UserError(f"找不到任务 {task_id}（可能已被删除）。", f"Task {task_id} does not exist (it may have been deleted).")
    return task


# --- lists ---------------------------------------------------------------------------------
def list_quadrant(db: Database, quadrant: str, limit: int | None = None, offset: int = 0) -> list[Task]:
    """Open tasks of 'inbox' or 'q1'..'q4' in display order (from row `offset`, at most `limit`)."""
    suffix = f" LIMIT {int(limit) if limit else -1} OFFSET {int(offset)}" if limit or offset else ""
    if quadrant == INBOX:
        rows = db.execute(f"{SELECT} WHERE {INBOX_WHERE} ORDER BY position, id{suffix}").fetchall()
    else:
        important, urgent = QUADRANT_FLAGS[quadrant]
        rows = db.execute(f"{SELECT} WHERE {QUADRANT_WHERE} ORDER BY position, id{suffix}",
                          [int(important), int(urgent)]).fetchall()
    return [Task.from_row(r) for r in rows]


def list_inbox(db: Database) -> list[Task]:
    return list_quadrant(db, INBOX)


def open_by_quadrant(db: Database, limit: int | None = None) -> dict[str, list[Task]]:
    """Every open task (or the first `limit` of each group), by 'inbox' / 'q1'..'q4' (one indexed query
    per group; the grid's data)."""
    return {name: list_quadrant(db, name, limit) for name in (INBOX, *QUADRANTS)}


def count_inbox(db: Database) -> int:
    return db.execute(f"SELECT count(*) FROM tasks WHERE {INBOX_WHERE}").fetchone()[0]


def open_counts(db: Database) -> dict[str, int]:
    counts = {name: 0 for name in (INBOX, *QUADRANTS)}
    counts[INBOX] = count_inbox(db)
    for important, urgent, n in db.execute(
            "SELECT important, urgent, count(*) FROM tasks WHERE status = 'open' AND triaged_at IS NOT NULL"
            " GROUP BY important, urgent"):
        counts[next(q for q, f in QUADRANT_FLAGS.items() if f == (bool(important), bool(urgent)))] = n
    return counts


def list_all(db: Database, *, include_closed: bool = False, quadrant: str | None = None,
             limit: int | None = None) -> list[Task]:
    """For the CLI: open tasks (or every task), optionally one quadrant, newest last."""
    where, params = [], []
    if not include_closed:
        where.append("status = 'open'")
    if quadrant == INBOX:
        where.append("triaged_at IS NULL")
    elif quadrant:
        important, urgent = QUADRANT_FLAGS[quadrant]
        where.append("triaged_at IS NOT NULL AND important = ? AND urgent = ?")
        params += [int(important), int(urgent)]
    sql = SELECT + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [Task.from_row(r) for r in db.execute(sql, params)]


def search_closed(db: Database, text: str = "", limit: int = 200) -> list[Task]:
    """Done and dropped tasks, most recently closed first, whose title/notes/tags contain text."""
    sql = f"{SELECT} WHERE status IN ('done', 'dropped')"
    params: list = []
    text = (text or "").strip()
    if text:
        like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        sql += " AND (title LIKE ? ESCAPE '\\' OR notes LIKE ? ESCAPE '\\' OR tags LIKE ? ESCAPE '\\')"
        params += [like, like, like]
    sql += " ORDER BY done_at DESC LIMIT ?"
    params.append(int(limit))
    return [Task.from_row(r) for r in db.execute(sql, params)]


def planned_for(db: Database, day: date) -> list[Task]:
    """Open tasks due on day or earlier (the 'today' strip: today's plan plus what is overdue)."""
    rows = db.execute(f"{SELECT} WHERE status = 'open' AND due IS NOT NULL AND due < ? ORDER BY due, id",
                      [(day + timedelta(days=1)).isoformat()]).fetchall()
    return [Task.from_row(r) for r in rows]


def done_counts_by_quadrant(db: Database, start: date, end: date) -> dict[str, int]:
    """Tasks completed in [start, end] per quadrant (for the weekly review)."""
    counts = {name: 0 for name in (INBOX, *QUADRANTS)}
    rows = db.execute(
        "SELECT important, urgent, triaged_at IS NULL, count(*) FROM tasks WHERE status = 'done'"
        " AND done_at >= ? AND done_at < ? GROUP BY 1, 2, 3",
        [start.isoformat(), (end + timedelta(days=1)).isoformat()]).fetchall()
    for important, urgent, untriaged, n in rows:
        key = INBOX if untriaged else next(q for q, f in QUADRANT_FLAGS.items() if f == (bool(important), bool(urgent)))
        counts[key] += n
    return counts


def link_names(db: Database, task: Task) -> dict[str, str]:
    """Readable names for a task's links ({"user": "王芳", "pdca": "<cycle title>"}), so a card says who
    to call rather than a row number; a link whose target is gone keeps its number."""
    lookups = {"user": "SELECT name FROM users WHERE id = ?", "pdca": "SELECT title, title_kind, title_params FROM pdca_cycles WHERE id = ?",
               "sequence": "SELECT name FROM sequences WHERE id = ?"}
    names = {}
    for kind, value in task.links.items():
        if kind in lookups:
            row = db.execute(lookups[kind], [value]).fetchone()
            if row and row[0]:
                names[kind] = generated_text.title(*row) if kind == "pdca" else row[0]
    return names


def tasks_linked_to(db: Database, *, user_id: int | None = None, contact_id: int | None = None,
                    pdca_cycle_id: int | None = None, alert_id: int | None = None,
                    sequence_id: int | None = None) -> list[Task]:
    for column, value in (("user_id", user_id), ("contact_id", contact_id),
                          ("pdca_cycle_id", pdca_cycle_id), ("alert_id", alert_id), ("sequence_id", sequence_id)):
        if value is not None:
            rows = db.execute(f"{SELECT} WHERE {column} = ? ORDER BY id", [value]).fetchall()
            return [Task.from_row(r) for r in rows]
    return []


# --- changes -------------------------------------------------------------------------------
EDITABLE = {"title", "notes", "important", "urgent", "due", "recurrence", "tags", "triaged_at",
            "position", "user_id", "contact_id", "pdca_cycle_id", "alert_id", "status", "done_at",
            "promoted_on", "sequence_id", "kept_not_urgent_for_due", "title_kind", "title_params"}


def update_task(db: Database, task_id: int, **changes) -> Task:
    """Change some fields of one task; returns the task as it was before (for undo)."""
    unknown = set(changes) - EDITABLE
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    before = require_task(db, task_id)
    if "title" in changes:
        changes["title"] = _clean_title(changes["title"])
        if "title_kind" not in changes:
            if before.title_kind and changes["title"] == before.title:
                del changes["title"]  # the generated title saved unchanged (a form's other field was edited)
            else:
                changes["title_kind"] = changes["title_params"] = None  # an edited title is the operator's
    if changes.get("title_params") is not None and not isinstance(changes["title_params"], str):
        changes["title_params"] = generated_text.params_json(changes["title_params"])
    if "due" in changes:
        changes["due"] = _check_due(changes["due"])
    if "tags" in changes and not isinstance(changes["tags"], str):
        changes["tags"] = _tags_json(changes["tags"])
    for flag in ("important", "urgent"):
        if flag in changes:
            changes[flag] = int(bool(changes[flag]))
    if "status" in changes and changes["status"] not in ("open", "done", "dropped"):
        raise ValueError(changes["status"])
    if not changes:
        return before
    columns = ", ".join(f"{name} = ?" for name in changes)
    with write_transaction(db):
        db.execute(f"UPDATE tasks SET {columns} WHERE id = ?", [*changes.values(), task_id])
    return before


def snapshot(task: Task) -> dict:
    """The editable fields of a task, to put it back exactly (undo)."""
    values = {name: getattr(task, name) for name in EDITABLE}
    values["title"] = task.stored_title or task.title
    values["tags"] = json.dumps(task.tags, ensure_ascii=False)
    return values


def restore_fields(db: Database, task_id: int, values: dict) -> None:
    update_task(db, task_id, **values)


def move_task(db: Database, task_id: int, quadrant: str, *, before_id: int | None = None,
              now: datetime) -> Task:
    """Put a task into 'q1'..'q4' (triaging it) or back into the inbox, before before_id or at the end.

    Returns the task as it was (for undo)."""
    task = require_task(db, task_id)
    if quadrant == INBOX:
        important, urgent, triaged_at = task.important, task.urgent, None
    else:
        important, urgent = QUADRANT_FLAGS[quadrant]
        triaged_at = task.triaged_at or now_text(now)
    with write_transaction(db):
        position = _position_before(db, quadrant, before_id, exclude=task_id)
        kept = {"kept_not_urgent_for_due": task.due} if quadrant == "q2" and task.due else {}
        # (q2 with a due date: the operator says not urgent, for this due date)
        update_task(db, task_id, important=important, urgent=urgent, triaged_at=triaged_at, position=position, **kept)
    return task


def _position_before(db: Database, quadrant: str, before_id: int | None, exclude: int) -> float:
    """A position just before before_id in quadrant (or after the last task when None)."""
    if quadrant == INBOX:
        where, params = INBOX_WHERE, []
    else:
        important, urgent = QUADRANT_FLAGS[quadrant]
        where, params = QUADRANT_WHERE, [int(important), int(urgent)]
    if before_id is None:
        row = db.execute(f"SELECT max(position) FROM tasks WHERE {where} AND id != ?", [*params, exclude]).fetchone()
        return (row[0] or 0.0) + 1.0
    target = db.execute("SELECT position FROM tasks WHERE id = ?", [before_id]).fetchone()
    if target is None:
        return _position_before(db, quadrant, None, exclude)
    previous = db.execute(
        f"SELECT max(position) FROM tasks WHERE {where} AND id != ? AND position < ?",
        [*params, exclude, target[0]]).fetchone()[0]
    lower = previous if previous is not None else target[0] - 2.0
    if target[0] - lower < 1e-9:  # positions ran out of room: renumber this quadrant
        _renumber(db, where, params)
        return _position_before(db, quadrant, before_id, exclude)
    return (lower + target[0]) / 2.0


def _renumber(db: Database, where: str, params: list) -> None:
    ids = [r[0] for r in db.execute(f"SELECT id FROM tasks WHERE {where} ORDER BY position, id", params)]
    db.conn.executemany("UPDATE tasks SET position = ? WHERE id = ?", [(float(i + 1), t) for i, t in enumerate(ids)])


def complete_task(db: Database, task_id: int, *, now: datetime) -> int | None:
    """Mark a task done. A recurring task gets its next occurrence; returns that new task's id."""
    from workbench.tasks.recurrence import next_due

    task = require_task(db, task_id)
    if task.status == "done":
        return None
    with write_transaction(db):
        update_task(db, task_id, status="done", done_at=now_text(now))
        if not task.recurrence:
            return None
        following = next_due(task.recurrence, task.due, now)
        if following is None:
            return None
        new_id = create_task(db, task.stored_title or task.title, title_kind=task.title_kind,
                             title_params=task.title_params, important=task.important, urgent=task.urgent, due=following,
                             tags=task.tags, notes=task.notes, user_id=task.user_id,
                             contact_id=task.contact_id, pdca_cycle_id=task.pdca_cycle_id,
                             alert_id=task.alert_id, triaged=task.triaged_at is not None,
                             recurrence=task.recurrence, sequence_id=task.sequence_id, now=now)
        return new_id


def undo_complete(db: Database, task_id: int, next_id: int | None) -> dict | None:
    """Undo complete_task: reopen the task and take back the next occurrence it spawned (if it is still
    there). Returns that occurrence's row, for redo_complete."""
    with write_transaction(db):
        next_row = delete_task(db, next_id) if next_id is not None and get_task(db, next_id) is not None else None
        reopen_task(db, task_id)
    return next_row


def redo_complete(db: Database, task_id: int, next_row: dict | None, *, now: datetime) -> None:
    """Redo complete_task after undo_complete: done again, with the same next occurrence (same id)."""
    with write_transaction(db):
        update_task(db, task_id, status="done", done_at=now_text(now))
        if next_row:
            insert_row(db, next_row)


def drop_task(db: Database, task_id: int, *, now: datetime) -> Task:
    """Drop (删减) a task: it leaves the lists but stays searchable. Returns the task as it was."""
    before = require_task(db, task_id)
    update_task(db, task_id, status="dropped", done_at=now_text(now))
    return before


def reopen_task(db: Database, task_id: int) -> None:
    update_task(db, task_id, status="open", done_at=None)


def delete_task(db: Database, task_id: int) -> dict:
    """Remove a task for good; returns its full row so undo can put it back with the same id."""
    task = require_task(db, task_id)
    row = {name: getattr(task, name) for name in Task.COLUMNS}
    row["title"] = task.stored_title or task.title
    row["tags"] = json.dumps(task.tags, ensure_ascii=False)
    row["important"], row["urgent"] = int(task.important), int(task.urgent)
    with write_transaction(db):
        db.execute("DELETE FROM tasks WHERE id = ?", [task_id])
    return row


def insert_row(db: Database, row: dict) -> int:
    """Put back a row returned by delete_task (same id)."""
    names = list(row)
    with write_transaction(db):
        db.execute(f"INSERT INTO tasks ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})",
                   [row[n] for n in names])
    return int(row["id"])


def promote_due_soon(db: Database, today: date, within_days: int = 2) -> list[Task]:
    """Promote open 重要不紧急 tasks due within `within_days` days to 重要且紧急 (urgent), except those the
    operator moved back to 重要不紧急 for the same due date (move_task records it).

    Runs once each morning (and whenever the matrix refreshes); returns the tasks promoted now.
    The ones promoted today keep promoted_on = today, which the 'morning changes' list reads."""
    limit = (today + timedelta(days=max(0, within_days) + 1)).isoformat()
    rows = db.execute(f"{SELECT} WHERE status = 'open' AND triaged_at IS NOT NULL AND important = 1 AND urgent = 0"
                      " AND due IS NOT NULL AND due < ? AND due IS NOT kept_not_urgent_for_due", [limit]).fetchall()
    promoted = [Task.from_row(r) for r in rows]
    if getattr(db, "readonly", False):
        return []  # a read-only file is shown as it is stored: promotion is a write, done when it is writable
    if promoted:
        with write_transaction(db):
            db.conn.executemany("UPDATE tasks SET urgent = 1, promoted_on = ?, position = position + 0 WHERE id = ?",
                                [(today.isoformat(), t.id) for t in promoted])
    return promoted


def promoted_on(db: Database, day: date) -> list[Task]:
    """Tasks promoted on day that are still open (the morning changes list)."""
    rows = db.execute(f"{SELECT} WHERE promoted_on = ? AND status = 'open' ORDER BY due, id", [day.isoformat()])
    return [Task.from_row(r) for r in rows]
