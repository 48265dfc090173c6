"""pytest-qt: type captures, triage with keys, drag between quadrants, undo — and check the database."""
from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent

from workbench.tasks import repository as repo
from workbench.ui.tasks.quadrant_list import MIME
from qt_typing import type_text

NOW = datetime(2026, 11, 25, 9, 30)


@pytest.fixture
def page(ctx, qtbot):
    from workbench.ui.tasks.matrix_page import MatrixPage

    widget = MatrixPage(ctx)
    ctx.clock = lambda: NOW
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    widget.refresh()
    return widget


@pytest.fixture
def bar(ctx, qtbot):
    from workbench.ui.tasks.capture_bar import CaptureBar

    widget = CaptureBar(ctx)
    ctx.clock = lambda: NOW
    qtbot.addWidget(widget)
    widget.show()
    return widget




def titles(db, quadrant):
    return [t.title for t in repo.list_quadrant(db, quadrant)]


def test_typing_a_capture_and_enter_commits_it_and_undo_removes_it(ctx, bar, page, qtbot):
    type_text(bar.field, "12月10日下午3点 回访 @王芳 #召回 *")
    assert bar.capture.chips.texts() == ["12-10 15:00", "@ 王芳", "# 召回", "重要不紧急"]
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    task = repo.list_quadrant(ctx.db, "q2")[0]
    assert (task.title, task.due, task.tags) == ("回访 王芳", "2026-12-10T15:00", ["召回"])
    assert bar.field.text() == ""
    assert page.panels["q2"].list.task_ids() == [task.id]  # visible at once
    ctx.undo_stack.undo()
    assert repo.get_task(ctx.db, task.id) is None
    assert page.panels["q2"].list.task_ids() == []
    ctx.undo_stack.redo()
    assert repo.get_task(ctx.db, task.id).title == "回访 王芳"


def test_backspace_on_a_chip_keeps_its_text_in_the_title(ctx, bar, qtbot):
    type_text(bar.field, "明天 回访 #召回")
    chip = bar.capture.chips.buttons[0]
    assert chip.text() == "明天"
    chip.setFocus()
    qtbot.keyClick(chip, Qt.Key.Key_Backspace)
    assert bar.capture.chips.texts() == ["# 召回"]
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    task = repo.list_inbox(ctx.db)[0]
    assert (task.title, task.due) == ("明天 回访", None)


def test_capture_without_a_title_shows_a_sentence_and_saves_nothing(ctx, bar, qtbot):
    type_text(bar.field, "明天 !")
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.capture.error.isVisibleTo(bar) and bar.capture.error.text()
    assert ctx.db.execute("SELECT count(*) FROM tasks").fetchone()[0] == 0


def test_triage_with_keys_then_undo(ctx, page, qtbot):
    ids = [repo.create_task(ctx.db, f"item {n}", now=NOW) for n in range(4)]
    page.refresh()
    assert page.badge() == "4"
    page.start_triage()
    assert page.triage.progress.text() == "1 / 4"
    qtbot.keyClick(page.triage, Qt.Key.Key_1)
    qtbot.keyClick(page.triage, Qt.Key.Key_Right)
    assert page.triage.progress.text() == "3 / 4"  # the place in this triage: item 1 decided, item 2 skipped
    qtbot.keyClick(page.triage, Qt.Key.Key_D)
    qtbot.keyClick(page.triage, Qt.Key.Key_Left)
    qtbot.keyClick(page.triage, Qt.Key.Key_Delete)
    qtbot.keyClick(page.triage, Qt.Key.Key_4)
    assert repo.get_task(ctx.db, ids[0]).quadrant == "q1"
    assert repo.get_task(ctx.db, ids[2]).status == "done"
    assert repo.get_task(ctx.db, ids[1]).status == "dropped"
    assert repo.get_task(ctx.db, ids[3]).quadrant == "q4"
    assert page.triage.zero.isVisibleTo(page) and not page.triage.card.isVisibleTo(page)
    assert repo.count_inbox(ctx.db) == 0 and page.badge() == ""
    for _ in range(4):
        ctx.undo_stack.undo()
    assert [repo.get_task(ctx.db, i).quadrant for i in ids] == ["inbox"] * 4
    assert {repo.get_task(ctx.db, i).status for i in ids} == {"open"}
    qtbot.keyClick(page.triage, Qt.Key.Key_Escape)
    assert page.stack.currentWidget() is page.matrix
    assert page.panels["inbox"].list.count() == 4


