"""The contacts page driven from the keyboard, as during a call; every test asserts the database."""
from datetime import datetime

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from workbench.contacts.contact_log import log_contact
from workbench.contacts.findings import raise_finding
from workbench.contacts.sequences import Step, create_sequence, start_sequence
from workbench.contacts.snippets import create_snippet
from workbench.contacts.users import create_user
from workbench.ui.common.changes import Changes
from qt_typing import type_text

NOW = datetime(2026, 11, 25, 10, 0)


@pytest.fixture
def page(main_window, qtbot):
    main_window.show_area("contacts")
    page = main_window.page("contacts")
    main_window.ctx.clock = lambda: NOW
    main_window.activateWindow()
    qtbot.waitExposed(main_window)
    # The shell builds the other pages on idle turns; let it finish first (they read the database).
    from workbench.ui.shell.pages import PAGES

    qtbot.waitUntil(lambda: len(main_window.pages) >= len(PAGES), timeout=10000)
    qtbot.wait(120)  # its last idle turn refreshes the badges
    page.form.finder.edit.setFocus()
    qtbot.waitUntil(lambda: page.form.finder.edit.hasFocus())
    return page




class Keys:
    """Presses keys on whatever has focus, counting them (typed text is not counted)."""

    def __init__(self, qtbot):
        self.qtbot, self.count = qtbot, 0

    def focus(self):
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def press(self, key, modifier=Qt.KeyboardModifier.NoModifier):
        self.qtbot.keyClick(self.focus(), key, modifier)
        self.count += 1

    def type(self, text):
        type_text(self.focus(), text)


def test_log_a_contact_keyboard_only_with_follow_up_in_the_matrix(main_window, page, qtbot, db):
    user = create_user(db, name="王芳", phone="13800138000", now=NOW)
    create_user(db, name="王芳芳", phone="13700001111", now=NOW)
    page.form.finder.edit.setFocus()
    keys = Keys(qtbot)
    keys.type("王芳")
    keys.press(Qt.Key.Key_Return)            # picks the exact name, focus goes to the channel
    assert page.form.user_id == user
    keys.press(Qt.Key.Key_Tab)               # direction
    keys.press(Qt.Key.Key_Tab)               # topic
    keys.press(Qt.Key.Key_4)                 # — 咨询 投诉 召回
    keys.press(Qt.Key.Key_Tab)               # outcome
    keys.press(Qt.Key.Key_3)                 # — 已解决 待跟进
    keys.press(Qt.Key.Key_Tab)               # follow-up
    keys.type("后天 10:00")
    keys.press(Qt.Key.Key_Tab)               # summary
    keys.type("用户说预算紧张，答应后天回电")
    keys.press(Qt.Key.Key_Tab)               # finding kind
    keys.press(Qt.Key.Key_2)                 # 产品bug
    keys.press(Qt.Key.Key_Tab)               # finding text
    keys.type("借款页按钮点不动")
    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert keys.count <= 15
    row = db.execute("SELECT user_id, channel, direction, topic, outcome, summary, follow_up_due, id FROM contacts").fetchone()
    assert row[:7] == (user, "电话", "呼出", "召回", "待跟进", "用户说预算紧张，答应后天回电", "2026-11-27T10:00")
    assert db.execute("SELECT kind, text, source_contact_id FROM findings").fetchone() == ("产品bug", "借款页按钮点不动", row[7])
    assert page.form.summary.toPlainText() == ""  # cleared for the next call
    main_window.show_area("tasks")
    matrix = main_window.page("tasks")
    titles = [panel.list.item(i).text() for panel in matrix.panels.values() for i in range(panel.list.count())]
    assert any("跟进 王芳" in t for t in titles)
    task_contact = db.execute("SELECT contact_id, user_id, due FROM tasks").fetchone()
    assert task_contact == (row[7], user, "2026-11-27T10:00")


def test_new_user_from_the_finder_in_two_keystrokes(page, qtbot, db):
    page.form.finder.edit.setFocus()
    type_text(page.form.finder.edit, "13912345678")
    qtbot.keyClick(page.form.finder.edit, Qt.Key.Key_Return)
    assert db.execute("SELECT phone FROM users").fetchall() == [("13912345678",)]
    assert page.form.user_id is not None
    assert "139****5678" in page.form.user_label.text()
    assert "13912345678" not in page.form.user_label.text()


