"""The typed table behind each dataset: creating it, upserting rows by key, undoing an import.

A dataset's rows live in `ds_<id>` with three bookkeeping columns before the report's own:
  _row_id    INTEGER PRIMARY KEY
  _key       TEXT UNIQUE — the row's key values joined (or, without a key, its content + occurrence)
  _import_id INTEGER — the import that added the row (undo deletes those rows)
Values are stored as: date/datetime ISO text, integer INTEGER, number/money REAL, percent REAL
fraction (0.4523), bool INTEGER 0/1, text TEXT. Bulk rows go through raw executemany (sqlite-utils
caps a batch at 999 ÷ columns rows), schema changes through plain SQL.
"""
from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import zlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Sequence

if TYPE_CHECKING:
    from sqlite_utils import Database


SQL_TYPES = {
    "date": "TEXT", "datetime": "TEXT", "text": "TEXT", "integer": "INTEGER", "bool": "INTEGER",
    "number": "REAL", "money": "REAL", "percent": "REAL",
}
KEY_SEPARATOR = "\x1f"
BOOKKEEPING = ("_row_id", "_key", "_import_id")
CORRECTIONS_KEPT = 1000


def quote(name: str) -> str:
    return "[" + name + "]"


def table_exists(db: Database, name: str) -> bool:
    """Plain SQL (db["t"].exists() would import sqlite-utils, ~45 ms of a CLI import's start)."""
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [name]).fetchone() is not None


def sql_name(name: str, taken: set[str]) -> str:
    """A column name SQLite accepts inside [ ], unique case-insensitively among `taken`."""
    base = re.sub(r"[\[\]\x00-\x1f]", "_", name).strip() or "column"
    if base.startswith("_"):
        base = "c" + base
    candidate, n = base, 2
    while candidate.lower() in taken:
        candidate, n = f"{base}_{n}", n + 1
    taken.add(candidate.lower())
    return candidate


def key_text(values: Sequence) -> str:
    """One string for a key tuple; floats that hold whole numbers print as integers."""
    parts = []
    for value in values:
        if value is None:
            parts.append("")
        elif isinstance(value, float) and value.is_integer():
            parts.append(str(int(value)))
        else:
            parts.append(str(value))
    return KEY_SEPARATOR.join(parts)


class ContentKeys:
    """Keys for a dataset without key columns: a hash of the row plus how often it occurred so far."""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def __call__(self, row: Sequence) -> str:
        digest = hashlib.blake2b(json.dumps(list(row), ensure_ascii=False, default=str).encode(), digest_size=12).hexdigest()
        n = self.seen.get(digest, 0) + 1
        self.seen[digest] = n
        return f"{digest}#{n}"


@dataclass
class UpsertResult:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicate_keys: int = 0
    corrections: list[dict] = field(default_factory=list)
    correction_count: int = 0
    removed: int = 0                          # rows of a replaced period the file no longer holds
    period: tuple[str, str] | None = None     # the days a keyless re-export replaced


def create_table(db: Database, table: str, columns: list[dict], unique_key: bool = True) -> None:
    """unique_key=False: the unique index on _key comes later, from insert_new (built once by sorting
    the keys, cheaper than keeping it up to date row by row)."""
    body = ", ".join(f"{quote(c['sql'])} {SQL_TYPES[c['type']]}" for c in columns)
    db.execute(f"CREATE TABLE {quote(table)} (_row_id INTEGER PRIMARY KEY, _key TEXT NOT NULL{' UNIQUE' if unique_key else ''}, "
               f"_import_id INTEGER{', ' + body if body else ''})")


def add_columns(db: Database, table: str, columns: list[dict]) -> None:
    for column in columns:
        db.execute(f"ALTER TABLE {quote(table)} ADD COLUMN {quote(column['sql'])} {SQL_TYPES[column['type']]}")


def drop_columns(db: Database, table: str, sql_names: list[str]) -> None:
    for name in sql_names:
        db.execute(f"ALTER TABLE {quote(table)} DROP COLUMN {quote(name)}")


def index_columns(db: Database, table: str, sql_names: list[str]) -> None:
    """An index per date/key column so series and browser queries stay fast on big datasets."""
    indexed = set()
    for (_seq, index_name, *_rest) in db.execute(f"PRAGMA index_list({quote(table)})").fetchall():
        parts = db.execute(f"PRAGMA index_info({quote(index_name)})").fetchall()
        if parts:
            indexed.add(parts[0][2].lower())  # its first column serves lookups by that column
    for name in sql_names:
        if name.lower() in indexed:
            continue
        # a stable name (hash() of a str changes from one process to the next)
        index = f"idx_{table}_{zlib.crc32(name.encode()) % 10**8}"
        db.execute(f"CREATE INDEX IF NOT EXISTS {quote(index)} ON {quote(table)} ({quote(name)})")


