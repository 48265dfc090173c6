"""The capture line: '明天下午3点 回访 @王芳 #召回 *' → title, quadrant, due, recurrence, tags, mentions.

Parsed as the operator types and shown as chips, so it must be fast (10k lines well under a second),
never raise, and leave ordinary text alone (10%, C#, e-mail addresses, '买 3 箱水'). Text in double
quotes is never parsed. A chip the operator removed (Backspace) is passed back in `ignore` as its raw
text, and that text then stays in the title.

Rules run over the line with quoted text masked out; every match claims its span so later rules
cannot reuse it. Recurrence first (每周一 contains 周一), then dates, times, markers, tags, mentions.
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from workbench.tasks.model import INBOX, quadrant_of
from workbench.tasks.recurrence import WEEKDAY_CODES, first_due

MASK = "\x00"  # stands in for quoted or claimed text, so no rule matches across it

# --- small numbers, Chinese or Arabic --------------------------------------------------------
CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
NUM = r"(?:\d{1,2}|[一二两三四五六七八九十]{1,3})"


def number(text: str) -> int | None:
    """'28' / '二十八' / '十' / '两' → int; None if it is not a small number."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        if tens and tens not in CN_DIGITS or ones and ones not in CN_DIGITS or "十" in ones:
            return None
        return (CN_DIGITS[tens] if tens else 1) * 10 + (CN_DIGITS[ones] if ones else 0)
    if len(text) == 1 and text in CN_DIGITS:
        return CN_DIGITS[text]
    return None


ZH_WEEKDAY = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "七": 6,
              "1": 0, "2": 1, "3": 2, "4": 3, "5": 4, "6": 5}
EN_WEEKDAY = {"monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
              "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
              "sunday": 6, "sun": 6}
EN_MONTH = {name: i for i, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")], start=1) for name in names}
EN_COUNT = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10}
# Words whose weekday meaning would be a false positive in ordinary English ('sat down', 'sun').
AMBIGUOUS_EN_DAYS = {"sat", "sun", "mon"}


@dataclass(frozen=True)
class Warning_:
    """A problem worth a chip, in both languages (feature code has no tr())."""

    zh: str
    en: str

    def sentence(self, lang: str) -> str:
        return self.zh if lang.startswith("zh") else self.en


@dataclass
class Chip:
    kind: str  # 'due' | 'recurrence' | 'tag' | 'mention' | 'priority' | 'warning'
    value: object  # due text, RRULE body, tag, name, quadrant name or Warning_
    raws: tuple[str, ...]  # the text it came from (passed back in `ignore` to un-parse it)
    start: int  # position of its first raw text in the line


@dataclass
class ParsedCapture:
    text: str
    title: str = ""
    important: bool = False
    urgent: bool = False
    triaged: bool = False  # a marker was given (q4 is triaged although neither flag is set)
    due: str | None = None
    recurrence: str | None = None
    tags: list[str] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)
    warnings: list[Warning_] = field(default_factory=list)
    chips: list[Chip] = field(default_factory=list)

    @property
    def quadrant(self) -> str:
        return quadrant_of(self.important, self.urgent) if self.triaged else INBOX

    def as_json(self, task_id: int | None = None, lang: str = "en") -> dict:
        """The CLI's contract: one object per capture."""
        return {"id": task_id, "title": self.title, "quadrant": self.quadrant, "important": self.important,
                "urgent": self.urgent, "due": self.due, "tags": list(self.tags), "mentions": list(self.mentions),
                "recurrence": self.recurrence, "warnings": [w.sentence(lang) for w in self.warnings]}


# --- the scanner ------------------------------------------------------------------------------
@dataclass
class _Match:
    start: int
    end: int
    raw: str


