"""Issue 14, part 5: a phone or ID number typed into free text is masked wherever it is shown or exported
by default (one rule, privacy.mask_text); the database keeps it as typed; revealing it and exporting it
unmasked are written to the audit log with a readable label."""
from __future__ import annotations

import csv
import json
from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from qt_typing import type_text
from workbench import audit
from workbench.cli import main
from workbench.contacts.contact_log import log_contact
from workbench.contacts.findings import raise_finding
from workbench.contacts.users import create_user
from workbench.privacy import mask_attribute, mask_text
from workbench.tasks.repository import create_task

NOW = datetime(2026, 11, 25, 9, 30)
TYPED = "回访 @13812345678 额度问题"
SHOWN = "回访 @138****5678 额度问题"
FULL, MASKED = "13812345678", "138****5678"


@pytest.mark.parametrize("typed, shown", [
    (TYPED, SHOWN),
    ("打给 +86 138 1234 5678 再说", "打给 138****5678 再说"),
    ("打给 138-1234-5678", "打给 138****5678"),
    ("+86-13812345678。", "138****5678。"),
    ("8613812345678", "138****5678"),
    ("身份证 11010519491231002X 已核", "身份证 110*************2X 已核"),
    ("旧证 110105491231002", "旧证 110**********02"),
    # Not personal data: order numbers, amounts, ratios and 15 digits without a birth date stay as typed.
    ("订单 2026112512345678901 金额 300", "订单 2026112512345678901 金额 300"),
    ("转化率 0.13812345678", "转化率 0.13812345678"),
    ("流水号 123456789012345", "流水号 123456789012345"),
])
def test_one_rule_masks_mobiles_and_id_numbers_in_free_text(typed, shown):
    assert mask_text(typed) == shown


def test_imported_phone_columns_mask_landlines_too():
    assert mask_attribute("紧急联系人电话", "010-88886666") == "010****6666"
    assert mask_attribute("备用手机", 13912345678) == "139****5678"
    assert mask_attribute("借款次数", 12) == "12"
    assert mask_attribute("Hotel code", "12345678") == "12345678"  # "tel" only as a word
    assert mask_attribute("备注", "老客户 13912345678") == "老客户 139****5678"


# --- tasks: the matrix, its tooltips, the today strip, triage, the status bar ---------------------------
@pytest.fixture
def matrix(ctx, qtbot):
    from workbench.ui.tasks.matrix_page import MatrixPage

    page = MatrixPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    return page


def test_matrix_rows_tooltips_and_today_strip_show_the_phone_masked(ctx, matrix, qtbot):
    task = create_task(ctx.db, TYPED, important=True, urgent=True, due="2026-11-25T15:00",
                       notes="她的备用号 139 1234 5678", now=NOW)
    matrix.refresh()
    qtbot.waitUntil(lambda: matrix.today_strip.count() == 1)
    row = matrix.panels["q1"].list.item(0)
    assert row.text() == SHOWN
    assert row.toolTip() == f"{SHOWN}\n她的备用号 139****5678"
    assert matrix.today_strip.item(0).text().startswith(SHOWN)
    assert ctx.db.execute("SELECT title, notes FROM tasks WHERE id = ?", [task]).fetchone() == (
        TYPED, "她的备用号 139 1234 5678")  # stored as typed


def test_triage_card_shows_the_title_and_notes_masked(ctx, qtbot):
    from workbench.tasks.repository import get_task
    from workbench.ui.tasks.triage_view import TriageView

    view = TriageView(ctx.now)
    qtbot.addWidget(view)
    view.show()
    view.start([get_task(ctx.db, create_task(ctx.db, TYPED, notes="身份证 11010519491231002X", now=NOW))])
    assert view.title.text() == SHOWN
    assert view.notes.text() == "身份证 110*************2X"


def test_closed_task_search_shows_the_title_masked(ctx, qtbot):
    from workbench.tasks.repository import complete_task
    from workbench.ui.tasks.closed_search import ClosedSearch

    complete_task(ctx.db, create_task(ctx.db, TYPED, now=NOW), now=NOW)
    view = ClosedSearch(ctx)
    qtbot.addWidget(view)
    view.query.setText("额度")
    view.search()
    assert view.table.rowCount() == 1 and view.table.item(0, 0).text() == SHOWN


