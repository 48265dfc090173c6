"""Re-importing a report without a key: the file's rows replace the stored rows of the period it covers.

A sheet with many rows per date and no identifier (daily sales by product, an order list without
order numbers) cannot be matched row by row on a key. A re-export is treated as a BI refresh: the
days from its first to its last date now hold exactly the file's rows. Rows are matched on their
stored values (multiset: a row stored twice and exported twice stays twice), so an identical file
changes nothing and a corrected file changes only the rows that differ. Stored rows of the period
that the file lacks are removed (kept in import_old_rows for undo), the file's other rows added;
a removed and an added row on the same day count as one changed row, with its corrections listed.
Rows without a date, and files without a date column, only add the rows not stored yet.
"""
from __future__ import annotations

import json
from typing import TYPE_CHECKING, Iterable

from workbench.reports.dataset_tables import CORRECTIONS_KEPT, UpsertResult, _stage, _value_label, quote

if TYPE_CHECKING:
    from sqlite_utils import Database

PAIRING_BUDGET = 250_000  # cell-by-cell pairing of removed and added rows of a day, beyond it in order
LABEL_PARTS = 3


def _signature(names: list[str]) -> str:
    """One text per row that two equal rows share: quote() of each typed value (36 and 36.0 differ
    only between columns of different types, and both sides use the dataset's column types)."""
    return " || char(31) || ".join(f"quote({n})" for n in names) or "''"


def replace_rows(db: Database, table: str, sql_names: list[str], display_names: list[str], date_slot: int | None,
                 numbered_rows: Iterable[list], import_id: int, sql_types: list[str] | None = None,
                 native_fix=None, nullif_slots: set[int] | frozenset = frozenset()) -> UpsertResult:
    total = _stage(db, sql_names, sql_types, numbered_rows, nullif_slots)
    if native_fix is not None:
        _clean_stage(db, sql_names, native_fix)
    t = quote(table)
    result = UpsertResult()
    stored_date = quote(sql_names[date_slot]) if date_slot is not None else None
    period = None
    if date_slot is not None:
        low, high = db.execute(f"SELECT min(substr(s{date_slot}, 1, 10)), max(substr(s{date_slot}, 1, 10)) "
                               f"FROM temp._stage WHERE s{date_slot} IS NOT NULL").fetchone()
        period = (low, high) if low else None
    if period:
        scope = f"WHERE {stored_date} BETWEEN ? AND ? OR {stored_date} IS NULL"
        in_period = f"{stored_date} IS NOT NULL"
        args = [period[0], period[1] + "T99"]
    else:
        scope, in_period, args = "", "0", []
    db.execute("DROP TABLE IF EXISTS temp._old")
    db.execute("DROP TABLE IF EXISTS temp._new")
    db.execute(f"CREATE TEMP TABLE _old AS SELECT id, sig, in_period, "
               f"row_number() OVER (PARTITION BY sig ORDER BY id) AS occ FROM ("
               f"SELECT _row_id AS id, {_signature([quote(n) for n in sql_names])} AS sig, {in_period} AS in_period "
               f"FROM {t} {scope})", args)
    db.execute(f"CREATE TEMP TABLE _new AS SELECT n, sig, row_number() OVER (PARTITION BY sig ORDER BY n) AS occ "
               f"FROM (SELECT _n AS n, {_signature([f's{i}' for i in range(len(sql_names))])} AS sig FROM temp._stage)")
    db.execute("CREATE INDEX temp._old_sig ON _old (sig, occ)")
    db.execute("CREATE INDEX temp._new_sig ON _new (sig, occ)")
    gone_ids = [r[0] for r in db.execute(
        "SELECT id FROM temp._old o WHERE in_period AND NOT EXISTS "
        "(SELECT 1 FROM temp._new n WHERE n.sig = o.sig AND n.occ = o.occ) ORDER BY id")]
    new_ns = [r[0] for r in db.execute(
        "SELECT n FROM temp._new n WHERE NOT EXISTS "
        "(SELECT 1 FROM temp._old o WHERE o.sig = n.sig AND o.occ = n.occ) ORDER BY n")]
    gone = _stored_rows(db, table, gone_ids)
    changed = _pair_by_day(gone, _staged_rows(db, new_ns, len(sql_names)), sql_names, display_names, date_slot,
                           sql_types or [], result)
    db.conn.executemany("INSERT INTO import_old_rows (import_id, row_id, data) VALUES (?, ?, ?)",
                        [(import_id, row["_row_id"], json.dumps(row, ensure_ascii=False)) for row in gone])
    db.conn.executemany(f"DELETE FROM {t} WHERE _row_id = ?", [[i] for i in gone_ids])
    db.execute("DROP TABLE IF EXISTS temp._adding")
    db.execute("CREATE TEMP TABLE _adding (n INTEGER PRIMARY KEY)")
    db.conn.executemany("INSERT INTO temp._adding VALUES (?)", [[n] for n in new_ns])
    cols = "".join(", " + quote(c) for c in sql_names)
    staged = "".join(f", s.[s{i}]" for i in range(len(sql_names)))
    # a content key already used by a stored row (the same values written differently) gets a suffix
    db.execute(f"INSERT INTO {t} (_key, _import_id{cols}) "
               f"SELECT CASE WHEN EXISTS (SELECT 1 FROM {t} k WHERE k._key = s._key) "
               f"THEN s._key || '~' || ? || '.' || s._n ELSE s._key END, ?{staged} "
               f"FROM temp._stage s JOIN temp._adding a ON a.n = s._n ORDER BY s._n", [import_id, import_id])
    result.updated = changed
    result.added = len(new_ns) - changed
    result.removed = len(gone_ids) - changed
    result.unchanged = total - len(new_ns)
    result.period = period
    for name in ("_stage", "_old", "_new", "_adding"):
        db.execute(f"DROP TABLE temp.{name}")
    return result


