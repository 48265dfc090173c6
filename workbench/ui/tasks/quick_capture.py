"""The small always-on-top quick-capture window (tray icon, Ctrl+Shift+Space), like Things' Quick Entry.

It captures into the same database without raising the main window: Enter saves and hides it,
Esc hides it. One window and one tray icon per application, however often the shell rebuilds.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QCursor, QGuiApplication
from PySide6.QtWidgets import QLabel, QMenu, QSystemTrayIcon, QVBoxLayout, QWidget

from workbench.ui.common.icons import app_icon
from workbench.ui.tasks.capture_field import CaptureField



class QuickCaptureWindow(QWidget):
    def __init__(self, ctx):
        super().__init__(None, Qt.WindowType.Tool | Qt.WindowType.WindowStaysOnTopHint)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Quick capture"))
        self.setMinimumWidth(560)
        self.capture = CaptureField(ctx)
        hint = QLabel(self.tr("Enter saves to the inbox · Esc closes · ! urgent  * important  #tag  @user"))
        hint.setProperty("muted", True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 10)
        layout.addWidget(self.capture)
        layout.addWidget(hint)
        self.capture.captured.connect(lambda _id: self.hide())

    def show_near_cursor(self) -> None:
        screen = QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()
        if screen is not None:
            area = screen.availableGeometry()
            self.adjustSize()
            self.move(area.center().x() - self.width() // 2, area.top() + area.height() // 4)
        self.show()
        self.activateWindow()  # this window only: the main window stays where it is
        self.capture.focus()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)


def quick_capture_window(ctx) -> QuickCaptureWindow:
    """The one quick-capture window of this context (kept on the context, so it dies with it)."""
    window = ctx.quick_capture_window
    if window is None:
        window = QuickCaptureWindow(ctx)
        ctx.quick_capture_window = window
    return window


def install_tray(ctx) -> QSystemTrayIcon | None:
    """A tray icon with 'Quick capture' where the desktop has a tray (docs/reliability.md: check first)."""
    existing = ctx.quick_capture_tray
    if existing is not None or not QSystemTrayIcon.isSystemTrayAvailable():
        return existing

    def open_quick_capture() -> None:
        quick_capture_window(ctx).show_near_cursor()

    tray = QSystemTrayIcon(app_icon())
    tray.setToolTip(QCoreApplication.translate("QuickCapture", "Ops Workbench — quick capture"))
    menu = QMenu()
    action = QAction(QCoreApplication.translate("QuickCapture", "Quick capture…"), menu)
    action.triggered.connect(open_quick_capture)
    menu.addAction(action)
    tray.setContextMenu(menu)
    tray.activated.connect(lambda reason: open_quick_capture()
                           if reason == QSystemTrayIcon.ActivationReason.Trigger else None)
    tray._menu = menu  # keep the menu alive with the icon
    tray.show()
    ctx.quick_capture_tray = tray
    return tray
