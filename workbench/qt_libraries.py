"""Before Qt starts on Linux: are the system libraries its X11 (xcb) plugin needs installed?

Without them Qt aborts inside the plugin with a message a newcomer cannot act on. This check runs first
and names the Debian/Ubuntu packages to install, in one sentence. It imports no Qt: it asks the system's
loader (`ldd`) what the plugin's libraries are missing, plus libxcb-cursor, which Qt ≥ 6.5 loads at run
time and so `ldd` cannot see.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

from workbench.errors import UserError

RUNTIME_LOADED = ("libxcb-cursor.so.0",)  # dlopen-ed by the xcb plugin, not a link-time dependency
_NOT_FOUND = re.compile(r"^\s*(\S+)\s*=>\s*not found", re.M)


def uses_xcb(environ=os.environ, platform: str = sys.platform) -> bool:
    """Whether Qt will load its xcb plugin: Linux with an X display, and no other platform asked for."""
    chosen = environ.get("QT_QPA_PLATFORM", "")
    return platform.startswith("linux") and bool(environ.get("DISPLAY")) and (not chosen or chosen.startswith("xcb"))


def xcb_plugin_files() -> list[Path]:
    spec = find_spec("PySide6")  # finds the package without importing Qt
    if spec is None or spec.origin is None:
        return []
    qt = Path(spec.origin).parent / "Qt"
    return [p for p in (qt / "plugins" / "platforms" / "libqxcb.so", qt / "lib" / "libQt6XcbQpa.so.6") if p.exists()]


def missing_libraries(binaries: list[Path]) -> list[str]:
    """The shared libraries the system loader cannot find for these binaries (sonames, sorted)."""
    ldd = shutil.which("ldd")
    missing: set[str] = set()
    if ldd and binaries:
        result = subprocess.run([ldd, *map(str, binaries)], capture_output=True, text=True, check=False)
        missing.update(_NOT_FOUND.findall(result.stdout))
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


def check_qt_libraries() -> None:
    """Raise the one-sentence UserError when Qt's xcb plugin would abort for a missing library."""
    if not uses_xcb():
        return
    missing = missing_libraries(xcb_plugin_files()) + [s for s in RUNTIME_LOADED if not loadable(s)]
    if missing:
        raise missing_packages_sentence(missing)
