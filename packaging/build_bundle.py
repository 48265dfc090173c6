"""Build the one-folder bundle with PyInstaller, then smoke-test the built executable.

    python packaging/build_bundle.py              build into build/bundle/, smoke-test, write a .tar.gz (Linux)
    python packaging/build_bundle.py --smoke-only smoke-test an existing build

The smoke test runs the bundle's own `workbench` executable offscreen: --version, demo into a fresh
database, check --json (integrity ok, rows counted), and shots (one PNG per screen); starts the window
executable on an empty database and sees it keep running; and checks that the translations (ours and
Qt's qtbase_zh_CN.qm) and the icons are inside.
"""
from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build" / "bundle"
DIST = BUILD / "dist"
BUNDLE = DIST / "OpsWorkbench"
AREAS = ["shell", "tasks", "contacts", "imports", "reports", "pdca", "review"]


def build() -> None:
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(DIST), "--workpath", str(BUILD / "work"),
                    str(ROOT / "packaging" / "ops_workbench.spec")], check=True, cwd=ROOT)


def cli_executable() -> Path:
    return BUNDLE / ("workbench.exe" if os.name == "nt" else "workbench")


def run_bundle(*args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("WORKBENCH_DB", None)
    return subprocess.run([str(cli_executable()), *args], capture_output=True, text=True, timeout=timeout, env=env)


def bundled_files() -> dict[str, Path]:
    """Where the things the app needs at run time sit inside the bundle."""
    inside = BUNDLE / "_internal" if (BUNDLE / "_internal").is_dir() else BUNDLE
    qt_translations = list(inside.rglob("qtbase_zh_CN.qm"))
    return {
        "qtbase_zh_CN.qm": qt_translations[0] if qt_translations else inside / "missing-qtbase_zh_CN.qm",
        "icon": inside / "workbench" / "resources" / "icons" / "workbench.svg",
        **{f"{area}_zh_CN.qm": inside / "workbench" / "resources" / "i18n" / f"{area}_zh_CN.qm" for area in AREAS},
    }


def window_stays_up(scratch: Path, seconds: float = 8.0) -> str:
    """Start the window executable on an empty database (its welcome page) and see it keep running."""
    import time

    gui = BUNDLE / ("ops-workbench.exe" if os.name == "nt" else "ops-workbench")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(scratch / "config"),
           "XDG_DATA_HOME": str(scratch / "data")}  # its settings and crash log stay in the scratch folder
    process = subprocess.Popen([str(gui), "--db", str(scratch / "window.db")], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(seconds)
    alive = process.poll() is None
    process.terminate()
    _out, err = process.communicate(timeout=30)
    assert alive, f"the window exited early: {err[-2000:]}"
    return f"running after {seconds:.0f} s"


def smoke_test() -> dict:
    """Runs the built executable; raises AssertionError with what went wrong. Returns what it saw."""
    seen: dict = {}
    missing = [name for name, path in bundled_files().items() if not path.is_file()]
    assert not missing, f"missing from the bundle: {missing}"

    version = run_bundle("--version")
    assert version.returncode == 0, version.stderr
    seen["version"] = version.stdout.strip()

    with tempfile.TemporaryDirectory() as scratch:
        db = Path(scratch) / "smoke.db"
        demo = run_bundle("demo", "--db", str(db))
        assert demo.returncode == 0, demo.stderr
        check = run_bundle("check", "--json", "--db", str(db))
        assert check.returncode == 0, check.stderr
        report = json.loads(check.stdout)
        assert report["integrity"] == "ok", report
        seen["counts"] = report["counts"]
        shots_dir = Path(scratch) / "shots"
        shots = run_bundle("shots", "--out", str(shots_dir), timeout=600)
        assert shots.returncode == 0, shots.stderr
        pngs = sorted(p.name for p in shots_dir.glob("*.png"))
        assert len(pngs) >= 5 and all((shots_dir / p).stat().st_size > 10_000 for p in pngs), pngs
        seen["shots"] = pngs
        seen["window"] = window_stays_up(Path(scratch))
        not_a_database = Path(scratch) / "notes.db"
        not_a_database.write_text("these are notes, not a database", encoding="utf-8")
        bad = run_bundle("check", "--json", "--db", str(not_a_database))
        assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1, (bad.returncode, bad.stderr)
        seen["user_error"] = bad.stderr.strip()
    return seen


def archive() -> Path:
    from workbench import __version__

    machine = platform.machine().lower() or "unknown"
    target = DIST / f"OpsWorkbench-{__version__}-{sys.platform}-{machine}.tar.gz"
    with tarfile.open(target, "w:gz") as tar:
        tar.add(BUNDLE, arcname="OpsWorkbench")
    return target


def main(argv: list[str]) -> int:
    if "--smoke-only" not in argv:
        build()
    seen = smoke_test()
    print(json.dumps(seen, ensure_ascii=False, indent=1))
    size = sum(p.stat().st_size for p in BUNDLE.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"bundle: {BUNDLE} ({size / 1e6:.0f} MB)")
    if sys.platform.startswith("linux") and "--smoke-only" not in argv:
        print(f"archive: {archive()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
