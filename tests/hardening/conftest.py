"""Helpers for the hardening tests: run a Python snippet in a child process and kill -9 it mid-way."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


class Child:
    """A child Python process that prints marker lines; the test kills it after one of them."""

    def __init__(self, script: str):
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        self.proc = subprocess.Popen([sys.executable, "-c", textwrap.dedent(script)], cwd=ROOT, env=env,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def wait_for(self, marker: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            line = self.proc.stdout.readline()
            if not line:
                raise AssertionError(f"child ended before {marker!r}: {self.proc.stderr.read()}")
            if line.strip() == marker:
                return
        raise AssertionError(f"no {marker!r} within {timeout}s")

    def kill(self, after: float = 0.0) -> None:
        if after:
            time.sleep(after)
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)
        assert self.proc.returncode == -signal.SIGKILL, "the child was really killed, not finished"

    def finish(self, timeout: float = 120) -> str:
        out, err = self.proc.communicate(timeout=timeout)
        assert self.proc.returncode == 0, err
        return out


@pytest.fixture
def child():
    started: list[Child] = []

    def start(script: str) -> Child:
        started.append(Child(script))
        return started[-1]

    yield start
    for c in started:
        if c.proc.poll() is None:
            c.proc.kill()
            c.proc.wait()
