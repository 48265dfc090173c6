"""Findings: what a contact revealed — 产品bug / 新渠道 / 新需求 / 其他 — in one line of text.

A new finding that reads like an open one of the same kind is merged into it: the board shows one
line with how many users mentioned it, which is what the product team needs to prioritise.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from workbench.contacts.schema import FINDING_KINDS, FINDING_STATUSES
from workbench.errors import UserError
from workbench.store import now_text, write_transaction

if TYPE_CHECKING:
    from sqlite_utils import Database

SIMILARITY_THRESHOLD = 0.5
STATUS_DATE = {"已反馈": "reported_at", "已验证": "verified_at", "已关闭": "closed_at"}


@dataclass
class Finding:
    id: int
    kind: str
    text: str
    status: str
    mentions: int
    user_count: int
    source_contact_id: int | None
    created_at: str


FINDING_SELECT = "SELECT id, kind, text, status, mentions, user_count, source_contact_id, created_at FROM findings"


def _normal(text: str) -> str:
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text).lower())


def _bigrams(text: str) -> set[str]:
    text = _normal(text)
    return {text[i:i + 2] for i in range(len(text) - 1)} or ({text} if text else set())


# The place a finding is about: 还款页, 登录页面, 提现界面, "login page". The same symptom at two places is
# two bugs (还款页按钮点不动 / 借款页按钮点不动, 登录页闪退 / 提现页闪退), however alike the sentences.
_PLACE = re.compile(r"(\w{1,2}?)(?:页面|界面|页)|(\w+)\s+(?:page|screen)\b", re.I)


def _places(text: str) -> set[str]:
    normal = unicodedata.normalize("NFKC", text).lower()
    return {(short or word) for short, word in _PLACE.findall(normal)} - {""}


def similarity(a: str, b: str) -> float:
    """Character-bigram overlap (Dice), 0..1; containment counts as 1 (short vs long wording);
    0 when both name a place and the places differ."""
    na, nb = _normal(a), _normal(b)
    if not na or not nb:
        return 0.0
    places_a, places_b = _places(a), _places(b)
    if places_a and places_b and not places_a & places_b:
        return 0.0
    if na in nb or nb in na:
        return 1.0
    ga, gb = _bigrams(a), _bigrams(b)
    return 2 * len(ga & gb) / (len(ga) + len(gb))


def similar_findings(db: Database, kind: str, text: str, limit: int = 5) -> list[tuple[Finding, float]]:
    rows = db.execute(f"{FINDING_SELECT} WHERE kind = ? AND merged_into_id IS NULL AND status != '已关闭'", [kind]).fetchall()
    scored = [(Finding(*r), similarity(text, r[2])) for r in rows]
    scored = [(f, s) for f, s in scored if s >= SIMILARITY_THRESHOLD]
    return sorted(scored, key=lambda fs: (-fs[1], -fs[0].mentions))[:limit]


def raise_finding(db: Database, kind: str, text: str, *, contact_id: int | None = None, user_id: int | None = None,
                  merge: bool = True, now: datetime) -> int:
    """Record a finding (or one more mention of a similar open one); returns the finding's id."""
    text = " ".join((text or "").split())
    if kind not in FINDING_KINDS:
        raise UserError(f"发现的类型“{kind}”不存在，可选：{'/'.join(FINDING_KINDS)}。",
                        f"There is no finding kind “{kind}”; choose one of {'/'.join(FINDING_KINDS)}.")
    if not text:
        raise UserError("发现需要一句话描述。", "A finding needs one line of text.")
    stamp = now_text(now)
    with write_transaction(db):
        match = similar_findings(db, kind, text, limit=1) if merge else []
        if match:
            finding_id = match[0][0].id
        else:
            finding_id = int(db.execute(
                "INSERT INTO findings (kind, text, status, mentions, user_count, source_contact_id, created_at, updated_at)"
                " VALUES (?, ?, '新发现', 0, 0, ?, ?, ?)", [kind, text, contact_id, stamp, stamp]).lastrowid)
        db.execute("INSERT INTO finding_mentions (finding_id, user_id, contact_id, at) VALUES (?, ?, ?, ?)",
                   [finding_id, user_id, contact_id, stamp])
        _recount(db, finding_id, stamp)
    return finding_id


