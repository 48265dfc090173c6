"""Applying sqlite-utils Migrations sets: one transaction per migration, a copy set aside first,
and a database written by a newer version of the app refused instead of damaged."""
from __future__ import annotations

from pathlib import Path

from workbench.clock import wall_clock
from workbench.errors import UserError
from workbench.store.connection import write_transaction
from workbench.store.lazy_database import import_sqlite_utils

# The feature schema modules take both from here, so sqlite-utils is first imported with numpy hidden.
# (Plain import statements after it, so PyInstaller's analysis bundles sqlite_utils.migrations.)
import_sqlite_utils()
from sqlite_utils import Database  # noqa: E402
from sqlite_utils.migrations import Migrations  # noqa: E402

MIGRATIONS_TABLE = "_sqlite_migrations"


class NewerSchemaError(UserError):
    def __init__(self, path: Path, unknown: list[str]):
        super().__init__(
            f"{path.name} 由更新版本的运营工作台创建，请升级本程序后再打开（未识别的结构变更：{', '.join(unknown[:3])}）。",
            f"{path.name} was written by a newer version of Ops Workbench; please upgrade the app to "
            f"open it (unknown schema changes: {', '.join(unknown[:3])}).",
        )


class OldSchemaReadOnlyError(UserError):
    """A file from an earlier version that cannot be upgraded because it may not be written: the app's
    screens read columns the old file lacks, so it is refused rather than shown half-working."""

    def __init__(self, path: Path, reason: tuple[str, str] | None):
        why_zh, why_en = reason or ("文件是只读的", "the file is read-only")
        super().__init__(
            f"{path.name} 来自较早版本的运营工作台，需要先升级才能打开，但现在无法写入它（{why_zh.rstrip('。')}）。"
            f"请让文件可写（或复制一份到可写的文件夹）后再打开；文件没有被改动。",
            f"{path.name} comes from an earlier version of Ops Workbench and must be upgraded to open, but it "
            f"cannot be written now ({why_en.rstrip('.')}). Make it writable (or copy it to a writable "
            f"folder) and open it again; the file was left unchanged.",
        )


def applied_migrations(db: Database) -> list[tuple[str, str]]:
    if not db[MIGRATIONS_TABLE].exists():
        return []
    return [(row[0], row[1]) for row in db.execute(f"SELECT migration_set, name FROM {MIGRATIONS_TABLE} ORDER BY rowid")]


def schema_version(db: Database) -> int:
    """The number of applied migrations: grows by one with every schema change."""
    return len(applied_migrations(db))


def refuse_newer(db: Database, path: Path, sets: list[Migrations]) -> None:
    known = {(s.name, m.name) for s in sets for m in s._migrations}
    unknown = [f"{s}/{n}" for s, n in applied_migrations(db) if (s, n) not in known]
    if unknown:
        raise NewerSchemaError(path, unknown)


def pending_count(db: Database, sets: list[Migrations]) -> int:
    return sum(len(s.pending(db)) for s in sets)


def apply_all(db: Database, path: Path, sets: list[Migrations], *, readonly: bool = False) -> int:
    """Bring the schema up to date. Returns how many migrations ran."""
    refuse_newer(db, path, sets)
    todo = pending_count(db, sets)
    if todo and readonly:
        raise OldSchemaReadOnlyError(path, getattr(db, "readonly_reason", None))
    if todo == 0:
        return 0
    if applied_migrations(db):
        _set_copy_aside(db, path)
    ran = 0
    for migration_set in sets:
        for migration in list(migration_set.pending(db)):
            # Each migration, and the record that it ran, commits on its own: a failure halfway
            # leaves every earlier migration applied and this one not at all.
            following = [m.name for m in migration_set.pending(db)][1:2]
            with write_transaction(db):
                migration_set.apply(db, stop_before=following[0] if following else None)
            ran += 1
    return ran


def _set_copy_aside(db: Database, path: Path) -> Path | None:
    """Copy the file before changing its schema, with the online backup API (never a file copy)."""
    if not path.exists() or str(path) == ":memory:":
        return None
    from workbench.store.backup import backup_to

    stamp = wall_clock().strftime("%Y%m%d-%H%M%S")  # names the copy: when it was made
    target = path.with_name(f"{path.stem}.before-upgrade-{stamp}{path.suffix or '.db'}")
    backup_to(db, target)
    return target
