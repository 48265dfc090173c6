"""The dataset browser: every dataset with its rows, date range and last import; its rows in a lazy
table (fetched 200 at a time as you scroll); its import log, where the latest import can be undone."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QHBoxLayout, QHeaderView, QLabel, QListWidget,
                               QPushButton, QSplitter, QTableView, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from workbench.errors import UserError
from workbench.reports.datasets import get_dataset, list_datasets, read_rows
from workbench.reports.datasets_aggregation import AGGREGATIONS, set_aggregation
from workbench.reports.importer import list_imports
from workbench.ui.common.changes import Changes

PAGE = 200


class DatasetRowsModel(QAbstractTableModel):
    """Rows of one dataset, read page by page (canFetchMore/fetchMore) so big datasets open at once."""

    def __init__(self, db, name: str | None = None):
        super().__init__()
        self.db = db
        self.info = None
        self.rows: list[list] = []
        self.total = 0
        if name:
            self.set_dataset(name)

    def set_dataset(self, name: str | None) -> None:
        self.beginResetModel()
        self.info = get_dataset(self.db, name) if name else None
        self.rows = []
        self.total = self.info.rows if self.info else 0
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() or self.info is None else len(self.info.columns)

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent=QModelIndex()) -> None:
        names = [c.name for c in self.info.columns]
        batch = read_rows(self.db, self.info.name, limit=PAGE, offset=len(self.rows))
        if not batch:
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(batch) - 1)
        self.rows.extend([row[n] for n in names] for row in batch)
        self.endInsertRows()

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or self.info is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.info.columns[section].name
        return str(section + 1)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        column = self.info.columns[index.column()]
        value = self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            from workbench.ui.imports.import_dialog import display_value

            if value is None:
                return ""
            if column.type == "percent":
                return f"{value * 100:.2f}%"
            if column.type == "money":
                return f"¥{value:,.2f}"
            if column.type == "bool":
                return self.tr("Yes") if value else self.tr("No")
            return display_value(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.type in ("integer", "number", "percent", "money"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class DatasetBrowser(QDialog):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Datasets"))
        self.resize(1200, 760)
        layout = QVBoxLayout(self)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.list = QTableWidget(0, 4)
        self.list.setHorizontalHeaderLabels([self.tr("Dataset"), self.tr("Rows"), self.tr("Dates"),
                                             self.tr("Last import")])
        self.list.verticalHeader().hide()
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.list.itemSelectionChanged.connect(self._selected)
        split.addWidget(self.list)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        self.title.setWordWrap(True)
        right_layout.addWidget(self.title)
        self.model = DatasetRowsModel(ctx.db)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.setAlternatingRowColors(True)
        right_layout.addWidget(self.view, 3)
        right_layout.addWidget(QLabel("<b>" + self.tr("How each metric adds up over a day") + "</b>"))
        self.aggregations = QTableWidget(0, 3)
        self.aggregations.setHorizontalHeaderLabels([self.tr("Metric"), self.tr("Type"), self.tr("Daily value")])
        self.aggregations.verticalHeader().hide()
        self.aggregations.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.aggregations.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        right_layout.addWidget(self.aggregations, 1)
        right_layout.addWidget(QLabel("<b>" + self.tr("Imports") + "</b>"))
        self.log = QListWidget()
        right_layout.addWidget(self.log, 1)
        buttons = QHBoxLayout()
        self.undo_button = QPushButton(self.tr("Undo the latest import"))
        self.undo_button.clicked.connect(self.undo_latest)
        import_button = QPushButton(self.tr("Import a report…"))
        import_button.clicked.connect(lambda: ctx.events.import_requested.emit(""))
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        buttons.addStretch(1)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(import_button)
        buttons.addWidget(close)
        right_layout.addLayout(buttons)
        split.addWidget(right)
        split.setSizes([420, 780])
        layout.addWidget(split)
        ctx.events.changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, changes: Changes) -> None:
        if changes.reports:
            self.refresh()

    def refresh(self) -> None:
        current = self.current_name()
        self.datasets = list_datasets(self.ctx.db)
        self.list.setRowCount(len(self.datasets))
        for r, info in enumerate(self.datasets):
            span = f"{info.date_min} – {info.date_max}" if info.date_min else "—"
            last = (info.last_import or "—").replace("T", " ")[:16]
            for c, text in enumerate([info.name, f"{info.rows:,}", span, last]):
                item = QTableWidgetItem(text)
                if c == 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.list.setItem(r, c, item)
        if not self.datasets:
            self.title.setText(self.tr("No datasets yet: import a report (File › Import report…)."))
            self.model.set_dataset(None)
            self.log.clear()
            self.undo_button.setEnabled(False)
            return
        self.select(current or self.datasets[0].name)

    def current_name(self) -> str | None:
        rows = self.list.selectionModel().selectedRows() if self.list.selectionModel() else []
        return self.datasets[rows[0].row()].name if rows and rows[0].row() < len(getattr(self, "datasets", [])) else None

    def select(self, name: str) -> None:
        for r, info in enumerate(self.datasets):
            if info.name == name:
                self.list.selectRow(r)
                self._selected()
                return

    def _selected(self) -> None:
        name = self.current_name()
        if name is None:
            return
        info = get_dataset(self.ctx.db, name)
        self.model.set_dataset(name)
        keys = "、".join(info.key_columns) or self.tr("whole row")
        self.title.setText(self.tr("<b>%1</b> · %2 rows · key: %3 · %4 columns").replace("%1", info.name)
                           .replace("%2", f"{info.rows:,}").replace("%3", keys).replace("%4", str(len(info.columns))))
        self._show_aggregations(info)
        self.log.clear()
        self.imports = list_imports(self.ctx.db, name)
        for record in self.imports:
            replaced = record["replaced"]
            if replaced:
                text = (self.tr("%1  %2: replaced %3 – %4: %5 rows, %6 changed")
                        .replace("%3", replaced["from"]).replace("%4", replaced["to"])
                        .replace("%5", f"{replaced['rows']:,}").replace("%6", f"{replaced['changed']:,}"))
            else:
                text = (self.tr("%1  %2: +%3 added, %4 updated, %5 unchanged, %6 skipped")
                        .replace("%3", str(record["added"])).replace("%4", str(record["updated"]))
                        .replace("%5", str(record["unchanged"])).replace("%6", str(record["skipped"])))
            text = text.replace("%1", record["imported_at"].replace("T", " ")[:16]).replace("%2", record["file_name"] or "—")
            if record["undone_at"]:
                text += "  " + self.tr("(undone)")
            self.log.addItem(text)
        self.undo_button.setEnabled(any(not r["undone_at"] for r in self.imports))

    def aggregation_labels(self) -> dict[str, str]:
        return {"sum": self.tr("Sum (counts, amounts)"), "mean": self.tr("Mean (rates, scores, averages)"),
                "last": self.tr("Last value (balances, running totals)"), "count": self.tr("Count of filled cells")}

    def _show_aggregations(self, info) -> None:
        """One row per metric column with a combo choosing how its rows on one day combine."""
        from workbench.ui.imports.import_dialog import type_label

        labels = self.aggregation_labels()
        metrics = info.metrics
        self.aggregations.setRowCount(len(metrics))
        for r, column in enumerate(metrics):
            self.aggregations.setItem(r, 0, QTableWidgetItem(column.name))
            self.aggregations.setItem(r, 1, QTableWidgetItem(type_label(column.type)))
            combo = QComboBox()
            for key in AGGREGATIONS:
                combo.addItem(labels[key], key)
            combo.setCurrentIndex(AGGREGATIONS.index(column.aggregation))
            combo.currentIndexChanged.connect(
                lambda _i, c=combo, dataset=info.name, metric=column.name: self._aggregation_chosen(dataset, metric, c.currentData()))
            self.aggregations.setCellWidget(r, 2, combo)

    def _aggregation_chosen(self, dataset: str, metric: str, aggregation: str) -> None:
        try:
            set_aggregation(self.ctx.db, dataset, metric, aggregation)
        except UserError as error:
            self.ctx.events.status_message.emit(error.sentence)
            return
        self.ctx.events.changed.emit(Changes(reports=True))

    def undo_latest(self) -> None:
        latest = next((r for r in self.imports if not r["undone_at"]), None)
        if latest is None:
            return
        from workbench.ui.imports.undo_commands import UndoImportCommand

        try:
            self.ctx.undo_stack.push(UndoImportCommand(self.ctx, latest["id"], latest["file_name"]))
        except UserError as error:
            self.ctx.events.status_message.emit(error.sentence)
