"""The morning summary says when the operator overruled a promotion (issue 18 part 4): a task promoted to
重要且紧急 this morning and moved back to 重要不紧急 is listed as kept there, not as promoted."""
from datetime import datetime

from PySide6.QtCore import Qt

from workbench.tasks import repository as repo
from workbench.ui.tasks import promotion

NOW = datetime(2026, 11, 25, 9, 30)


def test_moving_a_promoted_task_back_shows_in_the_morning_summary(main_window, qtbot, in_chinese):
    ctx = main_window.ctx
    ctx.clock = lambda: NOW
    kept = repo.create_task(ctx.db, "月底对账", important=True, due="2026-11-27", triaged=True, now=NOW)
    repo.create_task(ctx.db, "渠道结算", important=True, due="2026-11-26", triaged=True, now=NOW)
    main_window.show_area("tasks")
    page = main_window.page("tasks")
    promotion.promote_now(ctx)  # the morning's promotion (after the first frame)
    qtbot.waitUntil(lambda: page.morning.isVisibleTo(page))
    assert page.morning.text() == "晨间变化：2 项因临近截止升为「重要且紧急」"
    q1 = page.panels["q1"].list
    assert q1.select_task(kept)
    q1.setFocus()
    qtbot.keyClick(q1, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)  # back to 重要不紧急
    assert repo.get_task(ctx.db, kept).quadrant == "q2"
    promotion.promote_now(ctx)  # promoting again (a new day, the setting changed): it stays in q2
    assert repo.get_task(ctx.db, kept).quadrant == "q2"
    qtbot.waitUntil(lambda: "改回" in page.morning.text())
    assert page.morning.text() == "晨间变化：1 项因临近截止升为「重要且紧急」，1 项被你改回「重要不紧急」"
    assert page.morning_lines == ["渠道结算 — 截止 明天，在 2 天内", "月底对账 — 你已改回「重要不紧急」：截止 周五 不变就不再升级"]
    ctx.undo_stack.undo()  # the move undone: promoted again, and said so
    qtbot.waitUntil(lambda: "改回" not in page.morning.text())
    assert page.morning.text() == "晨间变化：2 项因临近截止升为「重要且紧急」"
