"""Every sample export imports with the expected table, skipped rows, types, keys and values."""
from __future__ import annotations

import pytest

from tests.conftest import REAL_SAMPLES, SAMPLES
from workbench.reports.datasets import get_dataset, read_rows, read_series
from workbench.reports.importer import import_file

CORE_1 = SAMPLES / "核心指标日报_2026-08-01_2026-11-15.xlsx"
CORE_2 = SAMPLES / "核心指标日报_2026-11-09_2026-11-22.xlsx"

# file -> (dataset, header rows, data rows, skipped [(row, reason)], {column: type}, key)
EXPECTED = {
    SAMPLES / "AARRR漏斗_周.xlsx": ("AARRR漏斗_周", [1], 12, [],
                                  {"周次": "text", "获取(下载)": "integer", "收入(首借)": "integer"}, ["周次"]),
    SAMPLES / "客诉工单_202611_GBK.csv": ("客诉工单", [1], 633, [],
                                     {"日期": "date", "时间": "text", "用户ID": "text", "满意度": "integer"}, []),
    SAMPLES / "新增用户留存_2026-10-01_2026-11-22.xlsx": ("新增用户留存", [1], 53, [],
                                                   {"首次启动日期": "date", "新增用户": "integer", "第1天": "percent",
                                                    "第30天": "percent"}, ["首次启动日期"]),
    CORE_1: ("核心指标日报", [4], 107, [(112, "totals row")],
             {"日期": "date", "新增注册": "integer", "借款金额(元)": "money", "次日留存率": "percent",
              "客诉量": "integer"}, ["日期"]),
    SAMPLES / "渠道周报_2026W47.xlsx": ("渠道周报", [2, 3], 10,
                                    [(14, "totals row"), (15, "blank row"), (16, "footnote")],
                                    {"报告期": "date", "渠道": "text", "投放·花费(元)": "money", "投放·曝光": "integer",
                                     "转化·注册→首借转化率": "percent", "获客成本CAC(元)": "money", "备注": "text"},
                                    ["报告期", "渠道"]),
    SAMPLES / "用户明细导出_20261122.xlsx": ("用户明细", [1], 5000, [],
                                        {"用户ID": "text", "手机号": "text", "注册时间": "datetime", "借款次数": "integer",
                                         "累计借款金额": "money", "当前在贷": "bool"}, ["用户ID"]),
    REAL_SAMPLES / "京东商品_GB18030.csv": ("京东商品", [1], 33, [],
                                        {"商品名称": "text", "7天点击量": "integer", "定价": "money"}, ["商品名称"]),
    REAL_SAMPLES / "图书订单_首列无表头.xls": ("图书订单_首列无表头", [1], 704, [],
                                          {"列A": "integer", "买家实际支付金额": "money", "宝贝种类_2": "integer",
                                           "联系手机": "text", "订单付款时间": "datetime"}, ["买家会员名"]),
    REAL_SAMPLES / "广告投放费用.xlsx": ("广告投放费用", [1], 11815, [], {"投放日期": "date", "支出": "money"}, []),
    REAL_SAMPLES / "流量来源.xls": ("流量来源", [1], 22, [],
                                {"流量来源": "text", "访客数": "integer", "支付转化率": "percent", "客单价": "money"},
                                ["流量来源", "来源明细"]),
    REAL_SAMPLES / "流量来源_GB18030.csv": ("流量来源", [1], 22, [],
                                        {"访客数": "integer", "支付转化率": "percent"}, ["流量来源", "来源明细"]),
    REAL_SAMPLES / "流量来源_其实是CSV.xls": ("流量来源_其实是CSV", [1], 22, [], {"支付转化率": "percent"}, ["流量来源", "来源明细"]),
    REAL_SAMPLES / "流量来源_带索引列_UTF8BOM.csv": ("流量来源_带索引列", [1], 22, [], {"访客数": "integer"},
                                                ["流量来源", "来源明细"]),
    REAL_SAMPLES / "淘宝订单_2018.xls": ("淘宝订单", [1], 1783, [],
                                    {"买家实际支付金额": "money", "宝贝标题": "text", "联系手机": "text",
                                     "订单付款时间": "datetime"}, ["买家会员名"]),
    REAL_SAMPLES / "淘宝订单_201805.xlsx": ("淘宝订单", [1], 80, [],
                                        {"买家应付货款": "money", "订单付款时间": "datetime", "订单备注": "text",
                                         "图书编号": "text"}, []),
    REAL_SAMPLES / "销售日报_11815行.xlsx": ("销售日报_11815行", [1], 11815, [],
                                         {"日期": "date", "商品名称": "text", "成交件数": "integer", "销售码洋": "money"}, []),
}


