"""The date grammar, family by family, in Simplified Chinese, Traditional Chinese and English.

Each table row: (what is typed, the due it must resolve to — None where it must claim nothing). The
default `now` is Wednesday 2026-11-25 09:30; other tables pin a month end, Dec 31, a Sunday and a leap day.
Expected dates were worked out by hand from the calendar (lunar festivals and the 2026 holiday schedule
from the published calendars), not computed with the libraries the grammar uses.
"""
from __future__ import annotations

from datetime import datetime

import pytest

from workbench.tasks.capture_parser import parse_capture_strict
from workbench.tasks.when_grammar import parse_when

NOW = datetime(2026, 11, 25, 9, 30)  # a Wednesday
MONTH_END = datetime(2026, 1, 31, 10, 0)  # a Saturday
YEAR_END = datetime(2026, 12, 31, 16, 0)  # a Thursday
SUNDAY = datetime(2026, 12, 6, 11, 0)
LEAP_DAY = datetime(2028, 2, 29, 8, 0)  # a Tuesday


def table(now: datetime, rows: list[tuple[str, str | None]]):
    return [pytest.param(text, due, now, id=f"{now:%m%d}-{text}") for text, due in rows]


def check(text: str, due: str | None, now: datetime) -> None:
    found = parse_when(text, now)
    assert (found.due if found else None) == due, text
    in_a_line = parse_capture_strict(f"{text}，回访 #跟进", now)
    assert in_a_line.due == due, f"in a capture line: {text}"
    if due is not None:
        assert in_a_line.title == "回访", f"the whole span is claimed: {text}"


RELATIVE_DAYS = table(NOW, [
    ("今天", "2026-11-25"), ("今日", "2026-11-25"), ("明天", "2026-11-26"), ("明日", "2026-11-26"),
    ("后天", "2026-11-27"), ("大后天", "2026-11-28"), ("後天", "2026-11-27"), ("大後天", "2026-11-28"),
    ("明兒", "2026-11-26"), ("今晚", "2026-11-25T20:00"), ("明早", "2026-11-26T09:00"), ("明晚", "2026-11-26T20:00"),
    ("today", "2026-11-25"), ("tomorrow", "2026-11-26"), ("tmr", "2026-11-26"), ("tmrw", "2026-11-26"),
    ("the day after tomorrow", "2026-11-27"), ("day after tomorrow", "2026-11-27"), ("tonight", "2026-11-25T20:00"),
    ("in 3 days", "2026-11-28"), ("in three days", "2026-11-28"), ("a week from now", "2026-12-02"),
    ("two weeks hence", "2026-12-09"), ("in a fortnight", "2026-12-09"), ("in 2 weeks", "2026-12-09"),
    ("3 days from today", "2026-11-28"), ("in a month", "2026-12-25"), ("in 2 months", "2027-01-25"),
    ("in a year", "2027-11-25"), ("3天后", "2026-11-28"), ("三天之后", "2026-11-28"), ("十天后", "2026-12-05"),
    ("两周后", "2026-12-09"), ("兩週後", "2026-12-09"), ("1个月后", "2026-12-25"), ("一個月後", "2026-12-25"),
    ("半个月后", "2026-12-10"), ("两个星期以后", "2026-12-09"), ("3天内", "2026-11-28"), ("三天內", "2026-11-28"),
    ("一年后", "2027-11-25"), ("半年后", "2027-05-25"), ("5日后", "2026-11-30"),
])

