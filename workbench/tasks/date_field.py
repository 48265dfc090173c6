"""A date typed into a form field (follow-up, task due, PDCA deadline, CLI --follow-up), read by the
capture bar's grammar (when_grammar.parse_when), so every field understands the same words.

Beyond the grammar a field takes '+3' (in three days), since a field holds nothing but the date.
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta

from workbench.errors import UserError
from workbench.tasks.when_grammar import When, parse_when

PLUS_DAYS = re.compile(r"\+\s*(\d{1,3})\s*(?:d|天|days?)?", re.IGNORECASE)


def read_when(text: str, now: datetime, day_parts: dict | None = None) -> When | None:
    """The field's date, or None when it is not one date expression. `day_parts`: capture.day_parts_for."""
    plus = PLUS_DAYS.fullmatch(text.strip())
    if plus:
        return When((now.date() + timedelta(days=int(plus.group(1)))).isoformat())
    return parse_when(text, now, day_parts)


def read_date_field(text: str | None, now: datetime, *, label_zh: str = "日期", label_en: str = "date",
                    date_only: bool = False, refuse_past: bool = False,
                    day_parts: dict | None = None) -> str | None:
    """'' → None; a date expression → 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM'; anything else is a UserError
    sentence (so is a past date where the field wants a future one)."""
    text = " ".join((text or "").split())
    if not text:
        return None
    when = read_when(text, now, day_parts)
    if when is None:
        raise UserError(f"{label_zh}“{text}”看不懂：可以写 明天、下周一上午、后天下午3点、+3、11-27 14:00 或 2026-11-27。",
                        f"Cannot read the {label_en} “{text}”: try tomorrow, next Monday morning, friday 3pm, +3, "
                        f"11-27 14:00 or 2026-11-27.")
    due = when.due[:10] if date_only else when.due
    past = due < now.date().isoformat() if date_only else when.past
    if refuse_past and past:
        shown = due.replace("T", " ")
        raise UserError(f"{label_zh}“{text}”是 {shown}，已经过去了：请写一个将来的时间。",
                        f"The {label_en} “{text}” is {shown}, which has already passed: write a time in the future.")
    return due
