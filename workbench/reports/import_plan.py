"""Looking at a report before importing it: which sheet, where the table is, column names, types,
roles and key, and — when the same report was imported before — which stored column each file column
is (same name, renamed, or new). Nothing is written here; the dialog shows this plan and lets the
operator change types, roles and column matches before importer.run() writes it.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from workbench.errors import UserError
from workbench.reports import column_types as ct
from workbench.sheets.file_sniff import sniff
from workbench.reports.key_choice import KeyColumn, choose_key, never_a_key
from workbench.sheets.readers import Sheet, SheetInfo, Workbook, open_workbook
from workbench.reports.table_detect import (HEAD_ROWS, TableLayout, after_gap, classify_row, column_peaks,
                                            context_period, is_overall_figure,
                                            context_year, detect)
from workbench.text_input import redecode

SAMPLE_ROWS = 5000
PERIOD_COLUMN = "报告期"
EXCEL_MAX_ROWS = 1_048_576
SIMILAR_ENOUGH = 0.5


@dataclass
class ColumnPlan:
    name: str                 # the dataset column it goes to
    source: str               # its name in the file ('' for a column taken from the title)
    position: int | None      # index in the sheet's rows(); None = constant from context
    type: str
    role: str
    match: str = "new"        # 'new' (new dataset) | 'same' | 'renamed' (by similarity: confirm) | 'added'
    include: bool = True
    constant: object = None   # the value of a context column (报告期)
    chosen: bool = False      # the operator chose the type in the dialog: it is kept whatever the cells hold


@dataclass
class ImportPlan:
    path: Path | None
    kind: str
    sheets: list[SheetInfo]
    sheet: str
    layout: TableLayout
    columns: list[ColumnPlan]
    key_columns: list[str]
    dataset: str
    existing: bool
    context: ct.Context
    warnings: list[str] = field(default_factory=list)
    sample_raw: list[tuple[int, list]] = field(default_factory=list)   # (0-based sheet row, cells)
    skipped_in_sample: list[tuple[int, str]] = field(default_factory=list)
    missing_columns: list[str] = field(default_factory=list)          # stored columns this file lacks
    encoding: str | None = None
    delimiter: str | None = None
    rows_iter: Callable[[], Iterator[list]] | None = None
    uncached_formulas: tuple[int, str] = (0, "")
    height: int = -1
    key_chosen: str = "detected"     # 'operator' when the key was picked in the dialog or by the caller
    second_table: int | None = None   # 1-based row where another table starts below this one

    @property
    def active_columns(self) -> list[ColumnPlan]:
        return [c for c in self.columns if c.include]

    @property
    def header_rows(self) -> list[int]:
        return self.layout.header_rows_1based

    @property
    def explanation(self) -> str:
        """Where the header is and why, and which rows of the sample are skipped and why."""
        from workbench.reports.table_detect import explain

        return explain(self.layout, [(r + 1, why) for r, why in self.skipped_in_sample], ct_language())


def warn(plan_warnings: list[str], zh: str, en: str) -> None:
    plan_warnings.append(zh if ct_language() == "zh_CN" else en)


def ct_language() -> str:
    from workbench.errors import current_language

    return current_language()


# --- dataset names -----------------------------------------------------------------------------

NAME_NOISE = [
    r"(?i)(utf-?8(bom)?|utf-?16|gbk|gb18030|gb2312|ansi|unicode)",
    r"\d{4}[-_.]?\d{1,2}[-_.]?\d{1,2}",          # dates
    r"(?i)\d{4}[-_]?W\d{1,2}", r"\d{4}年?第?\d{1,2}周", r"(?<!\d)\d{6}(?!\d)",
    r"(?<!\d)(?:19|20)\d{2}(?!\d)",
    r"(?i)(copy|副本|\(\d+\)|（\d+）)",
    r"导出",
]


def dataset_name_from_file(path: Path) -> str:
    name = redecode(path.stem)  # a name in GBK bytes on a UTF-8 system is read, not stored as surrogates
    for pattern in NAME_NOISE:
        name = re.sub(pattern, " ", name)
    name = re.sub(r"[\s_\-.·]+", " ", name).strip(" _-")
    name = re.sub(r"\s+(?:至|到|~)\s*$", "", name).replace(" ", "_")
    return name or redecode(path.stem)


# --- analysing a sheet ---------------------------------------------------------------------------

def _read_head(sheet: Sheet) -> tuple[list[list], TableLayout | None]:
    head: list[list] = []
    for row in sheet.rows():
        head.append(row)
        if len(head) >= HEAD_ROWS:
            break
    return head, detect(head, sheet.merged, sheet.first_column)


def choose_sheet(book: Workbook, wanted: str | None) -> tuple[Sheet, TableLayout, list[list]]:
    if wanted is not None:
        names = [s.name for s in book.sheets]
        if wanted not in names:
            raise UserError(f"{book.path.name} 里没有名为“{wanted}”的工作表（有：{'、'.join(names)}）。",
                            f"{book.path.name} has no sheet named “{wanted}” (it has: {', '.join(names)}).")
        sheet = book.sheet(wanted)
        head, layout = _read_head(sheet)
        if layout is None:
            raise _no_table(book.path, wanted, head)
        return sheet, layout, head
    first_empty = None
    for info in [s for s in book.sheets if not s.hidden] + [s for s in book.sheets if s.hidden]:
        sheet = book.sheet(info.name)
        head, layout = _read_head(sheet)
        if layout is not None:
            return sheet, layout, head
        first_empty = first_empty or (info.name, head)
    if not book.sheets:
        raise UserError(f"{book.path.name} 里没有工作表。", f"{book.path.name} has no worksheets.")
    raise _no_table(book.path, first_empty[0], first_empty[1], book.sniffed.note)


def _no_table(path: Path, sheet: str, head: list[list], note: str = "") -> UserError:
    if note == "csv-named-as-excel":
        return UserError(f"{path.name} 的扩展名是 {path.suffix}，但它其实是一个不含表格的文本文件。",
                         f"{path.name} is named {path.suffix} but is a plain text file without a table.")
    if not any(str(v).strip() for row in head for v in row):
        return UserError(f"{path.name} 的工作表“{sheet}”是空的。", f"The sheet “{sheet}” in {path.name} is empty.")
    return UserError(f"{path.name} 的工作表“{sheet}”里没有表格：没有一行行形态一致的数值或文字。",
                     f"The sheet “{sheet}” in {path.name} holds no table: no rows of values in columns.")


def _header_only(path: Path | None, sheet: str, kind: str) -> UserError:
    """One sentence naming the file and (for a workbook) the sheet."""
    file = path.name if path else None
    if kind == "csv" or file is None:
        return UserError(f"{file or '这张表'}只有表头，没有数据行。", f"{file or 'The table'} has a header but no data rows.")
    return UserError(f"{file} 的工作表“{sheet}”只有表头，没有数据行。",
                     f"The sheet “{sheet}” in {file} has a header but no data rows.")


def _sample(sheet: Sheet, layout: TableLayout) -> tuple[list[tuple[int, list]], list[tuple[int, str]], int | None]:
    """The first SAMPLE_ROWS data rows (raw cells in table column order), skipped rows among them, and
    the 1-based row where another table starts below this one (None if none does among them)."""
    rows: list[tuple[int, list]] = []
    skipped: list[tuple[int, str]] = []
    positions = layout.columns
    kinds = layout.kinds or None
    gap = False
    for index, row in enumerate(sheet.rows()):
        if index < layout.data_start:
            continue
        cells = [row[p] if p < len(row) else "" for p in positions]
        reason = classify_row(cells, layout.names, kinds)
        if reason == "header" and gap:  # the same header after a blank row: another table
            return _keep_overall_figures(sheet, layout, rows, skipped), skipped, index + 1
        if reason:
            skipped.append((index, reason))
            gap = gap or reason == "blank"
            continue
        if gap:
            found = after_gap(cells, kinds)
            if found == "table":
                return _keep_overall_figures(sheet, layout, rows, skipped), skipped, index + 1
            if found == "group":
                skipped.append((index, found))
                continue
        gap = False
        rows.append((index, cells))
        if len(rows) >= SAMPLE_ROWS:
            break
    return _keep_overall_figures(sheet, layout, rows, skipped), skipped, None


def _keep_overall_figures(sheet: Sheet, layout: TableLayout, rows: list[tuple[int, list]],
                          skipped: list[tuple[int, str]]) -> list[tuple[int, list]]:
    """Learn the columns' number ranges from the sampled rows (layout.number_peaks, which the import
    uses too); a sampled 合计/Total row within them is an overall figure and goes back among the rows."""
    layout.number_peaks = column_peaks([cells for _, cells in rows])
    totals = {index for index, reason in skipped if reason == "totals"}
    if not totals or not rows:
        return rows
    kept = []
    for index, row in enumerate(sheet.rows()):
        if index > max(totals):
            break
        if index in totals:
            cells = [row[p] if p < len(row) else "" for p in layout.columns]
            if is_overall_figure(cells, layout.number_peaks):
                kept.append((index, cells))
    if kept:
        skipped[:] = [(i, r) for i, r in skipped if i not in {index for index, _ in kept}]
    return sorted(rows + kept, key=lambda pair: pair[0])


def another_table_warning(plan_warnings: list[str], row: int) -> None:
    warn(plan_warnings, f"第 {row} 行起是另一张表，没有并入这张表；可以把它单独导入为一个数据集。",
         f"Another table starts at row {row}; it was not added to this one. Import it as its own dataset?")


def _guess_columns(layout: TableLayout, sample: list[tuple[int, list]], sheet: Sheet,
                   context: ct.Context) -> list[ColumnPlan]:
    columns = []
    for i, (name, position) in enumerate(zip(layout.names, layout.columns)):
        values = [cells[i] for _, cells in sample if not ct.is_null(cells[i])]
        fmt = sheet.column_formats.get(position + sheet.first_column, "")
        guess = ct.infer_type(name, values, context, fmt)
        distinct = len({str(v) for v in values[:SAMPLE_ROWS]})
        role = ct.default_role(name, guess.type, distinct, len(values))
        columns.append(ColumnPlan(name, name, position, guess.type, role))
    return columns


def converted_sample(columns: list[ColumnPlan], sample: list[tuple[int, list]], context: ct.Context,
                     positions: dict[int, int]) -> list[list]:
    """Sample rows converted with the planned types; a column whose values do not fit becomes text."""
    out = []
    converters = [ct.converter(c.type, context) for c in columns]
    for _, cells in sample:
        row = []
        for column, convert in zip(columns, converters):
            if column.position is None:
                row.append(column.constant)
                continue
            raw = cells[positions[column.position]]
            try:
                row.append(convert(raw))
            except ValueError:
                row.append(None)
        out.append(row)
    return out


def _fit_types(columns: list[ColumnPlan], sample: list[tuple[int, list]], context: ct.Context,
               positions: dict[int, int]) -> None:
    """Demote a column whose sample values do not convert (integer → number → text), unless only a
    few odd cells do not (ct.odd_cells_allowed): those are imported as empty and listed."""
    for column in columns:
        if column.position is None:
            continue
        for _ in range(3):
            convert = ct.converter(column.type, context)
            odd, allowed = 0, ct.odd_cells_allowed(len(sample)) if len(sample) >= 4 and column.type != "text" else 0
            for _, cells in sample:
                try:
                    convert(cells[positions[column.position]])
                except ValueError:
                    odd += 1
                    if odd > allowed:
                        break
            if odd <= allowed:
                break
            column.type = "number" if column.type == "integer" else "text"
            if column.role == "metric" and column.type == "text":
                column.role = "attribute"


def _imported_formulas(found: tuple, plan: ImportPlan) -> tuple[int, str]:
    """(count, first reference) of the uncached formula cells that are imported: not in a header,
    title, totals or note row, not outside the table's columns."""
    count, first, *kept = found
    refs = kept[0] if kept else ()
    if not count or not refs or len(refs) < count or "?" in refs:
        return count, first  # not every reference known: count them all
    from workbench.sheets.xlsx_formats import column_index

    skipped = {row for row, _ in plan.skipped_in_sample}
    columns = {c.position for c in plan.columns if c.position is not None and c.include}
    first_column = getattr(plan, "_first_column", 0)
    imported = []
    for ref in refs:
        row = int(re.sub(r"^[A-Z]+", "", ref) or 0) - 1
        if row >= plan.layout.data_start and row not in skipped and \
                column_index(ref) - first_column in columns and \
                (plan.second_table is None or row < plan.second_table - 1):
            imported.append(ref)
    return len(imported), imported[0] if imported else ""


