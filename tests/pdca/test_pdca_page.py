"""pytest-qt: create a cycle by typing in the form, move it through its stages, take the Act decision, undo."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from workbench.pdca import repository as repo
from qt_typing import type_text
from shown_page import show_page




def _page(ctx, qtbot):
    from workbench.ui.pdca.pdca_page import PdcaPage

    return show_page(PdcaPage, ctx, qtbot)


def test_create_move_through_stages_and_close(ctx, qtbot):
    page = _page(ctx, qtbot)

    from workbench.ui.pdca.cycle_dialog import CycleDialog

    dialog = CycleDialog(ctx, page)
    qtbot.addWidget(dialog)
    dialog.show()
    if True:
        type_text(dialog.title, "优惠券咨询多、借款少")
        type_text(dialog.problem, "咨询很多，借款很少")
        type_text(dialog.baseline, "100")
        type_text(dialog.target, "=130")  # a typo: the form refuses it with a sentence
        dialog.accept()
        assert dialog.isVisible() and dialog.error.isVisible()
        dialog.target.clear()
        type_text(dialog.target, "130")
        type_text(dialog.prediction, "120")
        type_text(dialog.root_cause, "用户看不懂借款流程")
        qtbot.keyClick(dialog.title, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    page.create_from(dialog)
    cycle = repo.list_cycles(ctx.db)[0]
    assert (cycle.title, cycle.baseline, cycle.target, cycle.prediction, cycle.stage) == \
        ("优惠券咨询多、借款少", 100.0, 130.0, 120.0, "plan")
    assert page.board.columns["plan"].list.count() == 1
    detail = page.detail
    assert detail.cycle.id == cycle.id

    type_text(detail.step_edit, "整理常见问题")
    qtbot.keyClick(detail.step_edit, Qt.Key.Key_Return)
    step = repo.plan_steps(ctx.db, cycle.id)[0]
    assert (step.title, step.important, step.urgent) == ("整理常见问题", True, False)

    qtbot.mouseClick(detail.next_button, Qt.MouseButton.LeftButton)
    assert repo.get_cycle(ctx.db, cycle.id).stage == "do"
    assert page.board.columns["do"].list.count() == 1 and page.board.columns["plan"].list.count() == 0
    type_text(detail.note_edit, "图文引导上线")
    qtbot.keyClick(detail.note_edit, Qt.Key.Key_Return)
    assert [n.text for n in repo.list_notes(ctx.db, cycle.id)] == ["图文引导上线"]
    detail.steps.item(0).setCheckState(Qt.CheckState.Checked)
    assert repo.plan_steps(ctx.db, cycle.id)[0].status == "done"

    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow, timeout=2000)
    qtbot.keyClick(page.board.columns["do"].list, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)  # Ctrl+→ moves on
    assert repo.get_cycle(ctx.db, cycle.id).stage == "check"
    assert repo.get_cycle(ctx.db, cycle.id).check_json  # the automatic Check ran
    qtbot.mouseClick(detail.next_button, Qt.MouseButton.LeftButton)
    assert repo.get_cycle(ctx.db, cycle.id).stage == "act" and detail.act_button.isVisible()

    detail.decision.setCurrentIndex(detail.decision.findData("adjust"))
    type_text(detail.act_notes, "改文案，做小活动")
    qtbot.mouseClick(detail.act_button, Qt.MouseButton.LeftButton)
    closed = repo.get_cycle(ctx.db, cycle.id)
    assert closed.stage == "closed" and closed.act_decision == "adjust"
    successor = next(c for c in repo.list_cycles(ctx.db) if c.previous_id == cycle.id)
    assert successor.stage == "plan" and successor.title.endswith("（第2轮）")
    assert page.board.columns["closed"].list.count() == 1 and page.board.columns["plan"].list.count() == 1

    ctx.undo_stack.undo()  # the Act decision
    assert repo.get_cycle(ctx.db, cycle.id).stage == "act" and repo.get_cycle(ctx.db, successor.id) is None
    ctx.undo_stack.undo()  # check → act
    assert repo.get_cycle(ctx.db, cycle.id).stage == "check"
    ctx.undo_stack.redo()
    assert repo.get_cycle(ctx.db, cycle.id).stage == "act"


def test_board_flags_a_stalled_cycle_and_raises_a_task(ctx, qtbot):
    from datetime import timedelta

    old = ctx.now() - timedelta(days=20)
    cycle_id = repo.create_cycle(ctx.db, "没人推进的循环", now=old)
    page = _page(ctx, qtbot)
    item = page.board.columns["plan"].list.item(0)
    assert "没人推进的循环" in item.text() and not item.icon().isNull()
    assert page.badge() == "1"
    assert ctx.db.execute("SELECT count(*) FROM tasks WHERE pdca_cycle_id = ?", [cycle_id]).fetchone()[0] == 1


def test_stall_watch_raises_tasks_without_the_pdca_page(ctx, qtbot):
    from datetime import timedelta

    from workbench.ui.pdca import stall_watch

    cycle_id = repo.create_cycle(ctx.db, "没人管的循环", now=ctx.now() - timedelta(days=9))
    changed = []
    ctx.events.changed.connect(changed.append)
    task_id, = stall_watch.check_now(ctx)
    assert ctx.db.execute("SELECT pdca_cycle_id, status FROM tasks WHERE id = ?", [task_id]).fetchone() == (cycle_id, "open")
    assert [c.tasks for c in changed] == [True]  # one change, once
    assert stall_watch.check_now(ctx) == []


def test_detail_marks_reviewed_and_says_when_the_dataset_is_gone(ctx, qtbot):
    from datetime import timedelta

    from workbench.reports.datasets import create_dataset_from_rows
    from workbench.reports.importer import undo_import

    start = ctx.today() - timedelta(days=20)
    rows = [[(start + timedelta(days=i)).isoformat(), 100 + i] for i in range(21)]
    result = create_dataset_from_rows(ctx.db, "活跃日报", ["日期", {"name": "活跃用户", "type": "integer"}], rows)
    cycle_id = repo.create_cycle(ctx.db, "拉活跃", metric_dataset="活跃日报", metric_column="活跃用户",
                                 background="双十一后活跃掉了", now=ctx.now() - timedelta(days=20))
    repo.move_stage(ctx.db, cycle_id, "do", now=ctx.now() - timedelta(days=10))
    repo.move_stage(ctx.db, cycle_id, "check", now=ctx.now() - timedelta(days=5))
    page = _page(ctx, qtbot)
    page.open_item(cycle_id)
    detail = page.detail
    assert "双十一后活跃掉了" in detail.texts.text()
    # back in Check 5 days ago: its 3-day review passed, the line shows today instead of a past day
    assert ctx.today().isoformat() in detail.stage_line.text()
    qtbot.mouseClick(detail.reviewed_button, Qt.MouseButton.LeftButton)
    following = (ctx.today() + timedelta(days=3)).isoformat()
    assert repo.get_cycle(ctx.db, cycle_id).next_review == following and following in detail.stage_line.text()
    ctx.undo_stack.undo()
    assert repo.get_cycle(ctx.db, cycle_id).next_review == (ctx.today() - timedelta(days=2)).isoformat()
    assert detail.check_panel.verdict.text() != ""
    undo_import(ctx.db, result.import_id)
    page.open_item(cycle_id)
    assert "活跃日报" in detail.check_panel.verdict.text()
    assert detail.check_panel.numbers.count() == 0


def test_check_panel_shows_groups_sample_size_and_roi(ctx, qtbot):
    from datetime import timedelta

    from workbench.reports.datasets import create_dataset_from_rows
    from workbench.ui.pdca.cycle_dialog import CycleDialog

    users = [["对照组", "否"]] * 800 + [["对照组", "是"]] * 200 + [["实验组", "否"]] * 750 + [["实验组", "是"]] * 250
    create_dataset_from_rows(ctx.db, "召回实验名单", ["用户分组", "是否转化"], users)
    page = _page(ctx, qtbot)
    dialog = CycleDialog(ctx, page)
    qtbot.addWidget(dialog)
    dialog.ab_dataset.setCurrentIndex(dialog.ab_dataset.findData("召回实验名单"))
    assert (dialog.ab_group.currentData(), dialog.ab_outcome.currentData()) == ("用户分组", "是否转化")
    type_text(dialog.title, "召回券")
    type_text(dialog.cost, "5000")
    type_text(dialog.revenue, "8000")
    title, fields = dialog.values()
    start = ctx.now() - timedelta(days=10)
    cycle_id = repo.create_cycle(ctx.db, title, baseline=0.2, target=0.25, now=start, **{
        k: v for k, v in fields.items() if k in ("ab_dataset", "ab_group_column", "ab_outcome_column", "cost", "revenue")})
    repo.move_stage(ctx.db, cycle_id, "do", now=start)
    repo.move_stage(ctx.db, cycle_id, "check", now=ctx.now())
    page.open_item(cycle_id)
    text = page.detail.check_panel.groups.text()
    assert "对照组" in text and "200" in text and "1000" in text and "p = 0.007" in text
    assert "差异不太可能是偶然的" in text or "unlikely to be chance" in text
    assert "ROI" in text and "60" in text
    # 20% → 25% at 80% power, α = 0.05 (Fleiss): (1.96·√(2·0.225·0.775) + 0.8416·√(0.16 + 0.1875))² / 0.05² = 1093.7
    assert "1,094" in text


def test_a_plan_step_typed_with_a_date_gets_that_due_date(ctx, qtbot):
    page = _page(ctx, qtbot)
    cycle_id = repo.create_cycle(ctx.db, "拉活跃", now=ctx.now())
    page.open_item(cycle_id)
    type_text(page.detail.step_edit, "海报定稿 周五")
    qtbot.keyClick(page.detail.step_edit, Qt.Key.Key_Return)
    title, due = ctx.db.execute("SELECT title, due FROM tasks WHERE pdca_cycle_id = ?", [cycle_id]).fetchone()
    friday = ctx.today() + __import__("datetime").timedelta(days=(4 - ctx.today().weekday()) % 7)
    assert title == "海报定稿" and due[:10] == friday.isoformat()
    assert friday.isoformat() in page.detail.steps.item(0).text()


def test_stall_watch_checks_at_once_and_then_every_hour(ctx, qtbot):
    from datetime import timedelta

    from PySide6.QtWidgets import QWidget

    from workbench.ui.pdca import stall_watch

    window = QWidget()
    qtbot.addWidget(window)
    window.ctx = ctx
    repo.create_cycle(ctx.db, "没人管的循环", now=ctx.now() - timedelta(days=9))
    timer = stall_watch.install(window)
    assert timer.isActive() and timer.interval() == 60 * 60 * 1000 and timer.parent() is window
    assert ctx.db.execute("SELECT count(*) FROM tasks WHERE pdca_cycle_id IS NOT NULL").fetchone()[0] == 1
