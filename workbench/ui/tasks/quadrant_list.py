"""One list of the grid (or the inbox): tasks with a checkbox, due marks, drag and drop, keyboard moves."""
from __future__ import annotations

from datetime import datetime
from typing import Callable

from PySide6.QtCore import QByteArray, QMimeData, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QStyledItemDelegate

from workbench.privacy import mask_text
from workbench.tasks.model import Task
from workbench.ui.common.icons import loaded_icon
from workbench.ui.common.theme import ACCENT, ALERT_COLORS, current_scheme
from workbench.ui.tasks.task_format import OVERDUE, due_label, due_state, t

MIME = "application/x-workbench-task-ids"
TASK_ROLE = Qt.ItemDataRole.UserRole + 1
META_ROLE = Qt.ItemDataRole.UserRole + 2
STATE_ROLE = Qt.ItemDataRole.UserRole + 3
MARKS_ROLE = Qt.ItemDataRole.UserRole + 4  # icon names drawn before the due text (linked, repeats)
LINKED_ICON = "mdi6.link-variant"  # an icon, not 🔗: a system without an emoji font draws that as a box
REPEATS_ICON = "mdi6.repeat"


class TaskDelegate(QStyledItemDelegate):
    """Checkbox and title on the left, due (red when overdue) and tags on the right.

    Qt draws the row (background, selection, checkbox) with the title left out; paint() then draws the
    title, elided before the due text, and the due text. The title starts TEXT_LEFT px in, after the
    stylesheet's 13 px checkbox (a test holds it to the style's own text rectangle): asking the style
    for that rectangle would cost every start-up QStyle's ~570 Python enums (~6 ms). It paints every
    visible row on every repaint, so the pens are made once: the page is rebuilt, delegates included,
    when the light/dark scheme changes."""

    TEXT_LEFT = 20

    def __init__(self, parent=None):
        super().__init__(parent)
        scheme = current_scheme()
        self._title_pen = QPen(QColor(scheme.text))
        self._meta_pens = {"overdue": QPen(QColor(ALERT_COLORS["red"])), "today": QPen(QColor(ACCENT))}
        self._muted_pen = QPen(QColor(scheme.muted))

    def sizeHint(self, option, index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), 28))

    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        option.text = ""  # paint() draws the title, so that it ends before the due text

    def paint(self, painter, option, index) -> None:
        super().paint(painter, option, index)
        text_rect = option.rect.adjusted(self.TEXT_LEFT, 0, 0, 0)
        meta, metrics = index.data(META_ROLE), option.fontMetrics
        painter.save()
        meta_width = 0
        if meta:
            meta_width = metrics.horizontalAdvance(meta) + 8
            painter.setPen(self._meta_pens.get(index.data(STATE_ROLE), self._muted_pen))
            painter.drawText(text_rect.right() - meta_width, text_rect.top(), meta_width, text_rect.height(),
                             _RIGHT, meta)
        meta_width += self._paint_marks(painter, index.data(MARKS_ROLE) or (), text_rect, meta_width)
        painter.setPen(self._title_pen)
        room = max(0, text_rect.width() - meta_width)
        painter.drawText(text_rect.left(), text_rect.top(), room, text_rect.height(), _LEFT,
                         metrics.elidedText(index.data(_TITLE), _ELIDE, room))
        painter.restore()


    def _paint_marks(self, painter, names, text_rect, right_of: int) -> int:
        """Draw the marks' icons right to left before the due text; returns the width they took."""
        side, gap = 14, 3
        pad = 4 if right_of else 0  # the due text's width has 8 px of padding around it
        taken = 0
        for name in reversed(names):
            mark = loaded_icon(name)
            taken += side + gap
            if mark is not None:
                top = text_rect.top() + (text_rect.height() - side) // 2
                mark.paint(painter, text_rect.right() - right_of + pad - taken, top, side, side)
        return taken


