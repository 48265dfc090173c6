"""帮助 (F1): every keyboard shortcut of the window and its pages, and the capture syntax with examples.

The shortcut list is read from the live menus and from each page's optional shortcuts(), so it
cannot drift from what the keys really do.
"""
from __future__ import annotations

import re
from html import escape

from PySide6.QtGui import QKeySequence, QShortcut
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
        """(what the operator types, what the workbench makes of it) — tasks/capture_parser.py's rules."""
        return [
            (self.tr("call back Wang Fang"), self.tr("a task in the inbox, to sort in the morning")),
            (self.tr("tomorrow 3pm call back @WangFang #recall *"),
             self.tr("due tomorrow 15:00, linked to the user, tagged recall, important")),
            (self.tr("reply to the channel manager today !"), self.tr("urgent, due today")),
            (self.tr("write the loan FAQ *!"), self.tr("important and urgent: do it now")),
            (self.tr("q2 design churn alert rules"), self.tr("straight into important, not urgent")),
            (self.tr("every Friday clean up old WeChat groups"), self.tr("repeats every Friday")),
        ]

    def capture_rules(self) -> list[tuple[str, str]]:
        return [
            ("*", self.tr("important")),
            ("!", self.tr("urgent")),
            ("q1 q2 q3 q4", self.tr("straight into a quadrant (q1 important and urgent … q4 neither)")),
            ("@", self.tr("links a user: @name, @user id or the last digits of the phone")),
            ("#", self.tr("adds a tag: #recall")),
            (self.tr("today, tomorrow, Friday, 11-28, 3pm, 10:00"), self.tr("a due date and time in plain words")),
            (self.tr("every day, every Friday, every month"), self.tr("a repeating task")),
            ("\"…\"", self.tr("text in double quotes is kept as written")),
        ]

    def known_keys(self) -> dict[tuple[str, str], str]:
        """What the pages' own shortcuts do (pages may instead say so through shortcuts())."""
        return {
            ("tasks", "Ctrl+Shift+Space"): self.tr("quick capture"),
            ("tasks", "Space"): self.tr("mark the selected task done"),
            ("tasks", "Del"): self.tr("drop the selected task (Shift+Del deletes it)"),
            ("tasks", "Enter / F2 / E"): self.tr("edit the selected task"),
            ("tasks", "O"): self.tr("open what the task is linked to"),
            ("tasks", "Alt+1 … Alt+4"): self.tr("move the task to quadrant 1–4 (Alt+0: back to the inbox)"),
            ("tasks", "Alt+↑ / Alt+↓"): self.tr("move the task up or down"),
            ("tasks", "1 2 3 4 / D / Del / E"): self.tr("while sorting: a quadrant, done, drop, edit (← → skip)"),
            ("contacts", "Ctrl+Enter"): self.tr("save the contact"),
            ("contacts", "Ctrl+J"): self.tr("insert a canned answer"),
            ("contacts", "Ctrl+Shift+C"): self.tr("copy the canned answer"),
            ("contacts", "Ctrl+F"): self.tr("search contacts"),
            ("contacts", "Ctrl+Shift+Return"): self.tr("next user in the recall queue"),
            ("contacts", "Ctrl+M"): self.tr("merge the selected findings"),
            ("pdca", "Ctrl+Shift+N"): self.tr("new PDCA cycle"),
            ("pdca", "Ctrl+→ / Ctrl+←"): self.tr("move the cycle to the next / previous stage"),
        }

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
        """(area, what, keys): a page's shortcuts() if it has one, else the keys documented above plus
        any QShortcut found on the page that the table does not describe yet."""
        known = self.known_keys()
        rows = []
        for spec in PAGES:
            cls = spec.load_class()
            if hasattr(cls, "shortcuts"):
                rows += [(spec.translated_title(), what, keys) for keys, what in self.window_.page(spec.key).shortcuts()]
                continue
            listed = {keys for (area, keys) in known if area == spec.key}
            rows += [(spec.translated_title(), what, keys) for (area, keys), what in known.items() if area == spec.key]
            page = self.window_.pages.get(spec.key)
            found = {sc.key().toString(QKeySequence.SequenceFormat.NativeText) for sc in page.findChildren(QShortcut)} \
                if page is not None else set()
            for keys in sorted(found - {k.replace("Return", "Enter") for k in listed} - listed - {"Ctrl+Return"}):
                rows.append((spec.translated_title(), self.tr("(on this page)"), keys))
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
