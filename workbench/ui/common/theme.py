"""The look: one accent colour, quiet quadrant and alert tints, a CJK font, light or dark.

Colours that carry meaning (quadrants, alert levels) keep it in both schemes; only their tints change.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette

PREFERRED_CJK_FONTS = ["Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC",
                       "Source Han Sans SC", "WenQuanYi Micro Hei", "Hiragino Sans GB"]
# Where each system keeps its own CJK family in that list: it goes first, because Qt looks the families up
# in order when it first draws text, and each one the system lacks costs a font-matching query.
_SYSTEM_CJK_FONT = {"win32": "Microsoft YaHei UI", "darwin": "PingFang SC"}

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


_forced: Scheme | None = None  # set by tests and `shots --scheme`; None follows the system


def current_scheme() -> Scheme:
    if _forced is not None:
        return _forced
    hints = QGuiApplication.styleHints()
    return DARK if hints.colorScheme() == Qt.ColorScheme.Dark else LIGHT  # Unknown ⇒ light


class SchemeNotifier(QObject):
    """Tells charts and custom-painted widgets that the light/dark scheme changed.

    Connect to `scheme_notifier().changed` (it carries the new Scheme) and repaint with its colours;
    stylesheet-styled widgets need nothing: the app stylesheet is re-applied before the signal.
    """

    changed = Signal(object)


_notifier: SchemeNotifier | None = None


def scheme_notifier() -> SchemeNotifier:
    global _notifier
    if _notifier is None:
        _notifier = SchemeNotifier()
    return _notifier


def cjk_font_families() -> list[str]:
    from PySide6.QtGui import QFontDatabase

    return QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)


def ui_font() -> QFont:
    """The first preferred CJK family the system has, then the system's own. Qt picks from the list when
    it draws, which saves listing every installed family (~4 ms of each start-up)."""
    font = QFont(QGuiApplication.font())
    own = _SYSTEM_CJK_FONT.get(sys.platform, "Noto Sans CJK SC")
    font.setFamilies([own, *(f for f in PREFERRED_CJK_FONTS if f != own), QGuiApplication.font().family()])
    font.setPixelSize(13)
    return font


def palette(scheme: Scheme) -> QPalette:
    """The palette behind the stylesheet, so widgets the stylesheet does not reach match too."""
    pal = QPalette()
    role = QPalette.ColorRole
    for r, colour in [(role.Window, scheme.window), (role.Base, scheme.surface), (role.AlternateBase, scheme.window),
                      (role.Button, scheme.surface), (role.WindowText, scheme.text), (role.Text, scheme.text),
                      (role.ButtonText, scheme.text), (role.ToolTipBase, scheme.surface), (role.ToolTipText, scheme.text),
                      (role.PlaceholderText, scheme.muted), (role.Highlight, ACCENT), (role.HighlightedText, "#ffffff"),
                      (role.Link, ACCENT), (role.Mid, scheme.line), (role.Midlight, scheme.line)]:
        pal.setColor(r, QColor(colour))
    pal.setColor(QPalette.ColorGroup.Disabled, role.Text, QColor(scheme.muted))
    pal.setColor(QPalette.ColorGroup.Disabled, role.WindowText, QColor(scheme.muted))
    pal.setColor(QPalette.ColorGroup.Disabled, role.ButtonText, QColor(scheme.muted))
    return pal


def _arrow_urls() -> dict[str, str]:
    """Styled spin boxes and combo boxes lose Fusion's arrows; these grey chevrons suit both schemes."""
    from workbench.ui.shell.resources import resource_path

    folder = resource_path("icons")
    return {"up": (folder / "chevron-up.svg").as_posix(), "down": (folder / "chevron-down.svg").as_posix(),
            "check": (folder / "check-white.svg").as_posix()}


