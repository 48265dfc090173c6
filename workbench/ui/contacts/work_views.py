"""The views under the contact form: timeline, due list, recall queue, findings board, all
contacts (lazy) and search. Each has reload(); none runs SQL itself."""
from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, Qt, QThread, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QPushButton, QTableView, QTextBrowser,
                               QVBoxLayout, QWidget)

from workbench.contacts import due, findings, search, sequences, timeline
from workbench.contacts.schema import FINDING_KINDS, FINDING_STATUSES, STAGES
from workbench.contacts.vocabulary import shown
from workbench.contacts.users import get_user
from workbench.privacy import mask_phone, mask_text
from workbench.ui.common.icons import icon
from workbench.ui.common.theme import ALERT_COLORS, current_scheme
from workbench.ui.contacts.contact_list_model import ContactListModel

KIND_ICONS = {"contact": "mdi6.phone-outline", "task": "mdi6.checkbox-marked-outline", "finding": "mdi6.lightbulb-on-outline",
              "sequence": "mdi6.repeat", "import": "mdi6.table-arrow-down"}


def _muted(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setProperty("muted", True)
    label.setWordWrap(True)
    return label


class TimelineView(QWidget):
    """One user's history, newest first; the user's detail (with the phone reveal) is one click away."""
    details_requested = Signal(int)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx, self.user_id = ctx, None
        self.header = QLabel()
        self.header.setProperty("subheading", True)
        self.details = QPushButton(icon("mdi6.account-details-outline"), self.tr("User details…"))
        self.details.clicked.connect(lambda: self.user_id and self.details_requested.emit(self.user_id))
        self.list = QListWidget()
        self.list.setObjectName("timelineList")
        self.list.setWordWrap(True)
        self.empty = _muted(self.tr("Choose a user in the form above: their contacts, tasks, findings and recall steps show here."))
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.details)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)

    def show_user(self, user_id: int | None) -> None:
        self.user_id = user_id
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        user = get_user(self.ctx.db, self.user_id) if self.user_id else None
        self.empty.setVisible(user is None)
        self.details.setEnabled(user is not None)
        if user is None:
            self.header.setText(self.tr("Timeline"))
            return
        self.header.setText(self.tr("Timeline: %1").replace("%1", user.label()))
        for entry in timeline.user_timeline(self.ctx.db, user.id):
            when = (entry.at or "")[5:16].replace("T", " ")
            text = f"{when}   {self.entry_label(entry)}"
            detail = " ".join(mask_text(entry.detail).split())  # before the cut: a cut phone would not match
            if detail and entry.kind != "sequence":
                text += f"   “{detail[:160]}{'…' if len(detail) > 160 else ''}”"
            item = QListWidgetItem(icon(KIND_ICONS.get(entry.kind, "mdi6.circle-small")), mask_text(text))
            item.setToolTip(mask_text(entry.detail[:2000]))
            self.list.addItem(item)


    def entry_label(self, entry) -> str:
        if entry.kind == "task":
            states = {"open": self.tr("Task open"), "done": self.tr("Task done"), "dropped": self.tr("Task dropped")}
            label = f"{states.get(entry.status, entry.status)}   {entry.title}"
            if entry.due:
                label += "  " + self.tr("(due %1)").replace("%1", entry.due.replace("T", " "))
            return label
        if entry.kind == "finding":
            return self.tr("Finding") + f" {entry.title} · {entry.status}"
        if entry.kind == "sequence":
            if entry.status == "start":
                return self.tr("Recall sequence started: %1").replace("%1", entry.title)
            return self.tr("Recall sequence %1 at step %2: %3").replace("%1", entry.status or "") \
                .replace("%2", entry.detail).replace("%3", entry.title)
        if entry.kind == "import":
            return self.tr("Imported attributes")
        return entry.title


