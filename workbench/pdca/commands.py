"""Headless CLI subcommands of the pdca feature (registered by workbench/cli.py)."""
from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add this feature's subcommands. Each sets func(args) -> exit status; see cli.py."""
