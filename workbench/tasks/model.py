"""A task as the rest of the app sees it, and the four quadrants (四象限)."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

from workbench.tasks import generated_text

INBOX = "inbox"
QUADRANTS = ("q1", "q2", "q3", "q4")
# (important, urgent) of each quadrant.
QUADRANT_FLAGS = {"q1": (True, True), "q2": (True, False), "q3": (False, True), "q4": (False, False)}
# The seeds' names, used by the CLI and the weekly review; the UI translates its own copies.
QUADRANT_NAMES_ZH = {
    "q1": "重要且紧急 · 立即做",
    "q2": "重要不紧急 · 计划做",
    "q3": "紧急不重要 · 快速处理/授权",
    "q4": "不重要不紧急 · 删减",
    INBOX: "收件箱",
}
STATUSES = ("open", "done", "dropped")


def quadrant_of(important: bool, urgent: bool) -> str:
    for name, flags in QUADRANT_FLAGS.items():
        if flags == (bool(important), bool(urgent)):
            return name
    raise AssertionError("unreachable")


@dataclass
class Task:
    id: int
    title: str
    notes: str = ""
    important: bool = False
    urgent: bool = False
    status: str = "open"
    due: str | None = None
    recurrence: str | None = None
    tags: list[str] = field(default_factory=list)
    created_at: str = ""
    triaged_at: str | None = None
    done_at: str | None = None
    position: float = 0.0
    user_id: int | None = None
    contact_id: int | None = None
    pdca_cycle_id: int | None = None
    alert_id: int | None = None
    promoted_on: str | None = None
    sequence_id: int | None = None  # a recall sequence's day of work (its queue, not one user)
    sequence_day: str | None = None  # that day, "YYYY-MM-DD" (the due date may be moved)
    kept_not_urgent_for_due: str | None = None  # moved back to 重要不紧急 for this due: not promoted again
    title_kind: str | None = None  # a title the app generated: its kind (tasks/generated_text.py)
    title_params: str | None = None  # …and its parameters (JSON); `title` is then rendered when read
    stored_title: str = ""  # the title column as stored (the text it had when made)

    COLUMNS = ("id", "title", "notes", "important", "urgent", "status", "due", "recurrence", "tags",
               "created_at", "triaged_at", "done_at", "position", "user_id", "contact_id",
               "pdca_cycle_id", "alert_id", "promoted_on", "sequence_id", "sequence_day",
               "kept_not_urgent_for_due", "title_kind", "title_params")

    @classmethod
    def from_row(cls, row) -> "Task":
        values = dict(zip(cls.COLUMNS, row))
        values["important"] = bool(values["important"])
        values["urgent"] = bool(values["urgent"])
        try:
            values["tags"] = [str(t) for t in json.loads(values["tags"] or "[]")]
        except (ValueError, TypeError):
            values["tags"] = []
        values["notes"] = values["notes"] or ""
        values["stored_title"] = values["title"]
        values["title"] = generated_text.title(values["title"], values["title_kind"], values["title_params"])
        return cls(**values)

    @property
    def quadrant(self) -> str:
        """'inbox' while untriaged, else 'q1'..'q4'."""
        if self.triaged_at is None:
            return INBOX
        return quadrant_of(self.important, self.urgent)

    @property
    def due_date(self) -> date | None:
        if not self.due:
            return None
        try:
            return date.fromisoformat(self.due[:10])
        except ValueError:
            return None

    @property
    def due_time(self) -> str | None:
        return self.due[11:16] if self.due and len(self.due) >= 16 else None

    def is_overdue(self, today: date, now_hhmm: str | None = None) -> bool:
        due = self.due_date
        if due is None or self.status != "open":
            return False
        if due < today:
            return True
        return due == today and self.due_time is not None and now_hhmm is not None and self.due_time < now_hhmm

    def is_due_today(self, today: date) -> bool:
        return self.status == "open" and self.due_date == today

    @property
    def links(self) -> dict[str, int]:
        """The things this task points at, as {area-ish kind: id}."""
        found = {"user": self.user_id, "contact": self.contact_id, "pdca": self.pdca_cycle_id, "alert": self.alert_id,
                 "sequence": self.sequence_id}
        return {kind: value for kind, value in found.items() if value is not None}
