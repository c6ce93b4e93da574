"""English text normalisation: digits, units, money, dates, times, Roman numerals and abbreviations
said in words, as a teacher reads them aloud.

    >>> normalize_en("Sheet No. 4: 100 ms at 21.5 kg, pp. 10–12, 50x faster (HTTP 500s)")
    'Sheet number four: one hundred milliseconds at twenty one point five kilograms, pages ten to twelve, fifty times faster (HTTP five hundreds)'

How: one ordered list of rules (:data:`_RULES`), each a regular expression and a function that says
what it matched, joined into one alternation so a sentence is scanned once; at each position the
first rule that matches wins (a date before a fraction, a range before its numbers). Rules that
decline give the span's numbers plainly. Numbers are spelled by num2words (see
:mod:`.en_numbers`). A regular-expression gate returns text with no digit, no symbol and no
abbreviation of ours untouched, and results are cached, so prose costs next to nothing.

Why rules of our own over a library (measured on NeMo's English test cases in
../shared/tn/nemo/en and on the segments of the shared corpus, see
benchmarks/bench_normalize.py and the issue 18 note):

- NeMo text processing (pynini grammars): 98.8 % of the cases, but a 716 MB install, 80 s to
  compile its grammars on first use and about 25,000 characters a second: the planner must stay
  above 300,000 characters a second.
- wetext 0.1.8 (WeTextProcessing's prebuilt grammars on kaldifst, 52 MB): 70 % of the English cases;
  it raises on about 7 % of the corpus sentences with digits and reads the same unit two ways
  ("100 ms and" milliseconds, "100 ms on" "M S"; "1980s" "nineteen eighty seconds").
- num2words alone (or inflect): 16 % (numbers only), inflect also takes 2 s to import.
- these rules on num2words (measured by benchmarks/bench_normalize.py on 2 shared cores): 95.3 % of
  the 275 cases this module owns (82.5 % of all 320: the 45 URL and e-mail cases are spoken.py's,
  which says a URL as its host; the 13 other misses are the suite's taste, listed in
  tests/test_normalize_en.py), 0.16 s for the first call in a new process, 350,000 characters a
  second on sentences full of digits, 2.3 million on the corpus's English segments, 11 million on
  text without digits; no exception and no digit left on the corpus; num2words is 1.3 MB
  (LGPL-2.1, with docopt, MIT), nothing downloaded. Numbers below a million are spelled here
  (the same words as num2words, checked, ~50x faster), larger ones, ordinals and years by num2words.

Conventions (where English speakers differ, the choice made): "11/02/2016" is month first (US, as
NeMo) unless the first number cannot be a month or the language is en-GB/en-AU/en-IN/...
(day first); "21:51:31" is "twenty one hours fifty one minutes and thirty one seconds"; "10-12" is
"ten to twelve"; a four-digit number 1100-2099 is a year ("nineteen ninety eight") after "in",
"since", ... or where no lowercase word follows, else a cardinal ("1500 students"); 10 digits or
more without commas, or after "ending in", "PIN", "ID" ..., are read digit by digit; "50x" is
"fifty times"; ® and ™ attached to a name are not read (a teacher does not say them).

Left to :func:`narrator.script.maths.speak_symbols` (which runs after this, then this again on its
digits): superscripts and subscripts other than a unit's ² and ³, ≥ ≤ ≠ ≈ ± × ÷ → ∞ ‰ and Greek
letters. Overlap: "=" "+" "-" between numbers and single letters ("y=x+1") are said here, since
speak_symbols only says them next to symbols it changed. URLs and e-mail addresses are spoken.py's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import lru_cache

from narrator.normalize import en_numbers as num
from narrator.normalize.en_tables import (ABBREVIATIONS, CURRENCIES, LENGTHS, MONTH_NAMES, MONTHS,
                                                 NUMBERED, PER_UNITS, REGNAL, ROMAN_CUES, SCALES,
                                                 TIME_ZONES, UNITS)

__all__ = ["normalize_en"]

# -- building blocks of the patterns ----------------------------------------------------------------

_NUM = r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?|\.[0-9]+)"
_INT = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)"
_START = r"(?<![0-9A-Za-z])"  # a number starts here, not inside a word or another number


def _alternation(words: object) -> str:
    """Longest first, so "kHz" is tried before "k"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


_UNIT = rf"(?:{_alternation(UNITS)}|[Ωℎ]|in(?=\s*(?:$|[.,;:!?)]|x\s?[0-9])))"
_POWER = r"[²³]|[23](?![0-9])"
_PER = rf"(?:{_alternation(PER_UNITS)})"
_MONTH = rf"(?i:{_alternation(MONTH_NAMES)})"
_AMPM = r"(?:[aApP]\.[mM]\.?|[aApP][mM](?![A-Za-z]))"
_ZONE = r"(?:\s?(?i:e\.s\.t|" + _alternation(TIME_ZONES) + r")(?![A-Za-z]))"
_CURRENCY = rf"(?:{_alternation(k for k in CURRENCIES if k != '$')}|\$)"
_QTY = rf"(?:[0-9]+\s(?=[0-9]+/[0-9])[0-9]+/[0-9]+|[0-9]+/[0-9]+|{_NUM})"  # 4 1/2, 1/2, 2.5
_DASH = r"(?:\s?[–—]\s?|\s-\s|-)"
_ITEM_SUFFIX = (rf"(?:\s?{_AMPM}|'?s(?![A-Za-z])|\s?%|(?:\s?|-)(?:{_UNIT})(?:{_POWER})?(?![A-Za-z])"
                rf"(?:\s?/\s?{_PER}(?![A-Za-z]))?)")
