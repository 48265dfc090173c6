"""Tables of the contacts feature, as a sqlite-utils Migrations set (see workbench/schema.py)."""
from sqlite_utils.migrations import Migrations

migrations = Migrations("contacts")
