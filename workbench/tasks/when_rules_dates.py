"""Date-grammar rules: calendar dates with and without a year, the n-th weekday of a month, lunar dates,
month and year edges (月底, 'end of next month'), holidays and campaign days. See when_rules.py."""
from __future__ import annotations

import re
from datetime import date, timedelta

from workbench.tasks import when_calendar as cal
from workbench.tasks.when_rules import BEFORE, Context, IMPOSSIBLE, YEAR_WORD, on_day, rule, written_year
from workbench.tasks.when_words import (EN_MONTH_RE, EN_ORDINAL_RE, EN_WEEKDAY_RE, ZH_OR_DIGITS, ZH_WEEK, ZH_WEEKDAY,
                                        ZH_WEEKDAY_CHAR, en_month, en_ordinal, en_weekday, number)


# === calendar dates with a year =================================================================
@rule("zh_year_month_day",
      rf"(?<![\d.])(?:(?P<y>(?:19|20)\d{{2}}|[零〇一二三四五六七八九]{{4}})\s*年|(?P<yw>今年|明年|后年|去年))\s*的?"
      rf"(?P<m>{ZH_OR_DIGITS})\s*月\s*(?P<d>{ZH_OR_DIGITS})\s*[日号]?(?![\d])",
      ("2027年3月3号", "2026年12月15日", "二〇二七年三月三日", "明年3月5日", "今年12月31号", "2027年3月15"))
def _zh_year_month_day(g: dict, ctx: Context):
    year, month, day = written_year(g, ctx), number(g["m"]), number(g["d"])
    if None in (year, month, day):
        return None
    return on_day(cal.safe_date(year, month, day), year_written=True) or IMPOSSIBLE


@rule("iso_date", r"(?<![\d.:/-])(?P<y>(?:19|20)\d{2})(?P<s>[-/.])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})(?![\d])",
      ("2026-12-15", "2027/1/8", "2026.12.31"))
def _iso(g: dict, ctx: Context):
    return on_day(cal.safe_date(int(g["y"]), int(g["m"]), int(g["d"])), year_written=True) or IMPOSSIBLE


@rule("dotted_day_month_year", r"(?<![\d./:-])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d{2})(?![\d.])",
      ("15.02.2027", "1.3.2027"))
def _dotted_day_month_year(g: dict, ctx: Context):
    """15.02.2027: with dots the day comes first (as it is written where dots are used)."""
    return on_day(cal.safe_date(int(g["y"]), int(g["m"]), int(g["d"])), year_written=True) or IMPOSSIBLE


@rule("numeric_date_with_year", r"(?<![\d./:-])(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])",
      ("4/14/2027", "12/10/26"))
def _numeric_with_year(g: dict, ctx: Context):
    year = int(g["y"]) + (2000 if len(g["y"]) == 2 else 0)
    return on_day(cal.safe_date(year, int(g["m"]), int(g["d"])), year_written=True) or IMPOSSIBLE


DAY_ORD = rf"\d{{1,2}}(?:st|nd|rd|th)?|{EN_ORDINAL_RE}"


def _en_date(ctx: Context, month: int, day_text: str, year_text: str | None):
    day = en_ordinal(day_text)
    if day is None or day < 1:
        return None
    if year_text:
        return on_day(cal.safe_date(int(year_text), month, day), year_written=True) or IMPOSSIBLE
    if day > 31 or cal.safe_date(2028, month, day) is None:
        return IMPOSSIBLE
    return on_day(cal.forward_month_day(ctx.today, month, day))


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
        return on_day(cal.nth_weekday(first.year, first.month, weekday, nth))
    if month is None or not 1 <= month <= 12:
        return None
    for candidate in ([year] if year else [ctx.today.year, ctx.today.year + 1]):
        found = cal.nth_weekday(candidate, month, weekday, nth)
        if found and (year or found >= ctx.today):
            return on_day(found, year_written=bool(year))
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
    year = written_year(g, ctx) if (g["y"] or g["yw"]) else None
    return on_day(cal.lunar_date(month, day, ctx.today, year), year_written=year is not None) or IMPOSSIBLE

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
    return on_day(cal.forward_month_day(ctx.today, month, day))


@rule("zh_this_next_month_day",
      rf"(?P<which>本月|这个月|这月|下个?月|下下个?月)的?(?P<d>{ZH_OR_DIGITS})\s*[日号]" + BEFORE,
      ("下个月5号", "下月5号", "本月30号", "这个月15日", "下下个月1号"))
def _zh_this_next_month_day(g: dict, ctx: Context):
    day = number(g["d"])
    ahead = 2 if g["which"].startswith("下下") else 1 if g["which"].startswith("下") else 0
    first = cal.add_months(ctx.today.replace(day=1), ahead)
    if day is None:
        return None
    return on_day(cal.safe_date(first.year, first.month, day)) or IMPOSSIBLE


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
        year = written_year(g, ctx)
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
    return on_day(found, year_written=bool(g["y"] or g["yw"]))


@rule("zh_year_end", r"(?:(?P<yw>今年|明年)(?:年底|年末|底|之内|以内|内)|年底|年末|年内)" + BEFORE,
      ("年底", "年末", "今年年底", "明年年底", "今年底", "今年内", "年内"))
def _zh_year_end(g: dict, ctx: Context):
    year = ctx.today.year + (YEAR_WORD[g["yw"]] if g["yw"] else 0)
    return on_day(date(year, 12, 31), year_written=bool(g["yw"]))


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
        return on_day(monday if g["start"] else monday + timedelta(days=4))  # the working week ends on Friday
    if unit == "year":
        year = ctx.today.year + ahead
        return on_day(date(year, 1, 1) if g["start"] else date(year, 12, 31))
    first = cal.add_months(ctx.today.replace(day=1), ahead)
    return on_day(first if g["start"] else cal.month_last(first.year, first.month))


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
    year = written_year(g, ctx) if (g.get("y") or g.get("yw")) else None
    raw = g.get("_raw", "")
    tail = raw[raw.find(g["name"]) + len(g["name"]):] + g.get("_after", "")
    if g["name"] in _AMBIGUOUS_HOLIDAYS and not re.match(_HOLIDAY_CUE, tail):
        return None
    return on_day(cal.holiday(g["name"], ctx.today, year), year_written=year is not None)


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
        return on_day(date(ctx.today.year + (1 if word == "明年" else 2), 1, 1))
    return on_day(cal.add_months(ctx.today.replace(day=1), 2 if word.startswith("下下") else 1))


@rule("en_next_month_year", r"\bnext\s+(?P<unit>month|year)\b(?!'s|\s+on\b)", ("next month", "next year"))
def _en_next_month_year(g: dict, ctx: Context):
    if g["unit"].lower() == "year":
        return on_day(date(ctx.today.year + 1, 1, 1))
    return on_day(cal.add_months(ctx.today.replace(day=1), 1))
