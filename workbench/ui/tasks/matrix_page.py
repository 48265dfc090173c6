"""收件箱 / 四象限: the inbox beside the 2×2 grid, the today strip, morning changes, triage mode, search.

The page reads open tasks only (indexed), so it stays fast with 100k done tasks in the file.
"""
from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QFrame, QGridLayout, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMenu,
                               QPushButton, QSizePolicy, QStackedWidget, QToolButton, QVBoxLayout, QWidget)

from workbench import stored_settings
from workbench.privacy import mask_text
from workbench.tasks import repository as repo
from workbench.tasks.model import INBOX, QUADRANTS
from workbench.ui.common import shortcuts
from workbench.ui.common.changes import Changes
from workbench.ui.common.theme import ACCENT, ALERT_COLORS, QUADRANT_COLORS, current_scheme
from workbench.ui.tasks.links import open_first_link, open_link
from workbench.ui.tasks.quadrant_list import QuadrantList
from workbench.ui.tasks.task_format import due_label, due_state, link_summary, quadrant_title
from workbench.ui.tasks.undo_commands import (CompleteTask, DeleteTask, DropTask, EditTask, MoveTask,
                                              ReopenTask)

if TYPE_CHECKING:
    from workbench.ui.tasks.closed_search import ClosedSearch
    from workbench.ui.tasks.triage_view import TriageView


class QuadrantPanel(QFrame):
    """A quadrant: quiet tint, one strong edge, a header with its count, and its list."""

    def __init__(self, quadrant: str):
        super().__init__()
        self.quadrant = quadrant
        self.setObjectName(f"panel_{quadrant}")  # its tint and edge, and the header's: theme.task_page_rules
        self.header = QLabel()
        self.header.setObjectName(f"header_{quadrant}")
        self.list = QuadrantList(quadrant)
        self.empty = QLabel()
        self.empty.setProperty("muted", True)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.header)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addStretch(0)

    def set_count(self, title: str, count: int, empty_text: str) -> None:
        self.header.setText(f"{title} ({count})")
        self.empty.setText(empty_text)
        self.empty.setVisible(count == 0)


