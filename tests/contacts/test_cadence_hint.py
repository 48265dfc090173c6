"""The 待跟进 tab's hint is built from the stored cadence rules (issue 18 part 4: it was fixed text and left
out 流失), and follows a change made in 选项与节奏."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from workbench.contacts import due


@pytest.fixture
def due_tab(main_window, qtbot):
    from workbench.ui.contacts.contacts_page import DUE

    main_window.show_area("contacts")
    page = main_window.page("contacts")
    qtbot.mouseClick(page.tabs.tabBar(), Qt.MouseButton.LeftButton,
                     pos=page.tabs.tabBar().tabRect(DUE).center())
    assert page.tabs.currentIndex() == DUE
    return page


def test_the_hint_lists_every_stage_from_the_stored_rules(due_tab, db):
    text = due_tab.due.cadence_hint.text()
    assert text == ("联系节奏：新用户 3 天 · 活跃 30 天 · 沉默 14 天 · 流失 30 天 · 召回中 2 天 · 已召回 7 天 · 标签 VIP 7 天。"
                    "每次联系后重新计时；在“选项与节奏…”中修改。")
    assert due_tab.due.cadence_hint.isVisible()


def test_a_rule_changed_in_the_lists_dialog_shows_in_the_hint(due_tab, db, qtbot):
    from workbench.ui.contacts.lists_dialog import ListsDialog

    dialog = ListsDialog(due_tab.ctx, due_tab)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.scope_value.setCurrentText("流失")
    dialog.days.selectAll()
    qtbot.keyClicks(dialog.days, "45")
    set_button = next(b for b in dialog.findChildren(QPushButton) if b.text() == "设置")
    qtbot.mouseClick(set_button, Qt.MouseButton.LeftButton)
    assert ("stage", "流失", 45) in due.cadence_rules(db)
    assert "流失 45 天" in due_tab.due.cadence_hint.text()
    dialog.rules.setCurrentRow(next(i for i, rule in enumerate(dialog._rules) if rule[1] == "沉默"))
    remove = next(b for b in dialog.findChildren(QPushButton) if b.text() == "删除所选")
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert "沉默 不设" in due_tab.due.cadence_hint.text()
