"""Every area's page keeps the Page contract (ui/shell/pages.py) that the main window relies on
without asking: built, it answers badge() with text and screenshot_states() with named states."""
from __future__ import annotations

import pytest

from workbench.ui.shell.pages import PAGES, Page


@pytest.mark.parametrize("key", [spec.key for spec in PAGES])
def test_each_page_is_a_page(main_window, key):
    main_window.show_area(key)  # calls refresh()
    page = main_window.page(key)
    assert isinstance(page, Page)
    assert isinstance(page.badge(), str)
    assert all(isinstance(suffix, str) and callable(enter) for suffix, enter in page.screenshot_states())


def test_a_class_missing_a_method_is_not_a_page():
    class NoBadge:
        def refresh(self): ...
        def open_item(self, target): ...
        def screenshot_states(self): return []

    assert not isinstance(NoBadge(), Page)
