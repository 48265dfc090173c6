"""Recurring tasks: an RFC 5545 RRULE body (e.g. 'FREQ=WEEKLY;BYDAY=MO') and its next occurrence."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _rule(body: str, start: datetime):
    from dateutil.rrule import rrulestr  # ~3 ms to import: not needed to show the matrix

    return rrulestr(body, dtstart=start, ignoretz=True)


def is_valid(body: str) -> bool:
    try:
        _rule(body, datetime(2026, 1, 1))
    except (ValueError, TypeError, KeyError):
        return False
    return True


def first_due(body: str, after: date, at: str | None = None) -> str | None:
    """The first occurrence on or after `after` (a new recurring task's due), as due text."""
    hour_minute = time.fromisoformat(at) if at else time(0, 0)
    start = datetime.combine(after, hour_minute)
    try:
        found = _rule(body, start).after(start, inc=True)
    except (ValueError, TypeError, KeyError):
        return None
    return _as_due(found, with_time=at is not None)


def next_due(body: str, due: str | None, now: datetime) -> str | None:
    """The due of the occurrence after this one: strictly after both the current due and today.

    Completing an overdue weekly task does not create a pile of past occurrences: it jumps to the
    next one from today. A rule that has ended (COUNT/UNTIL) returns None."""
    with_time = bool(due and len(due) >= 16)
    try:
        base = datetime.fromisoformat(due) if due else datetime.combine(now.date(), time(0, 0))
    except ValueError:
        base, with_time = datetime.combine(now.date(), time(0, 0)), False
    floor = max(base.date(), now.date())
    try:
        rule = _rule(body, base)
        found = rule.after(datetime.combine(floor, time(23, 59, 59)))
    except (ValueError, TypeError, KeyError):
        return None
    return _as_due(found, with_time) if found else None


def _as_due(moment: datetime | None, with_time: bool) -> str | None:
    if moment is None:
        return None
    return moment.strftime("%Y-%m-%dT%H:%M") if with_time else moment.date().isoformat()


def describe(body: str | None, lang: str = "zh_CN") -> str:
    """A short human label for a chip: 每周一 / every Monday."""
    if not body:
        return ""
    parts = dict(p.split("=", 1) for p in body.split(";") if "=" in p)
    freq, interval = parts.get("FREQ", ""), int(parts.get("INTERVAL", "1") or 1)
    days = [d[-2:] for d in parts.get("BYDAY", "").split(",") if d]
    zh_days = dict(zip(WEEKDAY_CODES, "一二三四五六日"))
    en_days = dict(zip(WEEKDAY_CODES, ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")))
    if lang.startswith("zh"):
        if freq == "DAILY":
            return "每天" if interval == 1 else f"每{interval}天"
        if freq == "WEEKLY" and days == ["MO", "TU", "WE", "TH", "FR"]:
            return "每个工作日"
        if freq == "WEEKLY":
            prefix = "每周" if interval == 1 else f"每{interval}周"
            return prefix + "、".join(zh_days[d] for d in days) if days else prefix
        if freq == "MONTHLY":
            day = parts.get("BYMONTHDAY")
            prefix = "每月" if interval == 1 else f"每{interval}个月"
            return f"{prefix}{day}号" if day and day != "-1" else (f"{prefix}最后一天" if day == "-1" else prefix)
        if freq == "YEARLY":
            return "每年"
        return body
    if freq == "DAILY":
        return "every day" if interval == 1 else f"every {interval} days"
    if freq == "WEEKLY" and days == ["MO", "TU", "WE", "TH", "FR"]:
        return "every weekday"
    if freq == "WEEKLY":
        prefix = "every week" if interval == 1 else f"every {interval} weeks"
        return ("every " + ", ".join(en_days[d] for d in days)) if days and interval == 1 else prefix
    if freq == "MONTHLY":
        day = parts.get("BYMONTHDAY")
        return f"monthly on day {day}" if day and day != "-1" else "monthly"
    if freq == "YEARLY":
        return "every year"
    return body


def add_days(day: date, n: int) -> date:
    return day + timedelta(days=n)
