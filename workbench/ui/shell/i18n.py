"""Installing translations: ours (one .qm per UI area) and Qt's own, so standard dialogs match.

Source strings are English; zh_CN translations live in resources/i18n/<area>_zh_CN.ts (compiled to
.qm by tools/i18n.py). The language follows the system locale unless the settings say otherwise.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from workbench.errors import set_language
from workbench.ui.shell.resources import resource_path

AREAS = ["shell", "tasks", "contacts", "imports", "reports", "pdca", "review"]
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
SETTING_KEY = "ui/language"  # "system", "zh_CN" or "en"

_installed: list[QTranslator] = []


def system_language() -> str:
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def chosen_language(settings: QSettings | None, override: str | None = None) -> str:
    if override in LANGUAGES:
        return override
    stored = settings.value(SETTING_KEY, "system") if settings is not None else "system"
    return stored if stored in LANGUAGES else system_language()


def install_language(code: str) -> str:
    """Replace the installed translators with those for `code`; returns the language installed."""
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    set_language(code)
    if code != "en":
        # Qt's own dialogs (the file dialog, message box buttons): the catalogue PySide6 ships. Qt 6 gave
        # some file-dialog labels a mnemonic ("&Look in:") the catalogue has only without one: the
        # fallback reads them through the plain wording. Qt asks the translator installed last first, so
        # these go in first: the app's strings never reach the Python fallback.
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt_base = QTranslator(app)
        if qt_base.load(f"{qt_folder}/qtbase_{code}.qm"):
            for translator in (_MnemonicFallback(qt_base, app), qt_base):
                app.installTranslator(translator)
                _installed.append(translator)
        folder = resource_path("i18n")
        for area in AREAS:
            _load(app, str(folder / f"{area}_{code}.qm"))
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China) if code == "zh_CN" else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    return code


class _MnemonicFallback(QTranslator):
    """QFileDialog's "&Look in:" / "Files of &type:" through Qt's "Look in:" → "查找范围(&L)："."""

    CONTEXTS = ("QFileDialog",)

    def __init__(self, base: QTranslator, parent=None):
        super().__init__(parent)
        self.base = base

    def isEmpty(self) -> bool:
        return False

    def translate(self, context, source, disambiguation=None, n=-1):
        # None, never "": Qt stops at the first translator that answers a non-null string, and PySide
        # passes "" on as an empty translation, so every string no catalogue had (and, through PySide's
        # tr() walking the class's bases, every one translated as itself, like "RFM") showed blank.
        if context not in self.CONTEXTS or not source or "&" not in source:
            return None
        at = source.find("&")
        key = source[at + 1:at + 2]
        plain = self.base.translate(context, source.replace("&", ""), disambiguation, n)
        if not plain or not key:
            return None
        colon = plain[-1] if plain[-1] in "：:" else ""
        body = plain[:-1] if colon else plain
        return f"{body}(&{key.upper()}){colon}"


def _load(app, path: str) -> None:
    translator = QTranslator(app)
    if translator.load(path):
        app.installTranslator(translator)
        _installed.append(translator)
