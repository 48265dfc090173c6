"""English names of the words the app seeds in Chinese (contact channels, directions, topics, outcomes,
user stages, finding kinds and statuses, sequence statuses). The database keeps the Chinese value (it is
what filters and rules match); text for the user goes through `shown`, so an English screen or workbook
reads English, and a value the operator typed in is shown as typed."""
from __future__ import annotations

from workbench.errors import current_language

ENGLISH = {
    # contact channels and directions
    "电话": "phone", "微信": "WeChat", "短信": "SMS", "APP内": "in-app", "邮件": "email", "其他": "other",
    "呼出": "outbound", "呼入": "inbound",
    # contact topics
    "咨询": "inquiry", "投诉": "complaint", "召回": "recall", "转化": "conversion", "回访": "follow-up visit",
    "产品反馈": "product feedback",
    # contact outcomes and sequence statuses
    "已解决": "resolved", "待跟进": "to follow up", "已转化": "converted", "未接通": "no answer", "拒绝": "declined",
    "流失": "churned", "进行中": "in progress", "已完成": "completed", "已停止": "stopped",
    # user stages
    "新用户": "new", "活跃": "active", "沉默": "dormant", "召回中": "being recalled", "已召回": "recalled",
    # finding kinds and statuses
    "产品bug": "product bug", "新渠道": "new channel", "新需求": "new need",
    "新发现": "new", "已反馈": "reported", "已验证": "verified", "已关闭": "closed",
    # tags the app puts on tasks it makes
    "跟进": "follow-up", "预警": "alert",
}


def shown(value: str | None, lang: str | None = None) -> str | None:
    """value as the user should read it in `lang` (default: the app's language)."""
    if value is None or (lang or current_language()) == "zh_CN":
        return value
    return ENGLISH.get(value, value)
