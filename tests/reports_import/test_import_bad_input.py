"""Bad files: each gets one sentence (UserError / CLI exit 2), nothing is written, memory stays bounded."""
from __future__ import annotations

import os
import zipfile

import pytest
from openpyxl import Workbook

from workbench.cli import main
from workbench.errors import UserError
from workbench.reports.importer import import_file

def nothing_written(db) -> bool:
    return db.execute("SELECT count(*) FROM datasets").fetchone()[0] == 0 and \
        db.execute("SELECT count(*) FROM imports").fetchone()[0] == 0


def refused(db, path, *words) -> str:
    with pytest.raises(UserError) as caught:
        import_file(db, path)
    sentence = caught.value.en
    assert "\n" not in sentence and sentence.endswith(".")
    for word in words:
        assert word in sentence
    assert nothing_written(db)
    return sentence


def test_corrupt_zip(db, tmp_path):
    path = tmp_path / "坏文件.xlsx"
    path.write_bytes(b"PK\x03\x04" + os.urandom(3000))
    refused(db, path, "damaged")


def test_truncated_download(db, tmp_path, report_files):
    path = tmp_path / "半截.xlsx"
    data = report_files.core.early.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    refused(db, path, "damaged or incomplete")


def test_password_protected_workbook(db, tmp_path):
    """An encrypted xlsx is an OLE container with an EncryptedPackage stream."""
    path = tmp_path / "加密.xlsx"
    body = bytearray(4096)
    body[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    name = "EncryptedPackage".encode("utf-16-le")
    body[1024:1024 + len(name)] = name
    path.write_bytes(bytes(body))
    refused(db, path, "password")


def test_empty_sheet(db, tmp_path):
    path = tmp_path / "空表.xlsx"
    Workbook().save(path)
    refused(db, path, "empty")


def test_empty_file(db, tmp_path):
    path = tmp_path / "零字节.csv"
    path.write_bytes(b"")
    refused(db, path, "empty")


def test_text_renamed_xlsx(db, tmp_path):
    path = tmp_path / "说明.xlsx"
    path.write_text("这只是一段说明文字，不是表格。\n第二行也只是文字。\n", encoding="utf-8")
    refused(db, path, "plain text file")


def test_binary_garbage(db, tmp_path):
    path = tmp_path / "image.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(2000))
    refused(db, path, "binary")


def test_zip_bomb_is_refused_before_parsing(db, tmp_path):
    path = tmp_path / "炸弹.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            chunk = b"<row><c><v>0</v></c></row>" * 40000
            for _ in range(100):
                sheet.write(chunk)
    assert path.stat().st_size < 1_000_000
    refused(db, path, "zip bomb")


def test_header_only(db, tmp_path):
    path = tmp_path / "只有表头.xlsx"
    book = Workbook()
    book.active.append(["日期", "新增注册", "客诉量"])
    book.save(path)
    refused(db, path, "no data rows")


def test_unknown_sheet(db, report_files):
    with pytest.raises(UserError) as caught:
        import_file(db, report_files.core.early, sheet="不存在")
    assert "核心指标" in caught.value.en and nothing_written(db)


def test_cli_prints_one_sentence_and_exits_2(tmp_path, capsys, report_files):
    path = tmp_path / "半截.xlsx"
    path.write_bytes(report_files.core.early.read_bytes()[:3000])
    status = main(["import", "--db", str(tmp_path / "w.db"), str(path)])
    err = capsys.readouterr().err.strip()
    assert status == 2 and len(err.splitlines()) == 1 and "半截.xlsx" in err


def test_hidden_sheets_are_marked_and_skipped_by_default(db, tmp_path):
    path = tmp_path / "多表.xlsx"
    book = Workbook()
    hidden = book.active
    hidden.title = "隐藏"
    hidden.append(["a", "b"])
    hidden.append([1, 2])
    hidden.sheet_state = "hidden"
    notes = book.create_sheet("说明")
    notes.append(["只是说明"])
    data = book.create_sheet("数据")
    data.append(["日期", "数量"])
    data.append(["2026-11-01", 3])
    book.save(path)
    from workbench.reports.import_plan import analyse

    plan = analyse(path)
    assert [(s.name, s.hidden) for s in plan.sheets] == [("隐藏", True), ("说明", False), ("数据", False)]
    assert plan.sheet == "数据"