PLACEHOLDERS_LISTED = 5


def _list_placeholders(plan: ImportPlan, sample: list[tuple[int, list]], positions: dict[int, int]) -> None:
    """Word placeholders (暂无, N/A, NULL …) among numbers or dates are imported as empty: say where the
    first few are (in the sample the preview shows). Dashes are not listed: they are how people write 0/none."""
    found = []
    for column in plan.columns:
        if column.position is None or column.type in ("text", "bool"):
            continue
        at = positions[column.position]
        for row, cells in sample:
            value = cells[at]
            if type(value) is str and value and not value[0].isdigit() and ct.is_null(value) and \
                    any(ch.isalpha() for ch in value):
                found.append((row + 1, column.name, value.strip()))
    found.sort()
    for row, name, value in found[:PLACEHOLDERS_LISTED]:
        warn(plan.warnings, f"第 {row} 行 {name}：“{value}”视为空值。", f"Row {row}, {name}: “{value}” is taken as empty.")
    if len(found) > PLACEHOLDERS_LISTED:
        more = len(found) - PLACEHOLDERS_LISTED
        warn(plan.warnings, f"另有 {more} 个“暂无”“N/A”之类的占位符视为空值。",
             f"{more} more placeholders such as “N/A” are taken as empty.")


def _is_row_number(column: ColumnPlan, sample: list[tuple[int, list]], positions: dict[int, int]) -> bool:
    """A saved pandas index: 0, 1, 2 … (restarting at 0 or 1 where frames were concatenated)."""
    if column.type != "integer":
        return False
    previous = None
    for _, cells in sample:
        value = cells[positions[column.position]]
        if not isinstance(value, (int, float)) and not (isinstance(value, str) and value.strip().isdigit()):
            return False
        value = int(float(value))
        if previous is not None and value != previous + 1 and value not in (0, 1):
            return False
        previous = value
    return True


