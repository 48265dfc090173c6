"""Demo data of the review feature (called by workbench/demo.py inside one transaction):
last week's review, written the way the seed's operator would."""
from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from workbench.review.repository import ReviewText, save_review
from workbench.review.weeks import IsoWeek

if TYPE_CHECKING:
    from sqlite_utils import Database

LAST_WEEK = {
    "goal_review": "本周目标：1) 借款转化率回到 SOP 上线后的水平；2) 完成改进券面文案的小活动；3) 召回 30 位流失用户。",
    "results": "转化率基本持平，小活动带来的借款笔数上升；召回打了 40 个电话，接通 26 个，转化 6 个。",
    "process": "周二、周三被投诉和临时需求打断较多，重要不紧急的事只做了一半；新手引导改版等产品排期，拖了一周。",
    "lessons": "把高频问题写进 SOP 后，答疑时间明显减少——以后每个高频问题都先写话术再回答；召回要多触点，次日微信加券比只打电话有效。",
}


def fill(db: Database, today: date, scale: int, rng: random.Random) -> None:
    """Add realistic, coherent demo rows dated around today; scale multiplies the volume."""
    week = IsoWeek.of(today).previous()
    saved_at = datetime.combine(week.sunday - timedelta(days=2), time(17, 40))
    save_review(db, ReviewText(week.label, **LAST_WEEK), now=saved_at)
