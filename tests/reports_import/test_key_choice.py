"""Which columns identify a row: an id column, or a metrics report's period plus labels — never a
name, free text, an amount or a time because it happens to be unique in one file."""
from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from workbench.reports.import_plan import analyse
from workbench.reports.importer import close_plan
from tests.report_files.plain import write_xlsx



def key_of(path) -> list[str]:
    plan = analyse(path)
    try:
        return plan.key_columns
    finally:
        close_plan(plan)


DAY = date(2026, 11, 1)
BUYERS = [f"mrsoft{n:03d}" for n in range(1, 41)]   # id-like member names, unique in this file


def orders(with_number: bool) -> tuple[list[str], list[list]]:
    header = (["订单编号"] if with_number else []) + ["买家会员名", "实付金额", "宝贝标题", "下单时间"]
    rows = []
    for n, buyer in enumerate(BUYERS):
        placed = datetime(2026, 11, 1, 9) + timedelta(hours=7 * n, minutes=n)
        rows.append(([f"E2026110{n:05d}"] if with_number else []) +
                    [buyer, 19.9 + n, f"Python 从入门到精通 第{n}版 包邮", placed])
    return header, rows


def test_an_order_number_is_the_key_not_the_buyer(tmp_path):
    header, rows = orders(with_number=True)
    assert key_of(write_xlsx(tmp_path / "订单.xlsx", header, rows)) == ["订单编号"]


def test_without_an_order_number_no_column_is_a_key(tmp_path):
    """The buyer, the amount, the title and the time are each unique here, and none is an identity."""
    header, rows = orders(with_number=False)
    assert key_of(write_xlsx(tmp_path / "订单.xlsx", header, rows)) == []


@pytest.mark.parametrize("header, values", [
    ("收货人姓名", [f"张{n}" for n in range(30)]),                       # a person's name
    ("用户名", [f"user{n:04d}" for n in range(30)]),                      # a login name, id-like values
    ("联系手机", [f"1381234{n:04d}" for n in range(30)]),                 # a phone
    ("订单号", [f"{n} 号订单 已发货" for n in range(30)]),                 # an id header over free text
    ("序号", list(range(1, 31))),                                         # this file's row numbers
    ("客户编号", [f"C{n}" for n in range(5)] * 6),                         # an id that repeats: not unique
])
def test_no_key_from_names_phones_free_text_row_numbers_or_repeats(tmp_path, header, values):
    rows = [[value, f"备注{n % 3}", 10.0 + n, datetime(2026, 11, 1) + timedelta(minutes=n)]
            for n, value in enumerate(values)]
    assert key_of(write_xlsx(tmp_path / "list.xlsx", [header, "说明", "金额", "时间"], rows)) == []


def test_an_id_column_with_digits_of_steady_length(tmp_path):
    rows = [[f"U2025{n:04d}", f"1{n % 9}8****{n:04d}", "小米商店" if n % 2 else "应用宝", 1000.0 * n]
            for n in range(30)]
    assert key_of(write_xlsx(tmp_path / "users.xlsx", ["用户ID", "手机号", "注册渠道", "累计借款"], rows)) == ["用户ID"]


def test_a_daily_metrics_report_is_keyed_by_its_date(tmp_path):
    rows = [[DAY + timedelta(days=n), 1000 + n, 0.4 + n / 1000, 300.5 * n] for n in range(20)]
    assert key_of(write_xlsx(tmp_path / "日报.xlsx", ["日期", "新增注册", "次日留存率", "借款金额"], rows)) == ["日期"]


def test_a_metrics_report_by_date_and_channel(tmp_path):
    channels = ["应用宝", "华为应用市场", "小米商店", "抖音信息流"]
    rows = [[DAY + timedelta(days=n // 4), channels[n % 4], 100 + n, 5000.0 + n] for n in range(24)]
    assert key_of(write_xlsx(tmp_path / "渠道日报.xlsx", ["日期", "渠道", "注册", "花费"], rows)) == ["日期", "渠道"]


def test_week_labels_are_a_period(tmp_path):
    rows = [[f"2026-W{n:02d}", 40000 + n, 17000 + n] for n in range(36, 48)]
    assert key_of(write_xlsx(tmp_path / "漏斗.xlsx", ["周次", "下载", "注册"], rows)) == ["周次"]


def test_many_rows_per_date_by_product_name_have_no_key(tmp_path):
    """Daily sales by product name: (date, name) may be unique in one export, but a name is not an
    identity and the same product can be listed twice on a day in the next one."""
    rows = [[DAY + timedelta(days=n // 3), f"零基础学Python（第{n % 3}版）", n % 7 + 1, 59.8 * (n % 7 + 1)]
            for n in range(30)]
    assert key_of(write_xlsx(tmp_path / "销售日报.xlsx", ["日期", "商品名称", "成交件数", "销售码洋"], rows)) == []


def test_an_event_list_with_a_date_is_not_a_metrics_report(tmp_path):
    """Tickets, one per day here: the date is unique in this file, yet a ticket list has no period grain."""
    rows = [[DAY + timedelta(days=n), f"U2025{n:04d}", "额度咨询", "为什么额度降了", n % 5 + 1] for n in range(20)]
    assert key_of(write_xlsx(tmp_path / "工单.xlsx", ["日期", "用户ID", "工单类型", "内容摘要", "满意度"], rows)) == []


def test_a_ticket_number_anywhere_is_the_key(tmp_path):
    rows = [[DAY + timedelta(days=n), f"U2025{n % 7:04d}", f"GD2026{n:06d}", "额度咨询", n % 5 + 1] for n in range(20)]
    assert key_of(write_xlsx(tmp_path / "工单.xlsx", ["日期", "用户ID", "工单号", "工单类型", "满意度"], rows)) == ["工单号"]
