"""CLI subcommands (see workbench/reports/commands.py)."""
from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add subcommands. Each sets func(args) -> exit status; see cli.py."""
