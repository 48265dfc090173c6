"""Demo alert rules and fired alerts (called by workbench/demo.py inside one transaction)."""
from __future__ import annotations

import random
from datetime import date

from sqlite_utils import Database


def fill(db: Database, today: date, scale: int, rng: random.Random) -> None:
    """Add realistic, coherent demo rows dated around today; scale multiplies the volume."""
