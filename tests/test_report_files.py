"""The generated report files (tests/report_files) hold the shapes the import tests rely on, and the
same content on every run."""
from __future__ import annotations

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from tests.report_files import write_report_files


def cells(path) -> list[list]:
    if path.suffix == ".csv":
        return [path.read_bytes()]
    book = CalamineWorkbook.from_path(str(path))
    return [book.get_sheet_by_name(name).to_python() for name in book.sheet_names]


def test_the_same_files_on_every_run(report_files, tmp_path):
    again = write_report_files(tmp_path)
    assert [p.name for p in again.paths] == [p.name for p in report_files.paths]
    for first, second in zip(report_files.paths, again.paths):
        assert cells(first) == cells(second), first.name


def test_the_complaints_csv_is_gbk_not_utf8(report_files):
    raw = report_files.complaints.path.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert raw.decode("gbk").splitlines()[0].startswith("日期,时间,用户ID")


def test_the_cohort_triangle_leaves_unobserved_days_blank(report_files):
    rows = cells(report_files.cohort.path)[0]
    assert all(value == "" for value in rows[-1][2:]), "the export day's cohort has no share yet"
    assert rows[-2][2] != "" and all(value == "" for value in rows[-2][3:]), "the day before: day 1 only"
    assert all(value != "" for value in rows[1][2:]), "the first cohort is fully observed"


def test_the_channel_report_has_a_merged_title_and_two_level_header(report_files):
    sheet = openpyxl.load_workbook(report_files.channel.path).active
    assert {str(r) for r in sheet.merged_cells.ranges} == {"A1:J1", "A2:A3", "B2:D2", "E2:H2", "I2:I3", "J2:J3"}
    totals = cells(report_files.channel.path)[0][report_files.channel.totals_row - 1]
    assert totals[0] == "总计" and totals[1] == sum(r["花费(元)"] for r in report_files.channel.rows)


def test_the_two_core_exports_overlap_with_one_corrected_value(report_files):
    core = report_files.core
    early = {r["日期"]: r for r in core.early_rows}
    changed = [(r["日期"], column) for r in core.late_rows if r["日期"] in early
               for column in r if r[column] != early[r["日期"]][column]]
    assert len(core.overlap_days) == 7 and changed == [(core.corrected_day, "客诉量")]
    assert cells(core.early)[0][1][0].startswith("导出时间：")


def test_workbooks_are_saved_as_excel_saves_them(report_files):
    """Text in one shared-strings table (openpyxl alone writes it inline), formulas with their results."""
    import zipfile

    for path in (p for p in report_files.paths if p.suffix == ".xlsx"):
        with zipfile.ZipFile(path) as archive:
            sheet = archive.read("xl/worksheets/sheet1.xml")
            assert b"inlineStr" not in sheet and b't="s"' in sheet, path.name
            assert b"<v/>" not in sheet and b"<v />" not in sheet, path.name
