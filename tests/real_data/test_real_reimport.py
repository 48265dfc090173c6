"""Re-importing real exports written by others: next month's orders from the same buyers are new rows,
and a corrected copy of a daily sales sheet replaces its period with one changed row. The derived
files are written to the test's temporary folder, never into the project."""
from __future__ import annotations

import random
from datetime import timedelta

from openpyxl import Workbook
from python_calamine import CalamineWorkbook

from tests.real_data.conftest import REAL_SAMPLES
from workbench.reports.datasets import get_dataset
from workbench.reports.importer import import_file, undo_import

ORDERS = REAL_SAMPLES / "淘宝订单_2018.xls"
SALES = REAL_SAMPLES / "销售日报_11815行.xlsx"


def sheet_rows(path) -> list[list]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()


def save(path, rows) -> None:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)


def next_months_orders(header: list, orders: list[list], buyers: int) -> list[list]:
    """`buyers` of the buyers order again a month after the last order (other amounts, later times)."""
    paid, created = header.index("订单付款时间"), header.index("订单创建时间")
    amount = header.index("买家实际支付金额")
    last = max(row[created] for row in orders)
    again = []
    for n, row in enumerate(random.Random(2018).sample(orders, buyers)):
        row = list(row)
        row[created] = last + timedelta(days=1 + n % 28, minutes=n)
        row[paid] = row[created] + timedelta(minutes=4)
        row[amount] = round(row[amount] + 10, 2)
        again.append(row)
    return again


def test_next_months_export_with_the_same_buyers_adds_their_orders(db, tmp_path):
    header, *orders = sheet_rows(ORDERS)
    again = next_months_orders(header, orders, 200)
    export = tmp_path / "淘宝订单_次月导出.xlsx"
    save(export, [header, *orders, *again])           # the whole history, as the shop exports it
    first = import_file(db, ORDERS)
    second = import_file(db, export, dataset=first.plan.dataset)
    assert first.rows == 1783 and get_dataset(db, first.plan.dataset).key_columns == []
    assert get_dataset(db, first.plan.dataset).rows == 1983
    assert (second.added, second.updated, second.removed, second.unchanged) == (200, 0, 0, 1783)


def test_only_next_months_orders_add_the_same_200(db, tmp_path):
    header, *orders = sheet_rows(ORDERS)
    export = tmp_path / "淘宝订单_次月.xlsx"
    save(export, [header, *next_months_orders(header, orders, 200)])
    first = import_file(db, ORDERS)
    import_file(db, export, dataset=first.plan.dataset)
    assert get_dataset(db, first.plan.dataset).rows == 1983


def test_a_corrected_copy_of_daily_sales_replaces_its_period(db, tmp_path):
    rows = sheet_rows(SALES)
    first = import_file(db, SALES)
    table = get_dataset(db, first.plan.dataset).table_name
    before = db.execute(f"SELECT * FROM [{table}] ORDER BY _row_id").fetchall()
    same = import_file(db, SALES)
    assert (same.added, same.updated, same.removed, same.unchanged) == (0, 0, 0, 11815)
    rows[5000][2] += 1
    corrected = tmp_path / "销售日报_更正.xlsx"
    save(corrected, rows)
    result = import_file(db, corrected, dataset=first.plan.dataset)
    assert get_dataset(db, first.plan.dataset).rows == 11815
    assert result.to_json()["replaced"] == {"from": "2019-01-01", "to": "2019-12-31", "rows": 11815, "changed": 1,
                                            "added": 0, "removed": 0}
    assert [(c["column"], c["new"] - c["old"]) for c in result.corrections] == [("成交件数", 1)]
    undo_import(db, result.import_id)
    assert db.execute(f"SELECT * FROM [{table}] ORDER BY _row_id").fetchall() == before