def stylesheet(scheme: Scheme) -> str:
    # Sizes on the 8 px grid (4 px half-steps inside controls); text 13 px, headings 14/20 px.
    arrows = _arrow_urls()
    return f"""
    QMainWindow, QWidget#page, QDialog {{ background: {scheme.window}; }}
    QWidget {{ color: {scheme.text}; }}
    QLabel#muted, QLabel[muted="true"] {{ color: {scheme.muted}; }}
    QLabel#placeholderTitle {{ color: {scheme.muted}; font-size: 18px; }}
    QLabel[heading="true"] {{ font-size: 20px; font-weight: 600; }}
    QLabel[subheading="true"] {{ font-size: 14px; font-weight: 600; }}
    QFrame[card="true"] {{ background: {scheme.surface}; border: 1px solid {scheme.line}; border-radius: 8px; }}
    QFrame[dropZone="true"] {{ background: {scheme.surface}; border: 2px dashed {scheme.line}; border-radius: 8px; }}
    QFrame[dropZone="true"][hover="true"] {{ border-color: {ACCENT}; background: {scheme.tint(ACCENT, 18)}; }}
    QLabel[keycap="true"] {{ background: {scheme.window}; border: 1px solid {scheme.line}; border-radius: 4px;
        padding: 1px 6px; font-family: monospace; }}
    QListWidget#navRail {{ background: {scheme.surface}; border: none; border-right: 1px solid {scheme.line};
        outline: none; padding-top: 8px; }}
    QListWidget#navRail::item {{ padding: 8px 0px; margin: 2px 4px; border-radius: 6px; color: {scheme.muted}; }}
    QListWidget#navRail::item:selected {{ background: {scheme.tint(ACCENT, 36)}; color: {ACCENT}; }}
    QListWidget#navRail::item:hover:!selected {{ background: {scheme.tint('#808080', 24)}; }}
    QListWidget#settingsSections {{ background: {scheme.surface}; border: none; border-right: 1px solid {scheme.line};
        outline: none; padding: 8px 0px; }}
    QListWidget#settingsSections::item {{ padding: 0px 16px; }}
    QListWidget#settingsSections::item:selected {{ background: {scheme.tint(ACCENT, 36)}; color: {ACCENT}; }}
    QStatusBar {{ background: {scheme.surface}; border-top: 1px solid {scheme.line}; color: {scheme.muted}; }}
    QStatusBar QLabel {{ color: {scheme.muted}; padding: 0px 8px; }}
    QStatusBar QLabel#fontWarning {{ color: {ALERT_COLORS['orange']}; }}
    QLabel#errorText {{ color: {ALERT_COLORS['red']}; }}
    QMenuBar {{ background: {scheme.surface}; border-bottom: 1px solid {scheme.line}; }}
    QMenuBar::item {{ padding: 4px 8px; background: transparent; }}
    QMenuBar::item:selected, QMenu::item:selected {{ background: {scheme.tint(ACCENT, 36)}; color: {scheme.text}; }}
    QMenu {{ background: {scheme.surface}; border: 1px solid {scheme.line}; padding: 4px 0px; }}
    QMenu::item {{ padding: 4px 24px 4px 16px; }}
    QMenu::separator {{ height: 1px; background: {scheme.line}; margin: 4px 8px; }}
    QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QSpinBox, QDoubleSpinBox, QDateEdit, QDateTimeEdit {{
        background: {scheme.surface}; border: 1px solid {scheme.line}; border-radius: 6px; padding: 4px 8px;
        selection-background-color: {ACCENT}; selection-color: white; }}
    QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QComboBox:focus, QSpinBox:focus {{ border-color: {ACCENT}; }}
    QComboBox QAbstractItemView {{ background: {scheme.surface}; border: 1px solid {scheme.line}; }}
    QComboBox {{ padding-right: 24px; }}
    QComboBox::drop-down {{ border: none; width: 24px; }}
    QComboBox::down-arrow, QSpinBox::down-arrow, QDoubleSpinBox::down-arrow, QDateEdit::down-arrow,
    QDateTimeEdit::down-arrow {{ image: url({arrows["down"]}); width: 12px; height: 12px; }}
    QSpinBox::up-arrow, QDoubleSpinBox::up-arrow, QDateEdit::up-arrow, QDateTimeEdit::up-arrow {{
        image: url({arrows["up"]}); width: 12px; height: 12px; }}
    QSpinBox, QDoubleSpinBox, QDateEdit, QDateTimeEdit {{ padding-right: 24px; }}
    QSpinBox::up-button, QDoubleSpinBox::up-button, QDateEdit::up-button, QDateTimeEdit::up-button {{
        subcontrol-origin: border; subcontrol-position: top right; width: 20px; border: none; }}
    QSpinBox::down-button, QDoubleSpinBox::down-button, QDateEdit::down-button, QDateTimeEdit::down-button {{
        subcontrol-origin: border; subcontrol-position: bottom right; width: 20px; border: none; }}
    QPushButton, QToolButton {{ background: {scheme.surface}; border: 1px solid {scheme.line}; border-radius: 6px;
        padding: 5px 12px; }}
    QPushButton:hover, QToolButton:hover {{ border-color: {ACCENT}; }}
    QPushButton:focus, QToolButton:focus {{ border: 2px solid {ACCENT}; padding: 4px 11px; }}
    QToolButton[popupMode="1"], QToolButton[popupMode="2"], QPushButton[hasMenu="true"] {{ padding-right: 20px; }}
    QToolButton::menu-indicator, QPushButton::menu-indicator {{ image: url({arrows["down"]}); width: 10px;
        height: 10px; subcontrol-origin: padding; subcontrol-position: center right; right: 6px; }}
    QToolButton::menu-button {{ border: none; width: 16px; }}
    QPushButton:disabled {{ color: {scheme.muted}; }}
    QPushButton[accent="true"] {{ background: {ACCENT}; color: white; border-color: {ACCENT}; }}
    QPushButton[accent="true"]:focus {{ border: 2px solid {scheme.text}; }}
    QPushButton[flat="true"] {{ border: none; background: transparent; color: {ACCENT}; }}
    QPushButton[flat="true"]:focus {{ border: 2px solid {ACCENT}; }}
    QTableView, QTreeView, QListView {{ background: {scheme.surface}; border: 1px solid {scheme.line};
        border-radius: 6px; alternate-background-color: {scheme.window}; }}
    QTextBrowser {{ background: {scheme.surface}; border: none; }}
    QCheckBox::indicator, QAbstractItemView::indicator {{ width: 14px; height: 14px; border-radius: 3px;
        border: 1px solid {scheme.muted}; background: {scheme.surface}; }}
    QCheckBox::indicator:checked, QAbstractItemView::indicator:checked {{ background: {ACCENT};
        border-color: {ACCENT}; image: url({arrows["check"]}); }}
    QCheckBox::indicator:disabled {{ border-color: {scheme.line}; }}
    QHeaderView::section {{ background: {scheme.window}; border: none; border-bottom: 1px solid {scheme.line};
        padding: 4px 8px; color: {scheme.muted}; }}
    QGroupBox {{ border: 1px solid {scheme.line}; border-radius: 8px; margin-top: 16px; padding: 16px 8px 8px 8px; }}
    QGroupBox::title {{ subcontrol-origin: margin; left: 8px; padding: 0px 4px; color: {scheme.muted}; }}
    QTabWidget::pane {{ border: 1px solid {scheme.line}; border-radius: 6px; }}
    QTabBar::tab {{ padding: 6px 16px; border: none; color: {scheme.muted}; }}
    QTabBar::tab:selected {{ color: {ACCENT}; border-bottom: 2px solid {ACCENT}; }}
    QScrollArea {{ background: transparent; border: none; }}
    QToolTip {{ color: {scheme.text}; background: {scheme.surface}; border: 1px solid {scheme.line}; }}
    {task_page_rules(scheme)}"""


