"""Tables of the review feature, as a sqlite-utils Migrations set (see workbench/schema.py)."""
from sqlite_utils.migrations import Migrations

migrations = Migrations("review")
