"""Tables of the review feature, as a sqlite-utils Migrations set (see workbench/schema.py).

reviews  one row per ISO week ('2026-W48') with the operator's four sections of the 复盘 method.
"""
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("review")


@migrations()
def create_reviews(db: Database) -> None:
    db["reviews"].create(
        {"week": str, "goal_review": str, "results": str, "process": str, "lessons": str, "updated_at": str},
        pk="week",
        defaults={"goal_review": "", "results": "", "process": "", "lessons": ""},
    )
