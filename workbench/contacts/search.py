"""Search across users, contacts, findings and snippets — Chinese included.

Two paths, because a trigram index cannot answer short queries:
- 3+ characters: the FTS5 trigram tables (<table>_fts), substring semantics, indexed.
- 1–2 characters (a 2-character name such as 王芳, a word such as 预算): the user table by name
  prefix (index range) and a contains-scan over 100k names, contacts through the single-character
  phrase index (contacts_short), findings and snippets (small tables) by LIKE.
Contacts are ranked newest first (the operator looks for a recent call); the others by bm25.
Every hit carries a snippet with the match marked «like this».
"""
from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING

from workbench.export_safety import clean_text
from workbench.contacts.search_index import phrase_query
from workbench.privacy import mask_phone, mask_text

if TYPE_CHECKING:
    from sqlite_utils import Database

SHORT = 2  # queries up to this many characters take the short path
PER_KIND = {"user": 20, "contact": 50, "finding": 20, "snippet": 20}


@dataclass
class Hit:
    kind: str  # user / contact / finding / snippet
    id: int
    title: str
    snippet: str


@dataclass
class SearchResult:
    query: str
    hits: list[Hit] = field(default_factory=list)
    ms: float = 0.0

    def to_json(self) -> dict:
        return {"hits": [asdict(h) for h in self.hits], "ms": round(self.ms, 2)}


def highlight(text: str | None, query: str, width: int = 24) -> str:
    """A window of text around the first match, the match marked «…»; masked for personal data.

    The whole text is masked before the match is looked for: masking the pieces around a match would
    leave a phone whole when the query is part of it (1381234 in 13812345678 showed every digit). A
    match inside the hidden digits is then not found, and the start of the text is shown instead."""
    text = " ".join(mask_text(text or "").split())
    if not text:
        return ""
    at = text.lower().find(query.lower()) if query else -1
    if at < 0:
        return text[:2 * width] + ("…" if len(text) > 2 * width else "")
    start = max(0, at - width)
    end = min(len(text), at + len(query) + width)
    before, match, after = text[start:at], text[at:at + len(query)], text[at + len(query):end]
    return ("…" if start else "") + before + "«" + match + "»" + after + ("…" if end < len(text) else "")


def fts_phrase(query: str) -> str:
    return '"' + query.replace('"', '""') + '"'


def like_pattern(query: str) -> str:
    return "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def search(db: Database, query: str, *, kinds: tuple[str, ...] = ("user", "contact", "finding", "snippet"),
           limit: dict | None = None) -> SearchResult:
    started = time.perf_counter()
    # NUL and other control characters end an FTS5 string early ("unterminated string"); a pasted
    # query may hold them, and lone surrogates cannot be encoded for SQLite at all.
    query = " ".join(clean_text(query or "").split())
    result = SearchResult(query)
    if not query:
        return result
    limits = {**PER_KIND, **(limit or {})}
    short = len(query) <= SHORT
    for kind in kinds:
        finder = (SHORT_FINDERS if short else LONG_FINDERS)[kind]
        result.hits += finder(db, query, limits[kind])
    result.ms = (time.perf_counter() - started) * 1000
    return result


# --- users ---------------------------------------------------------------------------------------
def _user_hit(row, query: str) -> Hit:
    user_id, name, external_id, phone, wechat, stage, notes = row
    title = " · ".join(p for p in (name or f"#{user_id}", external_id or "", mask_phone(phone), stage or "") if p)
    if query.isdigit() and phone and query in phone:
        snippet = mask_phone(phone)
    elif name and query.lower() in name.lower():
        snippet = highlight(name, query)
    elif external_id and query.lower() in external_id.lower():
        snippet = highlight(external_id, query)
    elif wechat and query.lower() in wechat.lower():
        snippet = wechat[:2] + "***" + wechat[-2:]
    else:
        snippet = highlight(notes, query)
    return Hit("user", user_id, title, snippet)


USER_FIELDS = "u.id, u.name, u.external_id, u.phone, u.wechat, u.stage, u.notes"


def _users_long(db: Database, query: str, limit: int) -> list[Hit]:
    rows = db.execute(f"SELECT {USER_FIELDS} FROM users_fts f JOIN users u ON u.id = f.rowid"
                      " WHERE users_fts MATCH ? ORDER BY f.rank LIMIT ?", [fts_phrase(query), limit]).fetchall()
    return [_user_hit(r, query) for r in rows]


def _users_short(db: Database, query: str, limit: int) -> list[Hit]:
    # Exact names and name prefixes through the name index first, then a contains-scan.
    rows = db.execute(f"SELECT {USER_FIELDS} FROM users u WHERE u.name >= ? AND u.name < ? ORDER BY length(u.name), u.id LIMIT ?",
                      [query, query + "\U0010ffff", limit]).fetchall()
    if len(rows) < limit:
        seen = {r[0] for r in rows}
        pattern = like_pattern(query)
        if query.isascii():
            more = db.execute(f"SELECT {USER_FIELDS} FROM users u WHERE (u.name LIKE ? ESCAPE '\\' OR u.external_id LIKE ? ESCAPE '\\'"
                              " OR u.wechat LIKE ? ESCAPE '\\') LIMIT ?", [pattern, pattern, pattern, limit * 2]).fetchall()
        else:  # user ids and WeChat ids are ASCII: a Chinese query only needs the names
            more = db.execute(f"SELECT {USER_FIELDS} FROM users u WHERE u.name LIKE ? ESCAPE '\\' LIMIT ?",
                              [pattern, limit * 2]).fetchall()
        rows += [r for r in more if r[0] not in seen][:limit - len(rows)]
    return [_user_hit(r, query) for r in rows]


