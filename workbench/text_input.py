"""Text that reaches the command line as bytes in an encoding nobody declared.

A terminal set to GBK (or a pasted invalid byte) under a UTF-8 locale hands Python bytes it cannot
decode: argv arrives with lone surrogates (PEP 383), and stdin either fails to decode or does the same.
SQLite and the terminal then refuse those surrogates (UnicodeEncodeError). Text is decoded here by
detection instead: UTF-8, else GB18030 (a superset of GBK), else UTF-8 with U+FFFD for what cannot be
decoded. An argument whose raw bytes name an existing file is a path and is left as it is: the file
system wants those bytes back, not their reading.
"""
from __future__ import annotations

import os
import re
import sys
from pathlib import Path

_SURROGATES = re.compile(r"[\ud800-\udfff]")


def decode_bytes(data: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    # Neither reads it whole: the reading that has to replace fewer bytes (a GBK line with one stray byte)
    readings = [data.decode(encoding, errors="replace") for encoding in ("utf-8-sig", "gb18030")]
    return min(readings, key=lambda text: text.count("\ufffd"))


def redecode(text: str) -> str:
    """Text with the lone surrogates of undecodable bytes read again by detection."""
    if not _SURROGATES.search(text):
        return text
    try:
        raw = text.encode("utf-8", errors="surrogateescape")
    except UnicodeEncodeError:  # surrogates that stand for no byte: replace them
        return _SURROGATES.sub("\ufffd", text)
    return decode_bytes(raw)


def _names_existing_path(argument: str) -> bool:
    """The argument, or a folder along it, exists under its undecoded name."""
    path = Path(argument)
    return any(_SURROGATES.search(str(p)) and os.path.lexists(p) for p in (path, *path.parents))


def command_line_arguments(argv: list[str]) -> list[str]:
    return [argument if _names_existing_path(argument) else redecode(argument) for argument in argv]


def read_stdin_text() -> str:
    """All of stdin, decoded by detection whatever the locale says."""
    binary = getattr(sys.stdin, "buffer", None)
    if binary is None:  # a text stream without bytes under it (an embedding host, a test's StringIO)
        return redecode(sys.stdin.read())
    return decode_bytes(binary.read())


def forgiving_output() -> None:
    """Characters the terminal's encoding lacks (☐ on a GBK console, a path's undecodable bytes) print
    as '?' instead of ending the command with UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
