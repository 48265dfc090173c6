"""The hostile-file set through `workbench import` as a black box: each file is handled — imported, or
refused with one sentence and nothing written — within 2 s and 100 MB beyond a baseline process.

Files are generated here with zipfile/openpyxl; the encrypted workbook is made with msoffcrypto-tool
(the test extra) so it is a real Agile-encrypted package as Excel writes it, not a guess at its bytes.
"""
from __future__ import annotations

import io
import json
import os
import re
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

TIME_BUDGET_S = 2.0
MEMORY_BUDGET_MB = 100


PEAK_PROBE = """
import atexit, os, runpy, sys
def _peak():
    # VmHWM of this process's own memory map (after exec): the parent's size does not leak in,
    # unlike wait4()'s ru_maxrss, which counts the forked parent's pages.
    with open("/proc/self/status") as status, open(os.environ["PEAK_FILE"], "w") as out:
        out.write(next(l for l in status if l.startswith("VmHWM")).split()[1])
atexit.register(_peak)
sys.argv = ["workbench", *sys.argv[1:]]
runpy.run_module("workbench", run_name="__main__")
"""


def measured(args: list[str], db: Path) -> tuple[int, str, str, float, float]:
    """(exit status, stdout, stderr, seconds, peak RSS in MB) of one whole `workbench` process."""
    peak_file = db.with_name(db.name + ".peak")
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8", PEAK_FILE=str(peak_file))
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", PEAK_PROBE, *args, "--db", str(db)],
                          capture_output=True, env=env, timeout=120)
    elapsed = time.perf_counter() - start
    peak_mb = int(peak_file.read_text()) / 1024
    return proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace"), elapsed, peak_mb


@pytest.fixture(scope="module")
def baseline(tmp_path_factory):
    """The same CLI doing a trivial import of a 3-row CSV: start-up cost, measured in this run."""
    folder = tmp_path_factory.mktemp("baseline")
    tiny = folder / "tiny.csv"
    tiny.write_text("日期,数量\n2026-11-23,1\n2026-11-24,2\n2026-11-25,3\n", encoding="utf-8")
    runs = [measured(["import", "--json", str(tiny)], folder / f"b{i}.db") for i in range(2)]
    assert all(r[0] == 0 for r in runs), runs[0][2]
    return max(r[3] for r in runs), max(r[4] for r in runs)


def dataset_count(db: Path) -> int:
    if not db.exists():
        return 0
    conn = sqlite3.connect(db)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        return conn.execute("SELECT count(*) FROM datasets").fetchone()[0] if "datasets" in tables else 0
    finally:
        conn.close()


def import_within_budget(path: Path, db: Path, baseline) -> tuple[int, str, str]:
    status, out, err, seconds, rss_mb = measured(["import", "--json", str(path)], db)
    base_seconds, base_rss = baseline
    assert "Traceback" not in err, err[-2000:]
    assert seconds - base_seconds <= TIME_BUDGET_S, f"{path.name}: {seconds:.2f}s vs baseline {base_seconds:.2f}s"
    assert rss_mb - base_rss <= MEMORY_BUDGET_MB, f"{path.name}: {rss_mb:.0f} MB vs baseline {base_rss:.0f} MB"
    return status, out, err


def assert_refused(status: int, out: str, err: str, db: Path, *words: str) -> None:
    assert status == 2, (status, out[-500:], err[-500:])
    lines = [line for line in err.strip().splitlines() if line.strip()]
    assert len(lines) == 1, f"one sentence, got: {err!r}"
    for word in words:
        assert word.lower() in lines[0].lower(), lines[0]
    assert dataset_count(db) == 0, "nothing written"


