"""帮助 (F1): every keyboard shortcut of the window and its pages, and the capture syntax with examples.

The shortcut list is read from the live menus and from each page's optional shortcuts(), so it
cannot drift from what the keys really do.
"""
from __future__ import annotations

import re
from html import escape

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMenu, QTextBrowser, QVBoxLayout

from workbench.ui.shell.pages import PAGES


def plain_text(menu_text: str) -> str:
    """A menu entry without its mnemonic: "打开数据库(&O)…" → "打开数据库", "&Open database…" → "Open database"."""
    return re.sub(r"\s*\(&?\w\)", "", menu_text).replace("&", "").rstrip("…").strip()


def menu_shortcuts(menu_bar) -> list[tuple[str, str, str]]:
    """(menu title, action text, keys) for every menu action that has a shortcut."""
    found = []

    def walk(menu: QMenu, title: str) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), title)
            elif not action.shortcut().isEmpty():
                keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                found.append((title, plain_text(action.text()), keys))

    for top in menu_bar.actions():
        if top.menu() is not None:
            walk(top.menu(), plain_text(top.text()))
    return found


class HelpDialog(QDialog):
    def capture_examples(self) -> list[tuple[str, str]]:
        """(what the operator types, what the workbench makes of it)."""
        return [
            (self.tr("call back Wang Fang"), self.tr("a task in the inbox, to sort later")),
            (self.tr("tomorrow 3pm call back @Wang Fang #recall"),
             self.tr("due tomorrow at 15:00, linked to the user Wang Fang, tagged recall")),
            (self.tr("fix the loan FAQ !"), self.tr("! marks it important")),
            (self.tr("reply to the channel manager today ^"), self.tr("^ marks it urgent; today sets the due date")),
            (self.tr("clean up old WeChat groups every Friday"), self.tr("repeats every Friday")),
        ]

    def capture_rules(self) -> list[tuple[str, str]]:
        return [
            ("@", self.tr("links a user: @name, @phone number or @user id")),
            ("#", self.tr("adds a tag: #recall")),
            ("!", self.tr("important")),
            ("^", self.tr("urgent")),
            (self.tr("today, tomorrow, Friday, 11-28, 3pm"), self.tr("a due date and time in plain words")),
            (self.tr("every day / every Monday / every month"), self.tr("a repeating task")),
        ]

    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(self.tr("Help"))
        self.resize(760, 680)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(self.html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)

    def page_shortcuts(self) -> list[tuple[str, str, str]]:
        rows = []
        for spec in PAGES:
            cls = spec.load_class()
            if hasattr(cls, "shortcuts"):
                for keys, what in self.window_.page(spec.key).shortcuts():
                    rows.append((spec.translated_title(), what, keys))
        return rows

    def html(self) -> str:
        def table(rows, headers) -> str:
            head = "".join(f"<th align='left'>{escape(h)}</th>" for h in headers)
            body = "".join("<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in row) + "</tr>" for row in rows)
            return f"<table cellspacing='0' cellpadding='4' width='100%'><tr>{head}</tr>{body}</table>"

        def heading(text: str, level: int = 2) -> str:
            return f"<h{level}>{escape(text)}</h{level}>"

        shortcuts = [(keys, what, where) for where, what, keys in menu_shortcuts(self.window_.menuBar())]
        shortcuts += [(keys, what, where) for where, what, keys in self.page_shortcuts()]
        capture_intro = self.tr("Press Ctrl+N anywhere, type one line and press Enter. The call you are on is not "
                                "interrupted: the line goes to the inbox and you sort it later.")
        data_note = self.tr("One database file: %1. It is backed up once a day; File › Back up now makes a copy "
                            "at any time.").replace("%1", str(self.window_.ctx.db_path))
        return "".join([
            heading(self.tr("Keyboard shortcuts")),
            table(shortcuts, [self.tr("Keys"), self.tr("What it does"), self.tr("Where")]),
            heading(self.tr("Capturing a task")), f"<p>{escape(capture_intro)}</p>",
            table(self.capture_rules(), [self.tr("Write"), self.tr("Meaning")]),
            heading(self.tr("Examples"), 3),
            table(self.capture_examples(), [self.tr("You type"), self.tr("You get")]),
            heading(self.tr("Where your data is")), f"<p>{escape(data_note)}</p>",
        ])
