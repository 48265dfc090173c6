"""Logging a contact and everything it sets in motion.

log_contact() writes the contact and, in the same transaction: the user's last-contact time, the
search index, a follow-up task in the matrix (linked to the contact), the outcome's default next
step (未接通 ⇒ retry task in 2 h, at most 3 tries, then an SMS task), the recall sequence's next
touch (and its day tasks' counts), a finding, and the snippet's use count. Either all of it is saved or none of it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from workbench.export_safety import clean_text
from workbench.contacts import findings as findings_module
from workbench.contacts import search_index, sequences
from workbench.contacts.options import next_step_for
from workbench.contacts.users import get_user
from workbench.contacts.vocabulary import shown
from workbench.errors import UserError
from workbench.store import now_text, write_transaction
from workbench.tasks.generated_text import bilingual

if TYPE_CHECKING:
    from sqlite_utils import Database

CONTACT_COLUMNS = ["id", "user_id", "at", "channel", "direction", "topic", "summary", "outcome",
                   "follow_up_due", "duration_s", "snippet_id", "pdca_cycle_id", "enrolment_id", "attempt", "created_at"]


@dataclass
class Contact:
    id: int
    user_id: int | None
    at: str
    channel: str | None
    direction: str | None
    topic: str | None
    summary: str
    outcome: str | None
    follow_up_due: str | None
    duration_s: int | None
    snippet_id: int | None
    pdca_cycle_id: int | None
    enrolment_id: int | None
    attempt: int
    created_at: str

    @classmethod
    def from_row(cls, row) -> "Contact":
        values = dict(zip(CONTACT_COLUMNS, row))
        values["summary"] = values["summary"] or ""
        values["attempt"] = values["attempt"] or 1
        return cls(**values)


def _check_due(value: str | None) -> str | None:
    if not value:
        return None
    try:
        if len(value) == 10:
            date.fromisoformat(value)
        else:
            value = datetime.fromisoformat(value).strftime("%Y-%m-%dT%H:%M")
    except ValueError:
        raise UserError(f"跟进时间“{value}”看不懂，应为 YYYY-MM-DD 或 YYYY-MM-DDTHH:MM。",
                        f"The follow-up time “{value}” should look like YYYY-MM-DD or YYYY-MM-DDTHH:MM.") from None
    return value


def log_contact(db: Database, *, user_id: int | None = None, summary: str = "", channel: str = "电话",
                direction: str = "呼出", topic: str | None = None, outcome: str | None = None,
                follow_up_due: str | None = None, duration_s: int | None = None, snippet_id: int | None = None,
                pdca_cycle_id: int | None = None, finding: tuple[str, str] | None = None,
                at: datetime | str | None = None, now: datetime) -> int:
    """Save one contact with its consequences; returns the contact id.

    An empty summary is fine; an empty contact (no user and no text) is refused. A 20,000-character
    paste is kept whole. finding = (kind, one line of text) raises or merges a finding.
    """
    # Pasted text can carry control characters and lone surrogates; the latter cannot be stored at all.
    summary = clean_text(summary or "")
    finding_text = clean_text(finding[1] or "").strip() if finding else ""
    if user_id is None and not summary.strip() and not finding_text:
        raise UserError("这条联系记录是空的：请选择用户或写下内容。",
                        "This contact is empty: choose a user or write something.")
    at_text = at if isinstance(at, str) else now_text(at or now)
    follow_up_due = _check_due(follow_up_due)
    user = get_user(db, user_id) if user_id is not None else None
    if user_id is not None and user is None:
        raise UserError(f"找不到用户 {user_id}（可能已被删除）。", f"User {user_id} does not exist (it may have been deleted).")
    step = next_step_for(db, outcome)
    with write_transaction(db):
        attempt = _attempt_number(db, user_id, outcome) if user_id else 1
        enrolment = sequences.active_enrolment(db, user_id) if user_id else None
        cursor = db.execute(
            "INSERT INTO contacts (user_id, at, channel, direction, topic, summary, outcome, follow_up_due,"
            " duration_s, snippet_id, pdca_cycle_id, enrolment_id, attempt, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [user_id, at_text, channel, direction, topic, summary, outcome, follow_up_due, duration_s,
             snippet_id, pdca_cycle_id, enrolment["id"] if enrolment else None, attempt, now_text(now)])
        contact_id = int(cursor.lastrowid)
        search_index.index_contact(db, contact_id, summary)
        if snippet_id:
            db.execute("UPDATE snippets SET use_count = use_count + 1 WHERE id = ?", [snippet_id])
        if user:
            db.execute("UPDATE users SET last_contact_at = max(coalesce(last_contact_at, ''), ?) WHERE id = ?",
                       [at_text, user_id])
            new_stage = step.stage or (step.stage_from or {}).get(user.stage)
            if new_stage:
                db.execute("UPDATE users SET stage = ?, updated_at = ? WHERE id = ?", [new_stage, now_text(now), user_id])
        name = (user.name or user.external_id or user.masked_phone) if user else ""
        if user:
            _close_due_follow_ups(db, user_id, now)
        if not follow_up_due and step.follow_up_days and user:
            follow_up_due = (now.date() + timedelta(days=step.follow_up_days)).isoformat()
            db.execute("UPDATE contacts SET follow_up_due = ? WHERE id = ?", [follow_up_due, contact_id])
        if follow_up_due:
            about = topic or outcome
            params = {"name": name, "about": bilingual(about, shown(about, "en")) if about else None}
            _follow_up_task(db, params, follow_up_due, user_id, contact_id, summary, now)
        if step.retry_hours and user:
            _retry_task(db, step, attempt, name, user_id, contact_id, channel, now)
        if enrolment:
            retrying = bool(step.retry_hours and step.max_tries and attempt < step.max_tries)
            sequences.advance(db, enrolment["id"], outcome, step, retrying=retrying, now=now)
        if finding_text:
            findings_module.raise_finding(db, finding[0], finding_text, contact_id=contact_id,
                                          user_id=user_id, now=now)
    return contact_id


def _close_due_follow_ups(db: Database, user_id: int, now: datetime) -> None:
    """Talking to the user fulfils the follow-ups and retries owed to them today (reminders reset by
    the last interaction); later ones stay. A recall sequence's day task counts down through
    sequences.advance instead."""
    db.execute("UPDATE tasks SET status = 'done', done_at = ? WHERE user_id = ? AND status = 'open'"
               " AND contact_id IS NOT NULL AND due IS NOT NULL AND substr(due, 1, 10) <= ?",
               [now_text(now), user_id, now.date().isoformat()])


def _attempt_number(db: Database, user_id: int, outcome: str | None) -> int:
    """Which try this is: 1 + the unanswered attempts since the user's last answered contact."""
    if outcome != "未接通":
        return 1
    rows = db.execute("SELECT outcome FROM contacts WHERE user_id = ? ORDER BY at DESC, id DESC LIMIT 20", [user_id]).fetchall()
    tries = 0
    for (previous,) in rows:
        if previous != "未接通":
            break
        tries += 1
    return tries + 1


