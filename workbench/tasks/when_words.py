"""The words of the date grammar: numbers, weekday and month names, parts of the day, and the line's
normalised form (Traditional Chinese folded to Simplified, full-width digits to ASCII).

Every table here is vocabulary, not a date: dates are computed in when_calendar.py / when_resolve.py.
"""
from __future__ import annotations

from functools import lru_cache

# --- the line as the grammar reads it -------------------------------------------------------
_FULL_WIDTH = str.maketrans("０１２３４５６７８９：／．－，", "0123456789:/.-,")
_t2s = None


@lru_cache(maxsize=16)  # the capture parser reads the same line several times per keystroke
def normalise(text: str) -> str:
    """Same length as `text` (spans map straight back): 週→周, 後→后, 點→点, １５：３０→15:30.

    OpenCC's Traditional→Simplified conversion does the folding (~10 µs a line; it keeps one character
    per character for the words of this grammar; a line it would change in length is read as written)."""
    global _t2s
    text = text.translate(_FULL_WIDTH)
    if text.isascii():
        return text
    if _t2s is None:
        import opencc  # ~15 ms, once a line has a non-ASCII character

        _t2s = opencc.OpenCC("t2s")
    folded = _t2s.convert(text)
    return folded if len(folded) == len(text) else text


# --- numbers ----------------------------------------------------------------------------------
ZH_NUM = r"[零〇一二两三四五六七八九十]{1,3}"
ZH_OR_DIGITS = rf"(?:\d{{1,2}}|{ZH_NUM})"


@lru_cache(maxsize=512)
def _zh_number(text: str) -> int | None:
    import cn2an  # Chinese numerals (十五, 二十八, 零五, 二〇二七); loaded once, cached per word

    try:
        value = cn2an.cn2an(text, "smart")
    except (ValueError, KeyError, TypeError):
        return None
    return int(value) if float(value).is_integer() and value >= 0 else None


def number(text: str | None) -> int | None:
    """'28' / '二十八' / '两' / '零五' → int; None if it is not a whole number."""
    if not text:
        return None
    if text.isdigit() and text.isascii():
        return int(text)
    if text in ("半",):
        return None
    return _zh_number(text)


EN_COUNT = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
            "thirty": 30, "a couple of": 2, "couple of": 2}
EN_COUNT_RE = r"\d{1,3}|a couple of|couple of|an|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"


def en_count(text: str) -> int | None:
    text = " ".join(text.lower().split())
    return int(text) if text.isdigit() else EN_COUNT.get(text)


_ORDINAL_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                  "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                  "eighteenth", "nineteenth", "twentieth"]
EN_ORDINAL = {word: i for i, word in enumerate(_ORDINAL_WORDS, start=1)}
for _i, _word in enumerate(_ORDINAL_WORDS[:9], start=1):
    EN_ORDINAL[f"twenty-{_word}"] = EN_ORDINAL[f"twenty {_word}"] = 20 + _i
EN_ORDINAL.update({"thirtieth": 30, "thirty-first": 31, "thirty first": 31, "last": -1})
# Longest first, so 'twenty-first' is not read as 'first'.
EN_ORDINAL_RE = "|".join(sorted((w.replace(" ", r"\s") for w in EN_ORDINAL), key=len, reverse=True))


def en_ordinal(text: str) -> int | None:
    """'3rd' / '15th' / 'twenty-first' / 'first' → 3 / 15 / 21 / 1 ('last' → -1)."""
    text = " ".join(text.lower().split())
    digits = text.rstrip("stndrh")
    return int(digits) if digits.isdigit() else EN_ORDINAL.get(text)


ZH_ORDINAL = {"一": 1, "1": 1, "二": 2, "2": 2, "三": 3, "3": 3, "四": 4, "4": 4, "五": 5, "5": 5, "最后一": -1, "末": -1}

# --- weekdays and months --------------------------------------------------------------------
ZH_WEEKDAY = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "七": 6,
              "1": 0, "2": 1, "3": 2, "4": 3, "5": 4, "6": 5, "7": 6}
ZH_WEEK = r"(?:周|星期|礼拜)"
ZH_WEEKDAY_CHAR = r"[一二三四五六日天1-6]"
EN_WEEKDAY = {"monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2, "weds": 2,
              "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
              "sunday": 6, "sun": 6}
EN_WEEKDAY_RE = (r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tues|tue|weds|wed|thurs|thur|thu"
                 r"|fri|sat|sun|mon)(?:\.(?!\d))?")
# Short forms that are also ordinary English words: a weekday only with a cue (on/by/next/a time).
EN_WEEKDAY_NEEDS_CUE = {"sat", "sun"}

EN_MONTH = {name: i for i, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")], start=1) for name in names}
EN_MONTH_RE = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
               r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)(?:\.(?!\d))?")


def en_weekday(text: str) -> int:
    return EN_WEEKDAY[text.lower().rstrip(".")]


def en_month(text: str) -> int:
    return EN_MONTH[text.lower().rstrip(".")]


# --- parts of the day -------------------------------------------------------------------------
# The default clock time of a part of the day written without one (明天下午 → 15:00): a setting.
DEFAULT_DAY_PARTS = {"morning": (9, 0), "noon": (12, 0), "afternoon": (15, 0), "evening": (20, 0),
                     "dusk": (18, 0), "end_of_day": (18, 0)}
ZH_PERIOD = {"上午": "morning", "早上": "morning", "早晨": "morning", "清晨": "morning", "早": "morning",
             "中午": "noon", "正午": "noon", "下午": "afternoon", "午后": "afternoon", "傍晚": "dusk",
             "晚上": "evening", "晚间": "evening", "夜里": "night", "夜间": "night", "晚": "evening",
             "半夜": "late", "凌晨": "late", "深夜": "late"}
ZH_PERIOD_RE = r"上午|早上|早晨|清晨|中午|正午|下午|午后|傍晚|晚上|晚间|夜里|夜间|半夜|凌晨|深夜"
EN_PERIOD = {"morning": "morning", "afternoon": "afternoon", "evening": "evening", "night": "evening",
             "tonight": "evening"}
# A part of the day without a default time (凌晨, 半夜) needs a clock time to be understood.
DEFAULT_KEY = {"morning": "morning", "noon": "noon", "afternoon": "afternoon", "dusk": "dusk",
               "evening": "evening", "night": "evening", "end_of_day": "end_of_day"}
