"""Personal data: users' phones and WeChat ids are masked everywhere except the user's detail view.

Every list, chart, export and log goes through these functions (docs/reliability.md, personal data).
`mask_text` is the one rule for free text (task titles and notes, contact summaries, findings, imported
attributes, CLI lines): stored data stays as typed, and what is shown or exported by default passes
through it. Only the user dialog's Reveal and an explicit unmasked export show the raw text, and both
are written to the audit log.
"""
from __future__ import annotations

import re

# A mainland mobile number: 11 digits starting 13-19, optionally written with +86 / 86, spaces or dashes.
# Not inside a longer number, nor the decimals of one (0.13812345678 is a ratio, not a phone).
MOBILE_RE = re.compile(r"(?<!\d)(?<!\d\.)(?:\+?86[ -]?)?(1[3-9]\d)[ -]?(\d{4})[ -]?(\d{4})(?!\d)")
# An 18-character resident ID number (last character may be X), or the older 15-digit form (YYMMDD):
# region, birth date, sequence. The date keeps order numbers and amounts of that length unmasked.
_MONTH_DAY = r"(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
ID_CARD_RE = re.compile(rf"(?<![0-9A-Za-z])(\d{{6}}(?:19|20)\d{{2}}{_MONTH_DAY}\d{{3}}[\dXx]|\d{{8}}{_MONTH_DAY}\d{{3}})"
                        r"(?![0-9A-Za-z])")
# Imported columns whose values are phone numbers even when they are not mobiles (紧急联系人电话 010-…).
PHONE_COLUMN_RE = re.compile(r"电话|手机|联系方式|phone|mobile|(?<![a-z])tel(?![a-z])", re.IGNORECASE)  # not "hotel"


def mask_phone(phone: str | None) -> str:
    """138****1234 for a mobile; other numbers keep their first 3 and last 2 characters."""
    if not phone:
        return ""
    digits = re.sub(r"\D", "", str(phone))
    if len(digits) == 13 and digits.startswith("86"):
        digits = digits[2:]
    if len(digits) == 11:
        return f"{digits[:3]}****{digits[-4:]}"
    if "*" in str(phone):
        return str(phone)  # already masked by the back office
    if len(digits) <= 5:
        return "*" * len(digits)
    return f"{digits[:3]}{'*' * (len(digits) - 5)}{digits[-2:]}"


def mask_wechat(wechat: str | None) -> str:
    """wx***23: the first two and the last two characters."""
    if not wechat:
        return ""
    text = str(wechat)
    if len(text) <= 4:
        return text[0] + "***"
    return f"{text[:2]}***{text[-2:]}"


def mask_text(text: str | None) -> str:
    """Free text (notes, log lines, tracebacks) with every mobile number and ID number masked."""
    if not text:
        return text or ""
    text = ID_CARD_RE.sub(lambda m: m.group(1)[:3] + "*" * (len(m.group(1)) - 5) + m.group(1)[-2:], text)
    return MOBILE_RE.sub(lambda m: f"{m.group(1)}****{m.group(3)}", text)


def mask_attribute(name: str, value) -> str:
    """An imported column's value as lists, timelines and exports show it: a column named as a phone
    (紧急联系人电话, 备用手机) masks any number in it, landlines too; every other column goes through
    mask_text, so a mobile or ID number typed into any column is masked as well."""
    text = "" if value is None else str(value)
    if PHONE_COLUMN_RE.search(name or "") and sum(c.isdigit() for c in text) >= 7:
        return mask_phone(text)
    return mask_text(text)


def mask_values(payload):
    """Every string inside a JSON-shaped payload (dicts, lists) through mask_text; other values as they are."""
    if isinstance(payload, str):
        return mask_text(payload)
    if isinstance(payload, dict):
        return {key: mask_values(value) for key, value in payload.items()}
    if isinstance(payload, (list, tuple)):
        return [mask_values(value) for value in payload]
    return payload


def contains_id_card(text: str | None) -> bool:
    """A note holding an ID-card number gets a warning: the app has no business keeping one."""
    return bool(text) and any(_valid_id_checksum(m.group(1)) or len(m.group(1)) == 15 for m in ID_CARD_RE.finditer(text))


def contains_mobile(text: str | None) -> bool:
    return bool(text) and MOBILE_RE.search(text) is not None


def is_mainland_mobile(phone: str | None) -> bool:
    digits = re.sub(r"\D", "", phone or "")
    if len(digits) == 13 and digits.startswith("86"):
        digits = digits[2:]
    return bool(re.fullmatch(r"1[3-9]\d{9}", digits))


def _valid_id_checksum(number: str) -> bool:
    if len(number) != 18:
        return False
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    total = sum(int(d) * w for d, w in zip(number[:17], weights))
    return "10X98765432"[total % 11] == number[17].upper()
