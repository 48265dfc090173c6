"""Tables of alert rules and fired alerts, as their own Migrations set (see workbench/schema.py).

alert_rules      one rule per metric of a dataset (see alert_rules.py for kind/direction/basis);
                 deleted rules keep their row (deleted_at) so defaults are proposed only once per dataset
alerts           one row per (rule, date) the rule fired on; status open / task / pdca / dismissed
dashboard_cards  the metric cards the operator picked, in order (kept in the database file so the
                 dashboard travels with it)
"""
from workbench.store.migrate import Database, Migrations  # sqlite-utils' own, loaded without numpy

migrations = Migrations("alerts")


@migrations()
def create_alert_rules_alerts_cards(db: Database) -> None:
    db["alert_rules"].create({
        "id": int, "dataset": str, "metric": str,
        "kind": str,        # threshold | change | deviation
        "direction": str,   # down | up | both
        "amount": float,    # threshold line, change fraction, or k standard deviations
        "basis": str,       # change: day | week | mean
        "window": int,      # trailing points for mean / deviation
        "level": str,       # yellow | orange | red
        "enabled": int, "origin": str,   # origin: default | user
        "created_at": str, "updated_at": str, "deleted_at": str,
    }, pk="id", not_null={"dataset", "metric", "kind", "level"},
        defaults={"enabled": 1, "origin": "user", "direction": "down", "basis": "day", "window": 7})
    db["alert_rules"].create_index(["dataset", "metric"])
    db["alerts"].create({
        "id": int, "rule_id": int, "dataset": str, "metric": str, "date": str, "level": str,
        "value": float, "reference": float, "rule_text": str,
        "status": str,      # open | task | pdca (a cycle was drafted) | dismissed
        "task_id": int, "created_at": str,
    }, pk="id", not_null={"rule_id", "dataset", "metric", "date", "level", "status"},
        defaults={"status": "open"})
    db["alerts"].create_index(["rule_id", "date"], unique=True)
    db["alerts"].create_index(["date"])
    db["alerts"].create_index(["status", "level"])
    db["alerts"].create_index(["dataset", "metric", "date"])
    db["dashboard_cards"].create({"id": int, "dataset": str, "metric": str, "position": int},
                                 pk="id", not_null={"dataset", "metric"})


@migrations()
def add_alert_episodes(db: Database) -> None:
    """An alert is an episode: alerts.date is its first day, end_date its last, points how many points it
    lasted (alert_rules.episodes). Rows from before keep end_date NULL (a one-day episode)."""
    db.execute("ALTER TABLE alerts ADD COLUMN end_date TEXT")
    db.execute("ALTER TABLE alerts ADD COLUMN points INTEGER")
