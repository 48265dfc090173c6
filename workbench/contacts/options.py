"""The contact form's editable pick lists (channel, direction, topic, outcome) and each outcome's
default next step, e.g. 未接通 ⇒ retry in 2 hours, at most 3 tries, then SMS."""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.errors import UserError
from workbench.store import write_transaction

if TYPE_CHECKING:
    from sqlite_utils import Database

KINDS = ("channel", "direction", "topic", "outcome")


@dataclass
class NextStep:
    retry_hours: float | None = None  # 未接通: call again after this many hours …
    max_tries: int | None = None      # … at most this many tries …
    then_channel: str | None = None   # … then switch to this channel (SMS)
    follow_up_days: int | None = None  # 待跟进 without a date ⇒ a follow-up after this many days
    ends_sequence: str | None = None   # the recall sequence ends with this status
    stage: str | None = None           # the user's stage becomes this
    stage_from: dict | None = None     # … or, by current stage: {"召回中": "已召回"}

    @classmethod
    def parse(cls, text: str | None) -> "NextStep":
        if not text:
            return cls()
        data = json.loads(text)
        return cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})

    def to_json(self) -> str:
        return json.dumps({k: v for k, v in self.__dict__.items() if v not in (None, {})}, ensure_ascii=False)


def option_values(db: Database, kind: str) -> list[str]:
    return [r[0] for r in db.execute(
        "SELECT value FROM contact_options WHERE kind = ? AND active = 1 ORDER BY position, id", [kind])]


def all_options(db: Database) -> dict[str, list[str]]:
    return {kind: option_values(db, kind) for kind in KINDS}


def next_step_for(db: Database, outcome: str | None) -> NextStep:
    if not outcome:
        return NextStep()
    row = db.execute("SELECT next_step FROM contact_options WHERE kind = 'outcome' AND value = ?", [outcome]).fetchone()
    return NextStep.parse(row[0]) if row else NextStep()


def add_option(db: Database, kind: str, value: str, next_step: NextStep | None = None) -> None:
    """Add a value to a list (or bring back a removed one)."""
    value = (value or "").strip()
    if kind not in KINDS:
        raise ValueError(kind)
    if not value:
        raise UserError("选项不能为空。", "An option cannot be empty.")
    with write_transaction(db):
        position = db.execute("SELECT coalesce(max(position), -1) + 1 FROM contact_options WHERE kind = ?", [kind]).fetchone()[0]
        db.execute("INSERT INTO contact_options (kind, value, position, next_step, active) VALUES (?, ?, ?, ?, 1)"
                   " ON CONFLICT(kind, value) DO UPDATE SET active = 1",
                   [kind, value, position, next_step.to_json() if next_step else ""])


def remove_option(db: Database, kind: str, value: str) -> None:
    """Hide a value from the list; contacts that used it keep it."""
    with write_transaction(db):
        db.execute("UPDATE contact_options SET active = 0 WHERE kind = ? AND value = ?", [kind, value])


def set_next_step(db: Database, outcome: str, step: NextStep) -> None:
    with write_transaction(db):
        db.execute("UPDATE contact_options SET next_step = ? WHERE kind = 'outcome' AND value = ?", [step.to_json(), outcome])
