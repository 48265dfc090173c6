"""Finding the files under resources/ whether the app runs from a checkout, an installed wheel or a
PyInstaller bundle (packaging/ops_workbench.spec puts them in <bundle>/workbench/resources)."""
from __future__ import annotations

import sys
from importlib.util import find_spec
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """A real filesystem path to a shipped resource (Qt loaders need paths, not streams).

    The package's folder comes from its import spec: importlib.resources would cost ~4 ms of every
    start-up, and the app is always installed as plain files (a wheel unpacked, a checkout, a bundle)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle, "workbench", "resources", *parts)
    folder = find_spec("workbench.resources").submodule_search_locations[0]
    return Path(folder, *parts)
