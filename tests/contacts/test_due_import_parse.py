"""The due list and cadence, user list import, the follow-up field, the demo data."""
import csv
import json
from datetime import date, datetime

import pytest

from workbench.contacts.contact_log import log_contact
from workbench.contacts.due import cadence_due, count_due_follow_ups, due_follow_ups, set_cadence
from workbench.contacts.follow_up_parse import parse_follow_up
from workbench.contacts.user_import import import_user_list, read_user_list
from workbench.contacts.users import create_user, get_user
from workbench.errors import UserError
from workbench.store import write_transaction

NOW = datetime(2026, 11, 25, 9, 30)


def test_cadence_per_stage_and_tag_resets_with_a_contact(db):
    silent = create_user(db, name="沉默甲", stage="沉默", now=datetime(2026, 10, 1))
    vip = create_user(db, name="贵宾", stage="活跃", tags=["VIP"], now=datetime(2026, 11, 10))
    fresh = create_user(db, name="活跃乙", stage="活跃", now=datetime(2026, 11, 10))
    due = {c.user_id: c for c in cadence_due(db, date(2026, 11, 25))}
    assert set(due) == {silent, vip}  # 沉默 14 days; VIP tag 7 days beats 活跃's 30
    assert due[vip].days == 7
    log_contact(db, user_id=silent, now=NOW)
    assert silent not in {c.user_id for c in cadence_due(db, date(2026, 11, 25))}
    set_cadence(db, "stage", "活跃", 10)
    assert fresh in {c.user_id for c in cadence_due(db, date(2026, 11, 25))}


@pytest.mark.parametrize("seed, limit", [(seed, limit) for seed in range(4) for limit in (1, 7, 40)])
def test_cadence_ranking_equals_ranking_every_user(db, seed, limit):
    """The candidates-only ranking gives exactly what ranking all users would, ties included."""
    import random
    from datetime import timedelta

    rng = random.Random(seed)
    stages, tags = ["新用户", "活跃", "沉默", "流失", "召回中", "已召回", None], [[], [], ["VIP"], ["VIP", "高额度"], ["高额度"]]
    set_cadence(db, "tag", "高额度", 5)
    with write_transaction(db):
        for n in range(400):
            touched = datetime(2026, 11, 25, 9) - timedelta(days=rng.randint(0, 40), hours=rng.randint(0, 8))
            db.execute("INSERT INTO users (name, stage, tags, created_at, last_contact_at) VALUES (?, ?, ?, ?, ?)",
                       [f"用户{n}", rng.choice(stages), json.dumps(rng.choice(tags), ensure_ascii=False),
                        "2026-08-01T09:00:00", touched.isoformat(timespec="seconds") if rng.random() < 0.9 else None])
    rules = {(scope, value): days for scope, value, days in db.execute("SELECT scope, value, days FROM contact_cadence")}
    today, expected = date(2026, 11, 25), []
    for user_id, stage, tag_text, touched, created in db.execute(
            "SELECT id, stage, tags, last_contact_at, created_at FROM users"):
        days = [rules[("stage", stage)]] if ("stage", stage) in rules else []
        days += [rules[("tag", t)] for t in json.loads(tag_text) if ("tag", t) in rules]
        if not days:
            continue
        since = (today - date.fromisoformat((touched or created)[:10])).days
        if (touched or created) < (today - timedelta(days=min(days))).isoformat():
            expected.append((-since / min(days), user_id))
    ranked = [user_id for _ratio, user_id in sorted(expected)[:limit]]
    assert len(ranked) == limit
    assert [c.user_id for c in cadence_due(db, today, limit=limit)] == ranked


def test_cadence_ties_on_the_last_candidate_day_keep_the_id_order(db):
    """Two users touched on the same day count as equally overdue; the lower id comes first."""
    later_in_day = create_user(db, name="下午联系", stage="沉默", now=datetime(2026, 10, 1, 15))
    earlier_in_day = create_user(db, name="上午联系", stage="沉默", now=datetime(2026, 10, 1, 9))
    assert [c.user_id for c in cadence_due(db, date(2026, 11, 25), limit=1)] == [later_in_day]
    assert {c.user_id for c in cadence_due(db, date(2026, 11, 25), limit=2)} == {later_in_day, earlier_in_day}


def test_due_follow_ups_today_and_overdue(db):
    user = create_user(db, name="王芳", now=NOW)
    log_contact(db, user_id=user, follow_up_due="2026-11-24", now=datetime(2026, 11, 20, 9))
    log_contact(db, user_id=user, follow_up_due="2026-11-25T16:00", now=datetime(2026, 11, 20, 10))
    log_contact(db, user_id=user, follow_up_due="2026-11-28", now=datetime(2026, 11, 20, 11))
    items = due_follow_ups(db, date(2026, 11, 25))
    assert [(i.due, i.overdue) for i in items] == [("2026-11-24", True), ("2026-11-25T16:00", False)]
    assert count_due_follow_ups(db, date(2026, 11, 25)) == 2


