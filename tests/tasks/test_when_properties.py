"""Properties of the date grammar over generated text: it never raises, a claimed date is always a real
one, a deadline is never silently in the past, a chip can always be un-parsed, and a date expression
reads the same alone, in a field and inside a capture line of ordinary words."""
from __future__ import annotations

import re
from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.tasks.capture_parser import parse_capture_strict
from workbench.tasks.when_grammar import parse_when
from workbench.tasks.when_rules import RULES

NOW = datetime(2026, 11, 25, 9, 30)
DATE_ALPHABET = list("今明后大昨天周週星期礼拜一二三四五六七八九十日号號月年底初点點半刻分钟小时後内工作个下上午晚早中凌晨"
                     "前以之每隔第最0123456789:：/-. ,apmtonigheveryfridayweekdsbusinessquarterpastnooc'")
WORDS = st.sampled_from(["tomorrow", "today", "tonight", "next", "friday", "mon", "at", "3pm", "in", "2", "days",
                         "hours", "the", "15th", "of", "march", "april", "14,", "2027", "before", "after", "from",
                         "quarter", "past", "half", "noon", "midnight", "morning", "afternoon", "week", "business",
                         "明天", "下午", "三点", "半", "下周一", "上午", "3月", "15日", "月底", "春节", "后", "前",
                         "两天", "到", "周五", "2小时后", "工作日", "内", "每", "隔", "一天", "2027年"])
NOW_CHOICES = st.sampled_from([NOW, datetime(2026, 1, 31, 23, 59), datetime(2026, 12, 31, 16, 0),
                               datetime(2026, 12, 6, 0, 0), datetime(2028, 2, 29, 8, 0)])
PAST_WORDS = ("昨", "前天", "yesterday", "上", "last", "去年", "2025", "2024", "20", "19")


def _due_moment(due: str) -> datetime:
    return datetime.fromisoformat(due if len(due) > 10 else due + "T23:59")


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(alphabet=st.sampled_from(DATE_ALPHABET), max_size=30),
                 st.lists(WORDS, max_size=8).map(" ".join)), NOW_CHOICES)
def test_never_raises_and_every_claimed_date_is_real_and_not_silently_past(text, now):
    parsed = parse_capture_strict(text, now)
    found = parse_when(text, now)
    for due in (parsed.due, found.due if found else None):
        if due is not None:
            assert _due_moment(due)  # a real date (and time)
    if parsed.due and not parsed.recurrence:
        assert [c for c in parsed.chips if c.kind == "due"], "a due always shows as a chip"
        past = _due_moment(parsed.due) < now
        warned = any("past" in w.en for w in parsed.warnings)
        assert past == warned, "a date before now is claimed only with its warning"
        if not any(word in text.lower() for word in PAST_WORDS):
            assert parsed.due[:10] >= now.date().isoformat(), "nothing written in the past: not before today"


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=8).map(" ".join), NOW_CHOICES)
def test_a_removed_chip_puts_its_text_back(text, now):
    parsed = parse_capture_strict(text, now)
    chips = [c for c in parsed.chips if c.kind == "due"]
    if not chips:
        return
    again = parse_capture_strict(text, now, ignore=chips[0].raws)
    assert again.due is None or again.recurrence is not None or again.due != parsed.due \
        or len([c for c in again.chips if c.kind == "due"]) == 1
    for raw in chips[0].raws:
        assert raw in again.title


EXAMPLES = sorted({example for rule in RULES for example in rule.examples if parse_when(example, NOW)})
TITLES = st.sampled_from(["回访 王芳", "整理借款SOP", "call bob about refund", "发周报", "review the deck",
                          "复盘 次日留存", "买 3 箱水", "提升 10% 转化"])


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(EXAMPLES), TITLES, st.booleans())
def test_an_expression_reads_the_same_alone_and_inside_ordinary_words(expression, title, first):
    if re.fullmatch(r"(?:at|by|around) \w+|(?:on )?(?:the )?\w+(?:st|nd|rd|th)", expression):
        first = False  # 'at 3 stores', 'the 3rd option': followed by a word they are a count, by design
    if re.fullmatch(r"\d{1,2}\.\d{1,2}", expression):
        first = True  # '评分 4.5': a dotted pair after words is a number; alone at the start, 10.1 is a date
    line = f"{expression} {title}" if first else f"{title} {expression}"
    parsed = parse_capture_strict(line, NOW)
    assert parsed.due == parse_when(expression, NOW).due
    assert parsed.title == title


def test_every_rule_has_examples_it_reads_whole():
    from workbench.tasks.when_words import normalise

    for rule in RULES:
        assert rule.examples, rule.name
        for example in rule.examples:
            assert rule.pattern.fullmatch(normalise(example)), (rule.name, example)


def test_every_rule_example_is_found_where_it_begins():
    """The scan tries rules only where a part can begin: no example may start where it does not look."""
    from workbench.tasks.when_grammar import scan
    from workbench.tasks.when_rules import Context
    from workbench.tasks.when_words import normalise

    for rule in RULES:
        for example in rule.examples:
            parts = scan(normalise(example), Context(NOW))
            assert parts and parts[0].start == 0, (rule.name, example)


def test_the_first_characters_read_from_each_pattern_cover_its_examples():
    """when_first.py narrows the rules tried at a position from the pattern itself; an example's own first
    character must always be among them."""
    from workbench.tasks.when_first import can_begin_with, first_chars
    from workbench.tasks.when_words import normalise

    for rule in RULES:
        first = first_chars(rule.pattern)
        for example in rule.examples:
            assert can_begin_with(first, normalise(example)[0]), (rule.name, example)
