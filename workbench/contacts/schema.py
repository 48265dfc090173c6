"""Tables of the contacts feature, as a sqlite-utils Migrations set (see workbench/schema.py).

Search indexes:
- `<table>_fts`: FTS5 trigram, external content, kept in sync by triggers. Answers queries of
  three or more characters (a trigram index returns nothing for shorter ones).
- `contacts_short`: contentless FTS5 over the summary written one character per token, so a 1- or
  2-character query is an indexed phrase query ("预 算") instead of a LIKE scan over a million
  rows. It is written by workbench/contacts/search_index.py, not by triggers, because the spacing
  is done in Python.
"""
from workbench.store.migrate import Database, Migrations  # sqlite-utils' own, loaded without numpy

migrations = Migrations("contacts")

STAGES = ["新用户", "活跃", "沉默", "流失", "召回中", "已召回"]
FINDING_KINDS = ["产品bug", "新渠道", "新需求", "其他"]
FINDING_STATUSES = ["新发现", "已反馈", "已验证", "已关闭"]


@migrations()
def create_users_contacts_findings(db: Database) -> None:
    db["users"].create(
        {
            "id": int, "external_id": str, "name": str, "phone": str, "wechat": str, "channel": str,
            "stage": str, "tags": str, "notes": str, "attributes": str,
            "created_at": str, "updated_at": str, "last_contact_at": str,
        },
        pk="id", defaults={"stage": "新用户", "tags": "[]", "attributes": "{}", "notes": ""},
    )
    for columns in (["external_id"], ["phone"], ["name"], ["stage"], ["last_contact_at"], ["channel"]):
        db["users"].create_index(columns)

    db["snippets"].create(
        {"id": int, "title": str, "body": str, "tags": str, "use_count": int, "archived": int,
         "created_at": str, "updated_at": str},
        pk="id", defaults={"tags": "[]", "use_count": 0, "archived": 0},
    )

    db["contacts"].create(
        {
            "id": int, "user_id": int, "at": str, "channel": str, "direction": str, "topic": str,
            "summary": str, "outcome": str, "follow_up_due": str, "duration_s": int,
            "snippet_id": int, "pdca_cycle_id": int, "enrolment_id": int, "attempt": int,
            "created_at": str,
        },
        pk="id", foreign_keys=[("user_id", "users", "id"), ("snippet_id", "snippets", "id")],
        defaults={"summary": "", "attempt": 1},
    )
    for columns in (["user_id", "at"], ["at"], ["outcome"], ["follow_up_due"], ["topic"],
                    ["snippet_id"], ["pdca_cycle_id"], ["enrolment_id"]):
        db["contacts"].create_index(columns)

    db["findings"].create(
        {
            "id": int, "kind": str, "text": str, "status": str, "mentions": int, "user_count": int,
            "source_contact_id": int, "merged_into_id": int, "created_at": str, "updated_at": str,
            "reported_at": str, "verified_at": str, "closed_at": str,
        },
        pk="id", foreign_keys=[("source_contact_id", "contacts", "id")],
        defaults={"status": "新发现", "mentions": 1, "user_count": 0},
    )
    db["findings"].create_index(["kind", "status"])
    db["findings"].create_index(["merged_into_id"])
    # Who mentioned a finding, from which contact: the count of users on the board comes from here.
    db["finding_mentions"].create(
        {"id": int, "finding_id": int, "user_id": int, "contact_id": int, "at": str},
        pk="id", foreign_keys=[("finding_id", "findings", "id")],
    )
    db["finding_mentions"].create_index(["finding_id"])
    db["finding_mentions"].create_index(["contact_id"])


