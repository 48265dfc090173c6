"""Loading a big .xlsx sheet in two parts, one per core, and reading the first while the rest loads.

calamine parses a sheet's XML on one core with the GIL released, at ~70 MB of XML a second (1.5 s for
200k rows × 12 columns), which is most of an import's time; the machine has a second core. So for a
big sheet the XML is cut at a <row> tag at 40% into two small workbooks in a private temp folder (the
other parts — workbook, relationships, shared strings, styles — copied; the sheet stored
uncompressed). calamine loads the first on a thread while the rest is written here, then the rest on
another thread. The first part is ready well before the rest: the importer detects, types and
inserts its rows meanwhile (Split.early) and waits for the rest only when it gets there. Rows keep
their absolute numbers (r="…"), so the rest starts where the first part ends: the rest's rows up to
the first part's last row are empty and skipped.

What the first part's readers need from the rest comes from the XML the split copies anyway: the
merged ranges (after </sheetData>), the last row (for the row count) and the formulas without a
cached value (xlsx_formats.FormulaScan).

Anything unusual (a prefixed or missing <sheetData>, a row tag without r=, a calamine error, too
little disk) gives None and the caller loads the sheet whole, as before; a damaged file then fails
there with the usual sentence. The temp files are unlinked as soon as calamine has opened them (on
POSIX) and the folder is removed once both parts are loaded.
"""
from __future__ import annotations

import atexit
import contextlib
import os
import re
import shutil
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

SPLIT_FROM_BYTES = 16 << 20   # sheet XML below this loads whole in < 0.25 s: splitting would not pay
# the first part is read (typed, inserted) while the rest loads on the other core: with 40% both
# are ready at about the same time (measured on 200k rows × 12 columns)
FIRST_SHARE = 0.4
CHUNK = 1 << 20
FOLDER_PREFIX = "workbench-read-"
STALE_SECONDS = 3600          # a folder this old was left by a killed import: removed by the next one
ROW_TAG = b"<row "
ROW_NUMBER = re.compile(rb'\sr="(\d+)"')
LAST_REF = re.compile(rb'<c r="[A-Z]+(\d+)"|<row r="(\d+)"')
MERGED = re.compile(rb'<mergeCell ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"')
LOADING: set[Path] = set()    # folders whose rest is still loading (removed at exit if the process ends first)
EMPTY_SHEET = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
               b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>')


@dataclass
class Halves:
    """A sheet worth loading in two parts: where its XML is and how big it is."""
    path: Path
    sheet_name: str
    part: str
    size: int


@dataclass
class Split:
    """A sheet loaded in two parts: `first` (a calamine sheet) and the rest, loading on a thread
    (rest() waits for it). The rest holds the rows from `cut_row` (0-based) on."""
    first: object
    loading: object                       # readers.in_background of the rest's calamine sheet
    cut_row: int
    merged: list = field(default_factory=list)   # from the XML, as calamine gives them
    last_row: int = -1                    # 0-based row of the last cell in the XML (-1: unknown)
    uncached_formulas: tuple[int, str] = (0, "")

    @property
    def early(self) -> bool:
        """Can the first part be read before the rest is loaded? Only when the sheet's columns
        start at A (the rest cannot widen the table to the left) and the first part holds only
        rows before the cut."""
        first = self.first
        return first.start is not None and first.start[1] == 0 and first.end[0] < self.cut_row

    def rest(self):
        return self.loading.result()

    def parts(self) -> list | None:
        """Both parts in row order (or the one holding cells); None when the rest did not load or
        the parts' rows overlap (the caller loads the sheet whole)."""
        try:
            first, rest = self.first, self.rest()
        except Exception:  # calamine's errors: the whole sheet says what is wrong, if anything
            return None
        if rest.start is None:
            return [first]
        if first.start is None:
            return [rest]
        if rest.start[0] <= first.end[0]:  # rows out of order across the cut
            return None
        return [first, rest]


