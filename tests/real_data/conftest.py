"""The opt-in suite over files written by third parties, which stay outside the project (never copy them
in): ../shared/samples/real and ../shared/corpora beside the clone. The default test run does not collect
this folder (pyproject's norecursedirs); run it with `python -m pytest -q tests/real_data`, as .ci/run
does where ../shared/samples/real exists."""
from __future__ import annotations

from pathlib import Path

from tests.reports_import.conftest import english_sentences  # noqa: F401  (import warnings are asserted in English)

ROOT = Path(__file__).resolve().parents[2]
REAL_SAMPLES = ROOT.parent / "shared" / "samples" / "real"
CORPORA = ROOT.parent / "shared" / "corpora"