WEEKS = table(NOW, [
    ("周五", "2026-11-27"), ("星期五", "2026-11-27"), ("礼拜五", "2026-11-27"), ("週五", "2026-11-27"),
    ("禮拜五", "2026-11-27"), ("周三", "2026-11-25"), ("周一", "2026-11-30"), ("周日", "2026-11-29"),
    ("周天", "2026-11-29"), ("星期天", "2026-11-29"), ("礼拜天", "2026-11-29"), ("这周五", "2026-11-27"),
    ("本周六", "2026-11-28"), ("這週六", "2026-11-28"), ("下周二", "2026-12-01"), ("下個週二", "2026-12-01"),
    ("下星期一", "2026-11-30"), ("下礼拜三", "2026-12-02"), ("下下周一", "2026-12-07"), ("下下週五", "2026-12-11"),
    ("下周的周五", "2026-12-04"), ("下周五前", "2026-12-04"), ("周五之前", "2026-11-27"), ("下周", "2026-11-30"),
    ("下週", "2026-11-30"), ("下下周", "2026-12-07"), ("周末", "2026-11-28"), ("下周末", "2026-12-05"),
    ("下週末", "2026-12-05"), ("friday", "2026-11-27"), ("Friday", "2026-11-27"), ("fri", "2026-11-27"),
    ("fri.", "2026-11-27"), ("mon", "2026-11-30"), ("tue.", "2026-12-01"), ("tues", "2026-12-01"),
    ("thurs", "2026-11-26"), ("wednesday", "2026-11-25"), ("on sat", "2026-11-28"), ("by sunday", "2026-11-29"),
    ("next tuesday", "2026-12-01"), ("this saturday", "2026-11-28"), ("coming monday", "2026-11-30"),
    ("friday after next", "2026-12-04"), ("the friday after next", "2026-12-04"),
    ("wednesday of next week", "2026-12-02"), ("friday next week", "2026-12-04"), ("next week", "2026-11-30"),
    ("the week after next", "2026-12-07"), ("this weekend", "2026-11-28"), ("next weekend", "2026-12-05"),
    ("end of the week", "2026-11-27"), ("end of next week", "2026-12-04"),
])

