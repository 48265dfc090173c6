"""The date grammar's rules: each named rule reads one kind of *part* (a day, a clock time, a part of the
day, or a moment) out of the normalised line. when_grammar.py joins adjacent parts into one expression and
resolves it against `now`.

A rule is a regular expression plus a builder, registered in order: at any position the first rule that
matches wins, so longer forms come before the shorter forms they contain (下周一 before 下周, 'April 14,
2027' before 'April 14'). Each rule lists examples; a test checks that every example is read whole by it.
To add a form: write a rule with examples here; nothing else needs to change.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from workbench.tasks import when_calendar as cal
from workbench.tasks.when_words import (EN_COUNT_RE, EN_MONTH_RE, EN_ORDINAL_RE, EN_WEEKDAY_NEEDS_CUE, EN_WEEKDAY_RE,
                                        ZH_NUM, ZH_OR_DIGITS, ZH_PERIOD, ZH_PERIOD_RE, ZH_WEEK, ZH_WEEKDAY,
                                        ZH_WEEKDAY_CHAR, en_count, en_month, en_ordinal, en_weekday, number)


@dataclass
class Part:
    """What one rule read. Exactly one of day / (hour, minute) / period / moment is the point of it."""

    start: int
    end: int
    rule: str
    day: date | None = None
    hour: int | None = None
    minute: int = 0
    hour_sure: bool = False  # am/pm, 24-hour or a zero-padded hour: no afternoon guess
    period: str | None = None  # 'morning' | 'noon' | 'afternoon' | 'dusk' | 'evening' | 'night' | 'late'
    moment: datetime | None = None  # a relative time (半小时后) is a whole date and time
    weak: bool = False  # cannot stand alone (三点, 'night', '9' beside 'tomorrow')
    year_written: bool = False  # 2027年3月3号: never moved to another year
    weekday: int | None = None  # set when the day was written as a weekday (周五, 'friday')
    weekday_bare: bool = False  # 周五 / 'friday': moves a week on if its time today has passed
    impossible: bool = False  # 2月30日, 25点: kept as text with a warning
    off_schedule: bool = False  # working days counted Monday–Friday (no official schedule for that year)


@dataclass
class Context:
    now: datetime

    @property
    def today(self) -> date:
        return self.now.date()


Builder = Callable[[dict, Context], "Part | dict | None"]


@dataclass
class Rule:
    name: str
    pattern: re.Pattern
    build: Builder
    examples: tuple[str, ...]


RULES: list[Rule] = []


def rule(name: str, pattern: str, examples: tuple[str, ...], flags: int | None = None):
    """Register a rule. The builder gets the match's named groups and returns Part fields (a dict),
    or None when the text only looked like a date (the rule then claims nothing)."""
    def register(build: Builder) -> Builder:
        words = re.sub(r"\\.|\?P<\w+>|\?P=\w+|\(\?\(\w+\)", "", pattern)
        folding = re.IGNORECASE if re.search(r"[A-Za-z]", words) else 0  # costly to compile for CJK: only if needed
        RULES.append(Rule(name, re.compile(pattern, folding if flags is None else flags), build, examples))
        return build
    return register


def _day(found: date | None, **extra) -> dict | None:
    return {"day": found, **extra} if found else None


IMPOSSIBLE = {"impossible": True}
YEAR_WORD = {"今年": 0, "明年": 1, "后年": 2, "去年": -1}
BEFORE = r"(?:之前|以前|前)?"  # 周五前 / 'by friday' is the same deadline as 周五


# === relative times =============================================================================
@rule("zh_in_minutes_hours",
      rf"(?P<n>\d{{1,3}}|{ZH_NUM}|半|一个半|两个半)\s*个?\s*(?P<half>半)?\s*(?P<unit>小时|钟头|分钟|分|刻钟)"
      r"(?:之后|以后|后|之内|以内|内)",
      ("半小时后", "2小时后", "10分钟后", "一个半小时后", "三个小时以后", "半个小时内", "一刻钟后", "兩小時後"))
def _zh_in_minutes(g: dict, ctx: Context):
    text = g["n"]
    count = {"半": 0.5, "一个半": 1.5, "两个半": 2.5}.get(text)
    count = count if count is not None else number(text)
    if count is None:
        return None
    count += 0.5 if g["half"] else 0
    minutes = {"小时": 60, "钟头": 60, "分钟": 1, "分": 1, "刻钟": 15}[g["unit"]] * count
    if minutes <= 0 or minutes > 60 * 24 * 7:
        return None
    return {"moment": ctx.now.replace(second=0, microsecond=0) + timedelta(minutes=minutes)}


@rule("en_in_minutes_hours",
      rf"\b(?:in|within)\s+(?:the\s+next\s+)?(?:(?P<half>half\s+an?)\s+hour|an?\s+hour\s+and\s+a\s+half"
      rf"|(?P<n>{EN_COUNT_RE})(?P<more2>\s+and\s+a\s+half)?"
      r"\s+(?P<unit>minutes?|mins?|hours?|hrs?)(?P<more>\s+and\s+a\s+half)?|(?P<one>hour))\b"
      rf"|\b(?P<n2>{EN_COUNT_RE})\s+(?P<unit2>minutes?|mins?|hours?|hrs?)\s+from\s+now\b",
      ("in 15 minutes", "in an hour", "in half an hour", "in 2 hours", "within 30 mins", "in an hour and a half",
       "20 minutes from now", "in one and a half hours", "within the next hour"))
def _en_in_minutes(g: dict, ctx: Context):
    if g["half"]:
        minutes = 30.0
    elif g["one"]:
        minutes = 60.0
    elif g["n"] or g["n2"]:
        count = en_count(g["n"] or g["n2"])
        unit = (g["unit"] or g["unit2"]).lower()
        if count is None:
            return None
        minutes = count * (60 if unit.startswith("h") else 1) + (30 if g["more"] or g["more2"] else 0)
    else:
        minutes = 90.0
    if minutes <= 0 or minutes > 60 * 24 * 7:
        return None
    return {"moment": ctx.now.replace(second=0, microsecond=0) + timedelta(minutes=minutes)}


# === working days ==============================================================================
def _working(ctx: Context, count: int) -> dict | None:
    if count is None or not 0 < count <= 400:
        return None
    found, official = cal.add_working_days(ctx.today, count)
    return {"day": found, "off_schedule": not official}


@rule("zh_working_days",
      rf"(?P<n>{ZH_OR_DIGITS})\s*个?\s*工作日(?:之内|以内|内|之后|以后|后)|下(?:一)?个?工作日",
      ("3个工作日内", "三个工作日后", "5工作日内", "下个工作日", "下一个工作日", "兩個工作日內"))
def _zh_working(g: dict, ctx: Context):
    return _working(ctx, number(g["n"]) if g["n"] else 1)


@rule("en_working_days",
      rf"\b(?:(?:in|within|after)\s+(?P<n>{EN_COUNT_RE})\s+(?:business|working|work)\s+days?"
      rf"|(?P<n2>{EN_COUNT_RE})\s+(?:business|working|work)\s+days?\s+from\s+(?:now|today)"
      r"|(?P<next>next|the\s+next)\s+(?:business|working|work)\s+day)\b",
      ("in 2 business days", "within three working days", "next business day", "5 business days from now"))
def _en_working(g: dict, ctx: Context):
    return _working(ctx, 1 if g["next"] else en_count(g["n"] or g["n2"]))


# === durations =================================================================================
def _after(ctx: Context, count: float, unit: str) -> dict | None:
    if count is None or count <= 0 or count > 400:
        return None
    if unit == "day":
        return _day(ctx.today + timedelta(days=int(count)))
    if unit == "week":
        return _day(ctx.today + timedelta(days=int(count * 7)))
    if unit == "month":
        if count != int(count):
            return _day(cal.add_months(ctx.today, int(count)) + timedelta(days=15))
        return _day(cal.add_months(ctx.today, int(count)))
    if count != int(count):
        return _day(cal.add_months(ctx.today, int(count * 12)))
    return _day(cal.add_months(ctx.today, int(count) * 12))


ZH_UNIT = {"天": "day", "日": "day", "周": "week", "星期": "week", "礼拜": "week", "月": "month", "年": "year"}


@rule("zh_in_days",
      rf"(?P<n>{ZH_OR_DIGITS}|半|一个半)\s*个?\s*(?P<half>半)?\s*(?P<unit>天|日|周|星期|礼拜|月|年)"
      r"(?:之后|以后|后|之内|以内|内)",
      ("3天后", "三天之后", "两周后", "1个月后", "半个月后", "3天内", "两个星期以后", "半年后", "一年后", "十天內"))
def _zh_in_days(g: dict, ctx: Context):
    text = g["n"]
    count = {"半": 0.5, "一个半": 1.5}.get(text)
    count = count if count is not None else number(text)
    if count is None:
        return None
    return _after(ctx, count + (0.5 if g["half"] else 0), ZH_UNIT[g["unit"]])


@rule("en_in_days",
      rf"\b(?:(?:in|within|after)\s+(?P<n>{EN_COUNT_RE})\s+(?P<unit>days?|weeks?|months?|years?|fortnights?)"
      rf"|(?P<n2>{EN_COUNT_RE})\s+(?P<unit2>days?|weeks?|months?|years?)\s+(?:from\s+(?:now|today)|hence|later)"
      r"|in\s+a\s+(?P<fortnight>fortnight))\b(?:'?s?\s+time\b)?",
      ("in 3 days", "in a week", "a week from now", "two weeks hence", "in 2 months", "within 5 days",
       "3 days from today", "in a fortnight", "in a year"))
def _en_in_days(g: dict, ctx: Context):
    if g["fortnight"]:
        return _after(ctx, 2, "week")
    count = en_count(g["n"] or g["n2"])
    unit = (g["unit"] or g["unit2"]).lower().rstrip("s")
    if unit == "fortnight":
        return _after(ctx, count * 2 if count else None, "week")
    return _after(ctx, count, unit)


# === calendar dates with a year =================================================================
def _year_of(g: dict, ctx: Context) -> int | None:
    if g.get("yw"):
        return ctx.today.year + YEAR_WORD[g["yw"]]
    return number(g.get("y"))


@rule("zh_year_month_day",
      rf"(?<![\d.])(?:(?P<y>(?:19|20)\d{{2}}|[零〇一二三四五六七八九]{{4}})\s*年|(?P<yw>今年|明年|后年|去年))\s*的?"
      rf"(?P<m>{ZH_OR_DIGITS})\s*月\s*(?P<d>{ZH_OR_DIGITS})\s*[日号]?(?![\d])",
      ("2027年3月3号", "2026年12月15日", "二〇二七年三月三日", "明年3月5日", "今年12月31号", "2027年3月15"))
def _zh_year_month_day(g: dict, ctx: Context):
    year, month, day = _year_of(g, ctx), number(g["m"]), number(g["d"])
    if None in (year, month, day):
        return None
    return _day(cal.safe_date(year, month, day), year_written=True) or IMPOSSIBLE


@rule("iso_date", r"(?<![\d.:/-])(?P<y>(?:19|20)\d{2})(?P<s>[-/.])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})(?![\d])",
      ("2026-12-15", "2027/1/8", "2026.12.31"))
def _iso(g: dict, ctx: Context):
    return _day(cal.safe_date(int(g["y"]), int(g["m"]), int(g["d"])), year_written=True) or IMPOSSIBLE


@rule("dotted_day_month_year", r"(?<![\d./:-])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d{2})(?![\d.])",
      ("15.02.2027", "1.3.2027"))
def _dotted_day_month_year(g: dict, ctx: Context):
    """15.02.2027: with dots the day comes first (as it is written where dots are used)."""
    return _day(cal.safe_date(int(g["y"]), int(g["m"]), int(g["d"])), year_written=True) or IMPOSSIBLE


@rule("numeric_date_with_year", r"(?<![\d./:-])(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])",
      ("4/14/2027", "12/10/26"))
def _numeric_with_year(g: dict, ctx: Context):
    year = int(g["y"]) + (2000 if len(g["y"]) == 2 else 0)
    return _day(cal.safe_date(year, int(g["m"]), int(g["d"])), year_written=True) or IMPOSSIBLE


DAY_ORD = rf"\d{{1,2}}(?:st|nd|rd|th)?|{EN_ORDINAL_RE}"


def _en_date(ctx: Context, month: int, day_text: str, year_text: str | None):
    day = en_ordinal(day_text)
    if day is None or day < 1:
        return None
    if year_text:
        return _day(cal.safe_date(int(year_text), month, day), year_written=True) or IMPOSSIBLE
    if day > 31 or cal.safe_date(2028, month, day) is None:
        return IMPOSSIBLE
    return _day(cal.forward_month_day(ctx.today, month, day))


@rule("en_month_day",
      rf"\b(?:on\s+)?(?P<mon>{EN_MONTH_RE})\s*(?:the\s+)?(?P<d>{DAY_ORD})\b(?:\s*,?\s*(?P<y>(?:19|20)\d{{2}})\b)?",
      ("march 3rd", "April 14, 2027", "dec 3", "Jan. 5", "march the 3rd", "april 14th 2027", "sept 30"))
def _en_month_day(g: dict, ctx: Context):
    if g["mon"].lower() == "may" and not g["d"][0].isdigit():
        return None  # 'may first' reads as a verb too often
    return _en_date(ctx, en_month(g["mon"]), g["d"], g["y"])


@rule("en_day_month",
      rf"\b(?:on\s+)?(?:the\s+)?(?P<d>{DAY_ORD})\s+(?P<of>of\s+)?(?P<mon>{EN_MONTH_RE})(?![a-z])"
      rf"(?:\s*,?\s*(?P<y>(?:19|20)\d{{2}})\b)?",
      ("3rd of march", "first of march", "the 1st of may", "3 dec", "14 April 2027", "the fifteenth of june"))
def _en_day_month(g: dict, ctx: Context):
    if g["mon"].lower().startswith("may") and not g["of"] and not g["d"][-1:].isalpha():
        return None  # '3 may be late'
    if not g["d"][0].isdigit() and not g["of"]:
        return None  # 'first march' is not a date people write
    return _en_date(ctx, en_month(g["mon"]), g["d"], g["y"])


# === n-th weekday of a month ====================================================================
ZH_NTH = r"第(?P<nth>[一二三四五1-5])个?|(?P<last>最后一个|最后一|最后)"


def _nth_in_month(ctx: Context, month: int | None, year: int | None, weekday: int, nth: int, which: int | None):
    """month given: the next such month (this year's if not past); which = 0/1: this or next month."""
    if which is not None:
        first = cal.add_months(ctx.today.replace(day=1), which)
        return _day(cal.nth_weekday(first.year, first.month, weekday, nth))
    if month is None or not 1 <= month <= 12:
        return None
    for candidate in ([year] if year else [ctx.today.year, ctx.today.year + 1]):
        found = cal.nth_weekday(candidate, month, weekday, nth)
        if found and (year or found >= ctx.today):
            return _day(found, year_written=bool(year))
    return None


@rule("zh_nth_weekday_of_month",
      rf"(?:(?P<m>{ZH_OR_DIGITS})月|(?P<which>本月|这个月|下个?月))的?(?:{ZH_NTH}){ZH_WEEK}(?P<wd>{ZH_WEEKDAY_CHAR})",
      ("十月第一个星期一", "5月第二个周日", "本月最后一个周五", "下个月第一个礼拜一", "10月的第三个星期三"))
def _zh_nth_weekday(g: dict, ctx: Context):
    nth = -1 if g["last"] else number(g["nth"])
    which = None if not g["which"] else (1 if g["which"].startswith("下") else 0)
    return _nth_in_month(ctx, number(g["m"]), None, ZH_WEEKDAY[g["wd"]], nth, which)


@rule("en_nth_weekday_of_month",
      rf"\b(?:the\s+)?(?P<nth>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\s+(?P<wd>{EN_WEEKDAY_RE})"
      rf"\s+(?:of|in)\s+(?:(?P<mon>{EN_MONTH_RE})|(?:the|this)\s+(?P<this>month)|(?P<next>next)\s+month)\b",
      ("first tuesday of october", "the last friday of the month", "second monday in may",
       "last friday of next month"))
def _en_nth_weekday(g: dict, ctx: Context):
    nth = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1}.get(
        g["nth"].lower()) or en_ordinal(g["nth"])
    which = 0 if g["this"] else 1 if g["next"] else None
    month = en_month(g["mon"]) if g["mon"] else None
    return _nth_in_month(ctx, month, None, en_weekday(g["wd"]), nth, which)


