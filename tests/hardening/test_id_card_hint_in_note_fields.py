"""Every note field warns when it holds an ID-card number (the app has no business keeping one)."""
from __future__ import annotations

from workbench.contacts.users import create_user
from workbench.tasks.repository import create_task, get_task
from workbench.ui.contacts.user_dialogs import UserDetailDialog
from workbench.ui.tasks.task_dialog import TaskDialog
from tests.conftest import PINNED_NOW

ID_NOTE = "客户发来身份证 11010519491231002X 请核对"


def _assert_hint_follows_notes(dialog, qtbot):
    qtbot.addWidget(dialog)
    dialog.show()
    hint = dialog.personal_data_hint
    assert not hint.isVisible()
    dialog.notes.setPlainText(ID_NOTE)
    assert hint.isVisible() and "身份证" in hint.text()
    dialog.notes.setPlainText("只是普通备注")
    assert not hint.isVisible()


def test_task_notes_warn_about_an_id_card_number(ctx, qtbot):
    task_id = create_task(ctx.db, "核对资料", important=True, now=PINNED_NOW)
    _assert_hint_follows_notes(TaskDialog(ctx, get_task(ctx.db, task_id)), qtbot)


def test_user_notes_warn_about_an_id_card_number(ctx, qtbot):
    user_id = create_user(ctx.db, name="王芳", phone="13812341234", now=PINNED_NOW)
    _assert_hint_follows_notes(UserDetailDialog(ctx, user_id), qtbot)