def test_import_the_lenders_user_list_twice_deduplicates(db, report_files):
    users = report_files.users
    first = import_user_list(db, users.path, now=NOW)
    assert (first.rows, first.created) == (len(users.rows), len(users.rows))
    second = import_user_list(db, users.path, now=NOW)
    assert (second.created, second.matched) == (0, len(users.rows))
    user, written = get_user(db, first.user_ids[0]), users.rows[0]
    assert user.external_id == written["用户ID"] and user.channel == written["注册渠道"]
    assert user.attributes["累计借款金额"] == written["累计借款金额"]
    assert user.attributes["注册时间"] == written["注册时间"].strftime("%Y-%m-%d %H:%M")


def test_import_gbk_csv_with_names_and_a_sequence(db, tmp_path):
    from workbench.contacts.sequences import Step, create_sequence

    path = tmp_path / "召回名单.csv"
    with open(path, "w", encoding="gb18030", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["姓名", "手机号码", "标签", "最近借款"])
        writer.writerow(["张伟", "13800001111", "VIP 高额度", "2026-05-01"])
        writer.writerow(["李娜", "12345678901", "", "2026-04-01"])
        writer.writerow(["张伟", "13800001111", "", ""])
    sequence = create_sequence(db, "召回", [Step(1, 0, 10, "电话", "电话召回")], now=NOW)
    result = import_user_list(db, path, sequence_id=sequence, now=NOW)
    assert (result.rows, result.created, result.matched, result.enrolled) == (3, 2, 1, 2)
    # One sentence names the file row (header on line 1) of the phone that is not a mainland mobile.
    assert result.phone_warning[0] == "1 行的手机号不是有效的大陆手机号（第 3 行），已照常导入，请核对。"
    assert get_user(db, result.user_ids[0]).tags == ["VIP", "高额度"]


def test_a_file_without_user_columns_is_a_sentence(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("日期,金额\n2026-11-01,3\n", encoding="utf-8")
    with pytest.raises(UserError):
        read_user_list(path)


@pytest.mark.parametrize("typed, expected", [
    ("明天", "2026-11-26"), ("后天 10:00", "2026-11-27T10:00"), ("+3", "2026-11-28"), ("周五", "2026-11-27"),
    ("下周一", "2026-11-30"), ("11-27 14:30", "2026-11-27T14:30"), ("2026-12-01", "2026-12-01"), ("", None),
])
def test_follow_up_field(typed, expected):
    assert parse_follow_up(typed, NOW) == expected


def test_unreadable_follow_up_is_a_sentence():
    with pytest.raises(UserError):
        parse_follow_up("找个时间", NOW)


def test_demo_data_is_coherent(demo_db):
    counts = {t: demo_db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("users", "contacts", "snippets", "findings", "sequence_enrolments")}
    assert counts["users"] >= 1000 and counts["contacts"] >= 10000 and counts["snippets"] >= 8
    assert counts["findings"] >= 10 and counts["sequence_enrolments"] == 200
    dates = demo_db.execute("SELECT min(substr(at, 1, 10)), max(substr(at, 1, 10)) FROM contacts").fetchone()
    assert dates[0] >= "2026-09-30" and dates[1] <= "2026-11-25"
    assert demo_db.execute("SELECT count(*) FROM users WHERE name = '王芳'").fetchone()[0] >= 1
    # every contact is findable through the short index
    indexed = demo_db.execute("SELECT count(*) FROM contacts_short WHERE contacts_short MATCH '\"还 款\"'").fetchone()[0]
    expected = demo_db.execute("SELECT count(*) FROM contacts WHERE summary LIKE '%还款%'").fetchone()[0]
    assert indexed == expected > 0


def test_user_export_masks_phones_unless_asked_and_audits(db, tmp_path):
    from workbench.cli import main

    create_user(db, name="王芳", phone="13800138000", wechat="wx_wangfang23", notes="备用号 13912345678", now=NOW)
    masked, full = tmp_path / "users.csv", tmp_path / "users_full.csv"
    assert main(["users", "export", "--db", str(db_path_of(db)), str(masked)]) == 0
    text = masked.read_text(encoding="utf-8-sig")
    assert "138****8000" in text and "13800138000" not in text and "139****5678" in text and "wx***23" in text
    assert main(["users", "export", "--db", str(db_path_of(db)), "--unmasked", str(full)]) == 0
    assert "13800138000" in full.read_text(encoding="utf-8-sig")
    assert db.execute("SELECT action, rows, masked FROM audit_log ORDER BY id").fetchall() == [
        ("export_users", 1, 1), ("export_users", 1, 0)]


def db_path_of(db):
    return db.execute("PRAGMA database_list").fetchone()[2]
