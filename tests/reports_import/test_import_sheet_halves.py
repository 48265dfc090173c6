"""A big .xlsx sheet is loaded in two halves on two cores (reports/xlsx_halves.py): the rows, merged
ranges, columns and formula warnings must be exactly those of loading it whole. The size threshold is
lowered so small files are split too."""
from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from tests.conftest import REAL_SAMPLES, SAMPLES
from workbench.reports import xlsx_halves
from workbench.reports.file_sniff import sniff
from workbench.reports.importer import import_file
from workbench.reports.readers import open_workbook

WORKBOOKS = sorted(SAMPLES.glob("*.xlsx")) + sorted(REAL_SAMPLES.glob("*.xlsx"))


def read(path: Path, split: bool, monkeypatch) -> tuple:
    """(rows, merged, first_column, height, width, uncached formulas, parts loaded) of every sheet."""
    monkeypatch.setattr(xlsx_halves, "SPLIT_FROM_BYTES", 0 if split else 1 << 60)
    loaded = []
    original = xlsx_halves.load_halves

    def spy(halves):
        parts = original(halves)
        loaded.append(len(parts) if parts else 0)
        return parts

    monkeypatch.setattr(xlsx_halves, "load_halves", spy)
    book = open_workbook(sniff(path))
    try:
        sheets = []
        for info in book.sheets:
            sheet = book.sheet(info.name)
            sheets.append((list(sheet.rows()), sorted(sheet.merged), sheet.first_column, sheet.height, sheet.width,
                           sheet.uncached_formulas))
        return sheets, loaded
    finally:
        book.close()


@pytest.mark.parametrize("path", WORKBOOKS, ids=lambda p: p.name)
def test_every_sample_workbook_reads_the_same_in_halves(path, monkeypatch):
    whole, _ = read(path, False, monkeypatch)
    halves, loaded = read(path, True, monkeypatch)
    assert halves == whole
    assert whole[0][0], "the sample has rows"
    if len(whole[0][0]) > 20:
        assert 2 in loaded, "a sheet with rows really was split"


def make_book(path: Path, rows: int, *, column: int = 1, title: bool = True, formulas: bool = False,
              write_only: bool = True, merged: bool = False, tail_blank: bool = False) -> Path:
    book = Workbook(write_only=write_only)
    sheet = book.create_sheet("数据") if write_only else book.active
    if not write_only:
        sheet.title = "数据"
    pad = [None] * (column - 1)
    if title:
        sheet.append(["月度订单导出"])
    sheet.append(pad + ["订单号", "日期", "渠道", "金额", "备注"])
    for n in range(rows):
        extra = f"=D{n + 3}*2" if formulas and n % 50 == 7 else ("加急" if n % 9 == 0 else None)
        sheet.append(pad + [f"D{n:06d}", date(2026, 1, 1 + n % 28), ["应用宝", "华为", " 小米 "][n % 3], n * 1.25, extra])
    if tail_blank:
        for _ in range(5):
            sheet.append([])
    if merged and not write_only:
        sheet.merge_cells("A1:E1")
    book.save(path)
    return path


CASES = {
    "aligned": {},
    "table_from_column_c": {"column": 3},                  # title in A, table in C:G: the halves' columns differ
    "no_title": {"title": False, "column": 2},
    "uncached_formulas": {"formulas": True},                # openpyxl stores no result: found in both halves
    "shared_strings_and_merged_title": {"write_only": False, "merged": True},
    "blank_rows_at_the_end": {"tail_blank": True},
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_generated_workbooks_read_the_same_in_halves(case, tmp_path, monkeypatch):
    path = make_book(tmp_path / f"{case}.xlsx", 3000, **CASES[case])
    whole, _ = read(path, False, monkeypatch)
    halves, loaded = read(path, True, monkeypatch)
    assert loaded == [2]
    assert halves == whole
    if case == "uncached_formulas":
        assert whole[0][5][0] == 60 and halves[0][5] == whole[0][5]


def test_a_split_import_stores_what_a_whole_import_stores(tmp_path, monkeypatch):
    from workbench.store import open_database

    path = make_book(tmp_path / "订单.xlsx", 4000, column=2)
    stored = []
    for split in (False, True):
        monkeypatch.setattr(xlsx_halves, "SPLIT_FROM_BYTES", 0 if split else 1 << 60)
        db = open_database(tmp_path / f"{split}.db")
        result = import_file(db, path)
        stored.append((result.rows, result.warnings, db.execute("SELECT * FROM ds_1 ORDER BY _row_id").fetchall()))
        db.close()
    assert stored[0] == stored[1]
    assert stored[0][0] == 4000


def test_unusual_xml_is_loaded_whole_and_no_temp_file_is_left(tmp_path, monkeypatch):
    """Rows without r= (some writers omit it) cannot be joined by row number: the sheet loads whole."""
    import zipfile

    path = make_book(tmp_path / "plain.xlsx", 2000)
    stripped = tmp_path / "no_row_numbers.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(stripped, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                import re

                data = re.sub(rb'<row r="\d+"', b"<row", data)
                data = re.sub(rb' r="[A-Z]+\d+"', b"", data)
            out.writestr(info.filename, data)
    temp = Path(tempfile.gettempdir())
    before = {p.name for p in temp.glob("workbench-read-*")}
    whole, _ = read(stripped, False, monkeypatch)
    halves, loaded = read(stripped, True, monkeypatch)
    assert loaded == [0] and halves == whole and len(whole[0][0]) == 2002
    assert {p.name for p in temp.glob("workbench-read-*")} == before


def test_a_damaged_big_sheet_still_fails_with_one_sentence(tmp_path, monkeypatch):
    from workbench.errors import UserError

    path = make_book(tmp_path / "damaged.xlsx", 3000)
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle:middle + 200] = os.urandom(200)
    path.write_bytes(bytes(data))
    monkeypatch.setattr(xlsx_halves, "SPLIT_FROM_BYTES", 0)
    with pytest.raises(UserError) as raised:
        book = open_workbook(sniff(path))
        book.sheet(book.sheets[0].name)
    assert "damaged" in str(raised.value) or "incomplete" in str(raised.value)


def test_a_folder_left_by_a_killed_import_is_removed_by_the_next_split(tmp_path, monkeypatch):
    import time

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "temp"))
    (tmp_path / "temp").mkdir()
    stale, fresh = tmp_path / "temp" / "workbench-read-stale", tmp_path / "temp" / "workbench-read-fresh"
    for folder in (stale, fresh):
        folder.mkdir()
        (folder / "1.xlsx").write_bytes(b"report data")
    old = time.time() - 2 * xlsx_halves.STALE_SECONDS
    os.utime(stale, (old, old))
    _, loaded = read(make_book(tmp_path / "订单.xlsx", 500), True, monkeypatch)
    assert loaded == [2]
    assert not stale.exists() and fresh.exists()
    assert sorted(p.name for p in (tmp_path / "temp").iterdir()) == ["workbench-read-fresh"]