def test_pdca_board_steps_and_do_notes_are_masked(ctx, qtbot):
    from workbench.pdca import repository as pdca
    from workbench.ui.pdca.pdca_page import PdcaPage

    cycle = pdca.create_cycle(ctx.db, f"召回 {FULL} 这类老客户", problem="身份证 11010519491231002X 的用户", now=NOW)
    pdca.add_plan_step(ctx.db, cycle, TYPED, now=NOW)
    pdca.add_note(ctx.db, cycle, f"打了 {FULL}", now=NOW)
    page = PdcaPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    page.show_cycle(cycle)
    card = page.board.columns["plan"].list.item(0)
    assert card.text().startswith(f"召回 {MASKED} 这类老客户") and "110*************2X" in card.toolTip()
    assert page.detail.steps.item(0).text() == SHOWN
    assert page.detail.notes.item(0).text().endswith(f"打了 {MASKED}")


def test_a_capture_with_a_phone_shows_masked_in_the_status_bar_and_the_undo_text(main_window, ctx, qtbot):
    type_text(main_window.capture_bar.field, TYPED)
    qtbot.keyClick(main_window.capture_bar.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: MASKED in main_window.statusBar().currentMessage())
    assert FULL not in main_window.statusBar().currentMessage()
    assert MASKED in ctx.undo_stack.undoText() and FULL not in ctx.undo_stack.undoText()
    assert FULL in ctx.db.execute("SELECT title FROM tasks").fetchone()[0]


# --- contacts: timeline, all-contacts table and its tooltip, findings board, search -----------------------
@pytest.fixture
def wang(ctx):
    return create_user(ctx.db, name="王芳", phone="13800138000", notes="老客户",
                       attributes={"紧急联系人电话": "010-88886666", "备用手机": "13912345678", "借款次数": 3},
                       now=NOW)


def test_timeline_masks_contact_summaries_tasks_and_imported_phone_columns(ctx, wang, qtbot):
    from workbench.ui.contacts.work_views import TimelineView

    log_contact(ctx.db, user_id=wang, summary=f"她说换号了，新号 {FULL}", now=NOW)
    create_task(ctx.db, TYPED, user_id=wang, now=NOW)
    view = TimelineView(ctx)
    qtbot.addWidget(view)
    view.show_user(wang)
    items = [view.list.item(i) for i in range(view.list.count())]
    shown = "\n".join(i.text() + "\n" + i.toolTip() for i in items)
    assert f"新号 {MASKED}" in shown and SHOWN in shown
    assert "紧急联系人电话 010****6666" in shown and "备用手机 139****5678" in shown and "借款次数 3" in shown
    assert FULL not in shown and "88886666" not in shown and "13912345678" not in shown


def test_all_contacts_table_and_tooltip_mask_the_summary(ctx, wang, qtbot):
    from workbench.ui.contacts.work_views import AllContactsView

    log_contact(ctx.db, user_id=wang, topic="额度", outcome="待跟进", summary=f"回拨 {FULL}，身份证 11010519491231002X",
                now=NOW)
    view = AllContactsView(ctx)
    qtbot.addWidget(view)
    view.reload()
    model = view.model
    summary = model.index(0, 7)
    assert model.data(summary) == f"回拨 {MASKED}，身份证 110*************2X"
    assert model.data(summary, Qt.ItemDataRole.ToolTipRole) == f"回拨 {MASKED}，身份证 110*************2X"
    assert model.data(model.index(0, 2)) == "138****8000"


def test_findings_board_masks_the_finding_text(ctx, qtbot):
    from workbench.ui.contacts.work_views import FindingsBoard

    raise_finding(ctx.db, "新需求", f"用户 {FULL} 想要按周还款", now=NOW)
    board = FindingsBoard(ctx)
    qtbot.addWidget(board)
    board.reload()
    text = board.columns["新需求"].item(0).text()
    assert f"用户 {MASKED} 想要按周还款" in text and FULL not in text


