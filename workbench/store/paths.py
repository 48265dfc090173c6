"""Where the database lives: --db, then WORKBENCH_DB, then the platform's user data folder."""
from __future__ import annotations

import os
from pathlib import Path

from workbench import APP_NAME

DATABASE_FILE_NAME = "workbench.db"


def data_folder() -> Path:
    from platformdirs import user_data_path  # ~7 ms to import: only when no --db or remembered file is given

    return user_data_path(APP_NAME, appauthor=False)


def default_database_path() -> Path:
    return data_folder() / DATABASE_FILE_NAME


def resolve_database_path(explicit: str | os.PathLike | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get("WORKBENCH_DB")
    if from_env:
        return Path(from_env).expanduser()
    return default_database_path()


def ensure_private_folder(folder: Path) -> None:
    """Create the folder readable by the owner only (0700): it holds users' phone numbers."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        try:
            os.chmod(folder, 0o700)
        except PermissionError:
            pass  # a folder the user chose that we do not own: leave its mode alone


def make_private(path: Path) -> None:
    """Files the app writes are 0600 (by default they would come out 0644)."""
    if os.name == "posix" and path.exists():
        try:
            os.chmod(path, 0o600)
        except PermissionError:
            pass


def restrict_umask() -> None:
    """Files and folders the process creates come out 0600/0700 from the start (exports, logs, the
    -wal and -shm files SQLite creates later), not just those that make_private() remembers."""
    if os.name == "posix":
        os.umask(0o077)
