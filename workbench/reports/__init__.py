"""Excel/CSV import, table detection, typed datasets, metrics, charts data and alerts: plain Python, no Qt."""
