"""The weekly sheet opens in LibreOffice (what many operators use beside WPS and Excel) and prints to PDF.

Opt-in: it needs LibreOffice (`libreoffice-calc-nogui` on Debian), which the README's commands do not
install; `.ci/run` installs it and runs this folder. Run: python -m pytest -q tests/with_libreoffice
"""
from __future__ import annotations

import shutil
import subprocess

from tests.conftest import PINNED_NOW
from tests.review.review_seed import TODAY, WEEK, seed_week
from workbench.review.export_xlsx import export_week
from workbench.review.repository import save_section


def test_libreoffice_converts_the_weekly_sheet_to_pdf(db, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is needed for this suite: apt-get install libreoffice-calc-nogui"
    seed_week(db)
    save_section(db, WEEK, "lessons", "=先写话术再回答\n@everyone 记得次日回访", now=PINNED_NOW)
    sheet = export_week(db, WEEK, tmp_path / "周复盘.xlsx", today=TODAY).path
    out = tmp_path / "pdf"
    completed = subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                                "--convert-to", "pdf", "--outdir", str(out), str(sheet)],
                               capture_output=True, text=True, timeout=180)
    assert completed.returncode == 0, completed.stderr
    pdf = out / "周复盘.pdf"
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 5000
