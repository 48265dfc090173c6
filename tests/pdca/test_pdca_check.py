"""The automatic Check on hand-made numbers: windows, means, change, target, prediction, counts."""
from datetime import date

import pytest

from workbench.pdca.check import (CheckResult, Window, baseline_window, change, compute_check, count_in_windows,
                                  direction, do_window, reached, window_values)

DO_START = date(2026, 11, 10)


def test_windows_sit_either_side_of_the_do_start():
    before = baseline_window(DO_START, 7)
    assert (before.start, before.end, before.days) == (date(2026, 11, 3), date(2026, 11, 9), 7)
    after = do_window(DO_START, date(2026, 11, 16))
    assert (after.start, after.end, after.days) == (DO_START, date(2026, 11, 16), 7)
    # A Check on the very day Do started still has a one-day window, never a negative one.
    assert do_window(DO_START, date(2026, 11, 1)).days == 1


def test_window_values_skip_missing_and_foreign_days():
    series = [("2026-11-02", 9.0), ("2026-11-03", 1.0), ("2026-11-05", None), ("2026-11-09", 3.0),
              ("2026-11-10", 100.0), ("bad", 5.0)]
    assert window_values(series, Window(date(2026, 11, 3), date(2026, 11, 9))) == [1.0, 3.0]


def test_conversion_rate_rises_past_target_and_beats_prediction():
    # Baseline week: 8% every day; Do week: 11% then 13% (mean 12%). Target 10%, prediction 11%.
    series = [(date(2026, 11, d).isoformat(), 0.08) for d in range(3, 10)]
    series += [("2026-11-10", 0.11), ("2026-11-11", 0.13)]
    result = compute_check(series, do_start=DO_START, until=date(2026, 11, 11), baseline=0.08, target=0.10,
                           prediction=0.11, baseline_days=7)
    assert result.before_points == 7 and result.after_points == 2
    assert result.before_mean == pytest.approx(0.08)
    assert result.after_mean == pytest.approx(0.12)
    assert result.change_abs == pytest.approx(0.04)
    assert result.change_pct == pytest.approx(0.5)
    assert result.direction == "up" and result.target_reached is True
    assert result.prediction_gap == pytest.approx(0.01) and result.prediction_met is True
    assert CheckResult.from_dict(result.as_dict()) == result


def test_lowering_a_metric_counts_as_reached_when_it_falls_below_target():
    series = [("2026-11-08", 40.0), ("2026-11-09", 60.0), ("2026-11-10", 35.0), ("2026-11-12", 45.0)]
    result = compute_check(series, do_start=DO_START, until=date(2026, 11, 12), baseline=50, target=42,
                           prediction=30, baseline_days=2)
    assert result.direction == "down"
    assert result.before_mean == 50 and result.after_mean == 40
    assert result.change_abs == -10 and result.change_pct == pytest.approx(-0.2)
    assert result.target_reached is True
    assert result.prediction_met is False  # predicted 30, got 40: worse than predicted


def test_missing_data_gives_no_verdict_instead_of_a_wrong_one():
    result = compute_check([("2026-11-11", 5.0)], do_start=DO_START, until=date(2026, 11, 12), baseline=None,
                           target=6, prediction=None)
    assert result.before_mean is None and result.change_abs is None and result.change_pct is None
    assert result.target_reached is False  # 5 < 6, and the goal direction falls back to 'up'
    assert not result.has_data


def test_change_from_zero_has_no_percentage():
    assert change(0.0, 3.0) == (3.0, None)
    assert change(None, 3.0) == (None, None)
    assert change(-4.0, -2.0) == (2.0, 0.5)


def test_direction_and_reached():
    assert direction(10, 12) == "up" and direction(10, 8) == "down" and direction(None, 8) == "up"
    assert reached(8, 8, "down") is True and reached(9, 8, "down") is False and reached(None, 8, "up") is None


def test_linked_items_counted_per_window_and_per_day():
    before, after = Window(date(2026, 11, 1), date(2026, 11, 10)), Window(date(2026, 11, 11), date(2026, 11, 15))
    days = ["2026-11-01", "2026-11-05T10:00:00", "2026-11-10", "2026-11-11", "2026-10-31", "2026-11-16", None]
    counts = count_in_windows(days, before, after)
    assert (counts.before, counts.after) == (3, 1)
    assert counts.before_per_day == pytest.approx(0.3) and counts.after_per_day == pytest.approx(0.2)
