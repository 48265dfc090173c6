"""Starting the window: QApplication set-up, translations, theme, one instance per database file."""
from __future__ import annotations

import sys
from pathlib import Path

from workbench import APP_NAME, ORG_NAME

EXIT_USER_ERROR = 2


def create_application(argv: list[str] | None = None):
    """The QApplication with names set before any QSettings is made (RELIABILITY.md)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        # 125 %/150 % screens: scale by the exact factor, so text and qtawesome icons stay sharp.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setDesktopFileName("ops-workbench")  # packaging/linux/ops-workbench.desktop: the dock finds the icon
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("运营工作台")
    return app


def build_context(db_path: Path, db):
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QUndoStack

    from workbench.ui.shell.context import AppContext, AppEvents

    return AppContext(db_path=db_path, db=db, undo_stack=QUndoStack(), settings=QSettings(), events=AppEvents())


def prepare_ui(app, settings, lang: str | None = None) -> str:
    """Language and look; returns the language installed."""
    from PySide6.QtCore import QCoreApplication

    from workbench.ui.common.theme import apply_theme
    from workbench.ui.shell import i18n

    code = i18n.install_language(i18n.chosen_language(settings, lang))
    # Qt appends the display name to every window title (X11, Windows): in the language shown.
    app.setApplicationDisplayName(QCoreApplication.translate("App", "Ops Workbench"))
    apply_theme(app)
    from workbench.ui.shell.preferences import scheme_choice

    if scheme_choice(settings) != "system":  # 设置 › 外观 may pin light or dark
        from workbench.ui.shell.settings_dialog import apply_scheme_choice  # ~8 ms: only when pinned

        apply_scheme_choice(scheme_choice(settings))
    return code


def gui_database_path(explicit: str | None) -> Path:
    """--db, else WORKBENCH_DB, else the file the window opened last, else the default location."""
    import os

    from PySide6.QtCore import QSettings

    from workbench.store import resolve_database_path

    if explicit or os.environ.get("WORKBENCH_DB"):
        return resolve_database_path(explicit)
    create_application()
    last = QSettings().value("db/last", "")  # ui/shell/preferences.LAST_DATABASE
    if last and Path(last).exists():
        return Path(last)
    return resolve_database_path(None)


def run_gui(db_path: Path, lang: str | None = None) -> int:
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QMessageBox

    from workbench.errors import UserError
    from workbench.store import open_database
    from workbench.ui.shell.single_instance import SingleInstance, ask_running_instance_to_raise

    app = create_application()
    prepare_ui(app, QSettings(), lang)
    instance = SingleInstance(db_path)
    if not instance.acquire():
        return _second_instance(db_path)
    from workbench.ui.shell.startup_dialogs import open_with_dialogs

    try:
        # quick_check, damaged ⇒ read-only + offer the latest good backup, location warnings (store/startup.py)
        opened = open_with_dialogs(db_path)
        if opened.db is None:
            from workbench.store.startup import damage_sentence

            raise damage_sentence(opened)
    except UserError as error:
        QMessageBox.critical(None, QCoreApplication.translate("App", "Ops Workbench"), error.sentence)
        instance.release()
        return EXIT_USER_ERROR
    db = opened.db
    try:
        from workbench.ui.shell.backup_location import daily  # the folder and count from the settings

        backup = None if opened.readonly else daily(db, db_path, QSettings())
    except UserError:
        backup = None  # the window still opens; the status bar does not claim a backup
    if backup is not None:
        # Once a day, after that day's backup: the operator's retention setting (设置 › 隐私).
        from workbench.retention import apply_retention

        try:
            apply_retention(db)
        except UserError:
            pass  # busy: tomorrow's start-up tries again
    from workbench.ui.shell.crash_dialog import install_crash_reporting
    from workbench.ui.shell.main_window import MainWindow

    ctx = build_context(db_path, db)
    window = MainWindow(ctx)
    crash_reporting = install_crash_reporting(db_path.parent, window)  # masked log in the data folder
    if opened.readonly:
        window.update_status(QCoreApplication.translate("App", "Read-only: the file is damaged"))
    instance.raise_requested.connect(lambda: (window.showNormal(), window.raise_(), window.activateWindow()))
    window.show()  # an empty database shows the welcome page (ui/shell/first_run.py)
    status = app.exec()
    crash_reporting.uninstall()
    if not opened.readonly:
        db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    instance.release()
    from workbench.ui.shell.database_files import perform_pending_move

    move_failed = perform_pending_move(app)  # 设置 › 数据库 › 移动: the file moves once it is closed
    if move_failed:
        QMessageBox.warning(None, QCoreApplication.translate("App", "Ops Workbench"), move_failed)
    restart_with = app.property("restart_with_db")
    if restart_with:
        app.setProperty("restart_with_db", None)
        return run_gui(Path(restart_with), lang)
    return status


def _second_instance(db_path: Path) -> int:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from workbench.ui.shell.single_instance import ask_running_instance_to_raise

    box = QMessageBox(QMessageBox.Icon.Information, QCoreApplication.translate("App", "Ops Workbench"),
                      QCoreApplication.translate("App", "This database is already open in another Ops Workbench window."))
    show = box.addButton(QCoreApplication.translate("App", "Show that window"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("App", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is show:
        ask_running_instance_to_raise(db_path)
    return 0
