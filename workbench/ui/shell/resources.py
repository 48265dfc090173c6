"""Finding the files under resources/ whether the app runs from a checkout, an installed wheel or a
PyInstaller bundle (packaging/ops_workbench.spec puts them in <bundle>/workbench/resources)."""
from __future__ import annotations

import sys
from importlib.resources import as_file, files
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """A real filesystem path to a shipped resource (Qt loaders need paths, not streams)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle, "workbench", "resources", *parts)
    ref = files("workbench.resources").joinpath(*parts)
    with as_file(ref) as path:  # a plain directory install: the path stays valid
        return Path(path)