def test_failed_save_keeps_everything_typed(page, qtbot, db, ctx):
    create_user(db, name="李娜", now=NOW)
    page.form.finder.edit.setFocus()
    type_text(page.form.finder.edit, "李娜")
    qtbot.keyClick(page.form.finder.edit, Qt.Key.Key_Return)
    type_text(page.form.follow_up, "找个时间")
    type_text(page.form.summary, "很长的记录" * 10)
    qtbot.keyClick(page.form.summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert db.execute("SELECT count(*) FROM contacts").fetchone()[0] == 0
    assert page.form.message.isVisible() and "跟进时间" in page.form.message.text()
    assert page.form.summary.toPlainText() == "很长的记录" * 10
    page.form.store_draft()
    assert "很长的记录" in ctx.settings.value("contacts/draft")


def test_empty_contact_is_refused_on_screen(page, qtbot, db):
    qtbot.keyClick(page.form.summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert db.execute("SELECT count(*) FROM contacts").fetchone()[0] == 0
    assert "空" in page.form.message.text()


def test_undo_takes_back_a_logged_contact(page, qtbot, db, ctx):
    user = create_user(db, name="赵六", now=NOW)
    page.form.choose_user(user)
    type_text(page.form.summary, "回访")
    qtbot.keyClick(page.form.summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert db.execute("SELECT count(*) FROM contacts").fetchone()[0] == 1
    ctx.undo_stack.undo()
    assert db.execute("SELECT count(*) FROM contacts").fetchone()[0] == 0
    ctx.undo_stack.redo()
    assert db.execute("SELECT count(*) FROM contacts").fetchone()[0] == 1


def test_ctrl_j_inserts_a_filled_snippet(page, qtbot, db):
    user = create_user(db, name="王芳", attributes={"额度": 5000}, now=NOW)
    snippet = create_snippet(db, "开场白", "{姓名}您好，您的额度{额度}元还保留着", now=NOW)
    page.form.choose_user(user)
    page.form.summary.setFocus()

    def press_enter():
        dialog = QApplication.activeModalWidget()
        qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)

    QTimer.singleShot(50, press_enter)
    qtbot.keyClick(page.form.summary, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert page.form.summary.toPlainText() == "王芳您好，您的额度5000元还保留着"
    page.window().activateWindow()
    qtbot.waitUntil(lambda: page.form.summary.hasFocus())
    qtbot.keyClick(page.form.summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert db.execute("SELECT snippet_id FROM contacts").fetchone()[0] == snippet
    assert db.execute("SELECT use_count FROM snippets").fetchone()[0] == 1


def test_start_a_sequence_and_work_the_recall_queue(page, qtbot, db):
    sequence = create_sequence(db, "流失召回", [Step(1, 0, 10, "电话", "电话召回"), Step(2, 1, 10, "微信", "次日微信关怀")], now=NOW)
    first, second = create_user(db, name="甲一", stage="流失", now=NOW), create_user(db, name="乙二", stage="流失", now=NOW)
    page.form.choose_user(first)
    QTimer.singleShot(50, lambda: QApplication.activeModalWidget().accept())
    page.start_sequence_for_user()
    start_sequence(db, sequence, [second], now=NOW)
    assert db.execute("SELECT user_id, status FROM sequence_enrolments ORDER BY id").fetchall() == [(first, "进行中"), (second, "进行中")]
    page.form.clear_user()
    page.tabs.setCurrentIndex(2)
    assert page.queue.list.count() == 2
    page.window().activateWindow()
    page.form.summary.setFocus()
    qtbot.waitUntil(lambda: page.form.summary.hasFocus())
    qtbot.keyClick(page, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert page.form.user_id == first and page.form.topic.currentText() == "召回"
    qtbot.keyClick(page.form.outcome, Qt.Key.Key_4)  # — 已解决 待跟进 已转化
    assert page.form.outcome.currentText() == "已转化"
    qtbot.keyClick(page.form.outcome, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert db.execute("SELECT status FROM sequence_enrolments WHERE user_id = ?", [first]).fetchone()[0] == "已转化"
    assert page.form.user_id == second  # auto-advanced to the next user of the list
    assert "1/2" in page.queue.progress.text()


def test_findings_board_shows_merges_and_counts(page, qtbot, db):
    a, b = create_user(db, name="甲", now=NOW), create_user(db, name="乙", now=NOW)
    log_contact(db, user_id=a, finding=("新需求", "支持微信还款"), now=NOW)
    log_contact(db, user_id=b, finding=("新需求", "希望支持微信还款"), now=NOW)
    raise_finding(db, "新需求", "按周还款", now=NOW)
    page.tabs.setCurrentIndex(3)
    column = page.findings.columns["新需求"]
    assert column.count() == 2 and column.item(0).text().startswith("×2  支持微信还款")
    column.item(0).setSelected(True)
    column.item(1).setSelected(True)
    qtbot.keyClick(column, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert column.count() == 1 and column.item(0).text().startswith("×3")
    column.item(0).setSelected(True)
    page.findings._status("已反馈")
    assert db.execute("SELECT status FROM findings WHERE merged_into_id IS NULL").fetchone()[0] == "已反馈"


def test_contact_list_is_lazy_and_badge_counts_due_follow_ups(page, db):
    user = create_user(db, name="王芳", phone="13800138000", now=NOW)
    rows = [(user, f"2026-11-{1 + i % 24:02d}T10:00:00", "电话", f"第{i}次") for i in range(1000)]
    db.conn.executemany("INSERT INTO contacts (user_id, at, channel, summary) VALUES (?, ?, ?, ?)", rows)
    log_contact(db, user_id=user, follow_up_due="2026-11-25", now=NOW)
    page.tabs.setCurrentIndex(4)
    model = page.all_contacts.model
    assert model.rowCount() == 200 and model.canFetchMore()
    assert model.data(model.index(0, 2)) == "138****8000"
    assert page.badge() == "1"


def test_search_tab_finds_two_character_names(page, qtbot, db):
    create_user(db, name="王芳", phone="13800138000", now=NOW)
    page.focus_search()
    type_text(page.search.edit, "王芳")
    qtbot.waitUntil(lambda: "王芳" in page.search.results.toPlainText(), timeout=5000)
    assert "138****8000" in page.search.results.toPlainText()


@pytest.fixture
def searches(monkeypatch):
    """The texts the real full-text search was run for (a spy: the search itself runs)."""
    from workbench.contacts import search as search_module

    texts, real = [], search_module.search
    monkeypatch.setattr(search_module, "search", lambda db, text, *a, **k: texts.append(text) or real(db, text, *a, **k))
    return texts


def test_search_waits_for_a_pause_in_typing_and_runs_once_off_the_gui_thread(page, qtbot, db, searches):
    create_user(db, name="U2025 王芳", phone="13800138000", now=NOW)
    page.focus_search()
    type_text(page.search.edit, "U2025")
    assert searches == []  # no search per key: typing never waits for one
    qtbot.waitUntil(lambda: "王芳" in page.search.results.toPlainText(), timeout=5000)
    assert searches == ["U2025"]


def test_a_newer_search_drops_the_answer_of_the_older_one(page, qtbot, db, searches):
    create_user(db, name="王芳", phone="13800138000", now=NOW)
    create_user(db, name="李雷", phone="13900139000", now=NOW)
    page.focus_search()
    page.search.edit.setText("王芳")
    page.search.run()
    page.search.edit.setText("李雷")
    page.search.run()
    qtbot.waitUntil(lambda: not page.search.searching(), timeout=5000)
    qtbot.wait(50)
    text = page.search.results.toPlainText()
    assert "李雷" in text and "王芳" not in text


def test_saving_a_contact_does_not_rerun_a_hidden_search(page, qtbot, db, searches):
    create_user(db, name="王芳", phone="13800138000", now=NOW)
    page.focus_search()
    page.search.edit.setText("王芳")
    page.search.run()
    page.search.wait()
    page.tabs.setCurrentIndex(0)  # the search tab is hidden again
    page.ctx.events.changed.emit(Changes(contacts=True))
    qtbot.wait(400)
    assert searches == ["王芳"]
    page.focus_search()  # shown again: the search runs on what the data is now
    qtbot.waitUntil(lambda: searches == ["王芳", "王芳"], timeout=5000)


def test_lists_dialog_adds_a_topic_and_changes_an_outcome_rule(page, qtbot, db):
    from workbench.contacts.options import next_step_for
    from workbench.ui.contacts.lists_dialog import ListsDialog

    dialog = ListsDialog(page.ctx, page)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(2)  # topic
    type_text(dialog.new_value, "续借")
    qtbot.keyClick(dialog.new_value, Qt.Key.Key_Return)
    assert "续借" in [dialog.values.item(i).text() for i in range(dialog.values.count())]
    dialog.kind.setCurrentIndex(3)  # outcome
    dialog.values.setCurrentRow([dialog.values.item(i).text() for i in range(dialog.values.count())].index("未接通"))
    assert dialog.retry_hours.value() == 2 and dialog.max_tries.value() == 3
    dialog.retry_hours.setValue(4)
    dialog.save_next_step()
    assert next_step_for(db, "未接通").retry_hours == 4 and next_step_for(db, "未接通").then_channel == "短信"
    dialog.scope.setCurrentIndex(1)
    dialog.scope_value.setEditText("高额度")
    dialog.days.setValue(5)
    dialog.set_rule()
    assert db.execute("SELECT days FROM contact_cadence WHERE scope = 'tag' AND value = '高额度'").fetchone() == (5,)
    dialog.accept()
    page.form.load_options()
    assert page.form.topic.findText("续借") > 0
