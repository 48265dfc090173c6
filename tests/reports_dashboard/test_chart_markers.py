"""Issue 19, charts: a marker stands where its meaning is. An import at the newest data day it brought
(not the moment it ran), a PDCA cycle at its Do start and its Check, only on its own metric's dataset;
each marker carries a short tag the user reads without hovering, and tags never sit on each other."""
from __future__ import annotations

from datetime import date, datetime, timedelta

from workbench.pdca import repository as pdca
from tests.reports_dashboard.conftest import show_dashboard
from workbench.reports import datasets
from workbench.reports.dashboard_store import chart_events
from workbench.ui.reports.chart_labels import short_title, stack_labels


def _days(first: str, count: int) -> list[str]:
    start = date.fromisoformat(first)
    return [(start + timedelta(days=n)).isoformat() for n in range(count)]


def _daily(db, name: str, days: list[str], base: int = 100) -> None:
    rows = [[day, base + i] for i, day in enumerate(days)]
    datasets.create_dataset_from_rows(db, name, ["日期", "活跃用户"], rows, key_columns=["日期"])


def _cycle(db, title: str, dataset: str, do_day: int, check_day: int | None) -> int:
    cycle = pdca.create_cycle(db, title, now=datetime(2026, 11, 1, 9), metric_dataset=dataset,
                              metric_column="活跃用户")
    pdca.move_stage(db, cycle, "do", now=datetime(2026, 11, do_day, 9))
    if check_day:
        pdca.move_stage(db, cycle, "check", now=datetime(2026, 11, check_day, 10))
    return cycle


def _marks(db, dataset: str) -> list[tuple[str, str, str]]:
    return [(e.date, e.kind, e.label) for e in chart_events(db, dataset) if e.kind != "alert"]


def test_an_import_is_marked_at_the_newest_day_it_brought_not_when_it_ran(db):
    _daily(db, "核心日报", _days("2026-11-01", 10))                       # 11-01 … 11-10
    _daily(db, "核心日报", _days("2026-11-08", 8), base=500)              # changes 11-08..11-10, adds 11-11..11-15
    datasets.create_dataset_from_rows(db, "核心日报", ["日期", "活跃用户"], [["2026-11-03", 999]],
                                      key_columns=["日期"])               # corrects one old day only
    datasets.create_dataset_from_rows(db, "核心日报", ["日期", "活跃用户"], [["2026-11-03", 999]],
                                      key_columns=["日期"])               # the same again: brings nothing
    imports = [m for m in _marks(db, "核心日报") if m[1] == "import"]
    assert [day for day, _, _ in imports] == ["2026-11-03", "2026-11-10", "2026-11-15"]


def test_a_pdca_cycle_is_marked_at_its_do_start_and_check_on_its_own_dataset_only(db):
    _daily(db, "核心日报", _days("2026-11-01", 20))
    _daily(db, "渠道日报", _days("2026-11-01", 20))
    _cycle(db, "券面文案改版", "核心日报", do_day=6, check_day=13)
    _cycle(db, "渠道投放调整", "渠道日报", do_day=9, check_day=None)
    pdca_marks = [m for m in _marks(db, "核心日报") if m[1].startswith("pdca")]
    assert pdca_marks == [("2026-11-06", "pdca", "券面文案改版"), ("2026-11-13", "pdca_check", "券面文案改版")]
    assert [m for m in _marks(db, "渠道日报") if m[1].startswith("pdca")] == [("2026-11-09", "pdca", "渠道投放调整")]


def test_tags_that_would_touch_go_one_lane_down_and_the_rest_are_thinned():
    # three 50-px tags 20 px apart, a fourth far right, all on one spot with one lane left over
    assert stack_labels([(0, 50), (20, 70), (40, 90), (300, 350)], lanes=3) == [0, 1, 2, 0]
    assert stack_labels([(0, 50), (20, 70), (40, 90), (45, 95)], lanes=3) == [0, 1, 2, None]
    assert short_title("改进券面文案 + 小活动，进一步提升借款转化") == "改进券面文案 +…"
    assert short_title("券面文案改版") == "券面文案改版"


def test_the_trend_shows_each_marker_tag_and_no_two_visible_tags_overlap(ctx, qtbot):
    _daily(ctx.db, "核心日报", _days("2026-10-01", 40))          # up to 11-09
    for day in (5, 6, 7, 8):                                # four cycles that start within four days
        _cycle(ctx.db, f"实验{day}号 提升次日留存", "核心日报", do_day=day, check_day=day + 10)
    _daily(ctx.db, "核心日报", _days("2026-11-15", 5), base=900)   # an import bringing up to 11-19
    page = show_dashboard(ctx, qtbot)
    page.chart.show_kind("trend", "核心日报")
    qtbot.waitUntil(lambda: not page.chart.pending(), timeout=5000)   # read off the GUI thread
    tags = page.chart.chart.tags
    qtbot.waitUntil(lambda: bool(tags.shown()), timeout=3000)   # laid out once the plot has its size
    qtbot.wait(100)
    shown = tags.shown()
    assert "导入" in shown
    assert any(t.startswith("PDCA：实验") for t in shown) and any(t.startswith("检查：实验") for t in shown)
    assert len(shown) < len(tags.texts)                      # four cycles in four days: some tags thinned
    rects = [text.sceneBoundingRect() for _, text in tags.texts if text.isVisible()]
    assert all(not a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1:])
    x_of = {text.textItem.toPlainText(): x for x, text in tags.texts}
    assert x_of["导入"] == (date(2026, 11, 19) - date(1970, 1, 1)).days
    assert x_of["PDCA：实验5号 提升次日…"] == (date(2026, 11, 5) - date(1970, 1, 1)).days
    page.resize(700, 820)                                    # narrower: tags move down or are thinned, never overlap
    qtbot.wait(50)
    rects = [text.sceneBoundingRect() for _, text in tags.texts if text.isVisible()]
    assert all(not a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1:])