class _Line:
    """The line with quoted text masked; claimed spans are masked as they are taken."""

    def __init__(self, text: str, ignore: Collection[str]):
        self.text = text
        self.work = list(text)
        self.quote_marks: set[int] = set()
        self._mask_quotes()
        for raw in ignore or ():
            self._mask_literal(raw)
        self.claimed: list[tuple[int, int]] = []
        self.replacements: dict[int, tuple[int, str]] = {}  # start → (end, text to put in the title)

    def _mask_quotes(self) -> None:
        for match in re.finditer(r'"[^"]*"|“[^”]*”', self.text):
            start, end = match.span()
            self.quote_marks.update((start, end - 1))
            for i in range(start, end):
                self.work[i] = MASK

    def _mask_literal(self, raw: str) -> None:
        if not raw:
            return
        position = self.text.find(raw)
        while position >= 0:
            if all(c != MASK for c in self.work[position:position + len(raw)]):
                for i in range(position, position + len(raw)):
                    self.work[i] = MASK
                return
            position = self.text.find(raw, position + 1)

    def string(self) -> str:
        return "".join(self.work)

    def find(self, pattern: re.Pattern) -> list[re.Match]:
        return list(pattern.finditer(self.string()))

    def protect(self, start: int, end: int) -> None:
        """Mask a span without removing it from the title (an impossible date stays as text)."""
        for i in range(start, end):
            self.work[i] = MASK

    def claim(self, start: int, end: int, keep: str = "") -> _Match:
        for i in range(start, end):
            self.work[i] = MASK
        self.claimed.append((start, end))
        if keep:
            self.replacements[start] = (end, keep)
        return _Match(start, end, self.text[start:end])

    def title(self) -> str:
        out: list[str] = []
        removed = [False] * len(self.text)
        for start, end in self.claimed:
            for i in range(start, end):
                removed[i] = True
        i = 0
        while i < len(self.text):
            if i in self.replacements:
                end, keep = self.replacements[i]
                out.append(keep)
                i = end
                continue
            if removed[i]:
                out.append(" ")
            elif i not in self.quote_marks:
                out.append(self.text[i])
            i += 1
        title = re.sub(r"\s+", " ", "".join(out)).strip()
        return title.strip(" ,，、;；:：.。").strip()


