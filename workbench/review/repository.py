"""The operator's own text of each week's review: the four sections of the 复盘 method."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from workbench.review.weeks import IsoWeek
from workbench.store import write_transaction

if TYPE_CHECKING:
    from sqlite_utils import Database

SECTIONS = ("goal_review", "results", "process", "lessons")
SECTION_NAMES_ZH = {"goal_review": "目标回顾", "results": "结果陈述", "process": "过程分析", "lessons": "规律总结"}


@dataclass
class ReviewText:
    week: str
    goal_review: str = ""
    results: str = ""
    process: str = ""
    lessons: str = ""
    updated_at: str | None = None

    def section(self, key: str) -> str:
        return getattr(self, key)

    @property
    def is_empty(self) -> bool:
        return not any(self.section(k).strip() for k in SECTIONS)


def load_review(db: Database, week: IsoWeek) -> ReviewText:
    row = db.execute("SELECT week, goal_review, results, process, lessons, updated_at FROM reviews WHERE week = ?",
                     [week.label]).fetchone()
    if row is None:
        return ReviewText(week.label)
    return ReviewText(row[0], *(value or "" for value in row[1:5]), row[5])


def save_section(db: Database, week: IsoWeek, key: str, text: str, *, now: datetime) -> None:
    if key not in SECTIONS:
        raise KeyError(key)
    stamp = now.strftime("%Y-%m-%dT%H:%M:%S")
    with write_transaction(db):
        db.execute("INSERT INTO reviews (week, updated_at) VALUES (?, ?) ON CONFLICT(week) DO NOTHING", [week.label, stamp])
        db.execute(f"UPDATE reviews SET {key} = ?, updated_at = ? WHERE week = ?", [text or "", stamp, week.label])


def save_review(db: Database, review: ReviewText, *, now: datetime) -> None:
    with write_transaction(db):
        for key in SECTIONS:
            save_section(db, IsoWeek.parse(review.week), key, review.section(key), now=now)


def reviewed_weeks(db: Database) -> list[str]:
    """Weeks with saved text, newest first."""
    return [row[0] for row in db.execute(
        "SELECT week FROM reviews WHERE trim(goal_review || results || process || lessons) != '' ORDER BY week DESC")]