def detect_key(columns: list[ColumnPlan], rows: list[list]) -> list[str]:
    """The columns that identify a row (see key_choice): an id column, or a metrics report's period
    plus labels; [] when no key is sure (the rows are then kept as they are, period by period)."""
    return choose_key([KeyColumn(c.name, c.type, c.position is None) for c in columns], rows)


@dataclass
class MergePreview:
    """What choosing `key` would merge among the file's first rows (shown before the operator picks a
    key the importer was not sure of)."""
    key: list[str]
    rows: int                 # sample rows looked at
    merged: int               # rows whose key an earlier row already has: each would be folded into it
    examples: list[str]       # up to three such key values


def merge_preview(plan: ImportPlan, key: list[str]) -> MergePreview:
    positions = {p: i for i, p in enumerate(plan.layout.columns)}
    rows = converted_sample(plan.columns, plan.sample_raw, plan.context, positions)
    slots = [i for i, c in enumerate(plan.columns) if c.name in key]
    seen, merged, examples = set(), 0, []
    for row in rows:
        value = tuple(row[i] for i in slots)
        if value in seen:
            merged += 1
            label = " ".join("" if v is None else str(v) for v in value)
            if len(examples) < 3 and label not in examples:
                examples.append(label)
        seen.add(value)
    return MergePreview(list(key), len(rows), merged, examples)