CALENDAR_DATES = table(NOW, [
    ("3月15日", "2027-03-15"), ("三月十五号", "2027-03-15"), ("三月十五號", "2027-03-15"), ("12月3日", "2026-12-03"),
    ("十二月三日", "2026-12-03"), ("11月30日", "2026-11-30"), ("11月25日", "2026-11-25"), ("1月5日", "2027-01-05"),
    ("3月15", "2027-03-15"), ("2027年3月3号", "2027-03-03"), ("2027年3月3號", "2027-03-03"),
    ("二〇二七年三月三日", "2027-03-03"), ("2026年12月15日", "2026-12-15"), ("明年3月5日", "2027-03-05"),
    ("今年12月31号", "2026-12-31"), ("2026-12-15", "2026-12-15"), ("2027/1/8", "2027-01-08"),
    ("2026.12.31", "2026-12-31"), ("12/10", "2026-12-10"), ("11-30", "2026-11-30"), ("1/5", "2027-01-05"),
    ("4/14/2027", "2027-04-14"), ("10.1", "2027-10-01"), ("12.31前", "2026-12-31"), ("15号", "2026-12-15"),
    ("28号", "2026-11-28"), ("二十八号", "2026-11-28"), ("30日", "2026-11-30"), ("3号", "2026-12-03"),
    ("十五號", "2026-12-15"), ("31号", "2026-12-31"), ("下个月5号", "2026-12-05"), ("下個月5號", "2026-12-05"),
    ("下月5号", "2026-12-05"), ("本月30号", "2026-11-30"), ("下下个月1号", "2027-01-01"), ("月底", "2026-11-30"),
    ("月末", "2026-11-30"), ("本月底", "2026-11-30"), ("下月底", "2026-12-31"), ("下個月底", "2026-12-31"),
    ("月初", "2026-12-01"), ("下月初", "2026-12-01"), ("3月底", "2027-03-31"), ("明年3月初", "2027-03-01"),
    ("年底", "2026-12-31"), ("年末", "2026-12-31"), ("明年年底", "2027-12-31"), ("十月第一个星期一", "2027-10-04"),
    ("12月第一个周一", "2026-12-07"), ("5月第二个星期日", "2027-05-09"), ("本月最后一个周五", "2026-11-27"),
    ("下个月第一个礼拜一", "2026-12-07"), ("下個月最後一個週五", "2026-12-25"),
    ("the 15th", "2026-12-15"), ("on the 1st", "2026-12-01"), ("the 28th", "2026-11-28"),
    ("the 5th of next month", "2026-12-05"), ("on the first", "2026-12-01"), ("first of march", "2027-03-01"),
    ("the 28th of this month", "2026-11-28"), ("the 5th of this month", "2026-11-05"),  # written: not moved on
    ("the tenth of this month", "2026-11-10"),
    ("the first of march", "2027-03-01"), ("march 3rd", "2027-03-03"), ("march 3", "2027-03-03"),
    ("March the 3rd", "2027-03-03"), ("3rd of march", "2027-03-03"), ("3 march", "2027-03-03"),
    ("dec 3", "2026-12-03"), ("Dec. 3", "2026-12-03"), ("december 3rd", "2026-12-03"), ("3 dec", "2026-12-03"),
    ("jan 5", "2027-01-05"), ("April 14, 2027", "2027-04-14"), ("april 14 2027", "2027-04-14"),
    ("14 April 2027", "2027-04-14"), ("april 14th, 2027", "2027-04-14"), ("april 14", "2027-04-14"),
    ("nov 25", "2026-11-25"), ("the fifteenth of june", "2027-06-15"), ("twenty-first of december", "2026-12-21"),
    ("first tuesday of october", "2027-10-05"), ("the last friday of the month", "2026-11-27"),
    ("last friday of next month", "2026-12-25"), ("second monday in may", "2027-05-10"),
    ("end of month", "2026-11-30"), ("by the end of the month", "2026-11-30"), ("end of next month", "2026-12-31"),
    ("eom", "2026-11-30"), ("end of the year", "2026-12-31"), ("start of next month", "2026-12-01"),
    ("the last day of the month", "2026-11-30"), ("last day of next month", "2026-12-31"), ("本月最后一天", "2026-11-30"),
    ("下个月最后一天", "2026-12-31"), ("15th", "2026-12-15"), ("15/3", "2027-03-15"), ("下个月", "2026-12-01"),
    ("下下個月", "2027-01-01"), ("明年", "2027-01-01"), ("next month", "2026-12-01"), ("next year", "2027-01-01"),
    ("农历八月十五", "2027-09-15"), ("農曆八月十五", "2027-09-15"), ("正月十五", "2027-02-20"), ("正月初五", "2027-02-10"),
    ("腊月二十三", "2027-01-30"), ("臘月廿三", "2027-01-30"), ("阴历五月初五", "2027-06-09"),
    # a weekday beside a date names the same day; when it does not, nothing is claimed
    ("friday, november 27", "2026-11-27"), ("Tuesday, December 1st at 3pm", "2026-12-01T15:00"),
    ("monday the 30th", "2026-11-30"), ("11月27日周五", "2026-11-27"), ("11月27日（周五）", "2026-11-27"), ("11月27日（周四）", None),
    ("周五 11月27日 下午3点", "2026-11-27T15:00"), ("11月27日 周四", None), ("thursday, november 27", None),
    ("in 2 days' time", "2026-11-27"), ("15.02.2027", "2027-02-15"), ("the first of next month", "2026-12-01"),
    ("the first day of next month", "2026-12-01"), ("本周内", "2026-11-29"), ("這個星期之內", "2026-11-29"),
    ("本月内", "2026-11-30"), ("今年内", "2026-12-31"), ("下月中旬", "2026-12-20"), ("3月下旬", "2027-03-31"),
    ("on the weekend", "2026-11-28"), ("through friday", "2026-11-27"), ("this coming wednesday", "2026-12-02"),
])