def _clean_stage(db: Database, sql_names: list[str], native_fix) -> None:
    """Convert the staged cells the reader passed as read (numbers as text, padded text …)."""
    n = len(sql_names)
    found = db.execute(f"SELECT s._n, {', '.join(f's.[s{i}]' for i in range(n))} FROM temp._stage s "
                       f"WHERE {native_fix.where(lambda slot: f's.[s{slot}]')}").fetchall()
    cleaned = [[*native_fix.fix(row[0], list(row[1:])), row[0]] for row in found]
    if cleaned:
        db.conn.executemany(f"UPDATE temp._stage SET {', '.join(f'[s{i}] = ?' for i in range(n))} WHERE _n = ?",
                            cleaned)


def _stored_rows(db: Database, table: str, row_ids: list[int]) -> list[dict]:
    """Whole stored rows (bookkeeping columns included: undo puts them back as they were)."""
    out = []
    for start in range(0, len(row_ids), 500):
        chunk = row_ids[start:start + 500]
        cursor = db.execute(f"SELECT * FROM {quote(table)} WHERE _row_id IN ({', '.join('?' * len(chunk))}) "
                            "ORDER BY _row_id", chunk)
        names = [d[0] for d in cursor.description]
        out += [dict(zip(names, row)) for row in cursor.fetchall()]
    return out


def _staged_rows(db: Database, ordinals: list[int], width: int) -> list[list]:
    out = []
    for start in range(0, len(ordinals), 500):
        chunk = ordinals[start:start + 500]
        out += [list(r) for r in db.execute(
            f"SELECT {', '.join(f's{i}' for i in range(width)) or 'NULL'} FROM temp._stage "
            f"WHERE _n IN ({', '.join('?' * len(chunk))}) ORDER BY _n", chunk)]
    return out


def _pair_by_day(gone: list[dict], added: list[list], sql_names: list[str], display_names: list[str],
                 date_slot: int | None, sql_types: list[str], result: UpsertResult) -> int:
    """How many removed rows an added row of the same day replaces (each pair is one changed row,
    matched to the removed row it shares most values with); their differences go to corrections."""
    if date_slot is None or not gone or not added:
        return 0
    by_day: dict[str, list[list]] = {}
    for row in gone:
        by_day.setdefault(str(row[sql_names[date_slot]])[:10], []).append([row[n] for n in sql_names])
    pairs = 0
    for new in added:
        day = str(new[date_slot])[:10] if new[date_slot] is not None else None
        candidates = by_day.get(day)
        if not candidates:
            continue
        if len(candidates) * len(added) <= PAIRING_BUDGET:
            best = max(range(len(candidates)), key=lambda i: sum(a == b for a, b in zip(candidates[i], new)))
        else:
            best = 0
        old = candidates.pop(best)
        pairs += 1
        _note_corrections(old, new, display_names, date_slot, sql_types, result)
    return pairs


def _note_corrections(old: list, new: list, display_names: list[str], date_slot: int, sql_types: list[str],
                      result: UpsertResult) -> None:
    texts = [i for i, kind in enumerate(sql_types) if kind == "TEXT" and i != date_slot and old[i] == new[i]
             and old[i] is not None]
    label = " ".join(str(_value_label(new[i])) for i in [date_slot, *texts][:LABEL_PARTS])
    for i, (a, b) in enumerate(zip(old, new)):
        if a != b:
            result.correction_count += 1
            if len(result.corrections) < CORRECTIONS_KEPT:
                result.corrections.append({"key": label, "column": display_names[i],
                                           "old": _value_label(a), "new": _value_label(b)})
