"""Demo data of the reports feature (called by workbench/demo.py inside one transaction).

The datasets are made through the import engine itself (importer.import_rows: the same typing,
keying, upsert, imports log and after_import hook as a file), not by writing tables directly:
  核心指标日报  120 days up to yesterday: registrations, funnel, amounts, DAU/MAU, retention, 客诉量
  渠道周报      16 weeks × 8 channels: spend, impressions, clicks, registrations, first loans, CAC
  新增用户留存  60 daily cohorts with day-1 … day-30 retention (blank where not yet observable)
  客诉工单      ~8 tickets a day × scale (the volume that grows with --scale)
"""
from __future__ import annotations

import math
import random
from datetime import date, timedelta
from typing import TYPE_CHECKING

from workbench.reports.importer import import_rows

if TYPE_CHECKING:
    from sqlite_utils import Database

CHANNELS = [("应用宝", 1.25), ("华为应用市场", 1.1), ("小米商店", 0.8), ("OPPO软件商店", 0.7),
            ("vivo应用商店", 0.75), ("百度搜索", 0.6), ("抖音信息流", 1.4), ("老带新", 0.35)]
TICKET_TYPES = [("还款问题", "想提前还款找不到入口"), ("提现到账慢", "提现两个小时还没到账"),
                ("额度咨询", "为什么额度降了"), ("验证码收不到", "换了手机号收不到验证码"),
                ("催收投诉", "还没到期就打电话给我同事"), ("利率投诉", "实际年化和宣传的不一样")]
DAYS = 120


def _core_daily(today: date, rng: random.Random) -> list[list]:
    rows = []
    start = today - timedelta(days=DAYS)
    for n in range(DAYS):
        day = start + timedelta(days=n)
        weekly = 1.12 if day.weekday() >= 5 else 1.0
        trend = 1 + n / DAYS * 0.18
        registrations = int(2000 * trend * weekly * rng.uniform(0.9, 1.1))
        verified = int(registrations * rng.uniform(0.62, 0.7))
        approved = int(verified * rng.uniform(0.45, 0.52))
        first_loans = int(approved * rng.uniform(0.55, 0.62))
        amount = round(first_loans * rng.uniform(2800, 3300), 2)
        dau = int(52000 * trend * weekly * rng.uniform(0.96, 1.04))
        retention_d1 = rng.uniform(0.39, 0.44)
        complaints = int(rng.gauss(34, 5))
        if n >= DAYS - 4:  # a recent jump the alerts can notice
            retention_d1 -= 0.06
            complaints += 22
        rows.append([day, registrations, verified, approved, first_loans, amount, dau, int(dau * 3.7),
                     round(retention_d1, 4), round(retention_d1 * rng.uniform(0.52, 0.57), 4), max(complaints, 0)])
    return rows


def _channel_weekly(today: date, rng: random.Random) -> list[list]:
    rows = []
    monday = today - timedelta(days=today.weekday() + 7)
    for w in range(16):
        week = monday - timedelta(weeks=15 - w)
        for channel, weight in CHANNELS:
            spend = 0.0 if channel == "老带新" else round(120000 * weight * rng.uniform(0.85, 1.15), 2)
            impressions = int(spend * rng.uniform(12, 22))
            clicks = int(impressions * rng.uniform(0.01, 0.03))
            registrations = int(1500 * weight * rng.uniform(0.85, 1.15))
            first_loans = int(registrations * rng.uniform(0.15, 0.22))
            cac = round(spend / first_loans, 1) if spend and first_loans else None
            rows.append([week, channel, spend, impressions, clicks, registrations, first_loans,
                         round(first_loans / registrations, 4) if registrations else None, cac])
    return rows


def _retention(today: date, rng: random.Random) -> list[list]:
    rows = []
    days = [1, 2, 3, 4, 5, 6, 7, 14, 30]
    for n in range(60):
        cohort = today - timedelta(days=60 - n)
        size = int(2000 * rng.uniform(0.85, 1.15))
        base = rng.uniform(0.38, 0.44)
        row = [cohort, size]
        for d in days:
            observable = cohort + timedelta(days=d) < today
            row.append(round(base * (d ** -0.33) * rng.uniform(0.97, 1.03), 4) if observable else None)
        rows.append(row)
    return rows


def _tickets(today: date, scale: int, rng: random.Random) -> list[list]:
    rows = []
    per_day = 8 * scale
    for n in range(DAYS):
        day = today - timedelta(days=DAYS - n)
        count = max(1, int(rng.gauss(per_day, math.sqrt(per_day))))
        for t in range(count):
            kind, summary = rng.choice(TICKET_TYPES)
            minute = rng.randrange(8 * 60, 23 * 60)
            rows.append([f"T{day:%Y%m%d}{t:05d}", day, f"{minute // 60:02d}:{minute % 60:02d}",
                         f"U2025{rng.randrange(10000):04d}", kind, summary,
                         rng.choice(["已解决", "已解决", "处理中", "已升级"]), rng.choice([1, 2, 3, 4, 5, 5, None])])
    return rows


def fill(db: Database, today: date, scale: int, rng: random.Random) -> None:
    """Add realistic, coherent demo rows dated around today; scale multiplies the ticket volume."""
    import_rows(db, "核心指标日报", [
        {"name": "日期", "type": "date"}, {"name": "新增注册", "type": "integer"},
        {"name": "实名认证", "type": "integer"}, {"name": "授信通过", "type": "integer"},
        {"name": "首借人数", "type": "integer"}, {"name": "借款金额(元)", "type": "money"},
        {"name": "活跃用户(DAU)", "type": "integer"}, {"name": "月活跃用户(MAU)", "type": "integer"},
        {"name": "次日留存率", "type": "percent"}, {"name": "7日留存率", "type": "percent"},
        {"name": "客诉量", "type": "integer"},
    ], _core_daily(today, rng), key_columns=["日期"], title="核心指标日报")
    import_rows(db, "渠道周报", [
        {"name": "周", "type": "date"}, {"name": "渠道", "type": "text", "role": "dimension"},
        {"name": "投放·花费(元)", "type": "money"}, {"name": "投放·曝光", "type": "integer"},
        {"name": "投放·点击", "type": "integer"}, {"name": "转化·注册", "type": "integer"},
        {"name": "转化·首借", "type": "integer"}, {"name": "转化·注册→首借转化率", "type": "percent"},
        {"name": "获客成本CAC(元)", "type": "money"},
    ], _channel_weekly(today, rng), key_columns=["周", "渠道"])
    import_rows(db, "新增用户留存", [
        {"name": "首次启动日期", "type": "date"}, {"name": "新增用户", "type": "integer"},
        *({"name": f"第{d}天", "type": "percent"} for d in (1, 2, 3, 4, 5, 6, 7, 14, 30)),
    ], _retention(today, rng), key_columns=["首次启动日期"])
    import_rows(db, "客诉工单", [
        {"name": "工单号", "type": "text"}, {"name": "日期", "type": "date"}, {"name": "时间", "type": "text"},
        {"name": "用户ID", "type": "text", "role": "attribute"}, {"name": "工单类型", "type": "text", "role": "dimension"},
        {"name": "内容摘要", "type": "text", "role": "attribute"},
        {"name": "处理状态", "type": "text", "role": "dimension"}, {"name": "满意度", "type": "integer"},
    ], _tickets(today, scale, rng), key_columns=["工单号"])
