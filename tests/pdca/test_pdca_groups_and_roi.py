"""The check by groups (对照组) and ROI against textbook examples worked by hand (issue 19)."""
from __future__ import annotations

import math
from datetime import date, datetime, timedelta

import pytest

from workbench.pdca import ab_test, roi
from workbench.pdca import repository as repo

# Welch's t-test, Wikipedia "Welch's t-test", example 1: t = 2.46 (A2 − A1), ν ≈ 25.0, p = 0.021
A1 = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4]
A2 = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4]


def test_two_proportions_by_hand():
    # 对照组 200/1000 = 20%, 实验组 250/1000 = 25%.
    # pooled p = 450/2000 = 0.225; SE = √(0.225·0.775·(1/1000 + 1/1000)) = √0.00034875 = 0.018675
    # z = 0.05 / 0.018675 = 2.6774; p = 2·(1 − Φ(2.6774)) = 0.0074
    # interval: SE = √(0.2·0.8/1000 + 0.25·0.75/1000) = √0.0003475 = 0.018641; 1.96·SE = 0.03654
    result = ab_test.compare_rates(("对照组", 200, 1000), ("实验组", 250, 1000))
    assert (result.control.value, result.treatment.value, result.control.n) == (0.2, 0.25, 1000)
    assert result.difference == pytest.approx(0.05)
    assert result.statistic == pytest.approx(2.6774, abs=1e-4)
    assert result.p_value == pytest.approx(0.0074, abs=1e-4)
    assert (result.low, result.high) == (pytest.approx(0.01346, abs=1e-5), pytest.approx(0.08654, abs=1e-5))
    assert result.significant and result.relative_lift == pytest.approx(0.25)


def test_two_proportions_that_could_be_chance():
    # 10% vs 12% of 200: pooled 0.11, SE = √(0.11·0.89·0.01) = 0.031289, z = 0.02/0.031289 = 0.6392, p = 0.5227
    result = ab_test.compare_rates(("A", 20, 200), ("B", 24, 200))
    assert result.statistic == pytest.approx(0.6392, abs=1e-4)
    assert result.p_value == pytest.approx(0.5227, abs=1e-4)
    assert not result.significant and result.low < 0 < result.high
    assert ab_test.verdict(result, "zh_CN") == "差异可能只是偶然（p = 0.523 ≥ 0.05）：还不能说B和A不同，需要更多用户或更长时间。"
    assert ab_test.verdict(result, "en").startswith("The difference could be chance (p = 0.523")


def test_welch_t_test_on_the_textbook_example():
    result = ab_test.compare_means(("A1", A1), ("A2", A2))
    # means 20.82 and 22.9867; s₁ = 2.8049, s₂ = 1.9526
    # SE = √(s₁²/15 + s₂²/15) = √(0.52449 + 0.25418) = 0.88243; t = 2.16667 / 0.88243 = 2.4553
    assert (result.control.value, result.treatment.value) == (pytest.approx(20.82), pytest.approx(22.98667, abs=1e-5))
    assert result.control.sd == pytest.approx(2.8049, abs=1e-4) and result.treatment.sd == pytest.approx(1.9526, abs=1e-4)
    assert result.statistic == pytest.approx(2.4553, abs=1e-4)
    assert result.p_value == pytest.approx(0.021, abs=5e-4)
    # ν = (0.52449 + 0.25418)² / (0.52449²/14 + 0.25418²/14) = 24.99; t₀.₉₇₅(24.99) = 2.0595
    se = math.sqrt(0.524493 + 0.254181)
    assert result.low == pytest.approx(2.16667 - 2.0595 * se, abs=2e-3)
    assert result.high == pytest.approx(2.16667 + 2.0595 * se, abs=2e-3)
    assert ab_test.verdict(result, "en") == \
        "The difference is unlikely to be chance (p = 0.021 < 0.05): A2 is higher than A1."


