"""Units written inside a formula, said as units: ``9.81\\,\\mathrm{m\\,s^{-2}}`` is "9.81
meters per second squared" / "9.81 米每二次方秒", ``\\SI{4.18}{\\kilo\\joule\\per\\kilogram}``
(siunitx) "4.18 kilojoules per kilogram".

The words come from the prose normalisers' tables (:data:`narrator.normalize.en_tables.UNITS`,
:data:`narrator.normalize.zh.UNIT_WORDS`) so a unit sounds the same in a formula and in a
sentence. Those tables leave out symbols that are usually letters in prose ("A", "F", "K", "T");
upright in a formula and after a number they are units, so :data:`_MORE` adds them here.

    >>> say_units([("J", 1), ("kg", -1)], "en", plural=True)
    'joules per kilogram'
    >>> say_units([("J", 1), ("kg", -1)], "zh", plural=True)
    '焦每千克'
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["parse_units", "say_units", "siunitx_units"]

Unit = tuple[str, int]  # (symbol as written, power: m^2 is ("m", 2), s^{-1} ("s", -1))

# symbol -> (English singular, plural, Chinese): units the prose tables leave out because in
# running text they are letters or words more often than units
_MORE: dict[str, tuple[str, str, str]] = {
    "A": ("amp", "amps", "安"), "F": ("farad", "farads", "法"), "H": ("henry", "henries", "亨"),
    "t": ("tonne", "tonnes", "吨"), "K": ("kelvin", "kelvins", "开"), "C": ("coulomb", "coulombs", "库"),
    "T": ("tesla", "teslas", "特"), "S": ("siemens", "siemens", "西"), "Wb": ("weber", "webers", "韦"),
    "Bq": ("becquerel", "becquerels", "贝可"), "Gy": ("gray", "grays", "戈"), "Sv": ("sievert", "sieverts", "希"),
    "lm": ("lumen", "lumens", "流明"), "lx": ("lux", "lux", "勒克斯"), "cd": ("candela", "candelas", "坎"),
    "rad": ("radian", "radians", "弧度"), "sr": ("steradian", "steradians", "球面度"),
    "Da": ("dalton", "daltons", "道尔顿"), "M": ("molar", "molar", "摩尔每升"),
    "°C": ("degree Celsius", "degrees Celsius", "摄氏度"), "°": ("degree", "degrees", "度"),
    "′": ("minute", "minutes", "分"), "″": ("second", "seconds", "秒"),  # an angle's (\ang{30;15;10})
    "arcmin": ("arcminute", "arcminutes", "角分"), "arcsec": ("arcsecond", "arcseconds", "角秒"),
    "%": ("percent", "percent", "百分"), "Å": ("angstrom", "angstroms", "埃"), "bar": ("bar", "bars", "巴"),
    "au": ("astronomical unit", "astronomical units", "天文单位"), "ha": ("hectare", "hectares", "公顷"),
    "dm": ("decimeter", "decimeters", "分米"),
}
# siunitx macro names -> symbols (\kilo\metre is "km")
_SI_PREFIXES = {"yocto": "y", "zepto": "z", "atto": "a", "femto": "f", "pico": "p", "nano": "n",
                "micro": "µ", "milli": "m", "centi": "c", "deci": "d", "deca": "da", "deka": "da",
                "hecto": "h", "kilo": "k", "mega": "M", "giga": "G", "tera": "T", "peta": "P"}
_SI_UNITS = {"metre": "m", "meter": "m", "gram": "g", "kilogram": "kg", "second": "s", "ampere": "A",
             "kelvin": "K", "mole": "mol", "candela": "cd", "hertz": "Hz", "newton": "N", "pascal": "Pa",
             "joule": "J", "watt": "W", "coulomb": "C", "volt": "V", "farad": "F", "ohm": "Ω",
             "siemens": "S", "weber": "Wb", "tesla": "T", "henry": "H", "lumen": "lm", "lux": "lx",
             "becquerel": "Bq", "gray": "Gy", "sievert": "Sv", "litre": "L", "liter": "L",
             "tonne": "t", "minute": "min", "hour": "h", "day": "d", "electronvolt": "eV",
             "radian": "rad", "steradian": "sr", "dalton": "Da", "bit": "b", "byte": "B",
             "calorie": "cal", "decibel": "dB", "degreeCelsius": "°C", "celsius": "°C", "degree": "°",
             "arcminute": "arcmin", "arcsecond": "arcsec", "percent": "%", "angstrom": "Å", "bar": "bar",
             "astronomicalunit": "au", "hectare": "ha"}
# lengths: m² is "square meters" / 平方米, s² "seconds squared" / 二次方秒
_LENGTH = re.compile(r"(?:[kcmdnpfµμ]?m|ft|yd|mi|in|km)$")
_POWER = r"\^\s*(?:\{\s*([-−]?\s*\d)\s*\}|([-−]?\d))"
_TOKEN = re.compile(rf"\s*(/)?\s*([A-Za-zΩµμ°]+)\s*(?:{_POWER})?\s*")
_SEPARATORS = re.compile(r"\\[,;:! ]|\\(?:cdot|thinspace|medspace|quad)(?![A-Za-z])|[~·⋅]")


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, tuple[str, str]], dict[str, str], frozenset[str]]:
    from narrator.normalize.en_tables import UNITS
    from narrator.normalize.zh import UNIT_WORDS

    return UNITS, UNIT_WORDS, frozenset(_MORE)


def known(symbol: str) -> bool:
    """Is ``symbol`` a unit (with its prefix: "kg", "mol", "µm", "kΩ")?"""
    en, zh, more = _tables()
    symbol = symbol.replace("μ", "µ")
    return symbol in en or symbol in zh or symbol in more or (
        len(symbol) > 1 and symbol[0] in "kmµnMGc" and symbol[1:] in more)


def parse_units(text: str) -> list[Unit] | None:
    """The units of an upright unit expression ("J\\,kg^{-1}", "km/h", "m s^-2"), or None when
    anything in ``text`` is not a unit symbol (then it is a name, a word or a variable)."""
    text = re.sub(r"\\(?:up)?mu\s*", "µ", text.replace("\\Omega", "Ω").replace("\\mathrm", ""))
    text = _SEPARATORS.sub(" ", text)
    text = text.replace("{", " ").replace("}", " ") if "^" not in text else text
    out: list[Unit] = []
    pos, denominator = 0, False
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            return None
        pos = m.end()
        slash, symbol, power = m.group(1), m.group(2), m.group(3) or m.group(4) or "1"
        if not known(symbol):
            return None
        denominator = denominator or bool(slash)
        value = int(power.replace("−", "-").replace(" ", ""))
        out.append((symbol, -value if denominator else value))
    return out or None


def siunitx_units(source: str) -> list[Unit] | None:
    r"""The units of siunitx's unit argument: macros (``\kilo\metre\per\second\squared``) or
    symbols (``m.s^{-2}``, ``km/h``)."""
    if "\\" not in source or not re.search(r"\\(?:" + "|".join(_SI_UNITS) + r")(?![A-Za-z])", source):
        return parse_units(source.replace(".", " "))
    out: list[Unit] = []
    prefix, per, before = "", False, 0
    for m in re.finditer(r"\\([A-Za-z]+)|\S", source):
        name = m.group(1)
        if name in _SI_PREFIXES:
            prefix = _SI_PREFIXES[name]
        elif name == "per":
            per = True
        elif name in ("square", "cubic"):
            before = 2 if name == "square" else 3
        elif name in ("squared", "cubed") and out:
            symbol, power = out[-1]
            out[-1] = (symbol, (2 if name == "squared" else 3) * (1 if power > 0 else -1))
        elif name in _SI_UNITS:
            out.append((prefix + _SI_UNITS[name], (before or 1) * (-1 if per else 1)))
            prefix, per, before = "", False, 0
        elif m.group() not in "{}.~":
            return None
    return out or None


def _names(symbol: str) -> tuple[str, str, str] | None:
    """(singular, plural, Chinese) of a unit symbol."""
    en, zh, _ = _tables()
    symbol = symbol.replace("μ", "µ")
    if symbol in _MORE:
        return _MORE[symbol]
    if symbol in en:
        one, many = en[symbol]
        return one, many, zh.get(symbol, zh.get(symbol.replace("µ", "μ"), ""))
    if len(symbol) > 1 and symbol[1:] in _MORE:  # kK, mA, µF: a prefix on a letter unit
        from narrator.normalize.en_tables import PREFIXES

        one, many, chinese = _MORE[symbol[1:]]
        word = PREFIXES.get(symbol[0])
        if word is None:  # \atto\tesla: a prefix without a word here; "teslas" alone would be wrong
            return None
        zh_prefix = _ZH_PREFIXES.get(symbol[0], "")
        return word + one, word + many, (zh_prefix + chinese) if zh_prefix and chinese else ""
    if symbol in zh:
        return "", "", zh[symbol]
    return None


_ZH_PREFIXES = {"k": "千", "M": "兆", "G": "吉", "m": "毫", "µ": "微", "n": "纳", "c": "厘"}


def _chinese(symbol: str, names: tuple[str, str, str]) -> str:
    """The Chinese name, made from a prefix and the Chinese table's unit when it has no entry
    of its own (GPa: 吉帕)."""
    if names[2]:
        return names[2]
    _, zh, _ = _tables()
    unit = zh.get(symbol[1:]) or _MORE.get(symbol[1:], ("", "", ""))[2]  # nH: 纳 and henry's 亨
    if len(symbol) > 1 and symbol[0] in _ZH_PREFIXES and unit and not unit.startswith(tuple(_ZH_PREFIXES.values())):
        return _ZH_PREFIXES[symbol[0]] + unit
    return ""


def say_units(units: list[Unit], lang: str, *, plural: bool) -> str | None:
    """``units`` in words: English "kilogram square meters per second squared" (``plural`` on the
    last unit above the line), Chinese "千克平方米每二次方秒". None if a word is missing."""
    zh = lang == "zh"
    tops = [u for u in units if u[1] > 0]
    bottoms = [u for u in units if u[1] < 0]
    said: list[str] = []
    for k, (symbol, power) in enumerate(tops + bottoms):
        names = _names(symbol)
        if names is None:
            return None
        last_top = k == len(tops) - 1
        word = _chinese(symbol, names) if zh else names[1 if plural and last_top else 0]
        if not word:
            return None
        size = abs(power)
        length = bool(_LENGTH.match(symbol))
        if zh:
            if size > 1:
                # m^4 (a second moment of area) is 4次方米: only squares and cubes of lengths are 平方/立方
                word = {2: "平方", 3: "立方"}[size] + word if length and size < 4 \
                    else {2: "二次方", 3: "三次方"}.get(size, f"{size}次方") + word
            said.append(("每" if power < 0 else "") + word)
            continue
        if size in (2, 3):
            word = (("square " if size == 2 else "cubic ") + word) if length \
                else word + (" squared" if size == 2 else " cubed")
        elif size > 3:
            word += f" to the power {size}"
        said.append(("per " if power < 0 else "") + word)
    return ("" if zh else " ").join(said) or None
