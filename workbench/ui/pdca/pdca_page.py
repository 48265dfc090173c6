"""The PDCA cycles page (placeholder until its issue lands)."""
from __future__ import annotations

from workbench.ui.common.placeholder import PlaceholderPage


class PdcaPage(PlaceholderPage):
    def __init__(self, ctx):
        super().__init__(ctx, self.tr("PDCA cycles"))
