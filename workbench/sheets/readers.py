"""Reading a sniffed report file as sheets of rows of Python values.

Workbooks (.xlsx/.xlsm/.xls/.ods) go through python-calamine (about 5x faster than openpyxl's
read-only mode). What calamine returns and how we take it: '' for an empty cell, floats for
integers, `date` for a midnight datetime, '' for a formula without a cached value (see
xlsx_formats.uncached_formulas). CSV/TSV text is decoded and split here, streamed line by line.

A Sheet gives `rows()` — an iterator of lists, index 0 = the sheet's first row, column 0 = the
sheet's `first_column` — plus merged ranges and, for xlsx, which columns carry a % or currency format.
"""
from __future__ import annotations

import codecs
import contextlib
import csv
import io
import itertools
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from workbench.errors import UserError
from workbench.sheets.file_sniff import Sniffed, password_error

CSV_SAMPLE_BYTES = 1 << 20
DELIMITERS = [",", "\t", ";", "|"]


@dataclass
class SheetInfo:
    name: str
    hidden: bool = False
    index: int = 0


@dataclass
class Sheet:
    name: str
    height: int                         # rows, counted from the sheet's first row
    width: int
    first_column: int = 0               # absolute index of column 0 of rows()
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)
    column_formats: dict[int, str] = field(default_factory=dict)  # absolute column -> 'percent'|'money'
    uncached_formulas: tuple[int, str] = (0, "")                   # (count, first cell ref)
    _rows: object = None

    def rows(self) -> Iterator[list]:
        return self._rows()


class Workbook:
    """The sheets of one file. `sheet(name)` loads one sheet."""

    def __init__(self, sniffed: Sniffed):
        self.sniffed = sniffed
        self.kind = sniffed.kind
        self.path = sniffed.path
        self.encoding: str | None = None
        self.delimiter: str | None = None
        if self.kind == "csv":
            self.encoding, self.delimiter = detect_csv(self.path)
            from workbench.text_input import redecode  # (a file name in GBK bytes is still text)

            self.sheets = [SheetInfo(redecode(self.path.stem), False, 0)]
            self._book = None
        else:
            self._book = _open_calamine(self.path)
            self.sheets = [SheetInfo(meta.name, not str(meta.visible).endswith(".Visible"), i)
                           for i, meta in enumerate(self._book.sheets_metadata)
                           if "WorkSheet" in str(meta.typ)]

    def sheet(self, name: str) -> Sheet:
        if self.kind == "csv":
            return self._csv_sheet()
        probe = split = None
        if self.kind == "xlsx":
            from workbench.sheets import xlsx_formats, xlsx_halves

            halves = xlsx_halves.plan_halves(self.path, name)  # a big sheet: two parts on two cores
            # calamine releases the GIL while it loads the sheet: read the number formats and scan
            # for uncached formulas on the other core meanwhile (a split scans while it copies)
            probe = in_background(xlsx_formats.probe, self.path, name, halves is None)
            split = xlsx_halves.load_halves(halves) if halves is not None else None
            if halves is not None and split is None:  # not split after all: the full probe, as usual
                with contextlib.suppress(Exception):
                    probe.result()
                probe = in_background(xlsx_formats.probe, self.path, name)
        if split is not None and split.early:
            sheet = _early_sheet(name, split, lambda: self._load_whole(name), self.path)
        else:
            parts = split.parts() if split is not None else None
            sheet = _joined_sheet(name, parts or [self._load_whole(name)])
        joined = sheet._rows

        def rows() -> Iterator[list]:
            try:
                return joined()
            except Exception as exc:
                raise _damaged(self.path, exc) from exc

        sheet._rows = rows
        if probe is not None:
            try:
                sheet.column_formats, sheet.uncached_formulas = probe.result()
                if split is not None:
                    sheet.uncached_formulas = split.uncached_formulas
            except Exception:  # the probe only refines types; calamine already read the data
                pass
        return sheet

    def _load_whole(self, name: str):
        try:
            return self._book.get_sheet_by_name(name)
        except Exception as exc:  # calamine raises its own error types for a damaged sheet
            raise _damaged(self.path, exc) from exc

    def _csv_sheet(self) -> Sheet:
        path, encoding, delimiter = self.path, self.encoding, self.delimiter

        def rows() -> Iterator[list]:
            with open(path, encoding=encoding, errors="replace", newline="") as handle:
                for row in csv.reader(handle, delimiter=delimiter):
                    yield row

        return Sheet(self.sheets[0].name, -1, -1, 0, [], {}, (0, ""), rows)

    def close(self) -> None:
        if self._book is not None:
            self._book.close()


def _joined_sheet(name: str, parts: list) -> Sheet:
    """A Sheet over calamine sheets holding consecutive row ranges of one sheet (usually just one).
    Their iter_rows() start at row 0 (leading rows empty) and at the part's first column."""
    filled = [p for p in parts if p.height] or parts[:1]
    if len(filled) == 1:
        raw = filled[0]
        first_column = raw.start[1] if raw.height else 0
        sheet = Sheet(name, raw.height, raw.width, first_column, list(raw.merged_cell_ranges or []))
        # calamine's own iterator, not a generator around it: no Python frame per row
        sheet._rows = raw.iter_rows
        return sheet
    first_column = min(p.start[1] for p in filled)
    last_column = max(p.end[1] for p in filled)
    top, bottom = filled[0].start[0], filled[-1].end[0]
    merged = [m for p in filled for m in (p.merged_cell_ranges or [])]
    sheet = Sheet(name, bottom - top + 1, last_column - first_column + 1, first_column, merged)

    def rows() -> Iterator[list]:
        if all(p.start[1] == first_column and p.end[1] == last_column for p in filled):
            return itertools.chain.from_iterable(_part_rows(filled))  # chained in C: no frame per row
        return _padded(filled, first_column, last_column)

    sheet._rows = rows
    return sheet


