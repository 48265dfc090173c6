"""Retention deletes old contact logs from the table, the search indexes and the file's bytes;
deleting a user leaves nothing to find; ID-card numbers in notes are noticed."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from workbench import audit, retention
from workbench.contacts.contact_log import log_contact
from workbench.contacts.search import search as contacts_search
from workbench.contacts.users import create_user, delete_user
from workbench.store import open_database, write_transaction
from workbench.store.integrity import integrity
from tests.conftest import PINNED_NOW

TODAY = date(2026, 11, 25)


def search(db, text):
    """The contacts area's search (users, contacts, findings …): the hits, each as 'kind: snippet'."""
    return [f"{h.kind}: {h.title} {h.snippet}" for h in contacts_search(db, text).hits]


def file_bytes(db_path):
    data = db_path.read_bytes()
    wal = db_path.with_name(db_path.name + "-wal")
    return data + (wal.read_bytes() if wal.exists() else b"")


@pytest.fixture
def contacts_db(db, db_path):
    user = create_user(db, name="王芳", phone="13800138000", now=datetime(2024, 1, 1))
    for month in range(1, 13):  # one contact a month, 2025-01 … 2025-12
        log_contact(db, user_id=user, summary=f"老记录标记{month:02d} 客户抱怨利率太高",
                    at=datetime(2025, month, 15, 10), now=datetime(2025, month, 15, 10))
    for day in (1, 20):
        log_contact(db, user_id=user, summary=f"新记录保留{day:02d} 已回访", at=datetime(2026, 11, day, 10),
                    now=datetime(2026, 11, day, 10))
    with write_transaction(db):
        db.execute("INSERT INTO tasks (title, notes, status, created_at, tags, position, important, urgent, contact_id) "
                   "VALUES ('回访王芳', '', 'open', '2025-02-15T10:00:00', '[]', 1, 0, 0, "
                   "(SELECT id FROM contacts WHERE summary LIKE '老记录标记02%'))")
    return db


def test_cutoff_is_the_same_day_n_months_earlier():
    assert retention.cutoff_date(date(2026, 11, 25), 12) == date(2025, 11, 25)
    assert retention.cutoff_date(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert retention.cutoff_date(date(2026, 1, 15), 1) == date(2025, 12, 15)


def test_retention_deletes_old_contacts_everywhere_and_wipes_their_bytes(contacts_db, db_path):
    db = contacts_db
    marker = "老记录标记03".encode()
    assert marker in file_bytes(db_path) or db.execute("PRAGMA wal_checkpoint(TRUNCATE)") and marker in file_bytes(db_path)
    assert search(db, "老记录标记03"), "found before the purge"
    retention.set_retention_months(db, 12)
    assert retention.count_older_than(db, 12, TODAY) == 11  # 2025-01-15 … 2025-11-15 are before 2025-11-25

    assert retention.apply_retention(db, TODAY) == 11

    kept = [r[0] for r in db.execute("SELECT summary FROM contacts ORDER BY at")]
    assert [k[:7] for k in kept] == ["老记录标记12", "新记录保留01", "新记录保留20"]
    assert search(db, "老记录标记03") == [] and search(db, "标记") != []
    assert len(search(db, "抱怨利率")) == 1, "only the kept old-style contact matches"
    assert db.execute("SELECT count(*) FROM contacts_fts WHERE contacts_fts MATCH '老记录标记05'").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM contacts_short WHERE contacts_short MATCH '\"老 记 录 标 记 0 5\"'").fetchone()[0] == 0
    task = db.execute("SELECT title, contact_id FROM tasks").fetchone()
    assert task == ("回访王芳", None), "the task stays, without the link"
    for month in range(1, 12):
        assert f"老记录标记{month:02d}".encode() not in file_bytes(db_path), "deleted text is wiped from the file"
    entry = audit.entries(db)[0]
    assert (entry["action"], entry["rows"]) == (audit.RETENTION_PURGE, 11)
    assert integrity(db) == "ok"


def test_retention_zero_keeps_everything(contacts_db):
    retention.set_retention_months(contacts_db, 0)
    assert retention.apply_retention(contacts_db, TODAY) == 0
    assert contacts_db["contacts"].count == 14


def test_deleting_a_user_leaves_nothing_to_search_or_read(db, db_path):
    for n in range(5):  # neighbours keep the pages in use, so the deleted bytes are not freed wholesale
        other = create_user(db, name=f"保留用户{n}", phone=f"1370000000{n}", now=PINNED_NOW)
        log_contact(db, user_id=other, summary=f"保留摘要{n}", at=datetime(2026, 11, 20, 9), now=datetime(2026, 11, 20, 9))
    user = create_user(db, name="独特姓名甲乙", phone="13912345678", wechat="wx_secret_77", now=PINNED_NOW)
    log_contact(db, user_id=user, summary="独特摘要丙丁戊", at=datetime(2026, 11, 20, 9), now=datetime(2026, 11, 20, 9))
    assert search(db, "独特姓名甲乙") and search(db, "独特摘要丙丁戊")
    delete_user(db, user, now=PINNED_NOW)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for text in ("独特姓名甲乙", "独特摘要丙丁戊", "13912345678", "丙丁"):
        assert search(db, text) == [], text
    raw = file_bytes(db_path)
    for text in ("独特姓名甲乙", "13912345678", "wx_secret_77", "独特摘要丙丁戊"):
        assert text.encode() not in raw, f"{text} still readable in the file"
    assert "保留摘要4".encode() in raw and search(db, "保留摘要4")


def test_every_connection_has_secure_delete(db_path):
    """Debian's SQLite is built with SECURE_DELETE on, the python.org builds for Windows and macOS are
    not: the app sets it itself, so deleted personal data is zeroed on every platform."""
    from pathlib import Path

    from workbench.store import connection

    db = open_database(db_path)
    assert db.execute("PRAGMA secure_delete").fetchone()[0] == 1
    db.close()
    assert 'execute("PRAGMA secure_delete=ON")' in Path(connection.__file__).read_text(encoding="utf-8")
