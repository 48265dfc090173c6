"""Hypothesis composes a report the way people lay them out — title lines, a header of one to three rows
(names, years across, codes across, groups over names, units under names), a block of data of every
kind (dates, labels, counts, decimals, percents, money, thousands with spaces, placeholders), a totals
row, notes, blank rows and a second table below — and the importer must recover exactly what was
composed: the header rows, the column names, the number of rows, the types and every value."""
from __future__ import annotations

import csv
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from workbench.reports.datasets import read_rows
from workbench.reports.importer import import_file
from workbench.store import open_database

KINDS = {  # kind: (stored type, how a value is written, the stored value)
    "integer": ("integer", lambda v: str(v), lambda v: v),
    "decimal": ("number", lambda v: f"{v / 4:.2f}", lambda v: v / 4),
    "percent": ("percent", lambda v: f"{v / 10:.1f}%", lambda v: v / 1000),
    "money": ("money", lambda v: f"¥{v / 4:,.2f}", lambda v: v / 4),
    "spaced": ("integer", lambda v: f"{v:,}".replace(",", " "), lambda v: v),
}
UNITS = ["(次)", "(kg)", "(km)", "(m)", "(人)", "°C"]  # not % or 元: those rightly make percent/money


@st.composite
def reports(draw):
    style = draw(st.sampled_from(["names", "years", "codes", "grouped", "units"]))
    width = draw(st.integers(2 if style == "grouped" else 1, 5))
    kinds = [draw(st.sampled_from(sorted(KINDS))) for _ in range(width)]
    stub = "text" if style == "codes" else draw(st.sampled_from(["text", "date"]))
    n = draw(st.integers(2, 25))
    values = [[draw(st.integers(10_001, 9_999_999)) for _ in kinds] for _ in range(n)]
    empty = [[draw(st.integers(0, 9)) == 0 for _ in kinds] for _ in range(n)]
    for row in empty:  # every data row keeps a value (a row of one label is a group label)
        if all(row):
            row[0] = False
    return {"style": style, "kinds": kinds, "stub": stub, "values": values, "empty": empty,
            "titles": draw(st.integers(0, 2)), "totals": draw(st.booleans()), "notes": draw(st.integers(0, 2)),
            "blank_before_notes": draw(st.booleans()), "second": draw(st.booleans()),
            "start": date(2026, 1, 1) + timedelta(days=draw(st.integers(0, 300))),
            "units": [draw(st.sampled_from(UNITS)) for _ in kinds],
            "xlsx": draw(st.booleans())}


def compose(spec) -> tuple[list[list], list[int], list[str]]:
    """The sheet's rows, the 1-based header rows and the column names the importer should find."""
    kinds, style = spec["kinds"], spec["style"]
    width = len(kinds) + 1
    rows: list[list] = [[f"2026年 运营报表 第{t + 1}部分"] + [""] * (width - 1) for t in range(spec["titles"])]
    stub_name = "项目" if spec["stub"] == "text" else "日期"
    if style == "names":
        header = [[stub_name] + [f"指标{i + 1}" for i in range(len(kinds))]]
    elif style == "years":
        header = [["年份" if spec["stub"] == "date" else ""] + [str(2000 + i) for i in range(len(kinds))]]
    elif style == "codes":
        header = [[""] + [str(101 + i) for i in range(len(kinds))]]
    elif style == "grouped":
        groups = [""] + ["分组" + str(i // 2 + 1) if i % 2 == 0 else "" for i in range(len(kinds))]
        header = [groups, [stub_name] + [f"指标{i + 1}" for i in range(len(kinds))]]
    else:
        header = [[stub_name] + [f"指标{i + 1}" for i in range(len(kinds))], [""] + spec["units"]]
    top = len(rows) + 1
    rows += header
    header_rows = list(range(top, top + len(header)))
    if style == "grouped":
        names = [stub_name] + [f"分组{i // 2 + 1}·指标{i + 1}" for i in range(len(kinds))]
    elif style == "units":
        names = [stub_name] + [f"指标{i + 1}·{unit}" for i, unit in enumerate(spec["units"])]
    elif style in ("years", "codes"):
        names = [header[0][0] or "列A"] + header[0][1:]
    else:
        names = header[0]
    for i, (values, empty) in enumerate(zip(spec["values"], spec["empty"])):
        label = f"项目{i + 1}号" if spec["stub"] == "text" else (spec["start"] + timedelta(days=i)).isoformat()
        rows.append([label] + [("暂无" if i % 3 == 0 else "") if gone else KINDS[k][1](v)
                               for k, v, gone in zip(kinds, values, empty)])
    if spec["totals"]:  # what a totals row holds: each column's sum
        sums = [sum(row[i] for row, gone in zip(spec["values"], spec["empty"]) if not gone[i]) for i in range(len(kinds))]
        rows.append(["合计"] + [KINDS[k][1](total) if total else "" for k, total in zip(kinds, sums)])
    if spec["notes"] and spec["blank_before_notes"]:
        rows.append([""] * width)
    rows += [[text] + [""] * (width - 1) for text in ["注：数据仅供参考", "数据来源：BI 系统"][:spec["notes"]]]
    if spec["second"]:
        rows += [[""] * width, ["分渠道明细"] + [""] * (width - 1), ["渠道"] + [f"数量{i}" for i in range(len(kinds))],
                 ["应用宝"] + ["5"] * len(kinds)]
    return rows, header_rows, names


def write(path, rows: list[list], xlsx: bool):
    if xlsx:
        book = Workbook()
        for row in rows:
            book.active.append([int(v) if v.isdigit() and len(v) > 4 else v for v in row])
        book.save(path)
    else:
        with open(path, "w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(rows)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(spec=reports())
def test_the_importer_recovers_the_composed_table(tmp_path_factory, spec):
    folder = tmp_path_factory.mktemp("composed")
    rows, header_rows, names = compose(spec)
    path = folder / ("报表.xlsx" if spec["xlsx"] else "报表.csv")
    write(path, rows, spec["xlsx"])
    db = open_database(folder / "w.db")
    try:
        payload = import_file(db, path, dataset="报表").to_json()
        columns = [c for c in payload["columns"] if c["name"] != "报告期"]
        assert payload["header_rows"] == header_rows
        assert [c["name"] for c in columns] == names
        assert payload["rows"] == len(spec["values"])
        assert columns[0]["type"] == ("text" if spec["stub"] == "text" else "date")
        for column, kind, i in zip(columns[1:], spec["kinds"], range(len(spec["kinds"]))):
            if not all(empty[i] for empty in spec["empty"]):
                assert column["type"] == KINDS[kind][0], (column, kind)
        assert any("Another table" in w for w in payload["warnings"]) == spec["second"]
        stored = sorted(read_rows(db, "报表"), key=lambda r: _row_number(r[names[0]], spec))
        for got, values, empty in zip(stored, spec["values"], spec["empty"]):
            for name, kind, value, gone in zip(names[1:], spec["kinds"], values, empty):
                expected = None if gone else KINDS[kind][2](value)
                assert got[name] == (pytest.approx(expected) if isinstance(expected, float) else expected)
    finally:
        db.close()


def _row_number(label: str, spec) -> int:
    if spec["stub"] == "text":
        return int(label[2:-1]) - 1
    return (date.fromisoformat(label) - spec["start"]).days
