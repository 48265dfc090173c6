"""UI: contacts."""
