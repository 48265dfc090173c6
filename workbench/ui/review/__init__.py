"""UI: review."""
