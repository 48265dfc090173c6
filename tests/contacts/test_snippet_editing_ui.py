"""话术 change every week: the Ctrl+J picker adds, edits and deletes them, each undoable."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit

from workbench.contacts.snippets import create_snippet, list_snippets
from tests.conftest import PINNED_NOW


def fill_the_snippet_dialog(picker, title: str, body: str) -> None:
    """Type into the title/text dialog the picker opens next, then save it."""
    def fill():
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog is picker:
            QTimer.singleShot(20, fill)
            return
        dialog.findChild(QLineEdit).setText(title)
        dialog.findChild(QPlainTextEdit).setPlainText(body)
        dialog.accept()
    QTimer.singleShot(20, fill)


@pytest.fixture
def picker(ctx, qtbot):
    """The Ctrl+J picker over one snippet, 开场白."""
    from workbench.ui.contacts.snippet_picker import SnippetPicker

    create_snippet(ctx.db, "开场白", "{姓名}您好", now=PINNED_NOW)
    widget = SnippetPicker(ctx)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def titles(db) -> list[str]:
    return sorted(s.title for s in list_snippets(db))


def test_new_edit_and_delete_a_snippet_each_undoable(ctx, picker):
    fill_the_snippet_dialog(picker, "还款提醒", "{姓名}，您的账单{到期日}到期")
    picker.new_snippet()
    assert titles(ctx.db) == ["开场白", "还款提醒"]
    assert picker.list.count() == 2

    picker.list.setCurrentRow(next(i for i in range(2) if picker.list.item(i).text() == "开场白"))
    fill_the_snippet_dialog(picker, "开场白（新版）", "{姓名}您好，我是您的专属客户经理")
    picker.edit_snippet()
    assert titles(ctx.db) == ["开场白（新版）", "还款提醒"]
    assert "专属客户经理" in picker.preview.toPlainText()

    picker.delete_snippet()
    assert titles(ctx.db) == ["还款提醒"] and picker.list.count() == 1

    ctx.undo_stack.undo()  # the delete
    assert titles(ctx.db) == ["开场白（新版）", "还款提醒"]
    ctx.undo_stack.undo()  # the edit
    assert titles(ctx.db) == ["开场白", "还款提醒"]
    assert next(s for s in list_snippets(ctx.db) if s.title == "开场白").body == "{姓名}您好"
    ctx.undo_stack.undo()  # the new one
    assert titles(ctx.db) == ["开场白"]
    ctx.undo_stack.redo()
    assert titles(ctx.db) == ["开场白", "还款提醒"]


def test_an_emptied_text_changes_nothing(ctx, picker):
    fill_the_snippet_dialog(picker, "开场白", "   ")
    picker.edit_snippet()
    assert [(s.title, s.body) for s in list_snippets(ctx.db)] == [("开场白", "{姓名}您好")]
    assert ctx.undo_stack.count() == 0
