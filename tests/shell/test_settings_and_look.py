"""The settings dialog, the light/dark scheme, backups into a chosen folder, the status line."""
from __future__ import annotations

import pytest

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from workbench import stored_settings


def _save(dialog, qtbot):
    button = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _type_into(spin, qtbot, value: int):
    spin.selectAll()
    qtbot.keyClicks(spin, str(value))


def test_settings_persist_in_qsettings_and_the_database(main_window, ctx, qtbot, tmp_path):
    main_window.show_settings()
    dialog = main_window.settings_dialog
    _type_into(dialog.promote_days, qtbot, 3)
    _type_into(dialog.backup_keep, qtbot, 14)
    _type_into(dialog.retention, qtbot, 12)
    dialog.mask_exports.setChecked(False)
    _type_into(dialog.alert_spins["red"], qtbot, 40)
    dialog.backup_folder.setText(str(tmp_path / "copies"))
    _save(dialog, qtbot)
    assert not dialog.isVisible()
    assert main_window.page("tasks").promote_within_days() == 3, "the matrix reads the same setting"
    assert int(ctx.settings.value("backup/keep")) == 14
    assert ctx.settings.value("backup/folder") == str(tmp_path / "copies")
    assert stored_settings.get(ctx.db, stored_settings.PROMOTE_DAYS) == 3
    assert stored_settings.get(ctx.db, stored_settings.RETENTION_MONTHS) == 12
    assert stored_settings.get(ctx.db, stored_settings.MASK_EXPORTS) is False
    assert stored_settings.get(ctx.db, stored_settings.ALERT_THRESHOLDS) == {"yellow": 10, "orange": 20, "red": 40}
    main_window.show_settings()
    again = main_window.settings_dialog
    assert again.promote_days.value() == 3 and again.retention.value() == 12 and not again.mask_exports.isChecked()
    again.reject()


def test_thresholds_that_do_not_rise_are_refused_inline(main_window, ctx, qtbot):
    main_window.show_settings(5)
    dialog = main_window.settings_dialog
    _type_into(dialog.alert_spins["orange"], qtbot, 5)
    _save(dialog, qtbot)
    assert dialog.isVisible()
    assert dialog.error.isVisible() and "黄色 < 橙色 < 红色" in dialog.error.text()
    assert ctx.db.execute("SELECT count(*) FROM settings").fetchone()[0] == 0, "nothing was saved"
    dialog.reject()


def test_stored_settings_defaults_and_unreadable_values(db):
    assert stored_settings.get(db, stored_settings.PROMOTE_DAYS) == 2
    db.execute("INSERT INTO settings (key, value) VALUES ('tasks/promote_days', 'not json')")
    assert stored_settings.get(db, stored_settings.PROMOTE_DAYS) == 2


def test_language_from_settings_rebuilds_the_window_in_english(main_window, ctx, qtbot):
    main_window.show_settings()
    dialog = main_window.settings_dialog
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    _save(dialog, qtbot)
    assert main_window.rail.titles()[0] == "Inbox"
    assert ctx.settings.value("ui/language") == "en"
    main_window.set_language("zh_CN")


def test_dark_scheme_restyles_the_app_and_tells_listeners(qapp, main_window):
    from workbench.ui.common import theme
    from workbench.ui.common.icons import icon

    heard = []
    theme.scheme_notifier().changed.connect(heard.append)
    light_icon = icon("mdi6.inbox").pixmap(24, 24).toImage()
    try:
        theme.reapply_scheme(qapp, force=theme.DARK)
        assert heard == [theme.DARK]
        assert theme.DARK.window in qapp.styleSheet()
        assert qapp.palette().window().color().name() == theme.DARK.window
        assert icon("mdi6.inbox").pixmap(24, 24).toImage() != light_icon, "icons follow the scheme"
    finally:
        theme.follow_system_scheme(qapp)
        theme.scheme_notifier().changed.disconnect(heard.append)
    # offscreen reports no scheme (Unknown) ⇒ light
    assert theme.current_scheme() is theme.LIGHT
    assert theme.LIGHT.window in qapp.styleSheet()


def test_backups_go_to_the_chosen_folder_and_keep_the_count(ctx, tmp_path):
    from workbench.ui.shell import backup_location

    folder = tmp_path / "elsewhere"
    ctx.settings.setValue("backup/folder", str(folder))
    ctx.settings.setValue("backup/keep", 2)
    for minute in range(4):
        backup_location.back_up_now(ctx.db, ctx.db_path, ctx.settings, now=datetime(2026, 11, 25, 9, minute))
    kept = sorted(p.name for p in folder.glob("*.db"))
    assert kept == ["workbench-20261125-090200.db", "workbench-20261125-090300.db"]
    assert backup_location.last_backup_time(ctx.settings, ctx.db_path) == datetime(2026, 11, 25, 9, 3)
    assert not (ctx.db_path.parent / "backups").exists()