def _early_sheet(name: str, split, load_whole, path: Path) -> Sheet:
    """A Sheet whose rows() gives the split's first part at once and waits for the rest only when it
    gets there (the importer types and inserts the first part's rows meanwhile). Its columns start
    at A (split.early); merged ranges and height come from the sheet's XML until the rest is joined,
    then height and width are calamine's. A rest that fails to load is read from the whole sheet."""
    first = split.first
    height = split.last_row - first.start[0] + 1 if split.last_row >= 0 else -1  # -1: unknown
    sheet = Sheet(name, height, first.width, 0, split.merged)
    loaded = []

    def rest_rows() -> Iterator[list]:
        if not loaded:
            try:
                loaded.append((split.rest(), True))
            except Exception:  # calamine could not read the rest: the whole sheet says why (or reads)
                loaded.append((load_whole(), False))
        rest, is_rest = loaded[0]
        if rest.start is None:
            return iter(())
        if is_rest and rest.start[0] < split.cut_row:  # a row out of order: it belongs among rows read already
            raise _damaged(path, ValueError("rows out of order"))
        sheet.height = max(rest.end[0], first.end[0]) - first.start[0] + 1
        sheet.width = max(rest.end[1], first.end[1]) + 1
        rows = itertools.islice(rest.iter_rows(), first.end[0] + 1, None)
        if rest.start[1] == 0 and rest.end[1] >= first.end[1]:
            return rows
        return _padded_rows(rows, rest.start[1], first.end[1] - rest.end[1])

    def parts() -> Iterator[Iterator[list]]:
        yield first.iter_rows()
        yield rest_rows()  # waits for the rest here

    sheet._rows = lambda: itertools.chain.from_iterable(parts())  # chained in C: no frame per row
    return sheet


def _padded_rows(rows: Iterator[list], left: int, right: int) -> Iterator[list]:
    left_cells, right_cells = [""] * left, [""] * max(0, right)
    for row in rows:
        yield left_cells + row + right_cells


def _part_rows(parts: list) -> list[Iterator[list]]:
    """Each part's rows, without the (empty) rows the parts before it cover."""
    return [part.iter_rows() if n == 0 else itertools.islice(part.iter_rows(), parts[n - 1].end[0] + 1, None)
            for n, part in enumerate(parts)]


def _padded(parts: list, first_column: int, last_column: int) -> Iterator[list]:
    """Rows of parts with different first/last columns, padded with '' to the sheet's columns."""
    for part, rows in zip(parts, _part_rows(parts)):
        left, right = [""] * (part.start[1] - first_column), [""] * (last_column - part.end[1])
        for row in rows:
            yield left + row + right


class in_background:
    """fn(*args) on a daemon thread; result() waits for it and returns its value or raises its error."""

    def __init__(self, fn, *args):
        self._value, self._error = None, None

        def target():
            try:
                self._value = fn(*args)
            except BaseException as exc:  # handed to the caller in result()
                self._error = exc

        self._thread = threading.Thread(target=target, daemon=True)
        self._thread.start()

    def result(self):
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._value


def _damaged(path: Path, exc: Exception) -> UserError:
    if type(exc).__name__ == "PasswordError":
        return password_error(path)
    return UserError(f"无法读取 {path.name}：文件已损坏或不完整。",
                     f"Cannot read {path.name}: the file is damaged or incomplete.")


def _open_calamine(path: Path):
    import python_calamine

    try:
        return python_calamine.CalamineWorkbook.from_path(str(path))
    except Exception as exc:
        raise _damaged(path, exc) from exc


def _sample(path: Path) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(CSV_SAMPLE_BYTES)


def detect_encoding(sample: bytes) -> str:
    """utf-8-sig, then UTF-16 (BOM or NUL pattern), utf-8, gb18030, then legacy single-byte."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith(codecs.BOM_UTF16_LE) or sample.startswith(codecs.BOM_UTF16_BE):
        return "utf-16"
    if sample[:200].count(b"\x00") > len(sample[:200]) // 4:
        return "utf-16-le" if sample[1:2] == b"\x00" else "utf-16-be"
    if b"\x00" in sample:
        raise UserError("这个文件是二进制数据，既不是 Excel 表格也不是 CSV 文本。",
                        "This file holds binary data; it is neither an Excel workbook nor CSV text.")
    for encoding in ("utf-8", "gb18030", "cp1252"):
        try:
            codecs.getincrementaldecoder(encoding)().decode(sample, final=False)
            return "utf-8-sig" if encoding == "utf-8" else encoding
        except UnicodeDecodeError:
            continue
    return "latin-1"


def detect_delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the most, most consistent fields."""
    lines = [line for line in text.splitlines()[:60] if line.strip()]
    if not lines:
        return ","
    best, best_score = ",", (-1.0, 0)
    for delimiter in DELIMITERS:
        counts = [len(row) for row in csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter)]
        if not counts:
            continue
        common = max(set(counts), key=counts.count)
        if common < 2:
            continue
        score = (counts.count(common) / len(counts), common)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def detect_csv(path: Path) -> tuple[str, str]:
    sample = _sample(path)
    encoding = detect_encoding(sample)
    text = codecs.getincrementaldecoder(encoding)(errors="replace").decode(sample, final=False)
    return encoding, detect_delimiter(text)


def open_workbook(sniffed: Sniffed) -> Workbook:
    return Workbook(sniffed)
