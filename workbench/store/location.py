"""Where the database file sits: a network share or a cloud-sync folder gets a warning.

WAL keeps its index in shared memory (the -shm file) that only processes on one host can share, and
sync clients copy the -wal and the database at different moments. Either way the file can end up
damaged or roll back, so the operator is told before trusting it with months of work.
"""
from __future__ import annotations

import os
import re
from pathlib import Path, PureWindowsPath

from workbench.errors import UserError

# Folder names the common sync clients create (matched against every component of the path).
CLOUD_FOLDER_MARKERS = {
    "onedrive": "OneDrive",
    "dropbox": "Dropbox",
    "icloud drive": "iCloud Drive",
    "iclouddrive": "iCloud Drive",
    "mobile documents": "iCloud Drive",  # ~/Library/Mobile Documents/com~apple~CloudDocs
    "com~apple~clouddocs": "iCloud Drive",
    "google drive": "Google Drive",
    "googledrive": "Google Drive",
    "我的坚果云": "坚果云",
    "坚果云": "坚果云",
    "nutstore": "坚果云",
    "百度网盘": "百度网盘",
    "baidunetdisk": "百度网盘",
    "baidusyncdisk": "百度网盘",
    "百度网盘同步空间": "百度网盘",
    "wpsdrive": "WPS 云盘",
    "wps云盘": "WPS 云盘",
    "synologydrive": "Synology Drive",
}
# Prefixes (OneDrive - Company, Dropbox (Personal)) are matched too.
CLOUD_PREFIXES = ("onedrive -", "onedrive-", "dropbox (", "google drive (")

NETWORK_FILESYSTEMS = {
    "cifs", "smb", "smb2", "smb3", "smbfs", "nfs", "nfs4", "afs", "ncpfs", "9p", "ceph", "glusterfs",
    "fuse.sshfs", "sshfs", "davfs", "fuse.davfs2", "fuse.rclone", "fuse.s3fs", "lustre", "gpfs", "ocfs2",
    "afpfs", "webdav",  # macOS: AFP and WebDAV shares
}


def cloud_service(path: Path) -> str | None:
    """The sync client whose folder holds path, or None."""
    parts = path.parts if isinstance(path, PureWindowsPath) else Path(path).expanduser().absolute().parts
    for part in parts:
        lowered = part.lower()
        if lowered in CLOUD_FOLDER_MARKERS:
            return CLOUD_FOLDER_MARKERS[lowered]
        if lowered.startswith(CLOUD_PREFIXES):
            return part.split(" ")[0].split("-")[0].strip() or part
    return None


def _mount_point_for(path: Path, mounts: list[tuple[str, str]]) -> tuple[str, str] | None:
    """(mount point, filesystem type) of the longest mount point that contains path."""
    target = str(Path(path).expanduser().absolute())
    best = None
    for mount_point, fstype in mounts:
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        if inside and (best is None or len(mount_point) > len(best[0])):
            best = (mount_point, fstype)
    return best


# A line of macOS/BSD `mount` output: "//me@nas/share on /Volumes/share (smbfs, nodev, nosuid, …)".
BSD_MOUNT_LINE = re.compile(r"^.+? on (.+) \(([^,)]+)")


def parse_mounts(text: str) -> list[tuple[str, str]]:
    """(mount point, fstype) pairs from the text of Linux's /proc/mounts (octal escapes such as \\040
    decoded) or of macOS's `mount` output."""
    pairs = []
    for line in text.splitlines():
        bsd = BSD_MOUNT_LINE.match(line)
        if bsd:
            pairs.append((bsd.group(1), bsd.group(2).strip()))
            continue
        fields = line.split()
        if len(fields) >= 3:
            mount_point = re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), fields[1])
            pairs.append((mount_point, fields[2]))
    return pairs


def network_filesystem(path: Path, mounts_text: str | None = None) -> str | None:
    """The network filesystem type (cifs, nfs …) under path, or None when it is local."""
    if os.name == "nt" or isinstance(path, PureWindowsPath):
        return _windows_network(path)
    path = Path(path)
    if mounts_text is None:
        mounts_text = _mount_table()
        if mounts_text is None:
            return None
    found = _mount_point_for(path, parse_mounts(mounts_text))
    if found and found[1].lower() in NETWORK_FILESYSTEMS:
        return found[1]
    return None


def _mount_table() -> str | None:
    """Linux: /proc/mounts. macOS has none: the `mount` command lists the same (~5 ms)."""
    try:
        return Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        pass
    import subprocess

    try:
        return subprocess.run(["/sbin/mount"], capture_output=True, text=True, timeout=3, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return None  # no mount table to read: no check


def _windows_network(path) -> str | None:
    text = str(path)
    if text.startswith(("\\\\", "//")) and not text.startswith(("\\\\?\\", "\\\\.\\")):
        return "UNC"
    if text.upper().startswith("\\\\?\\UNC\\"):
        return "UNC"
    if os.name != "nt":
        return None
    import ctypes  # pragma: no cover - Windows only

    drive = PureWindowsPath(os.path.abspath(text)).drive + "\\"
    DRIVE_REMOTE = 4
    return "network drive" if ctypes.windll.kernel32.GetDriveTypeW(drive) == DRIVE_REMOTE else None


def location_warning(path, mounts_text: str | None = None) -> UserError | None:
    """A sentence for a database on a network share or in a sync folder, else None."""
    network = network_filesystem(path, mounts_text)
    if network:
        return UserError(
            f"数据库位于网络共享（{network}）上。SQLite 的 WAL 模式只能在同一台电脑上安全使用，"
            f"请把数据库放在本机硬盘上，以免数据损坏。",
            f"The database is on a network share ({network}). SQLite's WAL mode is only safe on one "
            f"computer; keep the database on a local disk so it cannot be damaged.",
        )
    service = cloud_service(path)
    if service:
        return UserError(
            f"数据库位于 {service} 同步文件夹中。同步程序可能在写入途中复制文件，导致数据损坏或丢失最近的修改；"
            f"请把数据库放在同步文件夹之外，用“立即备份”把备份放进同步文件夹。",
            f"The database is inside a {service} sync folder. The sync client can copy the file halfway "
            f"through a write and damage it or lose recent changes; keep the database outside the sync "
            f"folder and put backups there instead.",
        )
    return None
