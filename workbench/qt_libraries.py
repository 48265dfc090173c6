"""Before Qt starts on Linux: are the system libraries its X11 (xcb) plugin needs installed?

Without them Qt aborts inside the plugin with a message a newcomer cannot act on. This check runs first
and names the Debian/Ubuntu packages to install, in one sentence. It imports no Qt: it asks the system's
loader (`ldd`) what the plugin's libraries are missing, plus libxcb-cursor, which Qt ≥ 6.5 loads at run
time and so `ldd` cannot see.

Running `ldd` costs ~50 ms of every start, before the first frame: a passed check is remembered in the
user cache folder, keyed on what its answer depends on (the plugin files, the loader's cache
/etc/ld.so.cache that installing or removing a library rewrites, LD_LIBRARY_PATH), and `ldd` runs
again only when one of them changed. A failed check is never remembered. Modules load only when the
check runs (subprocess alone is ~6 ms).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from workbench import APP_NAME
from workbench.errors import UserError

RUNTIME_LOADED = ("libxcb-cursor.so.0",)  # dlopen-ed by the xcb plugin, not a link-time dependency
LOADER_CACHE = Path("/etc/ld.so.cache")
PASSED_FILE_NAME = "qt-libraries-passed"


def uses_xcb(environ=os.environ, platform: str = sys.platform) -> bool:
    """Whether Qt will load its xcb plugin: Linux with an X display, and no other platform asked for."""
    chosen = environ.get("QT_QPA_PLATFORM", "")
    return platform.startswith("linux") and bool(environ.get("DISPLAY")) and (not chosen or chosen.startswith("xcb"))


def xcb_plugin_files() -> list[Path]:
    from importlib.util import find_spec

    spec = find_spec("PySide6")  # finds the package without importing Qt
    if spec is None or spec.origin is None:
        return []
    qt = Path(spec.origin).parent / "Qt"
    return [p for p in (qt / "plugins" / "platforms" / "libqxcb.so", qt / "lib" / "libQt6XcbQpa.so.6") if p.exists()]


def missing_libraries(binaries: list[Path]) -> list[str]:
    """The shared libraries the system loader cannot find for these binaries (sonames, sorted)."""
    import re
    import shutil
    import subprocess

    ldd = shutil.which("ldd")
    missing: set[str] = set()
    if ldd and binaries:
        result = subprocess.run([ldd, *map(str, binaries)], capture_output=True, text=True, check=False)
        missing.update(re.findall(r"^\s*(\S+)\s*=>\s*not found", result.stdout, re.M))
    return sorted(missing)


def loadable(soname: str) -> bool:
    import ctypes

    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def debian_package(soname: str) -> str:
    """Debian's package name for a library soname: libxcb-icccm.so.4 ⇒ libxcb-icccm4,
    libxkbcommon-x11.so.0 ⇒ libxkbcommon-x11-0 (a hyphen when the name ends in a digit)."""
    name, _, version = soname.partition(".so.")
    version = version.split(".")[0]
    name = name.lower()
    return f"{name}-{version}" if name[-1:].isdigit() else f"{name}{version}"


def missing_packages_sentence(sonames: list[str]) -> UserError:
    packages = " ".join(sorted({debian_package(s) for s in sonames}))
    return UserError(
        f"窗口无法启动：Qt 需要的系统库没有安装。请先安装：sudo apt install {packages}（其他发行版请安装同名的库），"
        f"然后再运行 workbench。",
        f"The window cannot start: system libraries Qt needs are not installed. Install them first: "
        f"sudo apt install {packages} (on other distributions, the libraries of the same names), then run workbench again.")


def check_qt_libraries(environ=os.environ) -> None:
    """Raise the one-sentence UserError when Qt's xcb plugin would abort for a missing library."""
    if not uses_xcb(environ):
        return
    binaries = xcb_plugin_files()
    key = passed_key(binaries, environ)
    passed = passed_file(environ)
    if key is not None and _read(passed) == key:
        return  # nothing the answer depends on changed since it last passed
    missing = missing_libraries(binaries) + [s for s in RUNTIME_LOADED if not loadable(s)]
    if missing:
        raise missing_packages_sentence(missing)
    if key is not None:
        _remember(passed, key)


def passed_key(binaries: list[Path], environ=os.environ) -> str | None:
    """What the check's answer depends on, as one line; None when a part cannot be read (no caching)."""
    parts = [f"LD_LIBRARY_PATH={environ.get('LD_LIBRARY_PATH', '')}"]
    try:
        for path in [*binaries, LOADER_CACHE]:
            stat = path.stat()
            parts.append(f"{path}:{stat.st_size}:{stat.st_mtime_ns}")
    except OSError:
        return None
    return "\t".join(parts)


def passed_file(environ=os.environ) -> Path:
    cache = environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / APP_NAME / PASSED_FILE_NAME


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _remember(path: Path, key: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(key, encoding="utf-8")
    except OSError:
        pass  # a read-only home: the check runs again next time, nothing else changes