def _value_label(value) -> object:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _marks(count: int, nullif_slots: set[int] | frozenset = frozenset()) -> str:
    """Placeholders for the values; a slot in nullif_slots stores '' as NULL (done by SQLite, not per cell in Python)."""
    return ", ".join("NULLIF(?, '')" if i in nullif_slots else "?" for i in range(count))


def insert_new(db: Database, table: str, sql_names: list[str], keyed_rows: Iterable[list],
               import_id: int, nullif_slots: set[int] | frozenset = frozenset()) -> UpsertResult:
    """Rows ([key, *values]) into a new table made with create_table(unique_key=False); then its
    unique key index. A key repeated within the file: the later row's values win, at the first row's place."""
    t = quote(table)
    names = ", ".join(quote(n) for n in ("_key", "_import_id", *sql_names))
    marks = f"?, {int(import_id)}" + "".join(", " + m for m in [_marks(len(sql_names), nullif_slots)] if sql_names)
    db.conn.executemany(f"INSERT INTO {t} ({names}) VALUES ({marks})", keyed_rows)
    inserted = db.execute(f"SELECT max(_row_id) FROM {t}").fetchone()[0] or 0  # a new table: 1, 2, …
    unique = f"CREATE UNIQUE INDEX {quote('ux_' + table + '_key')} ON {t} (_key)"
    try:
        db.execute(unique)
    except sqlite3.IntegrityError:
        _keep_later_duplicates(db, table, sql_names)
        db.execute(unique)
    added = db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
    return UpsertResult(added=added, duplicate_keys=inserted - added)


def _keep_later_duplicates(db: Database, table: str, sql_names: list[str]) -> None:
    """Rows sharing a key: the first keeps its place and takes the last one's values; the others go."""
    t = quote(table)
    db.execute(f"CREATE INDEX temp_dup_key ON {t} (_key, _row_id)")
    if sql_names:
        cols = ", ".join(quote(n) for n in sql_names)
        db.execute(f"UPDATE {t} SET ({cols}) = (SELECT {cols} FROM {t} AS later WHERE later._key = {t}._key "
                   f"ORDER BY later._row_id DESC LIMIT 1) "
                   f"WHERE _row_id IN (SELECT min(_row_id) FROM {t} GROUP BY _key HAVING count(*) > 1)")
    db.execute(f"DELETE FROM {t} WHERE _row_id NOT IN (SELECT min(_row_id) FROM {t} GROUP BY _key)")
    db.execute("DROP INDEX temp_dup_key")


def _stage(db: Database, sql_names: list[str], sql_types: list[str] | None, numbered_rows: Iterable[list],
           nullif_slots: set[int] | frozenset) -> int:
    """The file's rows ([ordinal, key, *values]) into temp._stage (_n, _key, s0, s1, …); their count."""
    db.execute("DROP TABLE IF EXISTS temp._stage")
    typed = ", ".join(f"[s{i}] {t}" for i, t in enumerate(sql_types or ["" for _ in sql_names]))
    db.execute(f"CREATE TEMP TABLE _stage (_n INTEGER PRIMARY KEY, _key TEXT NOT NULL{', ' + typed if typed else ''})")
    marks = "?, ?" + "".join(", " + m for m in [_marks(len(sql_names), nullif_slots)] if sql_names)
    db.conn.executemany(f"INSERT INTO temp._stage VALUES ({marks})", numbered_rows)
    return db.execute("SELECT max(_n) FROM temp._stage").fetchone()[0] or 0


