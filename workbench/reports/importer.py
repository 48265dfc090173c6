"""Running an import: one pass over the rows, straight into the dataset, in one transaction.

Rows stream from the reader through row classification, conversion and keying into raw executemany
(no sheet is held in Python). A new dataset gets its rows inserted directly; a known one is upserted
by key through a staging table (added / updated with corrections / unchanged), or, without a key,
has the period the file covers replaced by the file's rows (period_replace). The import log entry,
the dataset's profile and the alerts hook (after_import) are written in the same transaction, so a
crash, a kill, a cancel or an error leaves the database exactly as before.
"""
from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import operator
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from workbench.errors import UserError
from workbench.reports import column_types as ct
from workbench.reports import dataset_tables as tables
from workbench.reports.datasets_aggregation import infer_aggregation
from workbench.reports.import_plan import (EXCEL_MAX_ROWS, ImportPlan, analyse, another_table_warning, apply_known_dataset,
                                          apply_overrides, converted_sample, plan_sheet, warn)
from workbench.reports.period_replace import replace_rows
from workbench.sheets.readers import Sheet, in_background
from workbench.reports.table_detect import NOTE_START, TOTALS, after_gap, classify_row, detect
# imported_at / undone_at are the caller's `now`; a caller without one (a test, a script) gets the wall clock.
from workbench.clock import wall_clock
from workbench.store import now_text, write_transaction
from workbench.text_input import redecode

if TYPE_CHECKING:
    from datetime import datetime

    from sqlite_utils import Database

PROGRESS_EVERY = 5000
CHECK_EVERY = 4096  # rows whose native cells are checked together, column by column
NATIVE_TYPES = ("integer", "number", "money", "percent", "text")
PLAIN_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
BAD_CELLS_SHOWN = 5
# a first cell that may make the row blank, a repeated header, a totals row or a note (superset of
# the exact tests in RowPass: padding, or a totals/note word at the start)
MAYBE_NOT_DATA = re.compile(r"\s|.*\s$|(?:" + TOTALS.pattern + ")|(?:" + NOTE_START.pattern + ")", re.I | re.S)


def _first_letters(*patterns: re.Pattern) -> frozenset[str]:
    """Every character a totals or note word can start with, plus every character that matches one
    of them case-insensitively (ſ for s) and all whitespace (all of these sit below U+3001)."""
    letters = set()
    for pattern in patterns:
        words = re.search(r"\((.*)\)", pattern.pattern)[1]
        for word in words.split("|"):
            letters.add(word[1] if word.startswith("\\") else word[0])
    folded = {c.lower() for c in letters} | {c.upper() for c in letters}
    letters |= {c for c in map(chr, range(0x3001)) if c.isspace() or c.lower() in folded or c.upper() in folded}
    return frozenset(letters)


# a cell whose first and last characters are not in here cannot be blank, padded, totals or a note
MAYBE_NOT_DATA_EDGE = _first_letters(TOTALS, NOTE_START)
ProgressFn = Callable[[int, int], None]


class ImportCancelled(UserError):
    def __init__(self):
        super().__init__("导入已取消，数据库没有任何改动。", "The import was cancelled; nothing was changed.")


class _Retry(Exception):
    """Some values did not fit their column's type: re-type those columns and run the pass again."""


class _DryRun(Exception):
    pass


@dataclass
class ImportResult:
    plan: ImportPlan
    dry_run: bool = False
    import_id: int | None = None
    rows: int = 0
    skipped: list[tuple[int, str]] = field(default_factory=list)   # (1-based sheet row, reason key)
    sample: list[list] = field(default_factory=list)
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    corrections: list[dict] = field(default_factory=list)
    correction_count: int = 0
    bad_cells: int = 0
    removed: int = 0
    period: tuple[str, str] | None = None   # the days a keyless re-export replaced

    @property
    def replaced(self) -> dict | None:
        """What a keyless re-export did to the period it covers (None for other imports)."""
        if self.period is None:
            return None
        return {"from": self.period[0], "to": self.period[1], "rows": self.rows, "changed": self.updated,
                "added": self.added, "removed": self.removed}

    @property
    def warnings(self) -> list[str]:
        return self.plan.warnings

    def to_json(self) -> dict:
        from workbench.reports.table_detect import SKIP_REASONS

        plan = self.plan
        return {
            "file": str(plan.path) if plan.path else None,
            "sheet": plan.sheet,
            "dataset": plan.dataset,
            "header_rows": plan.header_rows,
            "columns": [{"name": c.name, "type": c.type, "role": c.role} for c in plan.active_columns],
            "rows": self.rows,
            "skipped": [{"row": row, "reason": SKIP_REASONS[reason][1]} for row, reason in self.skipped],
            "sample": [[bool(v) if c.type == "bool" and v is not None else v for v, c in zip(row, plan.active_columns)]
                       for row in self.sample],
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "corrections": self.corrections,
            "removed": self.removed,
            "replaced": self.replaced,
            "warnings": list(plan.warnings),
        }


def file_hash(path: Path | None) -> str:
    if path is None:
        return ""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()





# --- the pass over the rows ----------------------------------------------------------------------

