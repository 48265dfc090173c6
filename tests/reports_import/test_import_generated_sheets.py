"""Hypothesis-generated exports (title rows, merged two-level headers, totals, typed columns), written
with openpyxl and imported: the table, the names, the types and every value come back."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from workbench.reports.datasets import read_rows
from workbench.reports.importer import import_file
from workbench.store import open_database

TYPES = ["date", "integer", "number", "percent", "text"]
TEXTS = "甲乙丙丁戊己庚辛壬癸"


@st.composite
def exports(draw):
    types = ["date"] + draw(st.lists(st.sampled_from(TYPES[1:]), min_size=1, max_size=5))
    n = draw(st.integers(1, 25))
    start = date(2026, 1, 1) + timedelta(days=draw(st.integers(0, 300)))
    rows = []
    for i in range(n):
        row = []
        for t in types:
            if t == "date":
                row.append(start + timedelta(days=i))
            elif draw(st.integers(0, 9)) == 0:
                row.append(None)
            elif t == "integer":
                row.append(draw(st.integers(-10**9, 10**9)))
            elif t == "number":
                row.append(draw(st.integers(-10**6, 10**6)) + 0.25)
            elif t == "percent":
                row.append(draw(st.integers(1, 9999)) / 10000 + 0.00001)
            else:
                row.append("项" + "".join(draw(st.lists(st.sampled_from(TEXTS), min_size=1, max_size=6))))
        rows.append(row)
    return {"types": types, "rows": rows, "titles": draw(st.integers(0, 3)),
            "grouped": len(types) >= 3 and draw(st.booleans()), "totals": draw(st.booleans()),
            "offset": draw(st.integers(0, 2))}


def write(path, spec) -> list[str]:
    book = Workbook()
    sheet = book.active
    col = spec["offset"] + 1
    r = 1
    for t in range(spec["titles"]):
        sheet.cell(r, col, f"报表标题 第{t + 1}行 导出时间 2026-11-23")
        r += 1
    names = [f"字段{i}" for i in range(len(spec["types"]))]
    expected = list(names)
    if spec["grouped"]:
        for i, name in enumerate(names):
            if i in (1, 2):
                sheet.cell(r + 1, col + i, name)
            else:
                sheet.cell(r, col + i, name)
                sheet.merge_cells(start_row=r, start_column=col + i, end_row=r + 1, end_column=col + i)
        sheet.cell(r, col + 1, "分组")
        sheet.merge_cells(start_row=r, start_column=col + 1, end_row=r, end_column=col + 2)
        expected[1], expected[2] = "分组·字段1", "分组·字段2"
        r += 2
    else:
        for i, name in enumerate(names):
            sheet.cell(r, col + i, name)
        r += 1
    for row in spec["rows"]:
        for i, (value, t) in enumerate(zip(row, spec["types"])):
            cell = sheet.cell(r, col + i, value)
            if t == "percent":
                cell.number_format = "0.00%"
            elif t == "date":
                cell.number_format = "yyyy-mm-dd"
        r += 1
    if spec["totals"]:
        sheet.cell(r, col, "合计")  # and, under a column of numbers, their sum
        numbers = [row[1] for row in spec["rows"] if isinstance(row[1], (int, float))]
        if numbers and sum(numbers):
            sheet.cell(r, col + 1, sum(numbers))
    book.save(path)
    return expected


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(spec=exports())
def test_generated_export_round_trips(tmp_path_factory, spec):
    folder = tmp_path_factory.mktemp("gen")
    path = folder / "生成报表.xlsx"
    names = write(path, spec)
    db = open_database(folder / "w.db")
    try:
        payload = import_file(db, path, dataset="生成").to_json()
        assert [c["name"] for c in payload["columns"]] == names
        assert payload["rows"] == len(spec["rows"])
        assert [s["reason"] for s in payload["skipped"]] == (["totals row"] if spec["totals"] else [])
        for column, t, i in zip(payload["columns"], spec["types"], range(len(names))):
            values = [row[i] for row in spec["rows"] if row[i] is not None]
            if values:
                assert column["type"] == t, (column, values[:3])
        stored = read_rows(db, "生成")
        assert len(stored) == len(spec["rows"])
        for got, row in zip(stored, spec["rows"]):
            for name, t, value in zip(names, spec["types"], row):
                if t == "date":
                    assert got[name] == value.isoformat()
                elif t in ("number", "percent") and value is not None:
                    assert got[name] == pytest.approx(value)
                else:
                    assert got[name] == value
    finally:
        db.close()