def _follow_up_task(db, params, due, user_id, contact_id, notes, now) -> int:
    from workbench.tasks.repository import create_task

    due_day = date.fromisoformat(due[:10])
    return create_task(db, "", title_kind="follow_up", title_params=params, important=True, urgent=due_day <= now.date() + timedelta(days=1), due=due,
                       user_id=user_id, contact_id=contact_id, notes=notes[:500], tags=["跟进"], now=now)


def _retry_task(db, step, attempt, name, user_id, contact_id, channel, now) -> int:
    from workbench.tasks.repository import create_task

    if step.max_tries and attempt >= step.max_tries:
        channel_word = step.then_channel or "短信"
        kind, params = "contact_by", {"channel": bilingual(channel_word, shown(channel_word, "en")), "name": name,
                                      "attempts": attempt}
        due = now.strftime("%Y-%m-%dT%H:%M")
    else:
        kind, params = "redial", {"name": name, "try": attempt + 1, "max": step.max_tries or "∞"}
        due = (now + timedelta(hours=step.retry_hours)).strftime("%Y-%m-%dT%H:%M")
    return create_task(db, "", title_kind=kind, title_params=params, important=True, urgent=True, due=due, user_id=user_id, contact_id=contact_id,
                       tags=["召回" if channel == "电话" else "跟进"], now=now)


def get_contact(db: Database, contact_id: int) -> Contact | None:
    row = db.execute(f"SELECT {', '.join(CONTACT_COLUMNS)} FROM contacts WHERE id = ?", [contact_id]).fetchone()
    return Contact.from_row(row) if row else None


def delete_contact(db: Database, contact_id: int, *, now: datetime) -> None:
    """Remove a contact with the open tasks it created, its search entries and finding mentions."""
    contact = get_contact(db, contact_id)
    if contact is None:
        return
    with write_transaction(db):
        search_index.unindex_contact(db, contact_id, contact.summary)
        db.execute("DELETE FROM tasks WHERE contact_id = ? AND status = 'open'", [contact_id])
        db.execute("UPDATE tasks SET contact_id = NULL WHERE contact_id = ?", [contact_id])
        findings_module.forget_contact(db, contact_id, now=now)
        db.execute("DELETE FROM contacts WHERE id = ?", [contact_id])
        if contact.snippet_id:
            db.execute("UPDATE snippets SET use_count = max(use_count - 1, 0) WHERE id = ?", [contact.snippet_id])
        if contact.user_id:
            db.execute("UPDATE users SET last_contact_at = (SELECT max(at) FROM contacts WHERE user_id = ?) WHERE id = ?",
                       [contact.user_id, contact.user_id])


def update_summary(db: Database, contact_id: int, summary: str) -> None:
    contact = get_contact(db, contact_id)
    if contact is None:
        raise UserError(f"找不到联系记录 {contact_id}。", f"Contact {contact_id} does not exist.")
    with write_transaction(db):
        search_index.unindex_contact(db, contact_id, contact.summary)
        db.execute("UPDATE contacts SET summary = ? WHERE id = ?", [summary, contact_id])
        search_index.index_contact(db, contact_id, summary)


