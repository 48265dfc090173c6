"""UI: importing reports and browsing datasets."""
