"""Errors the user can cause. Each carries one sentence, in Chinese and English.

Feature packages do not import Qt, so they cannot use tr(); a UserError carries both sentences and
shows the one for the language the app (or the CLI) runs in. in_language() is the one place that picks
between a Chinese and an English sentence: the window sets the language (ui/shell/i18n.py), the CLI
follows the locale (docs/architecture.md, translations).
"""
from __future__ import annotations

import os

_language: str | None = None


def set_language(code: str) -> None:
    """'zh_CN' or 'en'; the GUI calls this when it installs its translators."""
    global _language
    _language = "zh_CN" if code.lower().startswith("zh") else "en"


def current_language() -> str:
    if _language:
        return _language
    env = os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG") or ""
    if not env:
        import locale  # only here: the window and the CLI usually know their language already

        env = (locale.getlocale()[0] or "")
    return "zh_CN" if env.lower().startswith("zh") else "en"


def in_language(zh: str, en: str, lang: str | None = None) -> str:
    """The sentence for the language the user reads: the window's choice, else the locale; or for `lang`
    when given (a workbook exported in the other language)."""
    return zh if (lang or current_language()) == "zh_CN" else en


def plural(count: int, noun: str) -> str:
    """'1 day', '3 days' (English text only; Chinese has no plural)."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


class UserError(Exception):
    """A problem the user can fix (a bad file, a bad argument); never shown as a traceback."""

    def __init__(self, zh: str, en: str):
        super().__init__(en)
        self.zh = zh
        self.en = en

    @property
    def sentence(self) -> str:
        return in_language(self.zh, self.en)

    def __str__(self) -> str:
        return self.sentence