CLOCK_TIMES = table(NOW, [
    ("下午3点", "2026-11-25T15:00"), ("下午三点", "2026-11-25T15:00"), ("下午三點", "2026-11-25T15:00"),
    ("下午三点零五", "2026-11-25T15:05"), ("下午三點零五分", "2026-11-25T15:05"), ("下午3点05", "2026-11-25T15:05"),
    ("三点一刻", "2026-11-25T15:15"), ("三点半", "2026-11-25T15:30"), ("三點半", "2026-11-25T15:30"),
    ("三点三刻", "2026-11-25T15:45"), ("三点钟", "2026-11-25T15:00"), ("十点半", "2026-11-25T10:30"),
    ("九点整", "2026-11-26T09:00"), ("晚上8点", "2026-11-25T20:00"), ("晚上八點", "2026-11-25T20:00"),
    ("中午12点", "2026-11-25T12:00"), ("中午1点", "2026-11-25T13:00"), ("上午10点半", "2026-11-25T10:30"),
    ("上午10点一刻", "2026-11-25T10:15"), ("早上7点", "2026-11-26T07:00"), ("凌晨2点", "2026-11-26T02:00"),
    ("晚上11点半", "2026-11-25T23:30"), ("晚上12点", "2026-11-26T00:00"), ("傍晚6点", "2026-11-25T18:00"),
    ("下午3点20分", "2026-11-25T15:20"), ("下午3点三刻", "2026-11-25T15:45"), ("15点", "2026-11-25T15:00"),
    ("15:30", "2026-11-25T15:30"), ("15：30", "2026-11-25T15:30"), ("９:００", "2026-11-26T09:00"),
    ("3点", "2026-11-25T15:00"), ("8点", "2026-11-26T08:00"), ("7点", "2026-11-25T19:00"), ("3:20", "2026-11-25T15:20"),
    ("09:00", "2026-11-26T09:00"), ("07:30", "2026-11-26T07:30"), ("3pm", "2026-11-25T15:00"),
    ("3 pm", "2026-11-25T15:00"), ("3PM", "2026-11-25T15:00"), ("10am", "2026-11-25T10:00"), ("9am", "2026-11-26T09:00"),
    ("4:30pm", "2026-11-25T16:30"), ("11 p.m.", "2026-11-25T23:00"), ("12am", "2026-11-26T00:00"),
    ("12pm", "2026-11-25T12:00"), ("a quarter past 3", "2026-11-25T15:15"), ("quarter past 10", "2026-11-25T10:15"),
    ("half past 9", "2026-11-26T09:30"), ("quarter to 5", "2026-11-25T16:45"), ("ten past 4", "2026-11-25T16:10"),
    ("noon", "2026-11-25T12:00"), ("at noon", "2026-11-25T12:00"), ("midnight", "2026-11-26T00:00"),
    ("tonight at 11", "2026-11-25T23:00"), ("tonight at 8:30", "2026-11-25T20:30"),
    ("this afternoon at 3:20", "2026-11-25T15:20"), ("this morning at 11", "2026-11-25T11:00"),
    ("9 tomorrow", "2026-11-26T09:00"), ("tomorrow 9", "2026-11-26T09:00"), ("tomorrow at 9", "2026-11-26T09:00"),
    ("3 o'clock pm", "2026-11-25T15:00"), ("3 o'clock", "2026-11-25T15:00"), ("at 3", "2026-11-25T15:00"),
    ("at 11", "2026-11-25T11:00"), ("at 8", "2026-11-26T08:00"), ("tomorrow 3pm", "2026-11-26T15:00"),
    ("friday 3pm", "2026-11-27T15:00"), ("friday at 3pm", "2026-11-27T15:00"), ("on friday at 15:00", "2026-11-27T15:00"),
    ("明天下午3点", "2026-11-26T15:00"), ("明天三点", "2026-11-26T15:00"), ("明天 10:30", "2026-11-26T10:30"),
    ("后天下午3点", "2026-11-27T15:00"), ("後天下午3點", "2026-11-27T15:00"), ("今晚8点", "2026-11-25T20:00"),
    ("今晚 9:30", "2026-11-25T21:30"), ("明早6点", "2026-11-26T06:00"), ("周五下午2点", "2026-11-27T14:00"),
    ("下周一上午9点", "2026-11-30T09:00"), ("12月3日 下午4点", "2026-12-03T16:00"), ("2026-12-15 14:30", "2026-12-15T14:30"),
    ("周三 9点", "2026-12-02T09:00"), ("周三 下午3点", "2026-11-25T15:00"), ("3月15日上午10点", "2027-03-15T10:00"),
    ("dec 3 at 4pm", "2026-12-03T16:00"), ("next monday at 10am", "2026-11-30T10:00"),
    ("十点", "2026-11-25T10:00"), ("五点前", "2026-11-25T17:00"), ("下午5点半之前", "2026-11-25T17:30"),
    ("晚8点", "2026-11-25T20:00"), ("早8点", "2026-11-26T08:00"), ("今天半夜12点", "2026-11-26T00:00"),
    ("upcoming friday at 5pm", "2026-11-27T17:00"), ("两点差一刻", "2026-11-25T13:45"), ("三點差五分", "2026-11-25T14:55"),
    ("by 5", "2026-11-25T17:00"), ("before noon", "2026-11-25T12:00"), ("by end of day", "2026-11-25T18:00"),
    ("EOD", "2026-11-25T18:00"), ("end of the day tomorrow", "2026-11-26T18:00"), ("今天下班前", "2026-11-25T18:00"),
    ("明天下班前", "2026-11-26T18:00"), ("今天傍晚", "2026-11-25T18:00"), ("in one and a half hours", "2026-11-25T11:00"),
    ("within the next hour", "2026-11-25T10:30"),
])

