"""The first run on an empty database: the welcome page, the demo button, a first import."""
from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QLabel

from workbench.schema_facts import COUNTED_TABLES
from workbench.store.integrity import table_counts
from workbench.ui.common.changes import Changes
from tests.conftest import PINNED_NOW


def test_an_empty_database_opens_on_the_welcome_page(main_window):
    assert main_window.welcome_visible()
    welcome = main_window.welcome
    text = [label.text() for label in welcome.findChildren(QLabel)]
    assert "欢迎使用运营工作台" in text
    # one line for each of the five areas, in the rail's order, plus the capture shortcut
    for title in ["收件箱", "联系记录", "PDCA", "数据看板", "周复盘"]:
        assert title in text
    assert any("Ctrl+N" == t for t in text)
    assert welcome.demo_button.text() == "载入演示数据"


def test_load_demo_fills_the_database_and_shows_the_matrix(main_window, ctx, qtbot):
    from workbench.ui.tasks.matrix_page import MatrixPage

    assert not any(table_counts(ctx.db, COUNTED_TABLES).values())
    qtbot.mouseClick(main_window.welcome.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not main_window.welcome_visible(), timeout=60_000)
    counts = table_counts(ctx.db, COUNTED_TABLES)
    assert counts["tasks"] > 0 and counts["users"] > 0
    assert main_window.current_area() == "tasks"
    assert isinstance(main_window.page("tasks"), MatrixPage)
    assert main_window.page("tasks").isVisible()
    assert main_window.rail.currentRow() == 0


def test_the_welcome_page_hands_a_first_report_to_the_importer(main_window, ctx, qtbot, report_files):
    """The button asks for a file (the import dialog's file chooser opens); a dropped file goes
    straight to the import dialog."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog

    requested, modal = [], []
    ctx.events.import_requested.connect(requested.append)

    def close_the_chooser():
        widget = QApplication.activeModalWidget()
        modal.append(type(widget))
        widget.reject()

    QTimer.singleShot(300, close_the_chooser)
    qtbot.mouseClick(main_window.welcome.import_button, Qt.MouseButton.LeftButton)
    assert requested == [""]
    assert modal == [QFileDialog]
    main_window.import_dialog.close()

    report = report_files.core.late
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(report))])
    drop = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    main_window.welcome.drop_zone.dropEvent(drop)
    assert requested == ["", str(report)]
    assert main_window.import_dialog.isVisible()
    main_window.import_dialog.close()


def test_data_arriving_from_an_import_replaces_the_welcome_page(main_window, ctx):
    from workbench.tasks.repository import create_task

    ctx.events.changed.emit(Changes(reports=True))  # nothing arrived yet: the welcome page stays
    assert main_window.welcome_visible()
    create_task(ctx.db, "first row of an import", now=PINNED_NOW)  # stands for the rows an import writes
    ctx.events.changed.emit(Changes(reports=True))
    assert not main_window.welcome_visible()
    assert main_window.current_area() == "dashboard"


def test_start_empty_goes_to_the_inbox(main_window, qtbot):
    qtbot.mouseClick(main_window.welcome.empty_button, Qt.MouseButton.LeftButton)
    assert not main_window.welcome_visible()
    assert main_window.current_area() == "tasks"


def test_a_database_with_data_opens_on_the_last_page(qapp, demo_db, db_path, qtbot):
    from workbench.app import build_context, prepare_ui
    from workbench.ui.shell.main_window import MainWindow

    context = build_context(db_path, demo_db)
    prepare_ui(qapp, context.settings, "zh_CN")
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    assert not window.welcome_visible()
    assert window.stack.currentWidget().isVisible()
