"""Masking personal data and the rules for files going out."""
from __future__ import annotations

import openpyxl
import pytest

from workbench.export_safety import atomic_output, csv_text, set_text_cell, sheet_name
from workbench.privacy import contains_id_card, is_mainland_mobile, mask_phone, mask_text, mask_wechat


@pytest.mark.parametrize("raw, masked", [
    ("13812341234", "138****1234"), ("+86 138 1234 1234", "138****1234"), ("138****1234", "138****1234"),
    ("", ""), (None, ""), ("02088886666", "020****6666"),
])
def test_mask_phone(raw, masked):
    assert mask_phone(raw) == masked


def test_mask_wechat_and_text():
    assert mask_wechat("wxid_abc123") == "wx***23"
    assert mask_text("王芳 13812341234 说提现失败，身份证 11010519491231002X") == \
        "王芳 138****1234 说提现失败，身份证 110*************2X"
    assert mask_text("订单 2026112512345678901 金额 300") == "订单 2026112512345678901 金额 300"


def test_id_card_and_mobile_detection():
    assert contains_id_card("身份证号 11010519491231002X")
    assert not contains_id_card("订单号 110105194912310021")  # checksum fails: not an ID number
    assert is_mainland_mobile("13800138000") and not is_mainland_mobile("12345678901")


def test_typed_text_never_becomes_a_formula(tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    set_text_cell(sheet["A1"], "=HYPERLINK(\"http://x\",\"点我\")")
    set_text_cell(sheet["A2"], "bad\x0bchar\ud800")
    cut = set_text_cell(sheet["A3"], "长" * 40_000)
    out = tmp_path / "out.xlsx"
    with atomic_output(out) as temporary:
        workbook.save(temporary)
    reopened = openpyxl.load_workbook(out)
    assert reopened.active["A1"].data_type == "s" and reopened.active["A1"].value.startswith("=HYPERLINK")
    assert reopened.active["A2"].value == "badchar"
    assert cut and len(reopened.active["A3"].value) == 32_767
    assert (out.stat().st_mode & 0o777) == 0o600
    assert csv_text("=1+1") == "'=1+1" and csv_text("@SUM") == "'@SUM" and csv_text("正常") == "正常"


def test_sheet_names_follow_excel_rules():
    taken: set[str] = set()
    assert sheet_name("指标/预警:[周]", taken) == "指标_预警__周_"
    assert sheet_name("History", taken) == "History_"
    long = sheet_name("很" * 40, taken)
    assert len(long) == 31
    again = sheet_name("很" * 40, taken)
    assert again != long and len(again) <= 31


def test_a_failed_write_leaves_the_old_file(tmp_path):
    out = tmp_path / "week.xlsx"
    out.write_bytes(b"old")
    with pytest.raises(RuntimeError):
        with atomic_output(out) as temporary:
            temporary.write_bytes(b"half")
            raise RuntimeError("crash while writing")
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["week.xlsx"]