def drop_on(lst, ids, point: QPoint):
    mime = QMimeData()
    mime.setData(MIME, ",".join(str(i) for i in ids).encode())
    event = QDropEvent(QPointF(point), Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    lst.dropEvent(event)


def test_drag_between_quadrants_and_reorder_within_one_then_undo(ctx, page):
    a = repo.create_task(ctx.db, "a", important=True, urgent=True, now=NOW)
    b = repo.create_task(ctx.db, "b", important=True, urgent=True, now=NOW)
    c = repo.create_task(ctx.db, "c", important=True, now=NOW)
    page.refresh()
    q1 = page.panels["q1"].list
    drop_on(q1, [c], q1.visualItemRect(q1.item(0)).topLeft() + QPoint(5, 2))  # upper half of "a"
    assert titles(ctx.db, "q1") == ["c", "a", "b"] and titles(ctx.db, "q2") == []
    assert q1.task_ids() == [c, a, b]
    drop_on(q1, [b], q1.visualItemRect(q1.item(0)).topLeft() + QPoint(5, 2))
    assert titles(ctx.db, "q1") == ["b", "c", "a"]
    ctx.undo_stack.undo()
    assert titles(ctx.db, "q1") == ["c", "a", "b"]
    ctx.undo_stack.undo()
    assert titles(ctx.db, "q1") == ["a", "b"] and titles(ctx.db, "q2") == ["c"]
    q4 = page.panels["q4"].list
    drop_on(q4, [a], QPoint(10, 10))  # the empty list: at the end
    assert repo.get_task(ctx.db, a).quadrant == "q4"


def test_keyboard_moves_space_completes_and_recurrence_rolls_forward(ctx, page, qtbot):
    weekly = repo.create_task(ctx.db, "周报", important=True, due="2027-01-01", recurrence="FREQ=WEEKLY;BYDAY=FR", now=NOW)
    other = repo.create_task(ctx.db, "整理", important=True, now=NOW)
    page.refresh()
    q2 = page.panels["q2"].list
    q2.setFocus()
    q2.select_task(other)
    qtbot.keyClick(q2, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert titles(ctx.db, "q2") == ["整理", "周报"]
    q2.select_task(other)
    qtbot.keyClick(q2, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert repo.get_task(ctx.db, other).quadrant == "q1"
    q2.select_task(weekly)
    qtbot.keyClick(q2, Qt.Key.Key_Space)
    assert repo.get_task(ctx.db, weekly).status == "done"
    following = [t for t in repo.list_quadrant(ctx.db, "q2") if t.title == "周报"]
    assert len(following) == 1 and following[0].due == "2027-01-08"
    ctx.undo_stack.undo()
    assert repo.get_task(ctx.db, weekly).status == "open"
    assert [t.id for t in repo.list_quadrant(ctx.db, "q2")] == [weekly]


def test_checkbox_completes_and_done_stays_searchable(ctx, page):
    task_id = repo.create_task(ctx.db, "回复渠道经理的邮件", urgent=True, now=NOW)
    page.refresh()
    item = page.panels["q3"].list.item(0)
    item.setCheckState(Qt.CheckState.Checked)
    assert repo.get_task(ctx.db, task_id).status == "done"
    assert page.panels["q3"].list.count() == 0
    page.show_closed("渠道")
    assert page.closed.table.rowCount() == 1
    assert page.closed.table.item(0, 0).text() == "回复渠道经理的邮件"


def test_promotion_and_morning_changes(ctx, page, qtbot):
    from workbench.ui.tasks.promotion import promote_now

    soon = repo.create_task(ctx.db, "月底对账", important=True, due="2026-11-27", now=NOW)
    promote_now(ctx)  # its own operation (after the first frame, each new day); the page shows it
    assert repo.get_task(ctx.db, soon).quadrant == "q1"
    assert soon in page.panels["q1"].list.task_ids()
    qtbot.waitUntil(lambda: page.morning.isVisibleTo(page))
    assert any("月底对账" in line for line in page.morning_lines)


def test_edit_through_the_dialog_is_undoable(ctx, page, qtbot, monkeypatch):
    from workbench.ui.tasks import task_dialog

    task_id = repo.create_task(ctx.db, "旧标题", now=NOW)

    def fake_exec(dialog):
        dialog.title.setText("新标题")
        dialog.due.setText("12月20日 下午3点")
        dialog.quadrant.setCurrentIndex(dialog.quadrant.findData("q2"))
        return task_dialog.TaskDialog.DialogCode.Accepted

    monkeypatch.setattr(task_dialog.TaskDialog, "exec", fake_exec)
    assert page.edit(task_id)
    task = repo.get_task(ctx.db, task_id)
    assert (task.title, task.quadrant) == ("新标题", "q2") and task.due.endswith("T15:00")
    ctx.undo_stack.undo()
    task = repo.get_task(ctx.db, task_id)
    assert (task.title, task.quadrant, task.due) == ("旧标题", "inbox", None)


def test_a_linked_task_opens_its_user(ctx, page, qtbot):
    task_id = repo.create_task(ctx.db, "回电", important=True, urgent=True, user_id=42, alert_id=7, now=NOW)
    page.refresh()
    page.panels["q1"].list.select_task(task_id)
    with qtbot.waitSignal(ctx.events.navigate) as blocker:
        qtbot.keyClick(page.panels["q1"].list, Qt.Key.Key_O)
    assert blocker.args == ["contacts", 42]


def test_ctrl_n_focuses_the_capture_bar_from_anywhere(main_window, qtbot):
    main_window.show_area("review")
    main_window.focus_capture()
    main_window.activateWindow()
    qtbot.waitUntil(lambda: main_window.capture_bar.field.hasFocus())
    qtbot.keyClicks(main_window.capture_bar.field, "tomorrow call bob q3")
    qtbot.keyClick(main_window.capture_bar.field, Qt.Key.Key_Return)
    assert titles(main_window.ctx.db, "q3") == ["call bob"]
    assert main_window.page("tasks").badge() == ""
    # The shell builds the other pages on idle turns; let it finish before the database closes.
    from workbench.ui.shell.pages import PAGES

    qtbot.waitUntil(lambda: len(main_window.pages) >= len(PAGES), timeout=10000)
    qtbot.wait(80)


def test_quick_capture_window_saves_without_the_main_window(ctx, qtbot):
    from workbench.ui.tasks.quick_capture import quick_capture_window

    window = quick_capture_window(ctx)
    qtbot.addWidget(window)
    window.show_near_cursor()
    type_text(window.capture.field, "回电 王芳 !")
    qtbot.keyClick(window.capture.field, Qt.Key.Key_Return)
    assert titles(ctx.db, "q3") == ["回电 王芳"]
    assert not window.isVisible()


def test_triage_card_names_the_linked_user(ctx, page):
    from workbench.contacts.users import create_user

    user_id = create_user(ctx.db, name="王芳", phone="13812341234", now=NOW)
    repo.create_task(ctx.db, "回访 提现失败的问题", user_id=user_id, now=NOW)
    orphan = repo.create_task(ctx.db, "链接到已删除的用户", user_id=999_999, now=NOW)
    page.refresh()
    page.start_triage()
    assert "用户 王芳" in page.triage.meta.text()
    assert "#" not in page.triage.meta.text()
    page.triage.index = 1
    page.triage.show_current()
    assert f"用户 #{999_999}" in page.triage.meta.text(), "a link whose user is gone keeps its number"
    assert repo.get_task(ctx.db, orphan).user_id == 999_999


def test_today_strip_and_summary_fill_after_the_grid_is_drawn(ctx, qtbot):
    """At start-up the grid comes first; the strip follows on the next turn after the page's first frame."""
    from workbench.ui.tasks.matrix_page import MatrixPage

    repo.create_task(ctx.db, "给王芳回电话", important=True, urgent=True, due="2026-11-25", now=NOW)
    repo.create_task(ctx.db, "交月报", urgent=True, due="2026-11-20", now=NOW)
    page = MatrixPage(ctx)
    ctx.clock = lambda: NOW
    qtbot.addWidget(page)
    page.refresh()
    assert page.panels["q1"].list.count() == 1 and page.today_strip.count() == 0, "nothing drawn yet"
    page.show()
    qtbot.waitUntil(lambda: page.today_strip.count() == 2)
    assert [page.today_strip.item(i).text().split()[0] for i in range(2)] == ["交月报", "给王芳回电话"]
    assert page.summary.text() == "今天：1 项计划 · 1 项逾期 · 收件箱 0 项待分拣"


def test_the_gear_menu_sets_the_promotion_rule_kept_in_the_database(ctx, page):
    from workbench import stored_settings

    soon = repo.create_task(ctx.db, "准备季度复盘", important=True, due="2026-11-29", now=NOW)
    page.refresh()
    assert repo.get_task(ctx.db, soon).quadrant == "q2", "due in 4 days: not promoted by the default 2"
    page.settings_button.menu().aboutToShow.emit()
    assert page.promote_days.value() == 2
    page.promote_days.setValue(5)
    assert stored_settings.get(ctx.db, stored_settings.PROMOTE_DAYS) == 5
    assert repo.get_task(ctx.db, soon).quadrant == "q1"


def _colour_share(image, rect, colour: str) -> float:
    """How much of `rect` in `image` is within a small distance of `colour` (text is antialiased)."""
    from PySide6.QtGui import QColor

    target, hits, total = QColor(colour), 0, 0
    for y in range(rect.top(), rect.bottom(), 1):
        for x in range(rect.left(), rect.right(), 1):
            pixel = image.pixelColor(x, y)
            total += 1
            hits += max(abs(pixel.red() - target.red()), abs(pixel.green() - target.green()),
                        abs(pixel.blue() - target.blue())) < 40
    return hits / total


def test_rows_show_the_title_and_their_due_in_red_when_overdue_and_in_blue_when_today(ctx, page):
    from workbench.ui.common.theme import ACCENT, ALERT_COLORS

    repo.create_task(ctx.db, "昨天就该回访的用户", important=True, urgent=True, due="2026-11-24", now=NOW)
    repo.create_task(ctx.db, "今天要发的周报", important=True, urgent=True, due="2026-11-25T17:00", now=NOW)
    page.refresh()
    lst = page.panels["q1"].list
    image = lst.viewport().grab().toImage()
    overdue_row, today_row = (lst.visualItemRect(lst.item(row)) for row in (0, 1))
    assert [lst.item(row).text() for row in (0, 1)] == ["昨天就该回访的用户", "今天要发的周报"]
    right = lambda r: r.adjusted(r.width() * 2 // 3, 0, 0, 0)  # noqa: E731  where the due text sits
    left = lambda r: r.adjusted(24, 0, -r.width() // 2, 0)  # noqa: E731  the title, after the checkbox
    assert _colour_share(image, right(overdue_row), ALERT_COLORS["red"]) > 0.01
    assert _colour_share(image, right(today_row), ALERT_COLORS["red"]) == 0
    assert _colour_share(image, right(today_row), ACCENT) > 0.01
    assert _colour_share(image, left(overdue_row), "#1f2329") > 0.01  # the title, in the text colour


def test_the_title_starts_where_the_style_puts_an_item_text(ctx, page):
    """TaskDelegate.TEXT_LEFT stands in for the style's text rectangle (asking for it costs start-up)."""
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    from workbench.ui.tasks.quadrant_list import TaskDelegate

    repo.create_task(ctx.db, "回访", important=True, urgent=True, now=NOW)
    page.refresh()
    lst = page.panels["q1"].list
    index = lst.model().index(0, 0)
    option = QStyleOptionViewItem()
    option.initFrom(lst.viewport())
    option.rect = lst.visualRect(index)
    option.widget = lst
    lst.itemDelegate().initStyleOption(option, index)
    text = lst.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, lst)
    assert (text.left() - option.rect.left(), text.right()) == (TaskDelegate.TEXT_LEFT, option.rect.right())


def test_a_linked_repeating_row_shows_its_marks_as_icons_drawn_without_an_emoji_font(ctx, page):
    """🔗 and ↻ were characters: without an emoji font (a bare Linux) 🔗 was drawn as a box."""
    from workbench.ui.common import icons
    from workbench.ui.common.theme import current_scheme

    icons.icon("mdi6.link-variant")  # the font is loaded (the window does it after its first frame)
    repo.create_task(ctx.db, "回访", important=True, urgent=True, due="2026-11-27", now=NOW)
    repo.create_task(ctx.db, "回访", important=True, urgent=True, due="2026-11-27", user_id=42,
                     recurrence="weekly", now=NOW)
    page.refresh()
    lst = page.panels["q1"].list
    plain, marked = lst.item(0), lst.item(1)
    assert plain.data(Qt.ItemDataRole.UserRole + 2) == marked.data(Qt.ItemDataRole.UserRole + 2)  # same due text
    meta = marked.data(Qt.ItemDataRole.UserRole + 2)
    assert all(ord(ch) < 0x2000 or "\u4e00" <= ch <= "\u9fff" for ch in meta), meta
    image = lst.viewport().grab().toImage()
    width = lst.fontMetrics().horizontalAdvance(meta) + 8
    before_due = lambda r: r.adjusted(r.width() - width - 40, 4, -width, -4)  # noqa: E731
    muted = current_scheme().muted
    assert _colour_share(image, before_due(lst.visualItemRect(plain)), muted) == 0
    assert _colour_share(image, before_due(lst.visualItemRect(marked)), muted) > 0.03