class RowPass:
    """Iterates the sheet once: skips non-data rows, converts cells, yields [key, *values] per data
    row, or [ordinal, key, *values] (ordinals 1, 2, …) when `numbered` is set (staging an upsert)."""

    def __init__(self, plan: ImportPlan, progress: ProgressFn | None, cancelled: Callable[[], bool] | None):
        self.plan = plan
        self.columns = plan.active_columns
        self.progress, self.cancelled = progress, cancelled
        self.result_rows = 0
        self.skipped: list[tuple[int, str]] = []
        self.sample: list[list] = []
        self.failures: dict[str, int] = {}
        self.first_failures: list[tuple[int, str, object]] = []
        self.key_repeats = False
        self.numbered = False
        self.another_table: int | None = None  # 1-based sheet row where a second table starts
        file_columns = [c for c in self.columns if c.position is not None]
        self.native = self._native_columns(file_columns)
        # native number columns are checked by SQL after the insert (NativeFix.where: a typeof()
        # per cell costs SQLite less than Python); native text columns here, a chunk of rows at a
        # time, each distinct string once (NativeFix.clean_chunk; SQL's text tests cost more)
        self.sql_checked = {i for i in self.native if file_columns[i].type != "text"}
        # value slots whose '' the INSERT stores as NULL; content keys hash the stored values, so
        # without key columns '' becomes None in Python before the hash
        order = [self.columns.index(c) for c in file_columns]
        keyed = any(c.name in plan.key_columns for c in self.columns)
        self.nullif_slots: set[int] = {order[i] for i in self.native} if keyed else set()

    def _native_columns(self, file_columns) -> set[int]:
        """Columns whose cells calamine already gives as the stored value (floats for numbers, plain
        strings for text): they skip the per-cell converter, only '' becomes NULL, and SQLite checks
        them after the insert (fix_native) — a few rows with odd values are converted then."""
        sample = self.plan.sample_raw
        layout_index = {p: i for i, p in enumerate(self.plan.layout.columns)}
        native = set()
        for i, column in enumerate(file_columns):
            if column.name in self.plan.key_columns or column.type not in NATIVE_TYPES:
                continue
            cells = [cells[layout_index[column.position]] for _, cells in sample]
            if column.type == "text":
                fits = all(type(v) is str for v in cells)
            else:  # floats from a workbook, or plain digits from CSV (SQLite's column affinity converts them)
                fits = all(type(v) is float or v == "" or (type(v) is str and PLAIN_NUMBER.match(v)) for v in cells)
            if cells and fits:
                native.add(i)
        return native

    def __iter__(self):
        """The rows of chunks(), chained in C (no Python frame per row on the way to executemany)."""
        return itertools.chain.from_iterable(self.chunks())

    def chunks(self):
        """Yields lists of parameter lists, one per data row: [key, *values] (see `numbered`). Native
        cells are passed as read ('' included: the INSERT turns '' into NULL for the slots in
        `nullif_slots`); native text is cleaned here a chunk of rows at a time, native numbers by
        fix_native after the insert."""
        plan, columns = self.plan, self.columns
        ctx = plan.context
        file_columns = [c for c in columns if c.position is not None]
        positions = [c.position for c in file_columns]
        width = max(positions) + 1 if positions else 0
        pick = operator.itemgetter(*positions) if len(positions) > 1 else (
            (lambda row: (row[positions[0]],)) if positions else (lambda row: ()))
        layout_positions = plan.layout.columns
        converters = [ct.converter(c.type, ctx) for c in file_columns]
        slow = [(i, converters[i]) for i in range(len(file_columns)) if i not in self.native]
        all_slow = not self.native
        constants = [(i, c.constant) for i, c in enumerate(columns) if c.position is None]
        order = [columns.index(c) for c in file_columns]
        reorder = constants or order != list(range(len(order)))
        key_index = [i for i, c in enumerate(columns) if c.name in plan.key_columns]
        content_key = None if key_index else tables.ContentKeys()
        in_sql = bool(self.nullif_slots)
        checker = NativeFix(self, self.native - self.sql_checked) if self.native - self.sql_checked else None
        chunk: list[list] = []
        single_key = key_index[0] if len(key_index) == 1 else None
        names = plan.layout.names
        first_name = names[0]
        first_position = layout_positions[0]
        kinds = plan.layout.kinds or None
        several = len(positions) >= 2
        # rows with one filled cell (two in a table of four columns or more) may be a label or a note
        few_left = len(positions) - (2 if len(positions) >= 4 else 1)
        gap = False
        maybe_not_data, edge = MAYBE_NOT_DATA.match, MAYBE_NOT_DATA_EDGE
        data_start = plan.layout.data_start
        total = plan.height if plan.height and plan.height > 0 else -1
        sample = self.sample
        numbered = self.numbered
        emitted = 0
        next_check = data_start  # progress and cancel every PROGRESS_EVERY rows: one comparison per row
        for index, row in enumerate(itertools.islice(plan.rows_iter(), data_start, None), data_start):
            if index >= next_check:
                next_check = index + PROGRESS_EVERY
                if self.cancelled is not None and self.cancelled():
                    raise ImportCancelled()
                if self.progress is not None:
                    self.progress(index, total)
            if len(row) < width:
                row = list(row) + [""] * (width - len(row))
            first = row[first_position] if first_position < len(row) else ""
            raw = pick(row)
            # cheap tests first: only a row that could be blank, a repeated header, a totals row, a
            # note, a group label (one cell) or, after a blank row, another table's header goes
            # through the exact test
            if gap or (type(first) is str and (not first or len(first) >= 20 or first == first_name or (
                    (first[0] in edge or first[-1] in edge) and maybe_not_data(first)))) or \
                    (several and raw.count("") >= few_left):
                cells = [row[p] if p < len(row) else "" for p in layout_positions]
                reason = classify_row(cells, names, kinds, plan.layout.number_peaks)
                if reason == "header" and gap:  # the same header after a blank row: another table
                    self.another_table = index + 1
                    break
                if reason:
                    self.skipped.append((index + 1, reason))
                    gap = gap or reason == "blank"
                    continue
                if gap:
                    found = after_gap(cells, kinds)
                    if found == "table":
                        self.another_table = index + 1
                        break
                    if found == "group":
                        self.skipped.append((index + 1, found))
                        continue
                    gap = False
            try:
                if all_slow:
                    values = [convert(value) for convert, value in zip(converters, raw)]
                else:
                    values = list(raw) if in_sql else [None if v == "" else v for v in raw]
                    for i, convert in slow:
                        values[i] = convert(raw[i])
            except ValueError:
                values = self._convert_slowly(index, file_columns, converters, raw)
            if reorder:
                full = [None] * len(columns)
                for value, slot in zip(values, order):
                    full[slot] = value
                for slot, constant in constants:
                    full[slot] = constant
                values = full
            emitted += 1
            if emitted <= 5:
                sample.append(self._exact(values, raw, converters, order, file_columns))
            if single_key is not None:
                key = values[single_key]
                if type(key) is not str:
                    key = tables.key_text([key])
            elif key_index:
                key = tables.key_text([values[i] for i in key_index])
            else:
                key = content_key(values)
            if numbered:
                values[:0] = (emitted, key)
            else:
                values.insert(0, key)
            chunk.append(values)
            if len(chunk) >= CHECK_EVERY:
                if checker is not None:
                    checker.clean_chunk(chunk, emitted - len(chunk) + 1)
                yield chunk
                chunk = []
        if checker is not None and chunk:
            checker.clean_chunk(chunk, emitted - len(chunk) + 1)
        yield chunk
        self.result_rows = emitted
        if self.cancelled is not None and self.cancelled():
            raise ImportCancelled()
        if self.progress is not None:
            self.progress(total if total > 0 else self.result_rows, total)

    def sheet_row(self, ordinal: int) -> int:
        """The 1-based sheet row of the ordinal-th (1-based) data row."""
        index = self.plan.layout.data_start + ordinal - 1
        for row, _reason in self.skipped:  # ascending
            if row - 1 <= index:
                index += 1
            else:
                break
        return index + 1

    def _exact(self, values, raw, converters, order, file_columns) -> list:
        """A sample row with every cell through its converter (native cells are stored as given)."""
        exact = list(values)
        for i, (convert, value) in enumerate(zip(converters, raw)):
            try:
                exact[order[i]] = convert(value)
            except ValueError:
                exact[order[i]] = None
        return exact

    def _convert_slowly(self, index, file_columns, converters, raw) -> list:
        values = []
        for column, convert, value in zip(file_columns, converters, raw):
            try:
                values.append(convert(value))
            except ValueError:
                values.append(None)
                self.failures[column.name] = self.failures.get(column.name, 0) + 1
                if len(self.first_failures) < BAD_CELLS_SHOWN:
                    self.first_failures.append((index + 1, column.name, value))
        return values