def workbook_bytes(rows: list[list], replace: dict[str, str] | None = None) -> bytes:
    """An xlsx of rows; strings are stored as text (never formulas); `replace` swaps placeholder
    strings in the XML afterwards (openpyxl itself cuts strings at 32,767 characters)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "日报"
    for row in rows:
        ws.append(row)
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"
    buffer = io.BytesIO()
    wb.save(buffer)
    if not replace:
        return buffer.getvalue()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            payload = source.read(info.filename)
            for old, new in replace.items():
                payload = payload.replace(old.encode(), new.encode())
            target.writestr(info, payload)
    return out.getvalue()


def daily_rows(count: int) -> list[list]:
    return [["日期", "渠道", "注册数", "备注"]] + [
        [f"2026-{1 + i // 28 % 12:02d}-{1 + i % 28:02d}", f"渠道{i % 5}", i, "正常"] for i in range(count)]


# --- refused with a sentence ---------------------------------------------------------------------
def test_an_encrypted_workbook_is_refused_with_a_password_sentence(tmp_path, baseline):
    import msoffcrypto
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = tmp_path / "plain.xlsx"
    plain.write_bytes(workbook_bytes(daily_rows(20)))
    encrypted = tmp_path / "加密报表.xlsx"
    with open(plain, "rb") as source, open(encrypted, "wb") as target:
        OOXMLFile(source).encrypt("secret", target)
    assert encrypted.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"
    assert msoffcrypto.OfficeFile(open(encrypted, "rb")).is_encrypted()
    db = tmp_path / "wb.db"
    assert_refused(*import_within_budget(encrypted, db, baseline), db, "password")


def test_a_text_file_renamed_xlsx_is_refused(tmp_path, baseline):
    renamed = tmp_path / "周报.xlsx"
    renamed.write_text("这周的情况还不错。\n下周继续努力，周五前把客诉处理完。\n", encoding="utf-8")
    db = tmp_path / "wb.db"
    assert_refused(*import_within_budget(renamed, db, baseline), db, "周报.xlsx")


def test_random_bytes_renamed_xlsx_are_refused(tmp_path, baseline):
    renamed = tmp_path / "export.xlsx"
    renamed.write_bytes(bytes((i * 7919 + 13) % 251 for i in range(200_000)))
    db = tmp_path / "wb.db"
    assert_refused(*import_within_budget(renamed, db, baseline), db)


@pytest.mark.parametrize("keep", [0.5, 0.9, 0.999])
def test_a_truncated_workbook_is_refused(tmp_path, baseline, keep):
    whole = workbook_bytes(daily_rows(3000))
    truncated = tmp_path / "下载中断.xlsx"
    truncated.write_bytes(whole[: int(len(whole) * keep)])
    db = tmp_path / "wb.db"
    assert_refused(*import_within_budget(truncated, db, baseline), db, "下载中断.xlsx")


def bomb(path: Path, megabytes: int, lie_about_size: bool = False) -> None:
    """An xlsx whose one sheet expands from a few hundred KB to `megabytes` of XML."""
    template = workbook_bytes(daily_rows(1))
    row = b'<row><c t="inlineStr"><is><t>' + b"A" * 200 + b"</t></is></c></row>"
    with zipfile.ZipFile(io.BytesIO(template)) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED,
                                                                         compresslevel=9) as target:
        for info in source.infolist():
            if info.filename == "xl/worksheets/sheet1.xml":
                member = zipfile.ZipInfo(info.filename)
                member.compress_type = zipfile.ZIP_DEFLATED
                with target.open(member, "w", force_zip64=True) as sheet:
                    sheet.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
                                b'openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
                    chunk = row * 5000
                    for _ in range(megabytes * 1_000_000 // len(chunk)):
                        sheet.write(chunk)
                    sheet.write(b"</sheetData></worksheet>")
            else:
                target.writestr(info, source.read(info.filename))
    if lie_about_size:
        _shrink_declared_sizes(path, "xl/worksheets/sheet1.xml")


def _shrink_declared_sizes(path: Path, member: str) -> None:
    """Rewrite the sheet's declared uncompressed size to 1 MB (local header, zip64 extra, central directory)."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    for signature, size_offset, name_len_offset, extra_len_offset, header_len in (
            (b"PK\x03\x04", 22, 26, 28, 30), (b"PK\x01\x02", 24, 28, 30, 46)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            name_len = int.from_bytes(data[start + name_len_offset:start + name_len_offset + 2], "little")
            if bytes(data[start + header_len:start + header_len + name_len]) == name:
                extra_len = int.from_bytes(data[start + extra_len_offset:start + extra_len_offset + 2], "little")
                extra = start + header_len + name_len
                if int.from_bytes(data[start + size_offset:start + size_offset + 4], "little") == 0xFFFFFFFF:
                    pos = extra
                    while pos < extra + extra_len:
                        tag = int.from_bytes(data[pos:pos + 2], "little")
                        length = int.from_bytes(data[pos + 2:pos + 4], "little")
                        if tag == 1:
                            data[pos + 4:pos + 12] = (1_000_000).to_bytes(8, "little")
                        pos += 4 + length
                else:
                    data[start + size_offset:start + size_offset + 4] = (1_000_000).to_bytes(4, "little")
            start += 4
    path.write_bytes(bytes(data))