def upsert(db: Database, table: str, sql_names: list[str], display_names: list[str], key_display: list[str],
           numbered_rows: Iterable[list], import_id: int, dry_run: bool = False,
           sql_types: list[str] | None = None, native_fix=None,
           nullif_slots: set[int] | frozenset = frozenset()) -> UpsertResult:
    """Stage the file's rows ([ordinal, key, *values], ordinals 1, 2, …) in a temp table, then add
    new keys and update changed rows.

    Only the columns this file has are compared and written; a column missing from the file keeps
    its stored values. The values an update overwrites go to import_old_rows for undo.
    native_fix (importer.NativeFix) cleans cells staged as read: one pass over the staged rows finds
    the rows that differ from the stored ones and the new rows with a cell to clean; a row identical
    to a stored (clean) row needs no cleaning.
    """
    total = _stage(db, sql_names, sql_types, numbered_rows, nullif_slots)
    staged = ", ".join(quote(f"s{i}") for i in range(len(sql_names)))
    # one unique index built after the rows (a sort), cheaper than keeping it up to date row by
    # row; a key repeated within the file: the later row wins
    unique = "CREATE UNIQUE INDEX temp._stage_key ON _stage (_key)"
    try:
        db.execute(unique)
    except sqlite3.IntegrityError:
        db.execute("DELETE FROM temp._stage WHERE _n NOT IN (SELECT max(_n) FROM temp._stage GROUP BY _key)")
        db.execute(unique)
    result = UpsertResult()
    result.duplicate_keys = total - db.execute("SELECT count(*) FROM temp._stage").fetchone()[0]
    t = quote(table)
    stage_names = [f"s.[s{i}]" for i in range(len(sql_names))]
    target_names = ["t." + quote(n) for n in sql_names]
    same = " AND ".join(f"{a} IS {b}" for a, b in zip(target_names, stage_names)) or "1"
    dirty = native_fix.where(lambda slot: f"s.[s{slot}]") if native_fix is not None else "0"
    changed = db.conn.execute(
        f"SELECT s._n, t._row_id, s._key, {', '.join(target_names) or 'NULL'}, {', '.join(stage_names) or 'NULL'} "
        f"FROM temp._stage s LEFT JOIN {t} t ON t._key = s._key "
        f"WHERE (t._row_id IS NULL AND ({dirty})) OR (t._row_id IS NOT NULL AND NOT ({same}))")
    n = len(sql_names)
    key_positions = [display_names.index(k) for k in key_display if k in display_names]
    update_sql = f"UPDATE {t} SET {', '.join(f'{quote(c)} = ?' for c in sql_names)} WHERE _row_id = ?"
    old_rows, updates, cleaned = [], [], []
    for row in changed:
        ordinal, row_id, key, old, new = row[0], row[1], row[2], row[3:3 + n], list(row[3 + n:3 + 2 * n])
        if native_fix is not None:
            new = native_fix.fix(ordinal, new)
        if row_id is None:  # a new row with cells to clean: cleaned in the stage before it is added
            cleaned.append([*new, ordinal])
            continue
        if all(a is b or a == b for a, b in zip(old, new)):
            continue  # only the cells as read differed; cleaned, they equal the stored row
        result.updated += 1
        label = " ".join(str(_value_label(new[p])) for p in key_positions) if key_positions else key[:12]
        for i in range(n):
            if old[i] is not new[i] and old[i] != new[i]:
                result.correction_count += 1
                if len(result.corrections) < CORRECTIONS_KEPT:
                    result.corrections.append({"key": label, "column": display_names[i],
                                               "old": _value_label(old[i]), "new": _value_label(new[i])})
        old_rows.append((import_id, row_id, json.dumps(dict(zip(sql_names, old)), ensure_ascii=False)))
        updates.append([*new, row_id])
    if cleaned:
        db.conn.executemany(f"UPDATE temp._stage SET {', '.join(f'[s{i}] = ?' for i in range(n))} WHERE _n = ?", cleaned)
    if not dry_run:
        db.conn.executemany("INSERT INTO import_old_rows (import_id, row_id, data) VALUES (?, ?, ?)", old_rows)
        db.conn.executemany(update_sql, updates)
    # the new keys go in (a dry run is rolled back by the caller); the row count is what was added
    cols = ", ".join(quote(c) for c in sql_names)
    result.added = db.conn.execute(
        f"INSERT INTO {t} (_key, _import_id{', ' + cols if cols else ''}) "
        f"SELECT s._key, ?{', ' + staged if staged else ''} FROM temp._stage s "
        f"WHERE NOT EXISTS (SELECT 1 FROM {t} t WHERE t._key = s._key)", [import_id]).rowcount
    result.unchanged = total - result.duplicate_keys - result.added - result.updated
    db.execute("DROP TABLE temp._stage")
    return result


def undo_rows(db: Database, table: str, import_id: int) -> None:
    """Delete the rows an import added, put back the values it overwrote and the rows it removed
    (a removed row is kept whole, with its _row_id, _key and _import_id)."""
    t = quote(table)
    db.execute(f"DELETE FROM {t} WHERE _import_id = ?", [import_id])
    existing = {r[1] for r in db.execute(f"PRAGMA table_info({t})").fetchall()}
    for row_id, data in db.execute("SELECT row_id, data FROM import_old_rows WHERE import_id = ?", [import_id]).fetchall():
        old = {k: v for k, v in json.loads(data).items() if k in existing}
        if "_key" in old:
            db.execute(f"INSERT INTO {t} ({', '.join(quote(k) for k in old)}) VALUES ({', '.join('?' * len(old))})",
                       list(old.values()))
        elif old:
            db.execute(f"UPDATE {t} SET {', '.join(f'{quote(k)} = ?' for k in old)} WHERE _row_id = ?",
                       [*old.values(), row_id])
    db.execute("DELETE FROM import_old_rows WHERE import_id = ?", [import_id])