# --- writing ---------------------------------------------------------------------------------------

def _dataset_row(db: Database, name: str) -> dict | None:
    rows = list(db.query("SELECT * FROM datasets WHERE name = ?", [name]))
    return rows[0] if rows else None


def _stored_columns(row: dict | None) -> list[dict]:
    return json.loads(row["columns"]) if row else []


def _prepare_dataset(db: Database, plan: ImportPlan, now: str) -> tuple[dict, list[dict], list[str], bool]:
    """The datasets row (created if new), the stored column specs, the columns this import adds."""
    row = _dataset_row(db, plan.dataset)
    created = row is None
    stored = _stored_columns(row)
    taken = {c["sql"].lower() for c in stored}
    by_name = {c["name"]: c for c in stored}
    added = []
    for column in plan.active_columns:
        if column.name in by_name:
            spec = by_name[column.name]
            if column.source and column.source != column.name and column.source not in spec.setdefault("aliases", []):
                spec["aliases"].append(column.source)
            continue
        spec = {"name": column.name, "type": column.type, "role": column.role,
                "aggregation": infer_aggregation(column.type, column.name),
                "sql": tables.sql_name(column.name, taken), "aliases": [column.source] if column.source and column.source != column.name else []}
        stored.append(spec)
        by_name[column.name] = spec
        added.append(spec)
    if created:
        db.execute("INSERT INTO datasets (name, table_name, columns, key_columns, profile, row_count, created_at, "
                   "updated_at) VALUES (?, '', '[]', '[]', '{}', 0, ?, ?)", [plan.dataset, now, now])
        row = _dataset_row(db, plan.dataset)
        table = f"ds_{row['id']}"
        db.execute("UPDATE datasets SET table_name = ? WHERE id = ?", [table, row["id"]])
        row["table_name"] = table
        tables.create_table(db, table, stored, unique_key=False)  # insert_new adds the unique index
    elif added:
        tables.add_columns(db, row["table_name"], added)
    return row, stored, [c["name"] for c in added], created


def _date_column(stored: list[dict], key_columns: list[str]) -> dict | None:
    dated = [c for c in stored if c["type"] in ("date", "datetime")]
    keyed = [c for c in dated if c["name"] in key_columns]
    return (keyed or dated or [None])[0]


