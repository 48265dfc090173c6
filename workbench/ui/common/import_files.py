"""What the two imports (a report, a user list) share about files: the folder the file dialog opens in
(the last one used, kept in the settings), which dropped files they take, and the drop handling of
everything a file can be dropped on (TakesDroppedFiles)."""
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


class TakesDroppedFiles:
    """Mixed in before the Qt class (`class ImportDialog(TakesDroppedFiles, QDialog)`): a dropped file an
    import reads goes to take_dropped_file(path), any other file to refuse_dropped_file(sentence)."""

    def take_dropped_file(self, path: str) -> None:
        raise NotImplementedError

    def refuse_dropped_file(self, sentence: str) -> None:
        raise NotImplementedError

    def dragEnterEvent(self, event) -> None:
        if accepts(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        path, sentence = dropped_file(event.mimeData())
        if path is not None:
            event.acceptProposedAction()
            self.take_dropped_file(path)
        elif sentence is not None:
            self.refuse_dropped_file(sentence)