def plan_halves(path: Path, sheet_name: str) -> Halves | None:
    """A Halves when the sheet's XML is big enough to be worth splitting, else None (cheap: reads the
    zip directory and workbook.xml)."""
    from workbench.sheets.xlsx_formats import sheet_part

    try:
        with zipfile.ZipFile(path) as archive:
            part = sheet_part(archive, sheet_name)
            size = archive.getinfo(part).file_size if part else 0
    except Exception:  # not a readable zip or workbook.xml: calamine will say what is wrong
        return None
    return Halves(path, sheet_name, part, size) if size >= SPLIT_FROM_BYTES else None


def load_halves(halves: Halves) -> Split | None:
    """The sheet as a Split once its first part is loaded (the rest still loading), or None."""
    _remove_stale_folders()
    folder = Path(tempfile.mkdtemp(prefix=FOLDER_PREFIX))  # 0700
    try:
        if shutil.disk_usage(folder).free < 2 * halves.size + (256 << 20):
            shutil.rmtree(folder, ignore_errors=True)
            return None
        with zipfile.ZipFile(halves.path) as archive:
            return _split_and_load(archive, halves, folder)
    except Exception:  # corrupt deflate data, a full disk, calamine's errors: load it whole instead
        return None


def _remove_stale_folders() -> None:
    """Folders a killed import left behind (they hold report data): removed by the next split."""
    now = time.time()
    for folder in Path(tempfile.gettempdir()).glob(FOLDER_PREFIX + "*"):
        with contextlib.suppress(OSError):
            if now - folder.stat().st_mtime > STALE_SECONDS:
                shutil.rmtree(folder, ignore_errors=True)


def _split_and_load(archive: zipfile.ZipFile, halves: Halves, folder: Path) -> Split | None:
    """Writes the first part and starts loading it, writes the rest and starts loading it, waits for
    the first part. The folder is removed here on failure, else by the rest's thread."""
    from workbench.sheets.readers import in_background
    from workbench.sheets.xlsx_formats import FormulaScan

    part, sheet_name = halves.part, halves.sheet_name
    others = _other_parts(archive, part)
    first_path, rest_path = folder / "1.xlsx", folder / "2.xlsx"
    scan = FormulaScan()
    first_loading = rest_loading = None
    try:
        with archive.open(part) as raw_stream:
            stream = scan.reading(raw_stream)
            head = stream.read(CHUNK)
            opening = head.find(b"<sheetData>")
            if opening < 0:  # no rows, or a namespace prefix (<x:sheetData>): not worth handling
                return None
            header = head[:opening + len(b"<sheetData>")]
            with _workbook(first_path, others) as out, out.open(part, "w") as sink:
                rest = _write_until_row(stream, sink, head, int(halves.size * FIRST_SHARE))
                if rest is None:
                    return None
                sink.write(b"</sheetData></worksheet>")
            first_loading = in_background(_load, first_path, sheet_name)
            with _workbook(rest_path, others) as out, out.open(part, "w") as sink:
                sink.write(header)
                end = _copy_rest(stream, sink, rest)
        LOADING.add(folder)
        rest_loading = in_background(_load_rest, rest_path, sheet_name, first_loading, folder)
        first = first_loading.result()
    except Exception:
        for loading in (first_loading, rest_loading):  # let the threads finish before the folder goes
            with contextlib.suppress(Exception):
                loading and loading.result()
        raise
    finally:
        if rest_loading is None:
            shutil.rmtree(folder, ignore_errors=True)
    cut_row = int(ROW_NUMBER.search(rest, 0, rest.find(b">"))[1]) - 1
    return Split(first, rest_loading, cut_row, _merged_ranges(end), _last_row(end), scan.found)


def _other_parts(archive: zipfile.ZipFile, part: str) -> list[tuple[str, bytes]]:
    """Every part calamine may read besides the sheet; other sheets become empty ones, pictures are left out."""
    out = []
    for info in archive.infolist():
        name = info.filename
        if name == part or info.is_dir() or name.startswith("xl/media/"):
            continue
        if name.startswith("xl/worksheets/") and name.endswith(".xml"):
            out.append((name, EMPTY_SHEET))
        else:
            out.append((name, archive.read(name)))
    return out


