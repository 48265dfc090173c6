"""What calamine does not tell about an .xlsx sheet: number formats and formulas without cached values.

calamine returns 0.4523 for a cell shown as 45.23% and '' for a formula the writing program never
calculated (openpyxl, xlsxwriter and pandas write none). So we read the sheet's XML ourselves, but only
cheaply: the styles of the first rows (is a column formatted as % or as currency?) and a byte scan
for formulas without a <v> value.
"""
from __future__ import annotations

import re
import zipfile
from collections import Counter, defaultdict
from pathlib import PurePosixPath
from xml.etree.ElementTree import XMLPullParser

from defusedxml.ElementTree import fromstring

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PROBE_ROWS = 400
PERCENT_BUILTIN = {9, 10}
MONEY_BUILTIN = {5, 6, 7, 8}
UNCACHED = re.compile(rb"(?:</f>|<f[^>]*/>)(?:<v\s*/>|<v></v>)?</c>")  # openpyxl writes <v />
CELL_REF = re.compile(rb'<c r="([A-Z]+[0-9]+)"')


def column_index(ref: str) -> int:
    n = 0
    for ch in ref:
        if "A" <= ch <= "Z":
            n = n * 26 + ord(ch) - 64
        else:
            break
    return n - 1


def sheet_part(archive: zipfile.ZipFile, sheet_name: str) -> str | None:
    """The zip member holding the named sheet's XML (None when workbook.xml does not list it)."""
    workbook = fromstring(archive.read("xl/workbook.xml"))
    rels = fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target") for rel in rels}
    for sheet in workbook.iter(f"{NS}sheet"):
        if sheet.get("name") == sheet_name:
            target = targets.get(sheet.get(f"{REL_NS}id"), "")
            if target.startswith("/"):
                return target.lstrip("/")
            return str(PurePosixPath("xl") / target)
    return None


def _style_kinds(archive: zipfile.ZipFile) -> list[str]:
    """For each cellXfs index: 'percent', 'money' or ''."""
    if "xl/styles.xml" not in archive.namelist():
        return []
    styles = fromstring(archive.read("xl/styles.xml"))
    codes = {int(f.get("numFmtId")): f.get("formatCode", "") for f in styles.iter(f"{NS}numFmt")}
    kinds = []
    cell_xfs = styles.find(f"{NS}cellXfs")
    for xf in (cell_xfs if cell_xfs is not None else []):
        fmt_id = int(xf.get("numFmtId", "0"))
        code = re.sub(r'"[^"]*"|\\.', "", codes.get(fmt_id, ""))  # ignore quoted literal text
        if fmt_id in PERCENT_BUILTIN or "%" in code:
            kinds.append("percent")
        elif fmt_id in MONEY_BUILTIN or any(sym in codes.get(fmt_id, "") for sym in ("¥", "￥", "$", "[$", "元")):
            kinds.append("money")
        else:
            kinds.append("")
    return kinds


def _probe_styles(archive: zipfile.ZipFile, part: str, kinds: list[str]) -> dict[int, str]:
    seen: dict[int, Counter] = defaultdict(Counter)
    parser = XMLPullParser(events=("end",))
    rows = 0
    with archive.open(part) as stream:
        while rows < PROBE_ROWS:
            chunk = stream.read(1 << 16)
            if not chunk:
                break
            parser.feed(chunk)
            for _event, element in parser.read_events():
                if element.tag == f"{NS}c":
                    style, kind = element.get("s"), element.get("t", "n")
                    if kind == "n" and element.find(f"{NS}v") is not None:
                        index = int(style) if style else 0
                        seen[column_index(element.get("r", "A"))][kinds[index] if index < len(kinds) else ""] += 1
                elif element.tag == f"{NS}row":
                    rows += 1
                    element.clear()
    formats = {}
    for column, counter in seen.items():
        formatted = [(count, kind) for kind, count in counter.items() if kind]
        if not formatted:
            continue
        count, kind = max(formatted)
        # at least half (a single data row above a totals row in General format is a tie)
        if count * 2 >= sum(counter.values()):
            formats[column] = kind
    return formats


class FormulaScan:
    """The byte scan for formulas without a cached value, fed the sheet XML chunk by chunk (by
    probe(), or by xlsx_halves while it copies the XML anyway). count and first (the first such
    cell's reference) are the answer."""

    REFS_KEPT = 10_000  # cell references kept (so a warning can leave out cells that are not imported)

    def __init__(self):
        self.count, self.first, self.tail = 0, "", b""
        self.refs: list[str] = []
        self.last_ref = "?"

    def feed(self, chunk: bytes) -> None:
        if not chunk:
            return
        data = self.tail + chunk
        if b"<f" not in data:  # most exports hold no formulas: skip the regex
            self.tail = data[-64:]
            self._remember_last_ref(data)
            return
        for match in UNCACHED.finditer(data):
            self.count += 1
            refs = CELL_REF.findall(data, max(0, match.start() - 2000), match.start())
            ref = refs[-1].decode() if refs else self.last_ref
            if not self.first:
                self.first = ref
            if len(self.refs) < self.REFS_KEPT:
                self.refs.append(ref)
        self._remember_last_ref(data)
        self.tail = data[-64:] if not data.endswith(b"</c>") else b""
        # a match spanning the boundary is found again with the tail; avoid counting it twice
        if self.tail and UNCACHED.search(self.tail):
            self.tail = b""

    def reading(self, stream):
        """A stream whose read() also feeds this scan what it returns."""
        return _ScannedStream(stream, self)

    def _remember_last_ref(self, data: bytes) -> None:
        at = data.rfind(b'<c r="')
        if at >= 0:
            match = CELL_REF.match(data, at)
            if match:
                self.last_ref = match[1].decode()

    @property
    def found(self) -> tuple[int, str, tuple[str, ...]]:
        """(count, first cell's reference, the references of the first REFS_KEPT)."""
        return self.count, self.first, tuple(self.refs)


class _ScannedStream:
    def __init__(self, stream, scan: FormulaScan):
        self._stream, self._scan = stream, scan

    def read(self, size: int = -1) -> bytes:
        chunk = self._stream.read(size)
        self._scan.feed(chunk)
        return chunk


def probe(path, sheet_name: str, scan_formulas: bool = True) -> tuple[dict[int, str], tuple[int, str]]:
    """({absolute column index: 'percent'|'money'}, (formulas without a cached value, first cell)).
    scan_formulas=False: (0, '') for the formulas, for a caller that runs a FormulaScan itself."""
    with zipfile.ZipFile(path) as archive:
        part = sheet_part(archive, sheet_name)
        if part is None or part not in archive.namelist():
            return {}, (0, "")
        kinds = _style_kinds(archive)
        formats = _probe_styles(archive, part, kinds) if any(kinds) else {}
        if not scan_formulas:
            return formats, (0, "")
        scan = FormulaScan()
        with archive.open(part) as stream:
            for chunk in iter(lambda: stream.read(1 << 20), b""):
                scan.feed(chunk)
        return formats, scan.found
