"""Hooks the import dialog to the app: File › Import report… and files dropped on the window emit
ctx.events.import_requested(path or ""); this opens the dialog for it. The main window calls
install_import_handler(self) once when it is created."""
from __future__ import annotations


def install_import_handler(window) -> None:
    ctx = window.ctx
    if ctx.import_handler_installed:
        return
    ctx.import_handler_installed = True

    def open_dialog(path: str) -> None:
        from workbench.ui.imports.import_dialog import ImportDialog

        dialog = ImportDialog(ctx, path, window)
        window.import_dialog = dialog
        dialog.show()
        if not path:
            dialog.choose_file()

    ctx.events.import_requested.connect(open_dialog)


def open_dataset_browser(window) -> None:
    """For other areas (e.g. a dashboard button): the dataset browser over the window."""
    from workbench.ui.imports.dataset_browser import DatasetBrowser

    browser = DatasetBrowser(window.ctx, window)
    window.dataset_browser = browser
    browser.show()
