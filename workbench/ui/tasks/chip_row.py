"""The chips under (beside) a capture field: what the parser understood, each one removable.

Clicking a chip, or Backspace while it has focus, un-parses it: its raw text stays in the title.
"""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from workbench.errors import current_language
from workbench.ui.common.icons import icon
from workbench.ui.common.theme import ACCENT, ALERT_COLORS, QUADRANT_COLORS, current_scheme
from workbench.ui.tasks.task_format import due_label, quadrant_short, recurrence_label

if TYPE_CHECKING:
    from workbench.tasks.capture_parser import Chip, ParsedCapture


# The kinds a symbol marks are drawn as icons (qtawesome's font ships with the app): ⏰ is in neither
# Noto Sans CJK nor the default fonts, so it showed as an empty box (issue 18 part 4).
CHIP_ICONS = {"due": "mdi6.alarm", "recurrence": "mdi6.repeat", "warning": "mdi6.alert-outline"}


def chip_text(chip: Chip, today: date) -> str:
    if chip.kind == "due":
        return due_label(str(chip.value), today)
    if chip.kind == "recurrence":
        return recurrence_label(str(chip.value))
    if chip.kind == "tag":
        return f"# {chip.value}"
    if chip.kind == "mention":
        return f"@ {chip.value}"
    if chip.kind == "priority":
        return quadrant_short(str(chip.value))
    if chip.kind == "warning":
        return chip.value.sentence(current_language())
    return str(chip.value)


def chip_colour(chip: Chip) -> str:
    if chip.kind == "priority":
        return QUADRANT_COLORS.get(str(chip.value), ACCENT)
    if chip.kind == "warning":
        return ALERT_COLORS["orange"]
    return ACCENT


class ChipButton(QPushButton):
    removed = Signal(object)

    def __init__(self, chip: Chip, today: date):
        super().__init__(chip_text(chip, today))
        self.chip = chip
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        colour = chip_colour(chip)
        scheme = current_scheme()
        if chip.kind in CHIP_ICONS:
            self.setIcon(icon(CHIP_ICONS[chip.kind], colour))
            self.setIconSize(QSize(14, 14))
        self.setStyleSheet(
            f"QPushButton {{ background: {scheme.tint(colour, 30)}; color: {colour}; border: none;"
            f" border-radius: 10px; padding: 2px 10px; font-size: 12px; }}"
            f" QPushButton:focus {{ border: 2px solid {colour}; padding: 0px 8px; }}")
        if chip.raws:
            self.setToolTip(self.tr("“%1” — click or Backspace to keep it as plain text")
                            .replace("%1", " ".join(chip.raws)))
        self.clicked.connect(lambda: self.removed.emit(self.chip))

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self.removed.emit(self.chip)
            return
        super().keyPressEvent(event)


class ChipRow(QWidget):
    """Shows a ParsedCapture's chips; emits chip_removed(chip) when the operator un-parses one."""

    chip_removed = Signal(object)

    def __init__(self):
        super().__init__()
        self.layout_ = QHBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(4)
        self.buttons: list[ChipButton] = []

    def show_parse(self, parsed: ParsedCapture | None, today: date) -> None:
        for button in self.buttons:
            # Not setParent(None): a button just added to the layout still has Qt's queued "show" pending,
            # and a parentless widget shown is a top-level window (chips flashed, the window lost focus).
            self.layout_.removeWidget(button)
            button.hide()
            button.deleteLater()
        self.buttons = []
        if parsed is None:
            return
        for chip in parsed.chips:
            if chip.kind == "warning" and not chip.raws and chip.value is None:
                continue
            button = ChipButton(chip, today)
            if not chip.raws:
                button.setEnabled(False)  # a note about the whole line: nothing to un-parse
            button.removed.connect(self.chip_removed.emit)
            self.layout_.addWidget(button)
            self.buttons.append(button)

    def texts(self) -> list[str]:
        return [b.text() for b in self.buttons]