def _update_profile(db: Database, row: dict, plan: ImportPlan, stored: list[dict], now: str) -> None:
    table = row["table_name"]
    date_spec = _date_column(stored, plan.key_columns)
    low = high = None
    if date_spec:
        tables.index_columns(db, table, [date_spec["sql"]])  # first, so min() and max() read the index
        low = db.execute(f"SELECT min([{date_spec['sql']}]) FROM [{table}]").fetchone()[0]
        high = db.execute(f"SELECT max([{date_spec['sql']}]) FROM [{table}]").fetchone()[0]
    count = db.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0]
    profile = {
        "kind": plan.kind, "sheet": plan.sheet, "header_rows": plan.header_rows,
        "header_names": plan.layout.names, "columns": stored,
        "key_columns": plan.key_columns, "key_chosen": plan.key_chosen, "encoding": plan.encoding,
        "delimiter": plan.delimiter,
    }
    db.execute("UPDATE datasets SET columns = ?, key_columns = ?, profile = ?, date_column = ?, date_min = ?, "
               "date_max = ?, row_count = ?, updated_at = ? WHERE id = ?",
               [json.dumps(stored, ensure_ascii=False), json.dumps(plan.key_columns, ensure_ascii=False),
                json.dumps(profile, ensure_ascii=False, default=str), date_spec["name"] if date_spec else None,
                low[:10] if isinstance(low, str) else low, high[:10] if isinstance(high, str) else high,
                count, now, row["id"]])


def _period_slot(plan: ImportPlan) -> int | None:
    """The date column whose days a keyless re-export replaces: the one most often filled in the
    sample (an order's creation time rather than its payment time, which unpaid orders lack)."""
    columns = plan.active_columns
    layout_index = {p: i for i, p in enumerate(plan.layout.columns)}
    best, best_filled = None, -1
    for slot, column in enumerate(columns):
        if column.type not in ("date", "datetime"):
            continue
        if column.position is None:
            filled = len(plan.sample_raw)
        else:
            filled = sum(not ct.is_null(cells[layout_index[column.position]]) for _, cells in plan.sample_raw)
        if filled > best_filled:
            best, best_filled = slot, filled
    return best


def _write(db: Database, plan: ImportPlan, result: ImportResult, row_pass: RowPass, digest: str,
           now: str) -> None:
    discard_redo(db, plan.dataset)
    before = _dataset_row(db, plan.dataset)
    row, stored, added_names, created = _prepare_dataset(db, plan, now)
    import_id = db.execute(
        "INSERT INTO imports (dataset_id, dataset_name, file_name, file_path, file_hash, file_size, sheet, "
        "imported_at, created_dataset, added_columns, dataset_before) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [row["id"], plan.dataset, redecode(plan.path.name) if plan.path else "", redecode(str(plan.path or "")), digest,
         plan.path.stat().st_size if plan.path else 0, plan.sheet, now, int(created),
         json.dumps(added_names, ensure_ascii=False), json.dumps(before, ensure_ascii=False, default=str)]).lastrowid
    result.import_id = import_id
    by_name = {c["name"]: c for c in stored}
    columns = plan.active_columns
    sql_names = [by_name[c.name]["sql"] for c in columns]
    if created:
        upsert = tables.insert_new(db, row["table_name"], sql_names, row_pass, import_id, row_pass.nullif_slots)
        fix_native(db, f"[{row['table_name']}]", sql_names, "_row_id", row_pass)
    elif not plan.key_columns:
        row_pass.numbered = True
        upsert = replace_rows(db, row["table_name"], sql_names, [c.name for c in columns], _period_slot(plan),
                              row_pass, import_id, sql_types=[tables.SQL_TYPES[c.type] for c in columns],
                              nullif_slots=row_pass.nullif_slots,
                              native_fix=NativeFix(row_pass) if row_pass.sql_checked else None)
    else:
        row_pass.numbered = True  # the staging table keeps each row's ordinal (for bad-cell messages)
        upsert = tables.upsert(db, row["table_name"], sql_names, [c.name for c in columns], plan.key_columns,
                               row_pass, import_id, dry_run=result.dry_run,
                               sql_types=[tables.SQL_TYPES[c.type] for c in columns], nullif_slots=row_pass.nullif_slots,
                               native_fix=NativeFix(row_pass) if row_pass.sql_checked else None)
    if created and getattr(plan, "_retried", 0) < 2 and (_to_demote(plan, row_pass) or upsert.duplicate_keys):
        raise _Retry(bool(upsert.duplicate_keys))
    result.added, result.updated, result.unchanged = upsert.added, upsert.updated, upsert.unchanged
    result.removed, result.period = upsert.removed, upsert.period
    # filling a column this import added is not a correction of a stored value
    fills = [c for c in upsert.corrections if c["column"] in added_names]
    result.corrections = [c for c in upsert.corrections if c["column"] not in added_names]
    result.correction_count = upsert.correction_count - len(fills)
    result.rows, result.skipped, result.sample = row_pass.result_rows, row_pass.skipped, row_pass.sample
    if plan.kind == "csv" and plan.layout.data_start + result.rows + len(result.skipped) >= EXCEL_MAX_ROWS:
        warn(plan.warnings, f"文件达到了 Excel 的行数上限 {EXCEL_MAX_ROWS:,} 行，导出的数据可能被截断了。",
             f"The file reaches Excel's limit of {EXCEL_MAX_ROWS:,} rows; the export was probably cut off.")
    _report_pass(plan, row_pass, upsert)
    if row_pass.another_table is not None and row_pass.another_table != plan.second_table:
        another_table_warning(plan.warnings, row_pass.another_table)
    _update_profile(db, row, plan, stored, now)
    db.execute("UPDATE imports SET rows = ?, added = ?, updated = ?, unchanged = ?, skipped = ?, corrections = ?, "
               "warnings = ?, replaced = ? WHERE id = ?",
               [result.rows, result.added, result.updated, result.unchanged, len(result.skipped),
                json.dumps(result.corrections, ensure_ascii=False, default=str),
                json.dumps(plan.warnings, ensure_ascii=False),
                json.dumps(result.replaced) if result.replaced else None, import_id])
    if not result.dry_run:
        from workbench.reports.after_import import after_import

        after_import(db, plan.dataset)


