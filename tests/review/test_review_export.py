"""The weekly review sheet read back with openpyxl, converted by LibreOffice, and the CLI."""
from __future__ import annotations

import zipfile
from datetime import datetime

import openpyxl
import pytest

from review_seed import NASTY_TITLES, TODAY, WEEK, seed_week
from workbench.cli import main
from workbench.review.export_xlsx import export_week
from workbench.review.repository import save_section
from tests.conftest import PINNED_NOW


def _export(db, tmp_path, **kwargs):
    seed_week(db)
    save_section(db, WEEK, "lessons", "=先写话术再回答\n@everyone 记得次日回访", now=PINNED_NOW)
    return export_week(db, WEEK, tmp_path / "周复盘.xlsx", today=TODAY, **kwargs)


def test_workbook_sheets_headers_counts_and_formats(db, tmp_path):
    result = _export(db, tmp_path)
    book = openpyxl.load_workbook(result.path)
    assert book.sheetnames == ["概览", "任务", "联系记录", "发现", "PDCA", "指标", "预警"]
    tasks = book["任务"]
    assert [c.value for c in tasks[1]][:4] == ["编号", "标题", "象限", "状态"]
    assert tasks.max_row - 1 == 13  # every task created, done or due in the week, the inbox, what rolled over
    titles = {row[1] for row in tasks.iter_rows(min_row=2, values_only=True)}
    assert {"=1+1", "@SUM(A1)", "+86 回电", "-2 项待办", "换行 粘贴的标题", "两周前就该做完"} <= titles
    assert "本周之后记下" not in titles and "上周完成的事" not in titles
    assert tasks.freeze_panes == "A2" and tasks["A1"].font.bold
    created = next(r for r in tasks.iter_rows(min_row=2) if r[1].value == "处理红色预警")
    assert created[5].value == datetime(2026, 11, 16, 9, 0) and created[5].number_format == "yyyy-mm-dd hh:mm"
    assert created[2].value == "重要且紧急"
    assert tasks.column_dimensions["B"].width >= 12

    contacts = book["联系记录"]
    assert contacts.max_row - 1 == 5
    phones = [row[2] for row in contacts.iter_rows(min_row=2, values_only=True)]
    assert "138****8000" in phones and not any("13800138000" in str(v) for r in contacts.iter_rows(values_only=True) for v in r)
    summaries = [row[7] for row in contacts.iter_rows(min_row=2, values_only=True)]
    assert "回拨 138****8000，已借款" in summaries

    assert book["发现"].max_row - 1 == 2
    pdca = book["PDCA"]
    assert [c.value for c in pdca[1]][:3] == ["编号", "循环", "阶段"]
    stages = {row[1]: row[2] for row in pdca.iter_rows(min_row=2, values_only=True)}
    assert stages == {"优惠券 → SOP": "检查", "次日留存": "计划"}
    assert pdca.cell(2, 5).value == 0.08 and pdca.cell(2, 5).number_format == "#,##0.00"  # no dataset: plain number
    alerts = book["预警"]
    assert [row[2] for row in alerts.iter_rows(min_row=2, values_only=True)] == ["红色", "黄色"]

    overview = book["概览"]
    values = {row[0]: row[1] for row in overview.iter_rows(min_row=4, max_col=2, values_only=True) if row[0]}
    assert values["完成任务"] == 7 and values["逾期任务"] == 2 and values["联系次数"] == 5
    share_cell = next(r for r in overview.iter_rows(min_row=4) if r[0].value == "其中 重要不紧急 占比")[1]
    assert share_cell.value == pytest.approx(3 / 7) and share_cell.number_format == "0.0%"
    texts = [c.value for row in overview.iter_rows() for c in row if isinstance(c.value, str)]
    for heading in ("目标回顾", "结果陈述", "过程分析", "规律总结"):
        assert heading in texts
    assert "=先写话术再回答\n@everyone 记得次日回访" in texts
    assert db.execute("SELECT masked, rows FROM audit_log WHERE action = 'export'").fetchall() == [(1, result.rows)]


def test_typed_text_never_becomes_a_formula(db, tmp_path):
    result = _export(db, tmp_path)
    with zipfile.ZipFile(result.path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/sheet"):
                assert "<f>" not in archive.read(name).decode("utf-8"), name
    book = openpyxl.load_workbook(result.path)
    cells = [c for sheet in book for row in sheet.iter_rows() for c in row]
    for title in NASTY_TITLES[:4]:
        matching = [c for c in cells if c.value == title]
        assert matching and all(c.data_type == "s" for c in matching)
    assert not any(isinstance(c.value, str) and "\x0b" in c.value for c in cells)


def test_metric_sheet_has_a_native_line_chart(db, tmp_path):
    from workbench.reports.datasets import create_dataset_from_rows
    from workbench.store import write_transaction

    rows = [[f"2026-11-{day:02d}", 1000 + day * 10, f"{8 + (day >= 16) * 2}.0%"] for day in range(9, 23)]
    with write_transaction(db):
        create_dataset_from_rows(db, "核心指标", ["日期", "新增用户", "借款转化率"], rows)
    result = _export(db, tmp_path)
    book = openpyxl.load_workbook(result.path)
    metrics = book["指标"]
    header = [c.value for c in metrics[1]]
    assert header[0] == "日期" and "借款转化率" in header
    assert metrics.max_row >= 15 and metrics["A2"].value == datetime(2026, 11, 9)
    column = header.index("借款转化率") + 1
    assert metrics.cell(9, column).value == pytest.approx(0.10) and metrics.cell(9, column).number_format == "0.0%"
    with zipfile.ZipFile(result.path) as archive:
        charts = [n for n in archive.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) == 2 and "<lineChart>" in archive.read(charts[0]).decode("utf-8")
    from openpyxl.chart import LineChart

    assert [type(chart) for chart in metrics._charts] == [LineChart, LineChart]
    assert book["PDCA"].cell(2, 5).number_format == "0.0%"  # the cycle's metric is a percent
    summary = {row[0]: row for row in metrics.iter_rows(min_row=17, values_only=True) if row[0]}
    assert summary["借款转化率"][1] == pytest.approx(0.10) and summary["借款转化率"][3] == pytest.approx(0.25)


def test_unmasked_export_shows_phones_and_is_audited(db, tmp_path):
    result = _export(db, tmp_path, masked=False)
    book = openpyxl.load_workbook(result.path)
    phones = [row[2] for row in book["联系记录"].iter_rows(min_row=2, values_only=True)]
    assert "13800138000" in phones
    assert db.execute("SELECT masked FROM audit_log WHERE action = 'export'").fetchall() == [(0,)]


def test_cli_exports_the_week_and_refuses_a_bad_week(db, db_path, tmp_path, capsys):
    seed_week(db)
    out = tmp_path / "w47.xlsx"
    assert main(["export-week", "--db", str(db_path), "--week", "2026-W47", "--out", str(out), "--json"]) == 0
    printed = capsys.readouterr().out
    assert '"week": "2026-W47"' in printed and out.exists()
    assert openpyxl.load_workbook(out)["任务"].max_row == 14
    assert main(["export-week", "--db", str(db_path), "--week", "2026-W99", "--out", str(out)]) == 2
    assert "ISO" in capsys.readouterr().err
    assert main(["export-week", "--db", str(db_path), "--out", str(tmp_path / "no" / "x.xlsx")]) == 2