_ITEM = rf"(?:{_CURRENCY}\s?)?(?:[0-9]{{1,2}}:[0-9]{{2}}|{_NUM})(?:{_ITEM_SUFFIX})?"
_DIGIT_CUES = re.compile(r"(?i:ending in|ends in|\bpin|\bid|\bcode|account|\bacct|\bcard|serial|\bext\.?|\btel\.?|"
                         r"phone|\bfax|\bzip|isbn)\s*:?\s*$")
_YEAR_CUES = frozenset(("in", "since", "from", "until", "till", "by", "of", "year", "circa", "c.", "before",
                        "after", "during", "between", "and", "to", "early", "late", "mid", "around",
                        "spring", "summer", "autumn", "fall", "winter", "through", "christmas"))
_NOT_PLURAL = frozenset(("was", "is", "has", "as", "this", "its", "his", "thus", "plus", "less", "yes", "us",
                         "saw", "sees", "marks", "brings", "gives", "sets", "becomes", "remains", "begins"))
_ORDINAL_SUFFIX = {1: "st", 2: "nd", 3: "rd"}


# -- small helpers -----------------------------------------------------------------------------------

def _spell_numbers(text: str) -> str:
    """Every number in ``text`` said plainly: the answer of a rule that declines."""
    return re.sub(_NUM, lambda m: num.number(m.group()), text)


def _int(s: str) -> int:
    return int(s.replace(",", ""))


def _is_one(s: str) -> bool:
    return s.replace(",", "") == "1"


def _quantity(s: str) -> str:
    """'4 1/2' -> 'four and a half', '3/4' -> 'three quarters', '2.5' -> 'two point five'."""
    if "/" not in s:
        return num.number(s)
    whole, _, frac = s.rpartition(" ")
    top, _, bottom = frac.partition("/")
    n, d = int(top), int(bottom)
    if whole:
        if n == 1 and d in (2, 4):
            return f"{num.cardinal(int(whole))} and a {num.denominator(d, False)}"
        return f"{num.cardinal(int(whole))} and {_fraction_words(n, d)}"
    return _fraction_words(n, d)


def _fraction_words(n: int, d: int) -> str:
    if d == 0:
        return f"{num.cardinal(n)} over zero"
    if d == 1:
        return f"{num.cardinal(n)} over one"
    return f"{num.cardinal(n)} {num.denominator(d, n != 1)}"


def _previous_word(m: re.Match[str]) -> str:
    before = m.string[:m.start()].rstrip()
    return before.rsplit(None, 1)[-1].lower() if before else ""


def _unit_words(symbol: str, power: str, singular: bool) -> str:
    one, many = UNITS.get(symbol) or ({"in": ("inch", "inches"), "Ω": ("ohm", "ohms"),
                                       "ℎ": ("hour", "hours")}[symbol])
    word = one if singular else many
    if power:
        square = power in "²2"
        if symbol in LENGTHS:
            return ("square " if square else "cubic ") + word
        return word + (" squared" if square else " cubed")
    return word


def _per(symbol: str) -> str:
    return "per " + PER_UNITS[symbol][0]


# -- the rules, in the order they are tried at each position ---------------------------------------

def _phone(m: re.Match[str]) -> str:
    groups = re.findall(r"\+?[0-9]+", m.group())
    return ", ".join(("plus " if g.startswith("+") else "") + num.digits(g) for g in groups)


def _iso_date(m: re.Match[str]) -> str:
    year, month, day = map(int, re.findall(r"[0-9]+", m.group()))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return _serial(m)
    return f"{MONTHS[month - 1]} {num.ordinal(day)} {num.year(year)}"


def _numeric_date(m: re.Match[str], day_first: bool) -> str:
    a, b, y = re.findall(r"[0-9]+", m.group())
    first, second, sep = int(a), int(b), m.group()[len(a)]
    if sep != "/" and len(y) != 4:  # "1.2.34": a version or a section number, not a date
        return _dotted(m) if sep == "." else _serial(m)
    day_first = first > 12 or (day_first and second <= 12)
    month, day = (second, first) if day_first else (first, second)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return _serial(m)
    year = num.year(int(y)) if len(y) == 4 else num.number(y)
    if day_first:
        return f"the {num.ordinal(day)} of {MONTHS[month - 1]} {year}"
    return f"{MONTHS[month - 1]} {num.ordinal(day)} {year}"


# a day of the year without its year (4/27): only where a date is plain, since 3/16 is also a
# fraction: after a word that asks for a date ("due 5/6", "Monday 4/27"; not "after 1/2 an hour",
# "since 3/4 of students") or in a range of two
# with a number past 12 ("4/27–5/3", not "1/2–3/4"); never before a measure ("3/16–5/16 inch")
_DATE_CUE = (r"(?:[Oo]n|[Dd]ue|[Uu]ntil|[Tt]ill|[Bb]efore|[Aa]fter|[Ss]ince|[Tt]hrough|[Ww]eek of|"
             r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.?,?)")
_DAY_MONTH = r"[0-9]{1,2}/[0-9]{1,2}"


def _short_date(m: re.Match[str], day_first: bool) -> str:
    text = m.group()
    parts = [(int(a), int(b)) for a, b in re.findall(r"([0-9]{1,2})/([0-9]{1,2})", text)]
    cue = text[:re.search(r"[0-9]", text).start()]  # type: ignore[union-attr]  # "due ", or ""
    dates = [(b, a) if day_first else (a, b) for a, b in parts]  # (month, day)
    plain = len(parts) == 1 or any(n > 12 for pair in parts for n in pair)
    if not plain or not all(1 <= month <= 12 and 1 <= day <= 31 for month, day in dates):
        return cue + "–".join(_fraction_words(a, b) for a, b in parts)  # fractions after all
    return cue + " to ".join(f"the {num.ordinal(day)} of {MONTHS[month - 1]}" if day_first
                             else f"{MONTHS[month - 1]} {num.ordinal(day)}" for month, day in dates)


