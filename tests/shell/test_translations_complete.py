"""Every screen in each language: no English left in the Chinese UI, no Chinese-only text in the English UI.

Each failure names the screen and the text, so the area that owns it knows what to translate
(python tools/i18n.py missing AREA lists the same gaps from the .ts side).
"""
from __future__ import annotations

import re
from datetime import date

import pytest
from screen_texts import data_text, every_screen, shows_source, untranslated_sources

DEMO_TODAY = date(2026, 11, 25)  # as tests/conftest.py

# Words that stay as they are in the Chinese UI (names of methods, formats, keys, fonts).
KEPT_IN_CHINESE_UI = {
    "PDCA", "RFM", "SOP", "LTV", "CAC", "DAU", "MAU", "AARRR", "KPI", "GMV", "ROI", "CSV", "Excel", "xlsx",
    "xls", "csv", "SQLite", "Ctrl", "Shift", "Alt", "Enter", "Esc", "Del", "Tab", "Space", "Backspace",
    "Noto", "Sans", "CJK", "Microsoft", "YaHei", "PingFang", "Recency", "Frequency", "Monetary", "ISO",
    "Home", "End", "PgUp", "PgDown", "Return", "Delete", "WeChat", "Ops", "Workbench", "English",
    "PNG", "SVG", "PDF", "MB", "KB",
}
# Chinese that stays in the English UI: the language's own name in the language chooser.
KEPT_IN_ENGLISH_UI = {"简体中文"}
WORD = re.compile(r"[A-Za-z]{3,}")
CJK = re.compile(r"[\u3400-\u9fff]+")
PATHLIKE = re.compile(r"(\S*[/\\]\S*|\S+\.(db|xlsx|xls|csv|png|json|log)\b)")


@pytest.fixture(scope="module")
def demo_database(tmp_path_factory):
    from workbench.demo import fill_demo
    from workbench.store import open_database

    path = tmp_path_factory.mktemp("translations") / "workbench.db"
    db = open_database(path)
    fill_demo(db, today=DEMO_TODAY)
    yield path, db
    db.close()


def _screens(qapp, demo_database, lang: str) -> list[tuple[str, str]]:
    from workbench.app import build_context, prepare_ui
    from workbench.ui.shell.main_window import MainWindow

    path, db = demo_database
    ctx = build_context(path, db)
    ctx.settings.clear()
    prepare_ui(qapp, ctx.settings, lang)
    window = MainWindow(ctx)
    window.resize(1440, 900)
    window.show()
    try:
        return every_screen(window)
    finally:
        window.close()
        window.deleteLater()
        prepare_ui(qapp, ctx.settings, "zh_CN")


@pytest.fixture(scope="module")
def chinese_screens(qapp, demo_database):
    return _screens(qapp, demo_database, "zh_CN")


@pytest.fixture(scope="module")
def english_screens(qapp, demo_database):
    return _screens(qapp, demo_database, "en")


def _report(found: list[str]) -> str:
    """One line per text, with the screens it shows on (the capture bar is on all of them)."""
    screens: dict[str, list[str]] = {}
    for entry in found:
        screen, _, text = entry.partition(": ")
        screens.setdefault(text, []).append(screen)
    lines = [f"{text}  — on {', '.join(sorted(set(where))[:4])}{' …' if len(set(where)) > 4 else ''}"
             for text, where in sorted(screens.items())]
    return f"{len(lines)} untranslated:\n" + "\n".join(lines)


def test_every_screen_was_walked(chinese_screens):
    screens = {screen for screen, _ in chinese_screens}
    assert {"menus", "tasks", "contacts", "pdca", "dashboard", "review", "welcome", "help", "settings-0"} <= screens


def test_chinese_ui_shows_no_source_string_left_untranslated(chinese_screens):
    missing = untranslated_sources()
    found = [f"{screen}: {text!r} (area {missing[source]})"
             for screen, text in chinese_screens for source in missing if shows_source(text, source)]
    assert not found, _report(found)


def test_chinese_ui_shows_no_english_words_that_are_not_data(chinese_screens, demo_database):
    data = data_text(demo_database[1])
    found = []
    for screen, text in chinese_screens:
        for word in WORD.findall(PATHLIKE.sub(" ", text)):
            if word not in KEPT_IN_CHINESE_UI and word not in data:
                found.append(f"{screen}: {text!r}")
                break
    assert not found, _report(found)


def test_english_ui_shows_no_chinese_that_is_not_data(english_screens, demo_database):
    data = data_text(demo_database[1])
    found = []
    for screen, text in english_screens:
        for run in CJK.findall(PATHLIKE.sub(" ", text)):
            if run not in KEPT_IN_ENGLISH_UI and run not in data:
                found.append(f"{screen}: {text!r}")
                break
    assert not found, _report(found)


def test_shell_texts_are_all_translated(chinese_screens):
    """The shell's own screens (menus, welcome, help, settings) have no gap at all."""
    missing = untranslated_sources()
    shell_screens = {"menus", "welcome", "help"} | {f"settings-{i}" for i in range(6)}
    found = [f"{screen}: {text!r}" for screen, text in chinese_screens if screen in shell_screens
             for source in missing if shows_source(text, source)]
    assert not found, _report(found)
