"""Which characters a rule's match can begin with, read from the compiled pattern itself, so the scan
tries at each position only the rules that can start there (at 明, the handful that can begin with 明).
"""
from __future__ import annotations

import re

try:  # Python ≥ 3.11 names the regex parser's modules privately
    import re._constants as _c
    import re._parser as _p
except ImportError:  # pragma: no cover
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

ANY = "any"  # a first character this analysis cannot narrow down
DIGIT, SPACE = "digit", "space"


def _charset(items, fold: bool) -> frozenset[str]:
    found: set[str] = set()
    for op, value in items:
        if op is _c.NEGATE:
            return frozenset({ANY})
        if op is _c.LITERAL:
            found.add(chr(value).lower() if fold else chr(value))
        elif op is _c.RANGE:
            low, high = value
            if high - low > 300:
                return frozenset({ANY})
            found |= {chr(code).lower() if fold else chr(code) for code in range(low, high + 1)}
        elif op is _c.CATEGORY:
            if value is _c.CATEGORY_DIGIT:
                found.add(DIGIT)
            elif value is _c.CATEGORY_SPACE:
                found.add(SPACE)
            else:
                return frozenset({ANY})
        else:
            return frozenset({ANY})
    return frozenset(found)


def _first(sequence, fold: bool) -> tuple[frozenset[str], bool]:
    """(characters a match of `sequence` can begin with, can it match the empty string)."""
    found: set[str] = set()
    for op, value in sequence:
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # zero-width
        if op is _c.LITERAL:
            return frozenset(found | {chr(value).lower() if fold else chr(value)}), False
        if op is _c.IN:
            return frozenset(found | _charset(value, fold)), False
        if op is _c.SUBPATTERN:
            inner, empty = _first(value[-1], fold)
        elif op is _c.BRANCH:
            results = [_first(branch, fold) for branch in value[1]]
            inner = frozenset().union(*(r[0] for r in results))
            empty = any(r[1] for r in results)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
            inner, empty = _first(value[2], fold)
            empty = empty or value[0] == 0
        elif op is _c.GROUPREF_EXISTS:
            yes = _first(value[1], fold)
            no = _first(value[2], fold) if value[2] is not None else (frozenset(), True)
            inner, empty = yes[0] | no[0], yes[1] or no[1]
        else:
            return frozenset({ANY}), False  # ANY, NOT_LITERAL, a back reference: it could be anything
        found |= inner
        if not empty:
            return frozenset(found), False
    return frozenset(found), True


def first_chars(pattern: re.Pattern) -> frozenset[str]:
    """The characters (lower-cased under IGNORECASE) a match can begin with; 'digit', 'space' or 'any'
    stand for a class."""
    return _first(_p.parse(pattern.pattern, pattern.flags), bool(pattern.flags & re.IGNORECASE))[0]


def can_begin_with(first: frozenset[str], char: str) -> bool:
    return (ANY in first or char.lower() in first or (DIGIT in first and char.isdigit())
            or (SPACE in first and char.isspace()))
