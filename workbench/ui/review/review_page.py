"""The weekly review (周复盘): earlier weeks on the left; the week's numbers in four blocks (任务 · 联系 ·
数据 · PDCA); the four sections the operator writes, with the week's facts beside each; the export.

This module also answers 文件 › 导出周报 (AppEvents.export_week_requested).
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, Qt, QThread, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFileDialog, QFrame, QGridLayout, QHBoxLayout, QLabel, QListWidget,
                               QListWidgetItem, QMessageBox, QPlainTextEdit, QProgressDialog, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from workbench.contacts.vocabulary import shown
from workbench.errors import current_language
from workbench.privacy import mask_text
from workbench.reports.metric_cards import format_change, format_value
from workbench.review.assemble import collect_week
from workbench.review.repository import SECTIONS, load_review, reviewed_weeks
from workbench.review.sections import percent, section_facts
from workbench.review.weeks import IsoWeek
from workbench.ui.common.icons import icon
from workbench.ui.common.theme import ALERT_COLORS, QUADRANT_COLORS, current_scheme
from workbench.ui.common.masked_fields import MaskedFields
from workbench.ui.review.undo_commands import SaveSection
from workbench.ui.common.changes import Changes

WEEKS_LISTED = 26
SAVE_DELAY_MS = 800
WEEK_ROLE = Qt.ItemDataRole.UserRole


def _section_titles() -> dict[str, str]:
    return {"goal_review": QCoreApplication.translate("ReviewPage", "Goal review"), "results": QCoreApplication.translate("ReviewPage", "Results"), "process": QCoreApplication.translate("ReviewPage", "Process analysis"),
            "lessons": QCoreApplication.translate("ReviewPage", "Lessons and patterns")}


def _section_hints() -> dict[str, str]:
    return {"goal_review": QCoreApplication.translate("ReviewPage", "What did you set out to do this week?"),
            "results": QCoreApplication.translate("ReviewPage", "What happened? Numbers first, good and bad."),
            "process": QCoreApplication.translate("ReviewPage", "Why did it happen? What helped, what got in the way?"),
            "lessons": QCoreApplication.translate("ReviewPage", "What will you keep doing, and what becomes an SOP or a PDCA cycle?")}


class StatBlock(QFrame):
    """One of the four blocks: a title and rows of (label, value)."""

    def __init__(self, title: str, colour: str):
        super().__init__()
        self.setObjectName("statBlock")
        scheme = current_scheme()
        self.setStyleSheet(f"#statBlock {{ background: {scheme.surface}; border: 1px solid {scheme.line};"
                           f" border-top: 3px solid {colour}; border-radius: 6px; }}")
        self.title = QLabel(title)
        self.title.setStyleSheet("font-weight: 600; border: none;")
        self.grid = QGridLayout()
        self.grid.setVerticalSpacing(2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.title)
        layout.addLayout(self.grid)
        layout.addStretch(1)

    def show_rows(self, rows: list[tuple[str, str]]) -> None:
        while self.grid.count():
            widget = self.grid.takeAt(0).widget()
            widget.hide()  # deleteLater alone would leave it painted under the new rows until deleted
            widget.setParent(None)
            widget.deleteLater()
        for index, (label, value) in enumerate(rows):
            name, number = QLabel(label), QLabel(value)
            name.setObjectName("mutedText")
            name.setStyleSheet("border: none;")
            number.setStyleSheet("border: none; font-weight: 600;")
            number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.grid.addWidget(name, index, 0)
            self.grid.addWidget(number, index, 1)


class ReviewPage(QWidget):
    def __init__(self, ctx):
        super().__init__()
        self.ctx = ctx
        self.week = IsoWeek.of(self.today())
        self.workers: list = []
        self.last_export = None
        self._pending: dict[str, str] = {}
        self.save_timer = QTimer(self)
        self.save_timer.setSingleShot(True)
        self.save_timer.setInterval(SAVE_DELAY_MS)
        self.save_timer.timeout.connect(self.save_pending)
        # Contact counts come from a worker, started before the cheap facts are read so both run at
        # once; showing another week cancels the count of the previous one.
        self.review = None
        self._count_request = 0
        self._counting: dict = {}  # request → its Operation, until it reports

        self.weeks = QListWidget()
        self.weeks.setObjectName("reviewWeeks")
        self.weeks.setFixedWidth(230)
        self.weeks.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.weeks.currentItemChanged.connect(self._on_week_picked)

        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.mask = QCheckBox(self.tr("Mask phone numbers"))
        self.mask.setObjectName("maskPhones")
        self.mask.setChecked(True)
        self.mask.setToolTip(self.tr("Unticked, the sheet holds full phone numbers; the export is then recorded in the audit log."))
        self.export_language = QComboBox()
        self.export_language.setObjectName("exportLanguage")
        self.export_language.setToolTip(self.tr("The language of the exported workbook"))
        for label, code in ((self.tr("Workbook in the app's language"), None), (self.tr("Chinese workbook"), "zh_CN"),
                            (self.tr("English workbook"), "en")):
            self.export_language.addItem(label, code)
        self.export_button = QPushButton(icon("mdi6.microsoft-excel", "#217346"), self.tr("E&xport weekly review to Excel"))
        self.export_button.setObjectName("exportWeek")
        self.export_button.clicked.connect(self.export_current)
        # Sections typed with a phone or an ID number show it masked and read-only until revealed.
        self.masked = MaskedFields(ctx, "周复盘", self)
        header = QHBoxLayout()
        header.addWidget(self.heading, 1)
        header.addWidget(self.masked.button)
        header.addWidget(self.mask)
        header.addWidget(self.export_language)
        header.addWidget(self.export_button)

        self.blocks = {
            "tasks": StatBlock(self.tr("Tasks"), QUADRANT_COLORS["q2"]),
            "contacts": StatBlock(self.tr("Contacts"), "#4a9a5b"),
            "data": StatBlock(self.tr("Data"), "#7b4fd6"),
            "pdca": StatBlock(self.tr("PDCA"), QUADRANT_COLORS["q3"]),
        }
        blocks = QHBoxLayout()
        blocks.setSpacing(10)
        for block in self.blocks.values():
            blocks.addWidget(block, 1)
        self.alerts = QLabel()
        self.alerts.setWordWrap(True)

        self.editors: dict[str, QPlainTextEdit] = {}
        self.facts: dict[str, QLabel] = {}
        sections = QGridLayout()
        sections.setHorizontalSpacing(14)
        sections.setColumnStretch(0, 3)
        sections.setColumnStretch(1, 2)
        titles, hints = _section_titles(), _section_hints()
        for row, key in enumerate(SECTIONS):
            title = QLabel(titles[key])
            title.setStyleSheet("font-weight: 600; margin-top: 6px;")
            editor = QPlainTextEdit()
            editor.setObjectName(f"section_{key}")
            editor.setPlaceholderText(hints[key])
            editor.setTabChangesFocus(True)
            editor.setMinimumHeight(96)
            editor.setMaximumHeight(150)
            editor.textChanged.connect(lambda k=key: self._on_text_changed(k))
            facts = QLabel()
            facts.setObjectName("mutedText")
            facts.setWordWrap(True)
            facts.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.editors[key], self.facts[key] = editor, facts
            sections.addWidget(title, row * 2, 0, 1, 2)
            sections.addWidget(editor, row * 2 + 1, 0)
            sections.addWidget(facts, row * 2 + 1, 1)

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(16, 12, 16, 16)
        body_layout.addLayout(header)
        body_layout.addLayout(blocks)
        body_layout.addWidget(self.alerts)
        body_layout.addLayout(sections)
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.weeks)
        layout.addWidget(scroll, 1)
        ctx.events.export_week_requested.connect(self.export_current)
        ctx.events.changed.connect(self._on_changed)

    def today(self) -> date:
        return self.ctx.today()

    # --- the page protocol -----------------------------------------------------------------------
    def refresh(self) -> None:
        self._fill_weeks()
        self.show_week(self.week)

    def badge(self) -> str:
        return ""

    def open_item(self, target) -> None:
        if target:
            self.show_week(IsoWeek.parse(str(target)))
            self._fill_weeks()

    def screenshot_states(self):
        def last_week():
            self.open_item(IsoWeek.of(self.today()).previous().label)
            self.wait_for_counts()

        return [("last-week", last_week)]

    # --- weeks -----------------------------------------------------------------------------------
    def _fill_weeks(self) -> None:
        saved = set(reviewed_weeks(self.ctx.db))
        current = IsoWeek.of(self.today())
        self.weeks.blockSignals(True)
        self.weeks.clear()
        week = current
        for _ in range(WEEKS_LISTED):
            label = f"{week.label}  {week.span_text()}"
            if week == current:
                label += "  " + self.tr("(this week)")
            item = QListWidgetItem(label)
            item.setData(WEEK_ROLE, week.label)
            if week.label in saved:
                item.setIcon(icon("mdi6.check-circle-outline", "#4a9a5b"))
                item.setToolTip(self.tr("Review written"))
            self.weeks.addItem(item)
            if week == self.week:
                self.weeks.setCurrentItem(item)
            week = week.previous()
        self.weeks.blockSignals(False)

    def _on_week_picked(self, item, _previous) -> None:
        if item is not None:
            self.show_week(IsoWeek.parse(item.data(WEEK_ROLE)))

    def show_week(self, week: IsoWeek) -> None:
        self.save_pending()
        self.week = week
        self._start_counting(week)
        review = collect_week(self.ctx.db, week, self.today(), contacts=False)
        review.tasks = []  # the page shows counts only; the export reads the rows
        self.review = review
        self.heading.setText(self.tr("Weekly review %1 · %2 – %3").replace("%1", week.label)
                             .replace("%2", f"{week.monday:%m-%d}").replace("%3", f"{week.sunday:%m-%d}"))
        self._show_blocks(review)
        self._show_facts(review)
        texts = load_review(self.ctx.db, week)
        self.masked.what = f"周复盘 {week.label}"
        for key in SECTIONS:
            self._show_section(key, texts.section(key))

    def _show_section(self, key: str, text: str) -> None:
        editor = self.editors[key]
        if self.masked.text(editor) != text or self.masked.is_masked(editor) != (mask_text(text) != text):
            editor.blockSignals(True)
            self.masked.show_text(editor, text)
            editor.blockSignals(False)

    def _show_facts(self, review) -> None:
        facts = section_facts(review, current_language())
        for key in SECTIONS:
            lines = "\n".join("· " + line for line in facts[key])  # PDCA titles, topics: typed text, masked
            self.facts[key].setText(mask_text(lines) or self.tr("(nothing recorded)"))

    # --- contact counts, from a worker -----------------------------------------------------------
    def contacts_pending(self) -> bool:
        """True while the count for the week shown has not reported (numbers or a failure)."""
        return self._count_request in self._counting

    def wait_for_counts(self, timeout_ms: int = 5000) -> None:
        """Process events until the contact counts are on screen (screenshots; scripted use)."""
        deadline = QDeadlineTimer(timeout_ms)
        while self.contacts_pending() and not deadline.hasExpired():
            QCoreApplication.processEvents()
            QThread.msleep(1)

    def _start_counting(self, week: IsoWeek) -> None:
        """A week's contact counts off the GUI thread (~170 ms at scale 100): the page shows at once and
        fills its 联系 block when they arrive."""
        from workbench.review.week_facts import contact_counts
        from workbench.ui.common.operation import Operation

        for job in self._counting.values():
            job.cancel()  # a count for a week no longer shown; its report is ignored
        self._count_request += 1
        request = self._count_request
        job = Operation(self.ctx.db_path, lambda db: contact_counts(db, week), owner=self)
        job.done.connect(lambda counts: self._on_counted(request, counts))
        job.failed.connect(lambda sentence: self._on_count_failed(request, sentence))
        job.cancelled.connect(lambda: self._counting.pop(request, None))
        self._counting[request] = job
        job.start()

    def _on_counted(self, request: int, counts: dict) -> None:
        self._counting.pop(request, None)
        if request != self._count_request or self.review is None:
            return  # the operator has moved on to another week (or the data changed) meanwhile
        self.review.contacts, self.review.contacts_counted = counts, True
        self._show_contacts(self.review)
        self._show_facts(self.review)

    def _on_count_failed(self, request: int, sentence: str) -> None:
        self._counting.pop(request, None)
        if request == self._count_request and self.review is not None:
            self._show_contacts(self.review, failed=sentence or "—")

    def _show_blocks(self, review) -> None:
        done = review.done_by_quadrant
        self.blocks["tasks"].show_rows([
            (self.tr("Done"), str(review.done_total)),
            (self.tr("Important, not urgent"), f"{done.get('q2', 0)} ({percent(review.q2_share)})"),
            (self.tr("Urgent and important"), str(done.get("q1", 0))),
            (self.tr("Overdue"), str(len(review.overdue))),
            (self.tr("Rolled over"), str(len(review.rolled_over))),
            (self.tr("New captures"), "{} ({})".format(review.captured, self.tr("%1 in inbox").replace("%1", str(review.captured_in_inbox)))),
        ])
        self._show_contacts(review)
        metric_rows = [(m.metric, f"{format_value(m.this_mean, m.type)}  {format_change(m.change_pct)}")
                       for m in review.metrics[:6]]
        self.blocks["data"].show_rows(metric_rows or [(self.tr("No imported metrics"), "—")])
        p = review.pdca
        self.blocks["pdca"].show_rows([
            (self.tr("Stage moves"), str(len(p.moved))),
            (self.tr("Checked"), str(len(p.checked))),
            (self.tr("Stalled"), str(len(p.stalled))),
            (self.tr("New cycles"), str(p.created)),
            (self.tr("Open cycles"), str(sum(1 for cycle in p.live if cycle.stage != "closed"))),
        ])
        if review.alerts:
            parts = [f"<span style='color:{ALERT_COLORS.get(a['level'], '#888')}'>●</span> {a['date'][5:]} {a['metric']}"
                     for a in review.alerts[:8]]
            self.alerts.setText(self.tr("Alerts fired: %1").replace("%1", str(len(review.alerts))) + " &nbsp; " + " &nbsp; ".join(parts))
        else:
            self.alerts.setText(self.tr("No alert fired this week."))

    def _show_contacts(self, review, failed: str | None = None) -> None:
        c, f = review.contacts, review.findings
        if review.contacts_counted:
            top_channels = " · ".join(f"{shown(k)} {v}" for k, v in list(c["by_channel"].items())[:3]) or "—"
            users = self.tr("%1 user") if c["users"] == 1 else self.tr("%1 users")
            rows = [
                (self.tr("Contacts"), "{} ({})".format(c["total"], users.replace("%1", str(c["users"])))),
                (self.tr("By channel"), top_channels),
                (self.tr("Conversions"), f"{c['conversions']} ({percent(review.conversion_rate)})"),
                (self.tr("Recall success"), f"{c['recall_converted_users']}/{c['recall_users']} ({percent(review.recall_success)})"),
            ]
        else:
            waiting = self.tr("Could not count: %1").replace("%1", failed) if failed else self.tr("counting…")
            rows = [(self.tr("Contacts"), waiting), (self.tr("By channel"), "…"), (self.tr("Conversions"), "…"),
                    (self.tr("Recall success"), "…")]
        self.blocks["contacts"].show_rows(rows + [
            (self.tr("New findings"), str(f["new"])),
            (self.tr("Open findings"), str(sum(f["open_by_status"].values()))),
        ])

    # --- the four sections -----------------------------------------------------------------------
    def _on_text_changed(self, key: str) -> None:
        self._pending[key] = self.editors[key].toPlainText()
        self._pending_week = self.week
        self.save_timer.start()

    def save_pending(self) -> None:
        """Commit typed text now (one undoable step per section)."""
        self.save_timer.stop()
        pending, self._pending = self._pending, {}
        week = getattr(self, "_pending_week", self.week)
        for key, text in pending.items():
            if load_review(self.ctx.db, week).section(key) != text:
                self.ctx.undo_stack.push(SaveSection(self.ctx, week, key, text, self._on_saved))

    def _on_saved(self, week: IsoWeek, key: str, text: str) -> None:
        """After redo/undo: show the text if that week is on screen (undo brings old text back)."""
        if week == self.week and self.masked.text(self.editors[key]) != text:
            self._show_section(key, text)

    def _on_changed(self, changes: Changes) -> None:
        if changes.review:
            QTimer.singleShot(0, self._mark_saved_weeks)

    def _mark_saved_weeks(self) -> None:
        saved = set(reviewed_weeks(self.ctx.db))
        for row in range(self.weeks.count()):
            item = self.weeks.item(row)
            item.setIcon(icon("mdi6.check-circle-outline", "#4a9a5b") if item.data(WEEK_ROLE) in saved else QIcon())

    # --- export ----------------------------------------------------------------------------------
    def default_export_path(self) -> Path:
        folder = Path(self.ctx.settings.value("review/export_folder", str(Path.home())))
        return folder / self.tr("Weekly review %1.xlsx").replace("%1", self.week.label)

    def export_current(self, path: str | None = None) -> None:
        """Ask where to save (unless given a path), then export off the GUI thread with a progress dialog."""
        self.save_pending()
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export weekly review"), str(self.default_export_path()),
                                                  self.tr("Excel workbook (*.xlsx)"))
            if not path:
                return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        masked = self.mask.isChecked()
        if not masked and QMessageBox.question(
                self, self.tr("Export with full phone numbers?"),
                self.tr("The sheet will hold users' full phone numbers. This export is recorded in the audit log.")) \
                != QMessageBox.StandardButton.Yes:
            return
        self.ctx.settings.setValue("review/export_folder", str(Path(path).parent))
        worker = ExportWorkerFor(self, Path(path), masked, self.export_language.currentData())
        self.workers.append(worker)
        worker.start()

    def _export_done(self, holder, result) -> None:
        holder.close()
        self.last_export = result
        self.ctx.events.confirmation.emit(self.tr("Weekly review exported to %1").replace("%1", str(result.path)),
                                          {"open": Path(result.path)})
        self.ctx.events.changed.emit(Changes(review=True))

    def _export_failed(self, holder, sentence: str) -> None:
        holder.close()
        QMessageBox.warning(self, self.tr("Export weekly review"), sentence)


class ExportWorkerFor:
    """A running export (in its own process, see review/export_process.py): its progress dialog and the page's callbacks."""

    def __init__(self, page: ReviewPage, path: Path, masked: bool, lang: str | None = None):
        from workbench.errors import current_language
        from workbench.ui.common.operation import Operation

        self.page = page
        week, today = page.week, page.today()
        lang = lang or current_language()  # the child process does not know the app's language
        self.worker = Operation(page.ctx.db_path, lambda db, job: _export_in_process(page.ctx.db_path, week, path,
                                                                                      today, masked, lang, job),
                                with_job=True, owner=page)
        self.progress = QProgressDialog(QCoreApplication.translate("ReviewPage", "Writing the weekly review…"), QCoreApplication.translate("ReviewPage", "Cancel"), 0, 0, page)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        self.progress.canceled.connect(self._cancel)
        self.worker.done.connect(lambda result: page._export_done(self, result))
        self.worker.failed.connect(lambda sentence: page._export_failed(self, sentence))
        self.worker.cancelled.connect(self.close)

    def start(self) -> None:
        self.worker.start()

    def _cancel(self) -> None:
        self.worker.cancel()

    def close(self) -> None:
        self.progress.reset()
        self.progress.close()
        if self in self.page.workers:
            self.page.workers.remove(self)


def _export_in_process(db_path: Path, week, path: Path, today, masked: bool, lang: str, job):
    from workbench.review.export_process import export_week_in_process
    from workbench.review.export_xlsx import ExportCancelled
    from workbench.ui.common.operation import OperationCancelled

    try:
        return export_week_in_process(db_path, week, path, today=today, masked=masked, lang=lang,
                                      should_stop=lambda: job.is_cancelled)
    except ExportCancelled:
        raise OperationCancelled() from None
