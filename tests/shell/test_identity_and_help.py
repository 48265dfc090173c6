"""App identity (version, name, icon) and the help page (F1)."""
from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def test_version_flag_matches_the_package_metadata():
    result = subprocess.run([sys.executable, "-m", "workbench", "--version"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert result.stdout.strip() == f"workbench {version('ops-workbench')}"


def test_about_shows_the_package_version(main_window):
    assert version("ops-workbench") in main_window.about_text()
    assert main_window.windowTitle() == "workbench.db"
    assert QApplication.applicationDisplayName() == "运营工作台", "Qt shows it after the title"
    main_window.set_language("en")
    assert QApplication.applicationDisplayName() == "Ops Workbench"
    main_window.set_language("zh_CN")


def test_the_icon_has_every_size_down_to_16_px(qapp):
    from workbench.ui.common.icons import app_icon

    sizes = {(s.width(), s.height()) for s in app_icon().availableSizes()}
    assert {(16, 16), (32, 32), (256, 256)} <= sizes
    image = app_icon().pixmap(16, 16).toImage()
    colours = {image.pixel(x, y) for x in range(16) for y in range(16)}
    assert len(colours) > 6, "the 16 px icon is not a blur"


def test_f1_opens_help_listing_every_menu_shortcut_and_the_capture_syntax(main_window, qtbot):
    from workbench.ui.shell.help_dialog import menu_shortcuts

    qtbot.keyClick(main_window, Qt.Key.Key_F1)
    dialog = main_window.help_dialog
    assert dialog.isVisible() and dialog.windowTitle() == "帮助"
    text = dialog.browser.toPlainText()
    shortcuts = menu_shortcuts(main_window.menuBar())
    assert len(shortcuts) >= 12
    for _menu, what, keys in shortcuts:
        assert keys in text and what in text
    for expected in ["Ctrl+N", "Ctrl+1", "Ctrl+,", "F1", "记一笔", "快速记录任务", "@", "#", "明天下午3点"]:
        assert expected in text


def test_ctrl_comma_opens_the_settings(main_window, qtbot):
    qtbot.keyClick(main_window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    assert main_window.settings_dialog.isVisible()
    assert main_window.settings_dialog.windowTitle() == "设置"
    main_window.settings_dialog.reject()
