"""Loading a big .xlsx sheet in two halves, one per core.

calamine parses a sheet's XML on one core with the GIL released, at ~70 MB of XML a second (1.5 s for
200k rows × 12 columns), which is most of an import's time; the machine has a second core. So for a
big sheet the XML is cut at a <row> tag past its middle into two small workbooks in a private temp
folder (the other parts — workbook, relationships, shared strings, styles — copied; the sheet stored
uncompressed), and calamine loads the first one on a thread while the second is written and loaded
here. Rows keep their absolute numbers (r="…"), so the second half starts where the first one ends:
the rows of the second sheet up to the first one's last row are empty and skipped.

Anything unusual (a prefixed or missing <sheetData>, a row tag without r=, halves that overlap, a
calamine error, too little disk) gives None and the caller loads the sheet whole, as before; a damaged
file then fails there with the usual sentence. The temp files are unlinked as soon as calamine has
opened them (on POSIX) and the folder is removed before returning.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

SPLIT_FROM_BYTES = 16 << 20   # sheet XML below this loads whole in < 0.25 s: splitting would not pay
FIRST_SHARE = 0.55            # the first half starts loading while the second is still being written
CHUNK = 1 << 20
FOLDER_PREFIX = "workbench-read-"
STALE_SECONDS = 3600          # a folder this old was left by a killed import: removed by the next one
ROW_TAG = b"<row "
EMPTY_SHEET = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
               b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>')


@dataclass
class Halves:
    """A sheet worth loading in two halves: where its XML is and how big it is."""
    path: Path
    sheet_name: str
    part: str
    size: int
    uncached_formulas: tuple[int, str] = (0, "")   # found while copying the XML (see FormulaScan)


def plan_halves(path: Path, sheet_name: str) -> Halves | None:
    """A Halves when the sheet's XML is big enough to be worth splitting, else None (cheap: reads the
    zip directory and workbook.xml)."""
    from workbench.reports.xlsx_formats import _sheet_part

    try:
        with zipfile.ZipFile(path) as archive:
            part = _sheet_part(archive, sheet_name)
            size = archive.getinfo(part).file_size if part else 0
    except Exception:  # not a readable zip or workbook.xml: calamine will say what is wrong
        return None
    return Halves(path, sheet_name, part, size) if size >= SPLIT_FROM_BYTES else None


def number_formats(path: Path, sheet_name: str) -> tuple[dict[int, str], tuple[int, str]]:
    """xlsx_formats.probe without its scan for uncached formulas (the split does that scan while it
    copies the XML, instead of a third thread inflating all of it again)."""
    from workbench.reports import xlsx_formats

    with zipfile.ZipFile(path) as archive:
        part = xlsx_formats._sheet_part(archive, sheet_name)
        kinds = xlsx_formats._style_kinds(archive)
        return (xlsx_formats._probe_styles(archive, part, kinds) if part and any(kinds) else {}), (0, "")


def load_halves(halves: Halves) -> list | None:
    """The sheet as calamine sheets in row order (two, or one when the other half holds no cell), or None."""
    _remove_stale_folders()
    folder = tempfile.mkdtemp(prefix=FOLDER_PREFIX)  # 0700
    try:
        if shutil.disk_usage(folder).free < 2 * halves.size + (256 << 20):
            return None
        with zipfile.ZipFile(halves.path) as archive:
            return _split_and_load(archive, halves, Path(folder))
    except Exception:  # corrupt deflate data, a full disk, calamine's errors: load it whole instead
        return None
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _remove_stale_folders() -> None:
    """Folders a killed import left behind (they hold report data): removed by the next split."""
    now = time.time()
    for folder in Path(tempfile.gettempdir()).glob(FOLDER_PREFIX + "*"):
        with contextlib.suppress(OSError):
            if now - folder.stat().st_mtime > STALE_SECONDS:
                shutil.rmtree(folder, ignore_errors=True)


def _split_and_load(archive: zipfile.ZipFile, halves: Halves, folder: Path) -> list | None:
    from workbench.reports.readers import in_background

    part, sheet_name = halves.part, halves.sheet_name
    others = _other_parts(archive, part)
    first_path, second_path = folder / "1.xlsx", folder / "2.xlsx"
    scan = FormulaScan()
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
        loading = in_background(_load, first_path, sheet_name)
        try:
            with _workbook(second_path, others) as out, out.open(part, "w") as sink:
                sink.write(header)
                sink.write(rest)
                shutil.copyfileobj(stream, sink, CHUNK)
            second = _load(second_path, sheet_name)
        finally:
            first = loading.result()  # wait for the thread even when this half failed
    halves.uncached_formulas = (scan.count, scan.first)
    if second.start is None:
        return [first]
    if first.start is None:
        return [second]
    if second.start[0] <= first.end[0]:  # rows out of order across the cut: the halves overlap
        return None
    return [first, second]


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
                if closing >= 0 or b' r="' not in data[cut:end]:
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


def _load(path: Path, sheet_name: str):
    import python_calamine

    book = python_calamine.CalamineWorkbook.from_path(str(path))
    try:
        with contextlib.suppress(OSError):
            os.unlink(path)  # POSIX: the open file stays readable; on Windows the folder removal does it
        return book.get_sheet_by_name(sheet_name)
    finally:
        book.close()


class FormulaScan:
    """xlsx_formats' byte scan for formulas without a cached value, fed the chunks the split reads
    (same regexes and boundary handling as xlsx_formats._scan_uncached)."""

    def __init__(self):
        self.count, self.first, self.tail = 0, "", b""

    def reading(self, stream):
        scan = self

        class Scanned:
            def read(self, size: int = -1) -> bytes:
                chunk = stream.read(size)
                scan.feed(chunk)
                return chunk

        return Scanned()

    def feed(self, chunk: bytes) -> None:
        if not chunk:
            return
        from workbench.reports.xlsx_formats import CELL_REF, UNCACHED

        data = self.tail + chunk
        if b"<f" not in data:  # most exports hold no formulas: skip the regex
            self.tail = data[-64:]
            return
        for match in UNCACHED.finditer(data):
            self.count += 1
            if not self.first:
                refs = CELL_REF.findall(data, max(0, match.start() - 2000), match.start())
                self.first = refs[-1].decode() if refs else "?"
        self.tail = data[-64:] if not data.endswith(b"</c>") else b""
        if self.tail and UNCACHED.search(self.tail):  # found again with the next chunk: not twice
            self.tail = b""
