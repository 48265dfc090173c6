"""Walk every screen of the window and collect the text a person would read on it.

Used by the translation tests. "Every screen": each area's page and its screenshot_states(), the
welcome page, the help page, each settings section and every menu. "Text": labels, buttons, titles,
placeholders, tooltips, combo box entries, tab and header labels, list entries — not what the operator
typed into an editor.
"""
from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QGroupBox, QHeaderView, QLabel,
                               QLineEdit, QListWidget, QMenu, QTabWidget, QTextBrowser, QWidget)

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"
TAG = re.compile(r"<[^>]+>")


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def widget_texts(root: QWidget) -> list[str]:
    texts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        if widget.isWindow() and widget.windowTitle():
            texts.append(widget.windowTitle())
        if widget.toolTip():
            texts.append(widget.toolTip())
        if isinstance(widget, QLabel):
            texts.append(widget.text())
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTextBrowser):
            texts.extend(widget.toPlainText().splitlines())
        elif isinstance(widget, QComboBox):
            texts.extend(widget.itemText(i) for i in range(widget.count()))
        elif isinstance(widget, QTabWidget):
            texts.extend(widget.tabText(i) for i in range(widget.count()))
        if isinstance(widget, QListWidget):
            texts.extend(widget.item(i).text() for i in range(widget.count()))
        if isinstance(widget, QHeaderView) and widget.orientation() == Qt.Orientation.Horizontal and widget.model():
            for section in range(widget.count()):
                value = widget.model().headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
                if isinstance(value, str):
                    texts.append(value)
    return [html.unescape(TAG.sub("", t)).strip() for t in texts if t and t.strip()]


def menu_texts(menu_bar) -> list[str]:
    texts = []

    def walk(menu: QMenu) -> None:
        texts.append(menu.title())
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu())
            elif action.text():
                texts.append(action.text())

    for top in menu_bar.actions():
        if top.menu() is not None:
            walk(top.menu())
    return texts


def every_screen(window) -> list[tuple[str, str]]:
    """(screen name, text) for everything the window shows, screen by screen."""
    from workbench.ui.shell.pages import PAGES

    found: list[tuple[str, str]] = [("menus", t) for t in menu_texts(window.menuBar())]
    for spec in PAGES:
        window.show_area(spec.key)
        _settle()
        found += [(spec.key, t) for t in widget_texts(window)]
        page = window.page(spec.key)
        for suffix, enter in getattr(page, "screenshot_states", lambda: [])():
            enter()
            _settle()
            found += [(f"{spec.key}-{suffix}", t) for t in widget_texts(window)]
        window.show_area(spec.key)
    window.show_welcome()
    _settle()
    found += [("welcome", t) for t in widget_texts(window)]
    window.show_area("tasks")
    window.show_help()
    _settle()
    found += [("help", t) for t in widget_texts(window.help_dialog)]
    window.help_dialog.close()
    window.show_settings()
    dialog = window.settings_dialog
    for row in range(dialog.sections.count()):
        dialog.show_section(row)
        _settle()
        found += [(f"settings-{row}", t) for t in widget_texts(dialog)]
    dialog.reject()
    return found


def untranslated_sources() -> dict[str, str]:
    """English source text → area, for every message a .ts file leaves without Chinese."""
    missing = {}
    for ts in sorted(I18N.glob("*_zh_CN.ts")):
        area = ts.name.removesuffix("_zh_CN.ts")
        for message in ET.parse(ts).getroot().iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") == "unfinished" or not (translation.text or "").strip():
                missing[message.findtext("source")] = area
    return missing


def shows_source(text: str, source: str) -> bool:
    """Does the visible text show this source string (placeholders %1… filled in, & mnemonics gone)?"""
    plain = source.replace("&", "")
    if "%" not in plain:
        return text.replace("&", "") == plain
    pattern = re.escape(plain)
    pattern = re.sub(r"%(\d|n)", ".*", pattern)
    return re.fullmatch(pattern, text.replace("&", ""), flags=re.S) is not None


def data_text(db) -> str:
    """Every text value the database holds: what pages show from it is data, not UI text."""
    chunks = []
    tables = [row[0] for row in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'").fetchall()]
    for table in tables:
        if table.startswith(("_", "sqlite_")) or "_fts" in table:
            continue
        for row in db.execute(f"SELECT * FROM [{table}]").fetchall():
            chunks.extend(v for v in row if isinstance(v, str))
    return "\n".join(chunks)
