"""Every third-party .xlsx in ../shared/samples/real loads the same whole and in two halves."""
from __future__ import annotations

import pytest

from tests.real_data.conftest import REAL_SAMPLES
from tests.reports_import.halves_reading import read

WORKBOOKS = sorted(REAL_SAMPLES.glob("*.xlsx"))


def test_the_real_samples_hold_workbooks():
    assert len(WORKBOOKS) >= 3


@pytest.mark.parametrize("path", WORKBOOKS, ids=lambda p: p.name)
def test_every_real_workbook_reads_the_same_in_halves(path, monkeypatch):
    whole, _ = read(path, False, monkeypatch)
    halves, loaded = read(path, True, monkeypatch)
    assert halves == whole
    assert whole[0][0], "the sample has rows"
    if len(whole[0][0]) > 20:
        assert 2 in loaded, "a sheet with rows really was split"