def _workbook(path: Path, others: list[tuple[str, bytes]]) -> zipfile.ZipFile:
    out = zipfile.ZipFile(path, "w", zipfile.ZIP_STORED)
    for name, data in others:
        out.writestr(name, data)
    return out


def _write_until_row(stream, sink, data: bytes, target: int) -> bytes | None:
    """Copy the sheet XML to sink up to the first row tag past `target` bytes; returns the bytes from
    that tag on (not yet written), or None when no row with an r= attribute starts past the target."""
    written = 0
    while True:
        if written + len(data) > target:
            cut = data.find(ROW_TAG, max(0, target - written))
            end = data.find(b">", cut) if cut >= 0 else -1
            if end >= 0:
                closing = data.find(b"</sheetData>", 0, cut)
                if closing >= 0 or not ROW_NUMBER.search(data, cut, end):
                    return None
                sink.write(data[:cut])
                return data[cut:]
        chunk = stream.read(CHUNK)
        if not chunk:
            return None
        keep = min(len(data), 4096)  # may hold the start of a row tag split by the chunk boundary
        sink.write(data[:len(data) - keep])
        written += len(data) - keep
        data = data[len(data) - keep:] + chunk


def _copy_rest(stream, sink, data: bytes) -> bytes:
    """Copy data and the rest of stream to sink. Returns the XML's end: the last two chunks of the
    rows and everything after </sheetData> (where the merged ranges are)."""
    previous, end = b"", None
    while data:
        sink.write(data)
        if end is not None:
            end.append(data)
        elif b"</sheetData>" in data or b"</sheetData>" in previous[-11:] + data[:11]:
            end = [previous, data]
        else:
            previous = data
        data = stream.read(CHUNK)
    return b"".join(end) if end is not None else previous


def _last_row(end: bytes) -> int:
    """0-based row of the last cell (or, without cell references, the last row tag) before </sheetData>."""
    closing = end.rfind(b"</sheetData>")
    rows = end[:closing if closing >= 0 else len(end)]
    for start in (rows.rfind(b'<c r="'), rows.rfind(b'<row r="')):
        match = LAST_REF.match(rows, start) if start >= 0 else None
        if match:
            return int(match[1] or match[2]) - 1
    return -1


def _merged_ranges(end: bytes) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The <mergeCell> ranges after </sheetData>, as calamine's merged_cell_ranges gives them."""
    from workbench.sheets.xlsx_formats import column_index

    closing = end.rfind(b"</sheetData>")
    ranges = []
    for match in MERGED.finditer(end, max(0, closing)):
        first_col, first_row, last_col, last_row = match.groups()
        last_col, last_row = last_col or first_col, last_row or first_row
        ranges.append(((int(first_row) - 1, column_index(first_col.decode())),
                       (int(last_row) - 1, column_index(last_col.decode()))))
    return ranges


def _load(path: Path, sheet_name: str):
    import python_calamine

    book = python_calamine.CalamineWorkbook.from_path(str(path))
    try:
        with contextlib.suppress(OSError):
            os.unlink(path)  # POSIX: the open file stays readable; on Windows the folder removal does it
        return book.get_sheet_by_name(sheet_name)
    finally:
        book.close()


def _load_rest(path: Path, sheet_name: str, first_loading, folder: Path):
    """The rest's calamine sheet; then, once the first part is loaded too, the folder goes."""
    try:
        return _load(path, sheet_name)
    finally:
        with contextlib.suppress(BaseException):
            first_loading.result()
        shutil.rmtree(folder, ignore_errors=True)
        LOADING.discard(folder)


@atexit.register
def _remove_loading_folders() -> None:
    """A process that ends while a rest still loads (a CLI import that failed in the first part)
    leaves no report data in the temp folder; the daemon thread loading it just stops."""
    for folder in list(LOADING):
        shutil.rmtree(folder, ignore_errors=True)
