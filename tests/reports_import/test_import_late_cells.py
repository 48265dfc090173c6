"""Cells past the type sample (the first 5000 rows) that are not clean stored values: text with padding,
an apostrophe or a null token, a number in a text column, a number written as text, a blank. Text is
cleaned during the pass over the rows, numbers by SQL after the insert; both for a new dataset and
for a re-import through the staging table."""
from __future__ import annotations

from datetime import date

import pytest
from openpyxl import Workbook

from workbench.reports.importer import import_file

CLEAN_ROWS = 6000
LATE = [  # (channel, amount, note) past the sample, and what is stored
    (" 小米 ", 12.5, "加急", ("小米", 12.5, "加急")),
    ("'华为", "1,234.50", " 备注 ", ("华为", 1234.5, "备注")),
    ("N/A", "", "-", (None, None, None)),
    (2026.0, 3.0, 17.0, ("2026", 3.0, "17")),
    ("", "¥88", "", (None, 88.0, None)),
]


def book(path, keyed: bool, late: bool = True):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("明细")
    sheet.append((["订单号"] if keyed else []) + ["日期", "渠道", "金额", "备注"])
    rows = [("应用宝", 10.0 + n % 7, "普通" if n % 3 else None) for n in range(CLEAN_ROWS)]
    rows += [entry[:3] for entry in LATE] if late else [(e[3][0] or "应用宝", 1.0, "普通") for e in LATE]
    for n, (channel, amount, note) in enumerate(rows):
        sheet.append(([f"D{n:06d}"] if keyed else []) + [date(2026, 1, 1 + n % 28), channel, amount, note])
    workbook.save(path)
    return path


def stored_late(db, keyed: bool) -> list[tuple]:
    names = "[渠道], [金额], [备注]"
    return db.execute(f"SELECT {names} FROM ds_1 ORDER BY _row_id LIMIT -1 OFFSET {CLEAN_ROWS}").fetchall()


@pytest.mark.parametrize("keyed", [True, False], ids=["keyed", "by content"])
def test_late_odd_cells_are_stored_converted_in_a_new_dataset(db, tmp_path, keyed):
    result = import_file(db, book(tmp_path / "明细.xlsx", keyed), dataset="明细")
    assert result.rows == CLEAN_ROWS + len(LATE) and result.added == result.rows
    assert {c.name: c.type for c in result.plan.active_columns}["金额"] == "money"
    assert stored_late(db, keyed) == [expected for *_, expected in LATE]
    assert db.execute("SELECT count(*) FROM ds_1 WHERE [备注] = ''").fetchone()[0] == 0


def test_late_odd_cells_in_a_re_import_are_corrections_only_where_the_value_changed(db, tmp_path):
    import_file(db, book(tmp_path / "first.xlsx", True, late=False), dataset="明细")
    result = import_file(db, book(tmp_path / "again.xlsx", True), dataset="明细")
    assert result.added == 0 and result.updated + result.unchanged == CLEAN_ROWS + len(LATE)
    assert stored_late(db, True) == [expected for *_, expected in LATE]
    changed = {(c["column"], c["new"]) for c in result.corrections}
    assert ("金额", 1234.5) in changed and ("渠道", "小米") not in changed  # ' 小米 ' cleaned equals the stored 小米
