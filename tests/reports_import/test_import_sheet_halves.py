"""A big .xlsx sheet is loaded in two halves on two cores (sheets/xlsx_halves.py): the rows, merged
ranges, columns and formula warnings must be exactly those of loading it whole. The size threshold is
lowered so small files are split too."""
from __future__ import annotations

import json
import os
import tempfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from tests.reports_import.halves_reading import read, spy_splits
from workbench.sheets import xlsx_halves
from workbench.sheets.file_sniff import sniff
from workbench.reports.importer import import_file
from workbench.sheets.readers import open_workbook


# The lender's kinds of export: titles, merged two-level headers, totals saved with results, a 5,000-row list.
REPORT_WORKBOOKS = {"core_early": lambda f: f.core.early, "core_late": lambda f: f.core.late,
                    "cohort": lambda f: f.cohort.path, "channel": lambda f: f.channel.path,
                    "funnel": lambda f: f.funnel.path, "users": lambda f: f.users.path}


@pytest.mark.parametrize("kind", REPORT_WORKBOOKS)
def test_every_report_workbook_reads_the_same_in_halves(report_files, kind, monkeypatch):
    path = REPORT_WORKBOOKS[kind](report_files)
    whole, _ = read(path, False, monkeypatch)
    halves, loaded = read(path, True, monkeypatch)
    assert halves == whole
    assert whole[0][0], "the workbook has rows"
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


def make_grouped_header_book(path: Path, rows: int) -> Path:
    """A title merged across the table and a two-row header whose group cells are merged (订单 over
    订单号/日期, 金额 over 实付/优惠): the merged ranges come from the XML's end, after the rows."""
    book = Workbook()
    sheet = book.active
    sheet.title = "数据"
    sheet.append(["渠道订单周报"])
    sheet.append(["渠道", "订单", None, "金额", None])
    sheet.append([None, "订单号", "日期", "实付", "优惠"])
    for n in range(rows):
        sheet.append([["应用宝", "华为", "小米"][n % 3], f"D{n:06d}", date(2026, 1, 1 + n % 28), n * 1.5, n % 7])
    for cells in ("A1:E1", "A2:A3", "B2:C2", "D2:E2"):
        sheet.merge_cells(cells)
    book.save(path)
    return path


IMPORT_LAYOUTS = {
    # title in A, table in B:F: the first part is read while the rest loads
    "title_in_a_table_in_b": (lambda path: make_book(path, 4000, column=2), True),
    # the table starts in column C: its first column could move left in the rest, so both parts are joined first
    "table_in_c_without_title": (lambda path: make_book(path, 4000, column=3, title=False), False),
    "merged_title_and_grouped_header": (lambda path: make_grouped_header_book(path, 3000), True),
}


def import_stored(path: Path, db_path: Path, progress=None) -> tuple:
    from workbench.store import open_database

    db = open_database(db_path)
    try:
        result = import_file(db, path, progress=progress)
        columns = db.execute("SELECT columns FROM datasets").fetchone()[0]
        return result.rows, result.warnings, columns, db.execute("SELECT * FROM ds_1 ORDER BY _row_id").fetchall()
    finally:
        db.close()


def import_whole_then_split_from_now_on(path: Path, tmp_path: Path, monkeypatch) -> tuple:
    """What a whole-sheet import stores (the reference); imports after this split every sheet."""
    monkeypatch.setattr(xlsx_halves, "SPLIT_FROM_BYTES", 1 << 60)
    whole = import_stored(path, tmp_path / "whole.db")
    monkeypatch.setattr(xlsx_halves, "SPLIT_FROM_BYTES", 0)
    return whole


@pytest.mark.parametrize("layout", IMPORT_LAYOUTS, ids=list(IMPORT_LAYOUTS))
def test_a_split_import_stores_what_a_whole_import_stores(layout, tmp_path, monkeypatch):
    make, early = IMPORT_LAYOUTS[layout]
    path = make(tmp_path / "订单.xlsx")
    whole = import_whole_then_split_from_now_on(path, tmp_path, monkeypatch)
    splits = spy_splits(monkeypatch)
    split = import_stored(path, tmp_path / "split.db")
    assert [s.early for s in splits] == [early]
    assert split == whole
    assert whole[0] in (3000, 4000)
    if layout == "merged_title_and_grouped_header":  # the merged header cells flatten into these names
        names = [c["name"] for c in json.loads(whole[2])]
        assert names == ["渠道", "订单·订单号", "订单·日期", "金额·实付", "金额·优惠"]


def test_the_first_part_is_imported_while_the_rest_loads(tmp_path, monkeypatch):
    """Rows of the first part are typed and inserted before the rest is waited for; the progress
    bar's total is known from the XML and reaches 100%."""
    path = make_book(tmp_path / "订单.xlsx", 15000)
    whole = import_whole_then_split_from_now_on(path, tmp_path, monkeypatch)
    calls, wanted = [], []
    original_rest = xlsx_halves.Split.rest

    def rest(split):
        wanted.append(len(calls))
        return original_rest(split)

    monkeypatch.setattr(xlsx_halves.Split, "rest", rest)
    split = import_stored(path, tmp_path / "split.db", progress=lambda done, total: calls.append((done, total)))
    assert split == whole
    assert wanted and wanted[0] >= 1, "progress was reported for first-part rows before the rest was awaited"
    totals = {total for _, total in calls}
    assert totals == {15002}  # title + header + 15000 rows
    assert calls[-1] == (15002, 15002)
    assert all(done <= total for done, total in calls)


