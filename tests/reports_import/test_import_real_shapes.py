"""The shapes real tables come in (issue 17), each from a small file written here: numeric headers,
no header, header rows with units, titles with commas, notes and group labels below, columns without
a header cell, numbers as people write them, odd cells, the operator's type, a second table below,
formulas outside the table, and the sentence of a refusal."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import Workbook

from workbench.errors import UserError
from workbench.reports.datasets import get_dataset, read_rows
from workbench.reports.import_plan import analyse, apply_overrides
from workbench.reports.importer import close_plan, import_file, run


def write_csv(path: Path, rows: list[list]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[list], sheet: str = "数据") -> Path:
    book = Workbook()
    book.active.title = sheet
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def imported(db, path: Path) -> dict:
    return import_file(db, path, dataset="表").to_json()


def names(payload: dict) -> list[str]:
    return [c["name"] for c in payload["columns"] if c["name"] != "报告期"]


def test_a_row_of_years_over_values_is_the_header(db, tmp_path):
    rows = [["Population by region", "", "", "", ""], ["", "2000", "2005", "2006", "2007"]]
    rows += [[f"Region {i}", f"{i * 1234.5:.1f}", f"{i * 1300}", f"{i * 1400}", f"{i * 1500}"] for i in range(1, 9)]
    payload = imported(db, write_csv(tmp_path / "years.csv", rows))
    assert payload["header_rows"] == [2]
    assert names(payload) == ["列A", "2000", "2005", "2006", "2007"]
    assert payload["rows"] == 8
    assert read_rows(db, "表")[0]["2005"] == 1300


def test_codes_over_a_labelled_block_are_the_header(db, tmp_path):
    rows = [["", "101", "102", "103"]] + [[f"item {i}", f"{i}.5", f"{i}.25", f"{i}.75"] for i in range(1, 6)]
    payload = imported(db, write_csv(tmp_path / "codes.csv", rows))
    assert payload["header_rows"] == [1] and names(payload)[1:] == ["101", "102", "103"] and payload["rows"] == 5


def test_a_headerless_numeric_table_keeps_its_first_row(db, tmp_path):
    rows = [[f"{i * 0.5:.2f}", f"{i * 3.25:.3f}"] for i in range(1, 21)]
    payload = imported(db, write_csv(tmp_path / "measurements.csv", rows))
    assert payload["header_rows"] == [] and payload["rows"] == 20
    assert names(payload) == ["Column 1", "Column 2"]
    assert read_rows(db, "表")[0] == {"Column 1": 0.5, "Column 2": 3.25}
    assert "no header" in analyse(tmp_path / "measurements.csv").explanation


def test_a_single_column_of_ids_is_a_table(db, tmp_path):
    path = tmp_path / "ids.csv"
    path.write_text("".join(f"{100234 + i * 7}\n" for i in range(12)), encoding="utf-8")
    payload = imported(db, path)
    assert payload["rows"] == 12 and names(payload) == ["Column 1"]


def test_a_second_header_row_of_units_joins_the_names(db, tmp_path):
    rows = [["Temperature", "Pressure", "Flow"], ["°C", "kPa", "l/min"]]
    rows += [[f"{20 + i}.5", f"{101 + i}.3", f"{i}.0"] for i in range(6)]
    payload = imported(db, write_csv(tmp_path / "units.csv", rows))
    assert payload["header_rows"] == [1, 2]
    assert names(payload) == ["Temperature·°C", "Pressure·kPa", "Flow·l/min"] and payload["rows"] == 6


def test_a_title_line_with_commas_is_not_the_header(db, tmp_path):
    path = tmp_path / "sample.csv"
    path.write_text("Sample 1%, run 3, 2019\ncm-1,%T\n" + "".join(f"{400 + i},{90 - i}.5\n" for i in range(10)),
                    encoding="utf-8")
    payload = imported(db, path)
    assert payload["header_rows"] == [2] and names(payload) == ["cm-1", "%T"] and payload["rows"] == 10


def test_notes_under_a_narrow_table_are_notes(db, tmp_path):
    rows = [["地区", "人数"]] + [[f"区{i}", str(i * 10)] for i in range(1, 6)]
    rows += [["E : use with caution.", ""], ["数据来源：统计局", ""]]
    payload = imported(db, write_csv(tmp_path / "narrow.csv", rows))
    assert payload["rows"] == 5
    assert [(s["row"], s["reason"]) for s in payload["skipped"]] == [(7, "footnote"), (8, "footnote")]


def test_one_cell_rows_in_a_wide_table_are_group_labels(db, tmp_path):
    rows = [["地区", "访客", "订单", "金额"], ["华东", "", "", ""]]
    rows += [[f"城市{i}", str(i), str(i * 2), f"{i}.5"] for i in range(1, 4)]
    rows += [["华南", "", "", ""]] + [[f"城市{i}", str(i), str(i * 2), f"{i}.5"] for i in range(4, 7)]
    payload = imported(db, write_csv(tmp_path / "groups.csv", rows))
    assert payload["rows"] == 6
    assert [(s["row"], s["reason"]) for s in payload["skipped"]] == [(2, "group label"), (6, "group label")]


def test_a_data_column_without_a_header_cell_is_kept(db, tmp_path):
    rows = [["渠道", "访客", "订单", ""]] + [[f"渠道{i}", str(i * 100), str(i), f"备注{i}"] for i in range(1, 6)]
    payload = imported(db, write_xlsx(tmp_path / "unnamed.xlsx", rows))
    assert names(payload) == ["渠道", "访客", "订单", "列D"] and payload["rows"] == 5
    assert read_rows(db, "表")[0]["列D"] == "备注1"


def test_numbers_as_people_write_them(db, tmp_path):
    rows = [["日期", "访客", "金额", "占比", "差额", "规模"],
            ["2026-11-01", "2 484", "¥1,234", "12.5%", "(1,234)", "1.2万"],
            ["2026-11-02", "1，234", "¥20", "7%", "-5", "3万"],
            ["2026-11-03", "暂无", "—", "N/A", "NULL", "#N/A"],
            ["2026-11-04", "12\u00a0345", "¥1,000.50", "0.5%", "(12)", "2"]]
    payload = imported(db, write_csv(tmp_path / "numbers.csv", rows))
    types = {c["name"]: c["type"] for c in payload["columns"]}
    assert types == {"日期": "date", "访客": "integer", "金额": "money", "占比": "percent", "差额": "integer",
                     "规模": "number"}
    stored = read_rows(db, "表")
    assert [r["访客"] for r in stored] == [2484, 1234, None, 12345]
    assert [r["差额"] for r in stored] == [-1234, -5, None, -12]
    assert [r["规模"] for r in stored] == [12000, 30000, None, 2]
    assert stored[0]["占比"] == pytest.approx(0.125) and stored[3]["金额"] == pytest.approx(1000.5)
    assert "Row 4, 访客: “暂无” is taken as empty." in payload["warnings"]
    assert not any("“—”" in w for w in payload["warnings"])  # a dash is how people write none: not listed


def test_one_odd_cell_leaves_the_column_numeric_and_is_listed(db, tmp_path):
    rows = [["日期", "访客"]] + [[f"2026-10-{d:02d}", str(d * 10)] for d in range(1, 29)]
    rows[17][1] = "12o"
    payload = imported(db, write_csv(tmp_path / "odd.csv", rows))
    assert payload["columns"][1]["type"] == "integer"
    assert [r["访客"] for r in read_rows(db, "表")][16:18] == [None, 180]
    assert any("Row 18" in w and "访客" in w and "12o" in w for w in payload["warnings"])


def test_many_odd_cells_make_a_text_column(db, tmp_path):
    rows = [["日期", "评价"]] + [[f"2026-10-{d:02d}", str(d) if d % 2 else "好评"] for d in range(1, 29)]
    payload = imported(db, write_csv(tmp_path / "mixed.csv", rows))
    assert payload["columns"][1]["type"] == "text"


@pytest.mark.parametrize("chosen, column, expected", [
    ("integer", "访客", [10, None, None, 40]),
    ("date", "到期", ["2026-12-01", None, None, "2026-12-04"]),
])
def test_the_operators_type_is_kept(db, tmp_path, chosen, column, expected):
    """Half the cells do not fit, so the importer guesses text; the operator's choice stands anyway."""
    rows = [["编号", "访客", "到期"], ["A1", "10", "2026-12-01"], ["A2", "很多", "下个月"],
            ["A3", "不少", "年底"], ["A4", "40", "2026-12-04"]]
    plan = analyse(write_csv(tmp_path / "choice.csv", rows), dataset="表", db=db)
    try:
        apply_overrides(plan, {"columns": {column: {"type": chosen}}})
        result = run(db, plan)
    finally:
        close_plan(plan)
    assert get_dataset(db, "表").columns[[c.name for c in get_dataset(db, "表").columns].index(column)].type == chosen
    assert [r[column] for r in sorted(read_rows(db, "表"), key=lambda r: r["编号"])] == expected
    assert not any("repeat" in w for w in result.warnings)
    assert any("Row 3" in w and column in w for w in result.warnings)


