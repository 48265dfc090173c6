"""One user's history in time order: contacts, tasks, findings, recall-sequence steps and the
attributes imported from the back office."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.contacts.findings import findings_for_user
from workbench.contacts.users import get_user
from workbench.privacy import mask_attribute

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass
class TimelineEntry:
    at: str
    kind: str  # contact / task / finding / sequence / import
    title: str  # data: channel·direction·topic·outcome / task title / finding kind / sequence name
    detail: str
    ref_id: int | None = None
    status: str | None = None  # task: open/done/dropped; sequence: "start" or its end status
    due: str | None = None  # task due


def user_timeline(db: Database, user_id: int, limit: int = 500) -> list[TimelineEntry]:
    """Newest first."""
    user = get_user(db, user_id)
    if user is None:
        return []
    entries: list[TimelineEntry] = []
    for cid, at, channel, direction, topic, outcome, summary in db.execute(
            "SELECT id, at, channel, direction, topic, outcome, summary FROM contacts WHERE user_id = ?"
            " ORDER BY at DESC, id DESC LIMIT ?", [user_id, limit]):
        title = " ".join(p for p in (channel, direction, topic, outcome) if p)
        entries.append(TimelineEntry(at, "contact", title, summary or "", cid))
    from workbench.tasks.generated_text import title as shown_title

    for tid, title, status, due, created, done, kind, params in db.execute(
            "SELECT id, title, status, due, created_at, done_at, title_kind, title_params FROM tasks WHERE user_id = ?"
            " ORDER BY id DESC LIMIT ?", [user_id, limit]):
        entries.append(TimelineEntry(done or created, "task", shown_title(title, kind, params), "", tid, status, due))
    for at, finding in findings_for_user(db, user_id):
        entries.append(TimelineEntry(at, "finding", finding.kind, finding.text, finding.id, finding.status))
    for eid, name, status, step, started, ended in db.execute(
            "SELECT e.id, s.name, e.status, e.step, e.started_at, e.ended_at FROM sequence_enrolments e"
            " JOIN sequences s ON s.id = e.sequence_id WHERE e.user_id = ?", [user_id]):
        entries.append(TimelineEntry(started, "sequence", name, "", eid, "start"))
        if ended:
            entries.append(TimelineEntry(ended, "sequence", name, str(step), eid, status))
    if user.attributes:
        # Joined here, where the column names are known: 紧急联系人电话 masks a landline too.
        detail = " · ".join(f"{k} {mask_attribute(k, v)}" for k, v in list(user.attributes.items())[:8])
        entries.append(TimelineEntry(user.created_at, "import", "", detail, None))
    entries.sort(key=lambda e: e.at or "", reverse=True)
    return entries[:limit]