@migrations()
def create_sequences(db: Database) -> None:
    db["sequences"].create(
        {"id": int, "name": str, "description": str, "active": int, "created_at": str},
        pk="id", defaults={"active": 1, "description": ""},
    )
    # delay_days counts from the previous touch (the first from the start of the sequence).
    db["sequence_steps"].create(
        {"id": int, "sequence_id": int, "position": int, "delay_days": int, "hour": int,
         "channel": str, "title": str, "snippet_id": int},
        pk="id", foreign_keys=[("sequence_id", "sequences", "id")], defaults={"hour": 10},
    )
    db["sequence_steps"].create_index(["sequence_id", "position"], unique=True)
    # status: 进行中 / 已转化 / 已完成 / 已停止
    db["sequence_enrolments"].create(
        {"id": int, "sequence_id": int, "user_id": int, "status": str, "step": int, "next_due": str,
         "task_id": int, "started_at": str, "ended_at": str, "last_outcome": str, "list_name": str},
        pk="id", foreign_keys=[("sequence_id", "sequences", "id"), ("user_id", "users", "id")],
        defaults={"status": "进行中", "step": 1},
    )
    db["sequence_enrolments"].create_index(["sequence_id", "status"])
    db["sequence_enrolments"].create_index(["user_id"])
    db["sequence_enrolments"].create_index(["status", "next_due"])


@migrations()
def create_options_and_cadence(db: Database) -> None:
    # Editable pick lists of the contact form. kind: channel / direction / topic / outcome.
    # next_step (outcomes only) is JSON, e.g. {"retry_hours": 2, "max_tries": 3, "then_channel": "短信"}.
    db["contact_options"].create(
        {"id": int, "kind": str, "value": str, "position": int, "next_step": str, "active": int},
        pk="id", defaults={"active": 1, "next_step": ""},
    )
    db["contact_options"].create_index(["kind", "value"], unique=True)
    # How often each stage (or tag) should hear from the operator; feeds the "due" list.
    db["contact_cadence"].create(
        {"id": int, "scope": str, "value": str, "days": int}, pk="id",
    )
    db["contact_cadence"].create_index(["scope", "value"], unique=True)
    lists = {
        "channel": ["电话", "微信", "短信", "APP内", "邮件", "其他"],
        "direction": ["呼出", "呼入"],
        "topic": ["咨询", "投诉", "召回", "转化", "回访", "产品反馈", "其他"],
        "outcome": ["已解决", "待跟进", "已转化", "未接通", "拒绝", "流失"],
    }
    next_steps = {
        "未接通": '{"retry_hours": 2, "max_tries": 3, "then_channel": "短信"}',
        "待跟进": '{"follow_up_days": 1}',
        "已转化": '{"ends_sequence": "已转化", "stage_from": {"召回中": "已召回", "流失": "已召回", "沉默": "活跃"}}',
        "拒绝": '{"ends_sequence": "已停止"}',
        "流失": '{"ends_sequence": "已停止", "stage": "流失"}',
    }
    db["contact_options"].insert_all(
        {"kind": kind, "value": value, "position": i, "next_step": next_steps.get(value, "") if kind == "outcome" else ""}
        for kind, values in lists.items() for i, value in enumerate(values)
    )
    db["contact_cadence"].insert_all([
        {"scope": "stage", "value": "新用户", "days": 3}, {"scope": "stage", "value": "活跃", "days": 30},
        {"scope": "stage", "value": "沉默", "days": 14}, {"scope": "stage", "value": "流失", "days": 30},
        {"scope": "stage", "value": "召回中", "days": 2}, {"scope": "stage", "value": "已召回", "days": 7},
        {"scope": "tag", "value": "VIP", "days": 7},
    ])


@migrations()
def create_search_indexes(db: Database) -> None:
    db["users"].enable_fts(["name", "external_id", "phone", "wechat", "tags", "notes"],
                           tokenize="trigram", create_triggers=True)
    db["contacts"].enable_fts(["summary"], tokenize="trigram", create_triggers=True)
    db["findings"].enable_fts(["text"], tokenize="trigram", create_triggers=True)
    db["snippets"].enable_fts(["title", "body"], tokenize="trigram", create_triggers=True)
    db.execute("CREATE VIRTUAL TABLE contacts_short USING fts5(chars, content='', columnsize=0, tokenize='unicode61')")