def test_sample_size_for_a_hoped_for_lift():
    # 10% → 12% (+20%), α = 0.05 two-sided, power 80%: z = 1.959964, 0.841621, p̄ = 0.11
    # (1.959964·√(2·0.11·0.89) + 0.841621·√(0.1·0.9 + 0.12·0.88))² / 0.02² = (0.867270 + 0.372222)² / 0.0004 = 3840.9
    assert ab_test.users_per_group_for_rates(0.10, 0.20) == 3841
    # means: σ = 10, δ = 5: 2·(1.959964 + 0.841621)²·100/25 = 62.8
    assert ab_test.users_per_group_for_means(10, 5) == 63
    with pytest.raises(ValueError):
        ab_test.users_per_group_for_rates(0.9, 0.2)   # 108% is not a rate


def test_groups_and_outcomes_are_read_from_rows():
    assert ab_test.control_and_treatment(["实验组", "对照组", "实验组"]) == ("对照组", "实验组")
    assert ab_test.control_and_treatment(["B", "A"]) == ("A", "B")
    assert ab_test.control_and_treatment(["新版", "旧版"]) == ("旧版", "新版")
    assert ab_test.is_group_column("分组", ["实验组", "对照组"]) and ab_test.is_group_column("A/B", ["A", "B"])
    assert not ab_test.is_group_column("label", ["x", "y"]) and not ab_test.is_group_column("分组", ["A"])
    assert ab_test.outcome_kind(["是", "否", "1", 0, "已转化"]) == ab_test.RATE
    assert ab_test.outcome_kind([12.5, 0, 30]) == ab_test.MEAN
    rows = ([{"组": "对照组", "转化": "否"}] * 800 + [{"组": "对照组", "转化": "是"}] * 200
            + [{"组": "实验组", "转化": "否"}] * 750 + [{"组": "实验组", "转化": "是"}] * 250)
    result = ab_test.compare_rows(rows, "组", "转化")
    assert (result.kind, result.control.successes, result.treatment.successes) == ("rate", 200, 250)
    assert result.p_value == pytest.approx(0.0074, abs=1e-4)


def test_roi_by_hand():
    assert roi.roi(5000, 8000) == pytest.approx(0.6)     # (8000 − 5000) / 5000
    assert roi.roi(5000, 3000) == pytest.approx(-0.4)
    assert roi.roi(0, 3000) is None and roi.roi(None, 10) is None
    assert roi.roi_columns([("活动名称", "text"), ("投放花费(元)", "money"), ("收入(元)", "money")]) == \
        ("投放花费(元)", "收入(元)")
    assert roi.roi_columns([("成本收入比", "percent"), ("花费", "money")]) is None
    rows = [{"活动": "双11券", "花费": 1000, "收入": 1500}, {"活动": "双11券", "花费": 500, "收入": 900},
            {"活动": "拉新礼", "花费": 2000, "收入": 1200}]
    found = roi.campaign_rois("活动日报", rows, "活动", "花费", "收入")
    assert [(c.name, c.cost, c.revenue, round(c.roi, 4)) for c in found] == [
        ("双11券", 1500, 2400, 0.6), ("拉新礼", 2000, 1200, -0.4)]


def at(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour)


