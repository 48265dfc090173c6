"""Reading the follow-up field as typed during a call (明天, 下周一上午, 后天下午3点, +3, 'tomorrow 3pm',
11-27 14:00): the capture bar's date grammar, through tasks/date_field.py. A past time is refused."""
from __future__ import annotations

from datetime import datetime


def parse_follow_up(text: str, now: datetime, day_parts: dict | None = None) -> str | None:
    """'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM', None for an empty field; UserError if unreadable or past.
    `day_parts`: the stored 上午/下午 times (tasks.capture.day_parts_for)."""
    from workbench.tasks.date_field import read_date_field  # the grammar (~50 ms to load): when first used

    return read_date_field(text, now, label_zh="跟进时间", label_en="follow-up", refuse_past=True,
                           day_parts=day_parts)
