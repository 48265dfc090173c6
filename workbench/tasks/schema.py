"""Tables of the tasks feature, as a sqlite-utils Migrations set (see workbench/schema.py)."""
from workbench.store.migrate import Database, Migrations  # sqlite-utils' own, loaded without numpy

migrations = Migrations("tasks")


@migrations()
def create_tasks(db: Database) -> None:
    # Links to users/contacts/PDCA cycles/alerts are plain integers: those tables belong to other
    # features and may not exist yet (or be created later), so no FOREIGN KEY constraints here.
    db["tasks"].create(
        {
            "id": int,
            "title": str,
            "notes": str,
            "important": int,  # 0/1
            "urgent": int,  # 0/1
            "status": str,  # 'open' | 'done' | 'dropped'
            "due": str,  # 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM' or NULL
            "recurrence": str,  # RFC 5545 RRULE body ('FREQ=WEEKLY;BYDAY=MO') or NULL
            "tags": str,  # JSON list of strings
            "created_at": str,  # local time 'YYYY-MM-DDTHH:MM:SS'
            "triaged_at": str,  # NULL ⇒ still in the inbox
            "done_at": str,  # when it was done or dropped
            "position": float,  # order inside its quadrant (fractional, so a move touches one row)
            "user_id": int,
            "contact_id": int,
            "pdca_cycle_id": int,
            "alert_id": int,
            "promoted_on": str,  # 'YYYY-MM-DD' when 重要不紧急 was promoted to 重要且紧急 by its due date
        },
        pk="id",
        not_null={"title", "important", "urgent", "status", "tags", "created_at", "position"},
        defaults={"notes": "", "important": 0, "urgent": 0, "status": "open", "tags": "[]", "position": 0},
    )
    # The matrix query reads open tasks only, grouped by quadrant and ordered by position.
    db["tasks"].create_index(["status", "important", "urgent", "position"], index_name="idx_tasks_matrix")
    db["tasks"].create_index(["status", "triaged_at"], index_name="idx_tasks_inbox")
    db["tasks"].create_index(["done_at"], index_name="idx_tasks_done_at")
    db["tasks"].create_index(["status", "due"], index_name="idx_tasks_due")
    for link in ("user_id", "contact_id", "pdca_cycle_id", "alert_id"):
        db["tasks"].create_index([link], index_name=f"idx_tasks_{link}")


@migrations()
def add_sequence_link(db: Database) -> None:
    # One task per (recall sequence, due day) instead of one per enrolled user: the task points at
    # the sequence's queue. The contacts set adds the column first on a file that has recall
    # sequences (it converts the old per-user tasks and runs before this set), hence the check.
    if "sequence_id" not in db["tasks"].columns_dict:
        db.execute("ALTER TABLE tasks ADD COLUMN sequence_id INTEGER")
    db.execute("CREATE INDEX IF NOT EXISTS idx_tasks_sequence_id ON tasks (sequence_id)")


@migrations()
def add_sequence_day(db: Database) -> None:
    # A recall day task stands for one queue day, kept apart from its due date: the operator may move
    # the task to another day, and the next count must still find it (not make a second one).
    db.execute("ALTER TABLE tasks ADD COLUMN sequence_day TEXT")
    db.execute("UPDATE tasks SET sequence_day = substr(due, 1, 10) WHERE sequence_id IS NOT NULL")


@migrations()
def add_task_reminders(db: Database) -> None:
    # Reminder state of a task (tasks/reminders.py): the schedule itself is the tasks' due times;
    # this row only says what the operator did with it, so it survives a restart. No row ⇒ remind.
    db.execute("CREATE TABLE IF NOT EXISTS task_reminders ("
               " task_id INTEGER PRIMARY KEY,"
               " muted INTEGER NOT NULL DEFAULT 0,"  # 1 ⇒ 不提醒 for this task
               " snoozed_until TEXT,"  # 'YYYY-MM-DDTHH:MM:SS': 稍后提醒 moved it here
               " shown_due TEXT)")  # the due value whose reminder was last shown (shown once)
    db.execute("CREATE INDEX IF NOT EXISTS idx_task_reminders_snoozed ON task_reminders (snoozed_until)")


@migrations()
def index_pdca_activity(db: Database) -> None:
    # The PDCA board (and the rail badge, recounted after every write) asks for each cycle's last done
    # task: a covering index over only the linked tasks answers that without reading 100k task rows.
    db.execute("CREATE INDEX IF NOT EXISTS idx_tasks_pdca_done ON tasks (pdca_cycle_id, status, done_at)"
               " WHERE pdca_cycle_id IS NOT NULL")


@migrations()
def add_promotion_overruled(db: Database) -> None:
    # The due date for which the operator moved a task back to 重要不紧急: the morning promotion leaves
    # it there (it promotes it again only when the due date changes).
    if "kept_not_urgent_for_due" not in db["tasks"].columns_dict:
        db.execute("ALTER TABLE tasks ADD COLUMN kept_not_urgent_for_due TEXT")


@migrations()
def add_generated_titles(db: Database) -> None:
    # A title the app generates is kept as a kind and its parameters (tasks/generated_text.py) and shown
    # in the language the user reads now; `title` keeps the text it had when made. Titles already stored
    # are recognised where every parameter can be read back (stall, redial and recall-day tasks, in either
    # language); the others (alert and follow-up tasks, whose rule or topic words were written in one
    # language only) stay the plain text they are.
    from workbench.tasks.generated_text import params_json, recognise

    columns = db["tasks"].columns_dict
    for column in ("title_kind", "title_params"):
        if column not in columns:
            db.execute(f"ALTER TABLE tasks ADD COLUMN {column} TEXT")
    link_of = {"pdca_stalled": "pdca_cycle_id", "pdca_check_overdue": "pdca_cycle_id", "redial": "user_id",
               "recall_day": "sequence_id"}
    rows = db.execute("SELECT id, title, pdca_cycle_id, user_id, sequence_id FROM tasks"
                      " WHERE pdca_cycle_id IS NOT NULL OR user_id IS NOT NULL OR sequence_id IS NOT NULL").fetchall()
    updates = []
    for task_id, title, pdca_cycle_id, user_id, sequence_id in rows:
        found = recognise(title)
        links = {"pdca_cycle_id": pdca_cycle_id, "user_id": user_id, "sequence_id": sequence_id}
        if found and links[link_of[found[0]]] is not None:
            updates.append((found[0], params_json(found[1]), task_id))
    if updates:
        db.conn.executemany("UPDATE tasks SET title_kind = ?, title_params = ? WHERE id = ?", updates)
