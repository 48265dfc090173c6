"""Opening a file written before day tasks: the per-user recall touch tasks become one task per day."""
from workbench.contacts.sequences import sync_queue_tasks
from workbench.store import open_database
from tests.conftest import PINNED_NOW

OLD_STYLE = [
    "INSERT INTO sequences (id, name, description, active, created_at) VALUES (1, '流失召回', '', 1, '2020-01-01T09:00:00')",
    "INSERT INTO sequence_steps (sequence_id, position, delay_days, hour, channel, title) VALUES"
    " (1, 1, 0, 10, '电话', '电话召回'), (1, 2, 1, 14, '微信', '微信关怀')",
    "INSERT INTO users (id, name, stage) VALUES (1, '甲', '召回中'), (2, '乙', '召回中'), (3, '丙', '召回中'),"
    " (4, '丁', '已召回'), (5, '戊', '召回中')",
    # One open touch task per active user (the old behaviour), a done one of a converted user, an unrelated task.
    "INSERT INTO tasks (id, title, important, urgent, status, due, tags, created_at, triaged_at, position, user_id) VALUES"
    " (1, '电话召回：甲（流失召回 1/2）', 1, 1, 'open', '2020-01-01T10:00', '[\"召回\"]', '2020-01-01T09:00:00', '2020-01-01T09:00:00', 1, 1),"
    " (2, '电话召回：乙（流失召回 1/2）', 1, 1, 'open', '2020-01-01T10:00', '[\"召回\"]', '2020-01-01T09:00:00', '2020-01-01T09:00:00', 2, 2),"
    " (3, '微信关怀：丙（流失召回 2/2）', 1, 0, 'open', '2099-01-02T14:00', '[\"召回\"]', '2020-01-01T09:00:00', '2020-01-01T09:00:00', 3, 3),"
    " (4, '电话召回：丁（流失召回 1/2）', 1, 1, 'done', '2020-01-01T10:00', '[\"召回\"]', '2020-01-01T09:00:00', '2020-01-01T09:00:00', 4, 4),"
    " (5, '写周报', 1, 0, 'open', NULL, '[]', '2020-01-01T09:00:00', '2020-01-01T09:00:00', 5, NULL),"
    " (6, '电话召回：戊（流失召回 1/2）', 1, 0, 'open', '2099-01-02T10:00', '[\"召回\"]', '2020-01-01T09:00:00', '2020-01-01T09:00:00', 6, 5)",
    "INSERT INTO sequence_enrolments (id, sequence_id, user_id, status, step, next_due, task_id, started_at) VALUES"
    " (1, 1, 1, '进行中', 1, '2020-01-01T10:00', 1, '2020-01-01T09:00:00'),"
    " (2, 1, 2, '进行中', 1, '2020-01-01T10:00', 2, '2020-01-01T09:00:00'),"
    " (3, 1, 3, '进行中', 2, '2099-01-02T14:00', 3, '2020-01-01T09:00:00'),"
    " (4, 1, 4, '已转化', 1, '2020-01-01T10:00', NULL, '2020-01-01T09:00:00'),"
    " (5, 1, 5, '进行中', 1, '2099-01-02T10:00', 6, '2020-01-01T09:00:00')",
]
NEW_MIGRATIONS = [("contacts", "one_recall_task_per_day"), ("tasks", "add_sequence_link"), ("tasks", "add_sequence_day")]


def make_old_file(path) -> None:
    """A file as an older version left it: no tasks.sequence_id or sequence_day, those migrations not applied."""
    db = open_database(path)
    db.execute("DROP INDEX idx_tasks_sequence_id")
    db.execute("ALTER TABLE tasks DROP COLUMN sequence_id")
    db.execute("ALTER TABLE tasks DROP COLUMN sequence_day")
    for migration_set, name in NEW_MIGRATIONS:
        db.execute("DELETE FROM _sqlite_migrations WHERE migration_set = ? AND name = ?", [migration_set, name])
    for sql in OLD_STYLE:
        db.execute(sql)
    db.conn.commit()
    db.close()


def test_old_per_user_tasks_become_day_tasks(tmp_path):
    path = tmp_path / "old.db"
    make_old_file(path)
    db = open_database(path)
    try:
        tasks = db.execute("SELECT id, title, status, due, urgent, sequence_id, tags FROM tasks ORDER BY id").fetchall()
        assert tasks[:2] == [(4, "电话召回：丁（流失召回 1/2）", "done", "2020-01-01T10:00", 1, None, '["召回"]'),
                             (5, "写周报", "open", None, 0, None, "[]")]
        assert [t[1:] for t in tasks[2:]] == [
            ("流失召回：2 人待联系（电话召回）", "open", "2020-01-01T10:00", 1, 1, '["召回"]'),
            ("流失召回：2 人待联系（电话召回 1 · 微信关怀 1）", "open", "2099-01-02T10:00", 0, 1, '["召回"]')]
        assert db.execute("SELECT count(*) FROM sequence_enrolments WHERE task_id IS NOT NULL").fetchone()[0] == 0
        assert db.execute("SELECT sequence_day FROM tasks ORDER BY id").fetchall() == [
            (None,), (None,), ("2020-01-01",), ("2099-01-02",)]  # each day task knows its queue day
        # What the migration wrote is what the running code derives: syncing changes nothing.
        sync_queue_tasks(db, 1, now=PINNED_NOW)
        assert db.execute("SELECT id, title, status, due, urgent, sequence_id, tags FROM tasks ORDER BY id").fetchall() == tasks
        applied = db.execute("SELECT migration_set, name FROM _sqlite_migrations").fetchall()
        assert all(m in applied for m in NEW_MIGRATIONS)
    finally:
        db.close()


def test_a_new_file_has_the_link_column_and_no_tasks(db):
    assert "sequence_id" in db["tasks"].columns_dict
    assert "idx_tasks_sequence_id" in [i.name for i in db["tasks"].indexes]
    assert db.execute("SELECT count(*) FROM tasks").fetchone()[0] == 0
