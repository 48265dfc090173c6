"""The first screen on an empty database: what the five areas are for, and the two ways to begin.

It replaces the page stack until the database holds something: load the demo data (then the matrix
shows), or drop / choose a first report (AppEvents.import_requested; the import screen takes over),
or start empty (the inbox, whose own empty state teaches capture).
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout,
                               QWidget)

from workbench.ui.common.icons import icon
from workbench.ui.common.import_files import TakesDroppedFiles
from workbench.ui.common.theme import ACCENT
from workbench.ui.shell.pages import PAGES


def _label(text: str, *, prop: str | None = None, wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(wrap)
    if prop:
        label.setProperty(prop, True)
    return label


class DropZone(TakesDroppedFiles, QFrame):
    """A dashed box that takes a dropped file and says so while one hovers over it."""

    file_dropped = Signal(str)
    file_refused = Signal(str)  # a file no import reads: the sentence saying so

    def __init__(self):
        super().__init__()
        self.setProperty("dropZone", True)
        self.setAcceptDrops(True)

    def _set_hover(self, on: bool) -> None:
        self.setProperty("hover", on)
        self.style().unpolish(self)
        self.style().polish(self)

    def dragEnterEvent(self, event) -> None:
        super().dragEnterEvent(event)
        self._set_hover(event.isAccepted())

    def dragLeaveEvent(self, event) -> None:
        self._set_hover(False)

    def dropEvent(self, event) -> None:
        self._set_hover(False)
        super().dropEvent(event)

    def take_dropped_file(self, path: str) -> None:
        self.file_dropped.emit(path)

    def refuse_dropped_file(self, sentence: str) -> None:
        self.file_refused.emit(sentence)


class WelcomePage(QWidget):
    demo_requested = Signal()
    start_empty_requested = Signal()

    # One line per area, in the rail's order (keys of pages.PAGES).
    def area_lines(self) -> dict[str, str]:
        return {
            "tasks": self.tr("Capture anything in two seconds; every morning sort it into the four quadrants."),
            "contacts": self.tr("Log each call and WeChat with a user; follow-ups and findings come out of it."),
            "pdca": self.tr("Run an improvement as Plan–Do–Check–Act, checked against the real metric."),
            "dashboard": self.tr("Import the back office's Excel reports: trends, funnels, retention, alerts."),
            "review": self.tr("Close the week with a review built from all of the above, exported to Excel."),
        }

    def __init__(self, ctx):
        super().__init__()
        self.ctx = ctx
        self.setObjectName("page")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        body.setObjectName("page")
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        content = QWidget()
        content.setMaximumWidth(1040)  # lines stay readable on a wide window
        centring = QHBoxLayout(body)
        centring.setContentsMargins(48, 40, 48, 32)
        centring.addStretch(1)
        centring.addWidget(content, 100)
        centring.addStretch(1)
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(16)
        column.addWidget(_label(self.tr("Welcome to Ops Workbench"), prop="heading"))
        column.addWidget(_label(self.tr("Everything stays in one file on this computer — no account, no server: %1")
                                .replace("%1", str(ctx.db_path)), prop="muted"))
        column.addWidget(self._areas())
        column.addLayout(self._starts())
        column.addWidget(self._capture_hint())
        footer = QHBoxLayout()
        footer.addWidget(_label(self.tr("F1 lists every shortcut · Ctrl+, opens the settings"), prop="muted"), 1)
        self.empty_button = QPushButton(self.tr("Start with an empty workbench"))
        self.empty_button.setFlat(True)
        self.empty_button.clicked.connect(self.start_empty_requested.emit)
        footer.addWidget(self.empty_button)
        column.addLayout(footer)
        column.addStretch(1)

    def _areas(self) -> QFrame:
        card = QFrame()
        card.setProperty("card", True)
        grid = QGridLayout(card)
        grid.setContentsMargins(16, 16, 16, 16)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(8)
        lines = self.area_lines()
        for row, spec in enumerate(PAGES):
            glyph = QLabel()
            glyph.setPixmap(icon(spec.icon, ACCENT).pixmap(20, 20))
            grid.addWidget(glyph, row, 0)
            grid.addWidget(_label(spec.translated_title(), prop="subheading", wrap=False), row, 1)
            grid.addWidget(_label(lines[spec.key]), row, 2)
        grid.setColumnStretch(2, 1)
        return card

    def _starts(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(16)

        demo = QFrame()
        demo.setProperty("card", True)
        demo_layout = QVBoxLayout(demo)
        demo_layout.setContentsMargins(24, 24, 24, 24)
        demo_layout.setSpacing(8)
        demo_layout.addWidget(_label(self.tr("Look around with demo data"), prop="subheading"))
        demo_layout.addWidget(_label(self.tr("Tasks in every quadrant, users and their contacts, a PDCA cycle, "
                                             "imported metrics with alerts — dated around today."), prop="muted"))
        demo_layout.addStretch(1)
        self.demo_button = QPushButton(icon("mdi6.play-circle-outline", "#ffffff"), self.tr("Load demo data"))
        self.demo_button.setProperty("accent", True)
        self.demo_button.clicked.connect(self.demo_requested.emit)
        demo_layout.addWidget(self.demo_button, 0, Qt.AlignmentFlag.AlignLeft)
        row.addWidget(demo, 1)

        self.drop_zone = DropZone()
        drop_layout = QVBoxLayout(self.drop_zone)
        drop_layout.setContentsMargins(24, 24, 24, 24)
        drop_layout.setSpacing(8)
        drop_layout.addWidget(_label(self.tr("Import your first report"), prop="subheading"))
        drop_layout.addWidget(_label(self.tr("Drag an Excel or CSV export from the back office here, "
                                             "or choose the file."), prop="muted"))
        drop_layout.addStretch(1)
        self.import_button = QPushButton(icon("mdi6.file-excel-outline"), self.tr("Choose a file…"))
        self.import_button.clicked.connect(lambda: self.ctx.events.import_requested.emit(""))
        drop_layout.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.drop_zone.file_dropped.connect(self.ctx.events.import_requested.emit)
        self.drop_zone.file_refused.connect(self.ctx.events.status_message.emit)
        row.addWidget(self.drop_zone, 1)
        return row

    def _capture_hint(self) -> QFrame:
        card = QFrame()
        card.setProperty("card", True)
        layout = QHBoxLayout(card)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        key = _label("Ctrl+N", prop="keycap", wrap=False)
        layout.addWidget(key)
        layout.addWidget(_label(self.tr("captures a task from anywhere, e.g. %1")
                                .replace("%1", self.tr("tomorrow 3pm call back @WangFang #recall *")), wrap=False))
        layout.addStretch(1)
        return card
