"""Operations that write end with one typed change; a cancelled import writes nothing; a job outlives the
dialog that started it (ui/common/operation.py)."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QEvent

from workbench.errors import UserError
from workbench.ui.common.changes import Changes
from workbench.ui.common.operation import run_operation, running_operations
from tests.conftest import PINNED_NOW


def _record(ctx):
    seen = []
    ctx.events.changed.connect(lambda changes: seen.append(changes))
    return seen


def _add_task(db):
    from workbench.store import write_transaction

    with write_transaction(db):
        db.execute("INSERT INTO tasks (title, created_at) VALUES ('写周报', '2026-11-25T09:00')")
    return db.execute("SELECT count(*) FROM tasks").fetchone()[0]


def test_a_finished_operation_emits_its_changes_once_after_done(ctx, qtbot):
    seen = _record(ctx)
    order = []
    ctx.events.changed.connect(lambda changes: order.append("changed"))
    run_operation(ctx, _add_task, done=lambda count: order.append(("done", count)), changes=Changes(tasks=True))
    qtbot.waitUntil(lambda: running_operations() == 0, timeout=5000)
    assert order == [("done", 1), "changed"]
    assert seen == [Changes(tasks=True)]
    assert ctx.db.execute("SELECT title FROM tasks").fetchall() == [("写周报",)]


def test_changes_can_follow_from_the_result_and_nothing_is_said_when_nothing_changed(ctx, qtbot):
    seen = _record(ctx)
    run_operation(ctx, lambda db: 0, changes=lambda purged: Changes(contacts=purged > 0))
    run_operation(ctx, lambda db: 3, changes=lambda purged: Changes(contacts=purged > 0))
    qtbot.waitUntil(lambda: running_operations() == 0, timeout=5000)
    assert seen == [Changes(contacts=True)]


def test_a_failed_operation_shows_its_sentence_and_announces_no_change(ctx, qtbot):
    seen = _record(ctx)
    sentences = []

    def refuse(db):
        raise UserError("磁盘已满。", "The disk is full.")

    run_operation(ctx, refuse, failed=sentences.append, changes=Changes(tasks=True))
    qtbot.waitUntil(lambda: bool(sentences), timeout=5000)
    assert sentences == ["磁盘已满。"] and seen == []


def _import_dialog_with_plan(ctx, qtbot, report_files):
    from workbench.ui.imports.import_dialog import ImportDialog

    dialog = ImportDialog(ctx, str(report_files.core.early))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=15000)
    return dialog


def test_a_cancelled_import_leaves_the_database_unchanged(ctx, qtbot, report_files):
    from workbench.reports.datasets import list_datasets

    dialog = _import_dialog_with_plan(ctx, qtbot, report_files)
    seen = _record(ctx)
    ctx.db.execute("BEGIN IMMEDIATE")  # another writer holds the file: the import waits for it
    try:
        dialog.import_button.click()
        qtbot.waitUntil(lambda: dialog.job.handle.busy, timeout=15000)  # running, on its own connection
        assert dialog.cancel_button.text() == "取消"
        dialog.cancel_button.click()
        assert dialog.status.text() == "正在取消…"
    finally:
        ctx.db.execute("COMMIT")
    qtbot.waitUntil(lambda: dialog.job is None, timeout=15000)
    assert dialog.status.text() == "导入已取消，数据库没有任何改动。"
    assert dialog.cancel_button.text() == "关闭" and dialog.result is None
    assert list_datasets(ctx.db) == [] and ctx.db.execute("SELECT count(*) FROM imports").fetchone()[0] == 0
    assert seen == [] and ctx.undo_stack.count() == 0


def test_an_import_ends_with_the_reports_change_and_its_toast(ctx, qtbot, report_files):
    dialog = _import_dialog_with_plan(ctx, qtbot, report_files)
    seen, toasts = _record(ctx), []
    ctx.events.confirmation.connect(lambda text, actions: toasts.append(text))
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=30000)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [Changes(reports=True)]
    assert toasts == [dialog.status.text()] and toasts[0].startswith("已导入")
    assert ctx.undo_stack.count() == 1


def test_a_user_import_outlives_the_dialog_that_started_it(ctx, qtbot, tmp_path):
    from workbench.ui.contacts.user_dialogs import ImportUsersDialog

    users = tmp_path / "用户明细.csv"
    users.write_text("用户ID,姓名,手机号\nU001,王芳,13800138000\nU002,李雷,13900139000\n", encoding="utf-8-sig")
    dialog = ImportUsersDialog(ctx, path=str(users))
    dialog.show()
    seen = _record(ctx)
    ctx.db.execute("BEGIN IMMEDIATE")  # the import waits for the file while the operator closes the dialog
    try:
        dialog.buttons.accepted.emit()
        job = dialog.job
        qtbot.waitUntil(lambda: job.handle.busy, timeout=5000)
        dialog.reject()
        dialog.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    finally:
        ctx.db.execute("COMMIT")
    qtbot.waitUntil(lambda: job.finished, timeout=10000)
    names = [row[0] for row in ctx.db.execute("SELECT name FROM users ORDER BY external_id")]
    assert names == ["王芳", "李雷"]
    assert seen == [Changes(contacts=True, tasks=True)], "the window still hears of the users"


def test_the_start_up_purge_announces_the_contacts_it_removed(ctx, qtbot):
    from workbench.contacts.contact_log import log_contact
    from workbench.contacts.users import create_user
    from workbench.retention import set_retention_months
    from workbench.ui.shell.startup_checks import check_and_back_up, check_changes

    user = create_user(ctx.db, name="王芳", now=PINNED_NOW)
    log_contact(ctx.db, user_id=user, summary="很久以前的预算问题", now=datetime(2024, 1, 5, 10))
    log_contact(ctx.db, user_id=user, summary="最近的还款问题", now=PINNED_NOW)
    set_retention_months(ctx.db, 12)
    seen, reports = _record(ctx), []
    run_operation(ctx, check_and_back_up(ctx.db_path, ctx.clock), connect=False, with_job=True,
                  done=reports.append, changes=check_changes)
    qtbot.waitUntil(lambda: bool(reports), timeout=20000)
    assert reports[0].verdict == "ok" and reports[0].purged == 1
    assert [row[0] for row in ctx.db.execute("SELECT summary FROM contacts")] == ["最近的还款问题"]
    assert seen == [Changes(contacts=True)]
