"""The database file: durability settings, immediate write transactions, quick_check at start-up with
restore from backup, sentences for bad files and bad places, verified and rotated backups."""
from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from pathlib import Path, PureWindowsPath

import pytest

from workbench.store import open_database, write_transaction
from workbench.store.backup import BackupError, latest_good_backup, list_backups, make_backup
from workbench.store.connection import DatabaseError, open_connection
from workbench.store.integrity import integrity
from workbench.store.location import cloud_service, location_warning, network_filesystem
from workbench.store.startup import open_at_startup, restore_and_reopen
from tests.conftest import PINNED_NOW

ROOT = Path(__file__).resolve().parents[2]


# --- durability -------------------------------------------------------------------------------
def test_every_writable_connection_is_wal_with_synchronous_full(db_path):
    """The written-down choice (store/connection.py, README): WAL + synchronous=FULL."""
    for opener in (lambda: open_database(db_path), lambda: open_connection(db_path)):
        db = opener()
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        db.close()
    text = (ROOT / "workbench/store/connection.py").read_text(encoding="utf-8")
    assert "synchronous=FULL" in text and "Durability" in text, "the choice is written down where it is made"


def test_a_commit_is_in_the_files_before_write_transaction_returns(db_path):
    """A second process, opened after the commit returned, sees the row (nothing waits in memory)."""
    db = open_database(db_path)
    with write_transaction(db):
        db["settings"].insert({"key": "saved", "value": "yes"})
    script = (f"import sqlite3; c = sqlite3.connect(r'{db_path}'); "
              "print(c.execute(\"SELECT value FROM settings WHERE key='saved'\").fetchone()[0])")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=30)
    db.close()
    assert out.stdout.strip() == "yes"


# --- write transactions begin immediately ------------------------------------------------------
COUNTER = """
    import time
    from workbench.store import open_database, write_transaction
    db = open_database(r"{path}")
    print("READY", flush=True)
    for _ in range({rounds}):
        # read, think, write: the pattern that fails at once with a deferred BEGIN
        with write_transaction(db):
            value = int(db.execute("SELECT value FROM settings WHERE key = 'counter'").fetchone()[0])
            time.sleep(0.002)
            db.execute("UPDATE settings SET value = ? WHERE key = 'counter'", [str(value + 1)])
    print("DONE", flush=True)
"""


def test_two_processes_writing_at_once_lose_nothing(db_path, child):
    db = open_database(db_path)
    with write_transaction(db):
        db["settings"].insert({"key": "counter", "value": "0"})
    db.close()
    rounds = 150
    writers = [child(COUNTER.format(path=db_path, rounds=rounds)) for _ in range(2)]
    for writer in writers:
        writer.wait_for("READY")
    for writer in writers:
        assert "DONE" in writer.finish(), "no 'database is locked': the second writer waited"
    db = open_database(db_path)
    assert db["settings"].get("counter")["value"] == str(2 * rounds), "no increment lost"
    db.close()


def test_no_deferred_transactions_in_the_code():
    """Every write transaction goes through store.write_transaction (BEGIN IMMEDIATE); a plain BEGIN
    or sqlite-utils' db.atomic() opening a transaction would bring back 'database is locked'."""
    offenders = []
    pattern = re.compile(r"""execute\(\s*["'](BEGIN(?!\s+IMMEDIATE)[^"']*)["']|\bwith\s+\w+(\.db)?\.atomic\(\)|isolation_level\s*=\s*["']""",
                         re.IGNORECASE)
    for path in (ROOT / "workbench").rglob("*.py"):
        if path.parts[-2:] == ("store", "connection.py"):
            continue  # write_transaction itself nests atomic() inside BEGIN IMMEDIATE
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if pattern.search(line):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offenders == []


def test_connection_begin_is_immediate(db_path):
    """write_transaction takes the write lock at BEGIN: another connection cannot start writing."""
    db = open_database(db_path)
    other = sqlite3.connect(db_path, isolation_level=None, timeout=0.05)
    with write_transaction(db):
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
    other.execute("BEGIN IMMEDIATE")
    other.execute("ROLLBACK")
    other.close()
    db.close()