PART_OF_DAY = table(NOW, [
    ("上午", "2026-11-26T09:00"), ("中午", "2026-11-25T12:00"), ("下午", "2026-11-25T15:00"), ("晚上", "2026-11-25T20:00"),
    ("明天上午", "2026-11-26T09:00"), ("明天中午", "2026-11-26T12:00"), ("明天下午", "2026-11-26T15:00"),
    ("明天晚上", "2026-11-26T20:00"), ("下周一上午", "2026-11-30T09:00"), ("下週一上午", "2026-11-30T09:00"),
    ("周五晚", "2026-11-27T20:00"), ("周五晚上", "2026-11-27T20:00"), ("后天早上", "2026-11-27T09:00"),
    ("this afternoon", "2026-11-25T15:00"), ("this evening", "2026-11-25T20:00"), ("this morning", "2026-11-25"),
    ("tomorrow morning", "2026-11-26T09:00"), ("tomorrow afternoon", "2026-11-26T15:00"),
    ("tomorrow evening", "2026-11-26T20:00"), ("tomorrow night", "2026-11-26T20:00"),
    ("friday afternoon", "2026-11-27T15:00"), ("monday morning", "2026-11-30T09:00"),
])

RELATIVE_TIMES = table(NOW, [
    ("半小时后", "2026-11-25T10:00"), ("半個小時後", "2026-11-25T10:00"), ("2小时后", "2026-11-25T11:30"),
    ("两个小时以后", "2026-11-25T11:30"), ("一个半小时后", "2026-11-25T11:00"), ("10分钟后", "2026-11-25T09:40"),
    ("十分鐘後", "2026-11-25T09:40"), ("一刻钟后", "2026-11-25T09:45"), ("3个钟头后", "2026-11-25T12:30"),
    ("in 15 minutes", "2026-11-25T09:45"), ("in an hour", "2026-11-25T10:30"), ("in half an hour", "2026-11-25T10:00"),
    ("in 2 hours", "2026-11-25T11:30"), ("in an hour and a half", "2026-11-25T11:00"), ("20 minutes from now", "2026-11-25T09:50"),
    ("within 30 mins", "2026-11-25T10:00"),
])