# === Chinese month dates ========================================================================
_LUNAR_MONTH = {"正": 1, "冬": 11, "腊": 12}
_LUNAR_DAY = r"初[一二三四五六七八九十]|廿[一二三四五六七八九]|二十[一二三四五六七八九]?|三十|十[一二三四五六七八九]?|[一二三四五六七八九]"


@rule("zh_lunar_date",
      rf"(?:(?P<y>(?:19|20)\d{{2}})年|(?P<yw>今年|明年))?(?P<nl>农历|阴历)?(?P<m>正|腊|冬|十一|十二|[一二三四五六七八九十])月"
      rf"(?P<d>{_LUNAR_DAY})(?![日号\d])",
      ("农历八月十五", "正月十五", "腊月二十三", "正月初五", "阴历五月初五", "明年正月初八", "冬月初一"))
def _zh_lunar_date(g: dict, ctx: Context):
    """Lunar only when it says so: 农历/阴历, a lunar month name (正/冬/腊月) or a lunar day (初五, 廿三)."""
    day_text = g["d"]
    if not (g["nl"] or g["m"] in _LUNAR_MONTH or day_text[0] in "初廿"):
        return None  # 三月十五 is a solar date (zh_month_day)
    month = _LUNAR_MONTH.get(g["m"]) or number(g["m"])
    day = number(day_text[1:]) if day_text[0] == "初" else 20 + number(day_text[1:]) if day_text[0] == "廿" \
        else number(day_text)
    if month is None or day is None or not 1 <= day <= 30:
        return None
    year = _year_of(g, ctx) if (g["y"] or g["yw"]) else None
    return _day(cal.lunar_date(month, day, ctx.today, year), year_written=year is not None) or IMPOSSIBLE