def _recount(db: Database, finding_id: int, stamp: str) -> None:
    db.execute("UPDATE findings SET mentions = (SELECT count(*) FROM finding_mentions WHERE finding_id = ?),"
               " user_count = (SELECT count(DISTINCT user_id) FROM finding_mentions WHERE finding_id = ?),"
               " updated_at = ? WHERE id = ?", [finding_id, finding_id, stamp, finding_id])


def merge_findings(db: Database, keep_id: int, other_ids: list[int], now: datetime) -> dict[int, list[int]]:
    """Fold other findings into keep_id: their mentions move over, they stay as merged records.
    Returns {other id: [moved mention ids]} for unmerge (undo)."""
    stamp = now_text(now)
    moved: dict[int, list[int]] = {}
    with write_transaction(db):
        for other in other_ids:
            if other == keep_id:
                continue
            moved[other] = [r[0] for r in db.execute("SELECT id FROM finding_mentions WHERE finding_id = ?", [other])]
            db.execute("UPDATE finding_mentions SET finding_id = ? WHERE finding_id = ?", [keep_id, other])
            db.execute("UPDATE findings SET merged_into_id = ?, mentions = 0, user_count = 0, updated_at = ? WHERE id = ?",
                       [keep_id, stamp, other])
        _recount(db, keep_id, stamp)
    return moved


def unmerge_findings(db: Database, keep_id: int, moved: dict[int, list[int]], *, now: datetime) -> None:
    stamp = now_text(now)
    with write_transaction(db):
        for other, mention_ids in moved.items():
            if mention_ids:
                db.execute(f"UPDATE finding_mentions SET finding_id = ? WHERE id IN ({', '.join('?' * len(mention_ids))})",
                           [int(other), *mention_ids])
            db.execute("UPDATE findings SET merged_into_id = NULL WHERE id = ?", [int(other)])
            _recount(db, int(other), stamp)
        _recount(db, keep_id, stamp)


def finding_status(db: Database, finding_id: int) -> str | None:
    row = db.execute("SELECT status FROM findings WHERE id = ?", [finding_id]).fetchone()
    return row[0] if row else None


def set_status(db: Database, finding_id: int, status: str, now: datetime) -> None:
    if status not in FINDING_STATUSES:
        raise UserError(f"状态“{status}”不存在，可选：{'/'.join(FINDING_STATUSES)}。",
                        f"There is no status “{status}”; choose one of {'/'.join(FINDING_STATUSES)}.")
    stamp = now_text(now)
    with write_transaction(db):
        column = STATUS_DATE.get(status)
        extra = f", {column} = coalesce({column}, ?)" if column else ""
        db.execute(f"UPDATE findings SET status = ?, updated_at = ?{extra} WHERE id = ?",
                   [status, stamp, *([stamp] if column else []), finding_id])


def forget_contact(db: Database, contact_id: int, *, now: datetime) -> None:
    """A contact is deleted: drop its mentions, recount, and remove findings left with none."""
    stamp = now_text(now)
    affected = [r[0] for r in db.execute("SELECT DISTINCT finding_id FROM finding_mentions WHERE contact_id = ?", [contact_id])]
    db.execute("DELETE FROM finding_mentions WHERE contact_id = ?", [contact_id])
    db.execute("UPDATE findings SET source_contact_id = NULL WHERE source_contact_id = ?", [contact_id])
    for finding_id in affected:
        _recount(db, finding_id, stamp)
        db.execute("DELETE FROM findings WHERE id = ? AND mentions = 0 AND merged_into_id IS NULL", [finding_id])


def findings_board(db: Database, *, include_closed: bool = False) -> dict[str, list[Finding]]:
    """By kind, most-mentioned first (merged findings are shown through the one they joined)."""
    where = "merged_into_id IS NULL" + ("" if include_closed else " AND status != '已关闭'")
    board: dict[str, list[Finding]] = {kind: [] for kind in FINDING_KINDS}
    for row in db.execute(f"{FINDING_SELECT} WHERE {where} ORDER BY mentions DESC, created_at DESC"):
        board.setdefault(row[1], []).append(Finding(*row))
    return board


def findings_for_user(db: Database, user_id: int) -> list[tuple[str, Finding]]:
    rows = db.execute("SELECT m.at, f.id, f.kind, f.text, f.status, f.mentions, f.user_count, f.source_contact_id, f.created_at"
                      " FROM finding_mentions m JOIN findings f ON f.id = m.finding_id WHERE m.user_id = ? ORDER BY m.at",
                      [user_id]).fetchall()
    return [(r[0], Finding(*r[1:])) for r in rows]
