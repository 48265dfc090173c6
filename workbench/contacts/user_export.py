"""Exporting users to CSV: phones and WeChat ids masked unless the operator explicitly asks
otherwise — and then the export is written to the audit log (RELIABILITY.md, personal data)."""
from __future__ import annotations

import csv
import json

from pathlib import Path
from typing import TYPE_CHECKING

from workbench.clock import wall_clock
from workbench.export_safety import atomic_output, csv_text
from workbench.privacy import mask_phone, mask_text, mask_wechat
from workbench.store import now_text
from workbench.store import write_transaction

if TYPE_CHECKING:
    from sqlite_utils import Database

HEADERS = ["用户ID", "姓名", "手机号", "微信", "渠道", "阶段", "标签", "最近联系", "备注"]


def export_users_csv(db: Database, target: str | Path, *, unmasked: bool = False, stage: str | None = None) -> int:
    """Write users (optionally one stage) as UTF-8-with-BOM CSV for Excel; returns the row count."""
    where, params = ("WHERE stage = ?", [stage]) if stage else ("", [])
    rows = db.execute(f"SELECT external_id, name, phone, wechat, channel, stage, tags, last_contact_at, notes FROM users"
                      f" {where} ORDER BY id", params)
    count = 0
    with atomic_output(target) as temporary:
        with open(temporary, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(HEADERS)
            for external_id, name, phone, wechat, channel, stage_value, tags, last, notes in rows:
                if not unmasked:
                    phone, wechat, notes = mask_phone(phone), mask_wechat(wechat), mask_text(notes)
                writer.writerow([csv_text(str(v or "")) for v in (external_id, name, phone, wechat, channel, stage_value,
                                                                  " ".join(json.loads(tags or "[]")), (last or "").replace("T", " "), notes)])
                count += 1
    with write_transaction(db):
        db.execute("INSERT INTO audit_log (at, action, detail, rows, masked) VALUES (?, 'export_users', ?, ?, ?)",
                   [now_text(wall_clock()), Path(target).name, count, int(not unmasked)])
    return count
