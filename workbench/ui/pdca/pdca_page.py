"""The PDCA page: the board by stage on the left, the chosen cycle on the right."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from workbench.pdca import repository as repo
from workbench.ui.common.icons import icon
from workbench.ui.pdca import undo_commands as commands
from workbench.ui.pdca.board import Board
from workbench.ui.pdca.cycle_detail import CycleDetail
from workbench.ui.common.changes import Changes


class PdcaPage(QWidget):
    def __init__(self, ctx):
        super().__init__()
        self.ctx = ctx
        self.current_id: int | None = None
        self.new_button = QPushButton(icon("mdi6.plus"), self.tr("&New cycle"))
        self.new_button.setObjectName("newCycle")
        self.new_button.setToolTip(self.tr("Start a PDCA cycle (Ctrl+Shift+N)"))
        self.new_button.clicked.connect(self.new_cycle)
        self.summary = QLabel()
        self.summary.setObjectName("mutedText")
        header = QHBoxLayout()
        title = QLabel(self.tr("PDCA cycles"))
        title.setStyleSheet("font-size: 16px; font-weight: 600;")
        header.addWidget(title)
        header.addWidget(self.summary, 1)
        header.addWidget(self.new_button)
        self.board = Board()
        self.board.picked.connect(self.show_cycle)
        self.detail = CycleDetail(ctx)
        self.detail.edit_requested.connect(self.edit_cycle)
        self.detail.chain_requested.connect(self.show_chain)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.board)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([780, 560])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(header)
        layout.addWidget(splitter, 1)
        QShortcut(QKeySequence("Ctrl+Shift+N"), self, self.new_cycle)
        QShortcut(QKeySequence("Ctrl+Right"), self, self.detail.move_next)
        QShortcut(QKeySequence("Ctrl+Left"), self, self.detail.move_back)
        ctx.events.changed.connect(self._on_changed)

    def today(self) -> date:
        return self.ctx.today()

    # --- the page protocol -----------------------------------------------------------------------
    def refresh(self) -> None:
        raised = repo.raise_stall_tasks(self.ctx.db, self.today(), now=self.ctx.now())
        if raised:
            self.ctx.events.status_message.emit(self.tr("Stalled PDCA cycles became tasks: %1").replace("%1", str(len(raised))))
            self.ctx.events.changed.emit(Changes(tasks=True))
        self._reload()

    def _reload(self) -> None:
        cards = repo.board(self.ctx.db, self.today())
        self.board.show_board(cards)
        flagged = sum(1 for stage in cards.values() for card in stage if card.stalled)
        open_count = sum(len(v) for k, v in cards.items() if k != "closed")
        self.summary.setText("  " + self.tr("%1 open · %2 stalled").replace("%1", str(open_count)).replace("%2", str(flagged)))
        if self.current_id is None or repo.get_cycle(self.ctx.db, self.current_id) is None:
            first = next((card.cycle.id for stage in ("check", "do", "act", "plan", "closed") for card in cards[stage]), None)
            self.current_id = first
        self.show_cycle(self.current_id)

    def badge(self) -> str:
        count = repo.badge_count(self.ctx.db, self.today())
        return str(count) if count else ""

    def open_item(self, target) -> None:
        if target is not None and repo.get_cycle(self.ctx.db, int(target)) is not None:
            self.current_id = int(target)
            self._reload()

    def screenshot_states(self):
        def stalled():
            cards = repo.board(self.ctx.db, self.today())
            found = next((c.cycle.id for stage in cards.values() for c in stage if c.stalled), None)
            self.open_item(found)

        def closed():
            cards = repo.board(self.ctx.db, self.today())
            self.open_item(cards["closed"][0].cycle.id if cards["closed"] else None)

        return [("stalled", stalled), ("closed", closed)]

    # --- actions ---------------------------------------------------------------------------------
    def show_cycle(self, cycle_id: int | None) -> None:
        self.current_id = cycle_id
        self.detail.show_cycle(cycle_id)
        if cycle_id is not None:
            self.board.select(cycle_id)

    def _on_changed(self, changes: Changes) -> None:
        if (changes.pdca or changes.tasks) and self.isVisible():
            self._reload()

    def new_cycle(self) -> None:
        from workbench.ui.pdca.cycle_dialog import CycleDialog

        dialog = CycleDialog(self.ctx, self)
        if dialog.exec():
            self.create_from(dialog)

    def create_from(self, dialog) -> int:
        """Save the cycle an accepted CycleDialog describes (undoable) and show it."""
        title, fields = dialog.values()
        command = commands.CreateCycle(self.ctx, title, fields)
        self.ctx.undo_stack.push(command)
        self.current_id = command.cycle_id
        self._reload()
        return command.cycle_id

    def edit_cycle(self, cycle_id: int) -> None:
        from workbench.ui.pdca.cycle_dialog import CycleDialog

        cycle = repo.get_cycle(self.ctx.db, cycle_id)
        dialog = CycleDialog(self.ctx, self, cycle)
        if dialog.exec():
            title, fields = dialog.values()
            self.ctx.undo_stack.push(commands.EditCycle(self.ctx, cycle_id, {"title": title, **fields}))

    def show_chain(self, cycle_id: int) -> None:
        from workbench.ui.pdca.chain_dialog import ChainDialog

        dialog = ChainDialog(self.ctx, cycle_id, self)
        if dialog.exec() and dialog.chosen is not None:
            self.open_item(dialog.chosen)
