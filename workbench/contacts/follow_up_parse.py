"""Reading the follow-up field as typed during a call: 明天, 后天 10:00, +3, 周五 14点, 11-27, 2026-11-27 9:30."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from workbench.errors import UserError

RELATIVE_DAYS = {"今天": 0, "今日": 0, "明天": 1, "明日": 1, "后天": 2, "大后天": 3,
                 "today": 0, "tomorrow": 1}
WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
TIME_RE = re.compile(r"(\d{1,2})(?:[:：点](\d{1,2})?)?\s*(?:分)?$")


def _time_part(text: str) -> tuple[str, int | None, int | None]:
    """Split a trailing time (10:00, 14点, 9点30) off the text."""
    match = re.search(r"\s*(\d{1,2})[:：点](\d{2})?分?$", text) or re.search(r"\s+(\d{1,2})$", text)
    if not match:
        return text, None, None
    hour, minute = int(match.group(1)), int(match.group(2) or 0) if match.lastindex and match.lastindex >= 2 else 0
    if hour > 23 or minute > 59:
        return text, None, None
    return text[:match.start()].strip(), hour, minute


def parse_follow_up(text: str, now: datetime) -> str | None:
    """'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM', None for an empty field; UserError if unreadable."""
    text = " ".join((text or "").split())
    if not text:
        return None
    day_text, hour, minute = _time_part(text)
    day = _day(day_text, now.date()) if day_text else now.date()
    if day is None:
        raise UserError(f"跟进时间“{text}”看不懂：可以写 明天、后天 10:00、+3、周五、11-27 或 2026-11-27。",
                        f"Cannot read the follow-up “{text}”: try 明天, 后天 10:00, +3, 周五, 11-27 or 2026-11-27.")
    if hour is None:
        return day.isoformat()
    return f"{day.isoformat()}T{hour:02d}:{minute:02d}"


def _day(text: str, today: date) -> date | None:
    text = text.lower()
    if text in RELATIVE_DAYS:
        return today + timedelta(days=RELATIVE_DAYS[text])
    match = re.fullmatch(r"\+?(\d{1,3})\s*(?:天后|天|d)?", text)
    if match and (text.startswith("+") or not text.isdigit()):
        return today + timedelta(days=int(match.group(1)))
    match = re.fullmatch(r"(下)?(?:周|星期|礼拜)([一二三四五六日天])", text)
    if match:
        target = WEEKDAYS[match.group(2)]
        ahead = (target - today.weekday()) % 7 or 7
        if match.group(1):
            ahead = 7 - today.weekday() + target  # that weekday of next week
        return today + timedelta(days=ahead)
    try:
        if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
            return date(*map(int, text.split("-")))
        match = re.fullmatch(r"(\d{1,2})[-/.月](\d{1,2})日?", text)
        if match:
            candidate = date(today.year, int(match.group(1)), int(match.group(2)))
            return candidate if candidate >= today - timedelta(days=30) else candidate.replace(year=today.year + 1)
    except ValueError:
        return None
    return None
