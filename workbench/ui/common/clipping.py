"""Finding text the window cuts off: a label, button, check box, radio button, tab or group box title whose
text is wider (or, wrapped, taller) than the widget shows, or that was elided with "…".

`clipped_texts(root)` walks the visible widgets under root and says what is cut, one line each; the
layout test walks every page and the main dialogs in both languages at 1280×800 and 1440×900 with it
(tests/shell/test_no_clipped_labels.py), and `workbench shots` prints what it finds.
"""
from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6 import QtGui
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtWidgets import (QAbstractButton, QAbstractScrollArea, QCheckBox, QGroupBox, QLabel, QPushButton,
                               QRadioButton, QTabBar, QWidget)

SLACK = 1  # pixels of rounding a text may exceed its box by
ELLIPSIS = "…"


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _name(widget: QWidget, text: str) -> str:
    owner = widget
    while owner is not None and not owner.objectName():
        owner = owner.parentWidget()
    where = f" in {type(owner).__name__}#{owner.objectName()}" if owner is not None and owner is not widget else ""
    short = " ".join(text.split())
    return f"{type(widget).__name__} “{short[:60]}”{where}"


def _label_problem(label: QLabel) -> str | None:
    text = label.text()
    if not text.strip() or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    box = label.contentsRect()
    margin = label.margin()
    width, height = box.width() - 2 * margin, box.height() - 2 * margin
    indent = max(label.indent(), 0)
    if label.textFormat() == Qt.TextFormat.RichText or (label.textFormat() == Qt.TextFormat.AutoText
                                                       and QtGui.Qt.mightBeRichText(text)):  # a QtGui function
        document = QTextDocument()
        document.setDefaultFont(label.font())
        document.setDocumentMargin(0)
        document.setHtml(text)
        plain = document.toPlainText()
        if label.wordWrap():
            document.setTextWidth(max(width - indent, 1))
            need_w, need_h = document.idealWidth(), document.size().height()
        else:
            need_w, need_h = document.idealWidth(), 0
    else:
        plain = text
        metrics = QFontMetrics(label.font())
        if label.wordWrap():
            rect = metrics.boundingRect(QRect(0, 0, max(width - indent, 1), 100_000),
                                        int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft), text)
            need_w, need_h = rect.width(), rect.height()
        else:
            need_w = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
            need_h = 0
    if _elided(plain, label.toolTip()):
        return "elided"
    if need_w > width - indent + SLACK:
        return f"text {need_w:.0f}px wide in {width - indent}px"
    if need_h > height + SLACK:
        return f"wrapped text {need_h:.0f}px tall in {height}px"
    return None


def _elided(text: str, tooltip: str) -> bool:
    """Text cut short with an ellipsis, its whole in the tooltip (how the app elides). A menu-style
    "Import user list…" whose tooltip explains it in other words is not elided."""
    tip = " ".join(tooltip.split())
    return text.rstrip().endswith(ELLIPSIS) and len(tip) > len(text) and tip.startswith(text.rstrip()[:-1].strip()[:8])


def _button_problem(button: QAbstractButton) -> str | None:
    if not button.text().strip():
        return None
    if isinstance(button, QPushButton) and _elided(button.text(), button.toolTip()):
        return "elided"
    if isinstance(button, QPushButton):  # the style's minimum button width is not text: measure the text
        icon = button.iconSize().width() + 4 if not button.icon().isNull() else 0
        menu = 12 if button.menu() is not None else 0
        need = QFontMetrics(button.font()).horizontalAdvance(_plain(button.text())) + icon + menu + 8
    else:
        need = button.sizeHint().width()
    if need > button.width() + SLACK:
        return f"needs {need}px, has {button.width()}px"
    return None


def _tab_problems(bar: QTabBar) -> list[str]:
    found = []
    visible = bar.rect()
    for index in range(bar.count()):
        if not bar.isTabVisible(index) or not bar.tabText(index).strip():
            continue
        rect = bar.tabRect(index)
        hint = bar.tabSizeHint(index)
        horizontal = bar.shape() in (QTabBar.Shape.RoundedNorth, QTabBar.Shape.RoundedSouth,
                                     QTabBar.Shape.TriangularNorth, QTabBar.Shape.TriangularSouth)
        if horizontal and rect.width() + SLACK < hint.width():
            found.append(f"{_name(bar, bar.tabText(index))}: tab {rect.width()}px, needs {hint.width()}px")
        elif not visible.contains(rect):
            found.append(f"{_name(bar, bar.tabText(index))}: tab outside the bar (scrolled away)")
    return found


def _group_problem(box: QGroupBox) -> str | None:
    if not box.title().strip():
        return None
    need = QFontMetrics(box.font()).horizontalAdvance(_plain(box.title())) + (24 if box.isCheckable() else 8)
    return f"title {need}px in {box.width()}px" if need > box.width() + SLACK else None


def _in_scroll_area(widget: QWidget, root: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _outside_window(widget: QWidget, root: QWidget) -> bool:
    """Part of the widget lies beyond the window's edge (a layout squeezed below its minimum)."""
    window = widget.window()
    if _in_scroll_area(widget, window):
        return False
    top_left = widget.mapTo(window, QPoint(0, 0))
    return top_left.x() + widget.width() > window.width() + SLACK or top_left.y() + widget.height() > window.height() + SLACK


def clipped_texts(root: QWidget) -> list[str]:
    """One line per cut-off text among root's visible widgets (root included)."""
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or widget.width() <= 0 or widget.height() <= 0:
            continue
        problem = None
        if isinstance(widget, QLabel):
            problem = _label_problem(widget)
            text = widget.text()
        elif isinstance(widget, (QPushButton, QCheckBox, QRadioButton)):
            problem = _button_problem(widget)
            text = widget.text()
        elif isinstance(widget, QGroupBox):
            problem = _group_problem(widget)
            text = widget.title()
        elif isinstance(widget, QTabBar):
            found += _tab_problems(widget)
            continue
        else:
            continue
        if problem is None and text.strip() and _outside_window(widget, root):
            problem = "beyond the window's edge"
        if problem:
            found.append(f"{_name(widget, text)}: {problem}")
    return found
