"""The look: one accent colour, quiet quadrant and alert tints, a CJK font, light or dark.

Colours that carry meaning (quadrants, alert levels) keep it in both schemes; only their tints change.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

PREFERRED_CJK_FONTS = ["Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC",
                       "Source Han Sans SC", "WenQuanYi Micro Hei", "Hiragino Sans GB"]

# Strong edge colour of each quadrant: Q1 red, Q2 blue, Q3 amber, Q4 grey.
QUADRANT_COLORS = {"q1": "#d64545", "q2": "#2f6fde", "q3": "#d9901a", "q4": "#8a8f98"}
ALERT_COLORS = {"yellow": "#e0b000", "orange": "#ec7a1c", "red": "#d23c3c"}
ACCENT = "#2f6fde"


@dataclass(frozen=True)
class Scheme:
    dark: bool
    window: str
    surface: str
    text: str
    muted: str
    line: str

    def tint(self, hex_colour: str, alpha: int = 28) -> str:
        """The colour at low opacity over this scheme's surface, as an rgba() for stylesheets."""
        r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
        return f"rgba({r},{g},{b},{alpha if not self.dark else alpha + 20})"


LIGHT = Scheme(False, "#f6f7f9", "#ffffff", "#1f2329", "#6b7280", "#e3e6ea")
DARK = Scheme(True, "#1c1e22", "#25282d", "#e6e8eb", "#9aa1ab", "#363a40")


def current_scheme() -> Scheme:
    hints = QGuiApplication.styleHints()
    return DARK if hints.colorScheme() == Qt.ColorScheme.Dark else LIGHT  # Unknown ⇒ light


def cjk_font_families() -> list[str]:
    return QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)


def ui_font() -> QFont:
    available = set(cjk_font_families())
    font = QGuiApplication.font()
    for family in PREFERRED_CJK_FONTS:
        if family in available:
            font = QFont(family)
            break
    font.setPixelSize(13)
    return font


def stylesheet(scheme: Scheme) -> str:
    return f"""
    QMainWindow, QWidget#page {{ background: {scheme.window}; }}
    QWidget {{ color: {scheme.text}; }}
    QLabel#muted, QLabel[muted="true"] {{ color: {scheme.muted}; }}
    QLabel#placeholderTitle {{ color: {scheme.muted}; font-size: 18px; }}
    QListWidget#navRail {{ background: {scheme.surface}; border: none; border-right: 1px solid {scheme.line};
        outline: none; padding-top: 8px; }}
    QListWidget#navRail::item {{ padding: 8px 0px; margin: 2px 4px; border-radius: 6px; color: {scheme.muted}; }}
    QListWidget#navRail::item:selected {{ background: {scheme.tint(ACCENT, 36)}; color: {ACCENT}; }}
    QListWidget#navRail::item:hover:!selected {{ background: {scheme.tint('#808080', 24)}; }}
    QStatusBar {{ background: {scheme.surface}; border-top: 1px solid {scheme.line}; color: {scheme.muted}; }}
    QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QSpinBox, QDateEdit, QDateTimeEdit {{
        background: {scheme.surface}; border: 1px solid {scheme.line}; border-radius: 6px; padding: 4px 8px; }}
    QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QComboBox:focus {{ border-color: {ACCENT}; }}
    QPushButton {{ background: {scheme.surface}; border: 1px solid {scheme.line}; border-radius: 6px; padding: 5px 12px; }}
    QPushButton:hover {{ border-color: {ACCENT}; }}
    QPushButton[accent="true"] {{ background: {ACCENT}; color: white; border-color: {ACCENT}; }}
    QTableView, QTreeView, QListView {{ background: {scheme.surface}; border: 1px solid {scheme.line};
        border-radius: 6px; alternate-background-color: {scheme.window}; }}
    QHeaderView::section {{ background: {scheme.window}; border: none; border-bottom: 1px solid {scheme.line};
        padding: 4px 8px; color: {scheme.muted}; }}
    QToolTip {{ color: {scheme.text}; background: {scheme.surface}; border: 1px solid {scheme.line}; }}
    """


def apply_theme(app) -> Scheme:
    scheme = current_scheme()
    app.setFont(ui_font())
    app.setStyleSheet(stylesheet(scheme))
    return scheme
