"""Search: 1-, 2- and 3+-character Chinese queries, phone tails, the CLI's JSON."""
import json
from datetime import datetime

import pytest

from workbench.cli import main
from workbench.contacts.contact_log import log_contact
from workbench.contacts.findings import raise_finding
from workbench.contacts.search import find_users, search
from workbench.contacts.snippets import create_snippet
from workbench.contacts.users import create_user

NOW = datetime(2026, 11, 25, 10, 0)


@pytest.fixture
def filled(db):
    wang = create_user(db, name="王芳", phone="13800138000", external_id="U20250042", now=NOW)
    li = create_user(db, name="李娜", phone="13912345678", now=NOW)
    create_user(db, name="王芳芳", phone="13700001111", now=NOW)
    log_contact(db, user_id=wang, summary="用户说预算紧张，说明了新的还款入口", outcome="已解决", now=NOW)
    log_contact(db, user_id=li, summary="咨询提现多久到账", outcome="已解决", now=NOW)
    raise_finding(db, "产品bug", "借款页按钮点不动", user_id=li, now=NOW)
    create_snippet(db, "首借免息引导", "{姓名}您好，新用户首借7天免息", now=NOW)
    return {"wang": wang, "li": li}


def kinds_ids(result):
    return [(h.kind, h.id) for h in result.hits]


def test_two_character_name_finds_the_user_first(db, filled):
    result = search(db, "王芳")
    users = [h for h in result.hits if h.kind == "user"]
    assert users[0].id == filled["wang"]  # the exact name before 王芳芳
    assert len(users) == 2
    assert "«王芳»" in users[0].snippet


def test_two_character_word_inside_a_summary(db, filled):
    result = search(db, "预算")
    contacts = [h for h in result.hits if h.kind == "contact"]
    assert len(contacts) == 1 and "«预算»" in contacts[0].snippet


def test_one_character_query(db, filled):
    result = search(db, "娜")
    assert ("user", filled["li"]) in kinds_ids(result)
    assert any(h.kind == "contact" for h in search(db, "提").hits)


def test_three_plus_characters_use_the_trigram_index(db, filled):
    assert [h.kind for h in search(db, "还款入口").hits] == ["contact"]
    assert [h.kind for h in search(db, "按钮点不动").hits] == ["finding"]
    assert [h.kind for h in search(db, "新用户首借").hits] == ["snippet"]


def test_phone_tail_finds_the_user_with_the_phone_masked(db, filled):
    result = search(db, "8000")
    hit = next(h for h in result.hits if h.kind == "user")
    assert hit.id == filled["wang"]
    assert "13800138000" not in hit.title + hit.snippet
    assert "138****8000" in hit.title
    assert find_users(db, "5678") == [filled["li"]]
    assert find_users(db, "U20250042") == [filled["wang"]]


def test_a_deleted_or_edited_summary_leaves_the_short_index(db, filled):
    from workbench.contacts.contact_log import delete_contact, update_summary

    contact_id = search(db, "预算").hits[0].id
    update_summary(db, contact_id, "已改成别的内容")
    assert search(db, "预算").hits == []
    assert [h.id for h in search(db, "别的").hits if h.kind == "contact"] == [contact_id]
    delete_contact(db, contact_id, now=NOW)
    assert [h for h in search(db, "别的").hits if h.kind == "contact"] == []


def test_query_with_fts_syntax_characters_is_plain_text(db, filled):
    assert search(db, 'a"b OR').hits == []
    assert search(db, "%").hits == []


def test_cli_search_json(db_path, db, filled, capsys):
    assert main(["search", "--db", str(db_path), "--json", "王芳"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert set(payload) == {"hits", "ms"}
    assert payload["hits"][0] == {"kind": "user", "id": filled["wang"], "title": "王芳 · U20250042 · 138****8000 · 新用户",
                                  "snippet": "«王芳»"}
    assert isinstance(payload["ms"], float)
