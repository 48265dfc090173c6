"""The capture line, phrase by phrase, at a fixed now (Wednesday 2026-11-25 09:30)."""
from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.tasks.capture_parser import parse_capture, parse_capture_strict

NOW = datetime(2026, 11, 25, 9, 30)  # a Wednesday


def row(text, title, q="inbox", due=None, rec=None, tags=(), mentions=(), warnings=0):
    return pytest.param(text, title, q, due, rec, list(tags), list(mentions), warnings, id=text)


PHRASES = [
    # --- quadrant markers -------------------------------------------------------------------
    row("回电 王芳", "回电 王芳"),
    row("回电 王芳 !", "回电 王芳", "q3"),
    row("回电 王芳 ！", "回电 王芳", "q3"),
    row("整理 SOP *", "整理 SOP", "q2"),
    row("整理 SOP ＊", "整理 SOP", "q2"),
    row("处理预警 !*", "处理预警", "q1"),
    row("处理预警 *!", "处理预警", "q1"),
    row("! 处理预警 *", "处理预警", "q1"),
    row("q1 处理预警", "处理预警", "q1"),
    row("设计规则 q2", "设计规则", "q2"),
    row("回复邮件 Q3", "回复邮件", "q3"),
    row("清理旧群 q4", "清理旧群", "q4"),
    row("q4财报 整理", "q4财报 整理"),
    row("3*4 计算", "3*4 计算"),
    row("if a!=b check", "if a!=b check"),
    row("紧急!回电", "紧急 回电", "q3"),
    # --- ordinary text left alone -----------------------------------------------------------
    row("提升 10% 转化", "提升 10% 转化"),
    row("学习 C# 教程", "学习 C# 教程"),
    row("发邮件给 wang@example.com", "发邮件给 wang@example.com"),
    row("买 3 箱水", "买 3 箱水"),
    row("快一点 回复", "快一点 回复"),
    row("三点建议 整理", "三点建议 整理"),
    row("7日留存 下降", "7日留存 下降"),
    row("次日留存 复盘", "次日留存 复盘"),
    row("3号楼 开会", "3号楼 开会"),
    row("地铁 2号线 故障", "地铁 2号线 故障"),
    row("#123 修复", "#123 修复"),
    row("版本 3.2.1 发布", "版本 3.2.1 发布"),
    row("比分 3:2", "比分 3:2"),
    row("电话 138-1234-5678 回拨", "电话 138-1234-5678 回拨"),
    row("sat down with team", "sat down with team"),
    row("the sun is out", "the sun is out"),
    row("may be later", "may be later"),
    row("check 1:1 notes", "check 1:1 notes"),
    row("预算 1/2 用完", "预算 用完", due="2027-01-02"),
    row("第3号 方案", "第3号 方案"),
    # --- quoting ----------------------------------------------------------------------------
    row('"明天" 这个词 不解析', "明天 这个词 不解析"),
    row('写 “下周一 例会” 通知', "写 下周一 例会 通知"),
    row('"#标签" 原样', "#标签 原样"),
    row('"q1" 原样 q2', "q1 原样", "q2"),
    row('"@王芳" 不提及', "@王芳 不提及"),
    row('未闭合 "明天 回电', '未闭合 " 回电', due="2026-11-26"),
    # --- tags -------------------------------------------------------------------------------
    row("回访 #召回", "回访", tags=["召回"]),
    row("回访 ＃召回", "回访", tags=["召回"]),
    row("#召回 #促活 回访", "回访", tags=["召回", "促活"]),
    row("回访 #召回 #召回", "回访", tags=["召回"]),
    row("修 bug #产品bug", "修 bug", tags=["产品bug"]),
    row("看数据 #DAU", "看数据", tags=["DAU"]),
    row("发文案，#拉新", "发文案", tags=["拉新"]),
    # --- mentions ---------------------------------------------------------------------------
    row("回访 @王芳", "回访 王芳", mentions=["王芳"]),
    row("回访 ＠王芳", "回访 王芳", mentions=["王芳"]),
    row("@李雷 @韩梅梅 开会", "李雷 韩梅梅 开会", mentions=["李雷", "韩梅梅"]),
    row("call @bob about refund", "call bob about refund", mentions=["bob"]),
    row("回访@王芳", "回访王芳", mentions=["王芳"]),
    row("回访 @U20250042", "回访 U20250042", mentions=["U20250042"]),
    row("回访 @1234", "回访 1234", mentions=["1234"]),
    # --- Chinese relative days --------------------------------------------------------------
    row("今天 发周报", "发周报", due="2026-11-25"),
    row("今日 发周报", "发周报", due="2026-11-25"),
    row("明天 回电", "回电", due="2026-11-26"),
    row("明日 回电", "回电", due="2026-11-26"),
    row("后天 整理SOP", "整理SOP", due="2026-11-27"),
    row("大后天 开会", "开会", due="2026-11-28"),
    row("今晚 复盘", "复盘", due="2026-11-25T20:00"),
    row("明早 打电话", "打电话", due="2026-11-26T09:00"),
    row("明晚 写周报", "写周报", due="2026-11-26T20:00"),
    row("回电明天", "回电", due="2026-11-26"),
    # --- weekdays -----------------------------------------------------------------------------
    row("周五 交报告", "交报告", due="2026-11-27"),
    row("星期五 交报告", "交报告", due="2026-11-27"),
    row("礼拜五 交报告", "交报告", due="2026-11-27"),
    row("周三 例会", "例会", due="2026-11-25"),
    row("周一 例会", "例会", due="2026-11-30"),
    row("周日 休息", "休息", due="2026-11-29"),
    row("星期天 休息", "休息", due="2026-11-29"),
    row("本周六 加班", "加班", due="2026-11-28"),
    row("这周五 交", "交", due="2026-11-27"),
    row("本周一 补记", "补记", due="2026-11-23", warnings=1),
    row("下周二 复盘", "复盘", due="2026-12-01"),
    row("下个周二 复盘", "复盘", due="2026-12-01"),
    row("下星期一 开会", "开会", due="2026-11-30"),
    row("下下周一 开会", "开会", due="2026-12-07"),
    row("下周五前交周报", "交周报", due="2026-12-04"),
    row("周五之前 交", "交", due="2026-11-27"),
    row("下周 计划", "计划", due="2026-11-30"),
    row("周末 整理", "整理", due="2026-11-28"),
    row("下周末 团建", "团建", due="2026-12-05"),
    # --- month days and dates -------------------------------------------------------------
    row("月底 对账", "对账", due="2026-11-30"),
    row("月末 对账", "对账", due="2026-11-30"),
    row("下月底 对账", "对账", due="2026-12-31"),
    row("月初 出报表", "出报表", due="2026-12-01"),
    row("年底 总结", "总结", due="2026-12-31"),
    row("28号 发工资", "发工资", due="2026-11-28"),
    row("25号 发工资", "发工资", due="2026-11-25"),
    row("3号 交材料", "交材料", due="2026-12-03"),
    row("二十八号 发工资", "发工资", due="2026-11-28"),
    row("30日 截止", "截止", due="2026-11-30"),
    row("下个月5号 续约", "续约", due="2026-12-05"),
    row("下月5号 续约", "续约", due="2026-12-05"),
    row("本月30号 结算", "结算", due="2026-11-30"),
    row("12月3日 活动", "活动", due="2026-12-03"),
    row("12月3号 活动", "活动", due="2026-12-03"),
    row("十二月三日 活动", "活动", due="2026-12-03"),
    row("1月5日 年会", "年会", due="2027-01-05"),
    row("11月30日 结算", "结算", due="2026-11-30"),
    row("2026-12-15 上线", "上线", due="2026-12-15"),
    row("2027/1/8 上线", "上线", due="2027-01-08"),
    row("2026.12.31 上线", "上线", due="2026-12-31"),
    row("2026年12月15日 上线", "上线", due="2026-12-15"),
    row("12/10 评审", "评审", due="2026-12-10"),
    row("11-30 结算", "结算", due="2026-11-30"),
    row("1/5 年会", "年会", due="2027-01-05"),
    row("3天后 跟进", "跟进", due="2026-11-28"),
    row("三天后 跟进", "跟进", due="2026-11-28"),
    row("10天后 回访", "回访", due="2026-12-05"),
    row("两周后 复查", "复查", due="2026-12-09"),
    row("1个月后 复盘", "复盘", due="2026-12-25"),
    row("半个月后 复盘", "复盘", due="2026-12-10"),
    row("3天内 处理完", "处理完", due="2026-11-28"),
    # --- impossible dates and times ------------------------------------------------------
    row("2月30日 开会", "2月30日 开会", warnings=1),
    row("13月5日 开会", "13月5日 开会", warnings=1),
    row("2026-02-30 开会", "2026-02-30 开会", warnings=1),
    row("32号 开会", "32号 开会", warnings=1),
    row("25点 开会", "25点 开会", warnings=1),
    row("下午3点61分 开会", "下午3点61分 开会", warnings=1),
    row("13pm call", "13pm call", warnings=1),
    # --- times --------------------------------------------------------------------------
    row("下午3点 回电", "回电", due="2026-11-25T15:00"),
    row("15:00 回电", "回电", due="2026-11-25T15:00"),
    row("15：00 回电", "回电", due="2026-11-25T15:00"),
    row("上午10点半 例会", "例会", due="2026-11-25T10:30"),
    row("上午10点一刻 例会", "例会", due="2026-11-25T10:15"),
    row("下午3点三刻 例会", "例会", due="2026-11-25T15:45"),
    row("下午3点20分 回电", "回电", due="2026-11-25T15:20"),
    row("晚上8点 直播", "直播", due="2026-11-25T20:00"),
    row("中午12点 吃饭", "吃饭", due="2026-11-25T12:00"),
    row("8点 开会", "开会", due="2026-11-26T08:00"),
    row("9:00 开会", "开会", due="2026-11-26T09:00"),
    row("3点 开会", "开会", due="2026-11-25T15:00"),
    row("今晚8点 发周报", "发周报", due="2026-11-25T20:00"),
    row("今晚 9:30 直播", "直播", due="2026-11-25T21:30"),
    row("明早6点 跑步", "跑步", due="2026-11-26T06:00"),
    row("明天下午3点 回访", "回访", due="2026-11-26T15:00"),
    row("明天三点 开会", "开会", due="2026-11-26T15:00"),
    row("明天 10:30 开会", "开会", due="2026-11-26T10:30"),
    row("周五下午2点 评审", "评审", due="2026-11-27T14:00"),
    row("下周一上午9点 周会", "周会", due="2026-11-30T09:00"),
    row("12月3日 下午4点 活动", "活动", due="2026-12-03T16:00"),
    row("2026-12-15 14:30 上线", "上线", due="2026-12-15T14:30"),
    # --- English ------------------------------------------------------------------------
    row("tomorrow call bob", "call bob", due="2026-11-26"),
    row("call bob tomorrow", "call bob", due="2026-11-26"),
    row("call bob today", "call bob", due="2026-11-25"),
    row("call bob tonight", "call bob", due="2026-11-25T20:00"),
    row("review day after tomorrow", "review", due="2026-11-27"),
    row("friday 3pm demo", "demo", due="2026-11-27T15:00"),
    row("demo on friday at 3pm", "demo", due="2026-11-27T15:00"),
    row("demo fri", "demo", due="2026-11-27"),
    row("next tuesday review", "review", due="2026-12-01"),
    row("this saturday cleanup", "cleanup", due="2026-11-28"),
    row("on mon standup", "standup", due="2026-11-30"),
    row("in 2 days send report", "send report", due="2026-11-27"),
    row("in a week check", "check", due="2026-12-02"),
    row("in three days ping", "ping", due="2026-11-28"),
    row("next week plan", "plan", due="2026-11-30"),
    row("dec 3 party", "party", due="2026-12-03"),
    row("party december 3rd", "party", due="2026-12-03"),
    row("party 3 dec", "party", due="2026-12-03"),
    row("kickoff jan 5", "kickoff", due="2027-01-05"),
    row("call at 10am", "call", due="2026-11-25T10:00"),
    row("call at 9am", "call", due="2026-11-26T09:00"),
    row("call 4:30pm", "call", due="2026-11-25T16:30"),
    row("lunch at noon", "lunch", due="2026-11-25T12:00"),
    row("tomorrow at 15:00 sync", "sync", due="2026-11-26T15:00"),
    row("invoice end of month", "invoice", due="2026-11-30"),
    # --- recurrence -----------------------------------------------------------------------
    row("每天 写日报", "写日报", due="2026-11-25", rec="FREQ=DAILY"),
    row("每日 看数据", "看数据", due="2026-11-25", rec="FREQ=DAILY"),
    row("每天9点 看数据", "看数据", due="2026-11-26T09:00", rec="FREQ=DAILY"),
    row("每天下午5点 写日报", "写日报", due="2026-11-25T17:00", rec="FREQ=DAILY"),
    row("每周一 周会", "周会", due="2026-11-30", rec="FREQ=WEEKLY;BYDAY=MO"),
    row("每周一上午10点 周会", "周会", due="2026-11-30T10:00", rec="FREQ=WEEKLY;BYDAY=MO"),
    row("每星期五 周报", "周报", due="2026-11-27", rec="FREQ=WEEKLY;BYDAY=FR"),
    row("每周一三五 健身", "健身", due="2026-11-25", rec="FREQ=WEEKLY;BYDAY=MO,WE,FR"),
    row("每周二、四 巡检", "巡检", due="2026-11-26", rec="FREQ=WEEKLY;BYDAY=TU,TH"),
    row("每个工作日 站会", "站会", due="2026-11-25", rec="FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
    row("每周 复盘", "复盘", due="2026-11-25", rec="FREQ=WEEKLY"),
    row("每周一次 复盘", "复盘", due="2026-11-25", rec="FREQ=WEEKLY"),
    row("每两周 复盘", "复盘", due="2026-11-25", rec="FREQ=WEEKLY;INTERVAL=2"),
    row("每3天 回访", "回访", due="2026-11-25", rec="FREQ=DAILY;INTERVAL=3"),
    row("每月1号 月报", "月报", due="2026-12-01", rec="FREQ=MONTHLY;BYMONTHDAY=1"),
    row("每个月15日 对账", "对账", due="2026-12-15", rec="FREQ=MONTHLY;BYMONTHDAY=15"),
    row("每月底 结算", "结算", due="2026-11-30", rec="FREQ=MONTHLY;BYMONTHDAY=-1"),
    row("每月 盘点", "盘点", due="2026-11-25", rec="FREQ=MONTHLY"),
    row("每年12月31日 年终总结", "年终总结", due="2026-12-31", rec="FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31"),
    row("every friday retro", "retro", due="2026-11-27", rec="FREQ=WEEKLY;BYDAY=FR"),
    row("every monday and thursday sync", "sync", due="2026-11-26", rec="FREQ=WEEKLY;BYDAY=MO,TH"),
    row("every day standup", "standup", due="2026-11-25", rec="FREQ=DAILY"),
    row("every weekday standup", "standup", due="2026-11-25", rec="FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
    row("every other week 1:1", "1:1", due="2026-11-25", rec="FREQ=WEEKLY;INTERVAL=2"),
    row("every 3 days water plants", "water plants", due="2026-11-25", rec="FREQ=DAILY;INTERVAL=3"),
    row("every month on the 1st report", "report", due="2026-12-01", rec="FREQ=MONTHLY;BYMONTHDAY=1"),
    row("send weekly report", "send weekly report"),
    # --- everything at once ------------------------------------------------------------
    row("明天下午3点 回访 @王芳 #召回 *", "回访 王芳", "q2", due="2026-11-26T15:00", tags=["召回"], mentions=["王芳"]),
    row("下周五前 整理借款常见问题SOP #SOP q2", "整理借款常见问题SOP", "q2", due="2026-12-04", tags=["SOP"]),
    row("处理红色预警：次日留存下降30% 今天 !*", "处理红色预警：次日留存下降30%", "q1", due="2026-11-25"),
    row("每周一 9:00 周会 #例会 q1", "周会", "q1", due="2026-11-30T09:00", rec="FREQ=WEEKLY;BYDAY=MO", tags=["例会"]),
    row("tomorrow 3pm call @bob #recall !", "call bob", "q3", due="2026-11-26T15:00", tags=["recall"], mentions=["bob"]),
    row("明天 回电 周五 复查", "回电 周五 复查", due="2026-11-26", warnings=1),
    row("  多余   空格  ", "多余 空格"),
    row("", ""),
]


@pytest.mark.parametrize("text,title,quadrant,due,recurrence,tags,mentions,warnings", PHRASES)
def test_phrase(text, title, quadrant, due, recurrence, tags, mentions, warnings):
    parsed = parse_capture_strict(text, NOW)
    assert (parsed.title, parsed.quadrant, parsed.due, parsed.recurrence, parsed.tags, parsed.mentions,
            len(parsed.warnings)) == (title, quadrant, due, recurrence, tags, mentions, warnings)


def test_table_is_large_enough():
    assert len(PHRASES) >= 150


def test_ignored_chip_text_stays_in_the_title():
    parsed = parse_capture_strict("明天 回访 #召回", NOW, ignore=["明天"])
    assert (parsed.title, parsed.due, parsed.tags) == ("明天 回访", None, ["召回"])
    again = parse_capture_strict("明天 回访 #召回", NOW, ignore=["#召回"])
    assert (again.title, again.due, again.tags) == ("回访 #召回", "2026-11-26", [])


def test_chips_show_what_was_understood_in_order():
    parsed = parse_capture_strict("明天下午3点 回访 @王芳 #召回 *", NOW)
    assert [(c.kind, c.value) for c in parsed.chips] == [
        ("due", "2026-11-26T15:00"), ("mention", "王芳"), ("tag", "召回"), ("priority", "q2")]
    assert parsed.chips[0].raws == ("明天", "下午3点")


def test_known_user_names_split_a_glued_mention():
    names = {"王芳", "李雷"}
    parsed = parse_capture_strict("回访@王芳提现问题", NOW, name_lookup=names.__contains__)
    assert (parsed.title, parsed.mentions) == ("回访王芳提现问题", ["王芳"])


def test_json_contract_fields():
    payload = parse_capture_strict("明天 回访 #召回 !", NOW).as_json(task_id=5)
    assert payload == {"id": 5, "title": "回访", "quadrant": "q3", "important": False, "urgent": True,
                       "due": "2026-11-26", "tags": ["召回"], "mentions": [], "recurrence": None, "warnings": []}


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("明天后周五下一二三四五六日月号点半:：-/!！*＊#＃@＠\"“” q1234567890每个工作日年底早晚上午pmat every friday在内后前")), max_size=40))
def test_no_capture_alphabet_input_raises(text):
    parsed = parse_capture_strict(text, NOW)
    assert isinstance(parsed.title, str)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_no_input_string_raises(text):
    parsed = parse_capture_strict(text, NOW)
    assert parsed.quadrant in {"inbox", "q1", "q2", "q3", "q4"}
    assert parse_capture(text, NOW).title is not None
