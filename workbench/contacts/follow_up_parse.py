"""Reading the follow-up field as typed during a call (明天, 下周一上午, 后天下午3点, +3, 'tomorrow 3pm',
11-27 14:00): the capture bar's date grammar, through tasks/date_field.py. A past time is refused."""
from __future__ import annotations

from datetime import datetime

from workbench.tasks.date_field import read_date_field


def parse_follow_up(text: str, now: datetime) -> str | None:
    """'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM', None for an empty field; UserError if unreadable or past."""
    return read_date_field(text, now, label_zh="跟进时间", label_en="follow-up", refuse_past=True)
