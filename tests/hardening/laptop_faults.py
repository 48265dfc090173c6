"""Helpers for the fault tests of issue 14 part 7: the real `workbench` CLI in a child process, as a
user whose file modes count, on a disk that is really full.

- File modes: root ignores them. Under root the child runs through `setpriv` without the capabilities
  that override them (docs/reliability.md); as an ordinary user it simply runs.
- A full disk: a 64 KiB-scale tmpfs mounted in a private mount namespace (`unshare`, with a user
  namespace when not root), so nothing is mounted outside the child and its writes meet a real ENOSPC.
  Where namespaces are not allowed (a locked-down container), the child runs under RLIMIT_FSIZE
  instead: writes past the limit meet a real EFBIG, which the app must report just as well.
"""
from __future__ import annotations

import functools
import os
import resource
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

NO_MODE_OVERRIDE = ["setpriv", "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search,-fowner", "--"]

WORKBENCH = [sys.executable, "-m", "workbench"]


def child_env(**extra: str) -> dict:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("LC_", "WORKBENCH_"))}
    env.update(LANG="C.UTF-8", PYTHONPATH=str(ROOT), PYTHONDONTWRITEBYTECODE="1", **extra)
    return env


def unprivileged(command: list) -> list:
    """command, run so that file modes apply to it."""
    return NO_MODE_OVERRIDE + command if os.geteuid() == 0 else command


def run(command: list, *, stdin: bytes | None = None, preexec_fn=None, timeout: float = 120,
        env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(command, input=stdin, capture_output=True, timeout=timeout, cwd=ROOT,
                          env=env or child_env(), preexec_fn=preexec_fn)


def workbench(*args, stdin: bytes | None = None, as_user: bool = False) -> subprocess.CompletedProcess:
    command = WORKBENCH + [a if isinstance(a, bytes) else str(a) for a in args]
    return run(unprivileged(command) if as_user else command, stdin=stdin)


def the_sentence(result: subprocess.CompletedProcess) -> str:
    """stderr, asserted to be one sentence and no traceback."""
    text = result.stderr.decode("utf-8", errors="replace").strip()
    assert "Traceback" not in text and "Error:" not in text, text
    assert len(text.splitlines()) == 1, text
    return text


def file_state(path: Path) -> tuple[bytes, int, int]:
    """The bytes, mtime and mode of a file: what 'never modified' compares."""
    stat = path.stat()
    return path.read_bytes(), stat.st_mtime_ns, stat.st_mode & 0o777


@functools.lru_cache(maxsize=1)
def namespaces_allowed() -> bool:
    import tempfile

    with tempfile.TemporaryDirectory() as probe:
        result = subprocess.run(_unshare() + ["sh", "-c", f"mount -t tmpfs -o size=16k tmpfs {shlex.quote(probe)}"],
                                capture_output=True, timeout=30)
    return result.returncode == 0


def _unshare() -> list[str]:
    user = [] if os.geteuid() == 0 else ["--user", "--map-root-user"]
    return ["unshare", *user, "--mount", "--propagation", "private"]


FILL_TO = """
import os, sys
folder, leave = sys.argv[1], int(sys.argv[2])
stat = os.statvfs(folder)
free = stat.f_bavail * stat.f_frsize
with open(os.path.join(folder, "filler"), "wb") as handle:
    os.posix_fallocate(handle.fileno(), 0, max(free - leave, 4096))
"""


class SmallDisk:
    """A folder on which the child's writes run out of room after about `leave` bytes.

    `run(setup, command, after)`: the shell commands in `setup` (copying files in) run first, with room;
    then the disk is filled up to `leave` free bytes and `command` (a workbench CLI call) runs; `after`
    copies out what the test inspects (the tmpfs goes away with the child)."""

    def __init__(self, folder: Path, size_kib: int = 2048):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.size_kib = size_kib
        self.real_enospc = namespaces_allowed()

    def run(self, setup: str, command: list, *, leave: int, after: str = "true",
            limit: int | None = None) -> subprocess.CompletedProcess:
        """limit: where namespaces are not allowed, the file-size limit (bytes) the command runs under."""
        quoted = " ".join(shlex.quote(str(part)) for part in command)
        folder = shlex.quote(str(self.folder))
        if self.real_enospc:
            script = (f"mount -t tmpfs -o size={self.size_kib}k tmpfs {folder} && {setup} && "
                      f"{shlex.quote(sys.executable)} -c {shlex.quote(FILL_TO)} {folder} {leave} && "
                      f"{{ {quoted}; status=$?; {after}; exit $status; }}")
            return run(_unshare() + ["sh", "-c", script])
        subprocess.run(["sh", "-c", setup], check=True, cwd=ROOT)
        result = run(["sh", "-c", f"exec {quoted}"], preexec_fn=lambda: _limit_file_size(limit or leave))
        subprocess.run(["sh", "-c", after], check=True, cwd=ROOT)
        return result


def _limit_file_size(limit: int) -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))


def write_demo_file(folder: Path) -> Path:
    """A checkpointed demo database (no -wal beside it), as the fault tests start from."""
    from tests.conftest import DEMO_TODAY
    from workbench.demo import fill_demo
    from workbench.store import open_database

    path = folder / "demo.db"
    db = open_database(path)
    fill_demo(db, today=DEMO_TODAY)
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path
