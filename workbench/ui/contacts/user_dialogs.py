"""Dialogs of the contacts page: a user's details (the only place a phone is shown unmasked, on
request), importing a user list, and a new recall sequence."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QPlainTextEdit, QProgressBar, QPushButton, QVBoxLayout)

from workbench.ui.common import import_files
from workbench.ui.common.masked_fields import MaskedFields
from workbench.ui.common.personal_data_hint import PersonalDataHint
from workbench.contacts.schema import STAGES
from workbench.contacts.sequences import Step, list_sequences
from workbench.contacts.user_import import FIELDS, read_user_list
from workbench.contacts.users import get_user
from workbench.errors import UserError, current_language
from workbench.privacy import mask_attribute


class UserDetailDialog(QDialog):
    """Edit a user; the phone, WeChat, phones in the notes and the imported attributes stay masked until
    the operator presses Reveal, which is written to the audit log. Notes holding personal data are
    read-only until then (saving the masked text would lose the number)."""

    def __init__(self, ctx, user_id: int, parent=None):
        super().__init__(parent)
        self.ctx, self.user_id = ctx, user_id
        user = get_user(ctx.db, user_id)
        self.user = user
        self.setWindowTitle(self.tr("User %1").replace("%1", user.name or user.external_id or str(user.id)))
        self.name = QLineEdit(user.name or "")
        self.external_id = QLineEdit(user.external_id or "")
        self.masked = MaskedFields(ctx, f"用户 {user.label()}", self)
        self.masked.revealed.connect(self._show_attributes)
        self.phone = QLineEdit()
        self.phone.setObjectName("phoneField")
        self.masked.show_text(self.phone, user.phone, editable=False, masked=user.masked_phone)
        self.reveal = self.masked.button
        self.wechat = QLineEdit()
        self.masked.show_text(self.wechat, user.wechat, editable=False, masked=user.masked_wechat)
        self.channel = QLineEdit(user.channel or "")
        self.stage = QComboBox()
        self.stage.addItems(STAGES)
        self.stage.setCurrentText(user.stage)
        self.tags = QLineEdit(" ".join(user.tags))
        self.notes = QPlainTextEdit()
        self.masked.show_text(self.notes, user.notes)
        self.notes.setMaximumHeight(90)
        self.attributes = QLabel(self.attributes_text(masked=True))
        if self.attributes.text() != self.attributes_text(masked=False):
            self.masked.hides_more()
        self.attributes.setObjectName("importedAttributes")
        self.attributes.setWordWrap(True)
        self.attributes.setProperty("muted", True)
        phone_row = QHBoxLayout()
        phone_row.addWidget(self.phone, 1)
        phone_row.addWidget(self.reveal)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("User id"), self.external_id)
        form.addRow(self.tr("Phone"), phone_row)
        form.addRow(self.tr("WeChat"), self.wechat)
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow(self.tr("Stage"), self.stage)
        form.addRow(self.tr("Tags"), self.tags)
        form.addRow(self.tr("Notes"), self.notes)
        self.personal_data_hint = PersonalDataHint(self).watch(self.notes)
        form.addRow("", self.personal_data_hint)
        form.addRow(self.tr("Imported"), self.attributes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, 480)

    def attributes_text(self, *, masked: bool) -> str:
        shown = mask_attribute if masked else (lambda _name, value: str(value))
        return " · ".join(f"{k}: {shown(k, v)}" for k, v in self.user.attributes.items()) or "—"

    def reveal_phone(self) -> None:
        """The operator chose to see this user's personal data: shown, and written to the audit log."""
        self.masked.reveal()

    def _show_attributes(self) -> None:
        self.attributes.setText(self.attributes_text(masked=False))

    def changes(self) -> dict:
        changes = {"name": self.name.text().strip() or None, "external_id": self.external_id.text().strip() or None,
                   "channel": self.channel.text().strip() or None, "stage": self.stage.currentText(),
                   "tags": [t for t in self.tags.text().replace("，", " ").replace(",", " ").split() if t],
                   "notes": self.masked.text(self.notes)}
        current = {"name": self.user.name, "external_id": self.user.external_id, "channel": self.user.channel,
                   "stage": self.user.stage, "tags": self.user.tags, "notes": self.user.notes}
        return {k: v for k, v in changes.items() if v != current[k]}


FIELD_LABELS = {"external_id": "User id", "name": "Name", "phone": "Phone", "wechat": "WeChat", "channel": "Channel",
                "stage": "Stage", "tags": "Tags"}


