"""Editable fields whose text holds personal data (a phone, an ID number, whatever field it was typed
into) show it masked and read-only until the operator presses Reveal, which is written to the audit
log. Saving a field that is still masked keeps the stored text: saving the masked text would lose the
number. Used by every editor that shows typed text again (a user's notes, a task, the weekly review).

    guard = MaskedFields(ctx, "任务 12", parent=self)
    guard.show_text(self.notes, task.notes)
    layout.addWidget(guard.button)        # hidden while nothing is masked
    ...
    notes = guard.text(self.notes)        # the stored text while masked, the typed text after Reveal
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QLineEdit, QMessageBox, QPlainTextEdit, QPushButton, QWidget

from workbench.errors import UserError, in_language
from workbench.privacy import mask_text

TextField = QLineEdit | QPlainTextEdit


def field_text(field: TextField) -> str:
    return field.toPlainText() if isinstance(field, QPlainTextEdit) else field.text()


def set_field_text(field: TextField, text: str) -> None:
    if isinstance(field, QPlainTextEdit):
        field.setPlainText(text)
    else:
        field.setText(text)


class MaskedFields(QObject):
    revealed = Signal()

    def __init__(self, ctx, what: str, parent: QWidget):
        """what: the audit log's words for whose data this is ("用户 张三", "任务 12")."""
        super().__init__(parent)
        self.ctx, self.what, self.parent_widget = ctx, what, parent
        self.stored: dict[TextField, str] = {}  # field → its real text, while it shows the masked one
        self.kept_read_only: set[TextField] = set()  # fields the operator sees but does not edit here
        self.hidden_elsewhere = False  # the parent masks something that is not a text field (a label)
        self.button = QPushButton(QCoreApplication.translate("MaskedFields", "Reveal"))
        self.button.setObjectName("revealButton")
        self.button.setToolTip(QCoreApplication.translate("MaskedFields", "Show the full phone numbers and ID numbers here (recorded in the audit log)."))
        self.button.clicked.connect(self.reveal)
        self.button.hide()

    def show_text(self, field: TextField, text: str | None, *, editable: bool = True, masked: str | None = None) -> None:
        """Put text in the field: masked and read-only when it holds personal data. `masked`: how to
        show it when privacy.mask_text's rule is not the field's (a phone field masks any number)."""
        text = text or ""
        masked = mask_text(text) if masked is None else masked
        if not editable:
            self.kept_read_only.add(field)
            field.setReadOnly(True)
        set_field_text(field, masked)
        if masked != text:
            self.stored[field] = text
            field.setReadOnly(True)
            field.setToolTip(QCoreApplication.translate("MaskedFields", "Holds personal data: press Reveal to see and edit it."))
            self.button.show()
        else:
            self.stored.pop(field, None)
            field.setReadOnly(field in self.kept_read_only)
            self.button.setVisible(bool(self.stored) or self.hidden_elsewhere)

    def hides_more(self) -> None:
        """The parent shows something else masked (a label): Reveal is offered, and `revealed` shows it."""
        self.hidden_elsewhere = True
        self.button.show()

    def text(self, field: TextField) -> str:
        return self.stored.get(field, field_text(field))

    def is_masked(self, field: TextField) -> bool:
        return field in self.stored

    def reveal(self) -> bool:
        """Show the real text (and record that it was seen). False when the record cannot be written."""
        if not self.stored and not self.hidden_elsewhere:
            return True
        from workbench import audit

        try:
            audit.record_reveal(self.ctx.db, self.what, at=self.ctx.now())
        except UserError as error:  # a read-only or full file: what is not recorded is not shown
            QMessageBox.warning(self.parent_widget, QCoreApplication.translate("MaskedFields", "Reveal"), in_language(
                f"无法记录这次查看，所以个人信息保持隐藏：{error.zh}",
                f"This look cannot be recorded, so the personal data stays hidden: {error.en}"))
            return False
        for field, text in self.stored.items():
            set_field_text(field, text)
            field.setReadOnly(field in self.kept_read_only)
            field.setToolTip("")
        self.stored.clear()
        self.hidden_elsewhere = False
        self.button.hide()
        self.revealed.emit()
        return True