@pytest.mark.parametrize("query", ["按周还款", "13812", "1381234"])
def test_search_results_never_show_the_hidden_digits(ctx, wang, qtbot, query):
    """A query that is part of the phone used to be marked inside it, leaving the number whole."""
    from workbench.ui.contacts.work_views import SearchView

    log_contact(ctx.db, user_id=wang, summary=f"回拨 {FULL} 想要按周还款", now=NOW)
    view = SearchView(ctx)
    qtbot.addWidget(view)
    view.edit.setText(query)
    view.run()
    view.wait()  # the search runs off the GUI thread
    shown = view.results.toPlainText()
    assert "回拨" in shown and "想要" in shown
    assert FULL not in shown.replace("«", "").replace("»", "") and "5678" in shown


def test_dataset_browser_shows_an_imported_reports_phones_masked(ctx, qtbot, tmp_path):
    import openpyxl

    from workbench.reports.importer import import_file
    from workbench.ui.imports.dataset_browser import DatasetBrowser

    path = tmp_path / "订单明细.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["订单号", "日期", "收货人手机", "金额"])
    for day in range(1, 6):
        sheet.append([f"D2026110{day}001", f"2026-11-0{day}", f"1381234567{day}", 100.0 * day])
    book.save(path)
    import_file(ctx.db, path, dataset="订单明细")
    browser = DatasetBrowser(ctx)
    qtbot.addWidget(browser)
    browser.select("订单明细")
    qtbot.waitUntil(lambda: browser.model.rowCount() == 5)
    column = [c.name for c in browser.model.info.columns].index("收货人手机")
    shown = {browser.model.data(browser.model.index(row, column)) for row in range(5)}
    assert shown == {"138****5671", "138****5672", "138****5673", "138****5674", "138****5675"}
    browser.close()


# --- the user dialog: masked until Reveal, which is audited --------------------------------------------
def test_user_dialog_masks_imported_phones_and_notes_until_reveal_which_is_audited(ctx, wang, qtbot):
    from workbench.ui.contacts.user_dialogs import UserDetailDialog

    ctx.db.execute("UPDATE users SET notes = ? WHERE id = ?", [f"备用 {FULL}", wang])
    dialog = UserDetailDialog(ctx, wang)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.phone.text() == "138****8000"
    assert dialog.attributes.text() == "紧急联系人电话: 010****6666 · 备用手机: 139****5678 · 借款次数: 3"
    assert dialog.notes.toPlainText() == f"备用 {MASKED}" and dialog.notes.isReadOnly()
    assert dialog.changes() == {}  # the masked notes are never saved over the real ones
    assert audit.entries(ctx.db) == []
    qtbot.mouseClick(dialog.reveal, Qt.MouseButton.LeftButton)
    assert dialog.phone.text() == "13800138000"
    assert dialog.attributes.text() == "紧急联系人电话: 010-88886666 · 备用手机: 13912345678 · 借款次数: 3"
    assert dialog.notes.toPlainText() == f"备用 {FULL}" and not dialog.notes.isReadOnly()
    [entry] = audit.entries(ctx.db)
    assert (entry["action"], entry["masked"], entry["rows"]) == (audit.REVEAL, 0, 1)
    assert "王芳" in entry["detail"] and "13800138000" not in entry["detail"]


def test_audit_view_labels_reveals_and_user_exports_in_words(main_window, ctx, wang, qtbot, tmp_path):
    from workbench.contacts.user_export import export_users_csv

    audit.record_reveal(ctx.db, "用户 王芳", at=NOW)
    export_users_csv(ctx.db, tmp_path / "users.csv", unmasked=True, now=datetime(2026, 11, 25, 10, 0))
    main_window.show_audit_log()
    view = main_window.audit_view
    assert [view.cell_text(row, 1) for row in range(2)] == ["导出用户名单", "查看了完整手机号"]
    assert [view.cell_text(row, 3) for row in range(2)] == ["否——未打码", "否——未打码"]
    assert "export_users" not in {view.cell_text(row, 1) for row in range(2)}
    view.close()
    from workbench.ui.shell.pages import PAGES

    qtbot.waitUntil(lambda: len(main_window.pages) >= len(PAGES), timeout=10000)


