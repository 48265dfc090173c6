"""Every kind of export the lender sends (tests/report_files writes them) imports with the expected
table, skipped rows, types, keys and values."""
from __future__ import annotations

import pytest

from tests.report_files import write_percent_pair
from tests.report_files.channel_week import IMPORTED_NAMES
from workbench.reports.datasets import get_dataset, read_rows, read_series
from workbench.reports.importer import import_file


def expected_imports(files) -> dict:
    """file -> (dataset, header rows, data rows, skipped [(row, reason)], {column: type}, key)."""
    core, channel = files.core, files.channel
    return {
        "funnel": (files.funnel.path, "AARRR漏斗_周", [1], len(files.funnel.rows), [],
                   {"周次": "text", "获取(下载)": "integer", "收入(首借)": "integer"}, ["周次"]),
        # users complain more than once, so no column identifies a ticket
        "complaints": (files.complaints.path, "客诉工单", [1], len(files.complaints.rows), [],
                       {"日期": "date", "时间": "text", "用户ID": "text", "满意度": "integer"}, []),
        "cohort": (files.cohort.path, "新增用户留存", [1], len(files.cohort.rows), [],
                   {"首次启动日期": "date", "新增用户": "integer", "第1天": "percent", "第30天": "percent"},
                   ["首次启动日期"]),
        "core": (core.early, "核心指标日报", [4], len(core.early_rows), [(core.early_totals_row, "totals row")],
                 {"日期": "date", "新增注册": "integer", "借款金额(元)": "money", "次日留存率": "percent",
                  "客诉量": "integer"}, ["日期"]),
        # the period comes from the title; the totals, the blank row and the footnote follow the channels
        "channel": (channel.path, "渠道周报", [2, 3], len(channel.rows),
                    [(channel.totals_row, "totals row"), (channel.totals_row + 1, "blank row"),
                     (channel.totals_row + 2, "footnote")],
                    {"报告期": "date", "渠道": "text", "投放·花费(元)": "money", "投放·曝光": "integer",
                     "转化·注册→首借转化率": "percent", "获客成本CAC(元)": "money", "备注": "text"}, ["报告期", "渠道"]),
        "users": (files.users.path, "用户明细", [1], len(files.users.rows), [],
                  {"用户ID": "text", "手机号": "text", "注册时间": "datetime", "借款次数": "integer",
                   "累计借款金额": "money", "当前在贷": "bool"}, ["用户ID"]),
    }


def test_every_report_file_is_covered(report_files):
    covered = {expected[0] for expected in expected_imports(report_files).values()} | {report_files.core.late}
    assert covered == set(report_files.paths)


@pytest.mark.parametrize("kind", ["funnel", "complaints", "cohort", "core", "channel", "users"])
def test_report_imports_as_expected(db, report_files, kind):
    path, dataset, header_rows, rows, skipped, types, key = expected_imports(report_files)[kind]
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


def test_core_daily_values_are_typed(db, report_files):
    core = report_files.core
    import_file(db, core.early)
    written = core.early_rows[0]
    first = read_rows(db, "核心指标日报", limit=1)[0]
    assert first == {**written, "日期": written["日期"].isoformat(),
                     "次日留存率": pytest.approx(written["次日留存率"]), "7日留存率": pytest.approx(written["7日留存率"])}
    info = get_dataset(db, "核心指标日报")
    days = (core.early_rows[0]["日期"].isoformat(), core.early_rows[-1]["日期"].isoformat())
    assert (info.date_min, info.date_max, info.date_column) == (*days, "日期")
    assert info.column("次日留存率").role == "metric" and info.column("日期").role == "key"


def test_overlapping_core_reports_upsert_with_the_correction(db, report_files):
    core = report_files.core
    day = core.corrected_day
    before, after = core.complaints_on(core.early_rows, day), core.complaints_on(core.late_rows, day)
    import_file(db, core.early)
    second = import_file(db, core.late).to_json()
    assert (second["added"], second["updated"], second["unchanged"]) == (
        len(core.late_only_days), 1, len(core.overlap_days) - 1)
    assert second["corrections"] == [{"key": day.isoformat(), "column": "客诉量", "old": before, "new": after}]
    info = get_dataset(db, "核心指标日报")
    assert info.rows == len(core.early_rows) + len(core.late_only_days)
    assert info.date_max == core.late_rows[-1]["日期"].isoformat()
    assert dict(read_series(db, "核心指标日报", "客诉量"))[day.isoformat()] == after
    assert db.execute("SELECT count(*) FROM datasets").fetchone()[0] == 1


def test_percent_text_and_chinese_dates_agree_with_number_cells(db, tmp_path):
    """支付转化率 '7.38%' and 日期 '2026年11月16日' in the CSV equal 0.0738 and a date cell in the .xlsx:
    importing the CSV after the workbook changes nothing."""
    pair = write_percent_pair(tmp_path)
    import_file(db, pair.xlsx)
    again = import_file(db, pair.csv).to_json()
    assert (again["added"], again["updated"], again["unchanged"]) == (0, 0, len(pair.rows))
    first = pair.rows[0]
    assert again["sample"][0] == [first["日期"].isoformat(), first["渠道"], first["访客数"], first["支付转化率"],
                                  first["客单价"]]
    assert {c["name"]: c["type"] for c in again["columns"]}["支付转化率"] == "percent"


def test_channel_period_from_title_keeps_weeks_apart(db, report_files):
    channel = report_files.channel
    payload = import_file(db, channel.path).to_json()
    assert [c["name"] for c in payload["columns"]] == ["报告期", *IMPORTED_NAMES]
    first = channel.rows[0]
    assert payload["sample"][0][:3] == [channel.week_start.isoformat(), first["渠道"], float(first["花费(元)"])]
    assert first["备注"] is None and payload["sample"][0][-1] is None
    unpaid = next(r for r in channel.rows if r["获客成本CAC(元)"] == "-")
    rows = read_rows(db, "渠道周报", where={"渠道": unpaid["渠道"]})
    assert rows[0]["获客成本CAC(元)"] is None and rows[0]["备注"] == unpaid["备注"]


def test_user_list_keeps_ids_and_bools(db, report_files):
    payload = import_file(db, report_files.users.path).to_json()
    first = report_files.users.rows[0]
    assert payload["sample"][0] == [first["用户ID"], first["手机号"], first["注册渠道"], first["注册时间"].isoformat(),
                                    first["最近登录时间"].isoformat(), first["借款次数"], float(first["累计借款金额"]),
                                    first["当前在贷"] == "是", first["最长逾期天数"], first["用户状态"]]
    assert {type(value) for value in (row[7] for row in payload["sample"])} == {bool}
