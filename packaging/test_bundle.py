"""The built bundle works: run with one command (it builds first, ~1–2 minutes on two cores).

    python -m pytest packaging/test_bundle.py -s

Not part of the default test run (pytest's testpaths is tests/).
"""
from __future__ import annotations

import sys
from importlib.metadata import version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import build_bundle  # noqa: E402


def test_the_bundle_builds_and_its_executable_runs_check_demo_and_shots():
    build_bundle.build()
    seen = build_bundle.smoke_test()
    assert seen["version"] == f"workbench {version('ops-workbench')}"
    assert seen["counts"]["tasks"] > 0 and seen["counts"]["users"] > 0
    for screen in ["00-welcome.png", "01-tasks.png", "02-contacts.png", "03-pdca.png", "04-dashboard.png",
                   "05-review.png", "06-help.png", "07-settings.png"]:
        assert screen in seen["shots"]
    assert "not an Ops Workbench database" in seen["user_error"]
    assert seen["window"].startswith("running")