class NativeFix:
    """Native (unconverted) cells that are not yet clean stored values — numbers that arrived as text
    ('45.23%', ' 12 '), text with padding, an apostrophe or a null token ('-', 'N/A'). Text:
    `clean_chunk()` converts them in Python, a chunk of rows at a time. Numbers: `where()` finds
    them in SQL after the insert and `fix()` converts them (counting the cells that do not fit)."""

    def __init__(self, row_pass: RowPass, native: set[int] | None = None):
        self.row_pass = row_pass
        file_columns = [c for c in row_pass.columns if c.position is not None]
        slots = [row_pass.columns.index(c) for c in file_columns]
        context = row_pass.plan.context
        # (value slot, column, converter) of each native column (default: the SQL-checked ones)
        self.picked = [(slots[i], file_columns[i], ct.converter(file_columns[i].type, context))
                       for i in sorted(row_pass.sql_checked if native is None else native)]

    def clean_chunk(self, chunk: list[list], first_ordinal: int) -> None:
        """Convert in place the picked (text) cells of the row pass's rows ([key, *values], or
        numbered) that are not clean stored text; '' is left to the INSERT's NULLIF. Each distinct
        string is converted once (a column of channels or cities holds few); numbers or dates among
        the text, each on its own."""
        lead = 2 if self.row_pass.numbered else 1
        for slot, _column, convert in self.picked:
            at = slot + lead
            cells = list(map(operator.itemgetter(at), chunk))
            distinct = set(cells)
            if not all(value.__class__ is str or value is None for value in distinct):
                for i, value in enumerate(cells):  # (1.0 and True are one set member: no lookup by value)
                    fixed = convert(value)
                    if fixed is not value and value != "":
                        chunk[i][at] = fixed
                continue
            fixes = {}
            for value in distinct:
                fixed = convert(value)
                if fixed is not value and value != "":
                    fixes[value] = fixed
            if fixes:
                for i, value in enumerate(cells):
                    if value in fixes:
                        chunk[i][at] = fixes[value]

    def where(self, expression: Callable[[int], str]) -> str:
        """SQL that is true for a row with a cell to fix; expression(slot) names the value's column."""
        tokens = ", ".join("'" + t.replace("'", "''") + "'" for t in sorted(ct.NULL_EXACT) if t)
        longest = max(len(t) for t in ct.NULL_EXACT)
        checks = []
        for slot, column, _convert in self.picked:
            name = expression(slot)
            if column.type == "text":
                # padding (space, tab, CR, LF) at either end, a leading apostrophe, a null token; as
                # first/last character tests, which cost SQLite less than comparing with trim()
                checks.append(f"(unicode({name}) IN (9, 10, 13, 32, 39) "
                              f"OR substr({name}, -1) IN (' ', char(9), char(10), char(13)) "
                              f"OR (length({name}) <= {longest} AND {name} IN ({tokens})))")
            elif column.type == "integer":
                checks.append(f"typeof({name}) IN ('text', 'real')")
            else:
                checks.append(f"typeof({name}) = 'text'")
        return " OR ".join(checks) or "0"

    def convert(self, ordinal: int, slot: int, column, convert, value):
        try:
            return convert(value)
        except ValueError:
            row_pass = self.row_pass
            row_pass.failures[column.name] = row_pass.failures.get(column.name, 0) + 1
            if len(row_pass.first_failures) < BAD_CELLS_SHOWN:
                sheet_row = row_pass.sheet_row(ordinal) if ordinal > 0 else ordinal
                row_pass.first_failures.append((sheet_row, column.name, value))
            return None

    def fix(self, ordinal: int, values: list) -> list:
        """The row's values (in slot order) with every native cell converted (clean ones stay as they are)."""
        for slot, column, convert in self.picked:
            values[slot] = self.convert(ordinal, slot, column, convert, values[slot])
        return values


def fix_native(db: Database, table: str, sql_names: list[str], id_column: str, row_pass: RowPass) -> None:
    """Convert, in the rows just inserted, the SQL-checked native cells that are not clean stored values."""
    if not row_pass.sql_checked:
        return
    fixer = NativeFix(row_pass)
    names = [tables.quote(sql_names[slot]) for slot, _, _ in fixer.picked]
    found = db.execute(f"SELECT {id_column}, {', '.join(names)} FROM {table} "
                       f"WHERE {fixer.where(lambda slot: tables.quote(sql_names[slot]))}").fetchall()
    updates = []
    for record in found:
        ordinal = record[0]
        updates.append([*(fixer.convert(ordinal, slot, column, convert, value)
                          for (slot, column, convert), value in zip(fixer.picked, record[1:])), ordinal])
    if updates:
        db.conn.executemany(f"UPDATE {table} SET {', '.join(f'{name} = ?' for name in names)} "
                            f"WHERE {id_column} = ?", updates)