class ImportUsersDialog(import_files.TakesDroppedFiles, QDialog):
    """Choose a file, check the column mapping, optionally start a recall sequence for everyone."""

    def __init__(self, ctx, parent=None, path: str | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.user_list = None
        self.job = None  # the import, while it runs (ui/common/operation.py)
        self.result = None
        self.setWindowTitle(self.tr("Import a user list"))
        self.setAcceptDrops(True)
        self.file_label = QLabel(self.tr("No file chosen"))
        choose = QPushButton(self.tr("Choose file…"))
        choose.clicked.connect(self.choose_file)
        self.combos: dict[str, QComboBox] = {}
        form = QFormLayout()
        translated = {"external_id": self.tr("User id"), "name": self.tr("Name"), "phone": self.tr("Phone"),
                      "wechat": self.tr("WeChat"), "channel": self.tr("Channel"), "stage": self.tr("Stage"), "tags": self.tr("Tags")}
        for field in FIELDS:
            combo = QComboBox()
            self.combos[field] = combo
            form.addRow(translated[field], combo)
        self.start_sequence = QCheckBox(self.tr("Start recall sequence for every user of the list:"))
        self.sequence = QComboBox()
        for s in list_sequences(ctx.db):
            self.sequence.addItem(s["name"], s["id"])
        self.start_sequence.setEnabled(self.sequence.count() > 0)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.buttons.accepted.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(choose)
        sequence_row = QHBoxLayout()
        sequence_row.addWidget(self.start_sequence)
        sequence_row.addWidget(self.sequence, 1)
        hint = QLabel(self.tr("Users are matched on the user id, else the phone; other columns are kept as imported attributes."))
        hint.setProperty("muted", True)
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addLayout(sequence_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(560, 420)
        if path:
            self.load(path)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a user list"), import_files.last_folder(self.ctx.settings),
                                              self.tr("Excel or CSV (*.xlsx *.xlsm *.xls *.csv *.txt)"))
        if path:
            import_files.remember_folder(self.ctx.settings, path)
            self.load(path)

    def take_dropped_file(self, path: str) -> None:
        """A user list dropped on the dialog is read as if chosen."""
        import_files.remember_folder(self.ctx.settings, path)
        self.load(path)

    def refuse_dropped_file(self, sentence: str) -> None:
        self.message.setText(sentence)

    def load(self, path: str) -> None:
        try:
            self.user_list = read_user_list(path)
        except UserError as error:
            self.message.setText(error.sentence)
            return
        self.file_label.setText(self.tr("%1 · %2 rows").replace("%1", Path(path).name).replace("%2", str(len(self.user_list.rows))))
        for field, combo in self.combos.items():
            combo.clear()
            combo.addItem(self.tr("(not in the file)"), None)
            for index, header in enumerate(self.user_list.headers):
                combo.addItem(header, index)
            if field in self.user_list.mapping:
                combo.setCurrentIndex(self.user_list.mapping[field] + 1)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)

    def mapping(self) -> dict[str, int]:
        return {field: combo.currentData() for field, combo in self.combos.items() if combo.currentData() is not None}

    def run_import(self) -> None:
        """Off the GUI thread (ui/common/operation.py); the users and their recall tasks change together."""
        from workbench.contacts.user_import import import_user_list
        from workbench.ui.common.changes import Changes
        from workbench.ui.common.operation import run_operation

        path, mapping, now = self.user_list.path, self.mapping(), self.ctx.now()
        sequence_id = self.sequence.currentData() if self.start_sequence.isChecked() else None
        self.progress.show()
        self.buttons.setEnabled(False)
        self.job = run_operation(
            self.ctx, lambda db: import_user_list(db, path, mapping=mapping, sequence_id=sequence_id, now=now),
            done=self._done, failed=self._failed, changes=Changes(contacts=True, tasks=True), owner=self)

    def _done(self, result) -> None:
        self.result = result
        self.progress.hide()
        self.accept()

    def _failed(self, sentence: str) -> None:
        self.progress.hide()
        self.buttons.setEnabled(True)
        self.message.setText(sentence)

    def summary(self) -> str:
        r = self.result
        zh = current_language() == "zh_CN"
        text = self.tr("%1 rows: %2 new users, %3 matched existing ones (%4 updated)").replace("%1", str(r.rows)) \
            .replace("%2", str(r.created)).replace("%3", str(r.matched)).replace("%4", str(r.updated))
        if r.enrolled:
            text += self.tr("; %1 enrolled in the recall sequence").replace("%1", str(r.enrolled))
        if r.phone_warning:
            text += "\n" + r.phone_warning[0 if zh else 1]
        if r.warnings:
            text += "\n" + "\n".join(f"#{n}: {z if zh else e}" for n, z, e in r.warnings[:5])
        return text


class NewSequenceDialog(QDialog):
    """A recall sequence: one touch per line — days after the previous touch, channel, what to do."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New recall sequence"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Name, e.g. 流失用户召回（12月）"))
        self.steps = QPlainTextEdit("0 电话 电话召回\n1 微信 次日微信关怀+优惠券\n3 短信 3天后短信提醒")
        hint = QLabel(self.tr("One touch per line: days after the previous touch, channel, what to do."))
        hint.setProperty("muted", True)
        self.message = QLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.name, hint, self.steps, self.message, buttons):
            layout.addWidget(widget)
        self.resize(480, 320)

    def parsed_steps(self) -> list[Step]:
        steps = []
        for position, line in enumerate((l for l in self.steps.toPlainText().splitlines() if l.strip()), start=1):
            parts = line.split(maxsplit=2)
            if len(parts) < 3 or not parts[0].isdigit():
                raise UserError(f"第 {position} 步看不懂：应为“天数 渠道 内容”。",
                                f"Step {position} cannot be read: write “days channel what to do”.")
            steps.append(Step(position, int(parts[0]), 10, parts[1], parts[2]))
        return steps