def test_a_zip_bomb_is_refused_before_parsing(tmp_path, baseline):
    path = tmp_path / "炸弹.xlsx"
    bomb(path, 400)
    assert path.stat().st_size < 3_000_000, "a real bomb: small on disk"
    db = tmp_path / "wb.db"
    assert_refused(*import_within_budget(path, db, baseline), db, "zip bomb")


def test_a_zip_bomb_that_lies_about_its_size_stays_within_budget(tmp_path, baseline):
    """The declared sizes say 1 MB; the stream inflates to 400 MB. Refused or cut off, never 400 MB of RAM."""
    path = tmp_path / "说谎的炸弹.xlsx"
    bomb(path, 400, lie_about_size=True)
    db = tmp_path / "wb.db"
    status, out, err = import_within_budget(path, db, baseline)
    if status == 0:
        assert json.loads(out)["rows"] < 100_000
    else:
        assert_refused(status, out, err, db)


def test_a_bomb_just_under_the_size_check_stays_within_budget(tmp_path, baseline):
    """45 MB of XML at a 1000× ratio passes the archive check (small parts may compress well)."""
    path = tmp_path / "小炸弹.xlsx"
    bomb(path, 45)
    db = tmp_path / "wb.db"
    status, out, err = import_within_budget(path, db, baseline)
    assert status in (0, 2)