def _dotted(m: re.Match[str]) -> str:
    """'3.14.2' (a version, a section) -> 'three point fourteen point two'; an IP address with 'dot'."""
    parts = m.group().split(".")
    ip = len(parts) == 4 and all(len(p) <= 3 and int(p) <= 255 for p in parts)
    return (" dot " if ip else " point ").join(_amount(p) for p in parts)


def _serial(m: re.Match[str]) -> str:
    """Groups of digits read digit by digit, after their letters: ISBNs, part numbers ("A1-2-3":
    "A one, two, three"), impossible dates."""
    letters = re.split(r"(?=[0-9])", m.group(), maxsplit=1)[0]
    return (letters + " " if letters else "") + ", ".join(num.digits(g) for g in re.findall(r"[0-9]+", m.group()))


def _month_name(word: str, year: str | None = None) -> str | None:
    w = word.lower().rstrip(".")
    if w in ("may", "mar") and not word[0].isupper() and not year:
        return None  # "you may 5", "to mar": only "May 5" is a date
    return MONTHS[MONTH_NAMES[w] - 1] if w in MONTH_NAMES else None


def _month_day(m: re.Match[str]) -> str:
    month, day, year = _month_name(m.group(1), m.group(3)), int(m.group(2)), m.group(3)
    if month is None or not 1 <= day <= 31:
        return _spell_numbers(m.group())
    return f"{month} {num.ordinal(day)}" + (f" {num.year(int(year))}" if year else "")


def _month_year(m: re.Match[str]) -> str:
    month = _month_name(m.group(1), m.group(2))
    if month is None:
        return _spell_numbers(m.group())
    return f"{month} {num.year(int(m.group(2)))}"


def _day_month(m: re.Match[str]) -> str:
    day, month, year = int(m.group(1)), _month_name(m.group(2), m.group(3)), m.group(3)
    if month is None or not 1 <= day <= 31:
        return _spell_numbers(m.group())
    the = "" if _previous_word(m) == "the" else "the "
    return f"{the}{num.ordinal(day)} of {month}" + (f" {num.year(int(year))}" if year else "")


def _quarter(m: re.Match[str]) -> str:
    q, y = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    year = num.year(int(y)) if len(y) == 4 else num.number(y)
    return f"the {num.ordinal(int(q))} quarter of {year}"


def _is_year(s: str) -> bool:
    return s.isdigit() and len(s) == 4 and 1000 <= int(s) <= 2099


def _range(m: re.Match[str]) -> str:
    left, mark, right = m.group(1), m.group(2), m.group(3)
    hyphen = mark.strip() == "-"
    if hyphen and any(c in m.string for c in "=+×*"):
        return f"{_say(left)} minus {_say(right)}"  # "1-2=5": a subtraction
    plain = left.isdigit() and right.isdigit()
    if _is_year(left) and (_is_year(right) or len(right) == 2 and right.isdigit()):
        second = num.year(int(right)) if len(right) == 4 else num.number(right)
        return f"{num.year(int(left))} to {second}"  # "1980-86"
    if hyphen and plain and int(left) >= int(right):
        return f"{num.number(left)} - {num.number(right)}"  # "978-0", a score: not a range
    say_left = num.number(left) if re.fullmatch(_NUM, left) else _say(left)
    return f"{say_left} to {_say(right)}"


def _plural(m: re.Match[str]) -> str:
    """'1980s' -> 'nineteen eighties', "'90s" -> 'nineties', '500s' -> 'five hundreds'."""
    apostrophe, digits = m.group(1), re.match(r"[0-9]+", m.group(2))
    assert digits is not None
    n = int(digits.group())
    if apostrophe or not _is_year(digits.group()):
        return num.plural(num.cardinal(n))
    return num.plural(num.year(n))


def _clock(m: re.Match[str]) -> str:
    h, mm, ss, ampm, zone = int(m.group(1)), int(m.group(2)), m.group(3), m.group(4), m.group(5)
    if mm > 59 or (ss and int(ss) > 59) or (not ampm and not ss and h > 24):
        said = _ratio_words(m.group(1), m.group(2)) + (f" to {num.number(ss)}" if ss else "")
        return said + _tail(ampm, zone)  # not a time: every part said ("1:00:60" kept its 60)
    if ss:
        s = int(ss)
        said = (f"{num.cardinal(h)} {'hour' if h == 1 else 'hours'} {num.cardinal(mm)} "
                f"{'minute' if mm == 1 else 'minutes'} and {num.cardinal(s)} {'second' if s == 1 else 'seconds'}")
    elif mm == 0:
        said = num.cardinal(h) if ampm else f"{num.cardinal(h)} o'clock"
    else:
        said = f"{num.cardinal(h)} {'oh ' if mm < 10 else ''}{num.cardinal(mm)}"
    return said + _tail(ampm, zone)


def _tail(ampm: str | None, zone: str | None) -> str:
    out = ""
    if ampm:
        out += " " + ("AM" if ampm[0] in "aA" else "PM")
    if zone:
        out += " " + zone.replace(".", "").strip().upper()
    return out


def _hour_ampm(m: re.Match[str]) -> str:
    h, mm = int(m.group(1)), m.group(2)
    said = num.cardinal(h)
    if mm and int(mm):
        said += f" {'oh ' if int(mm) < 10 else ''}{num.cardinal(int(mm))}"
    return said + _tail(m.group(3), m.group(4))


def _ratio_words(a: str, b: str) -> str:
    return f"{num.number(a)} to {num.number(b)}"


def _ratio(m: re.Match[str]) -> str:
    return _ratio_words(m.group(1), m.group(2))