# --- patterns ---------------------------------------------------------------------------------
def _c(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


WD_ZH = r"[一二三四五六日天]"
# Recurrence
R_TIMES_PER = _c(r"每(?:个)?(天|日|周|星期|礼拜|月|年)(?:一|1)(?:次|回|遍)")
R_WORKDAY = _c(r"每(?:个)?工作日|工作日每天|every\s+weekday|weekdays")
R_WEEKDAYS = _c(rf"每(?:个)?(?:周|星期|礼拜)({WD_ZH}(?:[、,，和及与]?{WD_ZH})*)(?!次|个|遍|回)")
R_EVERY_N = _c(rf"每(?:隔)?({NUM})?(?:个)?(天|日|周|星期|礼拜|月|年)(?!{WD_ZH}|底|末|最后|[一二两三四五六七八九十\d]+[号日])")
R_MONTHDAY = _c(rf"每(?:个)?月({NUM})[号日]")
R_MONTH_END = _c(r"每(?:个)?月(?:底|末|最后一天)")
R_YEARLY_DATE = _c(rf"每年({NUM})月({NUM})[日号]")
R_EN_WEEKDAYS = _c(r"\bevery\s+((?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*"
                   r"(?:\s*(?:,|and|&)\s*(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*)*)\b")
R_EN_EVERY = _c(r"\bevery\s+(?:(other)\s+|(\d{1,2})\s+)?(day|week|month|year)s?\b")
R_EN_MONTHDAY = _c(r"\bevery\s+month\s+on\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\b")

# Dates
D_ISO = _c(r"(?<![\d.])(\d{4})(?:[-/.](\d{1,2})[-/.](\d{1,2})|年(\d{1,2})月(\d{1,2})[日号]?)(?![\d])")
D_MONTH_DAY_ZH = _c(rf"(下个?月|本月|这个月)?({NUM})月({NUM})[日号]")
D_NEXT_MONTH_DAY = _c(rf"(下个?月|本月|这个月)({NUM})[日号]")
D_MONTH_DAY_NUM = _c(r"(?<![\d.:/\-A-Za-z])(\d{1,2})[/\-](\d{1,2})(?![\d/%:\-.]|[A-Za-z])")
D_WORDS = _c(r"大后天|后天|明天|明日|明早|明晚|今天|今日|今晚|今早|昨天")
D_WEEK_ZH = _c(rf"(下下个?|下个?|本|这个?)?(?:周|星期|礼拜)({WD_ZH})(?:之?前)?")
D_WEEKEND_ZH = _c(r"(下个?|本|这个?)?周末(?:之?前)?")
D_NEXT_WEEK_ZH = _c(r"下个?(?:周|星期|礼拜)(?![一二三四五六日天末])")
D_AFTER_ZH = _c(rf"({NUM}|半)(?:个)?(天|日|周|星期|礼拜|月)(之?后|以后|内|之内)")
D_MONTH_END = _c(r"(下个?|本|这个?)?月(?:底|末)(?:之?前)?|(下个?|本|这个?)?月初|年底|年末")
D_DAY_ZH = _c(rf"(?<![\d月第])({NUM})(号(?!楼|线|房|床|机|位|窗|门|桌|码|厅|店|仓|口|字|人|选手)"
              r"|日(?!留存|内|均|活|新增|环比|同比|后|之后|以后|前|化|常|志|期|报|程|本|语|元|游|三餐))(?:之?前)?")
D_EN_WORDS = _c(r"\b(?:(?:due|by|on)\s+)?(today|tonight|tomorrow|tmrw|tmr|day\s+after\s+tomorrow)\b")
D_EN_WEEKDAY = _c(r"\b(?:(?:due|by|on)\s+)?(?:(next|this)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday"
                  r"|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)\b")
D_EN_NEXT_WEEK = _c(r"\bnext\s+week\b")
D_EN_IN = _c(r"\b(?:in|after)\s+(\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(day|week|month)s?\b")
D_EN_MONTH_DAY = _c(r"\b(?:(?:due|by|on)\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b"
                    r"|\b(?:(?:due|by|on)\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b")
D_EN_MONTH_END = _c(r"\b(?:by\s+)?(?:the\s+)?end\s+of\s+(?:the\s+)?month\b|\beom\b")

# Times
PERIOD_ZH = r"上午|下午|晚上|中午|早上|早晨|凌晨|傍晚|夜里|晚|早"
T_CLOCK = _c(rf"({PERIOD_ZH})?(?<![\d:：])(\d{{1,2}})[:：](\d{{2}})(?![\d:：])(?:\s*(am|pm)\b)?")
T_ZH = _c(rf"({PERIOD_ZH})?({NUM})[点點时](?:(半)|(一刻)|(三刻)|({NUM}|\d{{2}})分?)?")
T_EN = _c(r"\b(?:at\s+)?(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)(?![a-z])|\b(?:at\s+)?(noon|midnight)\b")
T_EN_AT = _c(r"\bat\s+(\d{1,2}):(\d{2})\b")

# Markers, tags, mentions
M_QUADRANT = _c(r"(?<![^\s\x00])q([1-4])(?![^\s\x00])")
M_FLAGS = re.compile(r"[!！*＊]+")
TAG = re.compile(r"(?<![^\s\x00，。、,;；（(【\[])[#＃]([^\s#＃@＠!！*＊,，。;；:：、()（）\[\]【】\"“”'\x00]+)")
MENTION = re.compile(r"(?<![A-Za-z0-9_.\-+])[@＠]([^\s#＃@＠!！*＊,，。;；:：、()（）\[\]【】\"“”'\x00]{1,30})")


# --- the parse --------------------------------------------------------------------------------
@dataclass
class _Dated:
    start: int
    end: int
    day: date | None = None
    hour_minute: tuple[int, int] | None = None  # a default time implied by the word (明早 → 09:00)
    period: str | None = None  # 'morning' | 'evening' implied by the word (今晚)
    warning: Warning_ | None = None
    rrule: str | None = None


class _Parse:
    def __init__(self, text: str, now: datetime, ignore: Collection[str], name_lookup):
        self.text = text
        self.now = now
        self.today = now.date()
        self.line = _Line(text, ignore)
        self.result = ParsedCapture(text=text)
        self.name_lookup = name_lookup

    # recurrence ---------------------------------------------------------------------------
    def recurrences(self) -> list[_Dated]:
        found: list[_Dated] = []
        rules: list[tuple[re.Pattern, Callable[[re.Match], str | None]]] = [
            (R_TIMES_PER, lambda m: "FREQ=" + {"天": "DAILY", "日": "DAILY", "月": "MONTHLY", "年": "YEARLY"}.get(
                m.group(1), "WEEKLY")),
            (R_WORKDAY, lambda m: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
            (R_WEEKDAYS, self._zh_weekdays_rule),
            (R_MONTHDAY, lambda m: self._monthday_rule(number(m.group(1)))),
            (R_MONTH_END, lambda m: "FREQ=MONTHLY;BYMONTHDAY=-1"),
            (R_YEARLY_DATE, self._yearly_rule),
            (R_EVERY_N, self._every_n_zh),
            (R_EN_WEEKDAYS, self._en_weekdays_rule),
            (R_EN_MONTHDAY, lambda m: self._monthday_rule(int(m.group(1)))),
            (R_EN_EVERY, self._every_n_en),
        ]
        for pattern, build in rules:
            for match in self.line.find(pattern):
                rule = build(match)
                if rule:
                    self.line.claim(*match.span())
                    found.append(_Dated(match.start(), match.end(), rrule=rule))
        return found

    @staticmethod
    def _zh_weekdays_rule(match: re.Match) -> str:
        days = sorted({ZH_WEEKDAY[c] for c in match.group(1) if c in ZH_WEEKDAY})
        return "FREQ=WEEKLY;BYDAY=" + ",".join(WEEKDAY_CODES[d] for d in days)

    @staticmethod
    def _monthday_rule(day: int | None) -> str | None:
        return f"FREQ=MONTHLY;BYMONTHDAY={day}" if day and 1 <= day <= 31 else None

    @staticmethod
    def _yearly_rule(match: re.Match) -> str | None:
        month, day = number(match.group(1)), number(match.group(2))
        if not month or not day or not 1 <= month <= 12 or day > calendar.monthrange(2024, month)[1]:
            return None
        return f"FREQ=YEARLY;BYMONTH={month};BYMONTHDAY={day}"

    @staticmethod
    def _every_n_zh(match: re.Match) -> str | None:
        count = number(match.group(1)) if match.group(1) else 1
        if not count:
            return None
        freq = {"天": "DAILY", "日": "DAILY", "周": "WEEKLY", "星期": "WEEKLY", "礼拜": "WEEKLY",
                "月": "MONTHLY", "年": "YEARLY"}[match.group(2)]
        return f"FREQ={freq}" + (f";INTERVAL={count}" if count > 1 else "")

    @staticmethod
    def _en_weekdays_rule(match: re.Match) -> str | None:
        words = re.findall(r"[a-z]+", match.group(1).lower())
        days = sorted({EN_WEEKDAY[w] for w in words if w in EN_WEEKDAY})
        if not days or any(w not in EN_WEEKDAY and w != "and" for w in words):
            return None
        return "FREQ=WEEKLY;BYDAY=" + ",".join(WEEKDAY_CODES[d] for d in days)

    @staticmethod
    def _every_n_en(match: re.Match) -> str:
        count = 2 if match.group(1) else int(match.group(2) or 1)
        freq = {"day": "DAILY", "week": "WEEKLY", "month": "MONTHLY", "year": "YEARLY"}[match.group(3).lower()]
        return f"FREQ={freq}" + (f";INTERVAL={count}" if count > 1 else "")

    # dates --------------------------------------------------------------------------------
    def dates(self) -> list[_Dated]:
        rules: list[tuple[re.Pattern, Callable[[re.Match], _Dated | None]]] = [
            (D_ISO, self._iso),
            (D_MONTH_DAY_ZH, self._month_day_zh),
            (D_NEXT_MONTH_DAY, self._next_month_day),
            (D_MONTH_DAY_NUM, self._month_day_num),
            (D_WORDS, self._zh_word),
            (D_WEEK_ZH, self._zh_week),
            (D_WEEKEND_ZH, self._zh_weekend),
            (D_NEXT_WEEK_ZH, lambda m: self._at(m, self._monday(1))),
            (D_AFTER_ZH, self._zh_after),
            (D_MONTH_END, self._month_edge),
            (D_DAY_ZH, self._zh_day),
            (D_EN_WORDS, self._en_word),
            (D_EN_NEXT_WEEK, lambda m: self._at(m, self._monday(1))),
            (D_EN_WEEKDAY, self._en_weekday),
            (D_EN_IN, self._en_in),
            (D_EN_MONTH_DAY, self._en_month_day),
            (D_EN_MONTH_END, lambda m: self._at(m, self._month_last(self.today.year, self.today.month))),
        ]
        return self._claim_all(rules)

    def _at(self, match: re.Match, day: date | None, **extra) -> _Dated | None:
        return _Dated(match.start(), match.end(), day, **extra) if day else None

    def _impossible(self, match: re.Match) -> _Dated:
        raw = match.group(0)
        return _Dated(match.start(), match.end(), warning=Warning_(
            f"“{raw}”不是有效日期，已保留为文字", f"“{raw}” is not a real date; kept as text"))

    def _safe_date(self, year: int, month: int, day: int) -> date | None:
        try:
            return date(year, month, day)
        except ValueError:
            return None

    def _iso(self, match: re.Match) -> _Dated | None:
        year = int(match.group(1))
        month = int(match.group(2) or match.group(4))
        day = int(match.group(3) or match.group(5))
        found = self._safe_date(year, month, day)
        return self._at(match, found) if found else self._impossible(match)

    def _month_day(self, match: re.Match, month: int | None, day: int | None, prefix: str | None) -> _Dated | None:
        if month is None or day is None:
            return None
        year = self.today.year
        if prefix and prefix.startswith("下"):
            month = self.today.month % 12 + 1
            year += 1 if month == 1 else 0
        elif not prefix and month < self.today.month:
            year += 1  # a past month means next year (1月5日 in November)
        found = self._safe_date(year, month, day) if 1 <= month <= 12 else None
        return self._at(match, found) if found else self._impossible(match)

    def _month_day_zh(self, match: re.Match) -> _Dated | None:
        prefix = match.group(1)
        if prefix:  # 下个月3月5日 makes no sense: read the explicit month
            prefix = None
        return self._month_day(match, number(match.group(2)), number(match.group(3)), prefix)

    def _next_month_day(self, match: re.Match) -> _Dated | None:
        prefix, day = match.group(1), number(match.group(2))
        month = self.today.month % 12 + 1 if prefix.startswith("下") else self.today.month
        return self._month_day(match, month, day, prefix if prefix.startswith("下") else "本")

    def _month_day_num(self, match: re.Match) -> _Dated | None:
        month, day = int(match.group(1)), int(match.group(2))
        if not 1 <= month <= 12 or not 1 <= day <= 31:
            return None  # '30/12' or '3-45': not a date we read; leave it alone
        return self._month_day(match, month, day, None)

    def _zh_word(self, match: re.Match) -> _Dated | None:
        word = match.group(0)
        offsets = {"今天": 0, "今日": 0, "今晚": 0, "今早": 0, "明天": 1, "明日": 1, "明早": 1, "明晚": 1,
                   "后天": 2, "大后天": 3, "昨天": -1}
        period = "evening" if word.endswith("晚") else "morning" if word.endswith("早") else None
        default = (20, 0) if period == "evening" else (9, 0) if period == "morning" and word != "今早" else None
        return self._at(match, self.today + timedelta(days=offsets[word]), period=period, hour_minute=default)

    def _monday(self, weeks_ahead: int) -> date:
        return self.today - timedelta(days=self.today.weekday()) + timedelta(weeks=weeks_ahead)

    def _zh_week(self, match: re.Match) -> _Dated | None:
        prefix, weekday = match.group(1) or "", ZH_WEEKDAY[match.group(2)]
        if prefix.startswith("下下"):
            return self._at(match, self._monday(2) + timedelta(days=weekday))
        if prefix.startswith("下"):
            return self._at(match, self._monday(1) + timedelta(days=weekday))
        if prefix:  # 本周六 / 这周六: this week's day
            return self._at(match, self._monday(0) + timedelta(days=weekday))
        return self._at(match, self._upcoming(weekday))

    def _upcoming(self, weekday: int) -> date:
        return self.today + timedelta(days=(weekday - self.today.weekday()) % 7)

    def _zh_weekend(self, match: re.Match) -> _Dated | None:
        prefix = match.group(1) or ""
        if prefix.startswith("下"):
            return self._at(match, self._monday(1) + timedelta(days=5))
        if self.today.weekday() == 6:
            return self._at(match, self.today)
        return self._at(match, self._monday(0) + timedelta(days=5))

    def _zh_after(self, match: re.Match) -> _Dated | None:
        count_text, unit = match.group(1), match.group(2)
        if count_text == "半":
            if unit != "月":
                return None
            return self._at(match, self.today + timedelta(days=15))
        count = number(count_text)
        if count is None or count > 400:
            return None
        if unit in ("天", "日"):
            return self._at(match, self.today + timedelta(days=count))
        if unit == "月":
            return self._at(match, self._add_months(self.today, count))
        return self._at(match, self.today + timedelta(weeks=count))

    def _add_months(self, day: date, months: int) -> date:
        month_index = day.month - 1 + months
        year, month = day.year + month_index // 12, month_index % 12 + 1
        return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))

    def _month_last(self, year: int, month: int) -> date:
        return date(year, month, calendar.monthrange(year, month)[1])

    def _month_edge(self, match: re.Match) -> _Dated | None:
        raw = match.group(0)
        if raw in ("年底", "年末"):
            return self._at(match, date(self.today.year, 12, 31))
        base = self._add_months(self.today.replace(day=1), 1) if raw.startswith("下") else self.today.replace(day=1)
        if "月初" in raw:
            if not raw.startswith(("下", "本", "这")):
                base = self._add_months(self.today.replace(day=1), 1)  # 月初 on the 25th means next month's
            return self._at(match, base)
        return self._at(match, self._month_last(base.year, base.month))

    def _zh_day(self, match: re.Match) -> _Dated | None:
        day = number(match.group(1))
        if day is None:
            return None
        if not 1 <= day <= 31:
            return self._impossible(match)
        year, month = self.today.year, self.today.month
        if day < self.today.day:
            month += 1
            if month == 13:
                year, month = year + 1, 1
        found = self._safe_date(year, month, day)
        return self._at(match, found) if found else self._impossible(match)

    def _en_word(self, match: re.Match) -> _Dated | None:
        word = re.sub(r"\s+", " ", match.group(1).lower())
        offset = {"today": 0, "tonight": 0, "tomorrow": 1, "tmrw": 1, "tmr": 1, "day after tomorrow": 2}[word]
        period = "evening" if word == "tonight" else None
        return self._at(match, self.today + timedelta(days=offset), period=period,
                        hour_minute=(20, 0) if period else None)

    def _en_weekday(self, match: re.Match) -> _Dated | None:
        which, name = (match.group(1) or "").lower(), match.group(2).lower()
        plain = match.group(0).lower() == name
        if plain and name in AMBIGUOUS_EN_DAYS:
            return None  # 'sat', 'sun', 'mon' alone are too often ordinary words
        weekday = EN_WEEKDAY[name]
        if which == "next":
            return self._at(match, self._monday(1) + timedelta(days=weekday))
        if which == "this":
            return self._at(match, self._monday(0) + timedelta(days=weekday))
        return self._at(match, self._upcoming(weekday))

    def _en_in(self, match: re.Match) -> _Dated | None:
        count_text, unit = match.group(1).lower(), match.group(2).lower()
        count = int(count_text) if count_text.isdigit() else EN_COUNT[count_text]
        if unit == "day":
            return self._at(match, self.today + timedelta(days=count))
        if unit == "week":
            return self._at(match, self.today + timedelta(weeks=count))
        return self._at(match, self._add_months(self.today, min(count, 1200)))

    def _en_month_day(self, match: re.Match) -> _Dated | None:
        if match.group(1):
            name, day_text = match.group(1), match.group(2)
        else:
            name, day_text = match.group(4), match.group(3)
        if name.lower() == "may" and match.group(1) and not re.match(r"may\s+\d", match.group(0), re.I):
            return None
        return self._month_day(match, EN_MONTH[name.lower()], int(day_text), None)

    # times --------------------------------------------------------------------------------
    def times(self) -> list[_Dated]:
        return self._claim_all([(T_EN, self._en_time), (T_EN_AT, self._clock_at), (T_CLOCK, self._clock),
                                (T_ZH, self._zh_time)])

    def _claim_all(self, rules: list[tuple[re.Pattern, Callable[[re.Match], _Dated | None]]]) -> list[_Dated]:
        """Each rule's matches, in rule order: a valid one claims its text (later rules skip it), an
        impossible one (2月30日) only protects it, so it stays in the title with its warning."""
        found: list[_Dated] = []
        for pattern, build in rules:
            for match in self.line.find(pattern):
                dated = build(match)
                if dated is not None:
                    if dated.warning is None:
                        self.line.claim(dated.start, dated.end)
                    else:
                        self.line.protect(dated.start, dated.end)
                    found.append(dated)
        return found

    def _time(self, match: re.Match, hour: int | None, minute: int | None, period: str | None,
              afternoon_guess: bool = False) -> _Dated | None:
        if hour is None or minute is None:
            return None
        if period in ("下午", "晚上", "傍晚", "夜里", "晚", "pm") and 1 <= hour < 12:
            hour += 12
        elif period == "中午" and 1 <= hour <= 2:
            hour += 12
        elif period in ("am", "凌晨") and hour == 12:
            hour = 0
        if not 0 <= hour <= 23 or not 0 <= minute <= 59:
            raw = match.group(0)
            return _Dated(match.start(), match.end(), warning=Warning_(
                f"“{raw}”不是有效时间，已保留为文字", f"“{raw}” is not a real time; kept as text"))
        kind = "explicit" if period is not None else None
        if kind is None and afternoon_guess and 1 <= hour <= 6:
            hour, kind = hour + 12, "guessed"  # '三点开会' at work means 15:00, not 03:00
        return _Dated(match.start(), match.end(), hour_minute=(hour, minute), period=kind)

    def _clock(self, match: re.Match) -> _Dated | None:
        period = match.group(1) or (match.group(4).lower() if match.group(4) else None)
        single_digit = len(match.group(2)) == 1
        return self._time(match, int(match.group(2)), int(match.group(3)), period, afternoon_guess=single_digit)

    def _clock_at(self, match: re.Match) -> _Dated | None:
        return self._time(match, int(match.group(1)), int(match.group(2)), None)

    def _zh_time(self, match: re.Match) -> _Dated | None:
        hour = number(match.group(2))
        bare = not match.group(1) and not any(match.group(i) for i in (3, 4, 5, 6))
        if bare and not match.group(2).isdigit():
            # '快一点', '三点建议': a Chinese-numeral hour counts only after a date word (明天三点).
            before = self.line.string()[match.start() - 1] if match.start() else ""
            if before != MASK or (match.start() - 1, match.start()) == (-1, 0):
                return None
            if not any(start <= match.start() - 1 < end for start, end in self.line.claimed):
                return None
        if match.group(3):
            minute = 30
        elif match.group(4):
            minute = 15
        elif match.group(5):
            minute = 45
        elif match.group(6):
            minute = number(match.group(6))
        else:
            minute = 0
        return self._time(match, hour, minute, match.group(1), afternoon_guess=True)

    def _en_time(self, match: re.Match) -> _Dated | None:
        if match.group(4):
            return self._time(match, 12 if match.group(4).lower() == "noon" else 0, 0, "noon")
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        period = match.group(3).lower().replace(".", "")
        if hour > 12 or hour == 0:
            return self._time(match, 99, 0, None)  # '13pm' is a warning, not 1pm
        return self._time(match, hour, minute, period)

    # markers, tags, mentions --------------------------------------------------------------
    def markers(self) -> None:
        for match in self.line.find(M_QUADRANT):
            quadrant = "q" + match.group(1)
            self.line.claim(*match.span())
            self._set_quadrant(quadrant, match)
        string = self.line.string()
        for match in M_FLAGS.finditer(string):
            before = string[match.start() - 1] if match.start() else " "
            after = string[match.end()] if match.end() < len(string) else " "
            if before.isdigit() and after.isdigit():
                continue  # 3*4: arithmetic
            if after == "=" or (before.isascii() and before.isalnum() and after.isascii() and after.isalnum()):
                continue  # a!=b, a*b
            raw = match.group(0)
            self.line.claim(*match.span())
            if any(c in "!！" for c in raw):
                self.result.urgent = True
            if any(c in "*＊" for c in raw):
                self.result.important = True
            self.result.triaged = True
            self.result.chips.append(Chip("priority", quadrant_of(self.result.important, self.result.urgent),
                                          (raw,), match.start()))

    def _set_quadrant(self, quadrant: str, match: re.Match) -> None:
        important, urgent = {"q1": (True, True), "q2": (True, False), "q3": (False, True), "q4": (False, False)}[quadrant]
        self.result.important |= important
        self.result.urgent |= urgent
        self.result.triaged = True
        self.result.chips.append(Chip("priority", quadrant, (match.group(0),), match.start()))

    def tags(self) -> None:
        for match in self.line.find(TAG):
            tag = match.group(1).rstrip(".。")
            if tag.isdigit() or not tag:
                continue  # '#123' is an issue number, not a tag
            self.line.claim(match.start(), match.start() + 1 + len(tag))
            if tag not in self.result.tags:
                self.result.tags.append(tag)
            self.result.chips.append(Chip("tag", tag, (match.group(0)[:1 + len(tag)],), match.start()))

    def mentions(self) -> None:
        for match in self.line.find(MENTION):
            name = match.group(1).rstrip(".。")
            if self.name_lookup is not None:
                name = self._known_prefix(name)
            if not name:
                continue
            end = match.start() + 1 + len(name)
            self.line.claim(match.start(), end, keep=name)
            if name not in self.result.mentions:
                self.result.mentions.append(name)
            self.result.chips.append(Chip("mention", name, (self.text[match.start():end],), match.start()))

    def _known_prefix(self, name: str) -> str:
        """The longest prefix that names a known user (回访@王芳提现问题 → 王芳), else the whole token."""
        for length in range(len(name), 0, -1):
            if self.name_lookup(name[:length]):
                return name[:length]
        return name

    # putting it together ------------------------------------------------------------------
    def run(self) -> ParsedCapture:
        result = self.result
        recurrences = self.recurrences()
        dates = self.dates()
        times = self.times()
        self.markers()
        self.tags()
        self.mentions()
        for dated in dates + times:
            if dated.warning is not None:
                result.warnings.append(dated.warning)
                result.chips.append(Chip("warning", dated.warning, (self.text[dated.start:dated.end],), dated.start))
        dates = sorted((d for d in dates if d.warning is None), key=lambda d: d.start)
        times = sorted((t for t in times if t.warning is None), key=lambda t: t.start)
        recurrences.sort(key=lambda r: r.start)
        self._unclaim_extra(dates, Warning_("多个日期：只用了第一个，其余保留为文字",
                                            "More than one date: the first is used, the rest kept as text"))
        self._unclaim_extra(times, Warning_("多个时间：只用了第一个，其余保留为文字",
                                            "More than one time: the first is used, the rest kept as text"))
        self._unclaim_extra(recurrences, Warning_("多个重复规则：只用了第一个，其余保留为文字",
                                                  "More than one repeat rule: the first is used, the rest kept as text"))
        self._combine(dates[:1], times[:1], recurrences[:1])
        result.title = self.line.title()
        result.chips.sort(key=lambda c: c.start)
        return result

    def _unclaim_extra(self, items: list[_Dated], warning: Warning_) -> None:
        if len(items) <= 1:
            return
        for extra in items[1:]:
            self.line.claimed.remove((extra.start, extra.end))
        self.result.warnings.append(warning)
        self.result.chips.append(Chip("warning", warning, (), items[1].start))

    def _combine(self, dates: list[_Dated], times: list[_Dated], recurrences: list[_Dated]) -> None:
        result = self.result
        day = dates[0] if dates else None
        clock = times[0] if times else None
        raws = [self.text[x.start:x.end] for x in sorted([*dates, *times], key=lambda x: x.start)]
        hour_minute = clock.hour_minute if clock else (day.hour_minute if day else None)
        if clock and day and day.period == "evening" and clock.period is None and hour_minute[0] < 12:
            hour_minute = (hour_minute[0] + 12, hour_minute[1])  # 今晚8点 → 20:00
        if clock and day and day.period == "morning" and clock.period == "guessed":
            hour_minute = (hour_minute[0] - 12, hour_minute[1])  # 明早6点 → 06:00
        at = f"{hour_minute[0]:02d}:{hour_minute[1]:02d}" if hour_minute else None
        if recurrences:
            rec = recurrences[0]
            result.recurrence = rec.rrule
            start_day = day.day if day else self.today
            due = first_due(rec.rrule, start_day, at)
            if due and at and day is None and due < self.now.strftime("%Y-%m-%dT%H:%M"):
                due = first_due(rec.rrule, self.today + timedelta(days=1), at)  # 每天9点 at 09:30 → tomorrow
            result.due = due
            result.chips.append(Chip("recurrence", rec.rrule, (self.text[rec.start:rec.end],), rec.start))
            if raws:
                result.chips.append(Chip("due", due, tuple(raws), min(x.start for x in [*dates, *times])))
            return
        if day is None and clock is None:
            return
        if day is None:
            # A bare time: today if it is still ahead, else tomorrow.
            target = self.today if at > self.now.strftime("%H:%M") else self.today + timedelta(days=1)
        else:
            target = day.day
        result.due = f"{target.isoformat()}T{at}" if at else target.isoformat()
        if target < self.today:
            warning = Warning_("截止日期已过", "The due date is in the past")
            result.warnings.append(warning)
        result.chips.append(Chip("due", result.due, tuple(raws), min(x.start for x in [*dates, *times])))


def parse_capture_strict(text: str, now: datetime, *, ignore: Collection[str] = (),
                         name_lookup: Callable[[str], bool] | None = None) -> ParsedCapture:
    """The parse itself (the hypothesis test calls this one: it must not raise on any input)."""
    text = (text or "").replace("\r", " ").replace("\n", " ").replace(MASK, " ")
    return _Parse(text, now, ignore, name_lookup).run()


def parse_capture(text: str, now: datetime, *, ignore: Collection[str] = (),
                  name_lookup: Callable[[str], bool] | None = None) -> ParsedCapture:
    """Parse one capture line. The UI calls this on every keystroke."""
    try:
        return parse_capture_strict(text, now, ignore=ignore, name_lookup=name_lookup)
    except Exception:  # noqa: BLE001 - a capture must never be lost to a parser bug: keep the text
        result = ParsedCapture(text=text, title=" ".join((text or "").split()))
        result.warnings.append(Warning_("无法解析，已原样保存", "Could not parse this; saved as typed"))
        return result