@rule("zh_month_day",
      rf"(?<![\d年.])(?P<m>{ZH_OR_DIGITS})\s*月\s*(?P<d>{ZH_OR_DIGITS})\s*(?P<suffix>[日号])?(?![\d])" + BEFORE,
      ("3月15日", "三月十五号", "12月3号", "十二月三日", "3月15", "1月5日前"))
def _zh_month_day(g: dict, ctx: Context):
    month, day = number(g["m"]), number(g["d"])
    if month is None or day is None:
        return None
    if not g["suffix"] and not (g["d"].isdigit() or len(g["d"]) > 1):
        return None  # 三月三 without 日/号 is a name more often than a date
    if not 1 <= month <= 12 or not 1 <= day <= 31 or cal.safe_date(2028, month, day) is None:
        return IMPOSSIBLE
    return _day(cal.forward_month_day(ctx.today, month, day))


@rule("zh_this_next_month_day",
      rf"(?P<which>本月|这个月|这月|下个?月|下下个?月)的?(?P<d>{ZH_OR_DIGITS})\s*[日号]" + BEFORE,
      ("下个月5号", "下月5号", "本月30号", "这个月15日", "下下个月1号"))
def _zh_this_next_month_day(g: dict, ctx: Context):
    day = number(g["d"])
    ahead = 2 if g["which"].startswith("下下") else 1 if g["which"].startswith("下") else 0
    first = cal.add_months(ctx.today.replace(day=1), ahead)
    if day is None:
        return None
    return _day(cal.safe_date(first.year, first.month, day)) or IMPOSSIBLE


