"""An RFM segment becomes a recall list in the contact log: users matched or created through the
contacts feature (find_or_create_users), tagged with the segment, and optionally enrolled in a recall
sequence (start_sequence). Undo puts users back as they were and stops the enrolments."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from workbench.reports import datasets
from workbench.errors import in_language
from workbench.reports.rfm import SEGMENT_ENGLISH, RfmResult
from workbench.store import write_transaction

if TYPE_CHECKING:
    from sqlite_utils import Database

_PHONE_HINTS = ("手机", "电话", "phone", "mobile")
_CHANNEL_HINTS = ("渠道", "channel", "来源")
_NAME_HINTS = ("姓名", "用户名", "昵称", "name")


@dataclass
class RecallResult:
    user_ids: list[int]
    created: list[int] = field(default_factory=list)
    before: list[dict] = field(default_factory=list)     # snapshots of matched users, for undo
    enrolments: list[int] = field(default_factory=list)
    list_name: str = ""


def _find(columns: list[str], hints: tuple[str, ...], exclude: set[str]) -> str | None:
    for hint in hints:
        for name in columns:
            if name not in exclude and hint in name.lower():
                return name
    return None


def recall_rows(db: Database, dataset: str, result: RfmResult, segment: str, id_column: str) -> list[dict]:
    """find_or_create_users rows for the segment's users: external id, phone, channel, name, tags and
    their R/F/M as attributes."""
    info = datasets.get_dataset(db, dataset)
    names = [c.name for c in info.columns]
    phone = _find(names, _PHONE_HINTS, {id_column})
    channel = _find(names, _CHANNEL_HINTS, {id_column})
    person = _find([c.name for c in info.columns if c.type == "text"], _NAME_HINTS, {id_column, channel or ""})
    members = {result.ids[i]: i for i in result.members(segment)}
    rows = []
    for row in datasets.read_rows(db, dataset, [n for n in (id_column, phone, channel, person) if n]):
        index = members.get(row[id_column])
        if index is None:
            continue
        rows.append({
            "external_id": row[id_column], "phone": row.get(phone) if phone else None,
            "channel": row.get(channel) if channel else None, "name": row.get(person) if person else None,
            "tags": ["RFM", segment],
            "attributes": {"RFM分层": segment, "R": int(result.r[index]), "F": int(result.f[index]),
                           "M": int(result.m[index]), "最近一次距今天数": float(result.recency_days[index])},
        })
    return rows


def send_segment_to_contacts(db: Database, dataset: str, result: RfmResult, segment: str, id_column: str,
                             sequence_id: int | None = None, *, now: datetime) -> RecallResult:
    """One transaction: match/create the users, then (optionally) start the recall sequence for all."""
    from workbench.contacts.sequences import start_sequence
    from workbench.contacts.users import find_or_create_users, user_snapshot

    rows = recall_rows(db, dataset, result, segment, id_column)
    segment_name = in_language(segment, SEGMENT_ENGLISH.get(segment, segment))
    list_name = f"RFM·{segment_name}·{result.as_of}"
    with write_transaction(db):
        before_ids = {r[0] for r in db.execute("SELECT id FROM users")}
        existing = [db.execute("SELECT id FROM users WHERE external_id = ?", [str(r["external_id"])]).fetchone()
                    for r in rows]
        before = [user_snapshot(db, e[0]) for e in existing if e]
        user_ids = find_or_create_users(db, rows, now=now)
        created = [u for u in user_ids if u not in before_ids]
        enrolments = start_sequence(db, sequence_id, user_ids, list_name=list_name, now=now) if sequence_id else []
    return RecallResult(user_ids, created, before, enrolments, list_name)


def undo_recall(db: Database, recall: RecallResult, *, now: datetime) -> None:
    from workbench.contacts.sequences import stop_enrolment
    from workbench.contacts.users import delete_user, restore_user

    with write_transaction(db):
        for enrolment in recall.enrolments:
            stop_enrolment(db, enrolment, now=now)
        for user_id in recall.created:
            delete_user(db, user_id, now=now)
        for snapshot in recall.before:
            restore_user(db, snapshot)