# --- matching a known dataset ---------------------------------------------------------------------

def _compatible(a: str, b: str) -> bool:
    numeric = {"integer", "number", "percent", "money"}
    return a == b or (a in numeric and b in numeric) or {a, b} <= {"date", "datetime"}


def match_dataset(plan: ImportPlan, stored) -> None:
    """Map the file's columns onto a stored dataset's: same name (or a known alias) first, then the
    most similar remaining name of a compatible type (marked 'renamed' for the operator to confirm);
    the rest become new columns. Stored types win."""
    by_name = {c.name: c for c in stored.columns}
    aliases = {}
    for c in stored.profile.get("columns", []):
        for alias in c.get("aliases", []):
            aliases[alias] = c["name"]
    free = [c.name for c in stored.columns]
    pending = []
    for column in plan.active_columns:
        target = column.name if column.name in by_name else aliases.get(column.source)
        if column.position is None and column.name in by_name:
            target = column.name
        if target and target in free:
            free.remove(target)
            column.name, column.match = target, "same"
            column.type, column.role = by_name[target].type, by_name[target].role
        else:
            pending.append(column)
    for column in pending:
        scored = sorted(((difflib.SequenceMatcher(None, column.source, name).ratio(), name) for name in free
                         if _compatible(column.type, by_name[name].type)), reverse=True)
        if scored and scored[0][0] >= SIMILAR_ENOUGH:
            target = scored[0][1]
            free.remove(target)
            warn(plan.warnings, f"文件里的列“{column.source}”按名称相近对应到已有的列“{target}”，请确认。",
                 f"The file's column “{column.source}” was matched to the stored column “{target}” by name "
                 "similarity; please confirm.")
            column.name, column.match = target, "renamed"
            column.type, column.role = by_name[target].type, by_name[target].role
        else:
            column.match = "added"
            taken = {c.name for c in stored.columns} | {c.name for c in plan.active_columns if c is not column}
            base, n = column.name, 2
            while column.name in taken:
                column.name, n = f"{base}_{n}", n + 1
            warn(plan.warnings, f"新列“{column.name}”会加到数据集“{stored.name}”里。",
                 f"The new column “{column.name}” will be added to the dataset “{stored.name}”.")
    plan.missing_columns = [n for n in free if n not in plan.key_columns]
    for name in plan.missing_columns:
        warn(plan.warnings, f"这个文件没有“{name}”列，已存的数值保持不变。",
             f"This file has no column “{name}”; its stored values are kept.")
    plan.key_columns = list(stored.key_columns)
    plan.key_chosen = stored.profile.get("key_chosen", "detected")
    plan.existing = True
    _drop_a_key_that_never_was(plan, stored)