@rule("zh_month_edge",
      rf"(?:(?P<y>(?:19|20)\d{{2}})年|(?P<yw>今年|明年))?(?P<which>本|这个|这|下个|下|下下个|下下|(?P<m>{ZH_OR_DIGITS}))?"
      r"月(?:的)?(?P<edge>底|末|初|最后一天|上旬|中旬|下旬|中|内|之内)" + BEFORE,
      ("月底", "月末", "下月底", "下个月底", "月初", "下月初", "本月底", "3月底", "明年3月初", "下月中旬", "3月下旬",
       "本月内", "月中"))
def _zh_month_edge(g: dict, ctx: Context):
    which, edge = g["which"] or "", g["edge"]
    if g["m"]:
        month = number(g["m"])
        if month is None or not 1 <= month <= 12:
            return None
        year = _year_of(g, ctx)
        if year is None:
            year = ctx.today.year + (1 if month < ctx.today.month else 0)
        first = date(year, month, 1)
    elif g["y"] or g["yw"]:
        return None
    else:
        ahead = 2 if which.startswith("下下") else 1 if which.startswith("下") else 0
        if edge == "初" and not which and ctx.today.day > 1:
            ahead = 1  # 月初 on the 25th means next month's
        first = cal.add_months(ctx.today.replace(day=1), ahead)
    middle = {"上旬": 10, "中旬": 20, "中": 15}.get(edge)
    if edge in ("内", "之内") and which not in ("本", "这个", "这"):
        return None  # 3月内, 下月内: 'within' a month other than this one is not a deadline we read
    found = first if edge == "初" else first.replace(day=middle) if middle else cal.month_last(first.year, first.month)
    if edge == "最后一天" and not (which or g["m"]):
        found = cal.month_last(ctx.today.year, ctx.today.month)
    return _day(found, year_written=bool(g["y"] or g["yw"]))


@rule("zh_year_end", r"(?:(?P<yw>今年|明年)(?:年底|年末|底|之内|以内|内)|年底|年末|年内)" + BEFORE,
      ("年底", "年末", "今年年底", "明年年底", "今年底", "今年内", "年内"))
def _zh_year_end(g: dict, ctx: Context):
    year = ctx.today.year + (YEAR_WORD[g["yw"]] if g["yw"] else 0)
    return _day(date(year, 12, 31), year_written=bool(g["yw"]))


@rule("en_period_end",
      r"\b(?:(?:by|before)\s+)?(?:the\s+)?(?:end\s+of\s+(?:the\s+|this\s+)?(?P<next>next\s+)?(?P<unit>month|week|year)"
      r"|(?:the\s+)?last\s+day\s+of\s+(?:the\s+|this\s+)?(?P<next2>next\s+)?(?P<unit3>month|year)"
      r"|(?P<start>beginning|start)\s+of\s+next\s+(?P<unit2>month|year|week))\b|\b(?P<eom>eom|eoy)\b",
      ("end of month", "by the end of the month", "end of next month", "end of the year", "end of this week",
       "start of next month", "eom"))
def _en_period_end(g: dict, ctx: Context):
    unit = (g["unit"] or g["unit2"] or g["unit3"] or ("month" if (g["eom"] or "").lower() == "eom" else "year")).lower()
    ahead = 1 if g["next"] or g["next2"] or g["start"] else 0
    if unit == "week":
        monday = cal.monday_of(ctx.today, ahead)
        return _day(monday if g["start"] else monday + timedelta(days=4))  # the working week ends on Friday
    if unit == "year":
        year = ctx.today.year + ahead
        return _day(date(year, 1, 1) if g["start"] else date(year, 12, 31))
    first = cal.add_months(ctx.today.replace(day=1), ahead)
    return _day(first if g["start"] else cal.month_last(first.year, first.month))


# === holidays =================================================================================
_ZH_HOLIDAYS = sorted((n for n in cal.HOLIDAYS if not n.isascii() or n.isdigit() or n.startswith("双")), key=len,
                      reverse=True)
_EN_HOLIDAYS = sorted((n for n in cal.HOLIDAYS if n.isascii() and not n.isdigit() and not n.startswith("双")),
                      key=len, reverse=True)
_AMBIGUOUS_HOLIDAYS = {"十一", "五一", "六一", "618", "520"}  # also plain numbers: need a cue after them
_HOLIDAY_CUE = r"(?=\s*(?:前|之前|以前|当天|那天|假期|长假|期间|大促|活动|节|购物节|黄金周|放假|上线|预热))"