class DueView(QWidget):
    """Who do I owe a call: follow-ups due today/overdue, then users past their cadence."""
    user_requested = Signal(int)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.follow_ups = QListWidget()
        self.follow_ups.setObjectName("dueFollowUps")
        self.cadence = QListWidget()
        self.cadence.setObjectName("cadenceDue")
        self.follow_ups_title = QLabel()
        self.follow_ups_title.setProperty("subheading", True)
        self.cadence_title = QLabel()
        self.cadence_title.setProperty("subheading", True)
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(self.follow_ups_title)
        left.addWidget(self.follow_ups)
        right.addWidget(self.cadence_title)
        self.cadence_hint = _muted("")  # built from the stored cadence rules on every reload
        self.cadence_hint.setObjectName("cadenceHint")
        self.cadence_hint.setWordWrap(True)
        right.addWidget(self.cadence_hint)
        right.addWidget(self.cadence)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)
        for widget in (self.follow_ups, self.cadence):
            widget.itemActivated.connect(lambda item: self.user_requested.emit(item.data(Qt.ItemDataRole.UserRole)))

    def reload(self) -> None:
        today = self.ctx.today()
        items = due.due_follow_ups(self.ctx.db, today)
        self.follow_ups_title.setText(self.tr("Follow-ups due today or overdue (%1)").replace("%1", str(len(items))))
        self.follow_ups.clear()
        for f in items:
            item = QListWidgetItem(f"{f.due[5:16].replace('T', ' ')}   {mask_text(f.title)}   {mask_phone(f.phone)}")
            item.setData(Qt.ItemDataRole.UserRole, f.user_id)
            if f.overdue:
                item.setForeground(QColor(ALERT_COLORS["red"]))
                item.setIcon(icon("mdi6.alert-circle-outline", ALERT_COLORS["red"]))
            else:
                item.setIcon(icon("mdi6.clock-outline"))
            self.follow_ups.addItem(item)
        self.cadence_hint.setText(self.cadence_hint_text(due.cadence_rules(self.ctx.db)))
        rows = due.cadence_due(self.ctx.db, today, limit=100)
        self.cadence_title.setText(self.tr("Past their contact cadence (top %1)").replace("%1", str(len(rows))))
        self.cadence.clear()
        for c in rows:
            ago = self.tr("last contact %1 day ago") if c.days_since == 1 else self.tr("last contact %1 days ago")
            last = self.tr("never contacted") if not c.last_contact_at else ago.replace("%1", str(c.days_since))
            cadence = self.tr("(cadence %1 day)") if c.days == 1 else self.tr("(cadence %1 days)")
            item = QListWidgetItem(f"{c.name or c.user_id} · {mask_phone(c.phone)} · {shown(c.stage)} · {last} "
                                   + cadence.replace("%1", str(c.days)))
            item.setData(Qt.ItemDataRole.UserRole, c.user_id)
            self.cadence.addItem(item)


    def cadence_hint_text(self, rules: list[tuple[str, str, int]]) -> str:
        """Every stage in the order of the stage list (a stage without a rule says so), then the tags."""
        stages = {value: days for scope, value, days in rules if scope == "stage"}
        tags = [(value, days) for scope, value, days in rules if scope == "tag"]
        parts = []
        for stage in [*STAGES, *sorted(set(stages) - set(STAGES))]:
            days = stages.get(stage)
            if days is None:
                parts.append(self.tr("%1 none").replace("%1", shown(stage)))
            else:
                word = self.tr("%1 %2 day") if days == 1 else self.tr("%1 %2 days")
                parts.append(word.replace("%1", shown(stage)).replace("%2", str(days)))
        for tag, days in tags:
            word = self.tr("tag %1 %2 day") if days == 1 else self.tr("tag %1 %2 days")
            parts.append(word.replace("%1", tag).replace("%2", str(days)))
        return self.tr("Cadence: %1. The clock restarts with every contact; change it in Lists and cadence…") \
            .replace("%1", " · ".join(parts))


