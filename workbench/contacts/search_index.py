"""The short-query index: each contact's summary one character per token (contacts_short).

A trigram FTS5 index returns nothing for a 1- or 2-character query, and LIKE over a million
summaries costs ~180 ms. Writing the text as single-character tokens lets FTS5 answer "预算" as
the phrase query "预 算" from its index. The table is contentless (it stores no text), so deleting
an entry needs the indexed text again: callers pass the summary they indexed.
"""
from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from sqlite_utils import Database


# Characters that become tokens: letters and digits of any script (CJK included); the rest is a break.
_TOKEN_CHAR = re.compile(r"\w", re.UNICODE)


def spaced(text: str | None) -> str:
    """'预算超支, ok' ⇒ '预 算 超 支 o k' (lower-cased, punctuation dropped)."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).lower()
    return " ".join(ch for ch in text if _TOKEN_CHAR.match(ch) and ch != "_")


def phrase_query(query: str) -> str | None:
    """The FTS5 phrase for a short query, or None if it has no searchable character."""
    tokens = spaced(query)
    return f'"{tokens}"' if tokens else None


def index_contact(db: Database, contact_id: int, summary: str | None) -> None:
    tokens = spaced(summary)
    if tokens:
        db.execute("INSERT INTO contacts_short (rowid, chars) VALUES (?, ?)", [contact_id, tokens])


def index_contacts(db: Database, rows: Iterable[tuple[int, str]]) -> None:
    """Bulk (demo, import): rows of (contact id, summary)."""
    db.conn.executemany("INSERT INTO contacts_short (rowid, chars) VALUES (?, ?)",
                        ((cid, t) for cid, t in ((cid, spaced(s)) for cid, s in rows) if t))


def unindex_contact(db: Database, contact_id: int, summary: str | None) -> None:
    tokens = spaced(summary)
    if tokens:
        db.execute("INSERT INTO contacts_short (contacts_short, rowid, chars) VALUES ('delete', ?, ?)",
                   [contact_id, tokens])


def unindex_contacts(db: Database, contact_ids: list[int]) -> None:
    for start in range(0, len(contact_ids), 500):
        chunk = contact_ids[start:start + 500]
        rows = db.execute(f"SELECT id, summary FROM contacts WHERE id IN ({', '.join('?' * len(chunk))})", chunk).fetchall()
        for contact_id, summary in rows:
            unindex_contact(db, contact_id, summary)


def rebuild_short_index(db: Database) -> int:
    """Recreate the short index from the contacts table (repair, or after a bulk load)."""
    db.execute("INSERT INTO contacts_short (contacts_short) VALUES ('delete-all')")
    count = 0
    cursor = db.execute("SELECT id, summary FROM contacts")
    while True:
        batch = cursor.fetchmany(20000)
        if not batch:
            return count
        index_contacts(db, batch)
        count += len(batch)
