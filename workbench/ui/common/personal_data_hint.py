"""A small warning under a note field: "this note contains an ID-card number / a phone number".

Any form can call `PersonalDataHint.watch(edit)` on a QLineEdit/QPlainTextEdit/QTextEdit; the hint
shows itself while the text holds an ID-card number (the app has no business keeping one) or a
mainland mobile number outside the phone field (it would show unmasked in lists and search).
"""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from workbench.privacy import contains_id_card, contains_mobile


class PersonalDataHint(QLabel):
    def __init__(self, parent: QWidget | None = None, *, warn_mobile: bool = True):
        super().__init__(parent)
        self.setObjectName("personal_data_hint")
        self.setWordWrap(True)
        self.setStyleSheet("color: #b45309;")
        self.warn_mobile = warn_mobile
        self.hide()

    def check(self, text: str) -> str:
        """The warning shown for text ('' when none), and show or hide the label accordingly."""
        if contains_id_card(text):
            message = self.tr("This note contains an ID-card number. Please remove it: the workbench should "
                              "not keep ID numbers.")
        elif self.warn_mobile and contains_mobile(text):
            message = self.tr("This note contains a phone number; put it in the user's phone field so it is "
                              "masked in lists and exports.")
        else:
            message = ""
        self.setText(message)
        self.setVisible(bool(message))
        return message

    def watch(self, edit) -> "PersonalDataHint":
        if isinstance(edit, QLineEdit):
            edit.textChanged.connect(self.check)
        else:
            edit.textChanged.connect(lambda: self.check(edit.toPlainText()))
        return self
