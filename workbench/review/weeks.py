"""ISO weeks ('2026-W48'): parsing, bounds, neighbours. Pure."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from workbench.errors import UserError

_WEEK_RE = re.compile(r"^\s*(\d{4})-?W(\d{1,2})\s*$", re.IGNORECASE)


@dataclass(frozen=True, order=True)
class IsoWeek:
    year: int
    week: int

    @classmethod
    def parse(cls, text: str) -> "IsoWeek":
        match = _WEEK_RE.match(str(text or ""))
        if match:
            year, week = int(match.group(1)), int(match.group(2))
            try:
                date.fromisocalendar(year, week, 1)
                return cls(year, week)
            except ValueError:
                pass
        raise UserError(f"“{text}”不是有效的 ISO 周（例如 2026-W48）。",
                        f"“{text}” is not a valid ISO week (for example 2026-W48).")

    @classmethod
    def of(cls, day: date) -> "IsoWeek":
        year, week, _ = day.isocalendar()
        return cls(year, week)

    @property
    def label(self) -> str:
        return f"{self.year}-W{self.week:02d}"

    @property
    def monday(self) -> date:
        return date.fromisocalendar(self.year, self.week, 1)

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)

    @property
    def next_monday(self) -> date:
        return self.monday + timedelta(days=7)

    def previous(self) -> "IsoWeek":
        return IsoWeek.of(self.monday - timedelta(days=7))

    def next(self) -> "IsoWeek":
        return IsoWeek.of(self.next_monday)

    def days(self) -> list[date]:
        return [self.monday + timedelta(days=i) for i in range(7)]

    def span_text(self) -> str:
        return f"{self.monday:%m-%d} ~ {self.sunday:%m-%d}"

    def __str__(self) -> str:
        return self.label
