"""设置 (Ctrl+,): language and look, database file, backups, capture rules, privacy, alert defaults.

Per-machine values go to QSettings (preferences.py); values that travel with the data and that
headless code reads go to the database's settings table (workbench/stored_settings.py).
Database actions (open / move / new) act at once, after a confirmation; the rest applies on Save.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, QTime
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QListWidget, QPushButton, QSpinBox,
                               QStackedWidget, QTimeEdit, QVBoxLayout, QWidget)

from workbench import stored_settings
from workbench.errors import UserError
from workbench.tasks import reminders
from workbench.ui.common import theme
from workbench.ui.shell import i18n, preferences
from workbench.ui.common.changes import Changes


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setProperty("muted", True)
    return label


def _section(title: str, note: str | None = None) -> tuple[QWidget, QFormLayout]:
    page = QWidget()
    column = QVBoxLayout(page)
    column.setContentsMargins(24, 16, 24, 16)
    column.setSpacing(8)
    heading = QLabel(title)
    heading.setProperty("subheading", True)
    column.addWidget(heading)
    if note:
        column.addWidget(_note(note))
    form = QFormLayout()
    form.setHorizontalSpacing(16)
    form.setVerticalSpacing(8)
    column.addLayout(form)
    column.addStretch(1)
    return page, form


class SettingsDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.ctx = window.ctx
        self.setWindowTitle(self.tr("Settings"))
        self.resize(760, 520)
        self.sections = QListWidget()
        self.sections.setObjectName("settingsSections")
        self.sections.setFixedWidth(168)
        self.stack = QStackedWidget()
        for title, page in [(self.tr("Language and look"), self._language_page()),
                            (self.tr("Database"), self._database_page()),
                            (self.tr("Backups"), self._backup_page()),
                            (self.tr("Capture"), self._capture_page()),
                            (self.tr("Privacy"), self._privacy_page()),
                            (self.tr("Alerts"), self._alerts_page()),
                            (self.tr("Reminders"), self._reminders_page())]:
            self.sections.addItem(title)
            self.sections.item(self.sections.count() - 1).setSizeHint(QSize(0, 36))
            self.stack.addWidget(page)
        self.sections.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.sections.setCurrentRow(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        body = QHBoxLayout()
        body.setSpacing(0)
        body.addWidget(self.sections)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 16)
        layout.addLayout(body, 1)
        button_row = QHBoxLayout()
        button_row.setContentsMargins(16, 0, 16, 0)
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.hide()
        button_row.addWidget(self.error, 1)
        button_row.addWidget(buttons)
        layout.addLayout(button_row)
        for field in self.findChildren(QSpinBox) + self.findChildren(QComboBox):
            field.setMinimumWidth(160)
            field.setMaximumWidth(240)  # short values: a full-width field looks like a text box

    def show_section(self, row: int) -> None:
        self.sections.setCurrentRow(row)

    # --- sections -------------------------------------------------------------------------
    def _language_page(self) -> QWidget:
        page, form = _section(self.tr("Language and look"))
        self.language = QComboBox()
        for code, name in [("system", self.tr("Follow the system")), *i18n.LANGUAGES.items()]:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(self.ctx.settings.value(i18n.SETTING_KEY, "system"))))
        form.addRow(self.tr("Language"), self.language)
        self.scheme = QComboBox()
        for code, name in [("system", self.tr("Follow the system")), ("light", self.tr("Light")), ("dark", self.tr("Dark"))]:
            self.scheme.addItem(name, code)
        self.scheme.setCurrentIndex(self.scheme.findData(preferences.scheme_choice(self.ctx.settings)))
        form.addRow(self.tr("Colours"), self.scheme)
        return page

    def _database_page(self) -> QWidget:
        page, form = _section(self.tr("Database"), self.tr(
            "All your work is in this one file. Keep it on this computer's disk, not in a synced folder; "
            "put backups there instead."))
        path = QLineEdit(str(self.ctx.db_path))
        path.setReadOnly(True)
        form.addRow(self.tr("File"), path)
        row = QHBoxLayout()
        for text, slot in [(self.tr("Open another…"), self.window_.open_database_dialog),
                           (self.tr("Move to…"), self.window_.move_database_dialog),
                           (self.tr("New empty database…"), self.window_.new_database_dialog)]:
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        form.addRow("", row)
        return page

    def _backup_page(self) -> QWidget:
        page, form = _section(self.tr("Backups"), self.tr(
            "A verified copy is made once a day when the workbench starts, and whenever you choose "
            "File › Back up now. The oldest copies beyond the kept count are removed."))
        self.backup_folder = QLineEdit(str(preferences.chosen_backup_folder(self.ctx.settings, self.ctx.db_path)))
        self.backup_folder.setReadOnly(True)
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self._choose_backup_folder)
        default = QPushButton(self.tr("Beside the database"))
        default.clicked.connect(lambda: self.backup_folder.setText(str(self.ctx.db_path.parent / "backups")))
        row = QHBoxLayout()
        row.addWidget(self.backup_folder, 1)
        row.addWidget(choose)
        row.addWidget(default)
        form.addRow(self.tr("Folder"), row)
        self.backup_keep = QSpinBox()
        self.backup_keep.setRange(1, 90)
        self.backup_keep.setValue(preferences.backup_keep(self.ctx.settings))
        self.backup_keep.setSuffix(self.tr(" copies"))
        form.addRow(self.tr("Keep"), self.backup_keep)
        return page

    def _capture_page(self) -> QWidget:
        page, form = _section(self.tr("Capture"), self.tr(
            "Each morning, open tasks whose due date is this close move to “important and urgent”, "
            "so nothing due slips while it waits in another quadrant."))
        self.promote_days = QSpinBox()
        self.promote_days.setRange(0, 30)  # as the matrix's ⚙ menu
        self.promote_days.setValue(stored_settings.get(self.ctx.db, stored_settings.PROMOTE_DAYS))
        self.promote_days.setSuffix(self.tr(" days before due"))
        self.promote_days.setSpecialValueText(self.tr("On the due day"))
        form.addRow(self.tr("Promote a task"), self.promote_days)
        return page

    def _privacy_page(self) -> QWidget:
        page, form = _section(self.tr("Privacy"), self.tr(
            "Users' phone numbers and WeChat ids are personal data. Exports mask them unless you untick it "
            "in the export itself; every unmasked export is written to the audit log."))
        self.mask_exports = QCheckBox(self.tr("Mask phone numbers and WeChat ids in exports"))
        self.mask_exports.setChecked(bool(stored_settings.get(self.ctx.db, stored_settings.MASK_EXPORTS)))
        form.addRow(self.tr("Exports"), self.mask_exports)
        self.retention = QSpinBox()
        self.retention.setRange(0, 120)
        self.retention.setValue(stored_settings.get(self.ctx.db, stored_settings.RETENTION_MONTHS))
        self.retention.setSuffix(self.tr(" months"))
        self.retention.setSpecialValueText(self.tr("Keep everything"))
        form.addRow(self.tr("Keep contact logs for"), self.retention)
        return page

    def _alerts_page(self) -> QWidget:
        page, form = _section(self.tr("Alerts"), self.tr(
            "A new alert rule starts from these drops against the previous period; each rule can be changed "
            "on the dashboard."))
        thresholds = stored_settings.get(self.ctx.db, stored_settings.ALERT_THRESHOLDS)
        self.alert_spins: dict[str, QSpinBox] = {}
        for level, label in [("yellow", self.tr("Yellow from a drop of")),
                             ("orange", self.tr("Orange from a drop of")),
                             ("red", self.tr("Red from a drop of"))]:
            spin = QSpinBox()
            spin.setRange(1, 100)
            spin.setSuffix(" %")
            spin.setValue(int(thresholds[level]))
            self.alert_spins[level] = spin
            form.addRow(label, spin)
        return page

    def _reminders_page(self) -> QWidget:
        page, form = _section(self.tr("Reminders"), self.tr(
            "A task with a due time reminds you at that time (a tray message, or a small window on top). "
            "During quiet hours nothing pops up; what came due shows when they end."))
        self.reminder_lead = QComboBox()
        self.reminder_lead.setObjectName("reminderLead")
        for minutes in reminders.LEAD_CHOICES:
            self.reminder_lead.addItem(self.tr("At the due time") if minutes == 0 else
                                       self.tr("%1 minutes before").replace("%1", str(minutes)), minutes)
        self.reminder_lead.setCurrentIndex(self.reminder_lead.findData(reminders.lead_minutes(self.ctx.db)))
        form.addRow(self.tr("Remind"), self.reminder_lead)
        quiet = reminders.quiet_hours(self.ctx.db)
        self.quiet_enabled = QCheckBox(self.tr("No reminders between"))
        self.quiet_enabled.setChecked(quiet is not None)
        self.quiet_start, self.quiet_end = QTimeEdit(), QTimeEdit()
        for edit, value, default in ((self.quiet_start, quiet and quiet[0], QTime(22, 0)),
                                     (self.quiet_end, quiet and quiet[1], QTime(8, 0))):
            edit.setDisplayFormat("HH:mm")
            edit.setTime(QTime(value.hour, value.minute) if value else default)
            edit.setFixedWidth(96)
            edit.setEnabled(quiet is not None)
            self.quiet_enabled.toggled.connect(edit.setEnabled)
        row = QHBoxLayout()
        row.setSpacing(10)
        row.addWidget(self.quiet_enabled)
        row.addWidget(self.quiet_start)
        row.addWidget(QLabel("–"))
        row.addWidget(self.quiet_end)
        row.addStretch(1)
        form.addRow(self.tr("Quiet hours"), row)
        return page

    def _quiet_hours_value(self) -> dict:
        if not self.quiet_enabled.isChecked():
            return {"start": "", "end": ""}
        return {"start": self.quiet_start.time().toString("HH:mm"), "end": self.quiet_end.time().toString("HH:mm")}

    def _choose_backup_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"), self.backup_folder.text())
        if folder:
            self.backup_folder.setText(folder)

    # --- saving ---------------------------------------------------------------------------
    def validate(self) -> None:
        levels = [self.alert_spins[level].value() for level in ("yellow", "orange", "red")]
        if not levels[0] < levels[1] < levels[2]:
            raise UserError("预警阈值必须逐级升高：黄色 < 橙色 < 红色。",
                            "Alert thresholds must rise from level to level: yellow < orange < red.")

    def save(self) -> None:
        try:
            self.validate()
        except UserError as error:
            self.error.setText(error.sentence)  # inline: the dialog stays open with what was typed
            self.error.show()
            return
        self.error.hide()
        settings = self.ctx.settings
        folder = self.backup_folder.text().strip()
        default_folder = str(self.ctx.db_path.parent / "backups")
        settings.setValue(preferences.BACKUP_FOLDER, "" if folder == default_folder else folder)
        settings.setValue(preferences.BACKUP_KEEP, self.backup_keep.value())
        promote_days_changed = self.promote_days.value() != stored_settings.get(self.ctx.db, stored_settings.PROMOTE_DAYS)
        stored_settings.put(self.ctx.db, {
            stored_settings.PROMOTE_DAYS: self.promote_days.value(),
            stored_settings.MASK_EXPORTS: self.mask_exports.isChecked(),
            stored_settings.RETENTION_MONTHS: self.retention.value(),
            stored_settings.ALERT_THRESHOLDS: {level: spin.value() for level, spin in self.alert_spins.items()},
            stored_settings.REMINDER_LEAD_MINUTES: self.reminder_lead.currentData(),
            stored_settings.REMINDER_QUIET_HOURS: self._quiet_hours_value(),
        })
        scheme = self.scheme.currentData()
        if scheme != preferences.scheme_choice(settings):
            settings.setValue(preferences.SCHEME, scheme)
            apply_scheme_choice(scheme)
        language = self.language.currentData()
        self.accept()
        if language != settings.value(i18n.SETTING_KEY, "system"):
            self.window_.set_language(language)
        self.ctx.events.changed.emit(Changes(settings=True))
        if promote_days_changed:  # the promotion is an operation of its own (ui/tasks/promotion.py)
            from workbench.ui.tasks.promotion import promote_now

            promote_now(self.ctx)


def apply_scheme_choice(choice: str) -> None:
    app = QCoreApplication.instance()
    if choice == "light":
        theme.reapply_scheme(app, force=theme.LIGHT)
    elif choice == "dark":
        theme.reapply_scheme(app, force=theme.DARK)
    else:
        theme.follow_system_scheme(app)
