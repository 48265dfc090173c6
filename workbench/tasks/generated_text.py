"""Text the app writes for the user, stored language-neutrally and rendered when it is shown.

A title the app generates (an alert task, a PDCA stall task, a recall day, a redial, a follow-up, the
next round of a cycle, an SOP snippet) is stored as a kind and its parameters (`title_kind` TEXT,
`title_params` JSON on tasks, pdca_cycles and snippets) next to the text it had when it was made (the
`title` column: what search and older readers see). Every place that shows or exports such a title
renders it here, in the language the user reads now (or the workbook's), so switching the language
changes old items too. A title the operator edits becomes theirs: the kind is cleared.

A parameter is plain text or a number, a {"zh": …, "en": …} pair (a word the app seeds in Chinese, a
rule line), or a nested {"kind": …, "params": …} (a stall task about a cycle whose title is generated).
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable

from workbench.errors import current_language, plural


def _count(n, noun: str) -> str:
    try:
        return plural(int(n), noun)
    except (TypeError, ValueError):
        return f"{n} {noun}s"


# kind → (Chinese, English) renderers over the parameters (already resolved to the language).
KINDS: dict[str, tuple[Callable[[dict], str], Callable[[dict], str]]] = {
    "alert_task": (lambda p: f"处理预警：{p['dataset']}·{p['metric']} {p['rule']}（{p['date']}）",
                   lambda p: f"Handle alert: {p['dataset']} · {p['metric']} {p['rule']} ({p['date']})"),
    "alert_cycle": (lambda p: f"处理预警：{p['metric']} {p['rule']}（{p['date']}）",
                    lambda p: f"Handle alert: {p['metric']} {p['rule']} ({p['date']})"),
    "pdca_stalled": (lambda p: f"PDCA 停滞 {p['days']} 天：{p['cycle']}",
                     lambda p: f"PDCA stalled for {_count(p['days'], 'day')}: {p['cycle']}"),
    "pdca_check_overdue": (lambda p: f"PDCA 检查逾期：{p['cycle']}",
                           lambda p: f"PDCA Check overdue: {p['cycle']}"),
    "follow_up": (lambda p: f"跟进 {p['name']}：{p.get('about') or '联系'}".strip(),
                  lambda p: f"Follow up {p['name']}: {p.get('about') or 'contact'}".strip()),
    "redial": (lambda p: f"重拨 {p['name']}（第 {p['try']}/{p['max']} 次）",
               lambda p: f"Call {p['name']} again (try {p['try']} of {p['max']})"),
    "contact_by": (lambda p: f"{p['channel']}联系 {p['name']}（{p['attempts']} 次未接通）",
                   lambda p: f"Contact {p['name']} by {p['channel']} ({_count(p['attempts'], 'unanswered call')})"),
    "recall_day": (lambda p: f"{p['sequence']}：{p['count']} 人待联系（{p['steps']}）",
                   lambda p: f"{p['sequence']}: {_count(p['count'], 'user')} to contact ({p['steps']})"),
    "next_round": (lambda p: f"{p['base']}（第{p['round']}轮）",
                   lambda p: f"{p['base']} (round {p['round']})"),
    "sop": (lambda p: f"SOP：{p['title']}", lambda p: f"SOP: {p['title']}"),
}


def _resolve(value, zh: bool):
    if isinstance(value, dict):
        if "kind" in value:
            return render(value["kind"], value.get("params") or {}, zh)
        if "zh" in value or "en" in value:
            return value.get("zh" if zh else "en") or value.get("en" if zh else "zh") or ""
    return "" if value is None else value


def render(kind: str, params: dict, zh: bool) -> str:
    """The generated text of `kind` with `params`, in Chinese (zh) or English. KeyError on an unknown
    kind or a missing parameter (title() falls back to the stored text then)."""
    chinese, english = KINDS[kind]
    resolved = {name: _resolve(value, zh) for name, value in (params or {}).items()}
    return (chinese if zh else english)(resolved)


def is_chinese(lang: str | None = None) -> bool:
    return (lang or current_language()) == "zh_CN"


def title(stored: str, kind: str | None, params: str | dict | None, lang: str | None = None) -> str:
    """What to show for a stored title: its kind rendered in `lang` (default: the app's language), or the
    stored text when the title is the operator's (no kind) or cannot be rendered."""
    if not kind:
        return stored
    try:
        values = json.loads(params) if isinstance(params, str) else (params or {})
        return render(kind, values, is_chinese(lang))
    except (KeyError, TypeError, ValueError):
        return stored


def params_json(params: dict | None) -> str | None:
    return None if params is None else json.dumps(params, ensure_ascii=False, sort_keys=True)


def nested(stored: str, kind: str | None, params: str | dict | None):
    """A parameter standing for another stored title: the nested kind, or the plain text."""
    if not kind:
        return stored
    values = json.loads(params) if isinstance(params, str) else (params or {})
    return {"kind": kind, "params": values}


def bilingual(zh: str | None, en: str | None) -> dict | None:
    return None if zh is None and en is None else {"zh": zh, "en": en}


# --- recognising titles stored as plain text before kinds existed (the migrations) ------------------
_N = r"(\d+)"
RECOGNISERS: list[tuple[str, re.Pattern]] = [
    ("pdca_check_overdue", re.compile(r"^PDCA 检查逾期：(?P<cycle>.+)$")),
    ("pdca_check_overdue", re.compile(r"^PDCA Check overdue: (?P<cycle>.+)$")),
    ("pdca_stalled", re.compile(r"^PDCA 停滞 (?P<days>\d+) 天：(?P<cycle>.+)$")),
    ("pdca_stalled", re.compile(r"^PDCA stalled for (?P<days>\d+) days?: (?P<cycle>.+)$")),
    ("redial", re.compile(r"^重拨 (?P<name>.+?)（第 (?P<try>\d+)/(?P<max>\d+|∞) 次）$")),
    ("redial", re.compile(r"^Call (?P<name>.+?) again \(try (?P<try>\d+) of (?P<max>\d+|∞)\)$")),
    ("recall_day", re.compile(r"^(?P<sequence>.+?)：(?P<count>\d+) 人待联系（(?P<steps>.+)）$")),
    ("recall_day", re.compile(r"^(?P<sequence>.+?): (?P<count>\d+) users? to contact \((?P<steps>.+)\)$")),
]


def recognise(text: str, vocabulary: dict[str, str] | None = None) -> tuple[str, dict] | None:
    """(kind, params) for a title one of the app's generators wrote (in either language), or None.
    Only forms whose parameters can be read back whole are recognised; the rest stay plain text."""
    for kind, pattern in RECOGNISERS:
        match = pattern.match(text or "")
        if match:
            params = dict(match.groupdict())
            for key in ("days", "try", "count"):
                if key in params:
                    params[key] = int(params[key])
            if kind == "redial" and params["max"] != "∞":
                params["max"] = int(params["max"])
            return kind, params
    return None