# --- exports: the user list (the weekly review sheet: tests/review/test_review_export_masked.py) ----------------------------------------------
def test_user_export_masks_imported_phone_columns_unless_unmasked(db, db_path, tmp_path):
    create_user(db, name="王芳", phone="13800138000", notes=f"备用 {FULL}",
                attributes={"紧急联系人电话": "010-88886666", "借款次数": 3}, now=NOW)
    masked, full = tmp_path / "users.csv", tmp_path / "users_full.csv"
    assert main(["users", "export", "--db", str(db_path), str(masked)]) == 0
    assert main(["users", "export", "--db", str(db_path), "--unmasked", str(full)]) == 0
    with open(masked, encoding="utf-8-sig", newline="") as handle:
        header, row = list(csv.reader(handle))
    assert header[-2:] == ["紧急联系人电话", "借款次数"]
    assert row[2] == "138****8000" and row[8] == f"备用 {MASKED}" and row[-2:] == ["010****6666", "3"]
    with open(full, encoding="utf-8-sig", newline="") as handle:
        assert list(csv.reader(handle))[1][-2:] == ["010-88886666", "3"]
    assert [(e["action"], e["masked"], e["detail"]) for e in reversed(audit.entries(db))] == [
        (audit.EXPORT_USERS, 1, "用户名单: users.csv"), (audit.EXPORT_USERS, 0, "用户名单: users_full.csv")]


# --- the command line ------------------------------------------------------------------------------------
def test_cli_output_masks_phones_in_tasks_captures_findings_due_and_search(db, db_path, capsys, in_chinese):
    wang = create_user(db, name="王芳", phone="13800138000", now=NOW)
    log_contact(db, user_id=wang, summary=f"回拨 {FULL}", follow_up_due="2026-11-25",
                finding=("新需求", f"{FULL} 想要按周还款"), now=NOW)
    create_task(db, TYPED, notes="身份证 11010519491231002X", now=NOW)
    capsys.readouterr()
    commands = [["capture", "--dry-run", TYPED], ["capture", "--dry-run", "--json", TYPED], ["tasks"],
                ["tasks", "--json"], ["findings"], ["findings", "--json"], ["due", "--today", "2026-11-25"],
                ["search", "按周还款"], ["search", "--json", "回拨"]]
    for command in commands:
        assert main([*command, "--db", str(db_path), "--now", "2026-11-25T09:30"]) == 0
        out = capsys.readouterr().out
        assert out.strip() and FULL not in out and "11010519491231002X" not in out, command
        if "--json" in command:
            json.loads(out)  # still one JSON document
    assert main(["tasks", "--db", str(db_path)]) == 0
    assert SHOWN in capsys.readouterr().out
    assert main(["tasks", "--json", "--db", str(db_path)]) == 0
    listed = {t["title"]: t["notes"] for t in json.loads(capsys.readouterr().out)}
    assert listed[SHOWN] == "身份证 110*************2X"
    assert listed["跟进 王芳：联系"] == f"回拨 {MASKED}"  # the follow-up task carries the contact's summary
    assert db.execute("SELECT count(*) FROM tasks WHERE title = ?", [TYPED]).fetchone()[0] == 1  # stored as typed


def test_users_import_names_the_rows_whose_phone_is_not_a_mobile_in_one_sentence(db, db_path, tmp_path, capsys):
    path = tmp_path / "用户明细.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["用户ID", "姓名", "手机号", "紧急联系人电话"])
        writer.writerow(["U1", "王芳", "13800138000", "13912345678"])
        writer.writerow(["U2", "李雷", "1380013800", ""])  # a digit missing
        writer.writerow(["U3", "赵敏", "12345678901", ""])  # 11 digits, not a mobile
        writer.writerow(["U4", "钱多", "+86 139 0000 1111", ""])
    assert main(["users", "import", "--db", str(db_path), str(path)]) == 0
    out = capsys.readouterr().out
    warning = [line for line in out.splitlines() if "3, 4" in line or "3、4" in line]
    assert len(warning) == 1 and ("2 行" in warning[0] or warning[0].startswith("2 rows"))
    assert "13912345678" not in out
    assert main(["users", "import", "--db", str(db_path), "--json", str(path)]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert "3" in payload["phone_warning"] and "4" in payload["phone_warning"] and "5" not in payload["phone_warning"]


def test_user_import_dialog_summary_names_the_rows_with_invalid_phones(ctx, qtbot, tmp_path):
    from workbench.ui.contacts.user_dialogs import ImportUsersDialog

    path = tmp_path / "名单.csv"
    path.write_text("姓名,手机号\n王芳,13800138000\n李雷,1380013800\n", encoding="utf-8-sig")
    dialog = ImportUsersDialog(ctx, path=str(path))
    qtbot.addWidget(dialog)
    dialog.run_import()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10000)
    assert "1 行的手机号不是有效的大陆手机号（第 3 行），已照常导入，请核对。" in dialog.summary().splitlines()


