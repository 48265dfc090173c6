"""RFM layering (最近一次消费 Recency, 频次 Frequency, 金额 Monetary): quintile scores 1–5 and the eight
classic segments. numpy keeps a million users under a second or two.

Scores: a user's score is 1 + ⌊5 · (share of users strictly worse)⌋, so equal values share a score
(a crowd of users with 0 loans all get F=1). Recency counts days since the last event: fewer is better.
High/low per dimension: a score above that dimension's mean score is 高.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# (R high, F high, M high) → segment, in the order the dashboard lists them.
SEGMENTS = {
    (True, True, True): "重要价值",
    (True, False, True): "重要发展",
    (False, True, True): "重要保持",
    (False, False, True): "重要挽留",
    (True, True, False): "一般价值",
    (True, False, False): "一般发展",
    (False, True, False): "一般保持",
    (False, False, False): "一般挽留",
}
SEGMENT_ORDER = list(SEGMENTS.values())
SEGMENT_ENGLISH = {
    "重要价值": "Champions", "重要发展": "Promising big spenders", "重要保持": "Loyal, slipping",
    "重要挽留": "Big spenders at risk", "一般价值": "Active regulars", "一般发展": "New low spenders",
    "一般保持": "Frequent, fading", "一般挽留": "Hibernating",
}


@dataclass
class RfmResult:
    ids: list
    recency_days: np.ndarray
    frequency: np.ndarray
    monetary: np.ndarray
    r: np.ndarray
    f: np.ndarray
    m: np.ndarray
    segment_codes: np.ndarray   # index into SEGMENT_ORDER
    as_of: str

    def segment(self, index: int) -> str:
        return SEGMENT_ORDER[int(self.segment_codes[index])]

    def counts(self) -> dict[str, int]:
        tally = np.bincount(self.segment_codes, minlength=len(SEGMENT_ORDER))
        return {name: int(tally[i]) for i, name in enumerate(SEGMENT_ORDER)}

    def members(self, segment: str) -> list[int]:
        """Row indexes of one segment's users."""
        return np.flatnonzero(self.segment_codes == SEGMENT_ORDER.index(segment)).tolist()


def quintile_scores(values: np.ndarray, higher_is_better: bool = True) -> np.ndarray:
    """1..5 by the share of users strictly below (or above, when lower is better)."""
    n = len(values)
    if n == 0:
        return np.zeros(0, dtype=np.int8)
    ordered = np.sort(values)
    if higher_is_better:
        worse = np.searchsorted(ordered, values, side="left")
    else:
        worse = n - np.searchsorted(ordered, values, side="right")
    return (1 + (5 * worse) // n).astype(np.int8)


def _day_numbers(dates) -> np.ndarray:
    """ISO date/datetime text (or date objects) → days since the epoch; missing → NaN."""
    text = np.array(dates, dtype="U10")   # truncates datetimes to their date part
    missing = (text == "None") | (text == "") | (text == "nan")
    text[missing] = "NaT"
    days = text.astype("datetime64[D]").astype("float64")
    days[missing] = np.nan
    return days


def _numbers(values) -> np.ndarray:
    try:
        numbers = np.array(values, dtype="float64")   # the fast path: every value is a number
        return np.nan_to_num(numbers, nan=0.0)
    except (TypeError, ValueError):
        pass
    return np.array([v if isinstance(v, (int, float)) and not isinstance(v, bool) else 0.0 for v in values],
                    dtype="float64")


def compute_rfm(ids: list, last_dates, frequency, monetary, as_of: str | None = None) -> RfmResult:
    """One row per user. as_of defaults to the latest last_date: recency = as_of − last date in days.
    A user without a last date is treated as the least recent."""
    days = _day_numbers(last_dates)
    if as_of is None:
        latest = np.nanmax(days) if len(days) and not np.all(np.isnan(days)) else 0.0
        as_of_day = latest
        as_of = str(np.datetime64(int(latest), "D")) if len(days) else ""
    else:
        as_of_day = float(np.datetime64(as_of[:10], "D").astype("int64"))
    recency = as_of_day - days
    recency = np.where(np.isnan(recency), np.inf, recency)
    freq = _numbers(frequency)
    money = _numbers(monetary)
    r = quintile_scores(recency, higher_is_better=False)
    f = quintile_scores(freq)
    m = quintile_scores(money)
    codes = segment_codes(r, f, m)
    return RfmResult(list(ids), recency, freq, money, r, f, m, codes, as_of)


def segment_codes(r: np.ndarray, f: np.ndarray, m: np.ndarray) -> np.ndarray:
    if len(r) == 0:
        return np.zeros(0, dtype=np.int8)
    r_high, f_high, m_high = r > r.mean(), f > f.mean(), m > m.mean()
    codes = np.empty(len(r), dtype=np.int8)
    for (rh, fh, mh), name in SEGMENTS.items():
        mask = (r_high == rh) & (f_high == fh) & (m_high == mh)
        codes[mask] = SEGMENT_ORDER.index(name)
    return codes
