"""Date forms, money, percents, nulls, ids; CSV encodings and delimiters; uncached formulas."""
from __future__ import annotations

from openpyxl import Workbook

from workbench.reports.datasets import get_dataset, read_rows
from workbench.reports.importer import import_file, import_rows


def test_every_date_form_and_null_token(db):
    import_rows(db, "日期们", ["日期", "数量"], [
        ["2026/11/20", "1"], ["2026-11-21", "-"], ["2026年11月22日", "—"], ["20261123", "N/A"],
        ["11月24日", ""], ["2026.11.25", "1,234"],
    ], title="2026年 运营数据")
    info = get_dataset(db, "日期们")
    assert [(c.name, c.type) for c in info.columns] == [("日期", "date"), ("数量", "integer")]
    assert [(r["日期"], r["数量"]) for r in read_rows(db, "日期们")] == [
        ("2026-11-20", 1), ("2026-11-21", None), ("2026-11-22", None), ("2026-11-23", None),
        ("2026-11-24", None), ("2026-11-25", 1234)]


def test_datetimes_money_percent_bool_and_ids(db):
    import_rows(db, "混合", ["下单时间", "金额", "占比", "是否新客", "用户编号", "手机号"], [
        ["2026-11-20 09:12:33", "¥1,234.00", "45.23%", "是", "00123", 13800138000.0],
        ["2026/11/21 18:00", "1.2万", "0.5%", "否", "00456", 13900139000.0],
    ])
    info = get_dataset(db, "混合")
    assert [c.type for c in info.columns] == ["datetime", "money", "percent", "bool", "text", "text"]
    assert read_rows(db, "混合") == [
        {"下单时间": "2026-11-20T09:12:33", "金额": 1234.0, "占比": 0.4523, "是否新客": True, "用户编号": "00123",
         "手机号": "13800138000"},
        {"下单时间": "2026-11-21T18:00:00", "金额": 12000.0, "占比": 0.005, "是否新客": False, "用户编号": "00456",
         "手机号": "13900139000"},
    ]


def _csv(path, text: str, encoding: str) -> None:
    path.write_bytes(text.encode(encoding))


def test_csv_encodings_and_delimiters(db, tmp_path):
    rows = "日期\t渠道\t注册\r\n2026-11-01\t应用宝\t12\r\n2026-11-02\t小米商店\t15\r\n"
    cases = {
        "unicode_text.txt": (rows, "utf-16"),                                  # Excel's "Unicode text"
        "gbk.csv": (rows.replace("\t", ","), "gb18030"),
        "bom.csv": (rows.replace("\t", ";"), "utf-8-sig"),
        "plain.csv": (rows.replace("\t", "|"), "utf-8"),
    }
    for name, (text, encoding) in cases.items():
        path = tmp_path / name
        _csv(path, text, encoding)
        payload = import_file(db, path, dataset=name).to_json()
        assert [c["name"] for c in payload["columns"]] == ["日期", "渠道", "注册"], name
        assert payload["sample"] == [["2026-11-01", "应用宝", 12], ["2026-11-02", "小米商店", 15]], name


def test_legacy_single_byte_csv(db, tmp_path):
    path = tmp_path / "legacy.csv"
    _csv(path, "Name,Café visits\nRené,3\nZoë,4\n", "cp1252")
    payload = import_file(db, path).to_json()
    assert [c["name"] for c in payload["columns"]] == ["Name", "Café visits"]
    assert payload["sample"] == [["René", 3], ["Zoë", 4]]


def test_formula_without_cached_value_is_warned_not_zero(db, tmp_path):
    path = tmp_path / "公式.xlsx"
    book = Workbook()
    sheet = book.active
    sheet.append(["日期", "注册", "翻倍"])
    sheet.append(["2026-11-01", 10, "=B2*2"])
    sheet.append(["2026-11-02", 12, "=B3*2"])
    book.save(path)
    payload = import_file(db, path).to_json()
    assert any("formula" in w and "C2" in w for w in payload["warnings"])
    assert [row[2] for row in payload["sample"]] == [None, None]


def test_repeated_and_blank_header_names(db, tmp_path):
    path = tmp_path / "重名.xlsx"
    book = Workbook()
    sheet = book.active
    sheet.append(["渠道", "花费 ", "花费", None])
    sheet.append(["应用宝", 1, 2, "x"])
    sheet.append(["小米", 3, 4, "y"])
    book.save(path)
    payload = import_file(db, path).to_json()
    assert [c["name"] for c in payload["columns"]] == ["渠道", "花费", "花费_2", "列D"]