def test_status_line_shows_database_backup_and_counts(main_window, ctx, qtbot):
    text = main_window.status_line.text.text()
    assert text.startswith("数据库 workbench.db · 尚未备份")
    main_window.back_up_now()
    main_window.back_up_now()  # again while it runs: still one backup
    qtbot.waitUntil(lambda: "已备份 今天" in main_window.status_line.text.text(), timeout=10000)
    assert len(list((ctx.db_path.parent / "backups").glob("workbench-*.db"))) == 1
    assert main_window.statusBar().currentMessage().startswith("备份已写入")
    main_window._badges = {"tasks": "12", "dashboard": "1"}
    main_window.update_status()
    assert main_window.status_line.text.text().endswith("待分拣 12 · 预警 1")


def test_a_missing_chinese_font_is_reported_in_the_status_bar_after_the_first_frame(ctx, qtbot, monkeypatch):
    from workbench.ui.common import theme
    from workbench.ui.shell.main_window import MainWindow

    monkeypatch.setattr(theme, "cjk_font_families", lambda: [])
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.status_line.font_warning.isVisible())
    assert "Noto Sans CJK SC" in window.status_line.font_warning.text()


def test_no_font_warning_when_a_chinese_font_exists(main_window):
    from workbench.ui.common.theme import cjk_font_families

    assert cjk_font_families(), "fonts-noto-cjk is installed here"
    assert not main_window.status_line.font_warning.isVisible()


@pytest.mark.parametrize("platform, first", [("win32", "Microsoft YaHei UI"), ("darwin", "PingFang SC"),
                                             ("linux", "Noto Sans CJK SC")])
def test_the_ui_font_asks_for_the_systems_own_chinese_family_first(qapp, monkeypatch, platform, first):
    from workbench.ui.common import theme

    monkeypatch.setattr(theme.sys, "platform", platform)
    families = theme.ui_font().families()
    assert families[0] == first
    assert sorted(families[:len(theme.PREFERRED_CJK_FONTS)]) == sorted(theme.PREFERRED_CJK_FONTS)
    assert theme.ui_font().pixelSize() == 13


def test_chinese_text_is_drawn_with_the_installed_cjk_family(qapp):
    from PySide6.QtGui import QFontInfo

    from workbench.ui.common.theme import ui_font

    assert QFontInfo(ui_font()).family() == "Noto Sans CJK SC"  # fonts-noto-cjk, first on Linux


def test_every_page_is_built_after_start_up_so_the_rail_shows_all_badges(ctx, qtbot):
    from datetime import date

    from workbench.demo import fill_demo
    from workbench.ui.shell.main_window import MainWindow
    from workbench.ui.shell.nav_rail import BADGE_ROLE
    from workbench.ui.shell.pages import PAGES

    fill_demo(ctx.db, today=date(2026, 11, 25))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    assert set(window.pages) == {"tasks"}, "only the shown page is built at start-up"
    qtbot.waitUntil(lambda: set(window.pages) == {spec.key for spec in PAGES}, timeout=20_000)
    qtbot.wait(100)
    inbox_badge = window.rail.item(0).data(BADGE_ROLE)
    assert inbox_badge and int(inbox_badge) > 0
    assert f"待分拣 {inbox_badge}" in window.status_line.text.text()


def test_the_window_uses_fusion_where_the_platform_default_is_another_style():
    import os
    import subprocess
    import sys

    code = "from workbench.app import create_application; print(create_application().style().name())"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_STYLE_OVERRIDE": "Windows"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert out.stdout.strip() == "fusion"


def test_after_a_switch_to_dark_every_badge_comes_back(ctx, qtbot, qapp):
    from datetime import date

    from workbench.demo import fill_demo
    from workbench.ui.common import theme
    from workbench.ui.shell.main_window import MainWindow
    from workbench.ui.shell.nav_rail import BADGE_ROLE
    from workbench.ui.shell.pages import PAGES

    fill_demo(ctx.db, today=date(2026, 11, 25))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    everything = {spec.key for spec in PAGES}
    qtbot.waitUntil(lambda: set(window.pages) == everything, timeout=20_000)
    qtbot.wait(100)
    badges = [window.rail.item(row).data(BADGE_ROLE) for row in range(len(PAGES))]
    assert badges[0] and badges[1], badges  # 收件箱 and 联系记录 have counts on the demo
    try:
        theme.reapply_scheme(qapp, force=theme.DARK)
        assert set(window.pages) == {"tasks"}, "the switch rebuilds the pages"
        qtbot.waitUntil(lambda: set(window.pages) == everything, timeout=20_000)
        qtbot.wait(100)
        assert [window.rail.item(row).data(BADGE_ROLE) for row in range(len(PAGES))] == badges
    finally:
        theme.follow_system_scheme(qapp)
