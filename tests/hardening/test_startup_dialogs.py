"""What the operator sees at start-up: a damaged file offers the latest good backup, a sync folder warns."""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from workbench import audit
from workbench.store import open_database
from workbench.store.backup import make_backup
from workbench.store.integrity import integrity
from workbench.ui.shell.startup_dialogs import open_with_dialogs
from damaged_files import damage_a_page_of, fill_settings


def answer_box(object_name: str, role, seen: list) -> None:
    """Click the button with `role` of the modal box once it shows (the box blocks in exec())."""
    def click():
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.objectName() == object_name and widget.isVisible():
                seen.append(widget.text())
                for button in widget.buttons():
                    if widget.buttonRole(button) == role:
                        button.click()
                        return
        QTimer.singleShot(50, click)
    QTimer.singleShot(50, click)


def make_damaged(db_path):
    fill_settings(db_path)
    db = open_database(db_path)
    backup = make_backup(db, db_path)
    db.close()
    damage_a_page_of(db_path)
    return backup


def test_a_damaged_database_offers_the_backup_and_restores_it(qapp, db_path):
    from workbench.errors import set_language

    set_language("zh_CN")
    backup = make_damaged(db_path)
    seen = []
    answer_box("damaged_database_box", QMessageBox.ButtonRole.AcceptRole, seen)
    opened = open_with_dialogs(db_path)
    assert seen and "已损坏" in seen[0] and backup.name in seen[0]
    assert not opened.readonly and integrity(opened.db) == "ok"
    assert opened.db["settings"].count == 3000
    assert audit.entries(opened.db)[0]["action"] == audit.RESTORE_BACKUP
    opened.db.close()


def test_declining_the_restore_opens_read_only(qapp, db_path):
    make_damaged(db_path)
    seen = []
    answer_box("damaged_database_box", QMessageBox.ButtonRole.RejectRole, seen)
    opened = open_with_dialogs(db_path)
    assert seen and opened.readonly and opened.damaged
    opened.db.close()


def test_a_sync_folder_shows_the_warning_then_opens(qapp, tmp_path):
    from workbench.errors import set_language

    set_language("zh_CN")
    seen = []
    answer_box("location_warning_box", QMessageBox.ButtonRole.AcceptRole, seen)
    opened = open_with_dialogs(tmp_path / "我的坚果云" / "workbench.db")
    assert seen and "坚果云" in seen[0] and "同步文件夹" in seen[0]
    assert not opened.readonly
    opened.db.close()
