"""The words English normalisation needs: units, currencies, months, abbreviations, Roman numeral
cues. Data only; the rules that use them are in :mod:`.en`."""

from __future__ import annotations

# -- units ------------------------------------------------------------------------------------

# SI prefixes (symbol -> word; "K" only in KB, Kb). "u" is not µ: "5 us" is a word more often.
PREFIXES = {"Y": "yotta", "Z": "zetta", "E": "exa", "P": "peta", "T": "tera", "G": "giga", "M": "mega",
            "k": "kilo", "K": "kilo", "h": "hecto", "c": "centi", "m": "milli", "µ": "micro", "μ": "micro",
            "d": "deci", "n": "nano", "p": "pico", "f": "femto"}

# base symbol -> (singular, plural, the prefixes it takes). Symbols that are common words or
# letters on their own ("in", "A", "C", "F", "K", "T", "B") are listed only with prefixes, or
# (for "in") handled by a rule that looks at what follows.
_BASE: dict[str, tuple[str, str, str]] = {
    "m": ("meter", "meters", "kcmµμnpf"),
    "g": ("gram", "grams", "kmµμn"),
    "s": ("second", "seconds", "mµμnpf"),
    "Hz": ("hertz", "hertz", "kMGT"),
    "V": ("volt", "volts", "kmµμM"),
    "A": ("amp", "amps", "kmµμn"),
    "W": ("watt", "watts", "kmMGTµμ"),
    "Wh": ("watt hour", "watt hours", "kMGT"),
    "Ah": ("amp hour", "amp hours", "m"),
    "J": ("joule", "joules", "kMGmµμ"),
    "N": ("newton", "newtons", "km"),
    "Pa": ("pascal", "pascals", "khMG"),
    "Ω": ("ohm", "ohms", "kMmµμ"),
    "L": ("liter", "liters", "mµμcd"),
    "l": ("liter", "liters", "mµμcd"),
    "mol": ("mole", "moles", "mµμnk"),
    "eV": ("electron volt", "electron volts", "kMGT"),
    "F": ("farad", "farads", "mµμnp"),
    "H": ("henry", "henries", "mµμn"),
    "B": ("byte", "bytes", "kKMGTP"),
    "b": ("bit", "bits", "kKMGT"),
    "bps": ("bit per second", "bits per second", "kKMGT"),
    "cal": ("calorie", "calories", "k"),
    "t": ("tonne", "tonnes", "kM"),
}
_PLAIN_UNITS: dict[str, tuple[str, str]] = {
    "min": ("minute", "minutes"), "mins": ("minute", "minutes"), "h": ("hour", "hours"),
    "hr": ("hour", "hours"), "hrs": ("hour", "hours"), "sec": ("second", "seconds"),
    "secs": ("second", "seconds"), "yr": ("year", "years"), "yrs": ("year", "years"),
    "wk": ("week", "weeks"), "wks": ("week", "weeks"), "mo": ("month", "months"),
    "ft": ("foot", "feet"), "yd": ("yard", "yards"), "mi": ("mile", "miles"),
    "lb": ("pound", "pounds"), "lbs": ("pound", "pounds"), "oz": ("ounce", "ounces"),
    "mph": ("mile per hour", "miles per hour"), "kph": ("kilometer per hour", "kilometers per hour"),
    "rpm": ("revolution per minute", "revolutions per minute"), "dB": ("decibel", "decibels"),
    "ha": ("hectare", "hectares"), "gal": ("gallon", "gallons"), "psi": ("P S I", "P S I"),
    "atm": ("atmosphere", "atmospheres"), "px": ("pixel", "pixels"), "cc": ("C C", "C C"),
    "Mbps": ("megabit per second", "megabits per second"), "mbps": ("megabit per second", "megabits per second"),
    "kbps": ("kilobit per second", "kilobits per second"), "Gbps": ("gigabit per second", "gigabits per second"),
    "KG": ("kilogram", "kilograms"), "Kg": ("kilogram", "kilograms"), "KM": ("kilometer", "kilometers"),
    "kcal": ("kilocalorie", "kilocalories"), "kWh": ("kilowatt hour", "kilowatt hours"),
}


