"""Rules for every file the app writes (docs/reliability.md, files going out).

- Text the operator typed is never a formula: xlsx cells get data_type "s"; CSV cells that start
  with = + - @ tab CR or NUL get a leading apostrophe.
- XML-illegal control characters and lone surrogates are removed (the file could not be reopened).
- Sheet names are at most 31 characters, unique, without / \\ ? * : [ ], no edge apostrophes, not History.
- Files are written to a temporary name in the target folder, then os.replace()d, mode 0600.
"""
from __future__ import annotations

import contextlib
import io
import os
import re
import tempfile
from pathlib import Path
from typing import Iterator

from workbench.errors import UserError
from workbench.store.faults import user_error_for

EXCEL_MAX_ROWS = 1_048_576
EXCEL_MAX_COLUMNS = 16_384
EXCEL_MAX_CELL_CHARS = 32_767

_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # same set as openpyxl's ILLEGAL_CHARACTERS_RE
_SURROGATES = re.compile(r"[\ud800-\udfff]")
_SHEET_FORBIDDEN = re.compile(r"[/\\?*:\[\]]")
_CSV_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\0")


def clean_text(value: str) -> str:
    """Remove characters that make an xlsx unreadable; truncating is the caller's decision."""
    return _SURROGATES.sub("", _ILLEGAL_XML.sub("", value))


def excel_text(value: str) -> tuple[str, bool]:
    """(text safe for one cell, whether it had to be cut to Excel's 32,767 characters)."""
    text = clean_text(value)
    if len(text) > EXCEL_MAX_CELL_CHARS:
        return text[:EXCEL_MAX_CELL_CHARS], True
    return text, False


def set_text_cell(cell, value: str) -> bool:
    """Write typed text into an openpyxl cell so it can never become a formula. True if cut."""
    text, cut = excel_text(value)
    cell.value = text
    cell.data_type = "s"
    return cut


def csv_text(value: str) -> str:
    text = clean_text(value)
    return "'" + text if text.startswith(_CSV_FORMULA_START) else text


def sheet_name(wanted: str, taken: set[str] | None = None) -> str:
    """A sheet name Excel accepts, unique (case-insensitively) among `taken`, which it joins."""
    taken = taken if taken is not None else set()
    name = _SHEET_FORBIDDEN.sub("_", clean_text(wanted)).strip().strip("'") or "Sheet"
    if name.lower() == "history":
        name = "History_"
    name = name[:31]
    base, counter = name, 2
    while name.lower() in {t.lower() for t in taken}:
        suffix = f" ({counter})"
        name = base[:31 - len(suffix)] + suffix
        counter += 1
    taken.add(name)
    return name


@contextlib.contextmanager
def atomic_output(target: str | Path, *, overwrite: bool = True) -> Iterator[Path]:
    """Yield a temporary path beside target; on success it replaces target (mode 0600)."""
    target = Path(target)
    if target.exists() and not overwrite:
        raise UserError(f"{target.name} 已存在。", f"{target.name} already exists.")
    if not target.parent.is_dir():
        raise UserError(f"文件夹不存在：{target.parent}", f"The folder does not exist: {target.parent}")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=target.suffix, dir=target.parent)
    except OSError as exc:  # a write-protected folder, a full disk
        raise (user_error_for(exc, target) or exc) from exc
    os.close(handle)
    temporary_path = Path(temporary)
    try:
        yield temporary_path
        if os.name == "posix":
            os.chmod(temporary_path, 0o600)
        os.replace(temporary_path, target)
    except PermissionError as exc:
        temporary_path.unlink(missing_ok=True)
        raise UserError(f"无法写入 {target.name}（文件可能正在 Excel 中打开）。",
                        f"Cannot write {target.name} (is it open in Excel?).") from exc
    except BaseException as exc:
        temporary_path.unlink(missing_ok=True)
        sentence = user_error_for(exc, target) if isinstance(exc, OSError) else None
        if sentence is not None:  # a full disk, a file-size limit: the half-written file is gone
            raise sentence from exc
        raise


def save_workbook(book, path: Path) -> None:
    """Save an openpyxl workbook to path, built in memory first. When a write fails (openpyxl's own
    temporary files on a full disk), openpyxl leaves its zip archive open; the zip module closes it
    when it is collected, and that second failure would print a traceback after the sentence. In
    memory, that late close writes harmlessly. The one write to path that can fail is the last one."""
    buffer = _LateCloseBuffer()
    book.save(buffer)
    with open(path, "wb") as handle:
        handle.write(buffer.getbuffer())


class _LateCloseBuffer(io.BytesIO):
    def close(self) -> None:
        """Stays open: an abandoned archive may still write its end into it when it is collected."""
