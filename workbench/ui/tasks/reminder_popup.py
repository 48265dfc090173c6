"""Reminders on screen: a timer asks tasks/reminders.py what is due and shows it.

Where the desktop has a tray, a reminder is a tray message (clicking it opens the reminder window);
elsewhere the small always-on-top reminder window pops up itself. Each row offers 完成 / 稍后提醒
(10 分钟, 1 小时, 明天上午) / 打开. What came due while the app was closed shows once at start, grouped
under 错过的提醒. The timer holds no schedule: each tick reads the database at ctx.now().
"""
from __future__ import annotations

import sqlite3

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QMainWindow, QMenu, QPushButton, QSystemTrayIcon, QToolButton,
                               QVBoxLayout, QWidget)

from workbench.errors import UserError
from workbench.privacy import mask_text
from workbench.tasks import reminders
from workbench.ui.tasks.undo_commands import CompleteTask


def when_text(reminder: reminders.Reminder, today) -> str:
    """15:00 today; 11-24 15:00 for a reminder missed on another day."""
    if not reminder.due:
        return ""
    return reminder.due_time if reminder.due[:10] == today.isoformat() else f"{reminder.due[5:10]} {reminder.due_time}"


class ReminderRow(QWidget):
    def __init__(self, popup: ReminderWindow, reminder: reminders.Reminder):
        super().__init__()
        self.popup, self.reminder = popup, reminder
        self.setObjectName("reminderRow")
        self.when = QLabel(when_text(reminder, popup.ctx.today()))
        self.when.setProperty("muted", True)
        self.title = QLabel(mask_text(reminder.title))  # a phone in a title is shown masked, as on the matrix
        self.title.setWordWrap(True)
        self.done_button = QPushButton(self.tr("Done"))
        self.done_button.clicked.connect(lambda: popup.complete(self))
        self.snooze_button = QToolButton()
        self.snooze_button.setText(self.tr("Remind me later"))
        self.snooze_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.snooze_button)
        self.snooze_actions: dict[str, QAction] = {}
        for choice, label in [("10m", self.tr("In 10 minutes")), ("1h", self.tr("In 1 hour")),
                              ("tomorrow", self.tr("Tomorrow morning"))]:
            action = menu.addAction(label)
            action.triggered.connect(lambda checked=False, c=choice: popup.snooze(self, c))
            self.snooze_actions[choice] = action
        self.snooze_button.setMenu(menu)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.clicked.connect(lambda: popup.open_task(self))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(self.when)
        layout.addWidget(self.title, 1)
        for button in (self.done_button, self.snooze_button, self.open_button):
            layout.addWidget(button)


