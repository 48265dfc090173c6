"""A plain workbook: one header row, then the rows, nothing else (the smallest table an export can be)."""
from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook


def write_xlsx(path: Path, header: list, rows: list) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path
