"""What the two imports (a report, a user list) share about files: the folder the file dialog opens in
(the last one used, kept in the settings) and which dropped files they take."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

LAST_FOLDER_KEY = "imports/last_folder"
IMPORTABLE = (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".tsv", ".txt")


def last_folder(settings) -> str:
    """The folder of the last file imported (either import), else the home folder; a folder that has
    gone since (an unplugged USB stick) falls back to the home folder too."""
    folder = settings.value(LAST_FOLDER_KEY, "")
    return folder if folder and Path(folder).is_dir() else str(Path.home())


def remember_folder(settings, path: str) -> None:
    settings.setValue(LAST_FOLDER_KEY, str(Path(path).parent))


def dropped_file(mime) -> tuple[str | None, str | None]:
    """(path, None) for the first dropped local file an import reads, else (None, the sentence to show)."""
    files = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()] if mime.hasUrls() else []
    for path in files:
        if Path(path).suffix.lower() in IMPORTABLE and Path(path).is_file():
            return path, None
    name = Path(files[0]).name if files else ""
    return None, QCoreApplication.translate(
        "ImportFiles", "Only Excel or CSV files can be imported (.xlsx, .xls, .csv); “%1” is not one.").replace("%1", name)


def accepts(mime) -> bool:
    """Drag over: a local file is taken (an unreadable one gets its sentence on the drop)."""
    return mime.hasUrls() and any(url.isLocalFile() for url in mime.urls())