def _drop_a_key_that_never_was(plan: ImportPlan, stored) -> None:
    """A dataset an earlier version keyed by a name, an amount or a time (unique in its first file)
    would let this re-export overwrite other rows that share it: when the file has a date, its rows
    replace their period instead, and the dataset is keyless from now on (undo restores the key).
    A key the operator picked is kept."""
    by_name = {c.name: c for c in stored.columns}
    keys = [KeyColumn(name, by_name[name].type) for name in plan.key_columns if name in by_name]
    dated = any(c.type in ("date", "datetime") and c.name not in plan.key_columns for c in plan.active_columns)
    if not keys or plan.key_chosen == "operator" or not dated or not any(never_a_key(k) for k in keys):
        return
    names = "、".join(plan.key_columns)
    warn(plan.warnings, f"数据集“{stored.name}”原来按“{names}”识别行，但它不能确定地识别一行；这次按日期替换文件覆盖的时段。",
         f"The dataset “{stored.name}” identified rows by “{names}”, which does not surely identify a row; "
         "this file replaces the days it covers instead.")
    plan.key_columns = []


def find_known_dataset(db, plan: ImportPlan, wanted: str | None):
    """The dataset this report updates: the one named, else one with the derived name and a similar
    shape, else the dataset whose columns overlap most (≥ 70%)."""
    from workbench.reports.datasets import get_dataset, list_datasets

    if db is None:
        return None
    if wanted:
        return get_dataset(db, wanted)
    names = {c.source for c in plan.columns if c.position is not None}
    best, best_score = None, 0.0
    for info in list_datasets(db):
        known = {c.name for c in info.columns} | {a for c in info.profile.get("columns", []) for a in c.get("aliases", [])}
        score = len(names & known) / max(1, len(names | {c.name for c in info.columns}))
        if info.name == plan.dataset and score >= 0.3:
            return info
        if score > best_score:
            best, best_score = info, score
    return best if best_score >= 0.8 else None


# --- the whole analysis ---------------------------------------------------------------------------

def plan_sheet(sheet: Sheet, layout: TableLayout, *, kind: str, path: Path | None, sheets: list[SheetInfo],
               dataset: str, file_texts: list[str], types: dict | None = None) -> ImportPlan:
    texts = layout.context_texts + file_texts
    context = ct.Context(context_year(texts))
    sample, skipped, second_table = _sample(sheet, layout)
    plan = ImportPlan(path, kind, sheets, sheet.name, layout, [], [], dataset, False, context,
                      sample_raw=sample, skipped_in_sample=skipped, rows_iter=sheet.rows,
                      uncached_formulas=sheet.uncached_formulas, height=sheet.height)
    plan._first_column = sheet.first_column
    plan.second_table = second_table
    if not sample:
        raise _header_only(path, sheet.name, kind)
    if second_table is not None:
        another_table_warning(plan.warnings, second_table)
    plan.columns = _guess_columns(layout, sample, sheet, context)
    for name, spec in (types or {}).items():
        for column in plan.columns:
            if column.name == name:
                column.type = spec.get("type", column.type) if isinstance(spec, dict) else spec
                if isinstance(spec, dict) and spec.get("role"):
                    column.role = spec["role"]
    positions = {p: i for i, p in enumerate(layout.columns)}
    _fit_types(plan.columns, sample, context, positions)
    _list_placeholders(plan, sample, positions)
    if not any(c.type in ("date", "datetime") for c in plan.columns):
        period = context_period(texts)
        if period is not None:
            plan.columns.insert(0, ColumnPlan(PERIOD_COLUMN, "", None, "date", "key", constant=period.isoformat()))
            warn(plan.warnings, f"表格里没有日期列；“{PERIOD_COLUMN}”取自标题/文件名：{period.isoformat()}。",
                 f"The table has no date column; “{PERIOD_COLUMN}” was taken from the title/file name: {period.isoformat()}.")
    for name in layout.unnamed:
        column = next(c for c in plan.columns if c.name == name)
        if _is_row_number(column, sample, positions):
            column.include = False
            warn(plan.warnings, f"没有表头的“{name}”列只是行号，没有导入。",
                 f"The column “{name}” has no header and only numbers the rows; it was left out.")
        else:
            warn(plan.warnings, f"有一列没有表头，已命名为“{name}”。", f"A column had no header and was named “{name}”.")
    count, cell = _imported_formulas(sheet.uncached_formulas, plan)
    if count:
        warn(plan.warnings, f"有 {count} 个公式单元格没有保存计算结果（第一个是 {cell}），它们按空值导入；"
             "请在 Excel 里打开并保存一次后再导入。",
             f"{count} formula cells have no saved result (the first is {cell}); they are imported as empty. "
             "Open and save the file in Excel, then import it again.")
    if sheet.height >= EXCEL_MAX_ROWS:
        warn(plan.warnings, f"工作表达到了 Excel 的行数上限 {EXCEL_MAX_ROWS:,} 行，导出的数据可能被截断了。",
             f"The sheet reaches Excel's limit of {EXCEL_MAX_ROWS:,} rows; the export was probably cut off.")
    rows = converted_sample(plan.columns, sample, context, positions)
    included = [c for c in plan.columns if c.include]
    plan.key_columns = detect_key(included, [[v for v, c in zip(r, plan.columns) if c.include] for r in rows])
    for column in plan.columns:
        if column.name in plan.key_columns:
            column.role = "key"
    return plan


