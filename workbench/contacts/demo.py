"""Demo data of the contacts feature (called by workbench/demo.py inside one transaction).

Scale 1: 1,000 users and 10,000 contacts over the last 8 weeks, 8 snippets, a dozen findings, one
recall sequence with 200 enrolments and the follow-ups due around today. `--scale 100` gives 100k
users and 1M contacts (bulk rows through executemany; the search indexes fill as rows go in).
"""
from __future__ import annotations

import json
import random
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from workbench.contacts import search_index
from workbench.contacts.findings import raise_finding
from workbench.contacts.sequences import Step, create_sequence, start_sequence, advance
from workbench.contacts.options import NextStep
from workbench.contacts.snippets import create_snippet
from workbench.contacts.vocabulary import shown

if TYPE_CHECKING:
    from sqlite_utils import Database

USERS_PER_SCALE = 1_000
CONTACTS_PER_SCALE = 10_000
DAYS = 56
BATCH = 20_000

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = ["芳", "伟", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平",
         "刚", "桂英", "建华", "文", "华", "红", "鹏", "玲", "晨", "浩然", "子涵", "欣怡", "雨轩", "思远", "佳怡", "宇航", "梓萱", "俊杰", "诗涵", "博文"]
CHANNELS_OF_USERS = ["抖音信息流", "微信朋友圈广告", "应用宝", "华为商店", "小米商店", "OPPO商店", "线下地推", "老带新", "百度搜索", "快手"]
STAGE_WEIGHTS = [("新用户", 15), ("活跃", 35), ("沉默", 20), ("流失", 20), ("召回中", 5), ("已召回", 5)]
TAGS = [[], [], [], ["VIP"], ["高额度"], ["逾期过"], ["学生"], ["老用户", "高额度"]]

CHANNEL_WEIGHTS = [("电话", 45), ("微信", 30), ("短信", 8), ("APP内", 14), ("邮件", 1), ("其他", 2)]
TOPIC_WEIGHTS = [("咨询", 34), ("召回", 22), ("转化", 12), ("回访", 10), ("投诉", 8), ("产品反馈", 9), ("其他", 5)]
OUTCOMES_BY_TOPIC = {
    "咨询": [("已解决", 75), ("待跟进", 15), ("已转化", 5), ("未接通", 5)],
    "召回": [("已转化", 16), ("未接通", 30), ("拒绝", 16), ("待跟进", 18), ("已解决", 12), ("流失", 8)],
    "转化": [("已转化", 30), ("待跟进", 30), ("拒绝", 20), ("未接通", 20)],
    "回访": [("已解决", 70), ("待跟进", 10), ("未接通", 20)],
    "投诉": [("已解决", 55), ("待跟进", 40), ("流失", 5)],
    "产品反馈": [("已解决", 60), ("待跟进", 40)],
    "其他": [("已解决", 90), ("待跟进", 10)],
}
SUMMARIES = {
    "咨询": ["咨询提现多久到账，已说明T+1到账规则", "问额度为什么降了，解释了风控重新评估", "咨询借款利率和{n}期还款方式",
             "问如何修改绑定银行卡，已发操作截图", "咨询提前还款有没有手续费，说明免手续费", "问预算紧张能否延期还款，告知展期规则",
             "询问额度{amount}元能否一次借出", "问征信报告会不会显示，已解释", "咨询会员权益和优惠券使用规则"],
    "召回": ["流失用户召回，说明了新的还款入口和降息活动", "电话召回，用户说最近不缺钱，预算够用", "召回时用户表示在用别家，利率更低",
             "召回成功，发放{amount}元免息券，用户当场借款", "用户说之前审核太慢才不用了，已说明现在秒批", "微信关怀并发优惠券，用户回复考虑一下",
             "召回电话，用户换工作了收入不稳定", "沉默用户唤醒，提醒额度即将失效"],
    "转化": ["新用户未借款，引导完成首借，额度{amount}元", "注册后未绑卡，协助完成绑卡", "讲解首借免息活动，用户有兴趣",
             "用户担心利息高，算了一遍{n}期总成本", "推荐了老带新活动，用户愿意分享给朋友"],
    "回访": ["借款后回访，用户对放款速度满意", "结清用户回访，询问是否还有资金需求", "回访投诉处理结果，用户认可"],
    "投诉": ["投诉催收短信太频繁，已反馈风控调整频次", "投诉扣款失败却显示逾期，核实后撤销记录", "投诉客服电话打不通，已道歉并留专线",
             "投诉额度突然清零，说明原因并申请复审"],
    "产品反馈": ["反馈借款页按钮点不动，安卓12机型", "反馈还款页面卡顿加载很慢", "建议增加微信还款方式",
                 "说是从抖音看到的广告来注册的", "希望能按周还款，预算压力小一些", "反馈人脸识别总是失败，戴眼镜时更明显",
                 "朋友在小红书推荐的，想了解邀请奖励"],
    "其他": ["用户打错电话，想找信用卡中心", "确认收到了活动短信", "更新了联系地址"],
}
FINDINGS = [
    ("产品bug", "借款页按钮点不动", 14), ("产品bug", "还款页面卡顿加载很慢", 9), ("产品bug", "人脸识别戴眼镜时失败", 6),
    ("产品bug", "扣款失败却显示逾期", 3), ("新渠道", "用户从小红书推荐来注册", 7), ("新渠道", "抖音广告带来的高意向用户", 5),
    ("新需求", "支持微信还款", 11), ("新需求", "按周还款降低预算压力", 8), ("新需求", "提前还款入口更明显", 4),
    ("其他", "催收短信频率过高引起反感", 5), ("其他", "客服专线高峰期打不通", 3),
]
SNIPPETS = [
    ("流失召回开场白", "您好{姓名}，我是XX金融的用户运营小李。您的额度{额度}元还为您保留着，本周借款可享8折利息，需要我帮您看看吗？", ["召回", "电话"]),
    ("次日微信关怀+优惠券", "{姓名}您好，昨天电话里说到的免息券已经发到您账户了，{到期日}前有效，有问题随时找我～", ["召回", "微信"]),
    ("提现到账时间说明", "提现申请通过后一般T+1个工作日到账，节假日顺延；超过2个工作日未到账请把银行卡后四位发我核查。", ["咨询"]),
    ("额度下降解释", "额度是系统根据近期信用表现综合评估的，按时还款3期后会重新评估，可能恢复或提升。", ["咨询"]),
    ("首借免息引导", "{姓名}您好，新用户首借{额度}元以内7天免息，借款页面点「立即借款」两步就能完成。", ["转化"]),
    ("投诉安抚SOP", "1. 先致歉并复述问题 2. 记录订单号和时间 3. 承诺24小时内回电 4. 结果同步给用户并回访", ["投诉", "SOP"]),
    ("提前还款说明", "提前还款不收手续费，利息按实际使用天数计算，在「我的借款」里点「提前还款」即可。", ["咨询"]),
    ("3天后短信提醒", "【XX金融】{姓名}您好，您的专属降息券将于{到期日}到期，回复1我们安排专人为您办理。", ["召回", "短信"]),
]