def _report_pass(plan: ImportPlan, row_pass: RowPass, upsert: tables.UpsertResult) -> None:
    for row, column, raw in row_pass.first_failures:
        warn(plan.warnings, f"第 {row} 行“{column}”的值“{raw}”不符合该列类型，按空值导入。",
             f"Row {row}, column “{column}”: the value “{raw}” does not fit the column's type and was imported as empty.")
    extra = sum(row_pass.failures.values()) - len(row_pass.first_failures)
    if extra > 0:
        warn(plan.warnings, f"另有 {extra} 个单元格不符合列类型，按空值导入。",
             f"{extra} more cells did not fit their column's type and were imported as empty.")
    if upsert.duplicate_keys:
        warn(plan.warnings, f"有 {upsert.duplicate_keys} 行与前面的行主键（{'、'.join(plan.key_columns)}）重复，保留了后面的一行。",
             f"{upsert.duplicate_keys} rows repeat the key ({', '.join(plan.key_columns)}) of an earlier row; the later row was kept.")
    if upsert.correction_count > len(upsert.corrections):
        warn(plan.warnings, f"共有 {upsert.correction_count} 处数值更正，只列出前 {len(upsert.corrections)} 处。",
             f"{upsert.correction_count} values were corrected; the first {len(upsert.corrections)} are listed.")


def _to_demote(plan: ImportPlan, row_pass: RowPass) -> list[str]:
    """Columns with more cells that do not fit than a column may hold as odd cells, and whose type
    the operator did not choose (a chosen type stays: its odd cells are imported as empty, listed)."""
    allowed = ct.odd_cells_allowed(row_pass.result_rows)
    return [c.name for c in plan.active_columns
            if row_pass.failures.get(c.name, 0) > allowed and not c.chosen]


def _demote(plan: ImportPlan, row_pass: RowPass) -> None:
    demote = _to_demote(plan, row_pass)
    for column in plan.active_columns:
        if column.name in demote:
            column.type = "number" if column.type == "integer" else "text"
            if column.type == "text" and column.role in ("metric", "key"):
                column.role = "attribute"
    if row_pass.key_repeats:  # the key seen in the sample is not unique in the whole file
        warn(plan.warnings, f"“{'、'.join(plan.key_columns)}”在整个文件里有重复，改为按整行内容识别行。",
             f"“{', '.join(plan.key_columns)}” repeats in the whole file; rows are identified by their content instead.")
        for column in plan.active_columns:
            if column.name in plan.key_columns and column.position is not None:
                column.role = "dimension" if column.type == "text" else "attribute"
        plan.key_columns = []


def run(db: Database, plan: ImportPlan, *, dry_run: bool = False, progress: ProgressFn | None = None,
        cancelled: Callable[[], bool] | None = None, digest: str | None = None,
        now: datetime | None = None) -> ImportResult:
    """Write the planned import in one transaction (or, with dry_run, compute it and roll it back),
    stamped `now` (the wall clock when not given)."""
    if digest is None:
        digest = file_hash(plan.path)
    if plan.path is not None and tables.table_exists(db, "imports"):
        earlier = db.execute("SELECT imported_at FROM imports WHERE file_hash = ? AND dataset_name = ? AND undone_at IS NULL "
                             "ORDER BY id DESC LIMIT 1", [digest, plan.dataset]).fetchone()
        if earlier:
            warn(plan.warnings, f"这个文件在 {earlier[0][:16].replace('T', ' ')} 已经导入过一次。",
                 f"This file was already imported on {earlier[0][:16].replace('T', ' ')}.")
    with _big_cache(db):
        return _attempts(db, plan, dry_run, progress, cancelled, digest, now_text(now or wall_clock()))


IMPORT_CACHE_KIB = 64 * 1024


@contextlib.contextmanager
def _big_cache(db: Database):
    """A 64 MB page cache (main and temp) while the import runs: the rows and the staging table stay
    in memory instead of spilling pages to the WAL and a temp file mid-transaction. The staging
    table's pages are not zeroed when it is dropped (secure_delete is for the database file; the temp
    file is deleted anyway). Both are put back after."""
    before = [db.execute(f"PRAGMA {schema}.cache_size").fetchone()[0] for schema in ("main", "temp")]
    secure = db.execute("PRAGMA temp.secure_delete").fetchone()[0]
    for schema in ("main", "temp"):
        db.execute(f"PRAGMA {schema}.cache_size = -{IMPORT_CACHE_KIB}")
    db.execute("PRAGMA temp.secure_delete = OFF")
    try:
        yield
    finally:
        for schema, size in zip(("main", "temp"), before):
            db.execute(f"PRAGMA {schema}.cache_size = {int(size)}")
        db.execute(f"PRAGMA temp.secure_delete = {int(secure)}")


def _attempts(db: Database, plan: ImportPlan, dry_run: bool, progress: ProgressFn | None,
              cancelled: Callable[[], bool] | None, digest: str, now: str) -> ImportResult:
    for attempt in range(3):
        result = ImportResult(plan, dry_run=dry_run)
        row_pass = RowPass(plan, progress, cancelled)
        warnings_before = list(plan.warnings)
        try:
            with write_transaction(db):
                plan._retried = attempt
                _write(db, plan, result, row_pass, digest, now)
                if dry_run:
                    raise _DryRun()
            return result
        except _DryRun:
            return result
        except _Retry as retry:
            plan.warnings[:] = warnings_before
            row_pass.key_repeats = retry.args[0] if retry.args else False
            _demote(plan, row_pass)
    raise AssertionError("unreachable")  # pragma: no cover - the third attempt never retries


