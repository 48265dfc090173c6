"""A row labelled 合计/Total is skipped when it is a sum of the rows, and kept when it is an overall
figure (a rate, a mean: the 'Total' line of a prevalence table sits within the other rows' range)."""
from __future__ import annotations

from workbench.reports.datasets import read_rows
from workbench.reports.importer import import_file
from tests.report_files.plain import write_xlsx


def imported(db, path):
    payload = import_file(db, path, dataset="表").to_json()
    return payload, read_rows(db, "表")


def test_a_totals_row_that_sums_the_rows_is_skipped_below_or_above_them(db, tmp_path):
    below = write_xlsx(tmp_path / "below.xlsx", ["渠道", "新增", "付费"],
                       [["应用宝", 120, 12], ["华为", 80, 9], ["小米", 40, 3], ["合计", 240, 24]])
    payload, rows = imported(db, below)
    assert payload["rows"] == 3 and [s["reason"] for s in payload["skipped"]] == ["totals row"]
    assert [r["渠道"] for r in rows] == ["应用宝", "华为", "小米"]


def test_a_totals_row_first_is_skipped_when_it_is_the_sum(db, tmp_path):
    above = write_xlsx(tmp_path / "above.xlsx", ["渠道", "新增"],
                       [["合计", 240], ["应用宝", 120], ["华为", 80], ["小米", 40]])
    payload, rows = imported(db, above)
    assert payload["rows"] == 3 and [r["渠道"] for r in rows] == ["应用宝", "华为", "小米"]


def test_an_overall_rate_labelled_total_is_data(db, tmp_path):
    """Prevalence by group, with the whole population's rate first: 25% lies within 10%–31%."""
    path = write_xlsx(tmp_path / "rates.xlsx", ["Group", "Smokers %", "Drinkers %"],
                      [["Total", 25, 40], ["Men", 31, 48], ["Women", 19, 33], ["Under 30", 10, 36]])
    payload, rows = imported(db, path)
    assert payload["rows"] == 4 and payload["skipped"] == []
    assert [(r["Group"], r["Smokers %"]) for r in rows][0] == ("Total", 25)


def test_a_sum_row_where_one_row_holds_everything_is_still_a_sum(db, tmp_path):
    path = write_xlsx(tmp_path / "sparse.xlsx", ["渠道", "退款"],
                      [["应用宝", 0], ["华为", 7], ["小米", 0], ["合计", 7]])
    payload, _ = imported(db, path)
    assert payload["rows"] == 3 and [s["reason"] for s in payload["skipped"]] == ["totals row"]


def test_a_totals_row_under_one_row_is_a_sum(db, tmp_path):
    payload, _ = imported(db, write_xlsx(tmp_path / "one.xlsx", ["渠道", "新增"], [["应用宝", 5], ["合计", 5]]))
    assert payload["rows"] == 1 and [s["reason"] for s in payload["skipped"]] == ["totals row"]
