"""Starting the window: QApplication set-up, translations, theme, one instance per database file."""
from __future__ import annotations

import sys
from pathlib import Path

from workbench import APP_NAME, ORG_NAME
# The first screen's Qt-free modules load here, before PySide: PySide's import hook then reads the
# source of every module imported after it (looking for `from __feature__`), ~0.1 ms a module.
from workbench.tasks import repository as _first_screen_tasks  # noqa: F401

EXIT_USER_ERROR = 2


def create_application(argv: list[str] | None = None):
    """The QApplication with names set before any QSettings is made (docs/reliability.md)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        # 125 %/150 % screens: scale by the exact factor, so text and qtawesome icons stay sharp.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        # Fusion on every platform, so the palette and stylesheet (ui/common/theme.py) look the same
        # everywhere. Asked for here rather than with app.setStyle(), which would build QStyle's ~570
        # Python enums (~6 ms) before the first frame.
        app = QApplication([*(argv if argv is not None else sys.argv[:1]), "-style", "Fusion"])
        _pause_garbage_collection_until_the_event_loop_runs()
    app.setDesktopFileName("ops-workbench")  # packaging/linux/ops-workbench.desktop: the dock finds the icon
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("运营工作台")
    return app


def _pause_garbage_collection_until_the_event_loop_runs() -> None:
    """Building the window allocates tens of thousands of objects that live as long as it does; the
    collector would walk them ~50 times (~6 ms) before the first frame. It resumes at the first turn of
    the event loop (a zero timer), so nothing is left uncollected for longer than start-up."""
    import gc

    from PySide6.QtCore import QTimer

    if gc.isenabled():
        gc.disable()
        QTimer.singleShot(0, gc.enable)


def build_context(db_path: Path, db):
    from PySide6.QtCore import QSettings

    from workbench.ui.common.undo_stack import UndoStack
    from workbench.ui.shell.context import AppContext, AppEvents

    return AppContext(db_path=db_path, db=db, undo_stack=UndoStack(), settings=QSettings(), events=AppEvents())


def prepare_ui(app, settings, lang: str | None = None, *, with_stylesheet: bool = True) -> str:
    """Language and look; returns the language installed. with_stylesheet=False: the caller builds its
    window first and then calls theme.apply_stylesheet (see there why)."""
    from PySide6.QtCore import QCoreApplication

    from workbench.ui.common.theme import apply_theme
    from workbench.ui.shell import i18n

    code = i18n.install_language(i18n.chosen_language(settings, lang))
    # Qt appends the display name to every window title (X11, Windows): in the language shown.
    app.setApplicationDisplayName(QCoreApplication.translate("App", "Ops Workbench"))
    apply_theme(app, with_stylesheet=with_stylesheet)
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


def run_gui(db_path: Path, lang: str | None = None, *, check_first: bool = False) -> int:
    """The window. The integrity check and the daily backup run after its first frame
    (ui/shell/startup_checks.py); check_first runs the check before, as a reopen after damage does."""
    from PySide6.QtCore import QCoreApplication, QSettings

    from workbench.qt_libraries import check_qt_libraries

    check_qt_libraries()  # before Qt's xcb plugin can abort for a missing system library (Linux)
    from workbench.errors import UserError
    from workbench.ui.common.theme import apply_stylesheet
    from workbench.ui.shell.single_instance import SingleInstance

    app = create_application()
    prepare_ui(app, QSettings(), lang, with_stylesheet=False)  # set over the built window, below
    instance = SingleInstance(db_path)
    if not instance.acquire():
        return _second_instance(db_path)
    from workbench.ui.shell.startup_dialogs import open_with_dialogs

    try:
        # damaged ⇒ read-only + offer the latest good backup, location warnings (store/startup.py)
        opened = open_with_dialogs(db_path, check=check_first)
        if opened.db is None:
            from workbench.store.startup import damage_sentence

            raise damage_sentence(opened)
    except UserError as error:
        from PySide6.QtWidgets import QMessageBox

        apply_stylesheet(app)
        QMessageBox.critical(None, QCoreApplication.translate("App", "Ops Workbench"), error.sentence)
        instance.release()
        return EXIT_USER_ERROR
    db = opened.db
    from workbench.ui.shell.crash_reporting import install_crash_reporting
    from workbench.ui.shell.main_window import MainWindow

    ctx = build_context(db_path, db)
    window = MainWindow(ctx)
    apply_stylesheet(app)  # once, over the finished window (ui/common/theme.py says why)
    crash_reporting = install_crash_reporting(db_path.parent, window)  # masked log in the data folder
    if opened.damaged:  # (any read-only file also gets the window's banner: main_window.py)
        window.update_status(QCoreApplication.translate("App", "Read-only: the file is damaged"))
    stop_checks = None if opened.damaged else _checks_after_first_frame(window, readonly=opened.readonly)
    if not opened.readonly:
        window.first_frame_shown.connect(lambda: _watch_pdca_stalls(window))
        window.first_frame_shown.connect(lambda: _promote_due_soon(window))
    instance.raise_requested.connect(lambda: (window.showNormal(), window.raise_(), window.activateWindow()))
    window.first_frame_shown.connect(instance.listen)
    window.show()  # an empty database shows the welcome page (ui/shell/first_run.py)
    status = app.exec()
    if stop_checks is not None:
        stop_checks()
    crash_reporting.uninstall()
    if not opened.readonly:
        db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    instance.release()
    from workbench.ui.shell.database_files import perform_pending_move

    move_failed = perform_pending_move(ctx)  # 设置 › 数据库 › 移动: the file moves once it is closed
    if move_failed:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(None, QCoreApplication.translate("App", "Ops Workbench"), move_failed)
    if ctx.restart is not None:  # the window closed to reopen (ui/shell/database_files.py)
        return run_gui(ctx.restart.path, lang, check_first=ctx.restart.check_first)
    return status


def _watch_pdca_stalls(window) -> None:
    """Stalled PDCA cycles become tasks at start-up and every hour, not only when the PDCA page opens."""
    from workbench.ui.pdca import stall_watch

    window.pdca_stall_timer = stall_watch.install(window)


def _promote_due_soon(window) -> None:
    """Due-soon tasks move to 重要且紧急 after the first frame and on each new day (ui/tasks/promotion.py)."""
    from workbench.ui.tasks import promotion

    window.promotion_tick = promotion.install(window)


def _checks_after_first_frame(window, *, readonly: bool):
    """quick_check, then the day's backup and the retention setting, as one operation started after the
    first frame (its module alone is ~3 ms of start-up). Returns what stops it, for the exit."""
    started = []

    def start() -> None:
        from workbench.ui.common.operation import run_operation
        from workbench.ui.shell.startup_checks import check_and_back_up, check_changes

        def report(checked) -> None:
            if checked.verdict != "ok":
                # The checked start-up path says what is wrong and offers the newest good backup.
                from workbench.ui.shell.database_files import restart_with

                restart_with(window, window.ctx.db_path, check_first=True)
            elif checked.backup is not None:
                window.update_status()

        ctx = window.ctx
        started.append(run_operation(ctx, check_and_back_up(ctx.db_path, ctx.clock, readonly=readonly), connect=False,
                                     with_job=True, done=report, changes=check_changes, owner=window))

    window.first_frame_shown.connect(start)
    return lambda: [job.stop() for job in started]


def _second_instance(db_path: Path) -> int:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from workbench.ui.common.theme import apply_stylesheet
    from workbench.ui.shell.single_instance import ask_running_instance_to_raise

    apply_stylesheet()
    box = QMessageBox(QMessageBox.Icon.Information, QCoreApplication.translate("App", "Ops Workbench"),
                      QCoreApplication.translate("App", "This database is already open in another Ops Workbench window."))
    box.setObjectName("already_open_box")
    show = box.addButton(QCoreApplication.translate("App", "Show that window"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("App", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is show:
        ask_running_instance_to_raise(db_path)
    return 0
