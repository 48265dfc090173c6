"""UI: pdca."""
