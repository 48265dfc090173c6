"""Ops Workbench (运营工作台): a desktop workbench for one user-operations operator."""
from importlib.metadata import PackageNotFoundError, version as _version

try:
    __version__ = _version("ops-workbench")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"

APP_NAME = "OpsWorkbench"
ORG_NAME = "OpsWorkbench"