class MatrixPage(QWidget):
    def __init__(self, ctx):
        super().__init__()
        self.ctx = ctx
        self.setObjectName("page")
        self._dirty = True
        self._painted = False  # the page's first frame is drawn: the today strip may fill
        self._pending_summary = None
        self._summary_scheduled = False
        self._build()
        ctx.events.changed.connect(self._on_changed)
        # No refresh here: the shell calls refresh() when it shows the page (it would run twice).

    # --- building ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.summary = QLabel()
        self.summary.setObjectName("todaySummary")
        self.summary.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
        self.triage_button = QPushButton(self.tr("Start triage ▶"))
        self.triage_button.setProperty("accent", True)
        self.triage_button.clicked.connect(self.start_triage)
        self.triage_button.setToolTip(self.tr("One inbox item at a time: 1–4, D, Del, E  (%1)")
                                      .replace("%1", shortcuts.START_TRIAGE))
        self.morning = QToolButton()
        self.morning.setObjectName("morningChanges")
        self.morning.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.morning.setVisible(False)  # until _show_morning finds tasks promoted today
        self.closed_button = QPushButton(self.tr("Done && dropped…"))
        self.closed_button.clicked.connect(lambda: self.show_closed(""))
        self.settings_button = QToolButton()
        self.settings_button.setText("⚙")
        self.settings_button.setToolTip(self.tr("Matrix settings"))
        self.settings_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.settings_button.setMenu(QMenu(self))
        self.settings_button.menu().aboutToShow.connect(self._fill_settings_menu)  # built when first opened
        header = QHBoxLayout()
        header.setContentsMargins(16, 8, 16, 0)
        header.addWidget(self.summary)
        header.addSpacing(8)
        header.addWidget(self.triage_button)
        header.addSpacing(16)
        header.addWidget(self.morning)
        header.addStretch(1)
        header.addWidget(self.closed_button)
        header.addWidget(self.settings_button)

        self.today_strip = QListWidget()
        self.today_strip.setObjectName("todayStrip")
        self.today_strip.setFlow(QListWidget.Flow.LeftToRight)
        self.today_strip.setWrapping(False)
        self.today_strip.setFixedHeight(40)
        self.today_strip.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.today_strip.setHorizontalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.today_strip.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.today_strip.setSpacing(4)
        self.today_strip.itemActivated.connect(lambda item: self.select_task(item.data(Qt.ItemDataRole.UserRole)))
        self.today_strip.itemClicked.connect(lambda item: self.select_task(item.data(Qt.ItemDataRole.UserRole)))
        strip_row = QHBoxLayout()
        strip_row.setContentsMargins(16, 4, 16, 0)
        strip_title = QLabel(self.tr("Today"))
        strip_title.setObjectName("todayStripTitle")
        strip_row.addWidget(strip_title)
        strip_row.addWidget(self.today_strip, 1)

        self.panels: dict[str, QuadrantPanel] = {name: QuadrantPanel(name) for name in (INBOX, *QUADRANTS)}
        for panel in self.panels.values():
            lst = panel.list
            lst.dropped.connect(self.move)
            lst.completed.connect(self.complete)
            lst.action.connect(self._on_list_action)
            lst.context_menu_requested = self._context_menu
            lst.itemDoubleClicked.connect(lambda item: self.edit(item.data(Qt.ItemDataRole.UserRole + 1)))
        grid = QGridLayout()
        grid.setSpacing(10)
        for quadrant, (row, column) in zip(QUADRANTS, ((0, 0), (0, 1), (1, 0), (1, 1))):
            grid.addWidget(self.panels[quadrant], row, column)
        matrix = QWidget()
        matrix_layout = QHBoxLayout(matrix)
        matrix_layout.setContentsMargins(16, 8, 16, 16)
        matrix_layout.setSpacing(10)
        self.panels[INBOX].setFixedWidth(300)
        matrix_layout.addWidget(self.panels[INBOX])
        matrix_layout.addLayout(grid, 1)

        self._triage: TriageView | None = None  # built on first use (start-up pays only for the grid)
        self._closed: ClosedSearch | None = None
        self.stack = QStackedWidget()
        self.stack.addWidget(matrix)
        self.matrix = matrix
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header)
        layout.addLayout(strip_row)
        layout.addWidget(self.stack, 1)

    @property
    def triage(self) -> TriageView:
        if self._triage is None:
            from workbench.ui.tasks.triage_view import TriageView

            self._triage = TriageView(self.ctx.now)
            self._triage.link_names = lambda task: repo.link_names(self.ctx.db, task)
            self._triage.decide.connect(self._on_triage)
            self._triage.finished.connect(self.show_matrix)
            self.stack.addWidget(self._triage)
        return self._triage

    @property
    def closed(self) -> ClosedSearch:
        if self._closed is None:
            from workbench.ui.tasks.closed_search import ClosedSearch

            self._closed = ClosedSearch(self.ctx)
            self._closed.reopen.connect(lambda task_id: self.ctx.undo_stack.push(ReopenTask(self.ctx, task_id)))
            self._closed.back.connect(self.show_matrix)
            self.stack.addWidget(self._closed)
        return self._closed

    def _fill_settings_menu(self) -> None:
        menu = self.settings_button.menu()
        if menu.actions():
            self.promote_days.setValue(self.promote_within_days())
            return
        from PySide6.QtWidgets import QSpinBox, QWidgetAction  # with the menu: start-up skips their types

        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(12, 6, 12, 6)
        row_layout.addWidget(QLabel(self.tr("Promote “important, not urgent” to “important & urgent” when due within")))
        self.promote_days = QSpinBox()
        self.promote_days.setRange(0, 30)
        self.promote_days.setSuffix(self.tr(" days"))
        self.promote_days.setValue(self.promote_within_days())
        self.promote_days.valueChanged.connect(self._set_promote_days)
        row_layout.addWidget(self.promote_days)
        action = QWidgetAction(menu)
        action.setDefaultWidget(row)
        menu.addAction(action)

    def promote_within_days(self) -> int:
        """Kept in the database (stored_settings): the same rule wherever the file is opened."""
        return stored_settings.get(self.ctx.db, stored_settings.PROMOTE_DAYS)

    def _set_promote_days(self, days: int) -> None:
        from workbench.ui.tasks.promotion import promote_now

        stored_settings.put(self.ctx.db, {stored_settings.PROMOTE_DAYS: days})
        promote_now(self.ctx)  # its own operation; the refresh below shows it (and the new rule's summary)
        self.refresh()

    # --- data --------------------------------------------------------------------------------
    def _on_changed(self, changes: Changes) -> None:
        if not changes.tasks:
            return
        self._dirty = True
        if self._triage is not None and self.stack.currentWidget() is self._triage:
            # Triaging: the card, the counter and "inbox zero" follow the inbox (an undo brings a task back).
            self._triage.sync(repo.list_inbox(self.ctx.db))
        elif self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        now = self.ctx.now()
        first_rows = QuadrantList.FIRST_FRAME_ROWS
        if self._painted:
            groups = repo.open_by_quadrant(self.ctx.db)
            counts = {name: len(tasks) for name, tasks in groups.items()}
        else:  # start-up: a screenful of each list now, the rest after the first frame (QuadrantList)
            groups, counts = repo.open_by_quadrant(self.ctx.db, first_rows), repo.open_counts(self.ctx.db)
        empty_texts = {
            INBOX: self.tr("Empty. Capture with Ctrl+N: 明天下午3点 回访 @王芳 #召回"),
            "q1": self.tr("Nothing on fire."), "q2": self.tr("Plan focused blocks for these."),
            "q3": self.tr("Handle between other work, or hand off."), "q4": self.tr("Nothing to cut."),
        }
        for name, panel in self.panels.items():
            rest = None
            if counts[name] > len(groups[name]):
                rest = lambda name=name: repo.list_quadrant(self.ctx.db, name, offset=first_rows)  # noqa: E731
            panel.list.show_tasks(groups[name], now, rest)
            panel.set_count(quadrant_title(name), counts[name], empty_texts[name])
        self._dirty = False
        # The today strip and the morning list are secondary: update them on the next turn of the
        # event loop, so Enter in the capture bar shows the new task in its quadrant at once; at
        # start-up, after the page's first frame (paintEvent), so the grid shows without waiting.
        self._pending_summary = (now, counts[INBOX])
        if self._painted and not self._summary_scheduled:
            self._summary_scheduled = True
            QTimer.singleShot(0, self, self._show_summary)
        if self._closed is not None and self.stack.currentWidget() is self._closed:
            self._closed.search()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            if self._pending_summary is not None:
                self._summary_scheduled = True
                QTimer.singleShot(0, self, self._show_summary)

    def _show_summary(self) -> None:
        self._summary_scheduled = False
        now, inbox = self._pending_summary
        self._show_today(now, inbox)
        self._show_morning(now.date())

    def _show_today(self, now: datetime, inbox: int) -> None:
        today = now.date()
        planned = repo.planned_for(self.ctx.db, today)
        overdue = [t for t in planned if due_state(t, now) == "overdue"]
        self.summary.setText(self.tr("Today: %1 planned · %2 overdue · inbox %3 to triage")
                             .replace("%1", str(len(planned) - len(overdue))).replace("%2", str(len(overdue)))
                             .replace("%3", str(inbox)))
        self.triage_button.setEnabled(inbox > 0)
        self.today_strip.clear()
        scheme = current_scheme()
        for task in planned[:60]:
            state = due_state(task, now)
            mark = due_label(task.due, today)
            item = QListWidgetItem(f"{mask_text(task.title)}  {mark}")
            item.setData(Qt.ItemDataRole.UserRole, task.id)
            colour = ALERT_COLORS["red"] if state == "overdue" else QUADRANT_COLORS.get(task.quadrant, ACCENT)
            item.setForeground(QBrush(QColor(colour if state == "overdue" else scheme.text)))
            item.setBackground(QBrush(QColor(colour).lighter(185) if not scheme.dark else QColor(colour).darker(300)))
            item.setToolTip(quadrant_title(task.quadrant))
            self.today_strip.addItem(item)
        if not planned:
            item = QListWidgetItem(self.tr("Nothing due today."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.today_strip.addItem(item)

    def _show_morning(self, today: date) -> None:
        promoted = repo.promoted_on(self.ctx.db, today)
        self.morning.setVisible(bool(promoted))
        if not promoted:
            return
        # Moved back to 重要不紧急 after this morning's promotion: it stays there for that due date
        # (repo.promote_due_soon), and the summary says so instead of still calling it promoted.
        overruled = [t for t in promoted if not t.urgent and t.due and t.kept_not_urgent_for_due == t.due]
        still = [t for t in promoted if t not in overruled]
        text = self.tr("Morning changes: %1 moved to “important & urgent” (due soon)").replace("%1", str(len(still)))
        if overruled:
            text += self.tr(", %1 kept in “important, not urgent” by you").replace("%1", str(len(overruled)))
        self.morning.setText(text.replace("&", "&&"))
        menu = QMenu(self.morning)
        for task in promoted:
            if task in overruled:
                reason = self.tr("moved back to “important, not urgent” by you: stays there for due %1") \
                    .replace("%1", due_label(task.due, today))
            else:
                reason = self.tr("due %1, within %2 days").replace("%1", due_label(task.due, today)) \
                    .replace("%2", str(self.promote_within_days()))
            action = menu.addAction(f"{mask_text(task.title)} — {reason}".replace("&", "&&"))
            action.triggered.connect(lambda checked=False, i=task.id: self.select_task(i))
        self.morning.setMenu(menu)
        self.morning_lines = [a.text() for a in menu.actions()]

    def badge(self) -> str:
        count = repo.count_inbox(self.ctx.db)
        return str(count) if count else ""

    # --- actions (each an undoable command) -----------------------------------------------
    def move(self, task_id: int, quadrant: str, before_id=None) -> None:
        self.ctx.undo_stack.push(MoveTask(self.ctx, task_id, quadrant, before_id))
        self.select_task(task_id)

    def complete(self, task_id: int) -> None:
        self.ctx.undo_stack.push(CompleteTask(self.ctx, task_id))

    def drop(self, task_id: int) -> None:
        self.ctx.undo_stack.push(DropTask(self.ctx, task_id))

    def delete(self, task_id: int) -> None:
        self.ctx.undo_stack.push(DeleteTask(self.ctx, task_id))

    def edit(self, task_id: int) -> bool:
        task = repo.get_task(self.ctx.db, task_id)
        if task is None:
            return False
        from workbench.ui.tasks.task_dialog import TaskDialog  # loaded on the first edit, not at start-up

        dialog = TaskDialog(self.ctx, task, self)
        if dialog.exec() != TaskDialog.DialogCode.Accepted:
            return False
        changes = dialog.changes()
        if changes:
            self.ctx.undo_stack.push(EditTask(self.ctx, task_id, changes))
        return True

    def _neighbour(self, task_id: int, step: int) -> None:
        """Alt+↑/↓: swap places with the task above or below."""
        for panel in self.panels.values():
            ids = panel.list.task_ids()
            if task_id in ids:
                row = ids.index(task_id)
                target = row + step
                if 0 <= target < len(ids):
                    before = ids[target] if step < 0 else (ids[target + 1] if target + 1 < len(ids) else None)
                    self.move(task_id, panel.quadrant, before)
                return

    def _on_list_action(self, action: str, task_id: int) -> None:
        if action in QUADRANTS or action == INBOX:
            self.move(task_id, action)
        elif action == "edit":
            self.edit(task_id)
        elif action == "drop":
            self.drop(task_id)
        elif action == "delete":
            self.delete(task_id)
        elif action == "open_link":
            task = repo.get_task(self.ctx.db, task_id)
            if task is not None:
                open_first_link(self.ctx, task)
        elif action in ("up", "down"):
            self._neighbour(task_id, -1 if action == "up" else 1)

    def _context_menu(self, task_id: int, position) -> None:
        task = repo.get_task(self.ctx.db, task_id)
        if task is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Done\tSpace"), lambda: self.complete(task_id))
        menu.addAction(self.tr("Edit…\tE"), lambda: self.edit(task_id))
        move_menu = menu.addMenu(self.tr("Move to"))
        for number, name in enumerate(QUADRANTS, start=1):
            if name != task.quadrant:
                move_menu.addAction(f"{quadrant_title(name)}\tAlt+{number}", lambda n=name: self.move(task_id, n))
        if task.quadrant != INBOX:
            move_menu.addAction(f"{quadrant_title(INBOX)}\tAlt+0", lambda: self.move(task_id, INBOX))
        for kind, label, value in link_summary(task, repo.link_names(self.ctx.db, task)):
            menu.addAction(self.tr("Open %1").replace("%1", label), lambda k=kind, v=value: open_link(self.ctx, k, v))
        menu.addSeparator()
        menu.addAction(self.tr("Drop (cut)\tDel"), lambda: self.drop(task_id))
        menu.addAction(self.tr("Delete for good\tShift+Del"), lambda: self.delete(task_id))
        menu.exec(position)

    # --- modes -------------------------------------------------------------------------------
    def start_triage(self) -> None:
        self.stack.setCurrentWidget(self.triage)
        self.triage.start(repo.list_inbox(self.ctx.db))
        self.triage.setFocus()

    def _on_triage(self, decision: str, task_id: int) -> None:
        if decision in QUADRANTS:
            self.ctx.undo_stack.push(MoveTask(self.ctx, task_id, decision))
        elif decision == "done":
            self.ctx.undo_stack.push(CompleteTask(self.ctx, task_id))
        elif decision == "drop":
            self.ctx.undo_stack.push(DropTask(self.ctx, task_id))
        elif decision == "edit":
            if self.edit(task_id):
                task = repo.get_task(self.ctx.db, task_id)
                if task is not None:
                    self.triage.replace_current(task)
            self.triage.setFocus()

    def show_matrix(self) -> None:
        self.stack.setCurrentWidget(self.matrix)
        if self._dirty:
            self.refresh()

    def show_closed(self, query: str = "") -> None:
        self.stack.setCurrentWidget(self.closed)
        self.closed.query.setText(query)
        self.closed.search()
        self.closed.query.setFocus()

    def select_task(self, task_id: int) -> bool:
        if self.stack.currentWidget() is not self.matrix:
            self.show_matrix()
        for panel in self.panels.values():
            if panel.list.select_task(task_id):
                panel.list.setFocus()
                return True
        return False

    def open_item(self, target) -> None:
        """navigate("tasks", task_id): show that task; a closed one opens the search with its title."""
        task_id = target.get("task_id") if isinstance(target, dict) else target
        task = repo.get_task(self.ctx.db, int(task_id)) if task_id is not None else None
        if task is None:
            return
        if task.status == "open":
            QTimer.singleShot(0, lambda: self.select_task(task.id))
        else:
            self.show_closed(task.title)

    def screenshot_states(self):
        return [("triage", self.start_triage), ("done", lambda: self.show_closed(""))]
