"""Retention: contact logs older than N months are deleted, from the search indexes too, and wiped.

The operator sets N in 设置 › 隐私 (stored_settings.RETENTION_MONTHS; 0 = keep everything). A purge
deletes the contacts in one write transaction with `secure_delete` on (freed pages are zeroed),
removes them from the contentless short-query index (contacts_short) by hand — the trigram
contacts_fts follows through its triggers — merges the FTS segments so deleted tokens leave the
index b-trees, then truncates the WAL (it holds old page images) and, if asked, VACUUMs. Tasks
that pointed at a deleted contact keep their text and lose the link. The purge is audited.
"""
from __future__ import annotations

from datetime import date, datetime, time
from typing import TYPE_CHECKING

from workbench import audit
from workbench.store import write_transaction

if TYPE_CHECKING:
    from sqlite_utils import Database

FTS_TABLES_TO_MERGE = ("contacts_fts", "contacts_short")


def retention_months(db: Database) -> int:
    """The operator's setting (stored_settings.RETENTION_MONTHS, edited in 设置 › 隐私); 0 keeps everything."""
    from workbench import stored_settings

    value = stored_settings.get(db, stored_settings.RETENTION_MONTHS)
    return max(0, int(value)) if isinstance(value, int) else 0


def set_retention_months(db: Database, months: int) -> None:
    from workbench import stored_settings

    stored_settings.put(db, {stored_settings.RETENTION_MONTHS: max(0, int(months))})


def cutoff_date(today: date, months: int) -> date:
    """The same day N months earlier (the 31st becomes the month's last day)."""
    month_index = today.year * 12 + (today.month - 1) - months
    year, month = divmod(month_index, 12)
    month += 1
    for day in range(today.day, 27, -1):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    return date(year, month, min(today.day, 28))


def count_older_than(db: Database, months: int, today: date) -> int:
    if months <= 0 or not db["contacts"].exists():
        return 0
    cutoff = cutoff_date(today, months).isoformat()
    return db.execute("SELECT count(*) FROM contacts WHERE at < ?", [cutoff]).fetchone()[0]


def purge_contacts_older_than(db: Database, months: int, today: date, *, vacuum: bool = False) -> int:
    """Delete contacts dated before the cutoff; returns how many. months <= 0 deletes nothing."""
    if months <= 0 or not db["contacts"].exists():
        return 0
    from workbench.contacts import findings as findings_module
    from workbench.contacts import search_index

    cutoff = cutoff_date(today, months).isoformat()
    previous = db.execute("PRAGMA secure_delete").fetchone()[0]
    db.execute("PRAGMA secure_delete=ON")
    try:
        with write_transaction(db):
            ids = [row[0] for row in db.execute("SELECT id FROM contacts WHERE at < ? ORDER BY id", [cutoff])]
            if not ids:
                return 0
            db.execute("CREATE TEMP TABLE IF NOT EXISTS purge_ids (id INTEGER PRIMARY KEY)")
            db.execute("DELETE FROM temp.purge_ids")
            db.conn.executemany("INSERT INTO temp.purge_ids (id) VALUES (?)", ((i,) for i in ids))
            search_index.unindex_contacts(db, ids)
            mentioned = [row[0] for row in db.execute(
                "SELECT DISTINCT contact_id FROM finding_mentions WHERE contact_id IN (SELECT id FROM temp.purge_ids)")]
            for contact_id in mentioned:
                findings_module.forget_contact(db, contact_id, now=datetime.combine(today, time()))
            db.execute("UPDATE findings SET source_contact_id = NULL WHERE source_contact_id IN (SELECT id FROM temp.purge_ids)")
            if db["tasks"].exists():
                db.execute("UPDATE tasks SET contact_id = NULL WHERE contact_id IN (SELECT id FROM temp.purge_ids)")
            db.execute("DELETE FROM contacts WHERE id IN (SELECT id FROM temp.purge_ids)")
            db.execute("DELETE FROM temp.purge_ids")
            for table in FTS_TABLES_TO_MERGE:
                if db[table].exists():
                    db.execute(f"INSERT INTO [{table}] ([{table}]) VALUES ('optimize')")
            audit.record(db, audit.RETENTION_PURGE, f"contacts before {cutoff}", rows=len(ids), masked=True)
    finally:
        db.execute(f"PRAGMA secure_delete={int(previous)}")
    if vacuum:
        db.execute("VACUUM")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return len(ids)


def apply_retention(db: Database, today: date) -> int:
    """Run the operator's retention setting (at start-up, once the daily backup is written)."""
    return purge_contacts_older_than(db, retention_months(db), today)