# --- lists ---------------------------------------------------------------------------------------
LIST_SQL = ("SELECT c.id, c.at, u.name, u.phone, c.channel, c.direction, c.topic, c.outcome, c.summary,"
            " c.follow_up_due, c.user_id FROM contacts c LEFT JOIN users u ON u.id = c.user_id")


def count_contacts(db: Database, user_id: int | None = None) -> int:
    if user_id is None:
        return db.execute("SELECT count(*) FROM contacts").fetchone()[0]
    return db.execute("SELECT count(*) FROM contacts WHERE user_id = ?", [user_id]).fetchone()[0]


def contacts_page(db: Database, *, before: tuple[str, int] | None = None, limit: int = 200,
                  user_id: int | None = None) -> list[tuple]:
    """Newest first, one page at a time (keyset on (at, id), so page 5,000 costs what page 1 does)."""
    where, params = [], []
    if user_id is not None:
        where.append("c.user_id = ?")
        params.append(user_id)
    if before:
        where.append("(c.at < ? OR (c.at = ? AND c.id < ?))")
        params += [before[0], before[0], before[1]]
    sql = LIST_SQL + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY c.at DESC, c.id DESC LIMIT ?"
    return db.execute(sql, [*params, limit]).fetchall()


# --- undo ------------------------------------------------------------------------------------------
def capture_undo_state(db: Database, user_id: int | None) -> dict:
    """What log_contact may change besides inserting rows: taken before saving, used by undo_log."""
    from workbench.contacts.users import user_snapshot

    state = {"max_task_id": db.execute("SELECT coalesce(max(id), 0) FROM tasks").fetchone()[0],
             "user": user_snapshot(db, user_id) if user_id else {}, "open_tasks": [], "enrolments": [],
             "sequences": [], "sequence_tasks": []}
    if user_id:
        state["open_tasks"] = [r[0] for r in db.execute("SELECT id FROM tasks WHERE user_id = ? AND status = 'open'", [user_id])]
        state["enrolments"] = [list(r) for r in db.execute(
            "SELECT id, status, step, next_due, task_id, ended_at, last_outcome, sequence_id FROM sequence_enrolments"
            " WHERE user_id = ?", [user_id])]
        # The sequences' day tasks count this user: advancing them changes those tasks too.
        state["sequences"] = sorted({e[7] for e in state["enrolments"]})
        state["sequence_tasks"] = sequences.day_tasks_state(db, state["sequences"])
    return state


def undo_log(db: Database, contact_id: int, state: dict, *, now: datetime) -> None:
    """Take back a logged contact and everything it set in motion."""
    from workbench.contacts.users import restore_user

    with write_transaction(db):
        delete_contact(db, contact_id, now=now)
        user = state.get("user") or {}
        if user:
            db.execute("DELETE FROM tasks WHERE id > ? AND user_id = ?", [state["max_task_id"], user["id"]])
            if state["open_tasks"]:
                marks = ", ".join("?" * len(state["open_tasks"]))
                db.execute(f"UPDATE tasks SET status = 'open', done_at = NULL WHERE id IN ({marks})", state["open_tasks"])
            for eid, status, step, next_due, task_id, ended_at, last_outcome, *_ in state["enrolments"]:
                db.execute("UPDATE sequence_enrolments SET status = ?, step = ?, next_due = ?, task_id = ?, ended_at = ?,"
                           " last_outcome = ? WHERE id = ?", [status, step, next_due, task_id, ended_at, last_outcome, eid])
            # A day task the contact created (tomorrow's "1 人待联系") goes; the others get their counts
            # and status back (today's task the contact closed opens again).
            sequences.restore_day_tasks(db, state.get("sequences", []), state.get("sequence_tasks", []),
                                        state["max_task_id"])
            restore_user(db, user)


def purge_contacts_before(db: Database, before: date, *, now: datetime) -> int:
    """Retention: delete contacts logged before a date, with their search entries and finding
    mentions; returns how many. (Run VACUUM afterwards, outside any transaction, to drop the pages.)"""
    ids = [r[0] for r in db.execute("SELECT id FROM contacts WHERE at < ?", [before.isoformat()])]
    with write_transaction(db):
        search_index.unindex_contacts(db, ids)
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ", ".join("?" * len(chunk))
            db.execute(f"UPDATE tasks SET contact_id = NULL WHERE contact_id IN ({marks})", chunk)
            for contact_id in chunk:
                findings_module.forget_contact(db, contact_id, now=now)
            db.execute(f"DELETE FROM contacts WHERE id IN ({marks})", chunk)
        db.execute("UPDATE users SET last_contact_at = (SELECT max(at) FROM contacts c WHERE c.user_id = users.id)"
                   " WHERE last_contact_at < ?", [before.isoformat()])
    return len(ids)