# --- editors: a phone typed into a task or the weekly review is masked there too, until Reveal --------------
def test_task_editor_masks_the_title_and_notes_and_saves_the_real_text_until_reveal(ctx, qtbot):
    from workbench.tasks.repository import get_task
    from workbench.ui.tasks.task_dialog import TaskDialog

    task_id = create_task(ctx.db, TYPED, notes="备用 139 1234 5678", now=NOW)
    dialog = TaskDialog(ctx, get_task(ctx.db, task_id))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.title.text() == SHOWN and dialog.title.isReadOnly()
    assert dialog.notes.toPlainText() == "备用 139****5678" and dialog.notes.isReadOnly()
    assert dialog.masked.button.isVisible()
    dialog.tags.setText("回访")
    assert dialog.changes() == {"tags": ["回访"]}  # the masked text is never saved over the real one
    assert audit.entries(ctx.db) == []
    qtbot.mouseClick(dialog.masked.button, Qt.MouseButton.LeftButton)
    assert dialog.title.text() == TYPED and not dialog.title.isReadOnly()
    assert dialog.notes.toPlainText() == "备用 139 1234 5678" and not dialog.masked.button.isVisible()
    [entry] = audit.entries(ctx.db)
    assert entry["action"] == audit.REVEAL and f"任务 {task_id}" in entry["detail"]


def test_task_editor_without_personal_data_offers_no_reveal(ctx, qtbot):
    from workbench.tasks.repository import get_task
    from workbench.ui.tasks.task_dialog import TaskDialog

    dialog = TaskDialog(ctx, get_task(ctx.db, create_task(ctx.db, "写周报", now=NOW)))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.title.isReadOnly() and not dialog.masked.button.isVisible()


def test_weekly_review_sections_show_a_typed_phone_masked_until_reveal(ctx, qtbot):
    from workbench.review.repository import load_review, save_section
    from workbench.review.weeks import IsoWeek
    from workbench.ui.review.review_page import ReviewPage

    week = IsoWeek.of(NOW.date())
    save_section(ctx.db, week, "lessons", f"回访 {FULL} 要先核身份", now=NOW)
    page = ReviewPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    editor = page.editors["lessons"]
    assert editor.toPlainText() == f"回访 {MASKED} 要先核身份" and editor.isReadOnly()
    page.save_pending()
    assert load_review(ctx.db, week).section("lessons") == f"回访 {FULL} 要先核身份"
    qtbot.mouseClick(page.masked.button, Qt.MouseButton.LeftButton)
    assert editor.toPlainText() == f"回访 {FULL} 要先核身份" and not editor.isReadOnly()
    assert [e["action"] for e in audit.entries(ctx.db)] == [audit.REVEAL]


def test_reveal_on_a_read_only_file_keeps_the_data_hidden_and_says_why(ctx, db_path, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from workbench.store.connection import open_connection
    from workbench.tasks.repository import get_task
    from workbench.ui.tasks.task_dialog import TaskDialog

    task_id = create_task(ctx.db, TYPED, now=NOW)
    ctx.db = open_connection(db_path, readonly=True)
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: said.append(text))
    dialog = TaskDialog(ctx, get_task(ctx.db, task_id))
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.masked.button, Qt.MouseButton.LeftButton)
    assert dialog.title.text() == SHOWN and dialog.title.isReadOnly()
    assert len(said) == 1 and "个人信息保持隐藏" in said[0]
    ctx.db.close()
