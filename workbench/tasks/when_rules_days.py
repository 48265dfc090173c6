"""Date-grammar rules: weeks and weekdays (下周五, 'friday after next'), relative days (明天, 'tomorrow'),
days of the month (15号, 'the 15th') and numeric month/day (12/10, 10.1). See when_rules.py."""
from __future__ import annotations

import re
from datetime import timedelta

from workbench.tasks import when_calendar as cal
from workbench.tasks.when_rules import BEFORE, Context, IMPOSSIBLE, on_day, rule
from workbench.tasks.when_words import (EN_ORDINAL_RE, EN_WEEKDAY_NEEDS_CUE, EN_WEEKDAY_RE, ZH_OR_DIGITS, ZH_WEEK,
                                        ZH_WEEKDAY, ZH_WEEKDAY_CHAR, en_ordinal, en_weekday, number)


# === weeks ====================================================================================
ZH_WHICH_WEEK = r"(?P<which>下下个|下下|下个|下|上个|上|本|这个|这)"


def _week_day(ctx: Context, which: str, weekday: int) -> dict | None:
    found = _week_day_of(ctx, which, weekday)
    return {**found, "weekday": weekday} if found else None


def _week_day_of(ctx: Context, which: str, weekday: int) -> dict | None:
    if which.startswith("下下"):
        return on_day(cal.monday_of(ctx.today, 2) + timedelta(days=weekday))
    if which.startswith("下"):
        return on_day(cal.monday_of(ctx.today, 1) + timedelta(days=weekday))
    if which.startswith("上"):
        return on_day(cal.monday_of(ctx.today, -1) + timedelta(days=weekday))
    if which:  # 本周六 / 这周六: this week's day
        return on_day(cal.monday_of(ctx.today) + timedelta(days=weekday))
    return on_day(cal.upcoming(ctx.today, weekday), weekday_bare=True)


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
        return on_day(cal.monday_of(ctx.today, 1 if g["within"].startswith("下") else 0) + timedelta(days=6))
    if g["weekend"]:
        which = g["which"] or ""
        if not which and ctx.today.weekday() == 6:
            return on_day(ctx.today)  # 周末 on a Sunday is today
        return on_day(cal.monday_of(ctx.today, 2 if which.startswith("下下") else 1 if which.startswith("下") else 0)
                    + timedelta(days=5))
    return on_day(cal.monday_of(ctx.today, 2 if g["w2"].startswith("下下") else 1))


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
        return {"weak": True, **(on_day(cal.upcoming(ctx.today, weekday), weekday_bare=True))}
    if "after next" in after:
        return on_day(cal.upcoming(ctx.today, weekday) + timedelta(days=7))
    if "next" in after or which == "next":
        return on_day(cal.monday_of(ctx.today, 1) + timedelta(days=weekday))
    if "this" in after or which == "this":  # ('this coming friday' is the upcoming one, below)
        return on_day(cal.monday_of(ctx.today) + timedelta(days=weekday))
    if which == "last":
        return on_day(cal.monday_of(ctx.today, -1) + timedelta(days=weekday))
    if "coming" in which:  # 'this coming tuesday' on a Tuesday is next week's
        return on_day(cal.upcoming(ctx.today + timedelta(days=1), weekday))
    return on_day(cal.upcoming(ctx.today, weekday), weekday_bare=not which)


@rule("en_week", r"\b(?:(?P<after>the\s+week\s+after\s+next)|next\s+week(?!end)|(?:on\s+|by\s+)?(?:(?P<which>this|next)\s+|the\s+)"
      r"(?P<weekend>weekend))\b",
      ("next week", "the week after next", "this weekend", "next weekend", "on the weekend", "the weekend"))
def _en_week(g: dict, ctx: Context):
    if g["weekend"]:
        if not g["which"]:
            return on_day(ctx.today if ctx.today.weekday() == 6 else cal.monday_of(ctx.today) + timedelta(days=5))
        return on_day(cal.monday_of(ctx.today, 1 if g["which"].lower() == "next" else 0) + timedelta(days=5))
    return on_day(cal.monday_of(ctx.today, 2 if g["after"] else 1))


# === relative days =============================================================================
ZH_DAY_WORDS = {"今天": 0, "今日": 0, "今儿": 0, "明天": 1, "明日": 1, "明儿": 1, "后天": 2, "大后天": 3,
                "昨天": -1, "昨日": -1, "前天": -2}