def corrupt_cell(path: Path, out: Path, pattern: bytes, replacement: bytes) -> Path:
    import re
    import zipfile

    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                data, count = re.subn(pattern, replacement, data)
                assert count == 1
            target.writestr(info.filename, data)
    return out


def database_state(db_path: Path) -> list:
    import sqlite3

    conn = sqlite3.connect(db_path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                             "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")]
        return [(t, conn.execute(f"SELECT * FROM [{t}]").fetchall()) for t in tables]
    finally:
        conn.close()


def test_a_rest_that_fails_to_load_leaves_the_database_as_it_was(tmp_path, monkeypatch):
    """A cell calamine rejects in the rest (an unknown cell type, row 14000): the first part's rows
    were inserted already; the import fails with one sentence and rolls all of it back."""
    from workbench.errors import UserError
    from workbench.store import open_database

    path = corrupt_cell(make_book(tmp_path / "plain.xlsx", 15000), tmp_path / "订单.xlsx",
                        rb'<c r="D14000" t="n">', b'<c r="D14000" t="q">')
    db_path = tmp_path / "work.db"
    db = open_database(db_path)
    import_file(db, make_book(tmp_path / "earlier.xlsx", 50), dataset="earlier")
    db.close()
    before = database_state(db_path)
    monkeypatch.setattr(xlsx_halves, "SPLIT_FROM_BYTES", 0)
    calls = []
    with pytest.raises(UserError) as raised:
        import_stored(path, db_path, progress=lambda done, total: calls.append(done))
    assert str(raised.value) == "Cannot read 订单.xlsx: the file is damaged or incomplete."
    assert calls, "the failure came during the row pass, after first-part rows were inserted"
    assert database_state(db_path) == before


@pytest.mark.parametrize("layout", ["title_in_a_table_in_b", "table_in_c_without_title"])
def test_a_rest_calamine_cannot_load_is_read_from_the_whole_sheet(layout, tmp_path, monkeypatch):
    """When only the rest's temp workbook fails to load, its rows come from the whole sheet."""
    make, early = IMPORT_LAYOUTS[layout]
    path = make(tmp_path / "订单.xlsx")
    whole = import_whole_then_split_from_now_on(path, tmp_path, monkeypatch)
    original_load = xlsx_halves._load

    def load(part_path, sheet_name):
        if part_path.name == "2.xlsx":
            raise OSError("the rest cannot be read")
        return original_load(part_path, sheet_name)

    monkeypatch.setattr(xlsx_halves, "_load", load)
    splits = spy_splits(monkeypatch)
    assert import_stored(path, tmp_path / "split.db") == whole
    assert [s.early for s in splits] == [early]


def test_a_row_out_of_order_across_the_cut_fails_with_one_sentence(tmp_path, monkeypatch):
    """Row 5's tag moved after the last row (Excel calls rows out of order damaged content): the
    first part was read without it, so the import stops with the damaged-file sentence."""
    import re
    import zipfile

    from workbench.errors import UserError

    source = make_book(tmp_path / "plain.xlsx", 3000)
    path = tmp_path / "订单.xlsx"
    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in archive.infolist():
            data = archive.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                row = re.search(rb'<row r="5".*?</row>', data)[0]
                data = data.replace(row, b"").replace(b"</sheetData>", row + b"</sheetData>")
            out.writestr(info.filename, data)
    monkeypatch.setattr(xlsx_halves, "SPLIT_FROM_BYTES", 0)
    db_path = tmp_path / "work.db"
    with pytest.raises(UserError) as raised:
        import_stored(path, db_path)
    assert str(raised.value) == "Cannot read 订单.xlsx: the file is damaged or incomplete."
    assert [t for t, rows in database_state(db_path) if t.startswith("ds_") or (t in ("datasets", "imports") and rows)] == []


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


EXIT_WHILE_LOADING = """
import sys, tempfile
tempfile.tempdir = sys.argv[2]
from workbench.sheets import xlsx_halves
from workbench.sheets.file_sniff import sniff
from workbench.sheets.readers import open_workbook
xlsx_halves.SPLIT_FROM_BYTES = 0
book = open_workbook(sniff(sys.argv[1]))
sheet = book.sheet(book.sheets[0].name)
print(len(xlsx_halves.LOADING), flush=True)
raise SystemExit(2)  # like a CLI import that fails on the first part's rows
"""


def test_a_process_that_ends_while_the_rest_loads_leaves_no_temp_folder(tmp_path):
    import subprocess
    import sys

    path = make_book(tmp_path / "订单.xlsx", 15000)
    temp = tmp_path / "temp"
    temp.mkdir()
    done = subprocess.run([sys.executable, "-c", EXIT_WHILE_LOADING, str(path), str(temp)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    assert done.stdout.strip() in ("0", "1")  # 1: it really exited with the rest still loading
    assert list(temp.iterdir()) == []
