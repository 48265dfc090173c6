"""The date grammar: parts (when_rules.py) → expressions → a due date resolved against `now`.

    tokens:      the normalised line is scanned once by all rules together (first rule wins at a position)
    expressions: parts next to each other ('明天' '下午' '3点'; 'this afternoon' 'at 3:20') join into one,
                 at most one day, one clock time and one part of the day each
    resolution:  against `now`, by one rule for deadlines (see `resolve`)

Where an expression cannot be read whole, nothing of it is claimed: it stays in the title. That covers
a part glued to more digits or numerals (下午三点五), a range (周一到周五), a day that something is
counted from ('two days before friday', 周五前两天, 周五以后) and a year that was not read ('April 14, 2027'
is read with its year by its rule; a year left after a date drops the date).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from workbench.tasks.when_calendar import HOLIDAYS
from workbench.tasks.when_first import can_begin_with, first_chars
from workbench.tasks.when_rules import RULES, Context, Part
from workbench.tasks.when_words import (DEFAULT_DAY_PARTS, DEFAULT_KEY, EN_COUNT, EN_MONTH, EN_ORDINAL, EN_WEEKDAY,
                                        normalise)


FIRST_CHARS = [first_chars(found.pattern) for found in RULES]
_RULES_AT: dict[str, tuple[int, ...]] = {}


def rules_at(char: str) -> tuple[int, ...]:
    """The rules (in order) whose match can begin with `char`."""
    found = _RULES_AT.get(char)
    if found is None:
        found = _RULES_AT[char] = tuple(i for i, first in enumerate(FIRST_CHARS) if can_begin_with(first, char))
    return found


_GROUP_NAMES = [[name for name in rule.pattern.groupindex] for rule in RULES]


def _build(index: int, match: re.Match, text: str, ctx: Context) -> Part | None:
    groups = {name: match.group(name) for name in _GROUP_NAMES[index]}
    groups["_raw"], groups["_after"], groups["_before"] = match.group(0), text[match.end():], text[:match.start()]
    fields = RULES[index].build(groups, ctx)
    if fields is None:
        return None
    raw = match.group(0)
    start = match.start() + len(raw) - len(raw.lstrip())  # a part never begins with the space before it
    return Part(start, match.end(), RULES[index].name, **fields)


def _starters() -> tuple[re.Pattern, frozenset[str]]:
    """Where a part can begin: a digit run, a Chinese character some rule starts with, or an English word
    some rule starts with. Trying the rules only there keeps a line well under 0.1 ms."""
    examples = [normalise(example) for rule in RULES for example in rule.examples]
    zh = set("零〇一二两三四五六七八九十半今明后昨前大下上本这周星礼月年去早清中正午傍晚夜凌深农阴腊冬廿初（(") \
        | {name[0] for name in HOLIDAYS if not name.isascii()} | {e[0] for e in examples if not e[0].isascii()}
    # Every word written in a rule's pattern (a superset of the words a match can begin with).
    sources = [re.sub(r"\\.|\?P<\w+>|\?P=\w+", " ", rule.pattern.pattern) for rule in RULES]
    en = {word.lower() for source in sources for word in re.findall(r"[A-Za-z]+", source)} | {"a", "an"}
    en |= set(EN_WEEKDAY) | set(EN_MONTH) | set(EN_COUNT) | {w.split()[0].split("-")[0] for w in EN_ORDINAL}
    en |= {name.split()[0].split("-")[0] for name in HOLIDAYS if name.isascii() and not name.isdigit()}
    en |= {e.split()[0].lower().rstrip(".") for e in examples if e[0].isascii() and e[0].isalpha()}
    zh_class = "".join(sorted(zh - {"-"}))
    return re.compile(rf"(?<!\d)\d|[{zh_class}]|(?<![A-Za-z'])[A-Za-z][A-Za-z'’]*"), frozenset(en)


STARTERS, EN_STARTERS = _starters()


def _candidates(text: str) -> list[int]:
    found = []
    for match in STARTERS.finditer(text):
        word = match.group(0)
        if len(word) > 1 or word.isascii() and word.isalpha():
            lowered = word.lower().rstrip(".")
            if lowered not in EN_STARTERS and re.split(r"['’-]", lowered)[0] not in EN_STARTERS:
                continue
        found.append(match.start())
    return found


def scan(text: str, ctx: Context) -> list[Part]:
    """Every part in the line, left to right, none overlapping."""
    parts: list[Part] = []
    position = 0
    for candidate in _candidates(text):
        if candidate < position:
            continue
        part = None
        for index in rules_at(text[candidate]):  # the first rule that matches here and builds a part
            match = RULES[index].pattern.match(text, candidate)
            if match is not None and match.end() > match.start():
                part = _build(index, match, text, ctx)
                if part is not None:
                    break
        if part is None or part.end == part.start:
            continue
        parts.append(part)
        position = part.end
    return parts


# --- expressions ----------------------------------------------------------------------------
CONNECTOR = re.compile(r"(?:\s|[,，、])*(?:(?:at|on|by|around|about|in\s+the|of)\b\s*)?(?:\s|[,，])*|的|在", re.IGNORECASE)
RANGE = re.compile(r"\s*(?:[-~～–—至到]|to|until|till|through|thru)\s*$", re.IGNORECASE)
COUNTED_FROM_BEFORE = re.compile(
    r"(?:(?:(?:days?|weeks?|months?|years?|hours?|minutes?)(?:\s+(?:before|after|from|prior\s+to))?|\b(?:after|every|since"
    r"|from|lunar|of)|每(?:隔)?|[从自]|农历|阴历)\s*|[隔第\d零〇一二两三四五六七八九十])$", re.IGNORECASE)
COUNTED_FROM_AFTER = re.compile(
    r"^(?:\s*的?\s*[前后]\s*(?:\d|[零一二两三四五六七八九十半]|几)|之后|以后|后(?!天)|起(?!床)|以来"
    r"|\s*,?\s*(?:19|20)\d\d(?!\d)|[\d零〇一二两三四五六七八九十]{1,3}\s*[点时:：.]|\s*(?:before|after|from|ago)\b"
    r"|[\d零一二两三四五六七八九十半几]+\s*个?\s*(?:天|日|周|星期|礼拜|小时|钟头|分钟))",
    re.IGNORECASE)
ENDS_IN_NUMBER = re.compile(r"[\d零〇一二两三四五六七八九十点时分]$")
GLUED_NUMBER = re.compile(r"^[\d零〇一二两三四五六七八九十]")


@dataclass
class Expression:
    """Parts that make one date and/or time, and where they are in the line."""

    parts: list[Part] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.parts[0].start

    @property
    def end(self) -> int:
        return self.parts[-1].end

    def first(self, attribute: str):
        for part in self.parts:
            value = getattr(part, attribute)
            if value not in (None, False):
                return value
        return None

    @property
    def has_day(self) -> bool:
        return any(p.day is not None or p.moment is not None for p in self.parts)

    @property
    def has_time(self) -> bool:
        return any(p.hour is not None for p in self.parts)

    @property
    def has_period(self) -> bool:
        return any(p.period is not None for p in self.parts)

    @property
    def impossible(self) -> bool:
        return any(p.impossible for p in self.parts)

    def takes(self, part: Part) -> bool:
        """A part joins unless its slot is taken (one day, one time, one part of the day)."""
        if self.impossible or part.impossible or part.moment is not None or self.first("moment") is not None:
            return False
        if part.day is not None and self.has_day:
            # 'friday, dec 4' / 11月27日周五: a weekday beside a date names the same day (checked in resolve)
            days = [p for p in self.parts if p.day is not None] + [part]
            return len(days) == 2 and sum(p.weekday is not None for p in days) == 1
        if part.hour is not None and self.has_time:
            return False
        return not (part.period is not None and self.has_period and part.hour is None
                    and self.first("hour") is None and part.day is None)


def _weak_ok(expression: Expression, text: str) -> bool:
    """Weak parts count only beside what makes them a date: 三点 beside 明天/下午, '9' beside 'tomorrow'."""
    strong = [p for p in expression.parts if not p.weak]
    if not strong:
        return False
    for part in expression.parts:
        if not part.weak:
            continue
        if part.rule == "bare_hour":
            day = [p for p in strong if p.day is not None]
            if not day:
                return False
            if part.start > day[0].end:  # 'tomorrow 9': the number must end the phrase
                rest = text[part.end:].lstrip()
                if rest and rest[0] not in ",，.。;；!！#＃@＠*＊":
                    return False
            else:  # '9 tomorrow': the number must begin it ('chapter 5 tonight' is a chapter)
                before = text[:part.start].rstrip(" \x00")
                if before and before[-1] not in ",，.。;；:：!！":
                    return False
        if part.rule == "zh_short_period" and not any(p.day is not None and p.end == part.start for p in strong):
            return False
    return True


def expressions(text: str, now: datetime) -> list[Expression]:
    """The line's date expressions, each whole (see the module's doc for what is left alone)."""
    ctx = Context(now)
    folded = normalise(text)
    grouped: list[Expression] = []
    for part in scan(folded, ctx):
        current = grouped[-1] if grouped else None
        gap = folded[current.end:part.start] if current else ""
        if current and CONNECTOR.fullmatch(gap) and current.takes(part):
            current.parts.append(part)
        else:
            grouped.append(Expression([part]))
    kept: list[Expression] = []
    for index, expression in enumerate(grouped):
        if not expression.impossible and not _weak_ok(expression, folded):
            continue
        before, after = folded[max(0, expression.start - 40):expression.start], folded[expression.end:]
        if COUNTED_FROM_BEFORE.search(before) or COUNTED_FROM_AFTER.match(after):
            continue
        if ENDS_IN_NUMBER.search(folded[expression.start:expression.end]) and GLUED_NUMBER.match(after):
            continue  # 下午三点五: a number we did not read is glued on
        neighbours = [grouped[i] for i in (index - 1, index + 1) if 0 <= i < len(grouped)]
        if any(RANGE.fullmatch(folded[min(e.end, expression.end):max(e.start, expression.start)])
               for e in neighbours if e.end <= expression.start or e.start >= expression.end):
            continue  # 周一到周五, 'mon - fri': a range is not one due date
        kept.append(expression)
    return kept


# --- resolution ---------------------------------------------------------------------------------
def _clock(hour: int, minute: int, sure: bool, period: str | None) -> tuple[int, int, int] | None:
    """(hour, minute, days to add). The ambiguity rule: a bare hour 1–7 is in the afternoon."""
    if hour == 24:
        return (0, 0, 1) if minute == 0 else None
    if period in ("afternoon", "dusk") and 1 <= hour <= 11:
        hour += 12
    elif period == "noon" and 1 <= hour <= 3:
        hour += 12
    elif period in ("evening", "night"):
        if hour == 12:
            return 0, minute, 1
        if 5 <= hour <= 11:
            hour += 12
        elif 1 <= hour <= 4:
            return hour, minute, 1  # 晚上1点 is after midnight
    elif period == "late" and hour == 12:
        return 0, minute, 1  # 半夜12点: the midnight that ends the day
    elif period is None and not sure and 1 <= hour <= 7:
        hour += 12
    if not 0 <= hour <= 23 or not 0 <= minute <= 59:
        return None
    return hour, minute, 0


@dataclass
class When:
    """A resolved due: 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM'."""

    due: str
    past: bool = False  # before now: a deadline that has already gone
    off_schedule: bool = False  # working days counted Monday–Friday (no official schedule that year)

    @property
    def has_time(self) -> bool:
        return len(self.due) > 10


