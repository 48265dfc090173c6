"""The contact log as a lazy table: 200 rows at a time (keyset paging), so a million contacts open
at once and scroll as far as the operator wants. Phones, and phone or ID numbers in the free text
(topic, outcome, summary and its tooltip), are masked."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from workbench.contacts.contact_log import contacts_page
from workbench.privacy import mask_phone, mask_text

PAGE = 200
HEADERS = [
    QT_TRANSLATE_NOOP("ContactListModel", "Time"), QT_TRANSLATE_NOOP("ContactListModel", "User"),
    QT_TRANSLATE_NOOP("ContactListModel", "Phone"), QT_TRANSLATE_NOOP("ContactListModel", "Channel"),
    QT_TRANSLATE_NOOP("ContactListModel", "Direction"), QT_TRANSLATE_NOOP("ContactListModel", "Topic"),
    QT_TRANSLATE_NOOP("ContactListModel", "Outcome"), QT_TRANSLATE_NOOP("ContactListModel", "Summary"),
    QT_TRANSLATE_NOOP("ContactListModel", "Follow-up")]


class ContactListModel(QAbstractTableModel):
    def __init__(self, db, user_id: int | None = None, parent=None):
        super().__init__(parent)
        self.db, self.user_id = db, user_id
        self.rows: list[tuple] = []
        self.exhausted = False
        self.pages_loaded = 0
        self.fetchMore(QModelIndex())

    def reload(self, user_id: int | None = None) -> None:
        self.beginResetModel()
        self.user_id = user_id
        self.rows, self.exhausted, self.pages_loaded = [], False, 0
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and not self.exhausted

    def fetchMore(self, parent=QModelIndex()) -> None:
        if parent.isValid() or self.exhausted:
            return
        before = (self.rows[-1][1], self.rows[-1][0]) if self.rows else None
        page = contacts_page(self.db, before=before, limit=PAGE, user_id=self.user_id)
        self.exhausted = len(page) < PAGE
        if page:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()
            self.pages_loaded += 1

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("ContactListModel", HEADERS[section])
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        cid, at, name, phone, channel, direction, topic, outcome, summary, follow_up, user_id = self.rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return user_id
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 7:
            return mask_text((summary or "")[:1000])
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        values = [(at or "")[:16].replace("T", " "), name or "", mask_phone(phone), channel or "", direction or "",
                  topic or "", outcome or "", " ".join((summary or "").split())[:120],
                  (follow_up or "").replace("T", " ")]
        return mask_text(values[index.column()])

