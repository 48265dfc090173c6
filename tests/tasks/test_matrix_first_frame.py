"""A long quadrant shows its first rows in the first frame and every row right after it."""
from __future__ import annotations

from datetime import datetime

from workbench.tasks import repository as repo

NOW = datetime(2026, 11, 25, 9, 30)


def _fill_q2(db, count: int) -> list[int]:
    for n in range(count):
        repo.create_task(db, f"计划 {n}", important=True, now=NOW)
    return [t.id for t in repo.list_quadrant(db, "q2")]


def _unshown_page(ctx, qtbot):
    """The matrix page, refreshed but not yet drawn (as in the main window's constructor)."""
    from workbench.ui.tasks.matrix_page import MatrixPage

    page = MatrixPage(ctx)
    ctx.clock = lambda: NOW
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.refresh()
    return page


def test_a_long_quadrant_gets_every_row_after_its_first_frame(ctx, qtbot):
    expected = _fill_q2(ctx.db, 150)
    page = _unshown_page(ctx, qtbot)
    q2 = page.panels["q2"].list
    assert q2.count() == q2.FIRST_FRAME_ROWS, "before the first frame only a screenful of rows is built"
    assert page.panels["q2"].header.text().endswith("(150)"), "the count is the whole quadrant's at once"
    page.show()
    qtbot.waitUntil(lambda: q2.count() == 150)
    assert q2.task_ids() == expected


def test_reading_the_rows_before_the_first_frame_sees_all_of_them(ctx, qtbot):
    expected = _fill_q2(ctx.db, 90)
    page = _unshown_page(ctx, qtbot)
    q2 = page.panels["q2"].list
    assert q2.task_ids() == expected
    assert q2.select_task(expected[-1]) and q2.current_task_id() == expected[-1]


def test_a_task_added_before_the_first_frame_shows_at_the_end_of_a_long_quadrant(ctx, qtbot):
    expected = _fill_q2(ctx.db, 60)
    page = _unshown_page(ctx, qtbot)
    q2 = page.panels["q2"].list
    assert q2.task_ids() == expected
    late = repo.create_task(ctx.db, "计划 晚到", important=True, now=NOW)
    page.refresh()  # still before the first frame: a screenful again, the rest on demand
    assert q2.task_ids() == [*expected, late]
