"""The audit log the operator can read: what left the app, whether it was masked, how many rows.

Each entry is (time, action, detail, rows, masked). An export that unmasks phones or WeChat ids must
be recorded here (privacy: unmasked only by explicit choice, and that choice is visible later).
The detail is itself masked, so the log never holds personal data.
"""
from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from workbench.clock import wall_clock
from workbench.privacy import mask_text
from workbench.store import write_transaction

if TYPE_CHECKING:
    from sqlite_utils import Database

# Actions other areas record; the audit view translates these keys.
EXPORT = "export"
RETENTION_PURGE = "retention_purge"
RESTORE_BACKUP = "restore_backup"
REVEAL = "reveal"
EXPORT_USERS = "export_users"  # the user list as CSV (`users export`); older databases hold rows of it


def record(db: Database, action: str, detail: str = "", rows: int = 0, masked: bool = True,
           at: datetime | None = None) -> int:
    """Add one entry (in its own write transaction, or nested in the caller's). Returns its id."""
    entry = {
        "at": (at or wall_clock()).isoformat(timespec="seconds"),  # when it happened: an audit stamp
        "action": action,
        "detail": mask_text(detail),
        "rows": int(rows),
        "masked": 1 if masked else 0,
    }
    with write_transaction(db):
        return db["audit_log"].insert(entry).last_pk


def record_export(db: Database, path, rows: int, masked: bool, what: str = "") -> int:
    """Call after writing an export file: `what` names it ("周复盘", "联系记录")."""
    detail = f"{what}: {path}" if what else str(path)
    return record(db, EXPORT, detail, rows, masked)


def record_reveal(db: Database, what: str, at: datetime | None = None) -> int:
    """The operator chose to see a user's full phone and personal data (the user dialog's Reveal)."""
    return record(db, REVEAL, what, rows=1, masked=False, at=at)


def entries(db: Database, limit: int = 1000, unmasked_only: bool = False) -> list[dict]:
    """Newest first."""
    where = "WHERE masked = 0" if unmasked_only else ""
    rows = db.execute(
        f"SELECT id, at, action, detail, rows, masked FROM audit_log {where} ORDER BY at DESC, id DESC LIMIT ?",
        [limit],
    ).fetchall()
    return [dict(zip(("id", "at", "action", "detail", "rows", "masked"), row)) for row in rows]


def can_record_export(db: Database, masked: bool) -> bool:
    """Ask before writing an export: can its entry be recorded? A database open read-only cannot record
    one; a masked export then goes ahead unrecorded (nothing personal leaves), an unmasked one is refused
    before any file is written (every unmasked export must stay visible here)."""
    reason = getattr(db, "readonly_reason", None)
    if reason is None:
        return True
    if masked:
        return False
    from workbench.errors import UserError

    raise UserError(f"只读：{reason[0]}，无法在审计日志中记录不打码的导出，所以没有导出。请改用打码导出。",
                    f"Read-only: {reason[1]}, so an unmasked export cannot be recorded in the audit log and was "
                    f"not written. Export with masking instead.")
