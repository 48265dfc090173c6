"""Qt only: the main window, one subpackage per area, Qt item models, dialogs, charts."""
