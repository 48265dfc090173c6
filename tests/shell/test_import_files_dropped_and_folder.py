"""Imports without friction (issue 18 part 4): a spreadsheet dropped on the window opens the import for it,
any other file gets one sentence; both file dialogs start in the folder last used, which the settings keep."""
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from tests.report_files.plain import write_xlsx


def _drop(widget, *paths: Path) -> QDropEvent:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    return drop


@pytest.fixture
def report(tmp_path) -> Path:
    folder = tmp_path / "周报"
    folder.mkdir()
    return write_xlsx(folder / "渠道日报.xlsx", ["日期", "渠道", "新增"], [["2026-11-20", "抖音", 12]])


def test_a_dropped_spreadsheet_opens_the_import_for_it(main_window, qtbot, report):
    main_window.show_area("tasks")
    _drop(main_window, report)
    dialog = main_window.import_dialog
    assert dialog.isVisible() and dialog.file_label.text() == "渠道日报.xlsx"
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=15000)
    dialog.close()


def test_another_file_gets_one_sentence_and_no_dialog(main_window, qtbot, tmp_path):
    shown = []
    main_window.ctx.events.status_message.connect(shown.append)
    picture = tmp_path / "截图.png"
    picture.write_bytes(b"\x89PNG")
    _drop(main_window, picture)
    assert shown == ["只能导入 Excel 或 CSV 文件（.xlsx、.xls、.csv），“截图.png”不是。"]
    assert getattr(main_window, "import_dialog", None) is None
    assert main_window.statusBar().currentMessage() == shown[0]


def test_the_file_dialogs_start_in_the_last_folder_used(main_window, qtbot, monkeypatch, report, tmp_path):
    users = tmp_path / "名单" / "召回名单.csv"
    users.parent.mkdir()
    users.write_text("姓名,手机号\n王芳,13800138000\n", encoding="utf-8")
    asked, answers = [], [str(users), str(report)]

    def fake_open(parent, caption, folder, file_filter, *args, **kwargs):
        asked.append(folder)
        return answers.pop(0), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(fake_open))
    from workbench.ui.contacts.user_dialogs import ImportUsersDialog

    user_dialog = ImportUsersDialog(main_window.ctx, main_window)
    qtbot.addWidget(user_dialog)
    user_dialog.show()
    user_dialog.choose_file()
    assert asked == [str(Path.home())]  # nothing used yet
    assert user_dialog.file_label.text() == "召回名单.csv · 1 行"
    main_window.ctx.events.import_requested.emit("")  # 文件 › 导入报表: the report import asks for a file
    assert asked == [str(Path.home()), str(users.parent)]
    main_window.import_dialog.close()
    assert main_window.ctx.settings.value("imports/last_folder") == str(report.parent)


def test_the_user_list_import_takes_a_dropped_file(main_window, qtbot, tmp_path):
    from workbench.ui.contacts.user_dialogs import ImportUsersDialog

    users = tmp_path / "召回名单.csv"
    users.write_text("姓名,手机号\n王芳,13800138000\n李雷,13900139000\n", encoding="utf-8")
    dialog = ImportUsersDialog(main_window.ctx, main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    _drop(dialog, users)
    assert dialog.file_label.text() == "召回名单.csv · 2 行"
    assert main_window.ctx.settings.value("imports/last_folder") == str(tmp_path)
    other = tmp_path / "说明.docx"
    other.write_bytes(b"PK")
    _drop(dialog, other)
    assert dialog.message.text() == "只能导入 Excel 或 CSV 文件（.xlsx、.xls、.csv），“说明.docx”不是。"
    assert dialog.file_label.text() == "召回名单.csv · 2 行"  # the list read before stays
