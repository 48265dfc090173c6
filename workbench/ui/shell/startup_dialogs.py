"""The sentences the operator may see while the database opens (store/startup.py decides, this asks).

- network share / cloud-sync folder: a warning, then the window opens;
- damaged file (quick_check not ok): restore the newest good backup, or continue read-only;
- not a database / newer version: raised as UserError for app.py to show and stop.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from workbench.store.startup import OpenedDatabase, damage_sentence, open_at_startup, restore_and_reopen
from workbench.ui.common.theme import apply_stylesheet  # (the window sets it later, unless a dialog comes first)


def ask_restore(opened: OpenedDatabase, parent: QWidget | None = None) -> bool:
    """True when the operator chose to restore the offered backup."""
    from PySide6.QtWidgets import QMessageBox  # (dialog classes load when a dialog is shown: start-up, ~1 ms)

    apply_stylesheet()
    box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("StartupDialogs", "Damaged database"), damage_sentence(opened).sentence,
                      QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("damaged_database_box")
    restore = None
    if opened.backup is not None:
        restore = box.addButton(QCoreApplication.translate("StartupDialogs", "Restore the backup"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("StartupDialogs", "Open read-only"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return restore is not None and box.clickedButton() is restore


UPGRADE_NOTICE_FROM_BYTES = 20 << 20  # a smaller file is copied and migrated before anyone would notice


def upgrade_notice(db_path: Path) -> QWidget | None:
    """A small window saying the database is being upgraded, while the copy is set aside and the
    schema migrated before the main window can open (a 500 MB file takes a few seconds)."""
    from workbench.store.startup import needs_upgrade

    if not needs_upgrade(db_path) or Path(db_path).stat().st_size < UPGRADE_NOTICE_FROM_BYTES:
        return None
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QLabel

    apply_stylesheet()
    notice = QLabel(QCoreApplication.translate(
        "StartupDialogs", "Upgrading the database for this version (a copy of it is kept first)…"))
    notice.setObjectName("upgrade_notice")
    notice.setWindowFlags(Qt.WindowType.SplashScreen | Qt.WindowType.WindowStaysOnTopHint)
    notice.setMargin(24)
    notice.adjustSize()
    screen = QApplication.primaryScreen()
    if screen is not None:  # where the main window will appear
        notice.move(screen.availableGeometry().center() - notice.rect().center())
    notice.show()
    QApplication.processEvents()
    return notice


def open_with_dialogs(db_path: Path, parent: QWidget | None = None, *, check: bool = True) -> OpenedDatabase:
    """Open the database for the window, asking what to do when something is wrong. Raises UserError.

    check=False leaves quick_check to ui/shell/startup_checks.py, after the first frame."""
    notice = upgrade_notice(db_path)
    try:
        opened = open_at_startup(db_path, check=check)
    finally:
        if notice is not None:
            notice.close()
    for warning in opened.warnings:
        from PySide6.QtWidgets import QMessageBox

        apply_stylesheet()
        box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("StartupDialogs", "Database location"), warning.sentence,
                          QMessageBox.StandardButton.Ok, parent)
        box.setObjectName("location_warning_box")
        box.exec()
    if opened.damaged and ask_restore(opened, parent):
        from workbench import audit

        backup_name = opened.backup.name
        from workbench.clock import wall_clock  # before the window and its context exist

        opened = restore_and_reopen(opened, now=wall_clock())
        audit.record(opened.db, audit.RESTORE_BACKUP, backup_name)
    return opened
