"""One user's history in time order: contacts, tasks, findings, recall-sequence steps and the
attributes imported from the back office."""
from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from workbench.contacts.findings import findings_for_user
from workbench.contacts.users import get_user


@dataclass
class TimelineEntry:
    at: str
    kind: str  # contact / task / finding / sequence / import
    title: str
    detail: str
    ref_id: int | None = None


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
    for tid, title, status, due, created, done in db.execute(
            "SELECT id, title, status, due, created_at, done_at FROM tasks WHERE user_id = ? ORDER BY id DESC LIMIT ?",
            [user_id, limit]):
        state = {"open": "待办", "done": "完成", "dropped": "放弃"}.get(status, status)
        when = done or created
        entries.append(TimelineEntry(when, "task", f"任务 {state}", f"{title}" + (f"（截止 {due.replace('T', ' ')}）" if due else ""), tid))
    for at, finding in findings_for_user(db, user_id):
        entries.append(TimelineEntry(at, "finding", f"发现 {finding.kind}", finding.text, finding.id))
    for eid, name, status, step, started, ended in db.execute(
            "SELECT e.id, s.name, e.status, e.step, e.started_at, e.ended_at FROM sequence_enrolments e"
            " JOIN sequences s ON s.id = e.sequence_id WHERE e.user_id = ?", [user_id]):
        entries.append(TimelineEntry(started, "sequence", "召回序列 开始", name, eid))
        if ended:
            entries.append(TimelineEntry(ended, "sequence", f"召回序列 {status}", f"{name}（第 {step} 步）", eid))
    if user.attributes:
        detail = " · ".join(f"{k} {v}" for k, v in list(user.attributes.items())[:8])
        entries.append(TimelineEntry(user.created_at, "import", "导入的属性", detail, None))
    entries.sort(key=lambda e: e.at or "", reverse=True)
    return entries[:limit]