def import_file(db: Database, path: str | Path, *, dataset: str | None = None, sheet: str | None = None,
                dry_run: bool = False, progress: ProgressFn | None = None,
                cancelled: Callable[[], bool] | None = None, overrides: dict | None = None,
                now: datetime | None = None) -> ImportResult:
    """analyse() + run(): the whole import of one file (what `workbench import` does); `overrides` are
    the operator's choices in the import dialog (import_plan.apply_overrides)."""
    hashing = in_background(file_hash, Path(path))  # on the other core while calamine loads the sheet
    plan = analyse(path, dataset=dataset, sheet=sheet, db=db)
    try:
        if overrides is not None:
            apply_overrides(plan, overrides)
        return run(db, plan, dry_run=dry_run, progress=progress, cancelled=cancelled, digest=hashing.result(),
                   now=now)
    finally:
        close_plan(plan)


def plan_with_preview(db: Database, path: str | Path, *, dataset: str | None = None,
                      sheet: str | None = None) -> ImportPlan:
    """The plan the import dialog shows: analyse(), the first rows converted as they will be stored,
    and the workbook closed (the plan crosses to the GUI thread; the import analyses again)."""
    plan = analyse(path, dataset=dataset, sheet=sheet, db=db)
    close_plan(plan)
    positions = {p: i for i, p in enumerate(plan.layout.columns)}
    plan.preview = converted_sample(plan.columns, plan.sample_raw[:50], plan.context, positions)
    plan.rows_iter = None
    return plan


def close_plan(plan: ImportPlan) -> None:
    book = getattr(plan, "_book", None)
    if book is not None:
        book.close()
        plan._book = None


def import_rows(db: Database, name: str, columns: Sequence[str | dict], rows: Sequence[Sequence],
                key_columns: Sequence[str] | None = None, title: str = "") -> ImportResult:
    """Import Python rows as if they were a sheet with that header (see datasets.create_dataset_from_rows)."""
    specs = [c if isinstance(c, dict) else {"name": c} for c in columns]
    header = [c["name"] for c in specs]
    grid = ([[title] + [""] * (len(header) - 1)] if title else []) + [header]
    head = grid + [list(r) for r in rows[:60]]
    layout = detect(head)
    if layout is None or layout.names != header:
        from workbench.reports.table_detect import TableLayout

        layout = TableLayout([len(grid) - 1], list(range(len(header))), header, len(grid), [title] if title else [])

    def all_rows():
        yield from grid
        yield from rows

    sheet = Sheet(name, len(grid) + len(rows), len(header), 0, [], {}, (0, ""), all_rows)
    types = {c["name"]: {k: c[k] for k in ("type", "role") if c.get(k)} for c in specs if c.get("type") or c.get("role")}
    plan = plan_sheet(sheet, layout, kind="rows", path=None, sheets=[], dataset=name, file_texts=[title], types=types)
    apply_known_dataset(db, plan, name)
    if key_columns is not None and not plan.existing:
        plan.key_columns, plan.key_chosen = list(key_columns), "operator"
        for column in plan.columns:
            if column.name in plan.key_columns:
                column.role = "key"
    return run(db, plan)


# --- the import log and undo ------------------------------------------------------------------------

def list_imports(db: Database, dataset: str | None = None, limit: int = 200) -> list[dict]:
    sql = "SELECT * FROM imports" + (" WHERE dataset_name = ?" if dataset else "") + " ORDER BY id DESC LIMIT ?"
    out = []
    for row in db.query(sql, [dataset, limit] if dataset else [limit]):
        row = dict(row)
        row.pop("dataset_before", None)
        row["corrections"] = json.loads(row["corrections"] or "[]")
        row["warnings"] = json.loads(row["warnings"] or "[]")
        row["added_columns"] = json.loads(row["added_columns"] or "[]")
        row["replaced"] = json.loads(row["replaced"]) if row.get("replaced") else None
        out.append(row)
    return out


REDO_TABLE = "redo_import_{}"  # where undo_import(keep_for_redo=True) moves an import's rows aside