def _money(m: re.Match[str]) -> str:
    symbol, amount, scale, per = m.group(1), m.group(2), m.group(3), m.group(4)
    one, many, minor_one, minor_many = CURRENCIES[symbol]
    tail = f" {_per(per)}" if per else ""
    if scale:
        return f"{num.number(amount)} {SCALES[scale]} {many}{tail}"
    whole, _, frac = amount.replace(",", "").partition(".")
    frac = frac.rstrip("0")
    if minor_one and len(frac) <= 2:
        units = int(whole) if whole else 0
        cents = int(frac.ljust(2, "0")) if frac else 0
        parts = []
        if units or not cents:
            parts.append(f"{num.cardinal(units)} {one if units == 1 else many}")
        if cents:
            parts.append(f"{num.cardinal(cents)} {minor_one if cents == 1 else minor_many}")
        return " and ".join(parts) + tail
    singular = whole == "1" and not frac
    return f"{num.number(amount)} {one if singular else many}{tail}"


def _money_after(m: re.Match[str]) -> str:
    amount, symbol = m.group(1), m.group(2)
    if symbol == "¢":
        return f"{num.number(amount)} {'cent' if _is_one(amount) else 'cents'}"
    one, many, _, _ = CURRENCIES[symbol]
    return f"{num.number(amount)} {one if _is_one(amount) else many}"


def _percent(m: re.Match[str]) -> str:
    sign = {"+": "plus ", "-": "minus ", "−": "minus "}.get(m.group(1) or "", "")
    return f"{sign}{num.number(m.group(2))} percent"


def _degrees_minutes(m: re.Match[str]) -> str:
    d, mi, s, compass = m.group(1), m.group(2), m.group(3), m.group(4)
    out = f"{_amount(d)} {'degree' if _is_one(d) else 'degrees'}"
    if mi:
        out += f" {_amount(mi)} {'minute' if float(mi) == 1 else 'minutes'}"
    if s:
        out += f" {_amount(s)} {'second' if float(s) == 1 else 'seconds'}"
    return out + (" " + {"N": "north", "S": "south", "E": "east", "W": "west"}[compass] if compass else "")


def _degrees(m: re.Match[str]) -> str:
    sign = "minus " if m.group(1) in ("-", "−") else ""
    value, scale = m.group(2), m.group(3) or m.group(4) or ""
    word = "degree" if _is_one(value) else "degrees"
    scale_word = {"C": " Celsius", "F": " Fahrenheit", "℃": " Celsius", "℉": " Fahrenheit",
                  "N": " north", "S": " south", "E": " east", "W": " west"}.get(scale, "")
    return f"{sign}{num.number(value)} {word}{scale_word}"


def _amount(s: str) -> str:
    """A count in a time or an angle: '06' is 'six', not 'zero six'."""
    return num.cardinal(int(s)) if s.isdigit() else num.number(s)


def _primes(m: re.Match[str]) -> str:
    parts = []
    for value, mark in re.findall(r"([0-9]+(?:\.[0-9]+)?)\s?([′″'\"ʰᵐˢᵈ])", m.group()):
        unit = {"′": "minute", "″": "second", "ʰ": "hour", "ᵐ": "minute", "ˢ": "second", "ᵈ": "day",
                "'": "foot", '"': "inch"}[mark]
        plural = {"foot": "feet", "inch": "inches"}.get(unit, unit + "s")
        parts.append(f"{_amount(value)} {unit if float(value) == 1 else plural}")
    return " ".join(parts)


def _ordinal(m: re.Match[str]) -> str:
    n, suffix = _int(m.group(1)), m.group(2).lower()
    right = "th" if 10 <= n % 100 <= 20 else _ORDINAL_SUFFIX.get(n % 10, "th")
    if suffix != right:
        return f"{num.number(m.group(1))} {suffix}"  # "4rd": as written
    return num.ordinal(n)


def _scientific(m: re.Match[str]) -> str:
    exponent = int(m.group(2))
    power = f"minus {num.cardinal(-exponent)}" if exponent < 0 else num.cardinal(exponent)
    return f"{num.number(m.group(1))} times ten to the power {power}"


_OPERATORS = {"+": "plus", "-": "minus", "−": "minus", "=": "equals", "*": "times", "×": "times", "/": "over"}


def _maths(m: re.Match[str]) -> str:
    out = []
    for token in re.findall(rf"{_NUM}|[A-Za-z]|[-−+=*×/]", m.group()):
        if token in _OPERATORS:
            out.append(_OPERATORS[token])
        elif token[0].isdigit() or token[0] == ".":
            out.append(num.number(token))
        else:
            out.append(token)
    return " ".join(out)


# what a part of is measured in: "3/4 cup" is "three quarters of a cup"
_PORTIONED = re.compile(r"\s(cup|teaspoon|tablespoon|spoon|glass|mile|inch|foot|yard|hour|minute|second|day|"
                        r"week|month|year|pound|ounce|gallon|pint|quart|liter|litre|meter|metre|kilometer|"
                        r"kilometre|page|loaf|stick|can|bag|bottle|slice)\b")


def _fraction(m: re.Match[str]) -> str:
    whole, top, bottom = m.group(1), m.group(2), m.group(3)
    if (top, bottom) == ("24", "7"):
        return "twenty four seven"
    if whole:
        return _quantity(f"{whole} {top}/{bottom}")
    if top == bottom and not top.startswith("0") and int(top) > 1:
        return f"{num.number(top)} {num.number(bottom)}"  # "a 50/50 chance": fifty fifty
    portion = _PORTIONED.match(m.string, m.end()) if int(top) < int(bottom) else None
    if portion is None:
        return _quantity(f"{top}/{bottom}")
    article = "an" if portion.group(1) in ("hour", "inch", "ounce") else "a"
    return f"half {article}" if (top, bottom) == ("1", "2") else f"{_quantity(f'{top}/{bottom}')} of {article}"


