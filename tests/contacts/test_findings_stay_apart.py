"""Findings merge only when they are the same: the same symptom on two pages is two bugs
(issue 18 part 4: 还款页按钮点不动 was merged into 借款页按钮点不动, 提现页闪退 into 登录页闪退)."""
from __future__ import annotations

from datetime import datetime

import pytest

from workbench.contacts.contact_log import log_contact
from workbench.contacts.findings import findings_board, raise_finding, similarity
from workbench.contacts.users import create_user

NOW = datetime(2026, 11, 25, 10, 0)


@pytest.mark.parametrize("first, second", [("借款页按钮点不动", "还款页按钮点不动"), ("登录页闪退", "提现页闪退"),
                                           ("登录页面闪退", "提现界面闪退"), ("login page crashes", "withdraw page crashes")])
def test_the_same_symptom_on_another_page_is_another_finding(db, first, second):
    assert raise_finding(db, "产品bug", first, now=NOW) != raise_finding(db, "产品bug", second, now=NOW)
    assert similarity(first, second) == 0.0


@pytest.mark.parametrize("first, second", [("借款页按钮点不动", "借款页的按钮点不动了"), ("登录页闪退", "登录页老是闪退"),
                                           ("支持微信还款", "希望支持微信还款")])
def test_the_same_finding_in_other_words_still_merges(db, first, second):
    assert raise_finding(db, "产品bug", first, now=NOW) == raise_finding(db, "产品bug", second, now=NOW)


def test_the_findings_board_shows_two_page_bugs_as_two_cards(main_window, db, qtbot):
    a, b = create_user(db, name="甲", now=NOW), create_user(db, name="乙", now=NOW)
    log_contact(db, user_id=a, finding=("产品bug", "登录页闪退"), now=NOW)
    log_contact(db, user_id=b, finding=("产品bug", "提现页闪退"), now=NOW)
    main_window.show_area("contacts")
    page = main_window.page("contacts")
    page.tabs.setCurrentIndex(3)
    column = page.findings.columns["产品bug"]
    shown = sorted(column.item(row).text() for row in range(column.count()))
    assert len(shown) == 2 and any("登录页闪退" in t for t in shown) and any("提现页闪退" in t for t in shown)
    assert [f.mentions for f in findings_board(db)["产品bug"]] == [1, 1]