HOLIDAYS = table(NOW, [
    ("元旦", "2027-01-01"), ("情人节", "2027-02-14"), ("情人節", "2027-02-14"), ("妇女节", "2027-03-08"),
    ("三八节", "2027-03-08"), ("劳动节", "2027-05-01"), ("勞動節", "2027-05-01"), ("五一前", "2027-05-01"),
    ("儿童节", "2027-06-01"), ("兒童節", "2027-06-01"), ("六一前", "2027-06-01"), ("国庆", "2027-10-01"),
    ("國慶節", "2027-10-01"), ("十一前", "2027-10-01"), ("圣诞", "2026-12-25"), ("聖誕節", "2026-12-25"),
    ("平安夜", "2026-12-24"), ("双十一", "2027-11-11"), ("雙十一", "2027-11-11"), ("双十二", "2026-12-12"),
    ("双12", "2026-12-12"), ("618前", "2027-06-18"), ("618当天", "2027-06-18"), ("520当天", "2027-05-20"),
    ("春节", "2027-02-06"), ("春節", "2027-02-06"), ("除夕", "2027-02-05"), ("元宵节", "2027-02-20"),
    ("端午", "2027-06-09"), ("端午節", "2027-06-09"), ("七夕", "2027-08-08"), ("中秋", "2027-09-15"),
    ("中秋节", "2027-09-15"), ("重阳节", "2027-10-08"), ("重陽節", "2027-10-08"), ("清明节", "2027-04-05"),
    ("明年春节", "2027-02-06"), ("2028年春节", "2028-01-26"), ("母亲节", "2027-05-09"), ("感恩节", "2026-11-26"),
    ("new year's day", "2027-01-01"), ("valentine's day", "2027-02-14"), ("halloween", "2027-10-31"),
    ("christmas", "2026-12-25"), ("Christmas Eve", "2026-12-24"), ("christmas day", "2026-12-25"),
    ("thanksgiving", "2026-11-26"), ("chinese new year", "2027-02-06"), ("mid-autumn festival", "2027-09-15"),
    ("dragon boat festival", "2027-06-09"), ("圣诞节下午3点", "2026-12-25T15:00"), ("除夕晚上", "2027-02-05T20:00"),
])

WORKING_DAYS = table(datetime(2026, 9, 30, 10, 0), [  # before the 2026 National Day holiday (Oct 1–7, Oct 10 worked)
    ("下个工作日", "2026-10-08"), ("下一个工作日", "2026-10-08"), ("下個工作日", "2026-10-08"),
    ("3个工作日后", "2026-10-10"), ("三个工作日内", "2026-10-10"), ("5个工作日内", "2026-10-13"),
    ("next business day", "2026-10-08"), ("in 2 business days", "2026-10-09"), ("within three working days", "2026-10-10"),
]) + table(datetime(2026, 2, 13, 10, 0), [  # before the 2026 Spring Festival (Feb 14 worked, Feb 15–23 off)
    ("下个工作日", "2026-02-14"), ("2个工作日后", "2026-02-24"), ("next working day", "2026-02-14"),
]) + table(NOW, [
    ("下个工作日", "2026-11-26"), ("3个工作日内", "2026-11-30"), ("in 2 business days", "2026-11-27"),
])

# Where a span cannot be read whole it is left alone: None, and the line keeps it in its title.
LEFT_ALONE = table(NOW, [
    ("三点建议", None), ("快一点", None), ("下午三点五", None), ("周一到周五", None), ("mon - fri", None),
    ("two days before friday", None), ("3 days after christmas", None), ("周五前两天", None), ("周五以后", None),
    ("after friday", None), ("from tomorrow", None), ("从明天起", None), ("3月15日 2027年", None), ("明天凌晨", None),
    ("may be", None), ("sat down", None), ("the sun", None), ("2月30日", None), ("13月5日", None), ("32号", None),
    ("25点", None), ("13pm", None), ("下午3点61分", None), ("7日留存", None), ("3号楼", None), ("2号线", None),
    ("提升 1.5 倍", None), ("版本 3.2.1", None), ("比分 3:2", None), ("618", None), ("520", None), ("十一个人", None),
    ("十一点", "2026-11-25T11:00"), ("at 3 stores", None), ("look at 2 options", None), ("the 3rd option", None),
    ("weekend plan", None), ("read chapter 5 tonight", None), ("评分 4.5", None), ("价格 9.9", None),
    ("会议纪要 12.5", None), ("预算 1.2 万", None), ("下个月的预算", None), ("明年的计划", None), ("618 预算", None),
    ("520 块", None), ("两点 建议", None), ("一点 小事", None), ("整理 2026 年度总结", None), ("回复 5 条 评论", None), ("第3号", None), ("1:1", None), ("a few days", None),
])

