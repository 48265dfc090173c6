"""Ctrl+J in the contact form: pick a canned answer (话术), filled with the user's data, to insert
into the summary or copy to the clipboard. Shows each snippet's use count and conversion share."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QMessageBox, QPlainTextEdit, QPushButton, QVBoxLayout)

from workbench.contacts.snippets import list_snippets, render
from workbench.errors import UserError
from workbench.ui.contacts.undo_commands import (CreateSnippetCommand, DeleteSnippetCommand, EditSnippetCommand,
                                                 push)


class SnippetPicker(QDialog):
    def __init__(self, ctx, user=None, parent=None):
        super().__init__(parent)
        self.ctx, self.user = ctx, user
        self.chosen_id: int | None = None
        self.chosen_text = ""
        self.setWindowTitle(self.tr("Insert snippet"))
        self.resize(720, 460)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter snippets by title, text or tag"))
        self.list = QListWidget()
        self.list.setObjectName("snippetList")
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.stats = QLabel()
        self.stats.setProperty("muted", True)
        hint = QLabel(self.tr("Enter inserts · Ctrl+Shift+C copies · Esc closes"))
        hint.setProperty("muted", True)
        copy = QPushButton(self.tr("Copy"))
        copy.clicked.connect(self.copy)
        new = QPushButton(self.tr("New snippet…"))
        new.clicked.connect(self.new_snippet)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.edit_snippet)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Contacts that used it keep it; Ctrl+Z brings it back"))
        self.delete_button.clicked.connect(self.delete_snippet)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Insert"))
        buttons.accepted.connect(self.accept_current)
        buttons.rejected.connect(self.reject)
        body = QHBoxLayout()
        body.addWidget(self.list, 2)
        right = QVBoxLayout()
        right.addWidget(self.preview)
        right.addWidget(self.stats)
        body.addLayout(right, 3)
        footer = QHBoxLayout()
        footer.addWidget(hint)
        footer.addStretch()
        footer.addWidget(new)
        footer.addWidget(self.edit_button)
        footer.addWidget(self.delete_button)
        footer.addWidget(copy)
        footer.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addLayout(body)
        layout.addLayout(footer)
        self.filter.textChanged.connect(self.reload)
        self.list.currentItemChanged.connect(self.show_current)
        self.list.itemActivated.connect(lambda _item: self.accept_current())
        self.filter.installEventFilter(self)
        QShortcut(QKeySequence("Ctrl+Shift+C"), self, self.copy)
        self.reload()

    def eventFilter(self, watched, event) -> bool:
        from PySide6.QtCore import QEvent

        if watched is self.filter and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                step = 1 if event.key() == Qt.Key.Key_Down else -1
                self.list.setCurrentRow(max(0, min(self.list.count() - 1, self.list.currentRow() + step)))
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.accept_current()
                return True
        return super().eventFilter(watched, event)

    def reload(self) -> None:
        self.list.clear()
        for snippet in list_snippets(self.ctx.db, self.filter.text().strip()):
            item = QListWidgetItem(snippet.title)
            item.setData(Qt.ItemDataRole.UserRole, snippet)
            self.list.addItem(item)
        self.list.setCurrentRow(0)

    def current(self):
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def show_current(self, *_args) -> None:
        snippet = self.current()
        if snippet is None:
            self.preview.clear()
            self.stats.clear()
            return
        self.preview.setPlainText(render(snippet.body, self.user))
        rate = "—" if snippet.conversion_rate is None else f"{snippet.conversion_rate:.0%}"
        self.stats.setText(self.tr("Used %1 times · %2 of those contacts converted").replace("%1", str(snippet.use_count)).replace("%2", rate))

    def accept_current(self) -> None:
        snippet = self.current()
        if snippet is None:
            return
        self.chosen_id = snippet.id
        self.chosen_text = render(snippet.body, self.user)
        self.accept()

    def copy(self) -> None:
        snippet = self.current()
        if snippet is not None:
            QGuiApplication.clipboard().setText(render(snippet.body, self.user))

    def new_snippet(self) -> None:
        fields = self._ask_snippet(self.tr("New snippet"), "", "")
        if fields is not None:
            self._push(CreateSnippetCommand(self.ctx, *fields))

    def edit_snippet(self) -> None:
        snippet = self.current()
        if snippet is None:
            return
        fields = self._ask_snippet(self.tr("Edit snippet"), snippet.title, snippet.body)
        if fields is not None and fields != (snippet.title, snippet.body):
            self._push(EditSnippetCommand(self.ctx, snippet.id, *fields))

    def delete_snippet(self) -> None:
        snippet = self.current()
        if snippet is not None:
            self._push(DeleteSnippetCommand(self.ctx, snippet.id))

    def _push(self, command) -> None:
        try:
            push(self.ctx, command)
        except UserError as error:
            QMessageBox.warning(self, self.tr("Snippet"), error.sentence)
            return
        self.reload()

    def _ask_snippet(self, heading: str, title_text: str, body_text: str) -> tuple[str, str] | None:
        """The title and text typed, or None when cancelled or left empty."""
        dialog = QDialog(self)
        dialog.setWindowTitle(heading)
        title = QLineEdit(title_text)
        title.setPlaceholderText(self.tr("Title"))
        body = QPlainTextEdit(body_text)
        body.setPlaceholderText(self.tr("Text; variables such as {姓名} {额度} {到期日} are filled from the user"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        for widget in (title, body, buttons):
            layout.addWidget(widget)
        self.snippet_dialog = dialog  # tests fill it in
        if dialog.exec() != QDialog.DialogCode.Accepted or not title.text().strip() or not body.toPlainText().strip():
            return None
        return title.text().strip(), body.toPlainText()
