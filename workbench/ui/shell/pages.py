"""The five areas of the navigation rail, where their pages live, and what a page promises (Page).

The status bar shows each built page's badge after its status label ("To triage 12" → 待分拣 12).
Pages are imported when first shown, so a heavy import (pyqtgraph) costs nothing at start-up.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any, Callable, Protocol, runtime_checkable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


@runtime_checkable
class Page(Protocol):
    """What the main window, the help page and `workbench shots` ask of a page: a QWidget built as
    Page(ctx: AppContext) that has these methods. A page may also define shortcuts() -> [(keys, what it
    does)], its own keys for the help page (F1); without it, the help page lists the keys it knows; and
    focus_entry(), which the window calls when it shows the page, to put the cursor in its first field."""

    def refresh(self) -> None:
        """Reload what it shows from the database (called when it becomes visible)."""

    def badge(self) -> str:
        """A short count for the rail ("12"), or "" for none."""

    def open_item(self, target: Any) -> None:
        """Show one thing (AppEvents.navigate's second argument)."""

    def screenshot_states(self) -> list[tuple[str, Callable[[], None]]]:
        """[(suffix, enter the state)]: extra states that `workbench shots` renders too."""


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

# The capture bar above every page (docs/architecture.md): built as CaptureBar(ctx), with focus_capture().
CAPTURE_BAR = "workbench.ui.tasks.capture_bar:CaptureBar"


def load(factory: str):
    module_name, class_name = factory.split(":")
    return getattr(importlib.import_module(module_name), class_name)