def task_page_rules(scheme: Scheme) -> str:
    """The 四象限 page's own widgets, by object name alone: Qt checks a "#name" rule only against the
    widget of that name, so these cost the rest of the app nothing. (Stylesheets set on the widgets
    themselves cost ~3 % of start-up: each gives the widget and its children a style of their own.)"""
    rules = []
    for quadrant in ("inbox", *QUADRANT_COLORS):
        colour = QUADRANT_COLORS.get(quadrant, ACCENT)
        background = scheme.tint(colour, 16) if quadrant != "inbox" else scheme.surface
        rules.append(f"#panel_{quadrant} {{ background: {background}; border: none;"
                     f" border-top: 3px solid {colour}; border-radius: 6px; }}\n"
                     f"#header_{quadrant} {{ color: {colour}; font-weight: 600; font-size: 14px; }}")
    return "\n".join(rules) + f"""
    #taskList, #todayStrip {{ background: transparent; border: none; }}
    #taskList::indicator {{ width: 13px; height: 13px; border: 1px solid {scheme.muted}; border-radius: 3px;
        background: {scheme.surface}; }}
    #taskList::indicator:checked {{ background: {ACCENT}; border-color: {ACCENT}; }}
    #taskList::item:selected {{ background: {scheme.tint(ACCENT, 40)}; color: {scheme.text}; }}
    #taskList QScrollBar:vertical {{ background: transparent; width: 8px; margin: 0; }}
    #taskList QScrollBar::handle:vertical {{ background: {scheme.line}; border-radius: 4px; min-height: 24px; }}
    #taskList QScrollBar::add-line:vertical, #taskList QScrollBar::sub-line:vertical {{ height: 0; }}
    #taskList QScrollBar::add-page:vertical, #taskList QScrollBar::sub-page:vertical {{ background: transparent; }}
    #todayStrip::item {{ border-radius: 10px; padding: 2px 8px; }}
    #todayStripTitle {{ font-weight: 600; }}
    #morningChanges {{ color: {QUADRANT_COLORS['q1']}; border: none; }}
    """


