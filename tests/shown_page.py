"""One way for tests to open a page on its own: built over ctx, sized like the window's page area, shown
and refreshed, as the main window does when the operator picks it on the rail."""
from __future__ import annotations


def show_page(page_class, ctx, qtbot, size: tuple[int, int] = (1360, 820)):
    page = page_class(ctx)
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    page.refresh()
    return page