OTHER_NOWS = table(MONTH_END, [  # Saturday 2026-01-31 10:00
    ("明天", "2026-02-01"), ("下个月5号", "2026-02-05"), ("月底", "2026-01-31"), ("下月底", "2026-02-28"),
    ("30号", "2026-03-30"), ("31号", "2026-01-31"), ("1个月后", "2026-02-28"), ("in a month", "2026-02-28"),
    ("周六", "2026-01-31"), ("周末", "2026-01-31"), ("下周一", "2026-02-02"), ("周日", "2026-02-01"),
    ("2月29日", "2028-02-29"), ("1月5日", "2027-01-05"), ("春节", "2026-02-17"), ("元宵", "2026-03-03"),
    ("情人节", "2026-02-14"), ("月初", "2026-02-01"), ("下午3点", "2026-01-31T15:00"), ("9点", "2026-02-01T09:00"),
]) + table(YEAR_END, [  # Thursday 2026-12-31 16:00
    ("明天", "2027-01-01"), ("元旦", "2027-01-01"), ("下周一", "2027-01-04"), ("年底", "2026-12-31"),
    ("明年年底", "2027-12-31"), ("下个月5号", "2027-01-05"), ("1月5日", "2027-01-05"), ("12月31日", "2026-12-31"),
    ("12月30日", "2027-12-30"), ("下午3点", "2027-01-01T15:00"), ("晚上8点", "2026-12-31T20:00"),
    ("tonight", "2026-12-31T20:00"), ("in 2 hours", "2026-12-31T18:00"), ("除夕", "2027-02-05"), ("下下周五", "2027-01-15"),
    ("dec 31", "2026-12-31"), ("jan 1", "2027-01-01"), ("end of next month", "2027-01-31"), ("the 15th", "2027-01-15"),
]) + table(SUNDAY, [  # Sunday 2026-12-06 11:00
    ("周日", "2026-12-06"), ("周末", "2026-12-06"), ("这周五", "2026-12-04"), ("周一", "2026-12-07"),
    ("下周一", "2026-12-07"), ("下下周一", "2026-12-14"), ("next week", "2026-12-07"), ("sunday", "2026-12-06"),
    ("next sunday", "2026-12-13"), ("周日 上午10点", "2026-12-13T10:00"), ("周日 下午3点", "2026-12-06T15:00"),
    ("下个工作日", "2026-12-07"), ("双十二", "2026-12-12"), ("周六", "2026-12-12"),
]) + table(LEAP_DAY, [  # Tuesday 2028-02-29 08:00
    ("明天", "2028-03-01"), ("2月29日", "2028-02-29"), ("明年2月29日", None), ("1年后", "2029-02-28"),
    ("in a month", "2028-03-29"), ("月底", "2028-02-29"), ("下月底", "2028-03-31"), ("29号", "2028-02-29"),
    ("30号", "2028-03-30"), ("周二", "2028-02-29"), ("9点", "2028-02-29T09:00"), ("7点", "2028-02-29T19:00"),
    ("3月1日", "2028-03-01"), ("feb 29", "2028-02-29"), ("端午", "2028-05-28"), ("中秋", "2028-10-03"),
])


@pytest.mark.parametrize("text,due,now", RELATIVE_DAYS)
def test_relative_days(text, due, now):
    check(text, due, now)


@pytest.mark.parametrize("text,due,now", WEEKS)
def test_weeks(text, due, now):
    check(text, due, now)


@pytest.mark.parametrize("text,due,now", CALENDAR_DATES)
def test_calendar_dates(text, due, now):
    check(text, due, now)


@pytest.mark.parametrize("text,due,now", CLOCK_TIMES)
def test_clock_times(text, due, now):
    check(text, due, now)


@pytest.mark.parametrize("text,due,now", PART_OF_DAY)
def test_parts_of_the_day_default_to_a_clock_time(text, due, now):
    check(text, due, now)


@pytest.mark.parametrize("text,due,now", RELATIVE_TIMES)
def test_relative_times(text, due, now):
    check(text, due, now)


@pytest.mark.parametrize("text,due,now", HOLIDAYS)
def test_holidays_and_campaign_days(text, due, now):
    check(text, due, now)


@pytest.mark.parametrize("text,due,now", WORKING_DAYS)
def test_working_days_follow_the_official_schedule(text, due, now):
    check(text, due, now)