def test_a_cycle_is_checked_by_groups_and_shows_its_roi(db):
    from workbench.reports.datasets import create_dataset_from_rows

    users = ([["对照组", "否"]] * 800 + [["对照组", "是"]] * 200 + [["实验组", "否"]] * 750 + [["实验组", "是"]] * 250)
    create_dataset_from_rows(db, "召回实验名单", ["分组", "是否转化"], users)
    day = date(2026, 11, 2)
    spend = [[(day + timedelta(days=n)).isoformat(), "双11券", 1000, 1600] for n in range(10)]
    create_dataset_from_rows(db, "活动日报", ["日期", "活动", {"name": "花费", "type": "money"},
                                          {"name": "收入", "type": "money"}], spend)
    cycle_id = repo.create_cycle(db, "召回券", metric_dataset="活动日报", metric_column="收入",
                                 ab_dataset="召回实验名单", ab_group_column="分组", ab_outcome_column="是否转化",
                                 now=at(day))
    repo.move_stage(db, cycle_id, "do", now=at(day + timedelta(days=5)))
    data = repo.run_check(db, cycle_id, until=day + timedelta(days=9), now=at(day + timedelta(days=9)))
    groups = ab_test.Comparison.from_dict(data["groups"])
    assert (groups.control.label, groups.treatment.label) == ("对照组", "实验组")
    assert groups.p_value == pytest.approx(0.0074, abs=1e-4)
    # Do window 11-07 … 11-11: 5 days of 1000 spent and 1600 earned: (8000 − 5000) / 5000 = 60%
    assert data["roi"] == {"cost": 5000.0, "revenue": 8000.0, "roi": pytest.approx(0.6), "source": "dataset"}
    repo.update_cycle(db, cycle_id, cost="12000", revenue="9000")
    data = repo.run_check(db, cycle_id, now=at(day + timedelta(days=9)))
    assert data["roi"]["roi"] == pytest.approx(-0.25) and data["roi"]["source"] == "cycle"
    repo.update_cycle(db, cycle_id, ab_outcome_column="没有这列")
    assert repo.run_check(db, cycle_id, now=at(day + timedelta(days=9)))["groups"] == {"error": "columns_missing"}


def test_the_weeks_campaigns_with_their_roi(db):
    from workbench.reports.datasets import create_dataset_from_rows

    rows = []
    for n in range(14):   # 2026-11-09 (Mon) … 11-22 (Sun): two ISO weeks
        day = (date(2026, 11, 9) + timedelta(days=n)).isoformat()
        rows += [[day, "双11券", 1000, 1600], [day, "拉新礼", 500, 400 if n < 7 else 800]]
    create_dataset_from_rows(db, "活动日报", ["日期", "活动名称", {"name": "花费", "type": "money"},
                                          {"name": "收入", "type": "money"}], rows)
    week = roi.campaigns_between(db, date(2026, 11, 16), date(2026, 11, 22))
    assert [(c.name, c.cost, c.revenue, round(c.roi, 4)) for c in week] == [
        ("双11券", 7000, 11200, 0.6), ("拉新礼", 3500, 5600, 0.6)]
    first = roi.campaigns_between(db, date(2026, 11, 9), date(2026, 11, 15))
    assert [round(c.roi, 4) for c in first] == [0.6, -0.2]   # 拉新礼: (2800 − 3500) / 3500


def test_the_weekly_sheet_lists_the_weeks_campaigns_with_roi(db, tmp_path):
    import openpyxl

    from workbench.reports.datasets import create_dataset_from_rows
    from workbench.review.export_xlsx import export_week
    from workbench.review.weeks import IsoWeek

    rows = [[(date(2026, 11, 16) + timedelta(days=n)).isoformat(), name, cost, revenue]
            for n in range(7) for name, cost, revenue in (("双11券", 1000, 1600), ("拉新礼", 500, 300))]
    create_dataset_from_rows(db, "活动日报", ["日期", "活动名称", {"name": "花费", "type": "money"},
                                          {"name": "收入", "type": "money"}], rows)
    week = IsoWeek.of(date(2026, 11, 18))
    result = export_week(db, week, tmp_path / "周复盘.xlsx", today=date(2026, 11, 25))
    sheet = openpyxl.load_workbook(result.path)["活动ROI"]
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    # best first: 双11券 (11200 − 7000) / 7000 = 60%; 拉新礼 (2100 − 3500) / 3500 = −40%
    assert values == [["数据集", "活动", "成本", "收益", "ROI"], ["活动日报", "双11券", 7000, 11200, pytest.approx(0.6)],
                      ["活动日报", "拉新礼", 3500, 2100, pytest.approx(-0.4)]]
    assert sheet["E2"].number_format == "0.0%"
