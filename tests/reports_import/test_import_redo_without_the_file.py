"""Undo and redo of an import on the window's stack are quick feature calls (reports/importer.py:
undo_import(keep_for_redo=True) / redo_import): the file is never read again, so they work with the
file gone, and each step says Changes(reports=True) once."""
from __future__ import annotations

import pytest

from workbench.errors import UserError
from workbench.reports.datasets import list_datasets, read_rows
from workbench.reports.importer import import_file, list_imports, redo_import, undo_import
from workbench.ui.common.changes import Changes
from tests.report_files.plain import write_xlsx

FIRST = [{"日期": "2026-11-01", "新增注册": 10, "客诉量": 3}, {"日期": "2026-11-02", "新增注册": 11, "客诉量": 4}]
SECOND = [{"日期": "2026-11-01", "新增注册": 10, "客诉量": 3, "DAU": None},
          {"日期": "2026-11-02", "新增注册": 11, "客诉量": 5, "DAU": 900},
          {"日期": "2026-11-03", "新增注册": 12, "客诉量": 6, "DAU": 950}]


def two_imports(db, tmp_path):
    old, new = tmp_path / "日报_1.xlsx", tmp_path / "日报_2.xlsx"
    write_xlsx(old, ["日期", "新增注册", "客诉量"], [["2026-11-01", 10, 3], ["2026-11-02", 11, 4]])
    write_xlsx(new, ["日期", "新增注册", "客诉量", "DAU"], [["2026-11-02", 11, 5, 900], ["2026-11-03", 12, 6, 950]])
    first, second = import_file(db, old, dataset="日报"), import_file(db, new, dataset="日报")
    old.unlink(), new.unlink()  # redo must not need them
    return first.import_id, second.import_id


def user_tables(db) -> list[str]:
    return sorted(r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'redo_%'"))


def test_undo_and_redo_put_back_both_imports_without_the_files(db, tmp_path):
    first, second = two_imports(db, tmp_path)
    assert read_rows(db, "日报") == SECOND
    undo_import(db, second, keep_for_redo=True)
    assert read_rows(db, "日报") == FIRST  # the corrected value and the added column are gone
    undo_import(db, first, keep_for_redo=True)
    assert list_datasets(db) == [] and user_tables(db) == ["redo_import_1", "redo_import_2"]
    redo_import(db, first)
    assert read_rows(db, "日报") == FIRST
    redo_import(db, second)
    assert read_rows(db, "日报") == SECOND
    assert [r["undone_at"] for r in list_imports(db)] == [None, None] and user_tables(db) == []
    undo_import(db, second, keep_for_redo=True)  # and once more: the old values came back with it
    assert read_rows(db, "日报") == FIRST


def test_a_new_import_of_the_dataset_discards_what_was_kept_for_redo(db, tmp_path):
    first, second = two_imports(db, tmp_path)
    undo_import(db, second, keep_for_redo=True)
    third = tmp_path / "日报_3.xlsx"
    write_xlsx(third, ["日期", "新增注册", "客诉量"], [["2026-11-04", 13, 2]])
    import_file(db, third, dataset="日报")
    assert user_tables(db) == []
    with pytest.raises(UserError, match="can no longer be redone"):
        redo_import(db, second)


def test_the_stack_undoes_and_redoes_an_import_quickly_and_says_so_once(ctx, tmp_path):
    from workbench.ui.imports.undo_commands import ImportCommand, UndoImportCommand

    first, second = two_imports(ctx.db, tmp_path)
    changed = []
    ctx.events.changed.connect(changed.append)
    ctx.undo_stack.push(ImportCommand(ctx, second, str(tmp_path / "日报_2.xlsx")))  # the worker imported it
    ctx.undo_stack.undo()
    assert read_rows(ctx.db, "日报") == FIRST
    ctx.undo_stack.redo()
    assert read_rows(ctx.db, "日报") == SECOND
    ctx.undo_stack.push(UndoImportCommand(ctx, second, "日报_2.xlsx"))  # the dataset browser's button
    assert read_rows(ctx.db, "日报") == FIRST
    ctx.undo_stack.undo()
    assert read_rows(ctx.db, "日报") == SECOND
    # Pushing the dialog's command says nothing (its operation already did); undo, redo, the browser's
    # undo and its undo each say so once.
    assert changed == [Changes(reports=True)] * 4