@rule("zh_holiday",
      rf"(?<![\d.¥$￥零一二三四五六七八九十第])(?:(?P<y>(?:19|20)\d{{2}})年|(?P<yw>今年|明年|后年))?的?"
      rf"(?P<name>{'|'.join(_ZH_HOLIDAYS)})(?![\d%.零一二三四五六七八九十个点号日月年人位次元块万])(?:当天|那天)?" + BEFORE,
      ("元旦", "春节", "除夕", "中秋节", "端午", "国庆", "双十一", "双十二", "明年春节", "2027年中秋", "七夕",
       "重阳节", "圣诞节", "平安夜", "情人节", "清明节", "聖誕節"))
def _zh_holiday(g: dict, ctx: Context):
    return _holiday(g, ctx)


def _holiday(g: dict, ctx: Context):
    year = _year_of(g, ctx) if (g.get("y") or g.get("yw")) else None
    raw = g.get("_raw", "")
    tail = raw[raw.find(g["name"]) + len(g["name"]):] + g.get("_after", "")
    if g["name"] in _AMBIGUOUS_HOLIDAYS and not re.match(_HOLIDAY_CUE, tail):
        return None
    return _day(cal.holiday(g["name"], ctx.today, year), year_written=year is not None)


@rule("en_holiday", rf"\b(?:on\s+)?(?P<name>{'|'.join(re.escape(n) for n in _EN_HOLIDAYS)})(?![a-z])",
      ("christmas", "new year's day", "valentine's day", "halloween", "christmas eve", "thanksgiving",
       "mid-autumn festival", "chinese new year"))
def _en_holiday(g: dict, ctx: Context):
    return _holiday(g, ctx)


@rule("zh_next_month_year", r"(?P<w>下下个?月|下个?月|明年|后年)(?![初底末中0-9零一二两三四五六七八九十的])",
      ("下个月", "下月", "下下个月", "明年"))
def _zh_next_month_year(g: dict, ctx: Context):
    """下个月 / 明年 alone: the first day of that month or year (the chip shows it)."""
    word = g["w"]
    if word.endswith("年"):
        return _day(date(ctx.today.year + (1 if word == "明年" else 2), 1, 1))
    return _day(cal.add_months(ctx.today.replace(day=1), 2 if word.startswith("下下") else 1))


@rule("en_next_month_year", r"\bnext\s+(?P<unit>month|year)\b(?!'s|\s+on\b)", ("next month", "next year"))
def _en_next_month_year(g: dict, ctx: Context):
    if g["unit"].lower() == "year":
        return _day(date(ctx.today.year + 1, 1, 1))
    return _day(cal.add_months(ctx.today.replace(day=1), 1))


# === weeks ====================================================================================
ZH_WHICH_WEEK = r"(?P<which>下下个|下下|下个|下|上个|上|本|这个|这)"


def _week_day(ctx: Context, which: str, weekday: int) -> dict | None:
    found = _week_day_of(ctx, which, weekday)
    return {**found, "weekday": weekday} if found else None


def _week_day_of(ctx: Context, which: str, weekday: int) -> dict | None:
    if which.startswith("下下"):
        return _day(cal.monday_of(ctx.today, 2) + timedelta(days=weekday))
    if which.startswith("下"):
        return _day(cal.monday_of(ctx.today, 1) + timedelta(days=weekday))
    if which.startswith("上"):
        return _day(cal.monday_of(ctx.today, -1) + timedelta(days=weekday))
    if which:  # 本周六 / 这周六: this week's day
        return _day(cal.monday_of(ctx.today) + timedelta(days=weekday))
    return _day(cal.upcoming(ctx.today, weekday), weekday_bare=True)


@rule("zh_weekday",
      rf"(?P<open>[（(]\s*)?(?:{ZH_WHICH_WEEK}\s*(?:{ZH_WEEK}的?)?)?{ZH_WEEK}(?P<wd>{ZH_WEEKDAY_CHAR})"
      rf"(?![一二三四五六日天0-9、和])(?(open)\s*[)）])" + BEFORE,
      ("周五", "星期五", "礼拜五", "下周二", "下个周二", "下星期一", "下下周一", "本周六", "这周五", "周日",
       "星期天", "下周五前", "下周的周五", "禮拜五", "下週一", "（周五）"))
def _zh_weekday(g: dict, ctx: Context):
    return _week_day(ctx, g["which"] or "", ZH_WEEKDAY[g["wd"]])


@rule("zh_week", rf"(?:{ZH_WHICH_WEEK}个?)?(?P<weekend>{ZH_WEEK}末)" + BEFORE + rf"|(?P<w2>下下个|下下|下个|下){ZH_WEEK}(?!末|{ZH_WEEKDAY_CHAR})"
      rf"|(?P<within>本|这个?|下个?){ZH_WEEK}(?:之内|以内|内)",
      ("下周", "下个星期", "下下周", "周末", "下周末", "本周末", "下礼拜", "本周内", "这个星期之内", "下周内"))
def _zh_week(g: dict, ctx: Context):
    if g["within"]:  # 本周内: by the week's last day, Sunday
        return _day(cal.monday_of(ctx.today, 1 if g["within"].startswith("下") else 0) + timedelta(days=6))
    if g["weekend"]:
        which = g["which"] or ""
        if not which and ctx.today.weekday() == 6:
            return _day(ctx.today)  # 周末 on a Sunday is today
        return _day(cal.monday_of(ctx.today, 2 if which.startswith("下下") else 1 if which.startswith("下") else 0)
                    + timedelta(days=5))
    return _day(cal.monday_of(ctx.today, 2 if g["w2"].startswith("下下") else 1))


@rule("en_weekday",
      rf"\b(?:(?P<on>on|by|due|before|until|till|through|thru)\s+)?(?:the\s+)?(?:(?P<which>this\s+coming|this|next|coming|the\s+coming|upcoming|last)\s+)?"
      rf"(?P<wd>{EN_WEEKDAY_RE})(?:\s+(?P<after>after\s+next|of\s+next\s+week|next\s+week|of\s+this\s+week|this\s+week))?"
      r"(?![a-z'’])",
      ("friday", "fri", "tue.", "next tuesday", "this saturday", "on mon", "friday after next",
       "wednesday of next week", "the friday after next", "by thursday", "coming monday"))