_TITLE = Qt.ItemDataRole.DisplayRole
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_ELIDE = Qt.TextElideMode.ElideRight


def marks(task: Task) -> list[str]:
    """The icons a row shows for what its title does not say: linked to a user or cycle, repeats."""
    return [name for name, shown in ((LINKED_ICON, task.links), (REPEATS_ICON, task.recurrence)) if shown]


def meta_text(task: Task, now: datetime) -> str:
    parts = []
    if task.due:
        label = due_label(task.due, now.date())
        if due_state(task, now) == "overdue":
            label += " " + t(OVERDUE)
        parts.append(label)
    return " ".join(parts)


class QuadrantList(QListWidget):
    """Emits what the operator asked for; the page turns it into undoable commands."""

    dropped = Signal(int, str, object)  # task id, quadrant, before task id (None = at the end)
    completed = Signal(int)
    action = Signal(str, int)  # ('edit' | 'drop' | 'delete' | 'open_link' | 'q1'..'q4' | 'inbox' | 'up' | 'down', id)

    # The first fill builds this many rows (more than a panel shows) and the rest after the list's
    # first frame: ~1,200 open tasks at scale 100 cost ~25 ms of rows nobody sees at start-up.
    FIRST_FRAME_ROWS = 40

    def __init__(self, quadrant: str):
        super().__init__()
        # Rows still to add after the first frame: a loader of them, and the time they are shown at.
        self._rest: tuple[Callable[[], list[Task]], datetime] | None = None
        self.quadrant = quadrant
        self.setObjectName("taskList")  # its look: theme.task_page_rules
        self.setItemDelegate(TaskDelegate(self))
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setUniformItemSizes(True)
        self.setFrameShape(QListWidget.Shape.NoFrame)
        self._filling = False
        self.itemChanged.connect(self._on_item_changed)

    # --- content -------------------------------------------------------------------------
    def show_tasks(self, tasks: list[Task], now: datetime,
                   rest: Callable[[], list[Task]] | None = None) -> bool:
        """Rebuild the list, unless nothing it shows has changed (most refreshes touch one list).

        `rest` loads the rows after `tasks` when the caller fetched only the first ones (start-up)."""
        signature = (now.date(), now.strftime("%H:%M"), rest is None,
                     [(t.id, t.title, t.due, t.recurrence, bool(t.links), t.tags, t.notes[:80]) for t in tasks])
        if rest is None and signature == getattr(self, "_signature", None):
            return False  # (with a `rest` the signature cannot see the later rows: always rebuild)
        first_fill = getattr(self, "_signature", None) is None
        self._signature = signature
        selected = self.current_task_id()
        self._rest = None
        self._filling = True
        self.setUpdatesEnabled(False)
        self.clear()
        if rest is not None:
            self._rest = (rest, now)
        elif first_fill and len(tasks) > self.FIRST_FRAME_ROWS:
            self._rest = (lambda later=tasks[self.FIRST_FRAME_ROWS:]: later, now)
            tasks = tasks[:self.FIRST_FRAME_ROWS]
        self._add_rows(tasks, now)
        self.setUpdatesEnabled(True)
        if selected is not None:
            self.select_task(selected)
        return True

    def _add_rows(self, tasks: list[Task], now: datetime) -> None:
        self._filling = True
        for task in tasks:
            title = mask_text(task.title)  # stored as typed; a phone in it is shown masked
            item = QListWidgetItem(title)
            item.setData(TASK_ROLE, task.id)
            item.setData(META_ROLE, meta_text(task, now))
            item.setData(MARKS_ROLE, marks(task))
            item.setData(STATE_ROLE, due_state(task, now))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsDragEnabled)
            item.setCheckState(Qt.CheckState.Unchecked)
            tip = [title]
            if task.tags:
                tip.append(" ".join(f"#{tag}" for tag in task.tags))
            if task.notes:
                tip.append(mask_text(task.notes[:200]))
            item.setToolTip("\n".join(tip))
            self.addItem(item)
        self._filling = False

    def finish_fill(self) -> None:
        """Add the rows the first fill left for after the first frame (anything reading rows calls this)."""
        if self._rest is not None:
            load, now = self._rest
            self._rest = None
            self.setUpdatesEnabled(False)
            self._add_rows(load(), now)
            self.setUpdatesEnabled(True)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self._rest is not None:
            QTimer.singleShot(0, self, self.finish_fill)

    def task_ids(self) -> list[int]:
        self.finish_fill()
        return [self.item(i).data(TASK_ROLE) for i in range(self.count())]

    def current_task_id(self) -> int | None:
        item = self.currentItem()
        return item.data(TASK_ROLE) if item is not None else None

    def select_task(self, task_id: int) -> bool:
        self.finish_fill()
        for row in range(self.count()):
            if self.item(row).data(TASK_ROLE) == task_id:
                self.setCurrentRow(row)
                self.scrollToItem(self.item(row))
                return True
        return False

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        if not self._filling and item.checkState() == Qt.CheckState.Checked:
            self.completed.emit(item.data(TASK_ROLE))

    # --- keyboard ----------------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:
        self.finish_fill()  # arrows and Page Down reach every row
        task_id = self.current_task_id()
        key, mods = event.key(), event.modifiers()
        alt = bool(mods & Qt.KeyboardModifier.AltModifier)
        if task_id is not None:
            if key == Qt.Key.Key_Space and not mods:
                self.completed.emit(task_id)
                return
            if key == Qt.Key.Key_Delete:
                self.action.emit("delete" if mods & Qt.KeyboardModifier.ShiftModifier else "drop", task_id)
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2) or (key == Qt.Key.Key_E and not mods):
                self.action.emit("edit", task_id)
                return
            if key == Qt.Key.Key_O and not mods:
                self.action.emit("open_link", task_id)
                return
            if alt and Qt.Key.Key_1 <= key <= Qt.Key.Key_4:
                self.action.emit(f"q{key - Qt.Key.Key_0}", task_id)
                return
            if alt and key == Qt.Key.Key_0:
                self.action.emit("inbox", task_id)
                return
            if alt and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.action.emit("up" if key == Qt.Key.Key_Up else "down", task_id)
                return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event) -> None:
        item = self.itemAt(event.pos())
        if item is not None:
            self.setCurrentItem(item)
            self.context_menu_requested(item.data(TASK_ROLE), event.globalPos())

    def context_menu_requested(self, task_id: int, position) -> None:
        """Replaced by the page (it knows the task and its links)."""

    # --- drag and drop -------------------------------------------------------------------------
    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, items) -> QMimeData:
        data = QMimeData()
        data.setData(MIME, QByteArray(",".join(str(i.data(TASK_ROLE)) for i in items).encode()))
        return data

    def supportedDropActions(self):
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasFormat(MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasFormat(MIME):
            super().dragMoveEvent(event)
            event.acceptProposedAction()
        else:
            event.ignore()

    def before_id_at(self, point) -> int | None:
        """The task a drop at point goes in front of (None: at the end)."""
        self.finish_fill()
        item = self.itemAt(point)
        if item is None:
            return None
        rect = self.visualItemRect(item)
        row = self.row(item)
        if point.y() > rect.center().y():
            row += 1
        return self.item(row).data(TASK_ROLE) if row < self.count() else None

    def dropEvent(self, event) -> None:
        if not event.mimeData().hasFormat(MIME):
            event.ignore()
            return
        ids = [int(x) for x in bytes(event.mimeData().data(MIME)).decode().split(",") if x]
        before = self.before_id_at(event.position().toPoint())
        # CopyAction: the view must not remove the source row itself; the page reloads from the database.
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        for task_id in ids:
            if task_id != before:
                self.dropped.emit(task_id, self.quadrant, before)
