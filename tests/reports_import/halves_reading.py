"""Reading a workbook's sheets whole or in halves (sheets/xlsx_halves.py), for the tests that compare them."""
from __future__ import annotations

from pathlib import Path

from workbench.sheets import xlsx_halves
from workbench.sheets.file_sniff import sniff
from workbench.sheets.readers import open_workbook


def read(path: Path, split: bool, monkeypatch) -> tuple:
    """(rows, merged, first_column, height, width, uncached formulas) of every sheet, and for each
    sheet the split was tried on: its parts holding cells (0 = loaded whole)."""
    monkeypatch.setattr(xlsx_halves, "SPLIT_FROM_BYTES", 0 if split else 1 << 60)
    splits = spy_splits(monkeypatch)
    book = open_workbook(sniff(path))
    try:
        sheets = []
        for info in book.sheets:
            sheet = book.sheet(info.name)
            sheets.append((list(sheet.rows()), sorted(sheet.merged), sheet.first_column, sheet.height, sheet.width,
                           sheet.uncached_formulas))
        return sheets, [len(split.parts() or []) if split else 0 for split in splits]
    finally:
        book.close()


def spy_splits(monkeypatch) -> list:
    splits = []
    original = xlsx_halves.load_halves

    def spy(halves):
        split = original(halves)
        splits.append(split)
        return split

    monkeypatch.setattr(xlsx_halves, "load_halves", spy)
    return splits