def _vulgar(m: re.Match[str]) -> str:
    n, d = {"½": (1, 2), "¼": (1, 4), "¾": (3, 4), "⅓": (1, 3), "⅔": (2, 3), "⅛": (1, 8), "⅜": (3, 8),
            "⅝": (5, 8), "⅞": (7, 8)}[m.group(2)]
    if m.group(1):
        return _quantity(f"{m.group(1)} {n}/{d}")
    return _fraction_words(n, d)


def _dimensions(m: re.Match[str]) -> str:
    sides = re.split(r"\s?[xX×]\s?", m.group(1))
    # "1.5×10^8": a power of ten follows (its exponent is said apart), not a size
    by = " times " if "×" in m.group(1) and sides[-1] == "10" and not m.group(2) else " by "
    said = by.join(num.number(s) for s in sides)
    if m.group(2):
        said += " " + _unit_words(m.group(2), m.group(3) or "", False)
    return said


def _measure(m: re.Match[str]) -> str:
    qty, scale, joiner, unit, power, per, per_power = m.groups()
    singular = joiner == "-" or (_is_one(qty) and not scale)  # "a 5-kg bag", "1 kg"
    said = _quantity(qty) + (f" {scale}" if scale else "")
    said += " " + _unit_words(unit, power or "", singular)
    if per:
        said += " per " + (_unit_words(per, per_power, True) if per_power else PER_UNITS[per][0])
    return said


def _per_unit(m: re.Match[str]) -> str:
    return f"{num.number(m.group(1))} {_per(m.group(2))}"


def _multiplier(m: re.Match[str]) -> str:
    before = m.string[:m.start()].rstrip()
    if before and before[-1] in "=+-*/(":
        return f"{num.number(m.group(1))} x"  # "y = 2x": algebra, not "two times"
    return f"{num.number(m.group(1))} times"


def _hex(m: re.Match[str]) -> str:
    return "hex " + " ".join(num.digits(c) if c.isdigit() else c.upper() for c in m.group(1))


def _era(m: re.Match[str]) -> str:
    return f"{num.year(int(m.group(1)))} {m.group(2).replace('.', '').upper()}"


