"""Ops Workbench (运营工作台): a desktop workbench for one user-operations operator."""
from functools import lru_cache

APP_NAME = "OpsWorkbench"
ORG_NAME = "OpsWorkbench"


@lru_cache(maxsize=None)
def app_version() -> str:
    # importlib.metadata costs ~25 ms to import: asked for when shown (about box, crash log, --version).
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("ops-workbench")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0.0.0+source"


def __getattr__(name: str):
    if name == "__version__":
        return app_version()
    raise AttributeError(f"module 'workbench' has no attribute {name!r}")
