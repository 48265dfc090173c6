"""Exporting users to CSV: phones, WeChat ids, phones in notes and imported phone-like columns masked
unless the operator explicitly asks otherwise — and every export is written to the audit log
(docs/reliability.md, personal data)."""
from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import TYPE_CHECKING

from workbench import audit
from workbench.export_safety import atomic_output, csv_text
from workbench.privacy import mask_attribute, mask_phone, mask_text, mask_wechat

if TYPE_CHECKING:
    from datetime import datetime

    from sqlite_utils import Database

HEADERS = ["用户ID", "姓名", "手机号", "微信", "渠道", "阶段", "标签", "最近联系", "备注"]


def export_users_csv(db: Database, target: str | Path, *, unmasked: bool = False, stage: str | None = None,
                     now: datetime | None = None) -> int:
    """Write users (optionally one stage) as UTF-8-with-BOM CSV for Excel, their imported attributes as
    the last columns; returns the row count."""
    recordable = audit.can_record_export(db, not unmasked)  # read-only: masked goes ahead, unmasked is refused
    where, params = ("WHERE stage = ?", [stage]) if stage else ("", [])
    rows = db.execute(f"SELECT external_id, name, phone, wechat, channel, stage, tags, last_contact_at, notes, attributes"
                      f" FROM users {where} ORDER BY id", params).fetchall()
    attribute_names = list(dict.fromkeys(name for row in rows for name in json.loads(row[-1] or "{}")))
    count = 0
    with atomic_output(target) as temporary:
        with open(temporary, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(HEADERS + attribute_names)
            for external_id, name, phone, wechat, channel, stage_value, tags, last, notes, attributes_json in rows:
                attributes = json.loads(attributes_json or "{}")
                extra = [attributes.get(column) for column in attribute_names]
                if not unmasked:
                    phone, wechat, notes = mask_phone(phone), mask_wechat(wechat), mask_text(notes)
                    extra = [mask_attribute(column, value) if value not in (None, "") else ""
                             for column, value in zip(attribute_names, extra)]
                values = [external_id, name, phone, wechat, channel, stage_value, " ".join(json.loads(tags or "[]")),
                          (last or "").replace("T", " "), notes, *extra]
                writer.writerow([csv_text(str(v if v is not None else "")) for v in values])
                count += 1
    if recordable:  # (a read-only database cannot record a masked export)
        audit.record(db, audit.EXPORT_USERS, f"用户名单: {Path(target).name}", count, masked=not unmasked, at=now)
    return count