_PREFIXED_ONLY = frozenset(("A", "F", "H", "B", "b", "t"))  # "5 A", "Type 2 B": letters more often
_NOT_UNITS = frozenset(("pm",))  # 5 pm is a time, not picometres


def _units() -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for base, (one, many, prefixes) in _BASE.items():
        if base not in _PREFIXED_ONLY:
            out[base] = (one, many)
        for p in prefixes:
            out[p + base] = (PREFIXES[p] + one, PREFIXES[p] + many)
    out.update(_PLAIN_UNITS)
    out.update({"kΩ": ("kilohm", "kilohms"), "MΩ": ("megohm", "megohms")})  # said as one word
    for k in _NOT_UNITS:
        out.pop(k, None)
    return out


UNITS = _units()
"""Unit symbol -> (singular, plural), as said after a number."""

LENGTHS = frozenset([p + "m" for p in _BASE["m"][2]] + ["m", "ft", "yd", "mi", "in", "KM"])
"""Units that "²"/"³" make square or cubic (others are "squared": m/s²)."""

PER_UNITS = dict(UNITS)
PER_UNITS.update({"d": ("day", "days"), "day": ("day", "days"), "week": ("week", "weeks"),
                  "month": ("month", "months"), "year": ("year", "years"), "hour": ("hour", "hours"),
                  "y": ("year", "years"), "person": ("person", "people"), "mo": ("month", "months")})
"""What may follow "/" in "$20/mo", "12 kg/m³": said as "per <singular>"."""

# -- money --------------------------------------------------------------------------------------

# symbol -> (one, many, minor one, minor many); no minor unit: said as a decimal
CURRENCIES: dict[str, tuple[str, str, str, str]] = {
    "$": ("dollar", "dollars", "cent", "cents"), "US$": ("US dollar", "US dollars", "cent", "cents"),
    "€": ("euro", "euros", "cent", "cents"), "£": ("pound", "pounds", "penny", "pence"),
    "¥": ("yen", "yen", "", ""), "₩": ("won", "won", "", ""), "₹": ("rupee", "rupees", "paisa", "paise"),
    "₽": ("ruble", "rubles", "kopek", "kopeks"), "₺": ("lira", "lira", "kurus", "kurus"),
    "฿": ("baht", "baht", "satang", "satang"), "₫": ("dong", "dong", "", ""),
    "C$": ("Canadian dollar", "Canadian dollars", "cent", "cents"),
    "A$": ("Australian dollar", "Australian dollars", "cent", "cents"),
    "HK$": ("Hong Kong dollar", "Hong Kong dollars", "cent", "cents"),
    "NZ$": ("New Zealand dollar", "New Zealand dollars", "cent", "cents"),
    "S$": ("Singapore dollar", "Singapore dollars", "cent", "cents"),
}
SCALES = {"thousand": "thousand", "million": "million", "billion": "billion", "trillion": "trillion",
          "k": "thousand", "K": "thousand", "m": "million", "M": "million", "mn": "million",
          "b": "billion", "B": "billion", "bn": "billion", "tn": "trillion", "T": "trillion"}

# -- dates and times ------------------------------------------------------------------------------

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
MONTH_NAMES: dict[str, int] = {}
for _i, _name in enumerate(MONTHS, 1):
    MONTH_NAMES[_name] = _i
    MONTH_NAMES[_name[:3]] = _i
MONTH_NAMES["sept"] = 9

TIME_ZONES = ("est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "utc", "gmt", "cet", "cest", "bst",
              "ist", "jst", "aest", "aedt")

# -- abbreviations ------------------------------------------------------------------------------

