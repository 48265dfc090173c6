"""UI: reports."""