def analyse(path: str | Path, *, dataset: str | None = None, sheet: str | None = None, db=None) -> ImportPlan:
    """Open a report file and plan its import (raises UserError with one sentence for a bad file)."""
    path = Path(path)
    sniffed = sniff(path)
    book = open_workbook(sniffed)
    try:
        chosen, layout, _head = choose_sheet(book, sheet)
        plan = plan_sheet(chosen, layout, kind=sniffed.kind, path=path, sheets=book.sheets,
                          dataset=dataset or dataset_name_from_file(path), file_texts=[redecode(path.stem)])
    except BaseException:
        book.close()
        raise
    plan.encoding, plan.delimiter = book.encoding, book.delimiter
    plan._book = book  # keeps calamine's workbook open for run()
    if sniffed.note == "csv-named-as-excel":
        warn(plan.warnings, f"{path.name} 的扩展名是 {path.suffix}，但内容是 CSV 文本，已按 CSV 读取。",
             f"{path.name} is named {path.suffix} but holds CSV text; it was read as CSV.")
    apply_known_dataset(db, plan, dataset)
    return plan


def apply_known_dataset(db, plan: ImportPlan, wanted: str | None) -> None:
    known = find_known_dataset(db, plan, wanted)
    if known is not None:
        plan.dataset = known.name
        match_dataset(plan, known)
    elif db is not None:
        from workbench.reports.datasets import get_dataset

        base, n = plan.dataset, 2
        while get_dataset(db, plan.dataset) is not None:  # a same-named dataset of another shape
            plan.dataset, n = f"{base}_{n}", n + 1



def apply_overrides(plan: ImportPlan, overrides: dict | None) -> None:
    """The operator's choices from the dialog, by the column's name in the file:
    {"columns": {source: {"type", "role", "include", "target"}}, "key_columns": [...]}.
    target is the stored column a renamed column goes to, or "" for a new column."""
    if not overrides:
        return
    for column in plan.columns:
        choice = overrides.get("columns", {}).get(column.source or column.name)
        if not choice:
            continue
        if choice.get("type") and choice["type"] != column.type:
            column.type, column.chosen = choice["type"], True
        column.role = choice.get("role", column.role)
        column.include = choice.get("include", column.include)
        if "target" in choice and column.match in ("renamed", "added"):
            if choice["target"]:
                column.name, column.match = choice["target"], "renamed"
            else:
                column.name, column.match = column.source, "added"
    if "key_columns" in overrides and not plan.existing:
        if list(overrides["key_columns"]) != plan.key_columns:
            plan.key_chosen = "operator"
        plan.key_columns = list(overrides["key_columns"])
        for column in plan.columns:
            if column.name in plan.key_columns:
                column.role = "key"
            elif column.role == "key":
                column.role = "dimension" if column.type == "text" else "attribute"
