"""The main window: navigation rail, capture bar, the page of the chosen area, menus, status bar."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from workbench import app_version
from workbench.privacy import mask_text
from workbench.ui.common.icons import app_icon, icon
from workbench.ui.common.theme import scheme_notifier
from workbench.ui.shell import first_run, i18n
from workbench.ui.shell.context import AppContext
from workbench.ui.shell.nav_rail import NavRail
from workbench.ui.shell.pages import CAPTURE_BAR, PAGES, Page, load
from workbench.ui.shell.status_line import StatusLine
from workbench.ui.common.changes import Changes
from workbench.ui.common.import_files import TakesDroppedFiles

from workbench.ui.common import shortcuts

EXPORT_WEEK_SHORTCUT = shortcuts.EXPORT_WEEK
START_TRIAGE_SHORTCUT = shortcuts.START_TRIAGE
IMPORT_USERS_SHORTCUT = shortcuts.IMPORT_USERS


class MainWindow(TakesDroppedFiles, QMainWindow):
    first_frame_shown = Signal()  # start-up work that can wait (app.py: the integrity check, the backup)
    PREBUILD_AFTER_MS = 30  # the other pages are built one by one after start-up's steps, for their badges

    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        self.pages: dict[str, Page] = {}
        self._painted = False  # the first frame is on screen: deferred start-up work may run
        self.reminders = None  # the reminder watcher (ui/tasks/reminder_popup.py), after the first frame
        self.outside_changes = None  # PRAGMA data_version on a timer (ui/shell/outside_changes.py), likewise
        self._backup = None  # 文件 › 立即备份's operation, while it runs and after (one at a time)
        self.setAcceptDrops(True)
        self._build()
        ctx.events.navigate.connect(self._on_navigate)
        ctx.events.changed.connect(self._on_changed)
        scheme_notifier().changed.connect(self._on_scheme_changed)  # the system (or 设置) switched light/dark
        ctx.events.status_message.connect(self._on_status_message)
        ctx.events.confirmation.connect(self._on_status_message)
        self._toast = None  # ui/shell/toast.py, built for the first message
        from workbench.ui.imports.import_handler import install_import_handler

        install_import_handler(self)  # 文件 › 导入 and dropped files open the import dialog
        self._restore_state()

    # --- building -------------------------------------------------------------------------
    def _build(self) -> None:
        """Everything that shows text; called again after the language changes."""
        # Qt adds the app's display name (运营工作台 / Ops Workbench) after this on X11 and Windows.
        self.setWindowTitle(self.ctx.db_path.name)
        QCoreApplication.instance().setApplicationDisplayName(self.tr("Ops Workbench"))
        self.rail = NavRail()
        for spec in PAGES:
            self.rail.add_area(spec.key, spec.translated_title())
        if self._painted:  # a rebuild (language, light/dark): the icon font is loaded already
            self._set_rail_icons()
        self.stack = QStackedWidget()
        self.pages.clear()
        self._slots: list[QWidget] = []
        for _spec in PAGES:
            slot = QWidget()
            QVBoxLayout(slot).setContentsMargins(0, 0, 0, 0)
            self.stack.addWidget(slot)
            self._slots.append(slot)
        self.welcome = None  # the first-run page (first_run.py), built when the database is empty
        self.capture_bar = load(CAPTURE_BAR)(self.ctx)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(0)
        self.readonly_banner = self._readonly_banner()
        if self.readonly_banner is not None:
            right_layout.addWidget(self.readonly_banner)
        right_layout.addWidget(self.capture_bar)
        right_layout.addWidget(self.stack, 1)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.rail)
        layout.addWidget(right, 1)
        self.setCentralWidget(central)
        self.rail.currentRowChanged.connect(self.show_area_at)
        self._build_menus()
        self._build_status_bar()

    def _readonly_banner(self) -> QWidget | None:
        """只读：… above the pages, while the database is open read-only (a write-protected file, folder
        or disk, or a damaged file): the operator knows before typing that nothing will be saved."""
        reason = getattr(self.ctx.db, "readonly_reason", None)
        if reason is None:
            return None
        from PySide6.QtWidgets import QLabel

        from workbench.store.faults import ReadOnlyDatabase

        banner = QLabel(ReadOnlyDatabase(reason).sentence)
        banner.setObjectName("readonly_banner")
        banner.setWordWrap(True)
        banner.setStyleSheet("QLabel#readonly_banner { background: #fff4ce; color: #4d3800; padding: 6px 12px; }")
        return banner

    def _set_rail_icons(self) -> None:
        self.rail.set_icons([icon(spec.icon) for spec in PAGES])
        self.centralWidget().update()  # the icons painted without the font (icons.loaded_icon) now show

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            # qtawesome and sqlite-utils cost ~0.5 s to import (warm_up.py): the first frame shows the
            # rail's names and the matrix without waiting for them.
            QTimer.singleShot(0, self, self._after_first_paint)

    def _after_first_paint(self) -> None:
        self.setWindowIcon(app_icon())  # ten PNG sizes (~2 ms): the taskbar shows it a frame later
        # qtawesome, sqlite-utils, pyqtgraph: on a pool thread, from the next turn of the event loop, once
        # the matrix has filled its today strip (posted by its own first paint): the two would share the
        # interpreter lock and each take twice as long.
        QTimer.singleShot(0, self, self._start_warm_up)

    def _start_warm_up(self) -> None:
        from workbench.ui.shell.warm_up import warm_up

        warm_up(self, self._after_warm_up)

    def _after_warm_up(self) -> None:
        """The start-up work that needs the warmed-up modules, one step per turn of the event loop, so a
        key press or a repaint gets in between (none is over ~30 ms; together they were 0.6 s)."""
        self._run_steps([
            self._set_rail_icons,  # qtawesome's font (~30 ms)
            self.capture_bar.install_tray,
            lambda: first_run.check_fonts(self),  # lists the font families: the warning, if any, shows late
            self.ctx.db.load,  # sqlite-utils' Database, before a click needs it (store/lazy_database.py)
            self._start_reminders,
            self._start_outside_changes,
            self.first_frame_shown.emit,
            _freeze_long_lived_objects,
            lambda: QTimer.singleShot(self.PREBUILD_AFTER_MS, self, self._build_remaining_pages),
        ])

    def _run_steps(self, steps: list) -> None:
        if not steps or not self.isVisible():
            return  # closed meanwhile (its database may be closed too): the rest has nothing to serve
        steps[0]()
        QTimer.singleShot(0, self, lambda: self._run_steps(steps[1:]))

    def _start_reminders(self) -> None:
        from workbench.ui.tasks.reminder_popup import start_reminders

        self.reminders = start_reminders(self.ctx, self)  # missed ones show now, grouped; then a timer checks

    def _start_outside_changes(self) -> None:
        from workbench.ui.shell.outside_changes import OutsideChangeWatcher

        self.outside_changes = OutsideChangeWatcher(self.ctx, self)  # `workbench capture` from elsewhere shows up
        self.outside_changes.start()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        bar.clear()
        file_menu = bar.addMenu(self.tr("&File"))
        self._action(file_menu, self.tr("&Open database…"), self.open_database_dialog, QKeySequence.StandardKey.Open)
        self._action(file_menu, self.tr("&Back up now"), self.back_up_now)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Import report…"), lambda: self.ctx.events.import_requested.emit(""), "Ctrl+I")
        self._action(file_menu, self.tr("Import &user list…"), self.import_users, IMPORT_USERS_SHORTCUT)
        self._action(file_menu, self.tr("&Datasets…"), self.show_datasets, "Ctrl+Shift+D")
        # Not Ctrl+E: on Linux a text field takes it as end-of-line and the export never ran
        # (tests/shell/test_shortcuts_clear_of_text_editing.py checks every menu key against text editing).
        self._action(file_menu, self.tr("&Export weekly review…"), self.ctx.events.export_week_requested.emit,
                     EXPORT_WEEK_SHORTCUT)
        file_menu.addSeparator()
        # Preferences has no standard key on some platforms (docs/reliability.md): Ctrl+, everywhere.
        self._action(file_menu, self.tr("&Settings…"), self.show_settings, "Ctrl+,")
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), self.close, "Ctrl+Q")

        edit_menu = bar.addMenu(self.tr("&Edit"))
        undo = self.ctx.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.ctx.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        edit_menu.addSeparator()
        self._action(edit_menu, self.tr("&Capture"), self.focus_capture, "Ctrl+N")
        self._action(edit_menu, self.tr("Start &triage"), self.start_triage, START_TRIAGE_SHORTCUT)

        view_menu = bar.addMenu(self.tr("&View"))
        for number, spec in enumerate(PAGES, start=1):
            self._action(view_menu, spec.translated_title(), lambda checked=False, k=spec.key: self.show_area(k),
                         f"Ctrl+{number}")
        view_menu.addSeparator()
        language_menu = view_menu.addMenu(self.tr("&Language"))
        current = self.ctx.settings.value(i18n.SETTING_KEY, "system")
        for code, name in [("system", self.tr("Follow the system")), *i18n.LANGUAGES.items()]:
            action = self._action(language_menu, name, lambda checked=False, c=code: self.set_language(c))
            action.setCheckable(True)
            action.setChecked(code == current)

        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&Shortcuts and capture syntax"), self.show_help, "F1")
        self._action(help_menu, self.tr("&Welcome page"), self.show_welcome)
        help_menu.addSeparator()
        self._action(help_menu, self.tr("Audit &log…"), self.show_audit_log)
        self._action(help_menu, self.tr("&About Ops Workbench"), self.show_about)

    def _action(self, menu, text: str, slot, shortcut=None) -> QAction:
        action = QAction(self)  # (QAction(text, parent) builds QIcon's Python enums to match an overload)
        action.setText(text)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_status_bar(self) -> None:
        if getattr(self, "status_line", None) is None:  # once: _build() runs again on a language switch
            self.status_line = StatusLine()
            self.statusBar().addPermanentWidget(self.status_line, 1)
        self.update_status()

    # --- areas ----------------------------------------------------------------------------
    def show_area(self, key: str) -> None:
        row = next(i for i, spec in enumerate(PAGES) if spec.key == key)
        if self.rail.currentRow() != row:
            self.rail.setCurrentRow(row)  # calls show_area_at
        else:
            self.show_area_at(row)

    def show_area_at(self, row: int) -> None:
        if row < 0:
            return
        page = self.page(PAGES[row].key)
        self.stack.setCurrentIndex(row)
        page.refresh()
        self.ctx.settings.setValue("ui/last_page", PAGES[row].key)
        # A page with a first field (the contact form's user finder) takes the keyboard from wherever it
        # was, so the page opens ready to type; not while the operator walks the rail with the arrow keys.
        focus_entry = getattr(page, "focus_entry", None)
        if focus_entry is not None and not self.rail.walked_by_keys():
            focus_entry()

    def page(self, key: str) -> Page:
        """The page of an area, built the first time it is needed."""
        if key not in self.pages:
            row = next(i for i, spec in enumerate(PAGES) if spec.key == key)
            page = PAGES[row].load_class()(self.ctx)
            self._slots[row].layout().addWidget(page)
            self.pages[key] = page
        return self.pages[key]

    def current_area(self) -> str:
        return PAGES[max(0, self.rail.currentRow())].key

    def _on_navigate(self, key: str, target) -> None:
        self.show_area(key)
        page = self.pages.get(key)
        if target is not None and page is not None:
            page.open_item(target)

    def refresh_badges(self) -> None:
        self._badges = {}
        for row, spec in enumerate(PAGES):
            page = self.pages.get(spec.key)
            badge = page.badge() if page is not None else ""
            self._badges[spec.key] = badge
            self.rail.set_badge(row, badge)
        self.update_status()

    def _on_changed(self, changes: Changes) -> None:
        self.refresh_badges()
        first_run.leave_welcome_when_filled(self, changes)

    def _build_remaining_pages(self) -> None:
        """After the first paint, build the other pages one per idle turn so every badge shows."""
        if not self.isVisible():
            return  # closed (or never shown): nothing to count for
        missing = [spec.key for spec in PAGES if spec.key not in self.pages]
        if not missing:
            _freeze_long_lived_objects()
            self.refresh_badges()
            return
        self.page(missing[0])
        QTimer.singleShot(30, self, self._build_remaining_pages)

    def show_datasets(self) -> None:
        """The imported datasets with their rows and import log (undo the latest import there)."""
        from workbench.ui.imports.import_handler import open_dataset_browser

        open_dataset_browser(self)

    def _on_status_message(self, text: str, options: dict | None = None) -> None:
        """status_message(text) and confirmation(text, options): in the status bar and as a toast."""
        # Messages often quote what the operator typed ("Captured: 回访 @138…"): the bar shows it masked.
        self.statusBar().showMessage(mask_text(text), 5000)
        self.show_toast(text, options)  # the status line covers the bar's message area: the toast is seen

    def show_toast(self, text: str, options: dict | None = None) -> None:
        if self._toast is None:
            from workbench.ui.shell.toast import Toast

            self._toast = Toast(self)
        self._toast.show_text(mask_text(text), options)  # masked, as the status bar

    def focus_capture(self) -> None:
        self.capture_bar.focus_capture()

    def start_triage(self) -> None:
        """编辑 › 开始分拣 (Ctrl+Shift+T) from any page: the inbox's first item, one at a time."""
        self.show_area("tasks")
        self.page("tasks").start_triage()

    def import_users(self) -> None:
        """文件 › 导入用户名单 (Ctrl+Shift+I) from any page: the contacts page's user-list import."""
        self.show_area("contacts")
        self.page("contacts").import_users()

    # --- status, files, language, about ---------------------------------------------------
    def update_status(self, note: str | None = None) -> None:
        """数据库 x.db · 已备份 今天 09:02 · the pages' counts (· a note such as read-only)."""
        from workbench.ui.shell.backup_location import last_backup_time

        if note is not None:
            self._status_note = note
        badges = getattr(self, "_badges", {})
        counts = [spec.translated_status(badges.get(spec.key, "")) for spec in PAGES]
        counts = [text for text in counts if text]
        if getattr(self, "_status_note", None):
            counts.append(self._status_note)
        self.status_line.show_parts(self.ctx.db_path.name, last_backup_time(self.ctx.settings, self.ctx.db_path), counts,
                                    self.ctx.today())

    def back_up_now(self) -> None:
        """An operation (ui/shell/startup_checks.back_up); the status bar says when it is written."""
        from workbench.ui.common.operation import run_operation
        from workbench.ui.shell.startup_checks import back_up

        if self._backup is not None and not self._backup.finished:
            return  # one at a time: the menu item again while it runs changes nothing
        self.statusBar().showMessage(self.tr("Backing up…"))
        self._backup = run_operation(self.ctx, back_up(self.ctx.db_path, self.ctx.clock), owner=self,
                                     done=self._on_backup_written, failed=self._on_backup_failed)

    def _on_backup_failed(self, sentence: str) -> None:
        from PySide6.QtWidgets import QMessageBox  # (dialog classes load when used: start-up, ~1 ms)

        QMessageBox.warning(self, self.tr("Back up"), sentence)

    def _on_backup_written(self, path: Path) -> None:
        self.update_status()
        self.ctx.events.status_message.emit(self.tr("Backup written to %1").replace("%1", str(path)))

    def open_database_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from workbench.ui.shell.database_files import restart_with

        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open database"), str(self.ctx.db_path.parent),
                                              self.tr("Workbench database (*.db *.sqlite);;All files (*)"))
        if path:
            QMessageBox.information(self, self.tr("Open database"),
                                    self.tr("The workbench will reopen with %1.").replace("%1", path))
            restart_with(self, Path(path))

    def set_language(self, code: str) -> None:
        self.ctx.settings.setValue(i18n.SETTING_KEY, code)
        i18n.install_language(i18n.chosen_language(self.ctx.settings))
        self.rebuild()

    def _on_scheme_changed(self, _scheme) -> None:
        if self.isVisible():  # a closed window (its database may be closed too) stays as it is
            self.rebuild()

    def rebuild(self) -> None:
        """Build every page again (after a language or light/dark switch), staying where the operator was.

        Pages read colours and texts when they are built, so rebuilding is what makes all of them
        follow; the app stylesheet alone would leave custom-painted parts in the old scheme."""
        current = self.current_area()
        on_welcome = self.welcome_visible()
        self._build()
        self.show_area(current)
        if on_welcome:
            self.show_welcome()
        self.refresh_badges()
        # The other pages again, one per idle turn as at start-up: their badges (联系记录 15, PDCA 1)
        # were gone from the rail after a switch to dark or to English until each page was visited.
        QTimer.singleShot(self.PREBUILD_AFTER_MS, self, self._build_remaining_pages)

    # --- first run, help, settings (first_run.py, help_dialog.py, settings_dialog.py) -------
    def show_welcome(self) -> None:
        first_run.show_welcome(self)

    def welcome_visible(self) -> bool:
        return self.welcome is not None and self.stack.currentWidget() is self.welcome

    def load_demo(self) -> None:
        first_run.load_demo(self)

    def show_help(self) -> None:
        from workbench.ui.shell.help_dialog import HelpDialog

        self.help_dialog = HelpDialog(self)
        self.help_dialog.show()

    def show_settings(self, section: int = 0) -> None:
        from workbench.ui.shell.settings_dialog import SettingsDialog

        self.settings_dialog = SettingsDialog(self)
        self.settings_dialog.show_section(section)
        self.settings_dialog.open()

    def move_database_dialog(self) -> None:
        from workbench.ui.shell import database_files  # (file dialogs load when used: ~1 ms of start-up)

        database_files.move_dialog(self)

    def new_database_dialog(self) -> None:
        from workbench.ui.shell import database_files

        database_files.new_dialog(self)

    def show_audit_log(self) -> None:
        """帮助 › 审计日志 (workbench/ui/shell/audit_view.py, owned by the hardening work)."""
        from workbench.ui.shell.audit_view import AuditView

        self.audit_view = AuditView(self.ctx.db, self)
        self.audit_view.open()

    def about_text(self) -> str:
        return (self.tr("Ops Workbench %1\n\nA workbench for user operations: capture and triage, contact log, "
                        "PDCA cycles, report charts and the weekly review — in one SQLite file.\n\nDatabase: %2")
                .replace("%1", app_version()).replace("%2", str(self.ctx.db_path)))

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self, self.tr("About Ops Workbench"), self.about_text())

    # --- drag a report onto the window (import_files.TakesDroppedFiles) --------------------
    def take_dropped_file(self, path: str) -> None:
        """An .xlsx/.xls/.csv… opens the report import for it; any other file gets one sentence."""
        self.ctx.events.import_requested.emit(path)

    def refuse_dropped_file(self, sentence: str) -> None:
        self.ctx.events.status_message.emit(sentence)

    # --- state ----------------------------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = self.ctx.settings.value("ui/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 820)
        last = self.ctx.settings.value("ui/last_page", "tasks")
        self.show_area(last if last in {spec.key for spec in PAGES} else "tasks")
        if first_run.database_is_empty(self.ctx):
            self.show_welcome()
        QTimer.singleShot(0, self, self.refresh_badges)  # the other pages follow start-up (_after_warm_up)

    def closeEvent(self, event) -> None:
        if self._backup is not None:
            self._backup.wait()  # a backup being written finishes (seconds at most) before the file closes
        self.ctx.settings.setValue("ui/geometry", self.saveGeometry())
        self.ctx.settings.setValue("ui/last_page", self.current_area())
        super().closeEvent(event)


def _freeze_long_lived_objects() -> None:
    """The modules and the built window live as long as the app: the garbage collector stops walking
    them (a full collection over them took 30–50 ms of the GUI thread, at random moments)."""
    import gc

    gc.freeze()
