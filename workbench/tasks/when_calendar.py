"""Calendar facts the grammar resolves against: month arithmetic, the n-th weekday of a month,
holidays (solar and lunar), and China's working days.

Lunar festivals come from lunar-python and the official holiday schedule (with its make-up working
days, 调休) from chinese-calendar; neither is re-typed here.
"""
from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date, timedelta


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except (ValueError, OverflowError):
        return None


def add_months(day: date, months: int) -> date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def month_last(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def monday_of(day: date, weeks_ahead: int = 0) -> date:
    return day - timedelta(days=day.weekday()) + timedelta(weeks=weeks_ahead)


def upcoming(today: date, weekday: int) -> date:
    """The next `weekday` on or after today (周三 on a Wednesday is today)."""
    return today + timedelta(days=(weekday - today.weekday()) % 7)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date | None:
    """The nth (1…5, or -1 for the last) `weekday` of a month; None if the month has no fifth one."""
    if nth == -1:
        last = month_last(year, month)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    found = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    return found if found.month == month else None


def forward_month_day(today: date, month: int, day: int) -> date | None:
    """A month and day written without a year: this year's, or next year's once it has passed
    (2月29日 goes to the next leap year)."""
    for year in range(today.year, today.year + 9):
        found = safe_date(year, month, day)
        if found and found >= today:
            return found
    return None


def forward_day_of_month(today: date, day: int) -> date | None:
    """'15号' alone: this month's 15th, or the next month that has that day once it has passed."""
    for months in range(0, 13):
        first = add_months(today.replace(day=1), months)
        found = safe_date(first.year, first.month, day)
        if found and found >= today:
            return found
    return None


# --- holidays ---------------------------------------------------------------------------------
def _lunar(month: int, day: int) -> Callable[[int], date | None]:
    def on(year: int) -> date | None:
        from lunar_python import Lunar  # ~13 ms: loaded the first time a lunar festival is written

        solar = Lunar.fromYmd(year, month, day).getSolar()
        return date(solar.getYear(), solar.getMonth(), solar.getDay())
    return on


def _new_year_eve(year: int) -> date | None:
    """除夕 is the last day of the twelfth lunar month: the day before the next 春节."""
    spring = _lunar(1, 1)(year + 1)
    return spring - timedelta(days=1) if spring else None


def _qingming(year: int) -> date | None:
    from lunar_python import Lunar

    solar = Lunar.fromYmd(year, 1, 1).getJieQiTable()["清明"]
    return date(solar.getYear(), solar.getMonth(), solar.getDay())


def _fixed(month: int, day: int) -> Callable[[int], date | None]:
    return lambda year: safe_date(year, month, day)


def _nth(month: int, weekday: int, nth: int) -> Callable[[int], date | None]:
    return lambda year: nth_weekday(year, month, weekday, nth)


# name as written (Simplified; Traditional is folded before) → the day in a given year.
HOLIDAYS: dict[str, Callable[[int], date | None]] = {
    "元旦": _fixed(1, 1), "情人节": _fixed(2, 14), "妇女节": _fixed(3, 8), "三八节": _fixed(3, 8),
    "三八妇女节": _fixed(3, 8), "植树节": _fixed(3, 12), "愚人节": _fixed(4, 1), "劳动节": _fixed(5, 1),
    "五一": _fixed(5, 1), "五一节": _fixed(5, 1), "五一劳动节": _fixed(5, 1), "青年节": _fixed(5, 4),
    "儿童节": _fixed(6, 1), "六一": _fixed(6, 1), "六一儿童节": _fixed(6, 1), "建党节": _fixed(7, 1),
    "建军节": _fixed(8, 1), "教师节": _fixed(9, 10), "国庆": _fixed(10, 1), "国庆节": _fixed(10, 1),
    "十一": _fixed(10, 1), "万圣节": _fixed(10, 31), "光棍节": _fixed(11, 11), "双十一": _fixed(11, 11),
    "双11": _fixed(11, 11), "双十二": _fixed(12, 12), "双12": _fixed(12, 12), "平安夜": _fixed(12, 24),
    "圣诞": _fixed(12, 25), "圣诞节": _fixed(12, 25), "618": _fixed(6, 18), "520": _fixed(5, 20),
    "母亲节": _nth(5, 6, 2), "父亲节": _nth(6, 6, 3), "感恩节": _nth(11, 3, 4),
    "春节": _lunar(1, 1), "大年初一": _lunar(1, 1), "除夕": _new_year_eve, "大年三十": _new_year_eve,
    "元宵": _lunar(1, 15), "元宵节": _lunar(1, 15), "端午": _lunar(5, 5), "端午节": _lunar(5, 5),
    "七夕": _lunar(7, 7), "七夕节": _lunar(7, 7), "中秋": _lunar(8, 15), "中秋节": _lunar(8, 15),
    "重阳": _lunar(9, 9), "重阳节": _lunar(9, 9), "腊八": _lunar(12, 8), "腊八节": _lunar(12, 8),
    "清明": _qingming, "清明节": _qingming,
    "new year's day": _fixed(1, 1), "new years day": _fixed(1, 1), "new year's eve": _fixed(12, 31),
    "valentine's day": _fixed(2, 14), "valentines day": _fixed(2, 14), "valentine's": _fixed(2, 14),
    "april fools' day": _fixed(4, 1), "april fools day": _fixed(4, 1), "halloween": _fixed(10, 31),
    "christmas eve": _fixed(12, 24), "christmas day": _fixed(12, 25), "christmas": _fixed(12, 25),
    "xmas": _fixed(12, 25), "boxing day": _fixed(12, 26), "mother's day": _nth(5, 6, 2),
    "mothers day": _nth(5, 6, 2), "father's day": _nth(6, 6, 3), "fathers day": _nth(6, 6, 3),
    "thanksgiving": _nth(11, 3, 4), "thanksgiving day": _nth(11, 3, 4), "singles' day": _fixed(11, 11),
    "singles day": _fixed(11, 11), "chinese new year": _lunar(1, 1), "lunar new year": _lunar(1, 1),
    "spring festival": _lunar(1, 1), "lantern festival": _lunar(1, 15), "dragon boat festival": _lunar(5, 5),
    "mid-autumn festival": _lunar(8, 15), "mid autumn festival": _lunar(8, 15), "qixi": _lunar(7, 7),
    "double ninth festival": _lunar(9, 9), "national day": _fixed(10, 1), "labor day": _fixed(5, 1),
    "labour day": _fixed(5, 1), "women's day": _fixed(3, 8), "children's day": _fixed(6, 1),
}


def holiday(name: str, today: date, year: int | None = None) -> date | None:
    """The festival in `year`, or (no year written) its next occurrence on or after today."""
    on = HOLIDAYS.get(name.lower().replace("’", "'"))
    if on is None:
        return None
    try:
        if year is not None:
            return on(year)
        for candidate_year in (today.year - 1, today.year, today.year + 1):
            found = on(candidate_year)  # 除夕 of lunar year Y can fall in January of Y+1
            if found and found >= today:
                return found
    except Exception:  # noqa: BLE001 - a calendar library's range error: no date rather than a wrong one
        return None
    return None


def lunar_date(month: int, day: int, today: date, year: int | None = None) -> date | None:
    """A lunar month and day (农历八月十五, 正月初五): in lunar year `year`, or its next occurrence."""
    on = _lunar(month, day)
    for lunar_year in ([year] if year else [today.year - 1, today.year, today.year + 1, today.year + 2]):
        try:
            found = on(lunar_year)
        except Exception:  # noqa: BLE001 - a 30th that this lunar month lacks: try the next year
            continue
        if found and (year or found >= today):
            return found
    return None


# --- working days -----------------------------------------------------------------------------
def _schedule():
    import chinese_calendar  # China's official holiday schedule with its make-up working days

    return chinese_calendar


def is_working_day(day: date) -> tuple[bool, bool]:
    """(working?, from the official schedule?). A year the library has no schedule for yet is read
    as Monday–Friday, and the caller shows a note saying so."""
    try:
        return _schedule().is_workday(day), True
    except NotImplementedError:
        return day.weekday() < 5, False


def add_working_days(today: date, count: int) -> tuple[date, bool]:
    """The `count`-th working day after today (下个工作日 is count 1); second value: every day looked
    at was on the official schedule."""
    day, left, official = today, count, True
    while left > 0:
        day += timedelta(days=1)
        working, known = is_working_day(day)
        official &= known
        left -= working
    return day, official
