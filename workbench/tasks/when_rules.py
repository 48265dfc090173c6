"""The date grammar's rules: each named rule reads one kind of *part* (a day, a clock time, a part of the
day, or a moment) out of the normalised line. when_grammar.py joins adjacent parts into one expression and
resolves it against `now`.

A rule is a regular expression plus a builder, registered in order: at any position the first rule that
matches wins, so longer forms come before the shorter forms they contain (下周一 before 下周, 'April 14,
2027' before 'April 14'). Each rule lists examples; a test checks that every example is read whole by it.
The rules live by family in when_rules_relative.py (relative times, working days, durations),
when_rules_dates.py (calendar dates, month edges, holidays), when_rules_days.py (weeks, relative days,
days of the month) and when_rules_clock.py (clock times, parts of the day), imported below in that order.
To add a form: write a rule with examples in its family's module; nothing else needs to change.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from workbench.tasks.when_words import number


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


def on_day(found: date | None, **extra) -> dict | None:
    return {"day": found, **extra} if found else None


IMPOSSIBLE = {"impossible": True}
YEAR_WORD = {"今年": 0, "明年": 1, "后年": 2, "去年": -1}
BEFORE = r"(?:之前|以前|前)?"  # 周五前 / 'by friday' is the same deadline as 周五


def written_year(g: dict, ctx: Context) -> int | None:
    if g.get("yw"):
        return ctx.today.year + YEAR_WORD[g["yw"]]
    return number(g.get("y"))


def _register_families() -> None:
    """The families register their rules on import, in this order (the order is the rules' priority)."""
    from importlib import import_module

    for family in ("when_rules_relative", "when_rules_dates", "when_rules_days", "when_rules_clock"):
        import_module(f"workbench.tasks.{family}")


_register_families()
