"""Labels shared by the charts and their options (no pyqtgraph here)."""
from __future__ import annotations

from PySide6.QtCore import QLocale

from workbench.reports.rfm import SEGMENT_ENGLISH


def chinese() -> bool:
    return QLocale().language() == QLocale.Language.Chinese


def segment_label(name: str) -> str:
    """重要挽留 in Chinese; 'Big spenders at risk' in English."""
    return name if chinese() else SEGMENT_ENGLISH.get(name, name)