class RecallQueueView(QWidget):
    """Work a recall list: next user, log the call, the outcome advances the sequence, next user."""
    work_requested = Signal(object)  # a sequences.QueueItem

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.sequence = QComboBox()
        self.sequence.setObjectName("sequenceCombo")
        self.progress = QLabel()
        self.progress.setObjectName("queueProgress")
        self.progress.setProperty("subheading", True)
        self.days = QLabel()  # who is due when: the same counts as the recall tasks in the matrix
        self.days.setObjectName("queueDays")
        self.steps = _muted()
        self.next_button = QPushButton(icon("mdi6.skip-next-outline", "white"), self.tr("Next user  Ctrl+Shift+Enter"))
        self.next_button.setProperty("accent", True)
        self.next_button.clicked.connect(self.work_next)
        self.new_button = QPushButton(icon("mdi6.plus"), self.tr("New sequence…"))
        self.list = QListWidget()
        self.list.setObjectName("recallQueue")
        self.list.itemActivated.connect(lambda item: self.work_requested.emit(item.data(Qt.ItemDataRole.UserRole)))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Sequence")))
        top.addWidget(self.sequence, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addWidget(self.days)
        layout.addWidget(self.steps)
        layout.addWidget(self.list, 1)
        self.sequence.currentIndexChanged.connect(lambda _i: self.reload_queue())

    def current_sequence(self) -> int | None:
        return self.sequence.currentData()

    def select_sequence(self, sequence_id: int) -> None:
        """Show this sequence's queue (a recall day task in the matrix opens it)."""
        self.reload(prefer=sequence_id)

    def reload(self, prefer: int | None = None) -> None:
        current = prefer if prefer is not None else self.current_sequence()
        self.sequence.blockSignals(True)
        self.sequence.clear()
        for s in sequences.list_sequences(self.ctx.db):
            self.sequence.addItem(s["name"], s["id"])
        index = self.sequence.findData(current)
        self.sequence.setCurrentIndex(index if index >= 0 else self.sequence.count() - 1)
        self.sequence.blockSignals(False)
        self.reload_queue()

    def reload_queue(self) -> None:
        self.list.clear()
        sequence_id = self.current_sequence()
        if sequence_id is None:
            self.progress.setText(self.tr("No recall sequence yet"))
            self.steps.setText(self.tr("Create one (电话召回 → 次日微信关怀+优惠券 → 3天后短信), then start it for a user or an imported list."))
            self.days.clear()
            self.next_button.setEnabled(False)
            return
        p = sequences.queue_progress(self.ctx.db, sequence_id)
        self.days.setText(self.days_text(sequences.queue_days(self.ctx.db, sequence_id)))
        rate = f"{p['converted'] / p['contacted']:.0%}" if p["contacted"] else "—"
        self.progress.setText(self.tr("Contacted %1/%2 · converted %3 (%4) · in progress %5 · stopped %6").replace("%1", str(p["contacted"]))
                              .replace("%2", str(p["enrolled"])).replace("%3", str(p["converted"])).replace("%4", rate)
                              .replace("%5", str(p["active"])).replace("%6", str(p["stopped"])))
        steps = sequences.sequence_steps(self.ctx.db, sequence_id)
        day_word = self.tr("day +%1")
        self.steps.setText(" → ".join(f"{s.title}（{day_word.replace('%1', str(s.delay_days))}）" for s in steps))
        queue = sequences.recall_queue(self.ctx.db, sequence_id, limit=300)
        self.next_button.setEnabled(bool(queue))
        for q in queue:
            item = QListWidgetItem(f"{q.next_due[5:16].replace('T', ' ')}   {q.name or q.external_id}  {mask_phone(q.phone)}"
                                   f"   {q.step}/{len(steps)} {q.step_title} · {q.channel}")
            item.setData(Qt.ItemDataRole.UserRole, q)
            self.list.addItem(item)
        if queue:
            self.list.setCurrentRow(0)

    def days_text(self, days: dict[str, dict]) -> str:
        """"To contact: overdue 3 · today 177 · tomorrow 15 · later 4" (the parts that are not 0)."""
        today = self.ctx.today()
        tomorrow = date.fromordinal(today.toordinal() + 1).isoformat()
        counts = {"overdue": 0, "today": 0, "tomorrow": 0, "later": 0}
        for day, entry in days.items():
            key = ("overdue" if day < today.isoformat() else "today" if day == today.isoformat()
                   else "tomorrow" if day == tomorrow else "later")
            counts[key] += entry["count"]
        words = {"overdue": self.tr("overdue %1"), "today": self.tr("today %1"), "tomorrow": self.tr("tomorrow %1"),
                 "later": self.tr("later %1")}
        parts = [words[key].replace("%1", str(n)) for key, n in counts.items() if n]
        return self.tr("To contact: %1").replace("%1", " · ".join(parts)) if parts else self.tr("Nobody left to contact.")

    def work_next(self, after_enrolment: int | None = None) -> None:
        sequence_id = self.current_sequence()
        if sequence_id is None:
            return
        item = sequences.next_in_queue(self.ctx.db, sequence_id, after_enrolment, now=self.ctx.now())
        if item is not None:
            self.work_requested.emit(item)


class FindingsBoard(QWidget):
    """Findings by kind, most-mentioned first. Select several in a column and merge them (Ctrl+M);
    move one along 新发现 → 已反馈 → 已验证 → 已关闭."""
    status_requested = Signal(int, str)
    merge_requested = Signal(int, list)
    split_requested = Signal(int)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.columns: dict[str, QListWidget] = {}
        self.titles: dict[str, QLabel] = {}
        board = QHBoxLayout()
        for kind in FINDING_KINDS:
            column = QVBoxLayout()
            title = QLabel(shown(kind))
            title.setProperty("subheading", True)
            listing = QListWidget()
            listing.setObjectName(f"findings-{kind}")
            listing.setWordWrap(True)
            listing.setSpacing(3)
            listing.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
            column.addWidget(title)
            column.addWidget(listing)
            board.addLayout(column, 1)
            self.columns[kind], self.titles[kind] = listing, title
        buttons = QHBoxLayout()
        for status in FINDING_STATUSES[1:]:
            button = QPushButton(self.tr("Mark %1").replace("%1", status))
            button.clicked.connect(lambda _checked=False, s=status: self._status(s))
            buttons.addWidget(button)
        merge = QPushButton(icon("mdi6.call-merge"), self.tr("Merge selected  Ctrl+M"))
        merge.clicked.connect(self._merge)
        buttons.addWidget(merge)
        self.split_button = QPushButton(icon("mdi6.call-split"), self.tr("Split  Ctrl+Shift+M"))
        self.split_button.setToolTip(self.tr("Take a merged finding (merged ×N) apart into the findings it was made of"))
        self.split_button.clicked.connect(self._split)
        buttons.addWidget(self.split_button)
        buttons.addStretch()
        self.hint = _muted(self.tr("Similar findings are merged as they are raised; the count is how many times users mentioned it."))
        buttons.addWidget(self.hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(board, 1)
        layout.addLayout(buttons)
        QShortcut(QKeySequence("Ctrl+M"), self, self._merge, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Ctrl+Shift+M"), self, self._split, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def reload(self) -> None:
        board = findings.findings_board(self.ctx.db)
        for kind, listing in self.columns.items():
            listing.clear()
            items = board.get(kind, [])
            self.titles[kind].setText(f"{shown(kind)} ({len(items)})")
            for f in items:
                users = self.tr("%1 user") if f.user_count == 1 else self.tr("%1 users")
                second = f"{shown(f.status)} · " + users.replace("%1", str(f.user_count))
                if f.merged:
                    second += " · " + self.tr("merged ×%1").replace("%1", str(f.merged))
                item = QListWidgetItem(f"×{f.mentions}  {mask_text(f.text)}\n{second}")
                item.setData(Qt.ItemDataRole.UserRole, f.id)
                if f.merged:  # the wordings it was made of, which 拆分 gives back
                    parts = findings.finding_parts(self.ctx.db, f.id)
                    item.setToolTip(self.tr("Merged into this one (Ctrl+Shift+M splits them):") + "\n"
                                    + "\n".join(f"· {mask_text(part.text)}" for part in parts))
                if f.status == "新发现":
                    item.setIcon(icon("mdi6.new-box", ALERT_COLORS["orange"]))
                listing.addItem(item)

    def selected(self) -> list[int]:
        for listing in self.columns.values():
            chosen = [i.data(Qt.ItemDataRole.UserRole) for i in listing.selectedItems()]
            if chosen:
                return chosen
        return []

    def _status(self, status: str) -> None:
        for finding_id in self.selected():
            self.status_requested.emit(finding_id, status)

    def _split(self) -> None:
        chosen = self.selected()
        if len(chosen) == 1:
            self.split_requested.emit(chosen[0])

    def _merge(self) -> None:
        chosen = self.selected()
        if len(chosen) >= 2:
            self.merge_requested.emit(chosen[0], chosen[1:])


class AllContactsView(QWidget):
    user_requested = Signal(int)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.model = ContactListModel(ctx.db, parent=self)
        self.table = QTableView()
        self.table.setObjectName("contactTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        for column, width in enumerate([120, 70, 100, 56, 56, 70, 70, 0, 120]):
            if width:
                self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda index: self.user_requested.emit(self.model.data(index, Qt.ItemDataRole.UserRole) or 0))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.table)

    def reload(self) -> None:
        self.model.reload()


class SearchView(QWidget):
    """Search everything: ranked hits with the match marked; Enter on a hit opens it."""
    hit_opened = Signal(str, int)
    DEBOUNCE_MS = 250

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.edit = QLineEdit()
        self.edit.setObjectName("searchEdit")
        self.edit.setPlaceholderText(self.tr("Search users, contacts, findings and snippets (2 characters are enough: 王芳, 预算, 1234)"))
        self.edit.setClearButtonEnabled(True)
        self.timing = _muted()
        self.results = QTextBrowser()
        self.results.setObjectName("searchResults")
        self.results.setOpenLinks(False)
        self.results.anchorClicked.connect(self._open)
        # Typing searches after a pause, off the GUI thread; a newer search cancels the one running
        # (at 1M contacts one search takes 150–350 ms: per key, on the GUI thread, typing froze).
        self.debounce = QTimer(self, singleShot=True, interval=self.DEBOUNCE_MS)
        self.debounce.timeout.connect(self.run)
        self.job = None
        self.stale = False  # data changed while the tab was hidden: search again when it is shown
        self.edit.returnPressed.connect(self.run)
        self.edit.textChanged.connect(lambda text: self.debounce.start() if len(text.strip()) >= 2 else None)
        top = QHBoxLayout()
        top.addWidget(self.edit, 1)
        top.addWidget(self.timing)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.results, 1)

    def reload(self) -> None:
        if not self.edit.text().strip():
            return
        if self.isVisible():
            self.run()
        else:
            self.stale = True  # a save elsewhere does not re-run a search nobody sees

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.stale:
            self.run()

    def run(self) -> None:
        from workbench.ui.common.operation import run_operation

        self.debounce.stop()
        self.stale = False
        if self.job is not None:
            self.job.cancel()  # its late answer is dropped in _show
        text = self.edit.text()
        self.job = run_operation(self.ctx.db_path, lambda db: search.search(db, text),
                                 done=lambda result, job_text=text: self._show(job_text, result),
                                 failed=self._failed, owner=self)

    def searching(self) -> bool:
        return self.job is not None and not self.job.finished

    def wait(self, timeout_ms: int = 5000) -> None:
        """Process events until the running search is on screen (screenshots; scripted use)."""
        deadline = QDeadlineTimer(timeout_ms)
        while self.searching() and not deadline.hasExpired():
            QCoreApplication.processEvents()
            QThread.msleep(1)

    def _failed(self, sentence: str) -> None:
        self.results.setHtml(f"<p>{html.escape(sentence)}</p>")

    def _show(self, text: str, result) -> None:
        if text != self.edit.text():
            return  # typed on since: a newer search is coming
        kinds = {"user": self.tr("User"), "contact": self.tr("Contact"), "finding": self.tr("Finding"), "snippet": self.tr("Snippet")}
        accent = "#2f6fde"
        parts = []
        for hit in result.hits:
            snippet = html.escape(hit.snippet).replace("«", f"<b style='color:{accent}'>").replace("»", "</b>")
            parts.append(f"<p><span style='color:{current_scheme().muted}'>{kinds[hit.kind]}</span> "
                         f"<a href='{hit.kind}:{hit.id}'>{html.escape(hit.title)}</a><br>{snippet}</p>")
        self.results.setHtml("".join(parts) or f"<p>{self.tr('No matches.')}</p>")
        self.timing.setText(self.tr("%1 hits · %2 ms").replace("%1", str(len(result.hits))).replace("%2", f"{result.ms:.0f}"))

    def _open(self, url) -> None:
        kind, _, ident = url.toString().partition(":")
        self.hit_opened.emit(kind, int(ident))
