"""The one text form of a moment that every table stores: local time to the second, "YYYY-MM-DDTHH:MM:SS"
(it sorts as text, and SQLite's date functions read it)."""
from __future__ import annotations

from datetime import datetime


def now_text(now: datetime) -> str:
    return now.strftime("%Y-%m-%dT%H:%M:%S")
