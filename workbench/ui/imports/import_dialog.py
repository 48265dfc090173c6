"""The import dialog: choose a report, see what was detected, adjust it, import it in the background.

Preview: the sheet (hidden ones marked), the dataset it goes to (new, or the known one it updates),
the header row(s), one line per column with its type, role and key (all editable), file columns
matched to stored ones by name similarity (to confirm), the first rows, skipped rows and warnings.
Reading the file and the import run as operations (ui/common/operation.py), the import with a progress
bar and a cancel button; it is one undo command (ui/imports/undo_commands.py).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog, QFileDialog, QFormLayout,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListWidget, QMessageBox,
                               QProgressBar, QPushButton, QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from workbench.reports.datasets import ROLES, TYPES
from workbench.ui.common import import_files
from workbench.ui.common import theme
from workbench.ui.common.changes import Changes
from workbench.ui.common.operation import run_operation

FILE_FILTER = "*.xlsx *.xlsm *.xls *.ods *.csv *.tsv *.txt"


def type_label(kind: str) -> str:
    return {
        "date": QCoreApplication.translate("Imports", "Date"), "datetime": QCoreApplication.translate("Imports", "Date and time"), "integer": QCoreApplication.translate("Imports", "Integer"),
        "number": QCoreApplication.translate("Imports", "Number"), "percent": QCoreApplication.translate("Imports", "Percent"), "money": QCoreApplication.translate("Imports", "Money"),
        "text": QCoreApplication.translate("Imports", "Text"), "bool": QCoreApplication.translate("Imports", "Yes/No"),
    }[kind]


def role_label(role: str) -> str:
    return {"key": QCoreApplication.translate("Imports", "Key"), "dimension": QCoreApplication.translate("Imports", "Dimension"), "metric": QCoreApplication.translate("Imports", "Metric"),
            "attribute": QCoreApplication.translate("Imports", "Attribute")}[role]


def skip_label(reason: str) -> str:
    return {"blank": QCoreApplication.translate("Imports", "blank row"), "totals": QCoreApplication.translate("Imports", "totals row"),
            "note": QCoreApplication.translate("Imports", "footnote"), "header": QCoreApplication.translate("Imports", "repeated header")}.get(reason, reason)


def display_value(value) -> str:
    """A cell as the preview, the dataset browser and the correction list show it; text through
    privacy.mask_text (a report may hold customers' phones: they are stored as imported, shown masked)."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.4f}".rstrip("0").rstrip(".")
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    if isinstance(value, str) and len(value) == 19 and value[10] == "T":
        return value.replace("T", " ")
    from workbench.privacy import mask_text

    return mask_text(str(value))


class ImportDialog(import_files.TakesDroppedFiles, QDialog):

    def __init__(self, ctx, path: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.path = path
        self.plan = None
        self.job = None  # the running operation: reading the file, or importing it (self.importing)
        self.importing = False
        self.result = None
        self.setWindowTitle(self.tr("Import a report"))
        self.resize(1100, 760)
        self._build()
        if path:
            self.load(path)

    # --- layout ---------------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.file_label = QLabel(self.tr("Drop an Excel or CSV export here, or choose a file."))
        self.file_label.setWordWrap(True)
        choose = QPushButton(self.tr("Choose file…"))
        choose.clicked.connect(self.choose_file)
        top.addWidget(self.file_label, 1)
        top.addWidget(choose)
        layout.addLayout(top)

        form = QFormLayout()
        self.sheet_combo = QComboBox()
        self.sheet_combo.activated.connect(lambda _i: self.reanalyse())
        self.dataset_edit = QLineEdit()
        self.dataset_edit.editingFinished.connect(self._dataset_edited)
        self.dataset_note = QLabel()
        self.dataset_note.setStyleSheet(f"color: {theme.current_scheme().muted};")
        row = QHBoxLayout()
        row.addWidget(self.dataset_edit, 1)
        row.addWidget(self.dataset_note)
        self.header_label = QLabel()
        self.header_label.setWordWrap(True)
        form.addRow(self.tr("Sheet"), self.sheet_combo)
        form.addRow(self.tr("Dataset"), row)
        form.addRow(self.tr("Table"), self.header_label)
        layout.addLayout(form)

        split = QSplitter(Qt.Orientation.Vertical)
        headers = [self.tr("Import"), self.tr("Column in the file"), self.tr("Dataset column"), self.tr("Type"),
                   self.tr("Role"), self.tr("Key")]
        self.columns_table = QTableWidget(0, len(headers))
        self.columns_table.setHorizontalHeaderLabels(headers)
        self.columns_table.verticalHeader().hide()
        self.columns_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.columns_table.horizontalHeader().setStretchLastSection(True)
        self.key_note = QLabel()  # asks for a key when none is sure; previews what a chosen key merges
        self.key_note.setWordWrap(True)
        self.key_note.hide()
        columns_box = self._titled(self.tr("Columns — check the types and roles"), self.columns_table)
        columns_box.layout().insertWidget(1, self.key_note)
        split.addWidget(columns_box)
        self.preview_table = QTableWidget(0, 0)
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_table.verticalHeader().setDefaultSectionSize(24)
        split.addWidget(self._titled(self.tr("First rows, as they will be stored"), self.preview_table))
        self.notes_list = QListWidget()
        split.addWidget(self._titled(self.tr("Skipped rows and warnings"), self.notes_list))
        split.setSizes([300, 260, 140])
        layout.addWidget(split, 1)

        bottom = QHBoxLayout()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(260)
        self.progress.hide()
        self.browse_button = QPushButton(self.tr("Datasets…"))
        self.browse_button.clicked.connect(self.open_browser)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setDefault(True)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button = QPushButton(self.tr("Close"))
        self.cancel_button.clicked.connect(self.cancel_or_close)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.browse_button)
        bottom.addWidget(self.import_button)
        bottom.addWidget(self.cancel_button)
        layout.addLayout(bottom)
        self.setAcceptDrops(True)

    def _titled(self, title: str, widget: QWidget) -> QWidget:
        box = QWidget()
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 4, 0, 0)
        label = QLabel(f"<b>{title}</b>")
        box_layout.addWidget(label)
        box_layout.addWidget(widget, 1)
        return box

    # --- files ----------------------------------------------------------------------------------
    def take_dropped_file(self, path: str) -> None:
        import_files.remember_folder(self.ctx.settings, path)
        self.load(path)

    def refuse_dropped_file(self, sentence: str) -> None:
        # the file loaded before (and an import under way) stay as they are
        self.status.setText(sentence)
        self.status.setStyleSheet(f"color: {theme.ALERT_COLORS['red']};")

    def choose_file(self) -> None:
        start = import_files.last_folder(self.ctx.settings)
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a report"), start,
                                              self.tr("Reports (%1);;All files (*)").replace("%1", FILE_FILTER))
        if path:
            import_files.remember_folder(self.ctx.settings, path)
            self.load(path)

    def load(self, path: str) -> None:
        self.path = path
        self.sheet_combo.clear()
        self.dataset_edit.clear()
        self.file_label.setText(Path(path).name)
        self.reanalyse(first=True)

    def reanalyse(self, first: bool = False) -> None:
        if not self.path:
            return
        sheet = None if first else self.sheet_combo.currentData()
        dataset = None if first else (self.dataset_edit.text().strip() or None)
        from workbench.reports.importer import plan_with_preview

        self._busy(self.tr("Reading %1…").replace("%1", Path(self.path).name))
        if self.job is not None:
            self.job.cancel()  # a plan for another sheet or dataset: its late answer is not shown
        path = self.path
        job = self.job = run_operation(self.ctx, lambda db: plan_with_preview(db, path, dataset=dataset, sheet=sheet),
                                       done=lambda plan: job is self.job and self.show_plan(plan),
                                       failed=lambda sentence: job is self.job and self.show_failure(sentence),
                                       owner=self)
        self.importing = False

    def _dataset_edited(self) -> None:
        if self.plan is not None and self.dataset_edit.text().strip() and \
                self.dataset_edit.text().strip() != self.plan.dataset:
            self.reanalyse()

    # --- the plan -------------------------------------------------------------------------------
    def show_plan(self, plan) -> None:
        self.job = None
        self.plan = plan
        self.progress.hide()
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        for info in plan.sheets:
            label = info.name + ("  " + self.tr("(hidden)") if info.hidden else "")
            self.sheet_combo.addItem(label, info.name)
        self.sheet_combo.setCurrentIndex(max(0, self.sheet_combo.findData(plan.sheet)))
        self.sheet_combo.setEnabled(len(plan.sheets) > 1)
        self.sheet_combo.blockSignals(False)
        self.dataset_edit.setText(plan.dataset)
        self.dataset_note.setText(self.tr("updates the existing dataset") if plan.existing
                                  else self.tr("a new dataset"))
        # where the header is and why, what is skipped and why (in the language of the app's sentences)
        self.header_label.setText(plan.explanation)
        self._fill_columns(plan)
        self._fill_preview(plan)
        self._fill_notes([(r + 1, why) for r, why in plan.skipped_in_sample], plan.warnings)
        self.status.setText("")
        self.import_button.setEnabled(True)
        self._update_import_enabled()

    def _fill_columns(self, plan) -> None:
        table = self.columns_table
        table.setRowCount(0)
        stored = []
        if plan.existing:
            from workbench.reports.datasets import get_dataset

            info = get_dataset(self.ctx.db, plan.dataset)
            stored = [c.name for c in info.columns] if info else []
        self.rows_widgets = []
        amber = QColor(theme.ALERT_COLORS["yellow"])
        amber.setAlpha(60)
        for column in plan.columns:
            r = table.rowCount()
            table.insertRow(r)
            include = QCheckBox()
            include.setChecked(column.include)
            include.toggled.connect(self._update_import_enabled)
            table.setCellWidget(r, 0, include)
            source = QTableWidgetItem(column.source or self.tr("(from the title)"))
            source.setFlags(source.flags() & ~Qt.ItemFlag.ItemIsEditable)
            table.setItem(r, 1, source)
            target = QComboBox()
            if plan.existing and column.match in ("renamed", "added"):
                target.addItem(self.tr("New column “%1”").replace("%1", column.source), "")
                for name in stored:
                    target.addItem(name, name)
                target.setCurrentIndex(max(0, target.findData(column.name)) if column.match == "renamed" else 0)
                if column.match == "renamed":
                    source.setBackground(amber)
                    source.setToolTip(self.tr("Matched by a similar name: please check"))
            else:
                target.addItem(column.name, column.name)
                target.setEnabled(False)
            table.setCellWidget(r, 2, target)
            kind = QComboBox()
            for t in TYPES:
                kind.addItem(type_label(t), t)
            kind.setCurrentIndex(kind.findData(column.type))
            kind.setEnabled(not plan.existing or column.match == "added")
            table.setCellWidget(r, 3, kind)
            role = QComboBox()
            for value in ROLES:
                role.addItem(role_label(value), value)
            role.setCurrentIndex(role.findData(column.role))
            role.setEnabled(not plan.existing or column.match == "added")
            table.setCellWidget(r, 4, role)
            key = QCheckBox()
            key.setChecked(column.name in plan.key_columns)
            key.setEnabled(not plan.existing)
            key.toggled.connect(self._show_key_note)
            table.setCellWidget(r, 5, key)
            self.rows_widgets.append((column, include, target, kind, role, key))
        self._show_key_note()

    def _show_key_note(self) -> None:
        """A new dataset without a sure key: say so, and preview what a key the operator ticks would merge."""
        plan = self.plan
        if plan is None or plan.existing or plan.key_columns:
            self.key_note.hide()
            return
        chosen = [w[0].name for w in self.rows_widgets if w[5].isChecked()]
        if not chosen:
            text = self.tr("No column surely identifies a row (an order number, a user ID, a report's date): "
                           "rows are kept as they are, and a later export of the same days replaces those days. "
                           "Tick Key on a column to merge rows by it.")
        else:
            from workbench.reports.import_plan import merge_preview

            preview = merge_preview(plan, chosen)
            if preview.merged:
                text = self.tr("Merging by %1: %2 of the first %3 rows share their key with an earlier row and "
                               "would be merged into it (for example %4). Later imports overwrite stored rows "
                               "with the same %1.").replace("%2", f"{preview.merged:,}") \
                    .replace("%4", "、".join(display_value(e) for e in preview.examples))
            else:
                text = self.tr("Merging by %1: no two of the first %3 rows share it. Later imports overwrite "
                               "stored rows with the same %1.")
            text = text.replace("%1", "、".join(chosen)).replace("%3", f"{preview.rows:,}")
        self.key_note.setText(text)
        self.key_note.show()

    def _fill_preview(self, plan) -> None:
        table = self.preview_table
        table.clear()
        table.setColumnCount(len(plan.columns))
        table.setHorizontalHeaderLabels([c.name for c in plan.columns])
        rows = getattr(plan, "preview", [])[:20]
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, (value, column) in enumerate(zip(row, plan.columns)):
                if column.type == "percent" and isinstance(value, float):
                    text = f"{value * 100:.2f}%"
                elif column.type == "money" and isinstance(value, (int, float)):
                    text = f"¥{value:,.2f}"
                elif column.type == "bool" and value is not None:
                    text = self.tr("Yes") if value else self.tr("No")
                else:
                    text = display_value(value)
                item = QTableWidgetItem(text)
                if column.type in ("integer", "number", "percent", "money"):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, c, item)
        table.resizeColumnsToContents()

    def _fill_notes(self, skipped, warnings) -> None:
        self.notes_list.clear()
        for row, reason in skipped[:200]:
            self.notes_list.addItem(self.tr("Row %1 skipped: %2").replace("%1", str(row)).replace("%2", skip_label(reason)))
        for warning in warnings:
            self.notes_list.addItem("⚠ " + warning)
        if not skipped and not warnings:
            self.notes_list.addItem(self.tr("No rows skipped, nothing to warn about."))

    def overrides(self) -> dict:
        columns, keys = {}, []
        for column, include, target, kind, role, key in self.rows_widgets:
            choice = {"include": include.isChecked(), "type": kind.currentData(), "role": role.currentData()}
            if target.isEnabled():
                choice["target"] = target.currentData()
            columns[column.source or column.name] = choice
            if key.isChecked() and include.isChecked():
                keys.append(column.name)
        result = {"columns": columns}
        if self.plan is not None and not self.plan.existing:
            result["key_columns"] = keys
        return result

    def _update_import_enabled(self) -> None:
        ok = self.plan is not None and self.job is None and any(w[1].isChecked() for w in self.rows_widgets)
        self.import_button.setEnabled(ok)

    # --- running --------------------------------------------------------------------------------
    def _busy(self, text: str) -> None:
        self.status.setText(text)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.import_button.setEnabled(False)

    def start_import(self) -> None:
        renamed = [w for w in self.rows_widgets if w[0].match == "renamed" and w[2].currentData()]
        if renamed:
            names = "、".join(f"{w[0].source} → {w[2].currentData()}" for w in renamed)
            answer = QMessageBox.question(
                self, self.tr("Confirm matched columns"),
                self.tr("These file columns go to stored columns with a similar name: %1. Is that right?")
                .replace("%1", names))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._overrides = self.overrides()
        self._busy(self.tr("Importing…"))
        self.progress.setRange(0, 100)
        self.cancel_button.setText(self.tr("Cancel"))
        from workbench.reports.importer import import_file

        path, sheet, dataset, overrides = self.path, self.plan.sheet, self.plan.dataset, self._overrides
        now = self.ctx.now()

        def import_it(db, job):
            return import_file(db, path, dataset=dataset, sheet=sheet, overrides=overrides, now=now,
                               progress=lambda done, total: job.progress(done, max(total, 0)),
                               cancelled=lambda: job.is_cancelled)

        self.job = run_operation(self.ctx, import_it, with_job=True, changes=Changes(reports=True), owner=self,
                                 progressed=lambda done, total, _what: self.show_progress(done, total),
                                 done=self.import_done, failed=self.show_failure, cancelled=self.show_cancelled)
        self.importing = True

    def show_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, 100)
            self.progress.setValue(min(100, int(done * 100 / total)))
        else:
            self.progress.setRange(0, 0)

    def import_done(self, result) -> None:
        self.job = None
        self.result = result
        self.progress.hide()
        self.cancel_button.setText(self.tr("Close"))
        from workbench.ui.imports.undo_commands import ImportCommand

        self.ctx.undo_stack.push(ImportCommand(self.ctx, result.import_id, self.path))
        summary = self._summary(result)
        self.status.setText(summary)
        self.notes_list.clear()
        for fix in result.corrections[:200]:
            self.notes_list.addItem(self.tr("Corrected: %1 %2 %3 → %4").replace("%1", display_value(fix["key"]))
                                    .replace("%2", fix["column"]).replace("%3", display_value(fix["old"]))
                                    .replace("%4", display_value(fix["new"])))
        for row, reason in result.skipped[:200]:
            self.notes_list.addItem(self.tr("Row %1 skipped: %2").replace("%1", str(row)).replace("%2", skip_label(reason)))
        for warning in result.warnings:
            self.notes_list.addItem("⚠ " + warning)
        self.ctx.events.confirmation.emit(summary, {"undo": True, "open": ("dashboard", None)})
        self._update_import_enabled()
        self.import_button.setEnabled(False)

    def _summary(self, result) -> str:
        replaced = result.replaced
        if replaced is None:
            return (self.tr("Imported into “%1”: %2 added, %3 updated, %4 unchanged, %5 rows skipped.")
                    .replace("%1", result.plan.dataset).replace("%2", str(result.added))
                    .replace("%3", str(result.updated)).replace("%4", str(result.unchanged))
                    .replace("%5", str(len(result.skipped))))
        text = (self.tr("Imported into “%1”: replaced %2 – %3: %4 rows, %5 changed.")
                .replace("%1", result.plan.dataset).replace("%2", replaced["from"]).replace("%3", replaced["to"])
                .replace("%4", f"{replaced['rows']:,}").replace("%5", f"{replaced['changed']:,}"))
        if replaced["added"]:
            text += " " + self.tr("%1 rows added.").replace("%1", f"{replaced['added']:,}")
        if replaced["removed"]:
            text += " " + self.tr("%1 rows removed.").replace("%1", f"{replaced['removed']:,}")
        return text

    def show_failure(self, sentence: str) -> None:
        self.job = None
        self.progress.hide()
        self.cancel_button.setText(self.tr("Close"))
        self.status.setText(sentence)
        self.status.setStyleSheet(f"color: {theme.ALERT_COLORS['red']};")
        self._update_import_enabled()

    def show_cancelled(self) -> None:
        from workbench.reports.importer import ImportCancelled

        self.show_failure(ImportCancelled().sentence)

    def cancel_or_close(self) -> None:
        if self.job is not None and self.importing:
            self.job.cancel()
            self.status.setText(self.tr("Cancelling…"))
            return
        self.close()

    def closeEvent(self, event) -> None:
        if self.job is not None:
            self.job.cancel()  # the import rolls back; its report reaches this dialog only while it exists
        super().closeEvent(event)

    def open_browser(self) -> None:
        from workbench.ui.imports.dataset_browser import DatasetBrowser

        browser = DatasetBrowser(self.ctx, self)
        browser.show()
        if self.result is not None:
            browser.select(self.result.plan.dataset)
