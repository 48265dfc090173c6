"""Every third-party export in ../shared/samples/real imports with the expected table, skipped rows,
types, keys and values; text percentages equal number cells; odd files are read with a warning."""
from __future__ import annotations

import pytest

from tests.real_data.conftest import REAL_SAMPLES
from workbench.reports.datasets import get_dataset
from workbench.reports.importer import import_file

# file -> (dataset, header rows, data rows, skipped [(row, reason)], {column: type}, key). A buyer's or a
# product's name is never a key, however unique it is in one file (re-imports: test_real_reimport.py).
EXPECTED = {
    "京东商品_GB18030.csv": ("京东商品", [1], 33, [], {"商品名称": "text", "7天点击量": "integer", "定价": "money"}, []),
    "图书订单_首列无表头.xls": ("图书订单_首列无表头", [1], 704, [],
                           {"列A": "integer", "买家实际支付金额": "money", "宝贝种类_2": "integer", "联系手机": "text",
                            "订单付款时间": "datetime"}, []),
    "广告投放费用.xlsx": ("广告投放费用", [1], 11815, [], {"投放日期": "date", "支出": "money"}, []),
    "流量来源.xls": ("流量来源", [1], 22, [], {"流量来源": "text", "访客数": "integer", "支付转化率": "percent", "客单价": "money"},
                 ["流量来源", "来源明细"]),
    "流量来源_GB18030.csv": ("流量来源", [1], 22, [], {"访客数": "integer", "支付转化率": "percent"}, ["流量来源", "来源明细"]),
    "流量来源_其实是CSV.xls": ("流量来源_其实是CSV", [1], 22, [], {"支付转化率": "percent"}, ["流量来源", "来源明细"]),
    "流量来源_带索引列_UTF8BOM.csv": ("流量来源_带索引列", [1], 22, [], {"访客数": "integer"}, ["流量来源", "来源明细"]),
    "淘宝订单_2018.xls": ("淘宝订单", [1], 1783, [], {"买家实际支付金额": "money", "宝贝标题": "text", "联系手机": "text",
                                                "订单付款时间": "datetime"}, []),
    "淘宝订单_201805.xlsx": ("淘宝订单", [1], 80, [], {"买家应付货款": "money", "订单付款时间": "datetime", "订单备注": "text",
                                                 "图书编号": "text"}, []),
    "销售日报_11815行.xlsx": ("销售日报_11815行", [1], 11815, [],
                          {"日期": "date", "商品名称": "text", "成交件数": "integer", "销售码洋": "money"}, []),
}


def test_every_real_sample_file_is_covered():
    files = {p.name for p in REAL_SAMPLES.glob("*.*") if p.suffix != ".md"}
    assert files == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_real_sample_imports_as_expected(db, name):
    dataset, header_rows, rows, skipped, types, key = EXPECTED[name]
    payload = import_file(db, REAL_SAMPLES / name).to_json()
    assert payload["dataset"] == dataset
    assert payload["header_rows"] == header_rows
    assert payload["rows"] == rows
    assert [(s["row"], s["reason"]) for s in payload["skipped"]] == skipped
    found = {c["name"]: c["type"] for c in payload["columns"]}
    assert {column: found.get(column) for column in types} == types
    info = get_dataset(db, dataset)
    assert info.key_columns == key
    assert info.rows == rows
    assert len(payload["sample"]) == min(5, rows)


def test_percent_text_and_number_formats_agree(db):
    """支付转化率 '9.98%' in the CSV equals 0.0998 in the .xls: the re-import changes nothing."""
    import_file(db, REAL_SAMPLES / "流量来源.xls")
    again = import_file(db, REAL_SAMPLES / "流量来源_GB18030.csv").to_json()
    assert (again["added"], again["updated"], again["unchanged"]) == (0, 0, 22)
    assert again["sample"][0] == ["一级", "-A", 35188, 0.0998, 54.3]


def test_unnamed_row_number_column_is_left_out(db):
    payload = import_file(db, REAL_SAMPLES / "流量来源_带索引列_UTF8BOM.csv").to_json()
    assert [c["name"] for c in payload["columns"]] == ["流量来源", "来源明细", "访客数", "支付转化率", "客单价"]
    assert any("列A" in w for w in payload["warnings"])


def test_csv_named_xls_is_read_as_csv_with_a_warning(db):
    payload = import_file(db, REAL_SAMPLES / "流量来源_其实是CSV.xls").to_json()
    assert payload["rows"] == 22
    assert any("CSV" in w for w in payload["warnings"])
