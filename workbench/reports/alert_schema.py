"""Tables of alert rules and fired alerts, as their own Migrations set (see workbench/schema.py)."""
from sqlite_utils.migrations import Migrations

migrations = Migrations("alerts")