# --- contacts ------------------------------------------------------------------------------------
CONTACT_FIELDS = "c.id, c.at, u.name, c.channel, c.topic, c.outcome, c.summary"


def _contact_hit(row, query: str) -> Hit:
    contact_id, at, name, channel, topic, outcome, summary = row
    title = " ".join(p for p in ((at or "")[:16].replace("T", " "), name or "", channel or "", topic or "", outcome or "") if p)
    return Hit("contact", contact_id, mask_text(title), highlight(summary, query))


def _contacts_long(db: Database, query: str, limit: int) -> list[Hit]:
    rows = db.execute(f"SELECT {CONTACT_FIELDS} FROM contacts c LEFT JOIN users u ON u.id = c.user_id"
                      " WHERE c.id IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ? ORDER BY rowid DESC LIMIT ?)"
                      " ORDER BY c.id DESC", [fts_phrase(query), limit]).fetchall()
    return [_contact_hit(r, query) for r in rows]


def _contacts_short(db: Database, query: str, limit: int) -> list[Hit]:
    phrase = phrase_query(query)
    if phrase is None:
        return []
    rows = db.execute(f"SELECT {CONTACT_FIELDS} FROM contacts c LEFT JOIN users u ON u.id = c.user_id"
                      " WHERE c.id IN (SELECT rowid FROM contacts_short WHERE contacts_short MATCH ? ORDER BY rowid DESC LIMIT ?)"
                      " ORDER BY c.id DESC", [phrase, limit]).fetchall()
    return [_contact_hit(r, query) for r in rows]


# --- findings and snippets -------------------------------------------------------------------------
def _finding_hit(row, query):
    finding_id, kind, text, status, mentions = row
    return Hit("finding", finding_id, f"{kind} · {status} · {mentions}", highlight(text, query))


def _findings_long(db, query, limit):
    rows = db.execute("SELECT f.id, f.kind, f.text, f.status, f.mentions FROM findings_fts s JOIN findings f ON f.id = s.rowid"
                      " WHERE findings_fts MATCH ? AND f.merged_into_id IS NULL ORDER BY s.rank LIMIT ?",
                      [fts_phrase(query), limit]).fetchall()
    return [_finding_hit(r, query) for r in rows]


def _findings_short(db, query, limit):
    rows = db.execute("SELECT id, kind, text, status, mentions FROM findings WHERE text LIKE ? ESCAPE '\\'"
                      " AND merged_into_id IS NULL ORDER BY mentions DESC LIMIT ?", [like_pattern(query), limit]).fetchall()
    return [_finding_hit(r, query) for r in rows]


def _snippet_hit(row, query):
    from workbench.tasks.generated_text import title as shown_title

    snippet_id, stored, body, kind, params = row
    title = shown_title(stored, kind, params)
    text = body if query.lower() not in (title or "").lower() else title
    return Hit("snippet", snippet_id, mask_text(title), highlight(text, query))


def _snippets_long(db, query, limit):
    rows = db.execute("SELECT n.id, n.title, n.body, n.title_kind, n.title_params FROM snippets_fts s JOIN snippets n ON n.id = s.rowid"
                      " WHERE snippets_fts MATCH ? AND n.archived = 0 ORDER BY s.rank LIMIT ?", [fts_phrase(query), limit]).fetchall()
    return [_snippet_hit(r, query) for r in rows]


def _snippets_short(db, query, limit):
    pattern = like_pattern(query)
    rows = db.execute("SELECT id, title, body, title_kind, title_params FROM snippets WHERE archived = 0 AND (title LIKE ? ESCAPE '\\'"
                      " OR body LIKE ? ESCAPE '\\') ORDER BY use_count DESC LIMIT ?", [pattern, pattern, limit]).fetchall()
    return [_snippet_hit(r, query) for r in rows]


LONG_FINDERS = {"user": _users_long, "contact": _contacts_long, "finding": _findings_long, "snippet": _snippets_long}
SHORT_FINDERS = {"user": _users_short, "contact": _contacts_short, "finding": _findings_short, "snippet": _snippets_short}


def find_users(db: Database, text: str, limit: int = 10) -> list[int]:
    """The contact form's user picker: ids matching a name, user id, phone (or its last digits) or WeChat."""
    text = " ".join((text or "").split())
    if not text:
        return []
    hits = (_users_short if len(text) <= SHORT else _users_long)(db, text, limit)
    if not hits and text.isdigit() and len(text) >= 3:
        # A phone tail typed with a separator or a number the trigram index split oddly: scan suffixes.
        rows = db.execute("SELECT id FROM users WHERE phone LIKE ? LIMIT ?", ["%" + text, limit]).fetchall()
        return [r[0] for r in rows]
    return [h.id for h in hits]
