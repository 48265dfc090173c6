"""The weekly workbook exported in English holds no Chinese the app wrote itself: every cell, sheet name
and chart title is read back, over a week whose user-typed text is English and whose contact channels,
topics, outcomes and finding kinds are the app's own (Chinese-stored) vocabulary."""
from __future__ import annotations

import re
import zipfile

import openpyxl
import pytest

from review_seed import TODAY, WEEK, dt
from workbench import errors
from workbench.review.export_xlsx import export_week
from workbench.review.repository import save_section
from tests.conftest import PINNED_NOW

CJK = re.compile(r"[\u2e80-\u303f\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")


@pytest.fixture
def english_week(db):
    from workbench.contacts.contact_log import log_contact
    from workbench.contacts.findings import raise_finding
    from workbench.contacts.users import create_user
    from workbench.pdca import repository as pdca
    from workbench.reports.alert_rules import AlertRule
    from workbench.reports import alert_store
    from workbench.reports.datasets import create_dataset_from_rows
    from workbench.tasks.repository import create_task

    previous = errors._language
    errors.set_language("en")   # the app in English makes its tasks in English
    create_task(db, "Write the coupon FAQ", important=True, due="2026-11-18", now=dt(16))
    create_task(db, "Call the channel manager", urgent=True, now=dt(17), triaged=False)
    amy = create_user(db, name="Amy", phone="13800138000", now=PINNED_NOW)
    log_contact(db, user_id=amy, channel="电话", topic="召回", outcome="未接通", at=dt(17), now=dt(17))
    log_contact(db, user_id=amy, channel="微信", direction="呼入", topic="咨询", outcome="已转化", summary="Borrowed",
                at=dt(18), now=dt(18))
    raise_finding(db, "新需求", "Wants a repayment reminder", now=dt(19))
    days = [f"2026-11-{d:02d}" for d in range(2, 23)]
    values = [0.30] * 16 + [0.12, 0.30, 0.31, 0.29, 0.30]     # 11-18 falls away: an alert
    create_dataset_from_rows(db, "Core metrics", ["Date", {"name": "retention", "type": "percent"},
                                                  {"name": "new users", "type": "integer"}],
                             [(d, v, 100 + i) for i, (d, v) in enumerate(zip(days, values))])
    alert_store.save_rule(db, AlertRule("Core metrics", "retention", kind="change", direction="down", amount=0.3,
                                        basis="day", level="red", metric_type="percent"))
    cycle = pdca.create_cycle(db, "Shorter coupon text", now=dt(2, 9), baseline=0.25, target=0.35,
                              metric_dataset="Core metrics", metric_column="retention",
                              problem="Coupons bring questions, not loans", hypothesis="One line reads better",
                              root_cause="The text is too long")
    pdca.move_stage(db, cycle, "do", now=dt(9, 9))
    pdca.move_stage(db, cycle, "check", now=dt(20, 9))
    pdca.create_cycle(db, "Idle cycle", now=dt(10, 9))
    for key, text in (("goal_review", "Goals held"), ("lessons", "Ask before answering")):
        save_section(db, WEEK, key, text, now=PINNED_NOW)
    errors._language = previous
    return db


def _texts(path) -> list[tuple[str, str]]:
    book = openpyxl.load_workbook(path)
    found = [("sheet name", name) for name in book.sheetnames]
    for sheet in book:
        found += [(f"{sheet.title}!{cell.coordinate}", cell.value) for row in sheet.iter_rows() for cell in row
                  if isinstance(cell.value, str)]
    with zipfile.ZipFile(path) as archive:   # chart titles and everything else in the package
        found += [(name, archive.read(name).decode("utf-8")) for name in archive.namelist() if name.endswith(".xml")]
    return found


def test_the_english_workbook_has_no_chinese_the_app_wrote(english_week, tmp_path):
    result = export_week(english_week, WEEK, tmp_path / "review.xlsx", today=TODAY, lang="en")
    book = openpyxl.load_workbook(result.path)
    assert book.sheetnames == ["Overview", "Tasks", "Contacts", "Findings", "PDCA", "Metrics", "Alerts"]
    chinese = [(where, CJK.findall(text)) for where, text in _texts(result.path) if CJK.search(text)]
    assert chinese == []
    contacts = [row for row in book["Contacts"].iter_rows(min_row=2, values_only=True)]
    assert [(r[3], r[4], r[5], r[6]) for r in contacts] == [("phone", "outbound", "recall", "no answer"),
                                                             ("WeChat", "inbound", "inquiry", "converted")]
    assert [r[1] for r in book["Findings"].iter_rows(min_row=2, values_only=True)] == ["new need"]
    alert = next(book["Alerts"].iter_rows(min_row=2, values_only=True))
    assert alert[2] == "red" and alert[7] == "falls ≥30% vs the previous day"
    titles = [r[1] for r in book["Tasks"].iter_rows(min_row=2, values_only=True)]
    assert "Call Amy again (try 2 of 3)" in titles


def test_the_pdca_sheet_carries_the_thinking_in_either_language(english_week, tmp_path):
    for lang, headers in (("en", ["Problem", "Hypothesis", "Root cause", "Act notes"]), ("zh_CN", ["问题", "假设", "根因", "处理说明"])):
        result = export_week(english_week, WEEK, tmp_path / f"review-{lang}.xlsx", today=TODAY, lang=lang)
        pdca = openpyxl.load_workbook(result.path).worksheets[4]
        header = [c.value for c in pdca[1]]
        assert header[15:19] == headers
        row = next(r for r in pdca.iter_rows(min_row=2, values_only=True) if r[1] == "Shorter coupon text")
        assert row[15:18] == ("Coupons bring questions, not loans", "One line reads better", "The text is too long")


def test_metric_lines_are_straight_and_charts_fit_a_page(english_week, tmp_path):
    result = export_week(english_week, WEEK, tmp_path / "review.xlsx", today=TODAY, lang="en")
    metrics = openpyxl.load_workbook(result.path)["Metrics"]
    with zipfile.ZipFile(result.path) as archive:
        charts = [archive.read(n).decode("utf-8") for n in archive.namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) == 2
    smooth = [re.findall(r'<(?:c:)?smooth val="(\w+)"', c) for c in charts]
    assert smooth == [["0"], ["0"]]   # openpyxl's default line series are smoothed curves
    # A4 landscape prints about 27 × 19 cm: each chart is narrower and shorter, and a page break precedes
    # every second chart so none is cut across two pages
    assert metrics.page_setup.orientation == "landscape"
    breaks = [b.id for b in metrics.row_breaks.brk]
    anchors = sorted(chart.anchor._from.row for chart in metrics._charts)
    assert breaks == [anchors[0]]


def test_the_cli_exports_in_the_language_asked_for(english_week, db_path, tmp_path):
    from workbench.cli import main

    out = tmp_path / "w47.xlsx"
    assert main(["export-week", "--db", str(db_path), "--week", "2026-W47", "--out", str(out), "--lang", "en"]) == 0
    assert openpyxl.load_workbook(out).sheetnames[:2] == ["Overview", "Tasks"]
    assert main(["export-week", "--db", str(db_path), "--week", "2026-W47", "--out", str(out), "--lang", "zh_CN"]) == 0
    assert openpyxl.load_workbook(out).sheetnames[:2] == ["概览", "任务"]