def _pick(rng: random.Random, weighted: list[tuple[str, int]]) -> str:
    values, weights = zip(*weighted)
    return rng.choices(values, weights)[0]


def _fill(template: str, rng: random.Random) -> str:
    return template.format(n=rng.choice([3, 6, 12]), amount=rng.choice([2000, 3000, 5000, 8000, 10000, 20000]))


def _phone(rng: random.Random, taken: set[str]) -> str:
    while True:
        phone = rng.choice(["13", "15", "18", "17", "19"]) + str(rng.randint(0, 9)) + f"{rng.randint(0, 99_999_999):08d}"
        if phone not in taken:
            taken.add(phone)
            return phone


def fill(db: Database, today: date, scale: int, rng: random.Random) -> None:
    """Add realistic, coherent demo rows dated around today; scale multiplies the volume."""
    now = datetime.combine(today, datetime.min.time()).replace(hour=9, minute=30)
    snippet_ids = [create_snippet(db, title, body, tags, now=now - timedelta(days=60)) for title, body, tags in SNIPPETS]
    user_ids = _fill_users(db, today, scale, rng)
    _fill_contacts(db, today, scale, rng, user_ids, snippet_ids)
    _fill_findings(db, rng, now)
    _fill_sequence(db, rng, now, user_ids)
    _fill_follow_ups(db, today, rng, now)