def _roman_value(numeral: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for i, ch in enumerate(numeral):
        v = values[ch]
        total += -v if i + 1 < len(numeral) and values[numeral[i + 1]] > v else v
    return total


def _roman(m: re.Match[str]) -> str:
    """"Chapter IV" -> "Chapter four", "Henry VIII" -> "Henry the Eighth", "Rocky II." -> "Rocky two";
    the pronoun ("Sam and I", "in this lesson I show") and words (MIX, CIVIL) stay as they are."""
    word, numeral = m.group(1), m.group(2)
    value = _roman_value(numeral)
    followed_by_word = re.match(r"\s+[a-z]", m.string[m.end():]) is not None
    if word.lower() in ROMAN_CUES:
        if numeral == "I" and not _roman_i(m, word):
            return m.group()
        said = NUMBERED.get(word.rstrip("."), word) if word.endswith(".") else word
        return f"{said} {num.cardinal(value)}"
    if word in REGNAL and value < 40 and "L" not in numeral:
        if numeral == "I" and followed_by_word:
            return m.group()  # "Mary I love": the pronoun
        return f"{word} the {num.ordinal(value).title()}"
    if (word[:1].isupper() and word[1:].islower() and len(numeral) >= 2 and "L" not in numeral
            and re.match(r"\s*(?:$|[.,:;!?)])", m.string[m.end():])):
        return f"{word} {num.cardinal(value)}"  # "Rocky II.", "Final Fantasy VII"
    return m.group()


_I_CUES = frozenset(("type", "class", "phase", "stage", "grade", "level", "tier", "category", "world war"))


def _roman_i(m: re.Match[str], cue: str) -> bool:
    """Is the "I" after ``cue`` a numeral? "Chapter I", "Type I error", "World War I" are; "in this
    lesson I show", "Part I think" are the pronoun."""
    if not cue[:1].isupper():
        return False
    return cue.lower() in _I_CUES or not re.match(r"\s+[a-z]", m.string[m.end():])


def _numbered(m: re.Match[str]) -> str:
    word = NUMBERED[m.group(1)]
    if m.group(2):  # "Eq. (2)"
        return f"{word} {_say(m.group(2))}"
    return word + " "


def _street_or_saint(m: re.Match[str]) -> str:
    before = m.string[:m.start()].split()
    # "1428 Elm St.", "Baker St.": a street after a name that follows a number or another word
    street = len(before) >= 2 and before[-1][:1].isupper() and (before[-2][:1].isdigit()
                                                                 or before[-2][:1].islower())
    if m.group(1) == "St":
        return "Street" if street else "Saint"
    return "Drive" if street else "Doctor"


def _abbreviation(m: re.Match[str], table: Mapping[str, str]) -> str:
    key = m.group()
    said = table[key]
    rest = m.string[m.end():]
    if key.endswith(".") and (not rest.strip() or key == "etc." and re.match(r"\s+[A-Z]", rest)):
        said += "."  # the abbreviation's full stop also ended the sentence
    return said


def _symbol(m: re.Match[str]) -> str:
    s = m.group().strip()
    if s in ("®", "™"):
        before = m.string[m.start() - 1:m.start()]
        return "" if before.strip() else {"®": "registered", "™": "trademark"}[s]
    if s.startswith("§"):
        return "sections " if s == "§§" else "section "
    return {"©": "copyright ", "№": "number ", "&": " and "}.get(s, m.group())


def _alnum(m: re.Match[str]) -> str:
    parts = re.findall(r"[0-9]+|[A-Za-z]+", m.group())
    return " ".join((num.cardinal(int(p)) if len(p) <= 2 and not p.startswith("0") or p == "0"
                     else num.digits(p)) if p[0].isdigit() else p for p in parts)


def _number(m: re.Match[str]) -> str:
    sign, value = m.group(1) or "", m.group(2)
    said = _plain_number(m, value)
    if sign in ("-", "−"):
        return "minus " + said
    return "plus " + said if sign == "+" else said


def _plain_number(m: re.Match[str], value: str) -> str:
    before = m.string[max(0, m.start() - 20):m.start()]
    if "," not in value and "." not in value and (len(value) >= 10 or _DIGIT_CUES.search(before)):
        return num.digits(value)  # an identifier, a card or phone number
    if _is_year(value) and int(value) >= 1100 and _year_context(m):
        return num.year(int(value))
    return num.number(value)


def _year_context(m: re.Match[str]) -> bool:
    previous = _previous_word(m).strip("(,")
    if previous in _YEAR_CUES:
        return True
    following = re.match(r"\s+([a-z]+)", m.string[m.end():])
    if following is None:
        return True  # "1998." "1998, when" "1428 Elm St.": a year
    word = following.group(1)
    if word.endswith("s") and word not in _NOT_PLURAL:
        return False  # "1500 students", "2048 bytes": a count
    return not previous  # "1998 was": a year; "has 1024 entries" was a count above


_REACH = 24  # how far before a digit or symbol a rule's match may start ("Super Bowl XL", "approx. 5")
# "(" for a phone number's area code: "(555) 123-4567"
_RULE_STARTS = r"[0-9.'#~§©®™№&$£€¥₩₹₽₺฿₫¢½¼¾⅓⅔⅛⅜⅝⅞+\-−(]|(?<![A-Za-z])[A-Za-z]"

# name, pattern, handler (the handler gets the match of that pattern alone)
_Rule = tuple[str, str, Callable[[re.Match[str]], str]]
_OPERAND = rf"[-−]?(?:{_NUM}(?![A-Za-z])|(?<![A-Za-z])[A-Za-z](?![A-Za-z0-9]))"
_SIGN_GROUP = r"(?:(?<![^\s(\[=:])([-−+])(?=\.?[0-9]))?"  # "-2", "(+3": a sign; "a-2": a hyphen
_FIGURE = r"[0-9]+(?:\.[0-9]+)?"


def _rules(day_first: bool) -> list[_Rule]:
    months = _MONTH
    return [
        ("hex", r"(?<![0-9A-Za-z])0x([0-9A-Fa-f]+)(?![0-9A-Za-z])", _hex),
        ("phone", r"(?<![\w+])(?:\+[0-9]{1,3}[ .-]?)?(?:\([0-9]{3}\)\s?|[0-9]{3}[ .-])[0-9]{3}[ .-][0-9]{4}"
                  r"(?![0-9])", _phone),
        # no back-references in these patterns: the joined pattern numbers its groups differently
        ("iso_date", r"(?<![0-9.])[0-9]{4}(?:-[0-9]{1,2}-|/[0-9]{1,2}/|\.[0-9]{1,2}\.)[0-9]{1,2}(?![0-9])",
         _iso_date),
        ("numeric_date", r"(?<![0-9.])[0-9]{1,2}(?:/[0-9]{1,2}/[0-9]{2}|/[0-9]{1,2}/|-[0-9]{1,2}-|\.[0-9]{1,2}\.)"
                         r"[0-9]{2}(?:[0-9]{2})?(?![0-9])", lambda m: _numeric_date(m, day_first)),
        ("short_date", rf"\b{_DATE_CUE} {_DAY_MONTH}(?![0-9/])(?!\s?(?:of|an?|the)\b)(?!{_PORTIONED.pattern})"
                       rf"|(?<![0-9./]){_DAY_MONTH}\s?[–—-]\s?{_DAY_MONTH}(?![0-9/])"
                       r"(?!\s?(?:in\b|inch|\"|″|mm|cm|cups?\b))", lambda m: _short_date(m, day_first)),
        ("serial", r"(?<![0-9A-Za-z])(?:[A-Za-z]+(?=[0-9]))?[0-9]+(?:-[0-9]+){2,}(?![0-9])", _serial),
        ("dotted", r"(?<![0-9A-Za-z.])[0-9]+(?:\.[0-9]+){2,}(?![0-9]|\.[0-9])", _dotted),
        ("month_day", rf"\b(?=[JFMASONDjfmasond][A-Za-z]{{2}})({months})\.?[ -]+([0-9]{{1,2}})(?:st|nd|rd|th)?(?![0-9A-Za-z:])"
                      rf"(?:,?[ -]([0-9]{{4}})(?![0-9]))?", _month_day),
        ("month_year", rf"\b(?=[JFMASONDjfmasond][A-Za-z]{{2}})({months})\.?,? ([0-9]{{4}})(?![0-9])", _month_year),
        ("day_month", rf"(?<![0-9])([0-9]{{1,2}})(?:st|nd|rd|th)?[ -]({months})\b\.?(?:,?[ -]([0-9]{{4}})"
                      rf"(?![0-9]))?", _day_month),
        ("quarter", r"(?<![0-9A-Za-z])(?:([1-4])Q([0-9]{2}|[0-9]{4})|Q([1-4]) ([0-9]{4}))(?![0-9A-Za-z])",
         _quarter),
        ("era", r"(?<![0-9A-Za-z.])([0-9]{1,4})\s?(A\.D|B\.C\.E|B\.C|C\.E|AD|BCE|BC|CE)(?![A-Za-z])", _era),
        ("maths", rf"{_START}{_OPERAND}(?:\s*[-−+=*×/]\s*{_OPERAND})*\s*[=+]\s*{_OPERAND}"
                  rf"(?:\s*[-−+=*×/]\s*{_OPERAND})*", _maths),
        # not "SISAP 2017 – 10th International Conference": an ordinal after a dash starts a new part
        ("range", rf"{_START}(?=[0-9.$£€¥₩₹₽₺฿₫]|[A-Z]{{1,2}}\$)({_ITEM})({_DASH})({_ITEM})(?![0-9])"
                  r"(?!(?:st|nd|rd|th)\b)", _range),
        ("plural", r"(?<![0-9A-Za-z'])(')?([0-9]*0'?s|[0-9]+s|[0-9]{3}0 s)(?![A-Za-z0-9])", _plural),
        ("clock", rf"(?<![0-9.:])([0-9]{{1,2}}):([0-9]{{2}})(?::([0-9]{{2}}))?(?![0-9])(?:\s?({_AMPM}))?"
                  rf"({_ZONE})?", _clock),
        ("hour_ampm", rf"(?<![0-9.:])([0-9]{{1,2}})(?:\.([0-9]{{2}}))?\s?({_AMPM})({_ZONE})?", _hour_ampm),
        ("ratio", r"(?<![0-9.:])([0-9]+)[:：]([0-9]+)(?![0-9]|\.[0-9])", _ratio),
        ("money", rf"(?<![A-Za-z0-9])(?=[$£€¥₩₹₽₺฿₫]|[A-Z]{{1,2}}\$)({_CURRENCY})\s?({_NUM})(?:\s?({_alternation(SCALES)})(?![A-Za-z]))?"
                  rf"(?:\s?/\s?({_PER})(?![A-Za-z]))?", _money),
        ("money_after", rf"{_START}({_NUM})\s?([€¢])", _money_after),
        ("percent", rf"(?=[-−+0-9.]){_SIGN_GROUP}{_START}({_NUM})\s?[%％]", _percent),
        ("degrees_minutes", rf"{_START}({_NUM})\s?[°º˚]\s?({_FIGURE})['′]\s?(?:({_FIGURE})[\"″])?"
                            rf"(?:\s?([NSEW])(?![A-Za-z]))?", _degrees_minutes),
        ("degrees", rf"(?=[-−+0-9.]){_SIGN_GROUP}{_START}({_NUM})\s?(?:[°º˚](?:\s?([CFNSEW])(?![A-Za-z]))?|([℃℉]))",
         _degrees),
        ("primes", rf"{_START}{_FIGURE}\s?[′″ʰᵐˢᵈ](?:\s?{_FIGURE}\s?[′″ʰᵐˢᵈ])*"
                   rf"|{_START}[0-9]+'\s?{_FIGURE}\"", _primes),
        ("scientific", rf"{_START}((?:[0-9]+\.)?[0-9]+)[eE]([-+]?[0-9]+)(?![0-9A-Za-z])", _scientific),
        ("ordinal", rf"{_START}({_INT})(st|nd|rd|th|ST|ND|RD|TH)(?![A-Za-z0-9])", _ordinal),
        ("dimensions", rf"{_START}(?=[0-9.])({_NUM}(?:[xX×]{_NUM}){{1,2}})(?![0-9A-Za-z^⁰¹²³⁴⁵⁶⁷⁸⁹⁻])"
                       rf"(?:\s?({_UNIT})({_POWER})?(?![A-Za-z0-9]))?", _dimensions),
        ("measure", rf"{_START}(?=[0-9.])({_QTY})(?:\s?(thousand|million|billion|trillion))?(\s?|-)({_UNIT})"
                    rf"({_POWER})?(?![A-Za-z0-9])(?:\s?/\s?({_PER})({_POWER})?(?![A-Za-z0-9]))?", _measure),
        ("per_unit", rf"{_START}({_NUM})\s?/\s?({_PER})(?![A-Za-z0-9])", _per_unit),
        ("fraction", r"(?<![0-9/.,])(?:([0-9]+)\s(?=[0-9]+\s?/))?([0-9]+)\s?/\s?([0-9]+)"
                     r"(?:st|nd|rd|th|ST|ND|RD|TH)?(?![0-9/]|\.[0-9])", _fraction),
        ("vulgar", r"(?<![0-9A-Za-z])([0-9]+)?\s?([½¼¾⅓⅔⅛⅜⅝⅞])", _vulgar),
        ("multiplier", rf"{_START}({_NUM})[xX×](?![0-9A-Za-z])", _multiplier),
        ("scaled", rf"{_START}({_NUM})(M|B|bn)(?![0-9A-Za-z])",  # "2.5M", "3bn": million, billion
         lambda m: f"{num.number(m.group(1))} {'million' if m.group(2) == 'M' else 'billion'}"),
        ("plus", rf"{_START}(?=[0-9.])({_NUM})\+(?![0-9A-Za-z+])", lambda m: f"{num.number(m.group(1))} plus"),
        # a word, then a Roman numeral: the handler decides whether and how it is a number
        ("roman", r"\b((?:[Ww]orld [Ww]ar|[Ss]uper [Bb]owl|[Ss]tar [Ww]ars|[A-Za-z]+)\.?)\s+"
                  r"((?=[IVXL]+(?![A-Za-z0-9']))(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))(?![A-Za-z0-9'])", _roman),
        ("numbered", rf"(?<![A-Za-z])(?=[A-Za-z]{{1,6}}\.)({_alternation(NUMBERED)})\.\s?(?:\(\s*([0-9]+[a-z]?)\s*\)|(?=[0-9]))",
         _numbered),
        ("street", r"(?<![A-Za-z])(St|Dr)\.(?=\s|$)", _street_or_saint),
        ("abbreviation", rf"(?<![A-Za-z0-9.])(?=[A-Za-z]{{1,6}}[./]|[a-z]\.[a-z]|vs|40)(?:{_alternation(ABBREVIATIONS)})(?![A-Za-z0-9])",
         lambda m: _abbreviation(m, ABBREVIATIONS)),
        ("hash", r"(?<![A-Za-z0-9&])#(?=\s?[0-9])", lambda m: "number "),
        ("about", r"(?<![A-Za-z0-9])~(?=\s?[0-9])", lambda m: "about "),
        ("symbol", r"§§?\s?|[©№]\s?|[®™]|(?<=.)&\s*(?=\S)", _symbol),  # spaces before & are collapsed later
        ("alnum", r"(?<![0-9A-Za-z])(?=[A-Za-z]*[0-9])(?=[0-9]*[A-Za-z])[A-Za-z0-9]+(?![0-9A-Za-z])", _alnum),
        # "covid-19", "a 7.2-millimeter bullet": a hyphen between a word and a number is a space
        ("hyphen", r"(?<=[A-Za-z])-(?=[0-9.])|(?<=[0-9])-(?=[A-Za-z]{2})", lambda m: " "),
        ("number", rf"{_SIGN_GROUP}{_START}({_NUM})", _number),
    ]


class _Normaliser:
    """The rules joined into one pattern; :meth:`sub` says every match."""

    def __init__(self, day_first: bool) -> None:
        rules = _rules(day_first)
        self.patterns = {name: re.compile(pattern) for name, pattern, _ in rules}
        self.handlers = {name: handler for name, _, handler in rules}
        # Every rule starts at a digit, a sign, a symbol or the start of a word: the lookahead skips
        # the other places (most of a sentence) before the rules are tried one by one (5x faster).
        self.any = re.compile(rf"(?={_RULE_STARTS})(?:"
                              + "|".join(f"(?P<{name}>{pattern})" for name, pattern, _ in rules) + ")")

    def sub(self, text: str) -> str:
        """``text`` with every match said. The rules are tried only from a little before each
        place the gate finds (a digit, a symbol, an abbreviation, a Roman numeral): every rule's
        match holds one, and scanning the rest of a sentence rule by rule is most of the cost."""
        out: list[str] = []
        pos = 0
        for hot in _GATE.finditer(text):
            if hot.start() < pos:
                continue
            begin = max(pos, hot.start() - _REACH)
            if begin > pos:  # start at a word: "World War II", "Jan. 15", "US $5", "pp. 10"
                space = text.find(" ", begin, hot.start())
                begin = space + 1 if space >= 0 else hot.start()
            m = self.any.search(text, begin)
            if m is None:
                break
            out.append(text[pos:m.start()])
            out.append(self._say_match(m))
            pos = m.end()
        out.append(text[pos:])
        return "".join(out)

    def _say_match(self, m: re.Match[str]) -> str:
        name = m.lastgroup
        assert name is not None
        # the same pattern at the same place (not fullmatch: lookaheads must see what follows)
        own = self.patterns[name].match(m.string, m.start())
        if own is None or own.end() != m.end():  # cannot happen; say the numbers anyway
            return _spell_numbers(m.group())
        return self.handlers[name](own)


@lru_cache(maxsize=2)
def _normaliser(day_first: bool) -> _Normaliser:
    return _Normaliser(day_first)


def _say(text: str) -> str:
    """A piece of a range said on its own ("$50.00", "5pm", "120 %")."""
    return _normaliser(False).sub(text)


_GATE = re.compile(
    r"[0-9%％$£€¥₩₹₽₺฿₫¢°º˚℃℉′″ʰᵐˢᵈ©®™§№#&~½¼¾⅓⅔⅛⅜⅝⅞]"
    rf"|(?<![A-Za-z0-9.])(?=[A-Za-z]{{1,6}}[./]|[a-z]\.[a-z]|vs|40)"  # cheap test before the alternation
    rf"(?:{_alternation(ABBREVIATIONS)}|St\.|Dr\.)(?![A-Za-z0-9])"
    r"|(?<=[A-Za-z\.])\s+(?=[IVXL])[IVXL]+(?![A-Za-z0-9'])")
_SPACES = re.compile(r"  +")
_LEFT_DIGITS = re.compile(r"[0-9]+")


def normalize_en(text: str, abbreviations: Mapping[str, str] | None = None, *, day_first: bool = False) -> str:
    """``text`` with its numbers, units, dates, symbols and abbreviations said in English words.

    ``abbreviations`` (written -> spoken, from narrate.toml's [abbreviations.en]) are said first and
    win over the built-in ones; ``day_first`` reads 11/02/2016 as 11 February (en-GB and the like).
    Text with nothing to say differently is returned as it is, fast."""
    user = tuple(sorted(abbreviations.items())) if abbreviations else ()
    if not _GATE.search(text) and not (user and _user_pattern(user).search(text)):
        return text
    return _normalise(text, user, day_first)


@lru_cache(maxsize=8192)
def _normalise(text: str, user: tuple[tuple[str, str], ...], day_first: bool) -> str:
    if user:
        table = dict(user)
        text = _user_pattern(user).sub(lambda m: table[m.group()], text)
    normaliser = _normaliser(day_first)
    said, previous = normaliser.sub(text), text
    for _ in range(3):  # what one rule says can complete another ("§ X" -> "section X"): to a fixed point
        if said == previous or not _GATE.search(said):
            break
        said, previous = normaliser.sub(said), said
    if _LEFT_DIGITS.search(said):  # a shape no rule knows: its digits one by one, never raw
        said = _LEFT_DIGITS.sub(lambda m: " " + num.digits(m.group()) + " ", said)
    if said != text:
        said = _SPACES.sub(" ", said).strip() if text == text.strip() else _SPACES.sub(" ", said)
    return said


@lru_cache(maxsize=32)
def _user_pattern(user: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    return re.compile(rf"(?<![A-Za-z0-9])(?:{_alternation(k for k, _ in user)})(?![A-Za-z0-9])")
