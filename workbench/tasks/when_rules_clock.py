"""Date-grammar rules: clock times (下午三点零五, 'a quarter past 3', 15:30) and parts of the day
(上午, 'tonight', 下班前). See when_rules.py."""
from __future__ import annotations


from workbench.tasks.when_rules import BEFORE, Context, IMPOSSIBLE, rule
from workbench.tasks.when_words import ZH_NUM, ZH_PERIOD, ZH_PERIOD_RE, en_count, number


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