def test_every_sample_file_is_covered():
    files = {p for p in list(SAMPLES.glob("*.*")) + list(REAL_SAMPLES.glob("*.*")) if p.suffix != ".md"}
    assert files == set(EXPECTED) | {CORE_2}


@pytest.mark.parametrize("path", sorted(EXPECTED), ids=lambda p: p.name)
def test_sample_imports_as_expected(db, path):
    dataset, header_rows, rows, skipped, types, key = EXPECTED[path]
    payload = import_file(db, path).to_json()
    assert payload["dataset"] == dataset
    assert payload["header_rows"] == header_rows
    assert payload["rows"] == rows
    assert [(s["row"], s["reason"]) for s in payload["skipped"]] == skipped
    found = {c["name"]: c["type"] for c in payload["columns"]}
    assert {name: found.get(name) for name in types} == types
    info = get_dataset(db, dataset)
    assert info.key_columns == key
    assert info.rows == rows
    assert len(payload["sample"]) == min(5, rows)


def test_core_daily_values_are_typed(db):
    import_file(db, CORE_1)
    first = read_rows(db, "核心指标日报", limit=1)[0]
    assert first == {"日期": "2026-08-01", "新增注册": 2154, "实名认证": 1337, "授信通过": 644, "首借人数": 365,
                     "借款金额(元)": 1030099.86, "活跃用户(DAU)": 48060, "月活跃用户(MAU)": 179445,
                     "次日留存率": pytest.approx(0.425885849136892), "7日留存率": pytest.approx(0.2246149978880648),
                     "客诉量": 43}
    info = get_dataset(db, "核心指标日报")
    assert (info.date_min, info.date_max, info.date_column) == ("2026-08-01", "2026-11-15", "日期")
    assert info.column("次日留存率").role == "metric" and info.column("日期").role == "key"


def test_overlapping_core_reports_upsert_with_the_correction(db):
    import_file(db, CORE_1)
    second = import_file(db, CORE_2).to_json()
    assert (second["added"], second["updated"], second["unchanged"]) == (7, 1, 6)
    assert second["corrections"] == [{"key": "2026-11-11", "column": "客诉量", "old": 44, "new": 51}]
    info = get_dataset(db, "核心指标日报")
    assert info.rows == 114 and info.date_max == "2026-11-22"
    assert dict(read_series(db, "核心指标日报", "客诉量"))["2026-11-11"] == 51
    assert db.execute("SELECT count(*) FROM datasets").fetchone()[0] == 1


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


def test_channel_period_from_title_keeps_weeks_apart(db):
    payload = import_file(db, SAMPLES / "渠道周报_2026W47.xlsx").to_json()
    assert payload["sample"][0][:3] == ["2026-11-16", "应用宝", 167307.0]
    assert payload["sample"][0][-1] is None  # 备注 blank
    rows = read_rows(db, "渠道周报", where={"渠道": "老带新"})
    assert rows[0]["获客成本CAC(元)"] is None and rows[0]["备注"] == "邀请返现活动第2周"


def test_user_list_keeps_ids_and_bools(db):
    payload = import_file(db, SAMPLES / "用户明细导出_20261122.xlsx").to_json()
    assert payload["sample"][0] == ["U20250001", "179****5462", "微信朋友圈广告", "2025-05-31T11:44:00",
                                    "2026-11-21T23:01:00", 1, 8000.0, False, 0, "已结清"]