# written -> spoken, matched as whole words, case as written. Abbreviations whose meaning depends
# on their neighbours (No., p., St., Dr., Eq. (2)) are rules in en.py, not entries here.
ABBREVIATIONS: dict[str, str] = {
    "e.g.": "for example", "e.g": "for example", "E.g.": "for example", "i.e.": "that is", "i.e": "that is",
    "I.e.": "that is", "etc.": "et cetera", "vs.": "versus", "vs": "versus", "v.": "versus",
    "approx.": "approximately", "Approx.": "approximately", "cf.": "compare", "Cf.": "compare",
    "ca.": "circa", "et al.": "and colleagues", "Mr.": "mister", "Mrs.": "misses", "Ms.": "miz",
    "Prof.": "professor", "Jr.": "junior", "Sr.": "senior", "Ave.": "avenue", "Blvd.": "boulevard",
    "Rd.": "road", "Mt.": "mount", "Dept.": "department", "Univ.": "university", "Corp.": "corporation",
    "Inc.": "incorporated", "Ltd.": "limited", "w/": "with", "w/o": "without", "a.k.a.": "also known as",
    "401(k)": "four oh one k", "403(b)": "four oh three b",
}
# before a number only ("Fig. 3", "No. 4"): abbreviation -> (singular, plural form)
NUMBERED: dict[str, str] = {
    "No": "number", "no": "number", "Nos": "numbers", "nos": "numbers", "Fig": "figure", "fig": "figure",
    "Figs": "figures", "figs": "figures", "Eq": "equation", "eq": "equation", "Eqs": "equations",
    "eqs": "equations", "p": "page", "pp": "pages", "pg": "page", "pgs": "pages", "Ch": "chapter",
    "ch": "chapter", "Chap": "chapter", "Sec": "section", "sec": "section", "Vol": "volume",
    "vol": "volume", "Tab": "table", "Ex": "example", "Ref": "reference", "Refs": "references",
    "Thm": "theorem", "Prop": "proposition", "Def": "definition", "Art": "article", "Para": "paragraph",
    "para": "paragraph", "Ps": "psalm", "Op": "opus", "op": "opus", "approx": "approximately",
}

# -- Roman numerals -------------------------------------------------------------------------------

ROMAN_CUES = frozenset((
    "chapter", "part", "book", "volume", "vol.", "section", "act", "scene", "unit", "lesson", "appendix",
    "article", "phase", "stage", "level", "type", "class", "title", "canto", "psalm", "round", "step",
    "grade", "schedule", "annex", "module", "tier", "category", "plate", "world war", "super bowl",
    "vatican", "star wars", "episode", "series", "division", "league", "year", "form", "term"))
"""Words after which a Roman numeral is a cardinal ("Chapter IV" -> "Chapter four", "Type I")."""

REGNAL = frozenset((
    "Henry", "Edward", "George", "William", "Charles", "James", "Richard", "Louis", "Elizabeth", "Mary",
    "Anne", "John", "Paul", "Pius", "Benedict", "Gregory", "Leo", "Innocent", "Clement", "Urban",
    "Boniface", "Alexander", "Nicholas", "Peter", "Frederick", "Philip", "Ferdinand", "Ludwig", "Otto",
    "Wilhelm", "Friedrich", "Karl", "Gustav", "Gustavus", "Christian", "Olaf", "Haakon", "Harald",
    "Magnus", "Eric", "Erik", "Carl", "Ivan", "Catherine", "Isabella", "Juan", "Carlos", "Felipe",
    "Alfonso", "Manuel", "Pedro", "Sancho", "Constantine", "Justinian", "Ramesses", "Rameses",
    "Amenhotep", "Thutmose", "Ptolemy", "Antiochus", "Darius", "Xerxes", "Cyrus", "Napoleon", "Selim",
    "Mehmed", "Suleiman", "Murad", "Malcolm", "David", "Robert", "Kenneth", "Duncan", "Stephen", "Henri",
    "Franz", "Francis", "Joseph", "Leopold", "Rudolf", "Maximilian", "Sigismund", "Casimir", "Umberto",
    "Victor", "Emmanuel", "Rama", "Edmund", "Harold", "Baldwin", "Hugh", "Lothair", "Sixtus", "Julius",
    "Martin", "Celestine", "Adrian", "Hadrian", "Honorius", "Felix", "Eugene", "Wenceslaus", "Vasily",
    "Alexios", "Michael", "Basil", "Leopold", "Sobhuza", "Mswati", "Hussein", "Abdullah", "Faisal",
    "Mohammed", "Muhammad", "Ashurnasirpal", "Tiglath", "Nebuchadnezzar", "Shalmaneser", "Sargon"))
"""Names after which II, III, ... are regnal: "Henry VIII" -> "Henry the Eighth"."""
