"""The operator's end users: create, find-or-create in bulk (imports, RFM lists), update, delete.

Phones are stored as typed (digits only for mainland mobiles) and shown masked everywhere except
the user's detail view (workbench/privacy.py). A phone that is not a mainland mobile, or a user who
looks like one already stored, is a warning — the operator knows things the rules do not.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Iterable

from workbench.contacts.schema import STAGES
from workbench.errors import UserError
from workbench.privacy import is_mainland_mobile, mask_phone, mask_wechat
from workbench.store import now_text, write_transaction

if TYPE_CHECKING:
    from sqlite_utils import Database

USER_COLUMNS = ["id", "external_id", "name", "phone", "wechat", "channel", "stage", "tags", "notes",
                "attributes", "created_at", "updated_at", "last_contact_at"]



@dataclass
class User:
    id: int
    external_id: str | None
    name: str | None
    phone: str | None
    wechat: str | None
    channel: str | None
    stage: str
    tags: list[str]
    notes: str
    attributes: dict
    created_at: str
    updated_at: str | None
    last_contact_at: str | None

    @classmethod
    def from_row(cls, row) -> "User":
        values = dict(zip(USER_COLUMNS, row))
        values["tags"] = json.loads(values["tags"] or "[]")
        values["attributes"] = json.loads(values["attributes"] or "{}")
        values["notes"] = values["notes"] or ""
        values["stage"] = values["stage"] or "新用户"
        return cls(**values)

    @property
    def masked_phone(self) -> str:
        return mask_phone(self.phone)

    @property
    def masked_wechat(self) -> str:
        return mask_wechat(self.wechat)

    def label(self) -> str:
        """王芳 · U20250042 · 138****1234 — what lists and the form show."""
        parts = [self.name or f"#{self.id}", self.external_id or "", self.masked_phone]
        return " · ".join(p for p in parts if p)


def normalize_phone(phone: str | None) -> str | None:
    """Digits of a mobile number (13800138000.0 from Excel ⇒ 13800138000); other numbers kept as typed."""
    if phone in (None, ""):
        return None
    text = str(phone).strip()
    if re.fullmatch(r"\d+\.0", text):
        text = text[:-2]
    digits = re.sub(r"\D", "", text)
    if len(digits) == 13 and digits.startswith("86"):
        digits = digits[2:]
    if len(digits) == 11:
        return digits
    return text or None


def _clean_id(value) -> str | None:
    if value in (None, ""):
        return None
    text = str(value).strip()
    if re.fullmatch(r"\d+\.0", text):
        text = text[:-2]
    return text or None


def phone_warnings(db: Database, phone: str | None, *, exclude_id: int | None = None) -> list[tuple[str, str]]:
    """(zh, en) warnings for a phone: not a mainland mobile, or already on another user."""
    warnings: list[tuple[str, str]] = []
    phone = normalize_phone(phone)
    if not phone:
        return warnings
    digits = re.sub(r"\D", "", phone)
    if len(digits) == 11 and not is_mainland_mobile(digits):
        warnings.append(("这个 11 位号码不像大陆手机号，已照常保存。",
                         "This 11-digit number does not look like a mainland mobile; it was kept anyway."))
    other = db.execute("SELECT id, name FROM users WHERE phone = ? AND id IS NOT ?", [phone, exclude_id]).fetchone()
    if other:
        warnings.append((f"另一位用户（{other[1] or other[0]}）也用这个号码，可能是重复用户。",
                         f"Another user ({other[1] or other[0]}) has this number; this may be a duplicate."))
    return warnings


def get_user(db: Database, user_id: int) -> User | None:
    row = db.execute(f"SELECT {', '.join(USER_COLUMNS)} FROM users WHERE id = ?", [user_id]).fetchone()
    return User.from_row(row) if row else None


def require_user(db: Database, user_id: int) -> User:
    user = get_user(db, user_id)
    if user is None:
        raise UserError(f"找不到用户 {user_id}（可能已被删除）。", f"User {user_id} does not exist (it may have been deleted).")
    return user


def _check_stage(stage: str | None) -> str:
    stage = stage or "新用户"
    if stage not in STAGES:
        raise UserError(f"生命周期阶段“{stage}”不存在，可选：{'/'.join(STAGES)}。",
                        f"There is no lifecycle stage “{stage}”; choose one of {'/'.join(STAGES)}.")
    return stage


def create_user(db: Database, *, name: str | None = None, phone: str | None = None, wechat: str | None = None,
                external_id: str | None = None, channel: str | None = None, stage: str | None = None,
                tags: Iterable[str] = (), notes: str = "", attributes: dict | None = None,
                now: datetime) -> int:
    """Add one user; at least one of name/phone/wechat/external id. Warnings: see phone_warnings."""
    name = (name or "").strip() or None
    phone = normalize_phone(phone)
    external_id = _clean_id(external_id)
    if not any([name, phone, (wechat or "").strip(), external_id]):
        raise UserError("新用户至少需要姓名、手机号、微信或用户ID中的一项。",
                        "A new user needs at least a name, phone, WeChat or user id.")
    stamp = now_text(now)
    with write_transaction(db):
        cursor = db.execute(
            "INSERT INTO users (external_id, name, phone, wechat, channel, stage, tags, notes, attributes,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [external_id, name, phone, (wechat or "").strip() or None, (channel or "").strip() or None,
             _check_stage(stage), json.dumps(list(dict.fromkeys(t.strip() for t in tags if t.strip())), ensure_ascii=False),
             notes or "", json.dumps(attributes or {}, ensure_ascii=False, default=str), stamp, stamp],
        )
        return int(cursor.lastrowid)


EDITABLE = {"external_id", "name", "phone", "wechat", "channel", "stage", "tags", "notes", "attributes", "last_contact_at"}


def update_user(db: Database, user_id: int, now: datetime, **changes) -> User:
    unknown = set(changes) - EDITABLE
    if unknown:
        raise ValueError(f"not editable: {unknown}")
    require_user(db, user_id)
    values = dict(changes)
    if "phone" in values:
        values["phone"] = normalize_phone(values["phone"])
    if "stage" in values:
        values["stage"] = _check_stage(values["stage"])
    if "tags" in values and not isinstance(values["tags"], str):
        values["tags"] = json.dumps(list(values["tags"]), ensure_ascii=False)
    if "attributes" in values and not isinstance(values["attributes"], str):
        values["attributes"] = json.dumps(values["attributes"], ensure_ascii=False, default=str)
    values["updated_at"] = now_text(now)
    with write_transaction(db):
        sets = ", ".join(f"{k} = ?" for k in values)
        db.execute(f"UPDATE users SET {sets} WHERE id = ?", [*values.values(), user_id])
    return require_user(db, user_id)


def user_snapshot(db: Database, user_id: int) -> dict:
    row = db.execute(f"SELECT {', '.join(USER_COLUMNS)} FROM users WHERE id = ?", [user_id]).fetchone()
    return dict(zip(USER_COLUMNS, row)) if row else {}


def restore_user(db: Database, snapshot: dict) -> None:
    """Put a user row back exactly as a snapshot held it (undo)."""
    with write_transaction(db):
        cols = [c for c in USER_COLUMNS if c != "id"]
        if db.execute("SELECT 1 FROM users WHERE id = ?", [snapshot["id"]]).fetchone():
            db.execute(f"UPDATE users SET {', '.join(f'{c} = ?' for c in cols)} WHERE id = ?",
                       [snapshot[c] for c in cols] + [snapshot["id"]])
        else:
            db.execute(f"INSERT INTO users ({', '.join(USER_COLUMNS)}) VALUES ({', '.join('?' * len(USER_COLUMNS))})",
                       [snapshot[c] for c in USER_COLUMNS])


def delete_user(db: Database, user_id: int, *, now: datetime) -> None:
    """Remove a user with their contacts (and those contacts' search entries)."""
    from workbench.contacts.search_index import unindex_contacts

    with write_transaction(db):
        contact_ids = [r[0] for r in db.execute("SELECT id FROM contacts WHERE user_id = ?", [user_id])]
        unindex_contacts(db, contact_ids)
        db.execute("DELETE FROM finding_mentions WHERE user_id = ?", [user_id])
        db.execute("UPDATE findings SET source_contact_id = NULL WHERE source_contact_id IN "
                   "(SELECT id FROM contacts WHERE user_id = ?)", [user_id])
        db.execute("DELETE FROM contacts WHERE user_id = ?", [user_id])
        sequence_ids = [r[0] for r in db.execute(
            "SELECT DISTINCT sequence_id FROM sequence_enrolments WHERE user_id = ?", [user_id])]
        db.execute("DELETE FROM sequence_enrolments WHERE user_id = ?", [user_id])
        db.execute("DELETE FROM users WHERE id = ?", [user_id])
        from workbench.contacts.sequences import sync_queue_tasks  # sequences imports this module

        for sequence_id in sequence_ids:
            sync_queue_tasks(db, sequence_id, now)  # the day tasks' counts no longer include them


# --- bulk: imports and lists from other areas ---------------------------------------------------
@dataclass
class MatchReport:
    ids: list[int] = field(default_factory=list)
    created: int = 0
    matched: int = 0
    updated: int = 0
    warnings: list[tuple[int, str, str]] = field(default_factory=list)  # (row number, zh, en)
    # Rows (1-based, in the order given) whose phone is not a valid mainland mobile: imported as typed,
    # and the importer names them in one sentence (a wrong digit is common in back-office exports).
    invalid_phone_rows: list[int] = field(default_factory=list)


def find_or_create_users(db: Database, rows: Iterable[dict], *, now: datetime,
                         report: MatchReport | None = None) -> list[int]:
    """One user id per row, in order. A row is a dict with any of external_id / name / phone /
    wechat / channel / stage / tags / attributes. Matches on the external id, else the phone; a
    matched user gets missing fields filled and attributes merged; otherwise a user is created.
    Rows with nothing to match or create on get a warning and no id (None is not returned — they
    are skipped). All in one transaction (the dashboard's RFM segment → recall list calls this)."""
    report = report if report is not None else MatchReport()
    stamp = now_text(now)
    by_external = {}
    by_phone = {}
    with write_transaction(db):
        for number, row in enumerate(rows, start=1):
            external_id = _clean_id(row.get("external_id"))
            phone = normalize_phone(row.get("phone"))
            name = (str(row.get("name") or "").strip()) or None
            if not any([external_id, phone, name]):
                report.warnings.append((number, "这一行没有用户ID、手机号或姓名，已跳过。",
                                        "This row has no user id, phone or name; skipped."))
                continue
            if phone and not is_mainland_mobile(phone):
                report.invalid_phone_rows.append(number)
            user_id = None
            if external_id:
                user_id = by_external.get(external_id) or _first(db, "SELECT id FROM users WHERE external_id = ?", external_id)
            if user_id is None and phone and "*" not in phone:  # a masked phone matches nobody
                user_id = by_phone.get(phone) or _first(db, "SELECT id FROM users WHERE phone = ?", phone)
            attributes = row.get("attributes") or {}
            if user_id is None:
                cursor = db.execute(
                    "INSERT INTO users (external_id, name, phone, wechat, channel, stage, tags, notes, attributes,"
                    " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?)",
                    [external_id, name, phone, _clean_id(row.get("wechat")), _clean_id(row.get("channel")),
                     row.get("stage") if row.get("stage") in STAGES else "新用户",
                     json.dumps(list(row.get("tags") or []), ensure_ascii=False),
                     json.dumps(attributes, ensure_ascii=False, default=str), stamp, stamp])
                user_id = int(cursor.lastrowid)
                report.created += 1
            else:
                report.matched += 1
                if _fill_missing(db, user_id, row, external_id, phone, name, attributes, stamp):
                    report.updated += 1
            if external_id:
                by_external[external_id] = user_id
            if phone:
                by_phone[phone] = user_id
            report.ids.append(user_id)
    return report.ids


def _first(db: Database, sql: str, value) -> int | None:
    row = db.execute(sql, [value]).fetchone()
    return int(row[0]) if row else None


def _fill_missing(db, user_id, row, external_id, phone, name, attributes, stamp) -> bool:
    current = db.execute("SELECT external_id, name, phone, wechat, channel, stage, attributes, tags FROM users WHERE id = ?",
                         [user_id]).fetchone()
    changes = {}
    for column, value in (("external_id", external_id), ("name", name), ("phone", phone),
                          ("wechat", _clean_id(row.get("wechat"))), ("channel", _clean_id(row.get("channel")))):
        old = current[["external_id", "name", "phone", "wechat", "channel"].index(column)]
        if value and not old:
            changes[column] = value
    if row.get("stage") in STAGES and row.get("stage") != current[5]:
        changes["stage"] = row["stage"]
    if attributes:
        merged = {**json.loads(current[6] or "{}"), **attributes}
        if merged != json.loads(current[6] or "{}"):
            changes["attributes"] = json.dumps(merged, ensure_ascii=False, default=str)
    old_tags = json.loads(current[7] or "[]")
    tags = list(dict.fromkeys(old_tags + [str(t) for t in row.get("tags") or []]))
    if tags != old_tags:
        changes["tags"] = json.dumps(tags, ensure_ascii=False)
    if not changes:
        return False
    changes["updated_at"] = stamp
    db.execute(f"UPDATE users SET {', '.join(f'{k} = ?' for k in changes)} WHERE id = ?", [*changes.values(), user_id])
    return True


def first_user_id(db: Database, prefer_name: str) -> int:
    """The first user with that name, else the first user, else 0 (the page tour's example user)."""
    row = db.execute("SELECT id FROM users WHERE name = ? ORDER BY id LIMIT 1", [prefer_name]).fetchone() \
        or db.execute("SELECT id FROM users ORDER BY id LIMIT 1").fetchone()
    return row[0] if row else 0


def count_users(db: Database) -> int:
    return db.execute("SELECT count(*) FROM users").fetchone()[0]
