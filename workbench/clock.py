"""The one place that reads the wall clock.

Feature code never asks the time: every feature function takes `now` (or `today`) from its caller.
The callers get it from here: the window through `AppContext.now()`, the command line through its
global `--now` option (default: this clock). Tests pass a fixed moment, so no test depends on the day it runs.
"""
from __future__ import annotations

from datetime import datetime


def wall_clock() -> datetime:
    """The local time now, to the second (stored times are local text to the second)."""
    return datetime.now().replace(microsecond=0)
