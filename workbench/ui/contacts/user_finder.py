"""Find a user while the phone rings: by name (2 Chinese characters are enough), user id, the last
digits of the phone, or WeChat. Up/Down move through the matches, Enter picks one; when nothing
matches, Enter creates a user from what was typed (a name, or a phone number)."""
from __future__ import annotations

import re

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from workbench.contacts.search import find_users
from workbench.contacts.users import get_user

CREATE = -1


class UserFinder(QWidget):
    user_chosen = Signal(int)
    create_requested = Signal(str)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.edit = QLineEdit()
        self.edit.setObjectName("userFinderEdit")
        self.edit.setPlaceholderText(self.tr("Find user: name, user id, last 4 digits of the phone, WeChat…"))
        self.edit.setClearButtonEnabled(True)
        self.matches = QListWidget()
        self.matches.setObjectName("userFinderMatches")
        self.matches.setMaximumHeight(132)
        self.matches.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.matches.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.matches)
        self._timer = QTimer(self, singleShot=True, interval=120)
        self._timer.timeout.connect(self.update_matches)
        self.edit.textEdited.connect(lambda _text: self._timer.start())
        self.edit.installEventFilter(self)
        self.matches.itemClicked.connect(self._pick)

    def update_matches(self) -> None:
        text = self.edit.text().strip()
        self.matches.clear()
        if not text:
            self.matches.hide()
            return
        for user_id in find_users(self.ctx.db, text, limit=8):
            user = get_user(self.ctx.db, user_id)
            item = QListWidgetItem(f"{user.label()} · {user.channel or ''} · {user.stage}".rstrip(" ·"))
            item.setData(Qt.ItemDataRole.UserRole, user_id)
            self.matches.addItem(item)
        create = QListWidgetItem(self.tr("+ New user “%1”  (Enter when nothing else matches, Alt+N)").replace("%1", text))
        create.setData(Qt.ItemDataRole.UserRole, CREATE)
        self.matches.addItem(create)
        self.matches.setCurrentRow(0)
        self.matches.show()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if self._timer.isActive() and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down, Qt.Key.Key_Up):
                self._timer.stop()
                self.update_matches()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.matches.count():
                step = 1 if key == Qt.Key.Key_Down else -1
                self.matches.setCurrentRow(max(0, min(self.matches.count() - 1, self.matches.currentRow() + step)))
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                if self.matches.currentItem() is not None:
                    self._pick(self.matches.currentItem())
                    return True
            if key == Qt.Key.Key_N and event.modifiers() & Qt.KeyboardModifier.AltModifier and self.edit.text().strip():
                self._create()
                return True
            if key == Qt.Key.Key_Escape and self.matches.isVisible():
                self.matches.hide()
                return True
        return super().eventFilter(watched, event)

    def _pick(self, item: QListWidgetItem) -> None:
        user_id = item.data(Qt.ItemDataRole.UserRole)
        if user_id == CREATE:
            self._create()
            return
        self.matches.hide()
        self.edit.clear()
        self.user_chosen.emit(int(user_id))

    def _create(self) -> None:
        text = self.edit.text().strip()
        self.matches.hide()
        self.edit.clear()
        self.create_requested.emit(text)

    def reset(self) -> None:
        self.edit.clear()
        self.matches.clear()
        self.matches.hide()


def fields_from_typed(text: str) -> dict:
    """What a new user gets from the finder's text: digits ⇒ phone (or a user id with letters), else a name."""
    text = text.strip()
    digits = re.sub(r"[\s-]", "", text)
    if re.fullmatch(r"\+?\d{6,15}", digits):
        return {"phone": digits}
    if re.fullmatch(r"[A-Za-z]{1,4}\d{3,}", text):
        return {"external_id": text}
    return {"name": text}