def _fill_users(db: Database, today: date, scale: int, rng: random.Random) -> list[int]:
    first_id = (db.execute("SELECT coalesce(max(id), 0) FROM users").fetchone()[0]) + 1
    taken: set[str] = set()
    rows = []
    for i in range(USERS_PER_SCALE * scale):
        created = today - timedelta(days=rng.randint(DAYS, 600))
        stage = _pick(rng, STAGE_WEIGHTS)
        attributes = {"注册时间": created.isoformat(), "借款次数": rng.randint(0, 12),
                      "累计借款金额": rng.choice([0, 3000, 5000, 8000, 12000, 20000, 39000]),
                      "额度": rng.choice([3000, 5000, 8000, 10000, 20000])}
        rows.append((first_id + i, f"U2025{first_id + i:05d}", rng.choice(SURNAMES) + rng.choice(GIVEN),
                     _phone(rng, taken), f"wx_{rng.randint(100000, 999999)}" if rng.random() < 0.4 else None,
                     rng.choice(CHANNELS_OF_USERS), "召回中" if stage == "召回中" else stage,
                     json.dumps(rng.choice(TAGS), ensure_ascii=False), "", json.dumps(attributes, ensure_ascii=False),
                     f"{created.isoformat()}T10:00:00", f"{created.isoformat()}T10:00:00"))
    for start in range(0, len(rows), BATCH):
        db.conn.executemany(
            "INSERT INTO users (id, external_id, name, phone, wechat, channel, stage, tags, notes, attributes, created_at,"
            " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows[start:start + BATCH])
    # 王芳 is the name the screens and the tests look for.
    db.execute("UPDATE users SET name = '王芳', stage = '召回中', channel = '抖音信息流' WHERE id = ?", [first_id])
    return [r[0] for r in rows]


def _fill_contacts(db, today, scale, rng, user_ids, snippet_ids) -> None:
    # The trigram index is built once after the bulk load ('rebuild') instead of row by row through
    # its triggers: measured about twice as fast at --scale 100. The triggers come back unchanged.
    triggers = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'contacts'"
                          " AND sql LIKE '%contacts_fts%'").fetchall()
    for name, _sql in triggers:
        db.execute(f"DROP TRIGGER [{name}]")
    try:
        _bulk_contacts(db, today, scale, rng, user_ids, snippet_ids)
        db.execute("INSERT INTO contacts_fts (contacts_fts) VALUES ('rebuild')")
    finally:
        for _name, sql in triggers:
            db.execute(sql)