def apply_theme(app, *, with_stylesheet: bool = True) -> Scheme:
    """Font, palette and stylesheet now, and again whenever the system switches between light and dark.
    The style is Fusion (workbench.app.create_application), so the palette works for dark too.

    with_stylesheet=False leaves the stylesheet to apply_stylesheet(), once the window is built."""
    scheme = current_scheme()
    app.setFont(ui_font())
    app.setPalette(palette(scheme))
    if with_stylesheet:
        app.setStyleSheet(stylesheet(scheme))
    if not app.property("workbench_follows_scheme"):
        app.setProperty("workbench_follows_scheme", True)
        QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _scheme: reapply_scheme(app))
    return scheme


def apply_stylesheet(app=None) -> None:
    """The app stylesheet, if it is not set yet: the window start-up builds its widgets first and calls
    this just before showing them. Under a stylesheet Qt re-styles a widget's whole subtree every time
    the widget gets a parent, and a window is built from the leaves up (~3 % of start-up); set once
    over the finished window, each widget is styled once. Any window shown before it calls this too."""
    app = app or QGuiApplication.instance()
    if not app.styleSheet():
        app.setStyleSheet(stylesheet(current_scheme()))


def reapply_scheme(app, force: Scheme | None = None) -> Scheme:
    """Re-style the running app for the current (or a forced) scheme and tell whoever listens."""
    global _forced
    if force is not None:
        _forced = force
    scheme = current_scheme()
    app.setPalette(palette(scheme))
    if app.styleSheet():  # (not set yet: apply_stylesheet() will use this scheme)
        app.setStyleSheet(stylesheet(scheme))
    scheme_notifier().changed.emit(scheme)
    return scheme


def follow_system_scheme(app) -> Scheme:
    """Drop a forced scheme and follow the system again."""
    global _forced
    _forced = None
    return reapply_scheme(app)