def test_a_second_table_below_is_listed_not_glued_on(db, tmp_path):
    rows = [["日期", "访客", "订单"]] + [[f"2026-11-{d:02d}", str(d * 10), str(d)] for d in range(1, 11)]
    rows += [["", "", ""], ["分渠道明细", "", ""], ["渠道", "访客", "订单"], ["应用宝", "5", "1"], ["小米", "6", "2"]]
    payload = imported(db, write_csv(tmp_path / "two.csv", rows))
    assert payload["rows"] == 10
    assert [c["type"] for c in payload["columns"]] == ["date", "integer", "integer"]
    assert any("Another table starts at row 14" in w for w in payload["warnings"])


def test_a_second_table_far_below_is_found_while_importing(db, tmp_path):
    rows = [["日期", "访客"]] + [[f"2026-{1 + d // 28:02d}-{1 + d % 28:02d}", str(d)] for d in range(300)]
    rows += [["", ""], ["渠道", "访客"], ["应用宝", "5"]]
    path = write_csv(tmp_path / "far.csv", rows)
    import workbench.reports.import_plan as import_plan

    sample_rows = import_plan.SAMPLE_ROWS
    import_plan.SAMPLE_ROWS = 100  # the sample ends before the second table: the row pass finds it
    try:
        payload = imported(db, path)
    finally:
        import_plan.SAMPLE_ROWS = sample_rows
    assert payload["rows"] == 300 and any("row 303" in w for w in payload["warnings"])


