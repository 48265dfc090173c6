"""One capture line → one saved task: parse, link the first mentioned user, commit."""
from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from workbench.errors import UserError
from workbench.tasks.capture_parser import ParsedCapture, parse_capture
from workbench.tasks.repository import create_task

if TYPE_CHECKING:
    from sqlite_utils import Database


def _has_users(db: Database) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'users'").fetchone() is not None


def user_for_mention(db: Database, token: str) -> int | None:
    """The user an @mention names: by name, by user id (external id), or by the phone's last 4+ digits."""
    if not token or not _has_users(db):
        return None
    for column in ("name", "external_id"):
        row = db.execute(f"SELECT id FROM users WHERE {column} = ? ORDER BY id LIMIT 1", [token]).fetchone()
        if row:
            return int(row[0])
    if token.isdigit() and 4 <= len(token) <= 11:
        rows = db.execute("SELECT id FROM users WHERE phone LIKE ? LIMIT 2", ["%" + token]).fetchall()
        if len(rows) == 1:  # a tail shared by two users links neither
            return int(rows[0][0])
    return None


def name_lookup_for(db: Database):
    """A callable the parser uses to split '回访@王芳提现问题' at a known user's name."""
    if not _has_users(db):
        return None

    def known(name: str) -> bool:
        return db.execute("SELECT 1 FROM users WHERE name = ? OR external_id = ? LIMIT 1", [name, name]).fetchone() is not None

    return known


def day_parts_for(db: Database) -> dict[str, tuple[int, int]]:
    """The stored 上午/中午/下午/晚上 times (stored_settings DAY_PARTS) as the grammar takes them; an
    unreadable value keeps that part's default."""
    from workbench import stored_settings

    found: dict[str, tuple[int, int]] = {}
    for part, text in stored_settings.get(db, stored_settings.DAY_PARTS).items():
        try:
            hour, minute = (int(x) for x in str(text).split(":"))
        except ValueError:
            continue
        if 0 <= hour <= 23 and 0 <= minute <= 59:
            found[part] = (hour, minute)
    return found


def parse_for(db: Database, text: str, now: datetime, ignore=()) -> ParsedCapture:
    return parse_capture(text, now, ignore=ignore, name_lookup=name_lookup_for(db), day_parts=day_parts_for(db))


def linked_user(db: Database, parsed: ParsedCapture) -> int | None:
    for name in parsed.mentions:
        user_id = user_for_mention(db, name)
        if user_id is not None:
            return user_id
    return None


def save_capture(db: Database, parsed: ParsedCapture, now: datetime) -> int:
    """Create the task a parsed line describes; returns its id. An empty title is a UserError."""
    if not parsed.title.strip():
        raise UserError("只写了日期或标记，还缺任务内容。", "There is a date or a marker but no task text.")
    return create_task(db, parsed.title, important=parsed.important, urgent=parsed.urgent, due=parsed.due,
                       tags=parsed.tags, user_id=linked_user(db, parsed), triaged=parsed.triaged,
                       recurrence=parsed.recurrence, now=now)


def capture(db: Database, text: str, now: datetime, *, dry_run: bool = False) -> tuple[ParsedCapture, int | None]:
    parsed = parse_for(db, text, now)
    if dry_run:
        if not parsed.title.strip():
            raise UserError("只写了日期或标记，还缺任务内容。", "There is a date or a marker but no task text.")
        return parsed, None
    return parsed, save_capture(db, parsed, now)
