"""The 联系记录 page: the contact form on top, then the timeline, due list, recall queue, findings
board, the whole log (lazy) and search underneath (docs/architecture.md)."""
from __future__ import annotations


from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QMessageBox, QPushButton, QTabWidget, QVBoxLayout, QWidget)

from workbench.contacts.due import count_due_follow_ups
from workbench.contacts.findings import findings_board
from workbench.contacts.sequences import create_sequence, list_sequences, queue_progress
from workbench.errors import UserError
from workbench.ui.common import shortcuts
from workbench.ui.common.icons import icon
from workbench.ui.contacts.contact_form import ContactForm
from workbench.ui.contacts.undo_commands import (FindingStatusCommand, MergeFindingsCommand, SplitFindingCommand,
                                                 StartSequenceCommand, UpdateUserCommand, push)
from workbench.ui.contacts.work_views import (AllContactsView, DueView, FindingsBoard, RecallQueueView, SearchView,
                                              TimelineView)
from workbench.ui.common.changes import Changes

TIMELINE, DUE, QUEUE, FINDINGS, ALL, SEARCH = range(6)


class ContactsPage(QWidget):
    def __init__(self, ctx):
        super().__init__()
        self.ctx = ctx
        self.setObjectName("page")
        self.queue_item = None  # the recall queue entry being worked, if any
        title = QLabel(self.tr("Contact log"))
        title.setProperty("heading", True)
        self.start_button = QPushButton(icon("mdi6.repeat"), self.tr("Start recall sequence…"))
        self.start_button.clicked.connect(self.start_sequence_for_user)
        import_button = QPushButton(icon("mdi6.table-arrow-down"), self.tr("Import user list…"))
        import_button.clicked.connect(lambda: self.import_users())
        import_button.setToolTip(self.tr("Import a user list from Excel or CSV  (%1)").replace("%1", shortcuts.IMPORT_USERS))
        self.import_button = import_button
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch()
        lists_button = QPushButton(icon("mdi6.format-list-checks"), self.tr("Lists and cadence…"))
        lists_button.clicked.connect(self.edit_lists)
        header.addWidget(self.start_button)
        header.addWidget(import_button)
        header.addWidget(lists_button)
        self.form = ContactForm(ctx)
        self.strip = QLabel()
        self.strip.setObjectName("contactsStrip")
        self.strip.setProperty("muted", True)
        self.timeline = TimelineView(ctx)
        self.due = DueView(ctx)
        self.queue = RecallQueueView(ctx)
        self.findings = FindingsBoard(ctx)
        self.all_contacts = AllContactsView(ctx)
        self.search = SearchView(ctx)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("contactsTabs")
        self.tabs.setDocumentMode(True)
        for widget, name, glyph in ((self.timeline, self.tr("Timeline"), "mdi6.timeline-text-outline"),
                                    (self.due, self.tr("Due"), "mdi6.bell-outline"),
                                    (self.queue, self.tr("Recall queue"), "mdi6.phone-forward-outline"),
                                    (self.findings, self.tr("Findings"), "mdi6.lightbulb-on-outline"),
                                    (self.all_contacts, self.tr("All contacts"), "mdi6.format-list-bulleted"),
                                    (self.search, self.tr("Search"), "mdi6.magnify")):
            self.tabs.addTab(widget, icon(glyph), name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(8)
        layout.addLayout(header)
        layout.addWidget(self.form)
        layout.addWidget(self.strip)
        layout.addWidget(self.tabs, 1)
        self.form.user_changed.connect(self.timeline.show_user)
        self.form.saved.connect(self._after_save)
        self.timeline.details_requested.connect(self.edit_user)
        self.due.user_requested.connect(self.open_user)
        self.all_contacts.user_requested.connect(lambda uid: uid and self.open_user(uid))
        self.queue.work_requested.connect(self.work_queue_item)
        self.queue.new_button.clicked.connect(self.new_sequence)
        self.findings.status_requested.connect(lambda fid, status: self._run(FindingStatusCommand(self.ctx, fid, status)))
        self.findings.merge_requested.connect(lambda keep, others: self._run(MergeFindingsCommand(self.ctx, keep, others)))
        self.findings.split_requested.connect(lambda finding_id: self._run(SplitFindingCommand(self.ctx, finding_id)))
        self.search.hit_opened.connect(self._open_hit)
        self.tabs.currentChanged.connect(lambda _i: self._reload_current())
        QShortcut(QKeySequence("Ctrl+Shift+Return"), self, self.queue.work_next)
        QShortcut(QKeySequence("Ctrl+F"), self, self.focus_search)
        ctx.events.changed.connect(self._on_changed)
        self.refresh()

    # --- page protocol ---------------------------------------------------------------------------
    def refresh(self) -> None:
        self.form.load_options()
        self._update_strip()
        self._reload_current()

    def focus_entry(self) -> None:
        """The page opens with the cursor in the user finder (main_window.show_area_at), wherever it was."""
        self.form.finder.edit.setFocus()
        self.form.finder.edit.selectAll()

    def badge(self) -> str:
        count = count_due_follow_ups(self.ctx.db, self.ctx.today())
        return str(count) if count else ""

    def open_item(self, target) -> None:
        """navigate("contacts", user_id): the user in the form and their timeline;
        {"contact_id": id}: that contact's user; {"queue": sequence_id}: the 召回队列 tab on that sequence."""
        if isinstance(target, int):
            self.open_user(target)
        elif isinstance(target, dict) and target.get("queue") is not None:
            self.tabs.setCurrentIndex(QUEUE)
            self.queue.select_sequence(int(target["queue"]))
        elif isinstance(target, dict) and target.get("contact_id") is not None:
            self._open_hit("contact", int(target["contact_id"]))

    def screenshot_states(self):
        def form_filled():
            self.tabs.setCurrentIndex(TIMELINE)
            self.open_user(self._demo_user())
            self.form.topic.setCurrentText("召回")
            self.form.outcome.setCurrentText("已转化")
            self.form.follow_up.setText("后天 10:00")
            self.form.summary.setPlainText("说明了新的还款入口，用户同意本周内借款，已发放免息券。")
            self.form.finding_kind.setCurrentText("产品bug")
            self.form.finding_text.setText("借款页按钮点不动")

        def clear_form():
            self.form.summary.clear()
            self.form.follow_up.clear()
            self.form.finding_text.clear()
            self.form.finding_kind.setCurrentIndex(0)
            self.form.topic.setCurrentIndex(0)
            self.form.outcome.setCurrentIndex(0)
            self.ctx.settings.remove("contacts/draft")

        def tab(index):
            def enter():
                clear_form()
                self.tabs.setCurrentIndex(index)
            return enter

        def searching():
            clear_form()
            self.tabs.setCurrentIndex(SEARCH)
            self.search.edit.setText("预算")
            self.search.run()
            self.search.wait()

        return [("form", form_filled), ("due", tab(DUE)), ("queue", tab(QUEUE)), ("findings", tab(FINDINGS)),
                ("list", tab(ALL)), ("search", searching)]

    def _demo_user(self) -> int:
        from workbench.contacts.users import first_user_id

        return first_user_id(self.ctx.db, "王芳")

    # --- actions ------------------------------------------------------------------------------------
    def open_user(self, user_id: int) -> None:
        if not user_id:
            return
        self.form.choose_user(user_id)
        if self.tabs.currentIndex() not in (TIMELINE, QUEUE):
            self.tabs.setCurrentIndex(TIMELINE)

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(SEARCH)
        self.search.edit.setFocus()
        self.search.edit.selectAll()

    def work_queue_item(self, item) -> None:
        self.queue_item = item
        self.form.choose_user(item.user_id)
        self.form.channel.setCurrentText(item.channel)
        self.form.topic.setCurrentText("召回")
        self.form.show_message(self.tr("Recall: %1 (step %2). Log the outcome and save; the next user follows.")
                               .replace("%1", item.step_title).replace("%2", str(item.step)))
        self.form.outcome.setFocus()

    def _after_save(self, contact_id: int, user_id: int) -> None:
        self.timeline.show_user(user_id or None)
        if self.queue_item is not None and self.queue_item.user_id == user_id:
            worked = self.queue_item.enrolment_id
            self.queue_item = None
            self.queue.reload_queue()
            self.queue.work_next(worked)  # auto-advance to the next user of the recall list

    def _run(self, command) -> None:
        try:
            push(self.ctx, command)
        except UserError as error:
            QMessageBox.warning(self, self.tr("Contact log"), error.sentence)

    def edit_user(self, user_id: int) -> None:
        from workbench.ui.contacts.user_dialogs import UserDetailDialog

        dialog = UserDetailDialog(self.ctx, user_id, self)
        if dialog.exec() and dialog.changes():
            self._run(UpdateUserCommand(self.ctx, user_id, dialog.changes()))
            self.form.choose_user(user_id)

    def edit_lists(self) -> None:
        from workbench.ui.contacts.lists_dialog import ListsDialog

        ListsDialog(self.ctx, self).exec()
        self.form.load_options()

    def start_sequence_for_user(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        if not self.form.user_id:
            QMessageBox.information(self, self.tr("Contact log"), self.tr("Choose a user in the form first."))
            return
        sequences = list_sequences(self.ctx.db)
        if not sequences:
            self.new_sequence()
            sequences = list_sequences(self.ctx.db)
            if not sequences:
                return
        names = [s["name"] for s in sequences]
        name, ok = QInputDialog.getItem(self, self.tr("Start recall sequence"), self.tr("Sequence"), names, len(names) - 1, False)
        if ok:
            sequence_id = sequences[names.index(name)]["id"]
            self._run(StartSequenceCommand(self.ctx, sequence_id, [self.form.user_id]))

    def new_sequence(self) -> None:
        from workbench.ui.contacts.user_dialogs import NewSequenceDialog

        dialog = NewSequenceDialog(self)
        while dialog.exec():
            try:
                create_sequence(self.ctx.db, dialog.name.text(), dialog.parsed_steps(), now=self.ctx.now())
            except UserError as error:
                dialog.message.setText(error.sentence)
                continue
            self.ctx.events.changed.emit(Changes(contacts=True))
            return

    def import_users(self, path: str | None = None) -> None:
        from workbench.ui.contacts.user_dialogs import ImportUsersDialog

        dialog = ImportUsersDialog(self.ctx, self, path=path or None)
        if dialog.exec() and dialog.result is not None:
            self.ctx.events.status_message.emit(dialog.summary().splitlines()[0])
            QMessageBox.information(self, self.tr("Import a user list"), dialog.summary())

    def _open_hit(self, kind: str, ident: int) -> None:
        if kind == "user":
            self.open_user(ident)
        elif kind == "contact":
            from workbench.contacts.contact_log import get_contact

            contact = get_contact(self.ctx.db, ident)
            if contact is not None and contact.user_id:
                self.open_user(contact.user_id)
        elif kind == "finding":
            self.tabs.setCurrentIndex(FINDINGS)
        elif kind == "snippet":
            self.form.insert_snippet()

    # --- refresh ------------------------------------------------------------------------------------
    def _on_changed(self, changes: Changes) -> None:
        if (changes.contacts or changes.tasks) and self.isVisible():
            self._update_strip()
            self._reload_current()

    def _reload_current(self) -> None:
        widget = self.tabs.currentWidget()
        if widget is not None:
            widget.reload()

    def _update_strip(self) -> None:
        due_count = count_due_follow_ups(self.ctx.db, self.ctx.today())
        parts = [self.tr("Follow-ups due today %1").replace("%1", str(due_count))]
        sequences = list_sequences(self.ctx.db)
        if sequences:
            p = queue_progress(self.ctx.db, sequences[-1]["id"])
            parts.append(self.tr("Recall queue %1/%2 (converted %3)").replace("%1", str(p["contacted"]))
                         .replace("%2", str(p["enrolled"])).replace("%3", str(p["converted"])))
        board = findings_board(self.ctx.db)
        parts.append(self.tr("Findings (bug %1 · channel %2 · need %3)").replace("%1", str(len(board["产品bug"])))
                     .replace("%2", str(len(board["新渠道"]))).replace("%3", str(len(board["新需求"]))))
        self.strip.setText("  ·  ".join(parts))
