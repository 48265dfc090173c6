"""How tasks read on screen: quadrant names, due labels, chip texts (translated, context "TaskText")."""
from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from workbench.errors import current_language
from workbench.tasks.model import Task
from workbench.tasks.recurrence import describe

QUADRANT_TITLES = {
    "q1": QT_TRANSLATE_NOOP("TaskText", "Important & urgent · Do now"),
    "q2": QT_TRANSLATE_NOOP("TaskText", "Important, not urgent · Plan"),
    "q3": QT_TRANSLATE_NOOP("TaskText", "Urgent, not important · Quick / delegate"),
    "q4": QT_TRANSLATE_NOOP("TaskText", "Neither · Cut"),
    "inbox": QT_TRANSLATE_NOOP("TaskText", "Inbox"),
}
QUADRANT_SHORT = {
    "q1": QT_TRANSLATE_NOOP("TaskText", "Important & urgent"),
    "q2": QT_TRANSLATE_NOOP("TaskText", "Important, not urgent"),
    "q3": QT_TRANSLATE_NOOP("TaskText", "Urgent, not important"),
    "q4": QT_TRANSLATE_NOOP("TaskText", "Neither important nor urgent"),
    "inbox": QT_TRANSLATE_NOOP("TaskText", "Inbox"),
}
WEEKDAYS = [QT_TRANSLATE_NOOP("TaskText", "Mon"), QT_TRANSLATE_NOOP("TaskText", "Tue"),
            QT_TRANSLATE_NOOP("TaskText", "Wed"), QT_TRANSLATE_NOOP("TaskText", "Thu"),
            QT_TRANSLATE_NOOP("TaskText", "Fri"), QT_TRANSLATE_NOOP("TaskText", "Sat"),
            QT_TRANSLATE_NOOP("TaskText", "Sun")]

TODAY = QT_TRANSLATE_NOOP("TaskText", "Today")
TOMORROW = QT_TRANSLATE_NOOP("TaskText", "Tomorrow")
YESTERDAY = QT_TRANSLATE_NOOP("TaskText", "Yesterday")
OVERDUE = QT_TRANSLATE_NOOP("TaskText", "overdue")
LINK_KINDS = {"user": QT_TRANSLATE_NOOP("TaskText", "User"), "contact": QT_TRANSLATE_NOOP("TaskText", "Contact"),
              "pdca": QT_TRANSLATE_NOOP("TaskText", "PDCA cycle"), "alert": QT_TRANSLATE_NOOP("TaskText", "Alert"),
              "sequence": QT_TRANSLATE_NOOP("TaskText", "Recall queue")}


def t(text: str) -> str:
    return QCoreApplication.translate("TaskText", text)


def quadrant_title(quadrant: str) -> str:
    return t(QUADRANT_TITLES[quadrant])


def quadrant_short(quadrant: str) -> str:
    return t(QUADRANT_SHORT[quadrant])


def day_label(day: date, today: date) -> str:
    delta = (day - today).days
    if delta == 0:
        return t(TODAY)
    if delta == 1:
        return t(TOMORROW)
    if delta == -1:
        return t(YESTERDAY)
    if 1 < delta < 7:
        return t(WEEKDAYS[day.weekday()])
    if day.year == today.year:
        return day.strftime("%m-%d")
    return day.isoformat()


def due_label(due: str | None, today: date) -> str:
    if not due:
        return ""
    try:
        day = date.fromisoformat(due[:10])
    except ValueError:
        return due
    label = day_label(day, today)
    return f"{label} {due[11:16]}" if len(due) >= 16 else label


def recurrence_label(rule: str | None) -> str:
    return describe(rule, current_language()) if rule else ""


def due_state(task: Task, now: datetime) -> str:
    """'overdue' | 'today' | '' for the marks in the grid (string compares: this runs per row)."""
    if not task.due or task.status != "open":
        return ""
    today = f"{now.year:04d}-{now.month:02d}-{now.day:02d}"
    day = task.due[:10]
    if day < today:
        return "overdue"
    if day == today:
        if len(task.due) >= 16 and task.due[11:16] < f"{now.hour:02d}:{now.minute:02d}":
            return "overdue"
        return "today"
    return ""


def link_summary(task: Task, names: dict[str, str] | None = None) -> list[tuple[str, str, int]]:
    """[(kind, label, id)] for the links a task shows and opens; names (tasks.repository.link_names)
    turn "User #12" into "User 王芳"."""
    names = names or {}
    return [(kind, f"{t(LINK_KINDS[kind])} {names.get(kind) or f'#{value}'}", value)
            for kind, value in task.links.items()]
