"""Headless CLI subcommands of the reports feature (registered by workbench/cli.py)."""
from __future__ import annotations

import argparse

from workbench.reports import alert_commands, import_commands


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    import_commands.register(subparsers, common)
    alert_commands.register(subparsers, common)