def test_xml_entity_expansion_is_not_followed(tmp_path, baseline):
    """A billion-laughs DOCTYPE in the shared strings: refused or read literally, never expanded."""
    template = workbook_bytes(daily_rows(3))
    laughs = ('<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "' + "x" * 100 + '">'
              + "".join(f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">' for i in range(8))
              + ']><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
              '<si><t>&i;</t></si></sst>')
    path = tmp_path / "laughs.xlsx"
    with zipfile.ZipFile(io.BytesIO(template)) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            payload = laughs.encode() if info.filename == "xl/sharedStrings.xml" else source.read(info.filename)
            target.writestr(info.filename, payload)
        if "xl/sharedStrings.xml" not in source.namelist():
            target.writestr("xl/sharedStrings.xml", laughs)
    db = tmp_path / "wb.db"
    status, out, err = import_within_budget(path, db, baseline)
    assert status in (0, 2)
    if status == 0:
        assert "x" * 1000 not in out


def test_openpyxl_uses_defusedxml():
    assert openpyxl.DEFUSEDXML is True


# --- imported correctly despite the trap -----------------------------------------------------------
def test_a_wrong_dimension_tag_does_not_hide_rows(tmp_path, baseline):
    """LibreOffice-style files can claim A1:A1; every row must still be read."""
    source = workbook_bytes(daily_rows(500))
    path = tmp_path / "wrong_dimension.xlsx"
    with zipfile.ZipFile(io.BytesIO(source)) as original, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in original.infolist():
            payload = original.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                payload, count = re.subn(rb'<dimension ref="[^"]+"\s*/>', b'<dimension ref="A1:A1"/>', payload)
                assert count == 1
            target.writestr(info, payload)
    db = tmp_path / "wb.db"
    status, out, err = import_within_budget(path, db, baseline)
    assert status == 0, err
    assert json.loads(out)["rows"] == 500


def test_cells_of_40000_characters_are_kept_or_warned(tmp_path, baseline):
    long_text = ("客户反馈：" + "很长的备注🙂" * 7000)[:40_000]
    rows = [["日期", "客诉量", "备注"]] + [[f"2026-11-{d:02d}", d, "LONGCELL"] for d in range(1, 11)]
    path = tmp_path / "long.xlsx"
    path.write_bytes(workbook_bytes(rows, {"LONGCELL": long_text}))
    from python_calamine import CalamineWorkbook

    assert len(CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()[1][2]) == 40_000
    db = tmp_path / "wb.db"
    status, out, err = import_within_budget(path, db, baseline)
    assert status == 0, err
    report = json.loads(out)
    assert report["rows"] == 10
    stored = _stored_values(db, "备注")
    assert len(stored) == 10
    if any(len(value) < 40_000 for value in stored):
        assert report["warnings"], "a cut must be reported"
    else:
        assert stored == [long_text] * 10


HOSTILE_TEXT = ["👍🏽👨‍👩‍👧 好评", "مرحبا بالعالم", "\u202eevil.exe\u202c", "עברית ומספרים 123", "=cmd|' /C calc'!A0",
                "@SUM(1+1)", "零宽\u200b字符", "tab\there"]


def test_emoji_rtl_and_formula_looking_text_round_trip(tmp_path, baseline):
    rows = [["日期", "渠道", "反馈"]] + [[f"2026-11-{i + 1:02d}", f"渠道{i}", text] for i, text in enumerate(HOSTILE_TEXT)]
    path = tmp_path / "hostile_text.xlsx"
    path.write_bytes(workbook_bytes(rows))
    db = tmp_path / "wb.db"
    status, out, err = import_within_budget(path, db, baseline)
    assert status == 0, err
    assert sorted(_stored_values(db, "反馈")) == sorted(HOSTILE_TEXT)


def test_control_characters_and_broken_utf8_in_csv(tmp_path, baseline):
    lines = ["日期,渠道,反馈"] + [f"2026-11-{i + 1:02d},渠道{i},{text}" for i, text in
                                  enumerate(["响铃\x07字符", "转义\x1b[31m红色", "空\x00字符", "垂直\x0b制表", "正常"])]
    data = ("\r\n".join(lines) + "\r\n").encode("utf-8") + "2026-11-30,渠道9,坏".encode() + b"\xed\xa0\x80\xff\r\n"
    path = tmp_path / "controls.csv"
    path.write_bytes(data)
    db = tmp_path / "wb.db"
    status, out, err = import_within_budget(path, db, baseline)
    assert status in (0, 2), err
    if status == 0:
        values = _stored_values(db, "反馈")
        assert "正常" in values
        assert all("\x00" not in v for v in values), "NUL is not stored (it cuts C strings and XML)"


def _stored_values(db: Path, column: str) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info([{table}])")]
            if column in columns:
                return [r[0] for r in conn.execute(f"SELECT [{column}] FROM [{table}]")]
        raise AssertionError(f"no table with a column {column!r}: {tables}")
    finally:
        conn.close()


def test_a_formula_without_a_cached_value_is_warned_about_not_read_as_empty(tmp_path, baseline):
    """Files written by openpyxl/pandas carry no cached results: calamine returns '' for them.
    docs/reliability.md: warn that the cell is missing, do not read it as 0 or blank silently."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["日期", "注册数", "付费数", "转化率"])
    for day in range(1, 8):
        ws.append([f"2026-11-{day:02d}", 100 + day, 10 + day, f"=C{day + 1}/B{day + 1}"])
    path = tmp_path / "formulas.xlsx"
    wb.save(path)
    db = tmp_path / "wb.db"
    status, out, err = import_within_budget(path, db, baseline)
    assert status == 0, err
    report = json.loads(out)
    assert any("公式" in w or "formula" in w.lower() for w in map(str, report["warnings"])), report["warnings"]
