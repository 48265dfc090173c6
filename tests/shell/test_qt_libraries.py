"""A Linux newcomer without Qt's X11 libraries gets one sentence naming the packages, not Qt's abort."""
from __future__ import annotations

import subprocess

import pytest

from workbench import qt_libraries
from workbench.cli import main


@pytest.mark.parametrize("soname, package", [
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libX11-xcb.so.1", "libx11-xcb1"),
    ("libxcb.so.1.1.0", "libxcb1"),
])
def test_debian_package_names_follow_the_soname(soname, package):
    assert qt_libraries.debian_package(soname) == package


@pytest.fixture
def binary_missing_a_library(tmp_path):
    """A real shared library linked against libwbgone.so.3, which is then removed (as on a bare system)."""
    (tmp_path / "gone.c").write_text("int gone(void) { return 1; }\n")
    (tmp_path / "uses.c").write_text("int gone(void);\nint uses(void) { return gone(); }\n")
    subprocess.run(["cc", "-shared", "-fPIC", "-o", "libwbgone.so.3", "-Wl,-soname,libwbgone.so.3", "gone.c"],
                   cwd=tmp_path, check=True)
    (tmp_path / "libwbgone.so").symlink_to("libwbgone.so.3")
    subprocess.run(["cc", "-shared", "-fPIC", "-o", "libuses.so", "uses.c", "-L.", "-lwbgone"], cwd=tmp_path, check=True)
    (tmp_path / "libwbgone.so.3").unlink()
    return tmp_path / "libuses.so"


def test_the_loader_names_what_a_binary_is_missing(binary_missing_a_library):
    assert qt_libraries.missing_libraries([binary_missing_a_library]) == ["libwbgone.so.3"]


def test_the_window_command_says_which_packages_to_install(binary_missing_a_library, monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.setattr(qt_libraries, "xcb_plugin_files", lambda: [binary_missing_a_library])
    assert main(["--db", str(tmp_path / "wb.db")]) == 2
    err = capsys.readouterr().err.strip()
    assert "sudo apt install" in err and "libwbgone3" in err and "\n" not in err
    assert not (tmp_path / "wb.db").exists()   # nothing was opened or written


@pytest.mark.parametrize("environ, platform, expected", [
    ({"DISPLAY": ":0"}, "linux", True),
    ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, "linux", True),
    ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux", False),
    ({}, "linux", False),                     # no X display: Qt would not load the xcb plugin
    ({"DISPLAY": ":0"}, "darwin", False),
    ({"DISPLAY": ":0"}, "win32", False),
])
def test_only_an_x11_start_on_linux_is_checked(environ, platform, expected):
    assert qt_libraries.uses_xcb(environ, platform) is expected


@pytest.fixture
def x11_start(monkeypatch, tmp_path):
    """An X11 start on Linux whose plugin is a real library in tmp_path; returns (environ, plugin, ldd calls)."""
    (tmp_path / "plugin.c").write_text("int plugin(void) { return 1; }\n")
    subprocess.run(["cc", "-shared", "-fPIC", "-o", "libplugin.so", "plugin.c"], cwd=tmp_path, check=True)
    plugin = tmp_path / "libplugin.so"
    monkeypatch.setattr(qt_libraries, "xcb_plugin_files", lambda: [plugin])
    calls = []
    real = qt_libraries.missing_libraries
    monkeypatch.setattr(qt_libraries, "missing_libraries", lambda binaries: calls.append(binaries) or real(binaries))
    environ = {"DISPLAY": ":0", "XDG_CACHE_HOME": str(tmp_path / "cache")}
    monkeypatch.setattr(qt_libraries.sys, "platform", "linux")
    return environ, plugin, calls


def test_a_passed_check_is_not_run_again_until_the_plugin_or_the_system_libraries_change(x11_start, monkeypatch):
    environ, plugin, calls = x11_start
    qt_libraries.check_qt_libraries(environ)
    qt_libraries.check_qt_libraries(environ)
    assert len(calls) == 1, "the second start trusts the first one's answer (ldd costs ~50 ms)"
    plugin.write_bytes(plugin.read_bytes() + b"\0")  # PySide6 upgraded
    qt_libraries.check_qt_libraries(environ)
    assert len(calls) == 2
    qt_libraries.check_qt_libraries({**environ, "LD_LIBRARY_PATH": "/opt/qtlibs"})
    assert len(calls) == 3
    loader_cache = plugin.parent / "ld.so.cache"  # apt installed or removed a library: ldconfig rewrote it
    loader_cache.write_text("before")
    monkeypatch.setattr(qt_libraries, "LOADER_CACHE", loader_cache)
    qt_libraries.check_qt_libraries(environ)
    loader_cache.write_text("after, a little longer")
    qt_libraries.check_qt_libraries(environ)
    assert len(calls) == 5


def test_a_failed_check_is_run_again_at_the_next_start(x11_start, binary_missing_a_library, monkeypatch):
    environ, _plugin, calls = x11_start
    monkeypatch.setattr(qt_libraries, "xcb_plugin_files", lambda: [binary_missing_a_library])
    for _ in range(2):
        with pytest.raises(qt_libraries.UserError, match="libwbgone3"):
            qt_libraries.check_qt_libraries(environ)
    assert len(calls) == 2
    assert not qt_libraries.passed_file(environ).exists()