def _en_weekday(g: dict, ctx: Context):
    found = _en_weekday_of(g, ctx)
    return {**found, "weekday": en_weekday(g["wd"])} if found else None


def _en_weekday_of(g: dict, ctx: Context):
    name, which, after = g["wd"].lower().rstrip("."), (g["which"] or "").lower(), (g["after"] or "").lower()
    weekday = en_weekday(name)
    if name in EN_WEEKDAY_NEEDS_CUE and not (g["on"] or which or after):
        return {"weak": True, **(_day(cal.upcoming(ctx.today, weekday), weekday_bare=True))}
    if "after next" in after:
        return _day(cal.upcoming(ctx.today, weekday) + timedelta(days=7))
    if "next" in after or which == "next":
        return _day(cal.monday_of(ctx.today, 1) + timedelta(days=weekday))
    if "this" in after or which == "this":  # ('this coming friday' is the upcoming one, below)
        return _day(cal.monday_of(ctx.today) + timedelta(days=weekday))
    if which == "last":
        return _day(cal.monday_of(ctx.today, -1) + timedelta(days=weekday))
    if "coming" in which:  # 'this coming tuesday' on a Tuesday is next week's
        return _day(cal.upcoming(ctx.today + timedelta(days=1), weekday))
    return _day(cal.upcoming(ctx.today, weekday), weekday_bare=not which)


@rule("en_week", r"\b(?:(?P<after>the\s+week\s+after\s+next)|next\s+week(?!end)|(?:on\s+|by\s+)?(?:(?P<which>this|next)\s+|the\s+)"
      r"(?P<weekend>weekend))\b",
      ("next week", "the week after next", "this weekend", "next weekend", "on the weekend", "the weekend"))
def _en_week(g: dict, ctx: Context):
    if g["weekend"]:
        if not g["which"]:
            return _day(ctx.today if ctx.today.weekday() == 6 else cal.monday_of(ctx.today) + timedelta(days=5))
        return _day(cal.monday_of(ctx.today, 1 if g["which"].lower() == "next" else 0) + timedelta(days=5))
    return _day(cal.monday_of(ctx.today, 2 if g["after"] else 1))


# === relative days =============================================================================
ZH_DAY_WORDS = {"今天": 0, "今日": 0, "今儿": 0, "明天": 1, "明日": 1, "明儿": 1, "后天": 2, "大后天": 3,
                "昨天": -1, "昨日": -1, "前天": -2}


@rule("zh_relative_day",
      r"(?:(?P<word>大后天|后天|明天|明日|明儿|今天|今日|今儿|昨天|昨日|前天)|(?P<day>今|明|昨)(?P<part>早|晨|晚|夜))"
      r"(?:之前|以前|之内|以内|内)?",
      ("今天", "明天", "后天", "大后天", "昨天", "今晚", "明早", "明晚", "後天"))
def _zh_relative_day(g: dict, ctx: Context):
    if g["word"]:
        return _day(ctx.today + timedelta(days=ZH_DAY_WORDS[g["word"]]))
    offset = {"今": 0, "明": 1, "昨": -1}[g["day"]]
    period = "morning" if g["part"] in "早晨" else "evening"
    return _day(ctx.today + timedelta(days=offset), period=period)


@rule("en_relative_day",
      r"\b(?:(?:due|by|on)\s+)?(?:(?P<dat>(?:the\s+)?day\s+after\s+tomorrow)|(?P<word>today|tonight|tomorrow|tmrw|tmr"
      r"|tomorow|tommorow|tommorrow|yesterday)|this\s+(?P<part>morning|afternoon|evening))\b",
      ("today", "tomorrow", "tonight", "the day after tomorrow", "tmr", "this afternoon", "yesterday"))
def _en_relative_day(g: dict, ctx: Context):
    if g["dat"]:
        return _day(ctx.today + timedelta(days=2))
    if g["part"]:
        return _day(ctx.today, period=g["part"].lower())
    word = g["word"].lower()
    if word == "tonight":
        return _day(ctx.today, period="evening")
    offset = {"today": 0, "yesterday": -1}.get(word, 1)
    return _day(ctx.today + timedelta(days=offset))


# === days of the month =========================================================================
_ZH_DAY_NOT_DATE = r"(?!楼|线|房|床|机|位|窗|门|桌|码|厅|店|仓|口|字|人|选手|留存|内|均|活|新增|环比|同比|后|之后|以后|化|常|志|期|报|程|本|语|元|游|三餐)"


@rule("zh_day_of_month", rf"(?<![\d月第.])(?P<d>{ZH_OR_DIGITS})\s*(?P<unit>号|日){_ZH_DAY_NOT_DATE}" + BEFORE,
      ("28号", "十五号", "30日", "3号前", "三十一號"))
def _zh_day_of_month(g: dict, ctx: Context):
    day = number(g["d"])
    if day is None:
        return None
    if not 1 <= day <= 31:
        return IMPOSSIBLE
    return _day(cal.forward_day_of_month(ctx.today, day))


@rule("en_day_of_month",
      rf"(?:\b(?:on\s+|by\s+)?(?:the\s+)?(?P<w2>{EN_ORDINAL_RE})(?:\s+day)?\s+of\s+(?:(?P<next2>next)|this|the)\s+month\b"
      r"|\b(?:on\s+|by\s+)?(?:the\s+)?(?P<d>\d{1,2}(?:st|nd|rd|th))(?:\s+of\s+(?:(?P<next>next)|this)\s+month)?\b"
      rf"|\bon\s+the\s+(?P<w>{EN_ORDINAL_RE})\b)" + r"(?!\s+(?!(?:of|at|by|on|in|to|for|and|or|before|after|from|until|next"
      r"|this|morning|afternoon|evening|night|noon)\b)[a-z])",
      ("the 15th", "on the 1st", "the 5th of next month", "on the first", "the first of next month",
       "the first day of next month", "the tenth of this month"))