@pytest.mark.parametrize("text,due,now", LEFT_ALONE)
def test_what_cannot_be_read_whole_is_left_alone(text, due, now):
    found = parse_when(text, now)
    assert (found.due if found else None) == due
    if due is None:
        line = parse_capture_strict(f"回访 {text}", now)
        assert (line.due, line.title) == (None, f"回访 {text}")


@pytest.mark.parametrize("line", ["the 5th of next month call bob about refund", "on the 5th of next month call bob"])
def test_a_day_of_next_month_before_words_is_claimed_whole(line):
    parsed = parse_capture_strict(line, NOW)
    assert (parsed.title, parsed.due) == ("call bob about refund" if "refund" in line else "call bob", "2026-12-05")


@pytest.mark.parametrize("text,due,now", OTHER_NOWS)
def test_other_nows(text, due, now):
    check(text, due, now)


def test_the_tables_are_large_and_cover_three_scripts():
    rows = RELATIVE_DAYS + WEEKS + CALENDAR_DATES + CLOCK_TIMES + PART_OF_DAY + RELATIVE_TIMES + HOLIDAYS \
        + WORKING_DAYS + LEFT_ALONE + OTHER_NOWS
    texts = [row.values[0] for row in rows]
    assert len(texts) >= 400
    traditional = [t for t in texts if any(c in t for c in "週後點號個禮們慶節誕陽兒勞鐘內雙時")]
    english = [t for t in texts if t.isascii() and any(c.isalpha() for c in t)]
    assert len(traditional) >= 30 and len(english) >= 120


def test_a_written_year_is_never_moved():
    assert parse_when("April 14, 2027", NOW).due == "2027-04-14"
    assert parse_when("2025年3月1日", NOW).due == "2025-03-01"
    assert parse_when("2025年3月1日", NOW).past
    assert parse_capture_strict("April 14, 2027 launch", NOW).title == "launch"


def test_working_days_in_a_year_without_a_schedule_count_monday_to_friday_and_say_so():
    now = datetime(2026, 12, 30, 10, 0)
    parsed = parse_capture_strict("3个工作日后 交材料", now)
    assert parsed.due == "2027-01-04"  # Dec 31, Jan 1 (Friday: counted, no 2027 schedule), Jan 4
    assert [w.en for w in parsed.warnings] == [
        "That year's official holiday schedule is not known yet: working days are counted Monday to Friday"]
    assert not parsed.warnings[0].blocking


def test_the_part_of_day_defaults_are_a_setting():
    evening = {"morning": (8, 30), "noon": (12, 30), "afternoon": (14, 0), "evening": (19, 0)}
    assert parse_when("明天下午", NOW, evening).due == "2026-11-26T14:00"
    assert parse_when("tomorrow morning", NOW, evening).due == "2026-11-26T08:30"
    assert parse_capture_strict("明天晚上 复盘", NOW, day_parts=evening).due == "2026-11-26T19:00"


RECURRENCE = [
    ("每隔一天 浇水", "FREQ=DAILY;INTERVAL=2", "2026-11-25"),
    ("每隔两天 浇水", "FREQ=DAILY;INTERVAL=3", "2026-11-25"),
    ("每两周 复盘", "FREQ=WEEKLY;INTERVAL=2", "2026-11-25"),
    ("每兩週 复盘", "FREQ=WEEKLY;INTERVAL=2", "2026-11-25"),
    ("每月最后一个工作日 对账", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "2026-11-30"),
    ("every other day water", "FREQ=DAILY;INTERVAL=2", "2026-11-25"),
    ("every two weeks review", "FREQ=WEEKLY;INTERVAL=2", "2026-11-25"),
    ("every business day standup", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "2026-11-25"),
    ("每週一 周会", "FREQ=WEEKLY;BYDAY=MO", "2026-11-30"),
    ("每天早上9点 看数据", "FREQ=DAILY", "2026-11-26T09:00"),
    ("每周五下午3点 周报", "FREQ=WEEKLY;BYDAY=FR", "2026-11-27T15:00"),
]


@pytest.mark.parametrize("text,rule,due", RECURRENCE)
def test_recurrence_additions(text, rule, due):
    parsed = parse_capture_strict(text, NOW)
    assert (parsed.recurrence, parsed.due) == (rule, due)