@migrations()
def one_recall_task_per_day(db: Database) -> None:
    """Recall sequences used to put one task per enrolled user per touch into the matrix (200 users ⇒
    200 tasks in 重要且紧急). Now each (sequence, due day) has one task that counts the queue
    (workbench/contacts/sequences.py sync_queue_tasks): the old open per-user touch tasks go, and
    the day tasks are written here, in plain SQL, so this migration never changes with that code."""
    if not db["tasks"].exists():  # a new file: the tasks set creates the table (with the column) later
        return
    if "sequence_id" not in db["tasks"].columns_dict:  # the tasks set's own migration runs after this one
        db.execute("ALTER TABLE tasks ADD COLUMN sequence_id INTEGER")
    db.execute("DELETE FROM tasks WHERE status = 'open' AND id IN"
               " (SELECT task_id FROM sequence_enrolments WHERE status = '进行中' AND task_id IS NOT NULL)")
    db.execute("UPDATE sequence_enrolments SET task_id = NULL WHERE task_id IS NOT NULL")
    rows = db.execute(
        "SELECT e.sequence_id, q.name, substr(e.next_due, 1, 10) AS day, min(e.next_due), s.title, count(*)"
        " FROM sequence_enrolments e JOIN sequences q ON q.id = e.sequence_id"
        " JOIN sequence_steps s ON s.sequence_id = e.sequence_id AND s.position = e.step"
        " WHERE e.status = '进行中' AND e.next_due IS NOT NULL"
        " GROUP BY e.sequence_id, day, e.step ORDER BY e.sequence_id, day, e.step").fetchall()
    days: dict[tuple[int, str], dict] = {}
    for sequence_id, name, day, first_due, title, count in rows:
        entry = days.setdefault((sequence_id, day), {"name": name, "due": first_due, "steps": []})
        entry["due"] = min(entry["due"], first_due)
        entry["steps"].append((title, count))
        entry["total"] = entry.get("total", 0) + count
    now = db.execute("SELECT strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'), date('now', 'localtime')").fetchone()
    position = db.execute("SELECT coalesce(max(position), 0) FROM tasks WHERE status = 'open' AND important = 1"
                          " AND urgent = 1 AND triaged_at IS NOT NULL").fetchone()[0]
    for (sequence_id, day), entry in days.items():
        position += 1.0
        steps = entry["steps"][0][0] if len(entry["steps"]) == 1 else " · ".join(f"{t} {n}" for t, n in entry["steps"])
        title = f"{entry['name']}：{entry['total']} 人待联系（{steps}）"
        db.execute("INSERT INTO tasks (title, notes, important, urgent, status, due, tags, created_at, triaged_at,"
                   " position, sequence_id) VALUES (?, '', 1, ?, 'open', ?, '[\"召回\"]', ?, ?, ?, ?)",
                   [title, int(day <= now[1]), entry["due"][:16], now[0], now[0], position, sequence_id])


@migrations()
def index_users_by_stage_and_last_touch(db: Database) -> None:
    """Who is past their cadence (contacts/due.py) reads the longest-untouched users of each stage from
    this index instead of ranking all users (~150 ms at 100k users, on every save in 待跟进)."""
    db.execute("CREATE INDEX IF NOT EXISTS idx_users_stage_touch ON users (stage, coalesce(last_contact_at, created_at))")


@migrations()
def add_generated_snippet_titles(db: Database) -> None:
    # An SOP written by PDCA's 标准化 has a generated title ("SOP：<cycle>"), kept as a kind and its
    # parameters (tasks/generated_text.py) and shown in the language the user reads; ones already stored
    # in either language are recognised by their prefix.
    import json

    if not db["snippets"].exists():
        return
    for column in ("title_kind", "title_params"):
        if column not in db["snippets"].columns_dict:
            db.execute(f"ALTER TABLE snippets ADD COLUMN {column} TEXT")
    rows = db.execute("SELECT id, title FROM snippets WHERE title LIKE 'SOP：%' OR title LIKE 'SOP: %'").fetchall()
    db.conn.executemany("UPDATE snippets SET title_kind = 'sop', title_params = ? WHERE id = ?",
                        [(json.dumps({"title": title[4:].strip() if title.startswith("SOP：") else title[5:].strip()},
                                     ensure_ascii=False), snippet_id) for snippet_id, title in rows])
