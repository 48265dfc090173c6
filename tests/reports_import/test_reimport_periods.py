"""Re-importing an export never loses or duplicates a row: keyless sheets are replaced period by
period (as a BI refresh does), identical files change nothing, and undo puts the old rows back."""
from __future__ import annotations

import csv
from datetime import date, datetime, timedelta


from workbench.cli import main
from workbench.reports.datasets import get_dataset
from workbench.reports.importer import import_file, list_imports, undo_import
from tests.report_files.plain import write_xlsx

PRODUCTS = ["零基础学Python（全彩版）", "Java从入门到精通", "PHP项目开发实战入门", "C语言精彩编程200例"]



def daily_sales(days: int, start: date = date(2026, 10, 1)) -> list[list]:
    """Several rows per day, the same product twice on some days (two shops): no key."""
    rows = []
    for d in range(days):
        for n in range(5):
            rows.append([start + timedelta(days=d), PRODUCTS[(d + n) % 4], (d * 7 + n * 3) % 40 + 1,
                         round(((d * 7 + n * 3) % 40 + 1) * 59.8, 2)])
    return rows


SALES_HEADER = ["日期", "商品名称", "成交件数", "销售码洋"]


def table_rows(db, dataset: str) -> list[tuple]:
    """Every stored row with its bookkeeping (row id, key, import), in row order."""
    table = get_dataset(db, dataset).table_name
    return db.execute(f"SELECT * FROM [{table}] ORDER BY _row_id").fetchall()


def values(db, dataset: str) -> list[tuple]:
    table = get_dataset(db, dataset).table_name
    return sorted(db.execute(f"SELECT [日期], [商品名称], [成交件数], [销售码洋] FROM [{table}]").fetchall())


def test_a_corrected_copy_of_the_same_period_replaces_it(db, tmp_path):
    rows = daily_sales(30)
    first = import_file(db, write_xlsx(tmp_path / "销售日报.xlsx", SALES_HEADER, rows), dataset="销售日报")
    assert get_dataset(db, "销售日报").key_columns == []
    before = table_rows(db, "销售日报")
    corrected = [list(r) for r in rows]
    corrected[42][2] += 5
    again = import_file(db, write_xlsx(tmp_path / "销售日报_更正.xlsx", SALES_HEADER, corrected), dataset="销售日报")
    assert first.rows == again.rows == 150
    assert get_dataset(db, "销售日报").rows == 150
    assert again.to_json()["replaced"] == {"from": "2026-10-01", "to": "2026-10-30", "rows": 150, "changed": 1,
                                           "added": 0, "removed": 0}
    day, product, quantity = corrected[42][0].isoformat(), corrected[42][1], corrected[42][2]
    assert again.corrections == [{"key": f"{day} {product}", "column": "成交件数", "old": quantity - 5, "new": quantity}]
    assert values(db, "销售日报") == sorted(tuple([r[0].isoformat(), *r[1:]]) for r in corrected)
    undo_import(db, again.import_id)
    assert table_rows(db, "销售日报") == before


def test_an_identical_file_changes_nothing(db, tmp_path):
    path = write_xlsx(tmp_path / "销售日报.xlsx", SALES_HEADER, daily_sales(10))
    import_file(db, path, dataset="销售日报")
    before = table_rows(db, "销售日报")
    again = import_file(db, path, dataset="销售日报")
    assert (again.added, again.updated, again.removed, again.unchanged) == (0, 0, 0, 50)
    assert table_rows(db, "销售日报") == before


def test_the_same_rows_written_as_csv_text_match_the_workbook(db, tmp_path):
    """Numbers read as text from a CSV are the stored numbers: nothing changes."""
    rows = daily_sales(5)
    import_file(db, write_xlsx(tmp_path / "销售日报.xlsx", SALES_HEADER, rows), dataset="销售日报")
    before = table_rows(db, "销售日报")
    path = tmp_path / "销售日报.csv"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(SALES_HEADER)
        writer.writerows([[r[0].strftime("%Y/%m/%d"), r[1], str(r[2]), f"{r[3]:,.2f}"] for r in rows])
    again = import_file(db, path, dataset="销售日报")
    assert (again.added, again.updated, again.removed, again.unchanged) == (0, 0, 0, 25)
    assert table_rows(db, "销售日报") == before


def test_an_overlapping_export_replaces_only_the_days_it_covers(db, tmp_path):
    """Days 1–20, then days 11–30 where day 15 lost a row and day 16 gained one."""
    rows = daily_sales(30)
    import_file(db, write_xlsx(tmp_path / "a.xlsx", SALES_HEADER, rows[:100]), dataset="销售日报")
    later = [list(r) for r in rows[50:]]
    dropped = later.pop(20)               # a row of 2026-10-15, withdrawn by the shop
    later.insert(27, [date(2026, 10, 16), "新书", 3, 89.7])
    result = import_file(db, write_xlsx(tmp_path / "b.xlsx", SALES_HEADER, later), dataset="销售日报")
    assert result.to_json()["replaced"] == {"from": "2026-10-11", "to": "2026-10-30", "rows": 100, "changed": 0,
                                            "added": 51, "removed": 1}
    expected = [tuple([r[0].isoformat(), *r[1:]]) for r in rows[:50] + later]
    assert values(db, "销售日报") == sorted(expected)
    assert tuple([dropped[0].isoformat(), *dropped[1:]]) not in values(db, "销售日报")


