"""Facts about the schema that start-up needs without loading the migration code and sqlite-utils
(~55 ms of every start): kept apart from workbench/schema.py, which imports every migration set."""

# How many migrations the sets in workbench/schema.py hold together. open_database compares it with
# the rows of _sqlite_migrations: a file that has exactly these opens without the migration code.
# Raise it with every new migration; tests/test_store.py fails until you do.
MIGRATION_COUNT = 26

# Tables that `workbench check --json` counts, when they exist (and the welcome page, to see an empty file).
COUNTED_TABLES = [
    "tasks", "users", "contacts", "findings", "snippets", "sequences",
    "datasets", "imports", "alert_rules", "alerts", "pdca_cycles", "reviews",
]
