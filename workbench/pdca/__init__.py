"""PDCA cycles and their checks against imported metrics: plain Python, no Qt."""
