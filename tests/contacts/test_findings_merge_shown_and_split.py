"""A merge is shown and can be split (issue 18 part 4): a finding raised in other words, or merged by hand,
shows "并入 ×N" on the board; Ctrl+Shift+M takes it apart into its findings, each with its own mentions;
Ctrl+Z merges them back."""
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from workbench.contacts.contact_log import log_contact
from workbench.contacts.findings import findings_board, findings_for_user, raise_finding
from workbench.contacts.users import create_user

NOW = datetime(2026, 11, 25, 10, 0)


@pytest.fixture
def board(main_window, qtbot):
    from workbench.ui.contacts.contacts_page import FINDINGS

    main_window.ctx.clock = lambda: NOW
    main_window.show_area("contacts")
    page = main_window.page("contacts")
    main_window.activateWindow()
    qtbot.waitExposed(main_window)
    return page, FINDINGS


def _lines(column):
    return [column.item(i).text() for i in range(column.count())]


def test_a_merge_shows_its_parts_and_splits_back_undoably(board, qtbot, db):
    page, findings_tab = board
    a, b, c = (create_user(db, name=name, now=NOW) for name in ("甲", "乙", "丙"))
    log_contact(db, user_id=a, finding=("新需求", "支持微信还款"), now=NOW)
    log_contact(db, user_id=b, finding=("新需求", "希望支持微信还款"), now=NOW)  # other words: merged as raised
    log_contact(db, user_id=c, finding=("新需求", "按周还款"), now=NOW)
    page.tabs.setCurrentIndex(findings_tab)
    column = page.findings.columns["新需求"]
    assert _lines(column) == ["×2  支持微信还款\n新发现 · 2 位用户 · 并入 ×1", "×1  按周还款\n新发现 · 1 位用户"]
    assert "希望支持微信还款" in column.item(0).toolTip()
    column.setFocus()
    column.item(0).setSelected(True)
    column.item(1).setSelected(True)
    qtbot.keyClick(column, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)  # merge by hand too
    assert _lines(column) == ["×3  支持微信还款\n新发现 · 3 位用户 · 并入 ×2"]
    column.item(0).setSelected(True)
    qtbot.keyClick(column, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert sorted(_lines(column)) == sorted(["×1  支持微信还款\n新发现 · 1 位用户", "×1  希望支持微信还款\n新发现 · 1 位用户",
                                             "×1  按周还款\n新发现 · 1 位用户"])
    assert {f.text: f.user_count for f in findings_board(db)["新需求"]} == {"支持微信还款": 1, "希望支持微信还款": 1, "按周还款": 1}
    assert [f.text for _at, f in findings_for_user(db, b)] == ["希望支持微信还款"]
    qtbot.keyClick(QApplication.focusWidget() or column, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _lines(column) == ["×3  支持微信还款\n新发现 · 3 位用户 · 并入 ×2"]
    assert [f.text for _at, f in findings_for_user(db, b)] == ["支持微信还款"]  # shown as the finding it joined


def test_deleting_the_contact_that_raised_a_part_removes_the_part(db):
    from workbench.contacts.contact_log import delete_contact

    a, b = create_user(db, name="甲", now=NOW), create_user(db, name="乙", now=NOW)
    log_contact(db, user_id=a, finding=("新需求", "支持微信还款"), now=NOW)
    second = log_contact(db, user_id=b, finding=("新需求", "希望支持微信还款"), now=NOW)
    delete_contact(db, second, now=NOW)
    assert [(f.text, f.mentions, f.merged) for f in findings_board(db)["新需求"]] == [("支持微信还款", 1, 0)]
    assert db.execute("SELECT count(*) FROM findings").fetchone() == (1,)


def test_splitting_a_finding_with_nothing_merged_says_so(board, qtbot, db, monkeypatch):
    page, findings_tab = board
    raise_finding(db, "产品bug", "登录页闪退", now=NOW)
    page.tabs.setCurrentIndex(findings_tab)
    column = page.findings.columns["产品bug"]
    column.setFocus()
    column.item(0).setSelected(True)
    from PySide6.QtWidgets import QMessageBox

    said = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text, *rest: said.append(text)))
    qtbot.keyClick(column, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert said == ["这条发现没有并入别的发现，无法拆分。"]
    assert _lines(column) == ["×1  登录页闪退\n新发现 · 0 位用户"]