class ReminderWindow(QWidget):
    """The small always-on-top window listing the reminders that fired, each with its actions."""

    MAX_ROWS = 8  # more wait below a "N more" line and move up as rows are dealt with

    def __init__(self, ctx):
        super().__init__(None, Qt.WindowType.Tool | Qt.WindowType.WindowStaysOnTopHint)
        self.ctx = ctx
        self.setObjectName("reminderWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)  # typing elsewhere goes on undisturbed
        self.setWindowTitle(self.tr("Reminders"))
        self.setMinimumWidth(460)
        self.heading = QLabel()
        self.heading.setProperty("subheading", True)
        self.rows_layout = QVBoxLayout()
        self.rows_layout.setSpacing(0)
        self.more = QLabel()
        self.more.setProperty("muted", True)
        self.more.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.addWidget(self.heading)
        layout.addLayout(self.rows_layout)
        layout.addWidget(self.more)
        self.rows: list[ReminderRow] = []
        self.waiting: list[reminders.Reminder] = []
        self.missed = False

    def add(self, found: list[reminders.Reminder], missed: bool) -> None:
        self.missed = missed or (self.missed and bool(self.rows))
        listed = {row.reminder.task_id for row in self.rows} | {r.task_id for r in self.waiting}
        self.waiting += [reminder for reminder in found if reminder.task_id not in listed]
        self._fill()

    def _fill(self) -> None:
        while self.waiting and len(self.rows) < self.MAX_ROWS:
            row = ReminderRow(self, self.waiting.pop(0))
            self.rows.append(row)
            self.rows_layout.addWidget(row)
        total = len(self.rows) + len(self.waiting)
        heading = self.tr("Missed reminders (%1)") if self.missed else self.tr("Reminders (%1)")
        self.heading.setText(heading.replace("%1", str(total)))
        self.more.setText(self.tr("… and %1 more").replace("%1", str(len(self.waiting))))
        self.more.setVisible(bool(self.waiting))

    def pop_up(self) -> None:
        self.adjustSize()
        screen = QGuiApplication.primaryScreen()
        if screen is not None:  # the bottom-right corner, where desktops put notifications
            area = screen.availableGeometry()
            self.move(area.right() - self.width() - 16, area.bottom() - self.height() - 16)
        self.show()
        self.raise_()

    def complete(self, row: ReminderRow) -> None:
        self.ctx.undo_stack.push(CompleteTask(self.ctx, row.reminder.task_id))  # 编辑 › 撤销 reopens it
        self._remove(row)

    def snooze(self, row: ReminderRow, choice: str) -> None:
        reminders.snooze(self.ctx.db, row.reminder.task_id, reminders.snooze_until(choice, self.ctx.now()))
        self._remove(row)

    def open_task(self, row: ReminderRow) -> None:
        self.ctx.events.navigate.emit("tasks", row.reminder.task_id)
        for widget in QCoreApplication.instance().topLevelWidgets():
            if isinstance(widget, QMainWindow) and widget.isVisible():
                widget.showNormal()
                widget.raise_()
                widget.activateWindow()
        self._remove(row)

    def _remove(self, row: ReminderRow) -> None:
        self.rows.remove(row)
        row.deleteLater()
        self._fill()
        if not self.rows:
            self.missed = False
            self.hide()
        else:
            self.adjustSize()


class ReminderWatcher(QObject):
    """Asks every TICK_MS what is due at ctx.now(), marks it shown and shows it."""

    TICK_MS = 10_000  # a reminder is at most this late; each tick is one indexed query

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self._window: ReminderWindow | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(self.TICK_MS)
        self.timer.timeout.connect(self.check)
        self._first = True
        self._shown_here: set[tuple] = set()

    @property
    def window(self) -> ReminderWindow:
        """Built when the first reminder fires (most starts have none)."""
        if self._window is None:
            self._window = ReminderWindow(self.ctx)
        return self._window

    def start(self) -> None:
        self.check()  # what came due while the app was closed: once, grouped
        self.timer.start()

    def check(self) -> list[reminders.Reminder]:
        try:
            found = reminders.due_reminders(self.ctx.db, self.ctx.now())
        except (sqlite3.Error, UserError):
            return []  # the file is busy or gone for a moment: the next tick asks again
        found = [r for r in found if (r.task_id, r.due, r.moment) not in self._shown_here]
        missed, self._first = self._first, False
        if not found:
            return []
        self._shown_here |= {(r.task_id, r.due, r.moment) for r in found}  # once, even if the file is read-only
        try:
            reminders.mark_shown(self.ctx.db, found)
        except (sqlite3.Error, UserError):
            pass
        self.window.add(found, missed)
        self._announce(found, missed)
        return found

    def _announce(self, found: list[reminders.Reminder], missed: bool) -> None:
        tray = self.ctx.quick_capture_tray  # quick_capture.install_tray, after the first frame
        if tray is None or not QSystemTrayIcon.supportsMessages():
            self.window.pop_up()
            return
        if len(found) == 1 and not missed:
            title, body = mask_text(found[0].title), self.tr("Due at %1").replace("%1", found[0].due_time)
        else:
            title = (self.tr("%1 missed reminders") if missed else self.tr("%1 reminders")).replace("%1", str(len(found)))
            body = "\n".join(f"{r.due_time}  {mask_text(r.title)}" for r in found[:5])
        if not getattr(tray, "_reminders_connected", False):
            tray.messageClicked.connect(self.window.pop_up)  # the actions are in the window
            tray._reminders_connected = True
        tray.showMessage(title, body, QSystemTrayIcon.MessageIcon.Information, 15_000)


def start_reminders(ctx, parent) -> ReminderWatcher:
    """The watcher of the main window `parent` (it stops with the window, before the database closes)."""
    watcher = ReminderWatcher(ctx, parent)
    watcher.start()
    return watcher