def resolve(parts: list[Part], now: datetime, day_parts: dict | None = None) -> When | None:
    """Resolve joined parts against now. Deadlines go to the next occurrence in the future: a time without
    a day is today if still ahead, else tomorrow; a bare weekday whose time today has passed is next week's;
    a month and day without a year is this year's unless past. None if it cannot be resolved whole."""
    expression = Expression(sorted(parts, key=lambda p: p.start))
    moment = expression.first("moment")
    if moment is not None:
        return When(moment.strftime("%Y-%m-%dT%H:%M"))
    days = [p for p in expression.parts if p.day is not None]
    dated = [p for p in days if p.weekday is None] or days
    day: date | None = dated[0].day if dated else None
    if any(p.weekday is not None and p.weekday != day.weekday() for p in days):
        return None  # a weekday that is not the date's: which one was meant? claim nothing
    time_part = next((p for p in expression.parts if p.hour is not None), None)
    period = (time_part.period if time_part and time_part.period else None) or expression.first("period")
    at = None
    if time_part is not None:
        at = _clock(time_part.hour, time_part.minute, time_part.hour_sure, period)
        if at is None:
            return None
    elif period is not None:
        default = {**DEFAULT_DAY_PARTS, **(day_parts or {})}.get(DEFAULT_KEY.get(period, ""))
        if default is None:
            return None  # 凌晨 with no clock time: claim nothing
        at = (default[0], default[1], 0)
    if day is None and at is None:
        return None
    off_schedule = bool(expression.first("off_schedule"))
    if at is None:
        return When(day.isoformat(), past=day < now.date(), off_schedule=off_schedule)
    moment_of = lambda d: datetime(d.year, d.month, d.day, at[0], at[1]) + timedelta(days=at[2])  # noqa: E731
    if day is None:
        day = now.date()
        if moment_of(day) <= now:
            day += timedelta(days=1)
    elif len(days) == 1 and expression.first("weekday_bare") and moment_of(day) <= now:
        day += timedelta(days=7)
    found = moment_of(day)
    if time_part is None and found <= now and day == now.date():
        return When(day.isoformat(), off_schedule=off_schedule)  # 今晚 at 23:00: today, no passed default time
    return When(found.strftime("%Y-%m-%dT%H:%M"), past=found < now.replace(second=0, microsecond=0),
                off_schedule=off_schedule)


def parse_when(text: str, now: datetime, day_parts: dict | None = None) -> When | None:
    """The one grammar for a date field: the whole text must be one date expression ('下周一上午',
    '明早', 'tomorrow 3pm', '2026-12-01 15:00'); None for anything else."""
    text = " ".join((text or "").split())
    if not text or len(text) > 200:
        return None
    found = expressions(text, now)
    if len(found) != 1 or found[0].impossible:
        return None
    only = found[0]
    leftover = text[:only.start] + text[only.end:]
    if leftover.strip(" ,，.。") and not re.fullmatch(r"\s*(?:due|by|on|at|截止|之前|前)?\s*", leftover, re.IGNORECASE):
        return None
    return resolve(only.parts, now, day_parts)
