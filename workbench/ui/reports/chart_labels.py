"""Labels shared by the charts and their options (no pyqtgraph here)."""
from __future__ import annotations

from PySide6.QtCore import QLocale

from workbench.reports.rfm import SEGMENT_ENGLISH


def chinese() -> bool:
    return QLocale().language() == QLocale.Language.Chinese


def segment_label(name: str) -> str:
    """重要挽留 in Chinese; 'Big spenders at risk' in English."""
    return name if chinese() else SEGMENT_ENGLISH.get(name, name)


def short_title(text: str, most: int = 10) -> str:
    """A marker's tag keeps a title short: the first `most` characters and an ellipsis."""
    text = " ".join(str(text or "").split())
    return text if len(text) <= most else text[:most - 1].rstrip() + "…"


def stack_labels(spans: list[tuple[float, float]], lanes: int = 3, gap: float = 6.0) -> list[int | None]:
    """Labels that would overlap go one lane lower; when every lane is taken at that spot, the label is
    thinned (None). spans: each label's (left, right) in pixels, in any order; the answer follows it."""
    order = sorted(range(len(spans)), key=lambda i: spans[i][0])
    lane_right = [float("-inf")] * lanes
    placed: list[int | None] = [None] * len(spans)
    for i in order:
        left, right = spans[i]
        for lane in range(lanes):
            if left >= lane_right[lane] + gap:
                placed[i] = lane
                lane_right[lane] = right
                break
    return placed