def test_formula_warnings_only_for_imported_cells(db, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["日期", "访客"])
    for d in range(1, 6):
        sheet.append([f"2026-11-0{d}", d * 10])
    sheet.append(["合计", "=SUM(B2:B6)"])  # openpyxl saves no result: but the totals row is not imported
    book.save(tmp_path / "totals.xlsx")
    payload = imported(db, tmp_path / "totals.xlsx")
    assert payload["rows"] == 5 and not any("formula" in w for w in payload["warnings"])
    sheet["B3"] = "=B2*2"
    book.save(tmp_path / "data.xlsx")
    payload = import_file(db, tmp_path / "data.xlsx", dataset="表2").to_json()
    assert any("1 formula cells" in w and "B3" in w for w in payload["warnings"])


def test_an_unnamed_index_column_is_left_out_of_csv_and_xlsx_alike(db, tmp_path):
    rows = [["", "渠道", "访客"]] + [[str(i), f"渠道{i}", str(i * 7)] for i in range(12)]
    from_csv = import_file(db, write_csv(tmp_path / "index.csv", rows), dataset="a").to_json()
    numbers = [[int(c) if c.isdigit() else c for c in row] for row in rows]
    from_xlsx = import_file(db, write_xlsx(tmp_path / "index.xlsx", numbers), dataset="b").to_json()
    assert names(from_csv) == names(from_xlsx) == ["渠道", "访客"]


def test_a_header_only_sheet_is_refused_naming_the_sheet(db, tmp_path):
    path = write_xlsx(tmp_path / "notes.xlsx", [["Fonte", "Nota"]], sheet="Nota metodologica")
    with pytest.raises(UserError) as caught:
        import_file(db, path)
    assert caught.value.en == "The sheet “Nota metodologica” in notes.xlsx has a header but no data rows."
    assert caught.value.zh == "notes.xlsx 的工作表“Nota metodologica”只有表头，没有数据行。"


def test_lines_of_text_are_not_a_table(db, tmp_path):
    path = tmp_path / "readme.csv"
    path.write_text("This file holds the results of the survey.\nPlease cite the paper when you use it.\n"
                    "Questions go to the authors.\n", encoding="utf-8")
    with pytest.raises(UserError):
        import_file(db, path)


def test_the_preview_explains_header_and_skipped_rows(tmp_path):
    rows = [["渠道周报"], ["渠道", "花费", "点击"]] + [[f"渠道{i}", str(i), str(i)] for i in range(1, 6)]
    rows += [["合计", "15", "15"], ["注：仅供参考", "", ""], ["数据来源：BI", "", ""]]
    plan = analyse(write_csv(tmp_path / "周报.csv", rows))
    try:
        assert plan.explanation == ("title: row 1; header: row 2, because it is names over columns of numbers or "
                                    "dates; skipped: row 8 totals row, rows 9–10 footnote")
    finally:
        close_plan(plan)


def test_a_sheet_without_a_table_is_refused_in_one_sentence(db, tmp_path):
    path = write_xlsx(tmp_path / "说明.xlsx", [["本工作簿的数据见第二页。"]], sheet="Nota metodologica")
    with pytest.raises(UserError) as caught:
        import_file(db, path)
    assert caught.value.en == "The sheet “Nota metodologica” in 说明.xlsx holds no table: no rows of values in columns."