def undo_import(db: Database, import_id: int, *, keep_for_redo: bool = False, now: datetime | None = None) -> dict:
    """Put the dataset back to its state before that import (only the latest import of a dataset).

    With keep_for_redo (the window's undo stack), the dataset as the import left it is kept aside in one
    table (a dataset the import created is renamed, not dropped), so redo_import can put it back
    without reading the file again. The next import of the dataset discards what was kept."""
    rows = list(db.query("SELECT * FROM imports WHERE id = ?", [import_id]))
    if not rows:
        raise UserError(f"没有编号为 {import_id} 的导入记录。", f"There is no import number {import_id}.")
    record = rows[0]
    if record["undone_at"]:
        raise UserError(f"第 {import_id} 次导入已经撤销过了。", f"Import {import_id} was already undone.")
    latest = db.execute("SELECT max(id) FROM imports WHERE dataset_id = ? AND undone_at IS NULL",
                        [record["dataset_id"]]).fetchone()[0]
    if latest != import_id:
        raise UserError(f"请先撤销数据集“{record['dataset_name']}”之后的导入（第 {latest} 次）。",
                        f"Undo the later import of “{record['dataset_name']}” (number {latest}) first.")
    with write_transaction(db):
        dataset = db.execute("SELECT table_name FROM datasets WHERE id = ?", [record["dataset_id"]]).fetchone()
        redo_state = None
        if keep_for_redo and dataset:
            redo_state = {"table": REDO_TABLE.format(import_id),
                          "dataset": dict(_dataset_row(db, record["dataset_name"])),
                          "old_rows": [list(r) for r in db.execute(
                              "SELECT row_id, data FROM import_old_rows WHERE import_id = ?", [import_id])]}
            db.execute(f"DROP TABLE IF EXISTS [{redo_state['table']}]")
            if record["created_dataset"]:
                db.execute(f"ALTER TABLE [{dataset[0]}] RENAME TO [{redo_state['table']}]")
            else:
                db.execute(f"CREATE TABLE [{redo_state['table']}] AS SELECT * FROM [{dataset[0]}]")
        if record["created_dataset"]:
            if dataset:
                db.execute(f"DROP TABLE IF EXISTS [{dataset[0]}]")
            db.execute("DELETE FROM datasets WHERE id = ?", [record["dataset_id"]])
            from workbench.reports.after_import import after_dataset_removed

            after_dataset_removed(db, record["dataset_name"])
        else:
            before = json.loads(record["dataset_before"])
            tables.undo_rows(db, dataset[0], import_id)
            stored = json.loads(db.execute("SELECT columns FROM datasets WHERE id = ?", [record["dataset_id"]]).fetchone()[0])
            added = set(json.loads(record["added_columns"] or "[]"))
            tables.drop_columns(db, dataset[0], [c["sql"] for c in stored if c["name"] in added])
            fields = ("columns", "key_columns", "profile", "date_column", "date_min", "date_max", "row_count", "updated_at")
            db.execute(f"UPDATE datasets SET {', '.join(f'{f} = ?' for f in fields)} WHERE id = ?",
                       [before[f] for f in fields] + [record["dataset_id"]])
        db.execute("UPDATE imports SET undone_at = ?, redo_state = ? WHERE id = ?",
                   [now_text(now or wall_clock()), json.dumps(redo_state, ensure_ascii=False) if redo_state else None, import_id])
        if not record["created_dataset"]:
            from workbench.reports.after_import import after_import

            after_import(db, record["dataset_name"])  # re-evaluate alerts over the restored rows
    return record


def redo_import(db: Database, import_id: int) -> None:
    """Put back an import that undo_import(keep_for_redo=True) took back, from the rows it kept aside:
    one transaction, no file read. Refused once the dataset has had another import since."""
    rows = list(db.query("SELECT * FROM imports WHERE id = ?", [import_id]))
    state = json.loads(rows[0]["redo_state"]) if rows and rows[0]["undone_at"] and rows[0]["redo_state"] else None
    if state is None:
        raise UserError(f"第 {import_id} 次导入不能重做了。", f"Import {import_id} can no longer be redone.")
    record, after = rows[0], state["dataset"]
    current = _dataset_row(db, record["dataset_name"])
    if (current is None) != bool(record["created_dataset"]) or (current is not None and current["id"] != after["id"]):
        raise UserError(f"数据集“{record['dataset_name']}”之后又导入过，第 {import_id} 次导入不能重做了。",
                        f"“{record['dataset_name']}” was imported again since: import {import_id} can no longer be redone.")
    with write_transaction(db):
        if record["created_dataset"]:
            db.execute(f"ALTER TABLE [{state['table']}] RENAME TO [{after['table_name']}]")
            names = list(after)
            db.execute(f"INSERT INTO datasets ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                       [after[n] for n in names])
        else:
            table = after["table_name"]
            present = {r[1] for r in db.execute(f"PRAGMA table_info([{table}])")}
            tables.add_columns(db, table, [c for c in json.loads(after["columns"]) if c["sql"] not in present])
            names = ", ".join(f"[{r[1]}]" for r in db.execute(f"PRAGMA table_info([{table}])"))
            db.execute(f"DELETE FROM [{table}]")
            db.execute(f"INSERT INTO [{table}] ({names}) SELECT {names} FROM [{state['table']}]")
            db.execute(f"DROP TABLE [{state['table']}]")
            fields = [f for f in after if f not in ("id", "name", "table_name")]
            db.execute(f"UPDATE datasets SET {', '.join(f'{f} = ?' for f in fields)} WHERE id = ?",
                       [after[f] for f in fields] + [after["id"]])
        db.conn.executemany("INSERT INTO import_old_rows (import_id, row_id, data) VALUES (?, ?, ?)",
                            [(import_id, row_id, data) for row_id, data in state["old_rows"]])
        db.execute("UPDATE imports SET undone_at = NULL, redo_state = NULL WHERE id = ?", [import_id])
        from workbench.reports.after_import import after_import

        after_import(db, record["dataset_name"])


def discard_redo(db: Database, dataset_name: str) -> None:
    """A new import of the dataset: the undone imports kept for redo can no longer come back."""
    for import_id, state in db.execute("SELECT id, redo_state FROM imports WHERE dataset_name = ? AND redo_state IS NOT NULL",
                                       [dataset_name]).fetchall():
        db.execute(f"DROP TABLE IF EXISTS [{json.loads(state)['table']}]")
        db.execute("UPDATE imports SET redo_state = NULL WHERE id = ?", [import_id])
