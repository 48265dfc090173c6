"""Excel saves a formula with its result; openpyxl cannot (it writes an empty <v/>). The lender's
exports were saved by Excel, so their 合计 rows carry results: this writes them in after the save."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path


def save_with_results(book, path: Path, results: dict[str, float]) -> Path:
    """Saves `book` to `path`, then stores results[cell] (e.g. {"B112": 224511}) as each formula's result."""
    book.save(path)
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    sheet = "xl/worksheets/sheet1.xml"
    for cell, value in results.items():
        pattern = rf'(<c r="{cell}"[^>]*><f>[^<]*</f>)<v\s*/>'.encode()
        parts[sheet], count = re.subn(pattern, rb"\g<1><v>" + repr(value).encode() + b"</v>", parts[sheet])
        assert count == 1, f"no formula cell {cell} in {path.name}"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path
