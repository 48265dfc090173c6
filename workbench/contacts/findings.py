"""Findings: what a contact revealed — 产品bug / 新渠道 / 新需求 / 其他 — in one line of text.

A new finding that reads like an open one of the same kind is merged into it: the board shows one
line with how many users mentioned it, which is what the product team needs to prioritise.

A merge keeps its parts: a wording raised into an existing finding, or a finding merged by hand, is a
row with merged_into_id set that keeps its own mentions; the finding it joined counts them all. So the
board can say "并入 ×N" and split_finding can take the parts apart again.
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
    merged: int = 0  # how many findings were merged into this one (its parts)


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
    """Record a finding (or one more mention of a similar open one, as a part of it when worded
    otherwise); returns the id of the finding the board shows."""
    text = " ".join((text or "").split())
    if kind not in FINDING_KINDS:
        raise UserError(f"发现的类型“{kind}”不存在，可选：{'/'.join(FINDING_KINDS)}。",
                        f"There is no finding kind “{kind}”; choose one of {'/'.join(FINDING_KINDS)}.")
    if not text:
        raise UserError("发现需要一句话描述。", "A finding needs one line of text.")
    stamp = now_text(now)
    with write_transaction(db):
        match = similar_findings(db, kind, text, limit=1) if merge else []
        if match and _normal(match[0][0].text) != _normal(text):
            # Another wording of it: a part of the finding it joins, kept so the merge can be split.
            mentioned = int(db.execute(
                "INSERT INTO findings (kind, text, status, mentions, user_count, source_contact_id, merged_into_id,"
                " created_at, updated_at) VALUES (?, ?, '新发现', 0, 0, ?, ?, ?, ?)",
                [kind, text, contact_id, match[0][0].id, stamp, stamp]).lastrowid)
            finding_id = match[0][0].id
        elif match:
            finding_id = mentioned = match[0][0].id
        else:
            finding_id = int(db.execute(
                "INSERT INTO findings (kind, text, status, mentions, user_count, source_contact_id, created_at, updated_at)"
                " VALUES (?, ?, '新发现', 0, 0, ?, ?, ?)", [kind, text, contact_id, stamp, stamp]).lastrowid)
            mentioned = finding_id
        db.execute("INSERT INTO finding_mentions (finding_id, user_id, contact_id, at) VALUES (?, ?, ?, ?)",
                   [mentioned, user_id, contact_id, stamp])
        _recount(db, finding_id, stamp)
    return finding_id


def _root(db: Database, finding_id: int) -> int:
    row = db.execute("SELECT merged_into_id FROM findings WHERE id = ?", [finding_id]).fetchone()
    return int(row[0]) if row and row[0] is not None else finding_id


_GROUP = "SELECT id FROM findings WHERE id = ? OR merged_into_id = ?"


def _recount(db: Database, finding_id: int, stamp: str) -> None:
    """The counts of the finding shown on the board: its own mentions and its parts'. A part's own
    counts stay 0 while it is merged (it is not on the board)."""
    root = _root(db, finding_id)
    if root != finding_id:
        db.execute("UPDATE findings SET mentions = 0, user_count = 0 WHERE id = ?", [finding_id])
    db.execute(f"UPDATE findings SET mentions = (SELECT count(*) FROM finding_mentions WHERE finding_id IN ({_GROUP})),"
               f" user_count = (SELECT count(DISTINCT user_id) FROM finding_mentions WHERE finding_id IN ({_GROUP})),"
               " updated_at = ? WHERE id = ?", [root, root, root, root, stamp, root])


def merge_findings(db: Database, keep_id: int, other_ids: list[int], now: datetime) -> dict[int, list[int]]:
    """Fold other findings into keep_id: they become its parts, keeping their mentions (the parts they
    had become keep_id's). Returns {other id: [its former parts]} for unmerge (undo)."""
    stamp = now_text(now)
    moved: dict[int, list[int]] = {}
    with write_transaction(db):
        for other in other_ids:
            if other == keep_id:
                continue
            moved[other] = [r[0] for r in db.execute("SELECT id FROM findings WHERE merged_into_id = ?", [other])]
            db.execute("UPDATE findings SET merged_into_id = ?, updated_at = ? WHERE merged_into_id = ?",
                       [keep_id, stamp, other])
            db.execute("UPDATE findings SET merged_into_id = ?, mentions = 0, user_count = 0, updated_at = ? WHERE id = ?",
                       [keep_id, stamp, other])
        _recount(db, keep_id, stamp)
    return moved


def unmerge_findings(db: Database, keep_id: int, moved: dict[int, list[int]], *, now: datetime) -> None:
    stamp = now_text(now)
    with write_transaction(db):
        for other, parts in moved.items():
            db.execute("UPDATE findings SET merged_into_id = NULL WHERE id = ?", [int(other)])
            if parts:
                db.execute(f"UPDATE findings SET merged_into_id = ? WHERE id IN ({', '.join('?' * len(parts))})",
                           [int(other), *parts])
            _recount(db, int(other), stamp)
        _recount(db, keep_id, stamp)


def finding_parts(db: Database, finding_id: int) -> list[Finding]:
    """The findings merged into this one (raised in other words, or merged by hand), oldest first."""
    rows = db.execute(f"{FINDING_SELECT} WHERE merged_into_id = ? ORDER BY created_at, id", [finding_id]).fetchall()
    return [Finding(*r) for r in rows]


def split_finding(db: Database, finding_id: int, *, now: datetime) -> list[int]:
    """Take a merged finding apart: each part is a finding of its own again, with its own mentions.
    Returns the parts' ids (merge_findings(finding_id, parts) puts them back: undo)."""
    stamp = now_text(now)
    with write_transaction(db):
        parts = [part.id for part in finding_parts(db, finding_id)]
        if not parts:
            raise UserError("这条发现没有并入别的发现，无法拆分。", "Nothing was merged into this finding; there is nothing to split.")
        db.execute("UPDATE findings SET merged_into_id = NULL, updated_at = ? WHERE merged_into_id = ?", [stamp, finding_id])
        for part in parts:
            _recount(db, part, stamp)
        _recount(db, finding_id, stamp)
    return parts


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
        root = _root(db, finding_id)
        if root != finding_id:  # a part left without mentions goes
            db.execute("DELETE FROM findings WHERE id = ? AND NOT EXISTS (SELECT 1 FROM finding_mentions WHERE finding_id = ?)",
                       [finding_id, finding_id])
        _recount(db, root, stamp)
        db.execute("DELETE FROM findings WHERE id = ? AND mentions = 0 AND merged_into_id IS NULL"
                   " AND NOT EXISTS (SELECT 1 FROM findings WHERE merged_into_id = ?)", [root, root])


def findings_board(db: Database, *, include_closed: bool = False) -> dict[str, list[Finding]]:
    """By kind, most-mentioned first (merged findings are shown through the one they joined)."""
    where = "merged_into_id IS NULL" + ("" if include_closed else " AND status != '已关闭'")
    board: dict[str, list[Finding]] = {kind: [] for kind in FINDING_KINDS}
    merged = "(SELECT count(*) FROM findings AS part WHERE part.merged_into_id = findings.id)"
    select = FINDING_SELECT.replace(" FROM findings", f", {merged} FROM findings")
    for row in db.execute(f"{select} WHERE {where} ORDER BY mentions DESC, created_at DESC"):
        board.setdefault(row[1], []).append(Finding(*row))
    return board


def findings_for_user(db: Database, user_id: int) -> list[tuple[str, Finding]]:
    # A mention of a part is shown as the finding the part joined (what the board shows).
    rows = db.execute("SELECT m.at, f.id, f.kind, f.text, f.status, f.mentions, f.user_count, f.source_contact_id, f.created_at"
                      " FROM finding_mentions m JOIN findings raised ON raised.id = m.finding_id"
                      " JOIN findings f ON f.id = coalesce(raised.merged_into_id, raised.id) WHERE m.user_id = ? ORDER BY m.at",
                      [user_id]).fetchall()
    return [(r[0], Finding(*r[1:])) for r in rows]
