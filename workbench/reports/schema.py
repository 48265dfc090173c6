"""Tables of the reports feature, as a sqlite-utils Migrations set (see workbench/schema.py).

datasets        one row per named dataset: its typed table and the stored profile of the report shape
imports         the import log: file, hash, time, counts; an import can be undone (undone_at)
import_old_rows the values an import overwrote (updated rows) and the rows it removed (a keyless
                re-export replacing its period), so undo can put them back
Each dataset's rows live in their own table `ds_<id>` (created by workbench/reports/dataset_tables.py).
"""
from workbench.store.migrate import Database, Migrations  # sqlite-utils' own, loaded without numpy

migrations = Migrations("reports")


@migrations()
def create_datasets_and_imports(db: Database) -> None:
    db["datasets"].create({
        "id": int, "name": str, "table_name": str,
        "columns": str,       # JSON [{"name", "type", "role", "sql", "aliases": [...]}]
        "key_columns": str,   # JSON [column names]; [] = rows keyed by their content
        "profile": str,       # JSON: sheet, header_rows, header_names, signature of the report shape
        "date_column": str, "date_min": str, "date_max": str, "row_count": int,
        "created_at": str, "updated_at": str,
    }, pk="id", not_null={"name", "table_name"})
    db["datasets"].create_index(["name"], unique=True)
    db["imports"].create({
        "id": int, "dataset_id": int, "dataset_name": str,
        "file_name": str, "file_path": str, "file_hash": str, "file_size": int, "sheet": str,
        "imported_at": str, "rows": int, "added": int, "updated": int, "unchanged": int, "skipped": int,
        "created_dataset": int,   # 1 when this import created the dataset (undo then removes it)
        "added_columns": str,     # JSON names of columns this import added
        "corrections": str,       # JSON [{"key", "column", "old", "new"}] (first 1000)
        "warnings": str,          # JSON [sentence]
        "dataset_before": str,    # JSON of the datasets row before this import (undo restores it)
        "undone_at": str,
    }, pk="id")
    db["imports"].create_index(["dataset_id", "id"])
    db["import_old_rows"].create({"import_id": int, "row_id": int, "data": str}, pk=("import_id", "row_id"))


@migrations()
def record_replaced_periods(db: Database) -> None:
    # JSON {"from", "to", "rows", "changed", "added", "removed"} of a keyless re-export that replaced a period
    db["imports"].add_column("replaced", str)


@migrations()
def keep_undone_imports_for_redo(db: Database) -> None:
    # JSON {"table", "dataset", "old_rows"} of an import undone from the window: its rows moved aside
    # into "table" and the datasets row as the import left it, so redo_import puts them back without
    # reading the file again (reports/importer.py). NULL once redone or discarded.
    db["imports"].add_column("redo_state", str)