def _en_day_of_month(g: dict, ctx: Context):
    day = en_ordinal(g["d"] or g["w"] or g["w2"])
    if day is None or not 1 <= day <= 31:
        return IMPOSSIBLE if day else None
    if g["next"] or g["next2"]:
        first = cal.add_months(ctx.today.replace(day=1), 1)
        return _day(cal.safe_date(first.year, first.month, day)) or IMPOSSIBLE
    return _day(cal.forward_day_of_month(ctx.today, day))


@rule("numeric_month_day", r"(?<![\d.:/\-A-Za-z¥$])(?P<m>\d{1,2})(?P<s>[/-])(?P<d>\d{1,2})(?![\d/%:\-.]|[A-Za-z])",
      ("12/10", "11-30", "1/5"))
def _numeric_month_day(g: dict, ctx: Context):
    month, day = int(g["m"]), int(g["d"])
    if 13 <= month <= 31 and 1 <= day <= 12 and g["s"] == "/":
        month, day = day, month  # 15/3 can only be the 15th of March
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None  # '3-45': not a date we read; leave it alone
    return _day(cal.forward_month_day(ctx.today, month, day)) or IMPOSSIBLE


@rule("dotted_month_day",
      r"(?:(?:(?<=[在到于])|(?<=截止)|(?<=\bon\s)|(?<=\bby\s)|(?<=\bdue\s))(?P<m>1[0-2]|0?[1-9])\.(?P<d>3[01]|[12]\d|0?[1-9])(?![\d.%])"
      r"|(?<![\d.¥$￥A-Za-z])(?P<m2>1[0-2]|0?[1-9])\.(?P<d2>3[01]|[12]\d|0?[1-9])"
      r"(?![\d.%]|\s*[倍个元万亿千百块人次分秒米斤克折岁度级版码kKwWmM%]))" + BEFORE,
      ("10.1", "10.1前", "12.31之前", "6.18"))
def _dotted(g: dict, ctx: Context):
    """10.1 is a date after 在/到/截止/on/by, before 号/日/前/当天 or a time, or alone at the start of the line
    ('10.1 上线'); elsewhere ('评分 4.5', '价格 9.9') a dotted pair is a number. Never with a unit or more
    digits after it (1.5倍, 3.2.1, 4.5%)."""
    if g["m2"] and not re.match(r"\s*(?:号|日|前|之前|当天|\d{1,2}[:点])", g["_after"]) \
            and not g["_raw"].endswith("前") and g["_before"].strip(" \x00"):
        return None
    month, day = int(g["m"] or g["m2"]), int(g["d"] or g["d2"])
    return _day(cal.forward_month_day(ctx.today, month, day)) or IMPOSSIBLE


# === clock times ==============================================================================
def _time(hour: int | None, minute: int | None, sure: bool, period: str | None = None, weak: bool = False):
    if hour is None or minute is None:
        return None
    if not 0 <= hour <= 24 or not 0 <= minute <= 59:
        return IMPOSSIBLE
    return {"hour": hour, "minute": minute, "hour_sure": sure, "period": period, "weak": weak}


@rule("zh_clock",
      rf"(?P<p>{ZH_PERIOD_RE}|早|晚)?\s*(?P<h>\d{{1,2}}|{ZH_NUM})\s*[点时](?:钟)?"
      rf"(?:(?P<half>半)|(?P<q1>一刻)|(?P<q3>三刻)|(?P<sharp>整)|差(?P<to>一刻|{ZH_NUM}分|\d{{1,2}}分)"
      rf"|过?(?P<m>零?{ZH_NUM}|\d{{1,2}})\s*(?:分钟|分)?)?" + BEFORE,
      ("下午3点", "下午三点零五", "三点一刻", "三点半", "晚上8点", "中午12点", "上午10点半", "3点20分", "15点",
       "下午3点三刻", "九点整", "下午三點", "晚8点", "五点前", "十点", "两点差一刻", "三点差五分"))
def _zh_clock(g: dict, ctx: Context):
    hour = number(g["h"])
    if g["half"]:
        minute = 30
    elif g["q1"]:
        minute = 15
    elif g["q3"]:
        minute = 45
    elif g["to"]:  # 两点差一刻: a quarter to two
        before = 15 if g["to"] == "一刻" else number(g["to"].rstrip("分"))
        if hour is None or before is None or not 0 < before < 60:
            return None
        hour, minute = (hour - 1) or 12, 60 - before
    elif g["m"]:
        if not g["m"].isdigit() and len(g["m"]) == 1 and g["m"] not in "十":
            return None  # 三点五: not a way to write 3:05; claim nothing
        minute = number(g["m"])
    else:
        minute = 0
    # A bare Chinese-numeral hour is too often a count ('三点建议', '快一点'): alone it is an hour only when
    # followed by a space, the end or 前 ('十点 开会', '五点前'), and never 一点 / 两点 glued to a word.
    bare = not g["p"] and not g["h"].isdigit() and not any(g[k] for k in ("half", "q1", "q3", "m", "sharp", "to"))
    bare = bare and "钟" not in g["_raw"]
    if bare and g["h"] not in ("一", "两") and (g["_raw"].endswith("前") or not g["_after"][:1].strip()
                                               or g["_after"][:1] in ",，。;；!！#＃@＠*＊"):
        bare = False
    return _time(hour, minute, sure=hour is not None and hour > 12, period=ZH_PERIOD.get(g["p"] or ""), weak=bare)


@rule("clock",
      rf"(?:\b(?:at|by|around|before)\s+|@\s*)?(?P<p>{ZH_PERIOD_RE})?\s*(?<![\d:.])(?P<h>\d{{1,2}})[:](?P<m>\d{{2}})(?![\d:])"
      r"(?:\s*(?P<ap>a\.m\.|p\.m\.|am|pm)(?![a-z]))?",
      ("15:30", "3:20", "下午3:20", "4:30pm", "10:30 am", "09:00"))
def _clock(g: dict, ctx: Context):
    hour, minute = int(g["h"]), int(g["m"])
    ap = (g["ap"] or "").lower().replace(".", "")
    if ap:
        if not 1 <= hour <= 12:
            return IMPOSSIBLE
        hour = hour % 12 + (12 if ap == "pm" else 0)
        return _time(hour, minute, True)
    sure = g["h"].startswith("0") or hour > 12 or hour == 0
    return _time(hour, minute, sure, period=ZH_PERIOD.get(g["p"] or ""))