def test_next_months_orders_from_the_same_buyers_are_new_rows(db, tmp_path):
    """No order number: the buyer is unique in the first file, yet their next order is another row."""
    header = ["买家会员名", "买家实际支付金额", "宝贝标题", "订单创建时间"]
    first = [[f"mrsoft{n:03d}", 20.0 + n, f"书{n}", datetime(2026, 10, 1, 8) + timedelta(hours=5 * n)]
             for n in range(60)]
    again = [[b, a + 1, t, c + timedelta(days=40)] for b, a, t, c in first[:25]]
    import_file(db, write_xlsx(tmp_path / "订单_10月.xlsx", header, first), dataset="订单")
    result = import_file(db, write_xlsx(tmp_path / "订单_11月.xlsx", header, first + again), dataset="订单")
    assert get_dataset(db, "订单").rows == 85
    assert (result.added, result.updated, result.removed, result.unchanged) == (25, 0, 0, 60)


def test_cli_reports_the_replaced_period_and_undoes_it(tmp_path, capsys):
    db = str(tmp_path / "w.db")
    rows = daily_sales(3)
    assert main(["import", "--db", db, str(write_xlsx(tmp_path / "销售日报.xlsx", SALES_HEADER, rows))]) == 0
    rows[4][3] = 1.5
    assert main(["import", "--db", db, str(write_xlsx(tmp_path / "销售日报_2.xlsx", SALES_HEADER, rows))]) == 0
    out = capsys.readouterr().out
    assert "replaced 2026-10-01 – 2026-10-03: 15 rows, 1 changed" in out
    assert main(["imports", "--db", db]) == 0
    assert "replaced 2026-10-01 – 2026-10-03: 15 rows, 1 changed" in capsys.readouterr().out
    assert main(["imports", "--db", db, "--undo", "2"]) == 0
    assert main(["datasets", "--db", db, "--json"]) == 0
    assert '"rows": 15' in capsys.readouterr().out


def test_the_log_keeps_what_was_replaced(db, tmp_path):
    rows = daily_sales(2)
    import_file(db, write_xlsx(tmp_path / "a.xlsx", SALES_HEADER, rows), dataset="销售日报")
    import_file(db, write_xlsx(tmp_path / "b.xlsx", SALES_HEADER, rows[:7]), dataset="销售日报")
    latest = list_imports(db, "销售日报")[0]
    assert latest["replaced"] == {"from": "2026-10-01", "to": "2026-10-02", "rows": 7, "changed": 0, "added": 0,
                                  "removed": 3}
    assert get_dataset(db, "销售日报").rows == 7


ORDER_HEADER = ["买家会员名", "买家实际支付金额", "宝贝标题", "订单创建时间"]


def orders_keyed_by_buyer(db, tmp_path, chosen_by: str) -> list[list]:
    """A dataset keyed by the buyer: as an earlier version chose it ('detected'), or the operator."""
    from workbench.reports.import_plan import analyse, apply_overrides
    from workbench.reports.importer import close_plan, run

    first = [[f"mrsoft{n:03d}", 20.0 + n, f"书{n}", datetime(2026, 10, 1, 8) + timedelta(hours=5 * n)]
             for n in range(60)]
    plan = analyse(write_xlsx(tmp_path / "订单_10月.xlsx", ORDER_HEADER, first), dataset="订单", db=db)
    apply_overrides(plan, {"key_columns": ["买家会员名"]})
    plan.key_chosen = chosen_by
    run(db, plan)
    close_plan(plan)
    assert get_dataset(db, "订单").key_columns == ["买家会员名"]
    return first


def test_a_dataset_an_earlier_version_keyed_by_the_buyer_no_longer_overwrites(db, tmp_path):
    first = orders_keyed_by_buyer(db, tmp_path, "detected")
    again = [[b, a + 1, t, c + timedelta(days=40)] for b, a, t, c in first[:25]]
    result = import_file(db, write_xlsx(tmp_path / "订单_11月.xlsx", ORDER_HEADER, first + again), dataset="订单")
    assert any("买家会员名" in w and "replaces the days" in w for w in result.warnings)
    info = get_dataset(db, "订单")
    assert info.rows == 85 and info.key_columns == []
    undo_import(db, result.import_id)
    info = get_dataset(db, "订单")
    assert info.rows == 60 and info.key_columns == ["买家会员名"]


def test_a_key_the_operator_chose_is_kept(db, tmp_path):
    first = orders_keyed_by_buyer(db, tmp_path, "operator")
    again = [[b, a + 1, t, c + timedelta(days=40)] for b, a, t, c in first[:25]]
    result = import_file(db, write_xlsx(tmp_path / "订单_11月.xlsx", ORDER_HEADER, again), dataset="订单")
    assert (result.added, result.updated) == (0, 25) and get_dataset(db, "订单").rows == 60
