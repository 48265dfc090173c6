"""The Data dashboard page (placeholder until its issue lands)."""
from __future__ import annotations

from workbench.ui.common.placeholder import PlaceholderPage


class DashboardPage(PlaceholderPage):
    def __init__(self, ctx):
        super().__init__(ctx, self.tr("Data dashboard"))
