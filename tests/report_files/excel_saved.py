"""Saving a workbook the way Excel does. openpyxl writes each text cell inline and a formula with an
empty result; Excel (which saved the lender's exports) keeps text in one shared-strings table and saves
each formula with its result. save_like_excel writes the book with openpyxl, then rewrites those parts."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

SHEET = "xl/worksheets/sheet1.xml"
INLINE = re.compile(rb'<c r="([A-Z]+\d+)"((?: s="\d+")?) t="inlineStr"><is><t(?: xml:space="preserve")?>(.*?)</t></is></c>',
                    re.S)
SST_TYPE = b"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
SST_RELATION = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"


def save_like_excel(book, path: Path, results: dict[str, float] | None = None) -> Path:
    """Saves `book` (one sheet) to `path` with shared strings, and results[cell] (e.g. {"B112": 224511})
    stored as each formula's result."""
    book.save(path)
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    parts[SHEET], parts["xl/sharedStrings.xml"] = _share_strings(parts[SHEET])
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="' + SST_TYPE + b'"/></Types>')
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Id="rIdStrings" Type="' + SST_RELATION + b'" Target="sharedStrings.xml"/>'
                             b"</Relationships>")
    for cell, value in (results or {}).items():
        pattern = rf'(<c r="{cell}"[^>]*><f>[^<]*</f>)<v\s*/>'.encode()
        parts[SHEET], count = re.subn(pattern, rb"\g<1><v>" + repr(value).encode() + b"</v>", parts[SHEET])
        assert count == 1, f"no formula cell {cell} in {path.name}"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def _share_strings(sheet: bytes) -> tuple[bytes, bytes]:
    """The sheet with every inline text cell pointing into a shared-strings table, and that table."""
    table: dict[bytes, int] = {}
    uses = 0

    def shared(match: re.Match) -> bytes:
        nonlocal uses
        uses += 1
        index = table.setdefault(match[3], len(table))
        return b'<c r="' + match[1] + b'"' + match[2] + b' t="s"><v>' + str(index).encode() + b"</v></c>"

    sheet = INLINE.sub(shared, sheet)
    items = b"".join(b'<si><t xml:space="preserve">' + text + b"</t></si>" for text in table)
    sst = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">'
           % (uses, len(table)) + items + b"</sst>")
    return sheet, sst
