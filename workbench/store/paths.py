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
    """Create the folder (and any missing parent) readable by the owner only (0700): it holds users'
    phone numbers. A folder that exists already is the user's: its mode is left as they set it."""
    folder = Path(folder)
    missing = []
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    for created in reversed(missing):
        created.mkdir(mode=0o700, exist_ok=True)
        if os.name == "posix":
            os.chmod(created, 0o700)  # mkdir's mode passes through the umask; this one is exact


def make_private(path: Path) -> None:
    """Take group and other access away from a file the app wrote (by default it comes out 0644).

    Only ever removes permissions: a file the user made read-only (0400) stays read-only."""
    if os.name == "posix" and path.exists():
        mode = path.stat().st_mode & 0o777
        if mode & 0o077:
            try:
                os.chmod(path, mode & 0o700)
            except OSError:
                pass  # not ours to change (another owner, a read-only disk): leave it as it is


def restrict_umask() -> None:
    """Files and folders the process creates come out 0600/0700 from the start (exports, logs, the
    -wal and -shm files SQLite creates later), not just those that make_private() remembers."""
    if os.name == "posix":
        os.umask(0o077)
