"""Hypothesis fuzzing of the capture parser and the table detector, as black boxes: they never raise."""
from __future__ import annotations

from datetime import date, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.reports.table_detect import classify_row, detect
from workbench.tasks.capture_parser import parse_capture

NOW = datetime(2026, 11, 25, 9, 30)
CAPTURE_WORDS = st.sampled_from(["明天", "下午3点", "每周五", "@王芳", "#召回", "!", "^", "今天", "11-28", "3pm",
                                 "tomorrow", "every Monday", "下周一", "@13800138000", "@", "#", "每月", "31号",
                                 "2月30日", "25:99", "周八", "\u202e", "👍🏽", "\x00", "\x0b", " ", "\t"])
capture_text = st.one_of(st.text(max_size=300), st.lists(st.one_of(CAPTURE_WORDS, st.text(max_size=8)), max_size=25).map(" ".join))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(capture_text)
def test_the_capture_parser_never_raises(text):
    parsed = parse_capture(text, NOW)
    assert parsed is not None


@settings(max_examples=50, deadline=None)
@given(st.text(min_size=1, max_size=60).map(lambda t: (t * (40_000 // len(t) + 1))[:40_000]))
def test_the_capture_parser_survives_a_40000_character_paste(text):
    assert parse_capture(text, NOW) is not None


cell = st.one_of(st.none(), st.just(""), st.text(max_size=20), st.floats(allow_nan=True, allow_infinity=True),
                 st.integers(-10**12, 10**12), st.dates(min_value=date(1900, 1, 1)), st.booleans(),
                 st.sampled_from(["日期", "渠道", "合计", "总计", "小计", "Total", "-", "—", "N/A", "45.23%", "¥1,234.00",
                                  "1.2万", "2026年11月25日", "注：数据来源 BI", "导出时间：2026-11-25"]))
grid = st.lists(st.lists(cell, max_size=14), max_size=40)
# merged ranges as python-calamine gives them: ((row, col), (row, col)), top-left first, inside or beyond the grid
merged = st.lists(st.tuples(st.integers(0, 45), st.integers(0, 16), st.integers(0, 5), st.integers(0, 5))
                  .map(lambda t: ((t[0], t[1]), (t[0] + t[2], t[1] + t[3]))), max_size=4)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(grid, merged, st.integers(0, 5))
def test_the_table_detector_never_raises(head, merges, first_column):
    layout = detect(head, merges, first_column)
    if layout is not None:
        for row in head:
            if row and isinstance(row[0], str):  # how the importer calls it
                classify_row(list(row), layout.names)


def test_contact_search_takes_any_pasted_query(db):
    """The search box passes whatever was pasted; FTS5 syntax errors must not reach the operator."""
    from workbench.contacts.search import search

    for query in ["控制\x00字符", '"', "'", "a AND", "NEAR(", "*", "-", "(((", "列:值", "\x00", "👍🏽", "\u202e"]:
        search(db, query)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=40))
def test_contact_search_never_raises(db, query):
    from workbench.contacts.search import search

    search(db, query)