# --- quick_check at start-up, damaged file, restore -------------------------------------------
def corrupt_a_page_of(path: Path, table: str = "settings") -> int:
    """Overwrite one b-tree page of `table` with garbage; returns the page number."""
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    pages = [r[0] for r in conn.execute("SELECT pageno FROM dbstat WHERE name = ? ORDER BY pageno", [table])]
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    page = pages[len(pages) // 2]
    with open(path, "r+b") as handle:
        handle.seek((page - 1) * page_size)
        handle.write(bytes((i * 37 + 11) % 256 for i in range(page_size)))
    return page


def settings_rows(db):
    return db.execute("SELECT count(*) FROM settings").fetchone()[0]


def fill_settings(db, count=3000):
    with write_transaction(db):
        db.conn.executemany("INSERT INTO settings (key, value) VALUES (?, ?)",
                            ((f"k{i}", "值" * 40) for i in range(count)))


def test_a_damaged_page_is_detected_opened_read_only_and_restored_from_the_backup(db_path):
    db = open_database(db_path)
    fill_settings(db)
    backup = make_backup(db, db_path, now=PINNED_NOW)
    db.close()
    corrupt_a_page_of(db_path)

    opened = open_at_startup(db_path)
    assert opened.damaged and opened.readonly
    assert opened.backup == backup == latest_good_backup(db_path)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        opened.db.execute("INSERT INTO settings (key, value) VALUES ('x', 'y')")

    restored = restore_and_reopen(opened, now=PINNED_NOW)
    assert not restored.readonly and integrity(restored.db) == "ok"
    assert settings_rows(restored.db) == 3000
    aside = list(db_path.parent.glob("workbench.damaged-*.db"))
    assert len(aside) == 1, "the damaged file is kept beside, not deleted"
    restored.db.close()


def test_a_damaged_database_is_never_backed_up_over_the_good_backups(db_path):
    """Backups are verified after they are written: a copy of a damaged file is refused, rotation untouched."""
    db = open_database(db_path)
    fill_settings(db)
    good = make_backup(db, db_path, now=PINNED_NOW)
    db.close()
    corrupt_a_page_of(db_path)
    db = open_connection(db_path, readonly=True)
    with pytest.raises(BackupError):
        make_backup(db, db_path, now=PINNED_NOW)
    db.close()
    assert list_backups(db_path) == [good]
    assert not list(good.parent.glob("*.partial"))


def test_rotation_keeps_the_newest_and_each_kept_backup_passes_quick_check(db_path):
    from datetime import datetime

    db = open_database(db_path)
    for hour in range(10):
        db["settings"].upsert({"key": "hour", "value": str(hour)}, pk="key")
        make_backup(db, db_path, keep=4, now=datetime(2026, 11, 25, hour))
    db.close()
    kept = list_backups(db_path)
    assert [p.name for p in kept] == [f"workbench-20261125-{h:02d}0000.db" for h in (9, 8, 7, 6)]
    for path in kept:
        conn = sqlite3.connect(path)
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        conn.close()
        assert path.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("content", [
    b"just some notes, not a database\n" * 50,
    b"PK\x03\x04" + b"\x00" * 500,  # an xlsx renamed .db
    b"SQLite format 2\x00" + b"\x00" * 200,
    b"\x00" * 37,
])
def test_a_file_that_is_not_a_database_gets_a_sentence(tmp_path, content):
    bogus = tmp_path / "workbench.db"
    bogus.write_bytes(content)
    with pytest.raises(DatabaseError) as raised:
        open_at_startup(bogus)
    assert "not an Ops Workbench database" in raised.value.en and "不是运营工作台的数据库" in raised.value.zh
    assert bogus.read_bytes() == content, "the file is left as it was"
    result = subprocess.run([sys.executable, "-m", "workbench", "check", "--db", str(bogus)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_a_database_from_a_newer_version_gets_a_sentence_from_the_cli(db_path):
    db = open_database(db_path)
    db["_sqlite_migrations"].insert({"migration_set": "core", "name": "from_2030", "applied_at": "2030"})
    db.close()
    result = subprocess.run([sys.executable, "-m", "workbench", "check", "--db", str(db_path)],
                            capture_output=True, text=True, timeout=60, env={"LANG": "C", "PATH": ""})
    assert result.returncode == 2
    assert "newer version" in result.stderr and "Traceback" not in result.stderr
    from workbench.store.migrate import NewerSchemaError

    with pytest.raises(NewerSchemaError) as raised:
        open_at_startup(db_path)
    assert "newer version" in raised.value.en and "更新版本" in raised.value.zh


# --- where the file lives --------------------------------------------------------------------
@pytest.mark.parametrize("folder, service", [
    ("/home/op/OneDrive/工作", "OneDrive"),
    ("/home/op/OneDrive - 某金融公司/db", "OneDrive"),
    ("/Users/op/Dropbox/workbench", "Dropbox"),
    ("/Users/op/Dropbox (Personal)/x", "Dropbox"),
    ("/Users/op/Library/Mobile Documents/com~apple~CloudDocs/wb", "iCloud Drive"),
    ("/home/op/iCloudDrive/wb", "iCloud Drive"),
    ("/home/op/我的坚果云/运营", "坚果云"),
    ("/home/op/Nutstore/运营", "坚果云"),
    ("/home/op/BaiduNetdisk/wb", "百度网盘"),
    ("/home/op/百度网盘同步空间/wb", "百度网盘"),
    ("/home/op/BaiduSyncdisk/wb", "百度网盘"),
])
def test_a_cloud_sync_folder_gets_a_warning(folder, service):
    path = Path(folder) / "workbench.db"
    assert cloud_service(path) == service
    warning = location_warning(path, mounts_text="")
    assert service in warning.en and service in warning.zh and "sync" in warning.en


MOUNTS = """/dev/vda / ext4 rw,relatime 0 0
//fileserver/ops /mnt/ops cifs rw,relatime,vers=3.0 0 0
nas:/export/home /home/shared nfs4 rw,relatime 0 0
op@box:/srv /home/op/remote fuse.sshfs rw 0 0
/dev/sdb1 /mnt/ops/local\\040disk ext4 rw 0 0
"""


@pytest.mark.parametrize("path, kind", [
    ("/mnt/ops/workbench.db", "cifs"),
    ("/home/shared/op/workbench.db", "nfs4"),
    ("/home/op/remote/workbench.db", "fuse.sshfs"),
    ("/mnt/ops/local disk/workbench.db", None),  # a local disk mounted inside the share
    ("/home/op/workbench.db", None),
])
def test_a_network_share_is_found_from_the_mount_table(path, kind):
    assert network_filesystem(Path(path), MOUNTS) == kind
    warning = location_warning(Path(path), MOUNTS)
    assert (warning is not None) == (kind is not None)
    if kind:
        assert "network share" in warning.en and "网络共享" in warning.zh


# What macOS's `mount` prints (it has no /proc/mounts).
MAC_MOUNTS = """/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)
/dev/disk3s5 on /System/Volumes/Data (apfs, local, journaled, nobrowse, protect)
//op@nas._smb._tcp.local/运营 on /Volumes/运营 (smbfs, nodev, nosuid, mounted by op)
nas:/export/home on /Volumes/home share (nfs, asynchronous)
/dev/disk5s1 on /Volumes/U 盘 (msdos, local, nodev, nosuid, noowners)
"""


@pytest.mark.parametrize("path, kind", [
    ("/Volumes/运营/workbench.db", "smbfs"),
    ("/Volumes/home share/op/workbench.db", "nfs"),
    ("/Volumes/U 盘/workbench.db", None),
    ("/Users/op/Library/Application Support/OpsWorkbench/workbench.db", None),
])
def test_a_network_share_is_found_from_macos_mount_output(path, kind):
    assert network_filesystem(Path(path), MAC_MOUNTS) == kind


def test_a_unc_path_is_a_network_share():
    assert network_filesystem(PureWindowsPath(r"\\fileserver\ops\workbench.db")) == "UNC"
    assert network_filesystem(PureWindowsPath(r"C:\Users\op\workbench.db")) is None
    assert cloud_service(PureWindowsPath(r"C:\Users\op\OneDrive - Contoso\workbench.db")) == "OneDrive"


def test_a_local_folder_on_this_machine_gets_no_warning(db_path):
    """Reads the real /proc/mounts: the test folder is on a local disk."""
    assert location_warning(db_path) is None
    opened = open_at_startup(db_path)
    assert opened.warnings == [] and not opened.readonly
    opened.db.close()


def test_start_up_in_a_sync_folder_opens_with_the_warning(tmp_path):
    path = tmp_path / "Dropbox" / "workbench.db"
    opened = open_at_startup(path)
    assert [w.en.split(" sync")[0] for w in opened.warnings] == ["The database is inside a Dropbox"]
    assert not opened.readonly
    opened.db.close()