@rule("zh_relative_day",
      r"(?:(?P<word>大后天|后天|明天|明日|明儿|今天|今日|今儿|昨天|昨日|前天)|(?P<day>今|明|昨)(?P<part>早|晨|晚|夜))"
      r"(?:之前|以前|之内|以内|内)?",
      ("今天", "明天", "后天", "大后天", "昨天", "今晚", "明早", "明晚", "後天"))
def _zh_relative_day(g: dict, ctx: Context):
    if g["word"]:
        return on_day(ctx.today + timedelta(days=ZH_DAY_WORDS[g["word"]]))
    offset = {"今": 0, "明": 1, "昨": -1}[g["day"]]
    period = "morning" if g["part"] in "早晨" else "evening"
    return on_day(ctx.today + timedelta(days=offset), period=period)


@rule("en_relative_day",
      r"\b(?:(?:due|by|on)\s+)?(?:(?P<dat>(?:the\s+)?day\s+after\s+tomorrow)|(?P<word>today|tonight|tomorrow|tmrw|tmr"
      r"|tomorow|tommorow|tommorrow|yesterday)|this\s+(?P<part>morning|afternoon|evening))\b",
      ("today", "tomorrow", "tonight", "the day after tomorrow", "tmr", "this afternoon", "yesterday"))
def _en_relative_day(g: dict, ctx: Context):
    if g["dat"]:
        return on_day(ctx.today + timedelta(days=2))
    if g["part"]:
        return on_day(ctx.today, period=g["part"].lower())
    word = g["word"].lower()
    if word == "tonight":
        return on_day(ctx.today, period="evening")
    offset = {"today": 0, "yesterday": -1}.get(word, 1)
    return on_day(ctx.today + timedelta(days=offset))


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
    return on_day(cal.forward_day_of_month(ctx.today, day))


_NOT_BEFORE_A_NOUN = (r"(?!\s+(?!(?:of|at|by|on|in|to|for|and|or|before|after|from|until|next|this|morning|afternoon"
                      r"|evening|night|noon)\b)[a-z])")  # 'the 3rd option' is not a date


@rule("en_day_of_month",
      rf"\b(?:on\s+|by\s+)?(?:the\s+)?(?P<w2>{EN_ORDINAL_RE})(?:\s+day)?\s+of\s+(?:(?P<next2>next)|(?P<this2>this)|the)\s+month\b"
      # 'of next month' is part of the date, so the words after it are not the noun test's business
      r"|\b(?:on\s+|by\s+)?(?:the\s+)?(?P<d>\d{1,2}(?:st|nd|rd|th))(?:\s+of\s+(?:(?P<next>next)|(?P<this>this))\s+month\b|\b"
      + _NOT_BEFORE_A_NOUN + rf")|\bon\s+the\s+(?P<w>{EN_ORDINAL_RE})\b" + _NOT_BEFORE_A_NOUN,
      ("the 15th", "on the 1st", "the 5th of next month", "on the first", "the first of next month",
       "the first day of next month", "the tenth of this month"))
def _en_day_of_month(g: dict, ctx: Context):
    day = en_ordinal(g["d"] or g["w"] or g["w2"])
    if day is None or not 1 <= day <= 31:
        return IMPOSSIBLE if day else None
    if g["next"] or g["next2"]:
        first = cal.add_months(ctx.today.replace(day=1), 1)
        return on_day(cal.safe_date(first.year, first.month, day)) or IMPOSSIBLE
    if g["this"] or g["this2"]:  # written 'this month': never moved to the next one, even when past
        return on_day(cal.safe_date(ctx.today.year, ctx.today.month, day)) or IMPOSSIBLE
    return on_day(cal.forward_day_of_month(ctx.today, day))


@rule("numeric_month_day", r"(?<![\d.:/\-A-Za-z¥$])(?P<m>\d{1,2})(?P<s>[/-])(?P<d>\d{1,2})(?![\d/%:\-.]|[A-Za-z])",
      ("12/10", "11-30", "1/5"))
def _numeric_month_day(g: dict, ctx: Context):
    month, day = int(g["m"]), int(g["d"])
    if 13 <= month <= 31 and 1 <= day <= 12 and g["s"] == "/":
        month, day = day, month  # 15/3 can only be the 15th of March
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None  # '3-45': not a date we read; leave it alone
    return on_day(cal.forward_month_day(ctx.today, month, day)) or IMPOSSIBLE


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
    return on_day(cal.forward_month_day(ctx.today, month, day)) or IMPOSSIBLE
