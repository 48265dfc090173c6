"""The five areas of the navigation rail and where their pages live.

A page is a QWidget built as Page(ctx: AppContext). It may define:
  refresh()            reload what it shows from the database (called when it becomes visible);
  badge() -> str       a short count for the rail ("12"), or "" for none;
  open_item(target)    show one thing (AppEvents.navigate's second argument);
  screenshot_states()  [(suffix, callable)] extra states that `workbench shots` renders too;
  shortcuts()          [(keys, what it does)] the page's own keys, listed on the help page (F1).
The status bar shows each built page's badge after its status label ("To triage 12" → 待分拣 12).
Pages are imported when first shown, so a heavy import (pyqtgraph) costs nothing at start-up.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str  # English source text, translated in the "Pages" context
    icon: str  # a qtawesome icon name
    factory: str  # "module:Class"
    status_label: str = ""  # "%1" is the badge; "" keeps the badge off the status bar

    def translated_title(self) -> str:
        return QCoreApplication.translate("Pages", self.title)

    def translated_status(self, badge: str) -> str:
        if not self.status_label or not badge:
            return ""
        return QCoreApplication.translate("Pages", self.status_label).replace("%1", badge)

    def load_class(self):
        module_name, class_name = self.factory.split(":")
        return getattr(importlib.import_module(module_name), class_name)


PAGES: list[PageSpec] = [
    PageSpec("tasks", QT_TRANSLATE_NOOP("Pages", "Inbox"), "mdi6.inbox-arrow-down-outline",
             "workbench.ui.tasks.matrix_page:MatrixPage", QT_TRANSLATE_NOOP("Pages", "To triage %1")),
    PageSpec("contacts", QT_TRANSLATE_NOOP("Pages", "Contacts"), "mdi6.account-voice",
             "workbench.ui.contacts.contacts_page:ContactsPage", QT_TRANSLATE_NOOP("Pages", "Follow-ups %1")),
    PageSpec("pdca", QT_TRANSLATE_NOOP("Pages", "PDCA"), "mdi6.sync",
             "workbench.ui.pdca.pdca_page:PdcaPage", QT_TRANSLATE_NOOP("Pages", "To check %1")),
    PageSpec("dashboard", QT_TRANSLATE_NOOP("Pages", "Dashboard"), "mdi6.chart-line",
             "workbench.ui.reports.dashboard_page:DashboardPage", QT_TRANSLATE_NOOP("Pages", "Alerts %1")),
    PageSpec("review", QT_TRANSLATE_NOOP("Pages", "Review"), "mdi6.clipboard-check-outline",
             "workbench.ui.review.review_page:ReviewPage"),
]

# The capture bar above every page (SCREENS.md): built as CaptureBar(ctx), with focus_capture().
CAPTURE_BAR = "workbench.ui.tasks.capture_bar:CaptureBar"


def load(factory: str):
    module_name, class_name = factory.split(":")
    return getattr(importlib.import_module(module_name), class_name)
