"""Eisenhower task inbox (四象限): capture parser, task rules, recurrence: plain Python, no Qt."""
