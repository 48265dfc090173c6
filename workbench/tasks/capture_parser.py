"""The capture line: '明天下午3点 回访 @王芳 #召回 *' → title, quadrant, due, recurrence, tags, mentions.

Parsed as the operator types and shown as chips, so it must be fast (10k lines well under a second),
never raise, and leave ordinary text alone (10%, C#, e-mail addresses, '买 3 箱水'). Text in double
quotes is never parsed. A chip the operator removed (Backspace) is passed back in `ignore` as its raw
text, and that text then stays in the title.

Rules run over the line with quoted text masked out; every match claims its span so later rules
cannot reuse it. Recurrence first (每周一 contains 周一), then the date grammar (when_grammar.py: the same
one every date field uses), then markers, tags, mentions.
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from workbench.tasks.model import INBOX, quadrant_of
from workbench.tasks.recurrence import WEEKDAY_CODES, first_due
from workbench.tasks.when_grammar import Expression, expressions, resolve
from workbench.tasks.when_words import EN_WEEKDAY, ZH_WEEKDAY, normalise, number

MASK = "\x00"  # stands in for quoted or claimed text, so no rule matches across it

NUM = r"(?:\d{1,2}|[一二两三四五六七八九十]{1,3})"


@dataclass(frozen=True)
class Warning_:
    """A problem worth a chip, in both languages (feature code has no tr())."""

    zh: str
    en: str
    blocking: bool = True  # False for a note that does not make the date doubtful (a working-day count)

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
        self._folded: tuple[str, str] | None = None
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

    def find_folded(self, pattern: re.Pattern) -> list[re.Match]:
        """Matches over the line with Traditional Chinese folded to Simplified (每週一 is 每周一)."""
        string = self.string()
        if self._folded is None or self._folded[0] != string:
            self._folded = (string, normalise(string))
        return list(pattern.finditer(self._folded[1]))

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
R_WORKDAY = _c(r"每(?:个)?工作日|工作日每天|every\s+(?:weekday|workday|business\s+day|working\s+day)|weekdays")
R_LAST_WORKDAY = _c(r"每(?:个)?月(?:的)?最后一个工作日|(?:on\s+)?the\s+last\s+(?:business|working|work)\s+day\s+of\s+every\s+month"
                    r"|every\s+month\s+on\s+the\s+last\s+(?:business|working)\s+day")
R_WEEKDAYS = _c(rf"每(?:个)?(?:周|星期|礼拜)({WD_ZH}(?:[、,，和及与]?{WD_ZH})*)(?!次|个|遍|回)")
R_EVERY_N = _c(rf"每(隔)?({NUM})?(?:个)?(天|日|周|星期|礼拜|月|年)(?!{WD_ZH}|底|末|最后|[一二两三四五六七八九十\d]+[号日])")
R_MONTHDAY = _c(rf"每(?:个)?月({NUM})[号日]")
R_MONTH_END = _c(r"每(?:个)?月(?:底|末|最后一天)")
R_YEARLY_DATE = _c(rf"每年({NUM})月({NUM})[日号]")
R_EN_WEEKDAYS = _c(r"\bevery\s+((?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*"
                   r"(?:\s*(?:,|and|&)\s*(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*)*)\b")
R_EN_EVERY = _c(r"\bevery\s+(?:(other)\s+|(\d{1,2}|two|three|four|five|six)\s+)?(day|week|month|year)s?\b")
R_EN_MONTHDAY = _c(r"\bevery\s+month\s+on\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\b")

# Markers, tags, mentions
M_QUADRANT = _c(r"(?<![^\s\x00])q([1-4])(?![^\s\x00])")
M_FLAGS = re.compile(r"[!！*＊]+")
TAG = re.compile(r"(?<![^\s\x00，。、,;；（(【\[])[#＃]([^\s#＃@＠!！*＊,，。;；:：、()（）\[\]【】\"“”'\x00]+)")
MENTION = re.compile(r"(?<![A-Za-z0-9_.\-+])[@＠]([^\s#＃@＠!！*＊,，。;；:：、()（）\[\]【】\"“”'\x00]{1,30})")


# --- the parse --------------------------------------------------------------------------------
@dataclass
class _Dated:
    """A recurrence rule and where it was written."""

    start: int
    end: int
    rrule: str


class _Parse:
    def __init__(self, text: str, now: datetime, ignore: Collection[str], name_lookup, day_parts=None):
        self.day_parts = day_parts
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
            (R_LAST_WORKDAY, lambda m: "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1"),
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
        folded = normalise(self.line.string()).lower()
        if "每" not in folded and "every" not in folded and "weekdays" not in folded:
            return found  # every rule below needs one of these words
        for pattern, build in rules:
            for match in self.line.find_folded(pattern):
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
        """每两周 → every 2 weeks; 每隔一天 skips one day → every 2 days (每隔N天 → every N+1 days)."""
        count = number(match.group(2)) if match.group(2) else 1
        if not count:
            return None
        count += 1 if match.group(1) else 0
        freq = {"天": "DAILY", "日": "DAILY", "周": "WEEKLY", "星期": "WEEKLY", "礼拜": "WEEKLY",
                "月": "MONTHLY", "年": "YEARLY"}[match.group(3)]
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
        words = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
        count = 2 if match.group(1) else int(words.get((match.group(2) or "").lower(), match.group(2) or 1))
        freq = {"day": "DAILY", "week": "WEEKLY", "month": "MONTHLY", "year": "YEARLY"}[match.group(3).lower()]
        return f"FREQ={freq}" + (f";INTERVAL={count}" if count > 1 else "")

    # dates and times: the grammar ---------------------------------------------------------
    def dates_and_times(self) -> tuple[list[Expression], list[Expression]]:
        """The line's date expressions: (with a day, time only). An impossible one (2月30日, 25点) is
        kept as text with a warning."""
        with_day, time_only = [], []
        for expression in expressions(self.line.string(), self.now):
            if expression.impossible:
                raw = self.text[expression.start:expression.end]
                self.line.protect(expression.start, expression.end)
                warning = Warning_(f"“{raw}”不是有效日期或时间，已保留为文字", f"“{raw}” is not a real date or time; kept as text")
                self.result.warnings.append(warning)
                self.result.chips.append(Chip("warning", warning, (raw,), expression.start))
                continue
            self.line.claim(expression.start, expression.end)
            (with_day if expression.has_day else time_only).append(expression)
        return with_day, time_only

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
        dates, times = self.dates_and_times()
        self.markers()
        self.tags()
        self.mentions()
        recurrences.sort(key=lambda r: r.start)
        self._unclaim_extra(dates, Warning_("多个日期：只用了第一个，其余保留为文字",
                                            "More than one date: the first is used, the rest kept as text"))
        if dates and dates[0].has_time:
            self._unclaim_extra(times, None, keep=0)
        self._unclaim_extra(times, Warning_("多个时间：只用了第一个，其余保留为文字",
                                            "More than one time: the first is used, the rest kept as text"))
        self._unclaim_extra(recurrences, Warning_("多个重复规则：只用了第一个，其余保留为文字",
                                                  "More than one repeat rule: the first is used, the rest kept as text"))
        self._combine(dates[:1] + times[:1], recurrences[:1])
        result.title = self.line.title()
        result.chips.sort(key=lambda c: c.start)
        return result

    def _unclaim_extra(self, items: list, warning: Warning_ | None, keep: int = 1) -> None:
        if len(items) <= keep:
            return
        for extra in items[keep:]:
            self.line.claimed.remove((extra.start, extra.end))
        if warning is not None:
            self.result.warnings.append(warning)
            self.result.chips.append(Chip("warning", warning, (), items[keep].start))
        del items[keep:]

    def _unclaim(self, found: list[Expression]) -> None:
        for expression in found:
            self.line.claimed.remove((expression.start, expression.end))

    def _combine(self, found: list[Expression], recurrences: list[_Dated]) -> None:
        """One due from the first date and the first time (明天 … 下午3点), or the recurrence's first one."""
        result = self.result
        parts = [part for expression in found for part in expression.parts]
        raws = tuple(self.text[p.start:p.end] for p in sorted(parts, key=lambda p: p.start))
        start = min((e.start for e in found), default=0)
        if recurrences:
            rec = recurrences[0]
            result.recurrence = rec.rrule
            at, start_day = None, self.today
            if parts:
                when = resolve(parts, self.now, self.day_parts)
                if when is None:
                    self._unclaim(found)
                    raws = ()
                else:
                    at = when.due[11:16] or None
                    if any(p.day is not None for p in parts):
                        start_day = date.fromisoformat(when.due[:10])
            due = first_due(rec.rrule, start_day, at)
            if due and at and not any(p.day is not None for p in parts) and due < self.now.strftime("%Y-%m-%dT%H:%M"):
                due = first_due(rec.rrule, self.today + timedelta(days=1), at)  # 每天9点 at 09:30 → tomorrow
            result.due = due
            result.chips.append(Chip("recurrence", rec.rrule, (self.text[rec.start:rec.end],), rec.start))
            if raws:
                result.chips.append(Chip("due", due, raws, start))
            return
        if not parts:
            return
        when = resolve(parts, self.now, self.day_parts)
        if when is None:
            self._unclaim(found)  # understood in parts only: claim nothing
            return
        result.due = when.due
        if when.past:
            result.warnings.append(Warning_("截止日期已过", "The due date is in the past"))
        if when.off_schedule:
            result.warnings.append(Warning_("该年的法定节假日安排尚未收录：工作日按周一至周五计算",
                                            "That year's official holiday schedule is not known yet: working days "
                                            "are counted Monday to Friday", blocking=False))
        result.chips.append(Chip("due", result.due, raws, start))


def parse_capture_strict(text: str, now: datetime, *, ignore: Collection[str] = (),
                         name_lookup: Callable[[str], bool] | None = None,
                         day_parts: dict | None = None) -> ParsedCapture:
    """The parse itself (the hypothesis test calls this one: it must not raise on any input).
    `day_parts`: the clock time 上午/中午/下午/晚上 stand for (when_words.DEFAULT_DAY_PARTS by default)."""
    text = (text or "").replace("\r", " ").replace("\n", " ").replace(MASK, " ")
    return _Parse(text, now, ignore, name_lookup, day_parts).run()


def parse_capture(text: str, now: datetime, *, ignore: Collection[str] = (),
                  name_lookup: Callable[[str], bool] | None = None, day_parts: dict | None = None) -> ParsedCapture:
    """Parse one capture line. The UI calls this on every keystroke."""
    try:
        return parse_capture_strict(text, now, ignore=ignore, name_lookup=name_lookup, day_parts=day_parts)
    except Exception:  # noqa: BLE001 - a capture must never be lost to a parser bug: keep the text
        result = ParsedCapture(text=text, title=" ".join((text or "").split()))
        result.warnings.append(Warning_("无法解析，已原样保存", "Could not parse this; saved as typed"))
        return result
