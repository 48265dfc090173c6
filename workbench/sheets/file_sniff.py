"""What a report file really is, from its bytes (never its extension), and whether it is safe to open.

PK\\x03\\x04            a zip: .xlsx/.xlsm (xl/workbook.xml) or .ods (content.xml)
D0 CF 11 E0 A1 B1 1A E1 an OLE compound file: a legacy .xls, or an encrypted (password) xlsx
anything else            tried as CSV/TSV text

Neither openpyxl nor calamine guards against zip bombs (a 297 KB file can expand to ~300 MB of
memory), so the archive's declared sizes are checked here before any parser sees it.
"""
from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from workbench.errors import UserError

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_UNCOMPRESSED = 1_500_000_000   # a full 1,048,576-row sheet of 12 columns is ~600 MB of XML
MAX_RATIO = 200                    # real sheets compress 5-30x; a bomb 1000x and more
RATIO_APPLIES_ABOVE = 50_000_000   # small, highly repetitive parts may compress well; that is fine


@dataclass
class Sniffed:
    kind: str       # 'xlsx' | 'ods' | 'xls' | 'csv'
    path: Path
    size: int
    note: str = ""  # e.g. "the file is named .xls but holds CSV text"


def _unreadable(path: Path, why_zh: str, why_en: str) -> UserError:
    return UserError(f"无法读取 {path.name}：{why_zh}", f"Cannot read {path.name}: {why_en}")


def check_zip(path: Path) -> str:
    """'xlsx' or 'ods'; raises UserError for a zip bomb, a damaged archive or a zip that is no workbook."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
            total = sum(info.file_size for info in infos)
            for info in infos:
                ratio = info.file_size / max(info.compress_size, 1)
                if info.file_size > RATIO_APPLIES_ABOVE and ratio > MAX_RATIO:
                    raise UserError(
                        f"{path.name} 解压后会膨胀到 {info.file_size // 1_000_000} MB（压缩比 {ratio:.0f} 倍），"
                        "疑似“压缩炸弹”，已拒绝打开。",
                        f"{path.name} would expand to {info.file_size // 1_000_000} MB (a {ratio:.0f}× ratio); "
                        "it looks like a zip bomb and was not opened.")
            if total > MAX_UNCOMPRESSED:
                raise UserError(
                    f"{path.name} 解压后超过 {MAX_UNCOMPRESSED // 1_000_000_000} GB，太大，已拒绝打开。",
                    f"{path.name} would expand to more than {MAX_UNCOMPRESSED // 1_000_000_000} GB; it was not opened.")
            if "mimetype" in names and "content.xml" in names:
                return "ods"
            if any(name.startswith("xl/") and name.endswith("workbook.xml") for name in names) or \
                    "xl/workbook.bin" in names:
                return "xlsx"
            if "word/document.xml" in names or "ppt/presentation.xml" in names:
                raise _unreadable(path, "这是 Word/PowerPoint 文件，不是表格。", "it is a Word/PowerPoint file, not a spreadsheet.")
    except zipfile.BadZipFile as exc:
        raise _unreadable(path, "文件已损坏或不完整（下载中断？）。",
                          "the file is damaged or incomplete (an interrupted download?).") from exc
    raise _unreadable(path, "这是一个压缩包，但里面不是 Excel 表格。", "it is a zip archive, but not an Excel workbook.")


def _is_encrypted_ole(head: bytes) -> bool:
    """An encrypted xlsx is an OLE file holding 'EncryptionInfo'/'EncryptedPackage' streams (UTF-16 names)."""
    return "EncryptedPackage".encode("utf-16-le") in head or "EncryptionInfo".encode("utf-16-le") in head


def password_error(path: Path) -> UserError:
    return UserError(f"{path.name} 设置了打开密码。请在 Excel 里打开它，另存为不加密的副本后再导入。",
                     f"{path.name} is protected by a password. Open it in Excel, save an unencrypted copy, "
                     "then import that.")


def sniff(path: str | Path) -> Sniffed:
    path = Path(path)
    if not path.exists():
        raise UserError(f"找不到文件：{path}", f"The file does not exist: {path}")
    if path.is_dir():
        raise UserError(f"{path} 是一个文件夹，不是报表文件。", f"{path} is a folder, not a report file.")
    size = path.stat().st_size
    if size == 0:
        raise _unreadable(path, "文件是空的（0 字节）。", "the file is empty (0 bytes).")
    with open(path, "rb") as handle:
        head = handle.read(8)
    suffix = path.suffix.lower()
    if head.startswith(ZIP_MAGIC):
        kind = check_zip(path)
        return Sniffed(kind, path, size)
    if head.startswith(OLE_MAGIC):
        with open(path, "rb") as handle:
            start = handle.read(min(size, 1 << 20))
        if _is_encrypted_ole(start):
            raise password_error(path)
        return Sniffed("xls", path, size)
    if head.startswith(b"PK"):
        raise _unreadable(path, "文件已损坏或不完整（下载中断？）。", "the file is damaged or incomplete (an interrupted download?).")
    note = ""
    if suffix in (".xlsx", ".xlsm", ".xls", ".ods"):
        note = "csv-named-as-excel"
    return Sniffed("csv", path, size, note)
