"""Tables of the pdca feature, as a sqlite-utils Migrations set (see workbench/schema.py).

pdca_cycles  one row per cycle: the SMART goal (metric = dataset + column, baseline, target,
             deadline), hypothesis and numeric prediction, root cause, stage and its dates, the
             stored Check result (JSON), the Act decision, the link to the previous cycle
pdca_notes   the dated Do log
pdca_moves   every stage move, dated (the board's "days in stage" and the review's "moved")
"""
from workbench.store.migrate import Database, Migrations  # sqlite-utils' own, loaded without numpy

migrations = Migrations("pdca")


@migrations()
def create_pdca_tables(db: Database) -> None:
    db["pdca_cycles"].create(
        {
            "id": int,
            "title": str,
            "problem": str,
            "metric_dataset": str,  # a dataset name (reports feature)
            "metric_column": str,  # a numeric column of that dataset
            "baseline": float,
            "target": float,
            "deadline": str,  # YYYY-MM-DD
            "hypothesis": str,
            "prediction": float,  # the metric's value the operator predicts after Do
            "root_cause": str,  # the why-chain, free text
            "link_topic": str,  # contacts/findings on this topic are counted before/after
            "stage": str,  # plan | do | check | act | closed
            "stage_since": str,  # YYYY-MM-DDTHH:MM:SS
            "do_started": str,  # YYYY-MM-DD, set when the cycle enters Do
            "baseline_days": int,
            "next_review": str,  # YYYY-MM-DD
            "check_json": str,  # CheckResult.as_dict() plus linked counts
            "checked_at": str,
            "act_decision": str,  # standardize | adjust | abandon
            "act_notes": str,
            "previous_id": int,
            "snippet_id": int,  # the SOP written by 标准化
            "stall_task_id": int,  # the task raised when the cycle stalled
            "created_at": str,
            "closed_at": str,
        },
        pk="id",
        not_null={"title", "stage", "stage_since", "created_at"},
        defaults={"problem": "", "hypothesis": "", "root_cause": "", "link_topic": "", "act_notes": "",
                  "stage": "plan", "baseline_days": 14},
        foreign_keys=[("previous_id", "pdca_cycles", "id")],
    )
    db["pdca_cycles"].create_index(["stage"], index_name="idx_pdca_cycles_stage")
    db["pdca_cycles"].create_index(["previous_id"], index_name="idx_pdca_cycles_previous")
    db["pdca_notes"].create(
        {"id": int, "cycle_id": int, "at": str, "text": str},
        pk="id", not_null={"cycle_id", "at", "text"},
        foreign_keys=[("cycle_id", "pdca_cycles", "id")],
    )
    db["pdca_notes"].create_index(["cycle_id", "at"], index_name="idx_pdca_notes_cycle")
    db["pdca_moves"].create(
        {"id": int, "cycle_id": int, "from_stage": str, "to_stage": str, "at": str},
        pk="id", not_null={"cycle_id", "to_stage", "at"},
        foreign_keys=[("cycle_id", "pdca_cycles", "id")],
    )
    db["pdca_moves"].create_index(["cycle_id", "at"], index_name="idx_pdca_moves_cycle")
    db["pdca_moves"].create_index(["at"], index_name="idx_pdca_moves_at")


@migrations()
def add_cycle_alert_link(db: Database) -> None:
    """pdca_cycles.alert_id: the dashboard alert a cycle was drafted from (one cycle per alert)."""
    db.execute("ALTER TABLE pdca_cycles ADD COLUMN alert_id INTEGER")
    db["pdca_cycles"].create_index(["alert_id"], index_name="idx_pdca_cycles_alert")


@migrations()
def add_reviews_a3_groups_and_roi(db: Database) -> None:
    """Repeating reviews (review_days: NULL = the stage's default; reviewed_at: the last "mark reviewed"),
    the A3 worksheet's background and current condition, a check by groups (ab_dataset: a dataset or
    user list; ab_group_column: 实验组/对照组, A/B, 版本; ab_outcome_column: converted yes/no, an amount,
    retained) and ROI (cost, revenue typed in; else summed from the dataset's columns, see roi.py)."""
    for column, kind in (("review_days", "INTEGER"), ("reviewed_at", "TEXT"), ("background", "TEXT"),
                         ("current_condition", "TEXT"), ("ab_dataset", "TEXT"), ("ab_group_column", "TEXT"),
                         ("ab_outcome_column", "TEXT"), ("cost", "REAL"), ("revenue", "REAL")):
        db.execute(f"ALTER TABLE pdca_cycles ADD COLUMN {column} {kind}")


@migrations()
def add_generated_cycle_titles(db: Database) -> None:
    """A generated cycle title (the next round 第2轮, a cycle drafted from an alert) is kept as a kind and its
    parameters (tasks/generated_text.py) and shown in the language the user reads. Round titles already
    stored in either language are recognised; a title drafted from an alert (its rule written in one
    language) stays the plain text it is."""
    import json
    import re

    for column in ("title_kind", "title_params"):
        if column not in db["pdca_cycles"].columns_dict:
            db.execute(f"ALTER TABLE pdca_cycles ADD COLUMN {column} TEXT")
    suffix = re.compile(r"^(?P<base>.+?)\s*(（第(?P<zh>\d+)轮）|\(round (?P<en>\d+)\))$")
    updates = []
    for cycle_id, title in db.execute("SELECT id, title FROM pdca_cycles WHERE previous_id IS NOT NULL").fetchall():
        match = suffix.match(title or "")
        if match:
            params = {"base": match["base"], "round": int(match["zh"] or match["en"])}
            updates.append((json.dumps(params, ensure_ascii=False), cycle_id))
    db.conn.executemany("UPDATE pdca_cycles SET title_kind = 'next_round', title_params = ? WHERE id = ?", updates)
