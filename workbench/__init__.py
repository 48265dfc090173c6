"""Ops Workbench (运营工作台): a desktop workbench for one user-operations operator."""
import sys
from importlib.metadata import PackageNotFoundError, version as _version

try:
    __version__ = _version("ops-workbench")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"

APP_NAME = "OpsWorkbench"
ORG_NAME = "OpsWorkbench"


def _import_sqlite_utils_without_numpy() -> None:
    """sqlite-utils imports numpy and pandas when it is imported, only to map their scalar types to
    column types. numpy is installed (pyqtgraph needs it) and costs ~45 ms of every start-up; we never
    hand numpy values to sqlite-utils, so hide both for that one import and let charts load numpy later."""
    if "sqlite_utils" in sys.modules:
        return
    hidden = {name: sys.modules.get(name) for name in ("numpy", "pandas") if name not in sys.modules}
    for name in hidden:
        sys.modules[name] = None  # makes `import numpy` raise ImportError, which sqlite-utils handles
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name in hidden:
            del sys.modules[name]


_import_sqlite_utils_without_numpy()
