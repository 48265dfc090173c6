"""docs/reliability.md's Qt lines that no area test pins down yet, checked on the real window."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence


def test_names_are_set_before_any_settings(qapp):
    from workbench import APP_NAME, ORG_NAME
    from workbench.app import create_application

    app = create_application()
    assert (app.organizationName(), app.applicationName()) == (ORG_NAME, APP_NAME)


def test_quit_and_settings_have_explicit_shortcuts(main_window):
    shortcuts = {a.shortcut().toString(QKeySequence.SequenceFormat.PortableText)
                 for menu in main_window.menuBar().actions() if menu.menu()
                 for a in menu.menu().actions()}
    assert {"Ctrl+Q", "Ctrl+,"} <= shortcuts


def test_qt_standard_dialogs_speak_chinese(ctx):
    """qtbase_zh_CN.qm is installed with the app's own translations (prepare_ui in zh_CN)."""
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_every_export_helper_strips_illegal_characters_like_openpyxl():
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    from workbench.export_safety import clean_text

    sample = "".join(chr(c) for c in range(0, 0x20)) + "\ud800ok"
    cleaned = clean_text(sample)
    assert not ILLEGAL_CHARACTERS_RE.search(cleaned) and "\ud800" not in cleaned and cleaned.endswith("ok")
