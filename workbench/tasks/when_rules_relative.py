"""Date-grammar rules: relative times (半小时后, 'in an hour'), working days (3个工作日内, 'next business
day') and durations (3天后, 'a week from now'). Registered through when_rules.rule; see when_rules.py."""
from __future__ import annotations

from datetime import timedelta

from workbench.tasks import when_calendar as cal
from workbench.tasks.when_rules import Context, on_day, rule
from workbench.tasks.when_words import EN_COUNT_RE, ZH_NUM, ZH_OR_DIGITS, en_count, number


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
        return on_day(ctx.today + timedelta(days=int(count)))
    if unit == "week":
        return on_day(ctx.today + timedelta(days=int(count * 7)))
    if unit == "month":
        if count != int(count):
            return on_day(cal.add_months(ctx.today, int(count)) + timedelta(days=15))
        return on_day(cal.add_months(ctx.today, int(count)))
    if count != int(count):
        return on_day(cal.add_months(ctx.today, int(count * 12)))
    return on_day(cal.add_months(ctx.today, int(count) * 12))


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
