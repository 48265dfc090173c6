"""Report files shaped like the lender's exports, written by code (openpyxl, csv) so that a clone with
nothing beside it has every file its tests import.

Each writer says what its file holds; the facts tests rely on (the release days where next-day retention
drops, the value corrected in the overlap of two exports, the first user of the list) are attributes of
what the writer returns, so a test reads its expectations here instead of copying numbers. Every writer
draws from its own seeded random.Random: the same bytes of content on every run.

    files = write_report_files(folder)
    files.core.early, files.core.late      two overlapping 核心指标日报 exports, one value corrected
    files.cohort.path                      新增用户留存: a cohort triangle, unobserved cells blank
    files.channel.path                     渠道周报: title with the week, two-level merged header, totals, footnote
    files.funnel.path                      AARRR漏斗_周: one row per ISO week
    files.complaints.path                  客诉工单: a GBK CSV, slash dates, blank satisfaction scores
    files.users.path                       用户明细: 5,000 users, masked phones, datetimes, 是/否
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tests.report_files.channel_week import ChannelWeek, write_channel_week
from tests.report_files.cohort import Cohort, write_cohort
from tests.report_files.complaints import Complaints, write_complaints
from tests.report_files.core_metrics import CoreMetrics, write_core_metrics
from tests.report_files.funnel import Funnel, write_funnel
from tests.report_files.percent_pair import PercentPair, write_percent_pair
from tests.report_files.users import UserList, write_user_list

__all__ = ["ReportFiles", "write_report_files", "write_percent_pair", "PercentPair"]


@dataclass(frozen=True)
class ReportFiles:
    core: CoreMetrics
    cohort: Cohort
    channel: ChannelWeek
    funnel: Funnel
    complaints: Complaints
    users: UserList

    @property
    def rate_drops(self) -> list[tuple[str, str, date]]:
        """Every (dataset, rate column, day) where a rate falls ≥20% below its trailing 7-day mean: the
        release days' next-day retention and the release cohort's day-1 share. Elsewhere rates move a
        few percent at most, so these are the orange alerts the default rate rules raise."""
        return [("核心指标日报", "次日留存率", day) for day in sorted(self.core.release_days)] + [
            ("新增用户留存", self.cohort.dip_column, self.cohort.dip_day)]

    @property
    def rate_drop_episodes(self) -> list[tuple[str, str, date, date]]:
        """rate_drops with consecutive days of one column joined: (dataset, column, first day, last day).
        One alert each (an alert is an episode), so these are the open orange alerts."""
        episodes: list[tuple[str, str, date, date]] = []
        for dataset, column, day in sorted(self.rate_drops):
            last = episodes[-1] if episodes else None
            if last and last[:2] == (dataset, column) and (day - last[3]).days == 1:
                episodes[-1] = (dataset, column, last[2], day)
            else:
                episodes.append((dataset, column, day, day))
        return episodes

    @property
    def paths(self) -> list[Path]:
        """Every file, in name order (the order a folder listing imports them)."""
        return sorted([self.core.early, self.core.late, self.cohort.path, self.channel.path, self.funnel.path,
                       self.complaints.path, self.users.path], key=lambda p: p.name)


def write_report_files(folder: Path) -> ReportFiles:
    folder.mkdir(parents=True, exist_ok=True)
    return ReportFiles(core=write_core_metrics(folder), cohort=write_cohort(folder), channel=write_channel_week(folder),
                       funnel=write_funnel(folder), complaints=write_complaints(folder), users=write_user_list(folder))
