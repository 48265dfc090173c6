"""How a cycle's numbers and stages read on screen (shared by the board, the detail and the dialogs)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from workbench.reports.metric_cards import format_change, format_value

STAGE_TITLES = {
    "plan": QT_TRANSLATE_NOOP("PdcaStages", "Plan"),
    "do": QT_TRANSLATE_NOOP("PdcaStages", "Do"),
    "check": QT_TRANSLATE_NOOP("PdcaStages", "Check"),
    "act": QT_TRANSLATE_NOOP("PdcaStages", "Act"),
    "closed": QT_TRANSLATE_NOOP("PdcaStages", "Closed"),
}
DECISION_TITLES = {
    "standardize": QT_TRANSLATE_NOOP("PdcaStages", "Standardise (SOP)"),
    "adjust": QT_TRANSLATE_NOOP("PdcaStages", "Adjust and run again"),
    "abandon": QT_TRANSLATE_NOOP("PdcaStages", "Abandon"),
}
STAGE_COLORS = {"plan": "#8a8f98", "do": "#2f6fde", "check": "#d9901a", "act": "#7b4fd6", "closed": "#4a9a5b"}


def stage_title(stage: str) -> str:
    return QCoreApplication.translate("PdcaStages", STAGE_TITLES[stage])


def decision_title(decision: str | None) -> str:
    return QCoreApplication.translate("PdcaStages", DECISION_TITLES[decision]) if decision in DECISION_TITLES else ""


def value_text(value: float | None, kind: str) -> str:
    return format_value(value, kind)


def change_text(change: float | None) -> str:
    return format_change(change)


def value_for_edit(value: float | None, kind: str) -> str:
    """A stored number as the operator types it: 8% for a percent metric, else the plain number."""
    if value is None:
        return ""
    if kind == "percent":
        return f"{value * 100:g}%"
    return f"{value:g}"


def value_from_edit(text: str, kind: str) -> str:
    """A typed number for the repository: for a percent metric, 8 means 8% (stored 0.08)."""
    text = (text or "").strip()
    if kind == "percent" and text and not text.endswith("%"):
        try:
            number = float(text.replace(",", ""))
        except ValueError:
            return text
        return f"{number}%" if abs(number) > 1 else text
    return text
