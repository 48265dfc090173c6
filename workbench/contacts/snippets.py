"""Canned answers and SOP steps (话术): body with variables such as {姓名} {额度} {到期日}."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from workbench.contacts.users import User
from workbench.errors import UserError
from workbench.store import now_text, write_transaction
from workbench.tasks import generated_text

if TYPE_CHECKING:
    from sqlite_utils import Database

VARIABLE_RE = re.compile(r"\{([^{}\s]{1,12})\}")
# Where a variable's value comes from: a user field, else an imported attribute of that name.
USER_FIELD_VARIABLES = {"姓名": "name", "用户ID": "external_id", "渠道": "channel", "阶段": "stage"}


@dataclass
class Snippet:
    id: int
    title: str
    body: str
    tags: list[str]
    use_count: int
    converted: int = 0  # contacts using it that ended 已转化
    title_kind: str | None = None  # a generated title (an SOP): `title` is rendered in the user's language

    @property
    def conversion_rate(self) -> float | None:
        return self.converted / self.use_count if self.use_count else None


def create_snippet(db: Database, title: str, body: str, tags=(), *, now: datetime,
                   title_kind: str | None = None, title_params: dict | None = None) -> int:
    """A generated title (an SOP written by PDCA's 标准化) passes title_kind and title_params
    (tasks/generated_text.py): it is shown in the language the user reads."""
    title, body = (title or "").strip(), body or ""
    if title_kind:
        title = title or generated_text.title("", title_kind, title_params)
    if not title or not body.strip():
        raise UserError("话术需要标题和正文。", "A snippet needs a title and a body.")
    stamp = now_text(now)
    with write_transaction(db):
        return int(db.execute("INSERT INTO snippets (title, body, tags, use_count, archived, created_at, updated_at,"
                              " title_kind, title_params) VALUES (?, ?, ?, 0, 0, ?, ?, ?, ?)",
                              [title, body, json.dumps(list(tags), ensure_ascii=False), stamp, stamp,
                               title_kind or None, generated_text.params_json(title_params) if title_kind else None]
                              ).lastrowid)


def update_snippet(db: Database, snippet_id: int, *, title: str | None = None, body: str | None = None,
                   tags=None, archived: bool | None = None, now: datetime) -> None:
    """Change what is given. archived=True takes a snippet out of the picker; the contacts that used it
    keep pointing at it (its use and conversion counts stay)."""
    if title is not None:
        title = title.strip()
    if title == "" or (body is not None and not body.strip()):
        raise UserError("话术需要标题和正文。", "A snippet needs a title and a body.")
    changes = {k: v for k, v in (("title", title), ("body", body)) if v is not None}
    if "title" in changes:
        before = get_snippet(db, snippet_id, include_archived=True)
        if before is not None and before.title_kind and changes["title"] == before.title:
            del changes["title"]  # the generated title saved unchanged
        else:
            changes["title_kind"] = changes["title_params"] = None  # an edited title is the operator's
    if tags is not None:
        changes["tags"] = json.dumps(list(tags), ensure_ascii=False)
    if archived is not None:
        changes["archived"] = int(archived)
    changes["updated_at"] = now_text(now)
    with write_transaction(db):
        db.execute(f"UPDATE snippets SET {', '.join(f'{k} = ?' for k in changes)} WHERE id = ?", [*changes.values(), snippet_id])


def list_snippets(db: Database, text: str = "", *, include_archived: bool = False) -> list[Snippet]:
    """Most used first, with how many of the contacts using each ended 已转化."""
    where, params = ("1" if include_archived else "s.archived = 0"), []
    if text:
        where += " AND (s.title LIKE ? OR s.body LIKE ? OR s.tags LIKE ?)"
        params = [f"%{text}%"] * 3
    rows = db.execute(
        "SELECT s.id, s.title, s.body, s.tags, s.use_count,"
        " (SELECT count(*) FROM contacts c WHERE c.snippet_id = s.id AND c.outcome = '已转化'), s.title_kind, s.title_params"
        f" FROM snippets s WHERE {where} ORDER BY s.use_count DESC, s.id", params).fetchall()
    return [Snippet(r[0], generated_text.title(r[1], r[6], r[7]), r[2], json.loads(r[3] or "[]"), r[4], r[5], r[6])
            for r in rows]


def get_snippet(db: Database, snippet_id: int, *, include_archived: bool = False) -> Snippet | None:
    return next((s for s in list_snippets(db, include_archived=include_archived) if s.id == snippet_id), None)


def variables(body: str) -> list[str]:
    return list(dict.fromkeys(VARIABLE_RE.findall(body or "")))


def render(body: str, user: User | None, extra: dict | None = None) -> str:
    """Fill {变量} from the user (name, imported attributes) and extra; unknown ones stay as typed,
    so the operator sees what is still to fill in."""
    values = dict(extra or {})

    def value(match: re.Match) -> str:
        key = match.group(1)
        if key in values:
            return str(values[key])
        if user is not None:
            column = USER_FIELD_VARIABLES.get(key)
            if column and getattr(user, column):
                return str(getattr(user, column))
            if key in user.attributes and user.attributes[key] not in (None, ""):
                return str(user.attributes[key])
        return match.group(0)

    return VARIABLE_RE.sub(value, body or "")
