"""Finding the files under resources/ whether the app runs from a checkout or an installed wheel."""
from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """A real filesystem path to a shipped resource (Qt loaders need paths, not streams)."""
    ref = files("workbench.resources").joinpath(*parts)
    with as_file(ref) as path:  # a plain directory install: the path stays valid
        return Path(path)