def _bulk_contacts(db, today, scale, rng, user_ids, snippet_ids) -> None:
    total = CONTACTS_PER_SCALE * scale
    first_id = (db.execute("SELECT coalesce(max(id), 0) FROM contacts").fetchone()[0]) + 1
    start = datetime.combine(today - timedelta(days=DAYS), datetime.min.time())
    # Office hours, fewer contacts at weekends; sorted, so ids grow with time (search ranks
    # contacts newest first by id).
    stamps = []
    while len(stamps) < total:
        day = rng.randrange(DAYS)
        if (start + timedelta(days=day)).weekday() >= 5 and rng.random() < 0.7:
            continue
        stamps.append(day * 86400 + 9 * 3600 + rng.randrange(10 * 3600))
    stamps.sort()
    last_contact: dict[int, str] = {}
    used: dict[int, int] = {}
    hot_users = user_ids[: max(20, len(user_ids) // 50)]  # a few users the operator talks to often
    batch, short = [], []
    for i, offset in enumerate(stamps):
        at = start + timedelta(seconds=offset)
        at_text = at.strftime("%Y-%m-%dT%H:%M:%S")
        user_id = rng.choice(hot_users) if rng.random() < 0.15 else rng.choice(user_ids)
        topic = _pick(rng, TOPIC_WEIGHTS)
        outcome = _pick(rng, OUTCOMES_BY_TOPIC[topic])
        channel = _pick(rng, CHANNEL_WEIGHTS)
        summary = "" if outcome == "未接通" and rng.random() < 0.6 else _fill(rng.choice(SUMMARIES[topic]), rng)
        snippet_id = rng.choice(snippet_ids) if rng.random() < 0.2 else None
        if snippet_id:
            used[snippet_id] = used.get(snippet_id, 0) + 1
        contact_id = first_id + i
        batch.append((contact_id, user_id, at_text, channel, "呼入" if rng.random() < 0.3 else "呼出", topic, summary,
                      outcome, None, rng.randint(30, 900) if channel == "电话" and outcome != "未接通" else None,
                      snippet_id, 1, at_text))
        short.append((contact_id, summary))
        if at_text > last_contact.get(user_id, ""):
            last_contact[user_id] = at_text
        if len(batch) >= BATCH:
            _insert_contacts(db, batch, short)
            batch, short = [], []
    _insert_contacts(db, batch, short)
    db.conn.executemany("UPDATE users SET last_contact_at = ? WHERE id = ?", [(v, k) for k, v in last_contact.items()])
    db.conn.executemany("UPDATE snippets SET use_count = ? WHERE id = ?", [(v, k) for k, v in used.items()])


def _insert_contacts(db, batch, short) -> None:
    db.conn.executemany(
        "INSERT INTO contacts (id, user_id, at, channel, direction, topic, summary, outcome, follow_up_due, duration_s,"
        " snippet_id, attempt, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch)
    search_index.index_contacts(db, short)


def _fill_findings(db, rng, now) -> None:
    contacts = db.execute("SELECT id, user_id, at FROM contacts WHERE topic IN ('产品反馈', '投诉') ORDER BY id DESC LIMIT 400").fetchall()
    for kind, text, mentions in FINDINGS:
        for n in range(mentions):
            contact_id, user_id, at = rng.choice(contacts)
            # Slightly different wordings of the same finding, as different calls would phrase it.
            wording = text if n == 0 or n % 3 else text + rng.choice(["", "（用户反馈）", "，多位用户提到"])
            raise_finding(db, kind, wording, contact_id=contact_id, user_id=user_id,
                          now=datetime.fromisoformat(at))
    statuses = ["已反馈", "已验证", "新发现", "已关闭", "已反馈"]
    for i, (finding_id,) in enumerate(db.execute("SELECT id FROM findings ORDER BY id").fetchall()):
        status = statuses[i % len(statuses)]
        if status != "新发现":
            db.execute("UPDATE findings SET status = ?, reported_at = ? WHERE id = ?", [status, now.isoformat(timespec="seconds"), finding_id])


def _fill_sequence(db, rng, now, user_ids) -> None:
    sequence_id = create_sequence(db, "流失用户召回（11月）", [
        Step(1, 0, 10, "电话", "电话召回"), Step(2, 1, 10, "微信", "次日微信关怀+优惠券"), Step(3, 3, 10, "短信", "3天后短信提醒"),
    ], description="电话召回 → 次日微信关怀+优惠券 → 3天后短信", now=now - timedelta(days=14))
    candidates = [r[0] for r in db.execute("SELECT id FROM users WHERE stage IN ('召回中', '流失') ORDER BY id LIMIT 200")]
    started = now  # the list went out this morning: the queue shows n/200 contacted so far
    enrolments = start_sequence(db, sequence_id, candidates, list_name="流失用户_202611.xlsx", now=started)
    for enrolment_id in enrolments[1:]:  # the first (王芳) stays at step 1 for the screens
        roll = rng.random()
        when = started + timedelta(minutes=rng.randint(0, 120))
        if roll < 0.03:
            advance(db, enrolment_id, "已转化", NextStep(ends_sequence="已转化"), now=when)
        elif roll < 0.05:
            advance(db, enrolment_id, "拒绝", NextStep(ends_sequence="已停止"), now=when)
        elif roll < 0.12:
            advance(db, enrolment_id, "已解决", NextStep(), now=when)
        if roll < 0.12:
            user_id = db.execute("SELECT user_id FROM sequence_enrolments WHERE id = ?", [enrolment_id]).fetchone()[0]
            at = when.strftime("%Y-%m-%dT%H:%M:%S")
            outcome = db.execute("SELECT last_outcome FROM sequence_enrolments WHERE id = ?", [enrolment_id]).fetchone()[0]
            cid = db.execute("INSERT INTO contacts (user_id, at, channel, direction, topic, summary, outcome, enrolment_id,"
                             " attempt, created_at) VALUES (?, ?, '电话', '呼出', '召回', ?, ?, ?, 1, ?)",
                             [user_id, at, "流失用户召回，说明了降息活动", outcome, enrolment_id, at]).lastrowid
            search_index.index_contact(db, cid, "流失用户召回，说明了降息活动")
            db.execute("UPDATE users SET last_contact_at = max(coalesce(last_contact_at, ''), ?),"
                       " stage = CASE WHEN ? = '已转化' THEN '已召回' ELSE stage END WHERE id = ?", [at, outcome, user_id])


def _fill_follow_ups(db, today, rng, now) -> None:
    from workbench.tasks.repository import create_task

    rows = db.execute("SELECT c.id, c.user_id, c.topic, u.name FROM contacts c JOIN users u ON u.id = c.user_id"
                      " WHERE c.outcome = '待跟进' ORDER BY c.id DESC LIMIT 16").fetchall()
    for n, (contact_id, user_id, topic, name) in enumerate(rows):
        due = today + timedelta(days=rng.choice([-2, -1, 0, 0, 0, 1, 2, 3]))
        due_text = f"{due.isoformat()}T{rng.choice([10, 14, 16]):02d}:00"
        db.execute("UPDATE contacts SET follow_up_due = ? WHERE id = ?", [due_text, contact_id])
        about = {"zh": topic, "en": shown(topic, "en")} if topic else None  # the app's own follow-up title
        create_task(db, "", title_kind="follow_up", title_params={"name": name, "about": about}, important=True, urgent=due <= today + timedelta(days=1), due=due_text,
                    user_id=user_id, contact_id=contact_id, tags=["跟进"], now=now - timedelta(days=2))