EN_HOUR = r"\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"


def _en_hour(text: str) -> int | None:
    return int(text) if text.isdigit() else en_count(text)


@rule("en_am_pm",
      rf"\b(?:(?:at|by|around|before)\s+|@\s*)?(?P<h>{EN_HOUR})(?:[.](?P<m>\d{{2}}))?\s*(?:(?P<oc>o'?clock)\s*)?"
      r"(?P<ap>a\.m\.|p\.m\.|am|pm)(?![a-z])",
      ("3pm", "3 pm", "at 10am", "3 o'clock pm", "11 p.m.", "9.30am", "at 9am"))
def _en_am_pm(g: dict, ctx: Context):
    hour = _en_hour(g["h"].lower())
    if hour is None or not 1 <= hour <= 12:
        return IMPOSSIBLE
    hour = hour % 12 + (12 if g["ap"].lower().startswith("p") else 0)
    return _time(hour, int(g["m"] or 0), True)


@rule("en_quarter_half",
      rf"\b(?:at\s+)?(?:(?:a\s+)?(?P<q>quarter)|(?P<half>half)|(?P<mins>\d{{1,2}}|five|ten|twenty-five|twenty)(?:\s+minutes)?)"
      rf"\s+(?P<rel>past|after|to|till|of)\s+(?P<h>{EN_HOUR})(?![\d:a-z])",
      ("a quarter past 3", "half past 9", "quarter to 5", "ten past 4", "20 to 6"))
def _en_quarter(g: dict, ctx: Context):
    hour = _en_hour(g["h"].lower())
    if hour is None or not 1 <= hour <= 12:
        return None
    minutes = 15 if g["q"] else 30 if g["half"] else en_count(g["mins"]) or {"twenty-five": 25}.get(g["mins"].lower())
    if minutes is None or g["half"] and g["rel"].lower() != "past":
        return None
    if g["rel"].lower() in ("to", "till", "of"):
        hour, minute = (hour - 1) or 12, 60 - minutes
    else:
        minute = minutes
    return _time(hour, minute, False)


@rule("en_noon_midnight", r"\b(?:(?:at|by|before)\s+)?(?P<w>noon|midday|midnight)\b",
      ("noon", "at midnight", "midday", "before noon"))
def _en_noon(g: dict, ctx: Context):
    if g["w"].lower() == "midnight":
        return {"hour": 24, "minute": 0, "hour_sure": True}  # the end of the day it is written with
    return _time(12, 0, True)


@rule("en_oclock", rf"\b(?:at\s+)?(?P<h>{EN_HOUR})\s*o'?clock\b", ("3 o'clock", "at five o'clock"))
def _en_oclock(g: dict, ctx: Context):
    hour = _en_hour(g["h"].lower())
    return _time(hour, 0, False) if hour is not None and hour <= 12 else IMPOSSIBLE


_NOT_A_THING_COUNTED = r"(?!\s*(?!(?:today|tomorrow|tonight|on|next|this|in\s+the|sharp)\b)[a-z])"


@rule("en_at_hour", rf"\b(?:at|around|by|@)\s+(?P<h>{EN_HOUR})(?![\d:.%/a-z]){_NOT_A_THING_COUNTED}",
      ("at 3", "at 11", "around 4", "at nine", "by 5"))
def _en_at_hour(g: dict, ctx: Context):
    hour = _en_hour(g["h"].lower())
    if hour is None or not 0 <= hour <= 23:
        return None
    return _time(hour, 0, hour > 12 or hour == 0)


_DAY_WORD_AHEAD = r"today|tomorrow|tonight|tmrw?|next|this|on|mon|tue|wed|thu|fri|sat|sun|明|今|后|下|本|这|周|星期|礼拜"


@rule("bare_hour",
      rf"(?<![\d.:/\-,#@$¥A-Za-z])(?P<h>\d{{1,2}})(?![\d.:/%\-])(?!\s*(?!(?i:{_DAY_WORD_AHEAD}))[A-Za-z\u4e00-\u9fff])",
      ("9",), flags=0)
def _bare_hour(g: dict, ctx: Context):
    """'9 tomorrow', 'tomorrow 9': a number counts as an hour only right beside a day (see the joiner)."""
    hour = int(g["h"])
    return _time(hour, 0, hour > 12, weak=True) if 1 <= hour <= 23 else None


# === parts of the day ==========================================================================
@rule("zh_period", rf"(?P<p>{ZH_PERIOD_RE})", ("上午", "下午", "晚上", "中午", "凌晨", "傍晚"))
def _zh_period(g: dict, ctx: Context):
    return {"period": ZH_PERIOD[g["p"]]}


@rule("end_of_day", r"\b(?:(?:by|before|at)\s+)?(?:the\s+)?(?:end\s+of\s+(?:the\s+)?(?:business\s+|work(?:ing)?\s+)?day|eod|cob"
      r"|close\s+of\s+business)\b|下班(?:之前|以前|前)",
      ("end of day", "by end of day", "EOD", "close of business", "下班前", "end of the day"))
def _end_of_day(g: dict, ctx: Context):
    """'by end of day' / 下班前: a part of the day of its own (a setting, 18:00)."""
    return {"period": "end_of_day"}


@rule("zh_short_period", r"(?P<p>[早晚])(?![点饭餐会报安到些了])", ("晚", "早"))
def _zh_short_period(g: dict, ctx: Context):
    """周五晚 / 明天早: only right after a day (see the joiner)."""
    return {"period": ZH_PERIOD[g["p"]], "weak": True}


@rule("en_period", r"\b(?P<in>in\s+the\s+|at\s+)?(?P<p>morning|afternoon|evening|night)\b",
      ("in the morning", "afternoon", "at night", "evening"))
def _en_period(g: dict, ctx: Context):
    if (g["in"] or "").strip().lower() == "at" and g["p"].lower() != "night":
        return None
    return {"period": {"night": "evening"}.get(g["p"].lower(), g["p"].lower()), "weak": True}
