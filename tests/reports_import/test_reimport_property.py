"""Any sequence of exports — overlapping periods, corrections, repeated customers, new rows — leaves
the dataset equal to what a careful person expects: every real row once, with its latest exported
values, nothing dropped; undoing each import, latest first, restores the state before it.

The world is a list of records (orders or sales lines) that get corrected and added to; an export is
the world's records of a span of days as they are at that moment, written as .xlsx or .csv. A careful
person's dataset after an export: every record exported so far, as the latest export that held it.
"""
from __future__ import annotations

import csv
import tempfile
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.reports.datasets import get_dataset, read_rows
from workbench.reports.importer import import_file, undo_import
from workbench.store import open_database
from tests.report_files.plain import write_xlsx

DAYS = 12
START = date(2026, 10, 1)
PRODUCTS = ["零基础学Python", "Java从入门到精通", "PHP项目实战", "C语言200例"]

# kind -> (header, a record as a row); a record is [id, day, customer, amount]. Times are never
# midnight (a column of midnights is read as dates, which is right, but not what this test is about).
KINDS = {
    "orders with numbers": (["订单编号", "买家会员名", "实付金额", "下单时间"],
                            lambda r: [f"E{r[0]:08d}", f"mrsoft{r[2]:03d}", float(r[3]),
                                       datetime.combine(START + timedelta(days=r[1]), datetime.min.time())
                                       + timedelta(minutes=37 * r[0] % 1439 + 1)]),
    "orders without numbers": (["买家会员名", "实付金额", "宝贝标题", "订单创建时间"],
                               lambda r: [f"mrsoft{r[2]:03d}", float(r[3]), PRODUCTS[r[2] % 4],
                                          datetime.combine(START + timedelta(days=r[1]), datetime.min.time())
                                          + timedelta(hours=r[2] % 24, minutes=7)]),
    "daily sales by product": (["日期", "商品名称", "成交件数", "销售码洋"],
                               lambda r: [START + timedelta(days=r[1]), PRODUCTS[r[2] % 4], r[3], round(r[3] * 59.8, 2)]),
}

record = st.tuples(st.integers(0, DAYS - 1), st.integers(0, 6), st.integers(1, 60))   # day, customer, amount
# one step: some corrections, some new records, then an export of days [start, start + span)
step = st.tuples(st.lists(st.tuples(st.integers(0, 10_000), st.integers(1, 60)), max_size=3),
                 st.lists(record, max_size=4), st.integers(0, DAYS - 1), st.integers(1, DAYS), st.booleans())


def write(path: Path, header: list[str], rows: list[list], as_csv: bool) -> Path:
    if as_csv:
        path = path.with_suffix(".csv")
        with open(path, "w", newline="", encoding="utf-8") as handle:
            out = csv.writer(handle)
            out.writerow(header)
            out.writerows([[v.isoformat(sep=" ") if isinstance(v, datetime) else v for v in row] for row in rows])
        return path
    return write_xlsx(path, header, rows)


def stored(value):
    """A file's value as the dataset stores it."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def dataset_state(db) -> Counter:
    if get_dataset(db, "历史") is None:
        return Counter()
    return Counter(tuple(stored(v) for v in row.values()) for row in read_rows(db, "历史"))


@pytest.mark.parametrize("kind", sorted(KINDS))
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=st.lists(record, min_size=2, max_size=20), steps=st.lists(step, min_size=1, max_size=6))
def test_any_sequence_of_exports_keeps_every_row_once_with_its_latest_values(kind, first, steps):
    header, as_row = KINDS[kind]
    world = [[i, *r] for i, r in enumerate(first)]
    exported: dict[int, tuple] = {}       # record id -> its row as the latest export held it
    history = []                          # (import id, state before it)
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "w.db")
        try:
            for n, (corrections, additions, start, span, as_csv) in enumerate(steps):
                for index, amount in corrections:
                    world[index % len(world)][3] = amount
                world += [[len(world) + i, *r] for i, r in enumerate(additions)]
                chosen = sorted((r for r in world if start <= r[1] < start + span), key=lambda r: (r[1], r[0]))
                if chosen:
                    path = write(Path(folder) / f"导出_{n}.xlsx", header, [as_row(r) for r in chosen], as_csv)
                    before = dataset_state(db)
                    result = import_file(db, path, dataset="历史")
                    history.append((result.import_id, before))
                    exported.update({r[0]: tuple(stored(v) for v in as_row(r)) for r in chosen})
                    assert dataset_state(db) == Counter(exported.values()), (n, get_dataset(db, "历史").key_columns)
            for import_id, before in reversed(history):
                undo_import(db, import_id)
                assert dataset_state(db) == before
        finally:
            db.close()
