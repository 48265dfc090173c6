"""Tables of the review feature, as a sqlite-utils Migrations set (see workbench/schema.py).

reviews  one row per ISO week ('2026-W48') with the operator's four sections of the 复盘 method.
"""
from workbench.store.migrate import Database, Migrations  # sqlite-utils' own, loaded without numpy

migrations = Migrations("review")


@migrations()
def create_reviews(db: Database) -> None:
    db["reviews"].create(
        {"week": str, "goal_review": str, "results": str, "process": str, "lessons": str, "updated_at": str},
        pk="week",
        defaults={"goal_review": "", "results": "", "process": "", "lessons": ""},
    )


@migrations()
def index_contacts_for_week_facts(db: Database) -> None:
    # The review counts a week's contacts by channel/topic/outcome and distinct users. With ~125k
    # contacts in a week (demo --scale 100) the row lookups behind idx_contacts_at cost ~600 ms; this
    # covering index answers those counts from the index alone. The contacts table belongs to the
    # contacts feature: this only adds a read-side index, nothing the contacts code depends on.
    if db["contacts"].exists():
        db.execute("CREATE INDEX IF NOT EXISTS idx_contacts_week_facts"
                   " ON contacts (at, channel, topic, outcome, user_id)")
