"""Chinese (Mandarin, simplified and traditional) numbers, dates, units and symbols as a teacher says them.

    >>> normalize_zh("截至2009.03.31，比分是29：1，增长+35％，范围63–120 %。")
    '截至二零零九年三月三十一日，比分是二十九比一，增长百分之三十五，范围百分之六十三到一百二十。'

Called on a segment's spoken form before :func:`narrator.script.maths.speak_symbols` and again
after it (to say the digits that stage leaves, "x 的 负4 次方"), so it is idempotent, leaves
superscripts, subscripts and maths symbols it does not own alone, never raises, and returns at
once when the text has no digit or symbol it owns (a regex gate).

What does the work, and why (measured on NeMo's 342 Chinese test cases in ``shared/tn/nemo/zh``,
scored without punctuation and spaces, and on the 2,232 Chinese segments of the shared corpus):

- **cn2an** 0.5.24 (MIT, 0.2 MB with its one dependency ``proces``) spells every number by value
  (``an2cn``: 8.6 µs a number, up to 16 digits). Used alone, in its own sentence mode, it scores
  82.7 %: it leaves kg, °C and currency, reads 2009.03.31 as a decimal and 3:30 as digits.
- **hanzidentifier** 1.3.0 (MIT, with ``zhon``, 0.3 MB) tells a traditional text from a simplified
  one (2.6 µs a sentence), so a traditional lesson gets 萬, 億, 兩, 點, 負 in what is added.
- The classes (dates, times, ranges, ratios, money, units, phones) are this module's regexes. The
  grammars that do this job are WFSTs: NeMo's (100 % on its own suite, but pynini, 716 MB, 2,500
  characters a second, and on real text it left "29：1", "+35％" and "63–120 %" unchanged and
  garbled phone numbers) and WeTextProcessing's through its runtime ``wetext`` 0.1.8 (52 MB of
  prebuilt FSTs on kaldifst, 80.4 % of the suite, 91,000 characters a second on digit spans only;
  it reads 9+-digit numbers digit by digit, -1/3 as 三分之负一, 63–120 as 六十三–幺二零, leaves ¥
  and ‰, and garbles 2000/2002年). On the 101 hand-written cases of tests/test_normalize_zh.py
  (issue 18's rows and each class above) wetext gets 53 right and cn2an's sentence mode 21.
  Neither can be corrected from outside without re-tagging its input, which is the work this
  module does anyway. With these rules, cn2an and hanzidentifier: 338/342 = 98.8 % of the suite
  (the 4 others judged wrong in the suite, see the tests; per class: ``python -m
  narrator.normalize.zh -v``), 101/101 hand cases, and 1,700,000 characters a second on a
  1 MB Chinese lesson made of the corpus's segments (420,000 on the segments holding a digit),
  cold cache. So wetext is not used.

Choices (each one a teacher's reading, documented so a lesson author can predict it):

- 两 for a lone 2 before a measure word (两个, 两小时, 两千克) and for 2 leading 千, 万, 亿 (两千,
  一亿两千万); 二 elsewhere (二十, 二百, 第二, 二月, 二日, 二摄氏度, 百分之二).
- Years are read digit by digit (二零零九年): four digits before 年, two digits with a leading
  zero or a month after, any digits after 公元/公元前/纪元; a bare "50年" is fifty years (五十年);
  decades by value (80年代 八十年代), 90后 digit by digit (九零后).
- Phone numbers (11-digit mobiles, numbers with an area code, 400-/800- numbers) digit by digit
  with 幺 for 1, as an operator says them; other digit strings (leading zero, 17+ digits, three
  or more digits glued to letters: A380) digit by digit with 一; dotted strings of three or more
  numbers that are not dates part by part (14.4.2.3 十四点四点二点三, 192.168.1.1 一九二点一六八点
  一点一); codes after an acronym digit by digit (IEEE 754, ISO 9001); groups of 0s and 1s (1000
  0001) digit by digit; figure, table, equation and section numbers with 点 and 杠 (图 14.10
  图十四点十, 表3-2 表三杠二, 第 14.4.1 节 第十四点四点一节, a heading's "14.4.1 优化").
- A 19xx or 20xx standing alone is a year (▪ 1999, (2008重装版), Efron 2004) unless a measure word
  or an operator makes it a quantity (2000人, 等于 2000).
- A "+" before a percentage is a change: 增加百分之三十五, and nothing after a word that already
  says so (增长+35％ 增长百分之三十五); a "-" is 负 (NeMo's reading, and temperatures, returns).
- H:MM(:SS) is a time (三点三十分); N:M or N：M that is not a time, or comes after 比/比分/比例,
  is a ratio (二十九比一). am/pm are left as written (NeMo's reading).
- ¥/￥ are 元; money decimals are read with 点, trailing zeros dropped (一千二百五十点五元).
- Units use the SI names of Chinese textbooks (千克, 千米, 毫秒, 摄氏度, 千米每小时).
- 号 after a month is said 日 (as NeMo does); a bare 6号 stays 六号 (a building, a line).
- Output characters follow the text's script: traditional when hanzidentifier says the text is
  traditional, simplified otherwise (a digits-only cell cannot tell; the sound is the same).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import lru_cache

from narrator.normalize.zh_typography import speak_typography

__all__ = ["UNIT_WORDS", "digits", "normalize_zh", "say_number"]

# -- the gate ---------------------------------------------------------------------------------

# Everything this module rewrites contains one of these; text without them is returned as is.
_GATE = re.compile(r"[0-9０-９%％‰‱°º℃℉$¥￥€£₩©®™ʰᵐˢ]")
_FULLWIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")
_DIGITS = "零一二三四五六七八九"

# -- numbers ----------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _an2cn() -> Callable[[str], str] | None:
    try:
        from cn2an import an2cn
    except Exception:  # not installed: numbers are said digit by digit
        return None
    return an2cn


def digits(text: str, phone: bool = False) -> str:
    """Digit by digit (零二三...), with 幺 for 1 in a phone number; other characters dropped."""
    table = "零幺二三四五六七八九" if phone else _DIGITS
    return "".join(table[ord(c) - 48] for c in text if "0" <= c <= "9")


_TWO_LEADS = re.compile(r"(?:^|(?<=[零万亿]))二(?=[千万亿])")
_ZERO_TEN = re.compile(r"(?<=亿)零一十(?=万)")
# cn2an 0.5.24 drops the 零 of an empty 万 section: 100001000 is 一亿零一千, not 一亿一千.
_EMPTY_WAN = re.compile(r"亿(?=[一二三四五六七八九]千)(?![^点]*万)")


@lru_cache(maxsize=4096)
def _value(number: str) -> str:
    """A non-negative decimal number by value ("1250.5" -> 一千二百五十点五)."""
    whole, _, frac = number.partition(".")
    if len(whole) > 16:  # beyond 万亿 nobody says it by value (an account, an ID)
        return digits(number)
    an2cn = _an2cn()
    try:
        said = an2cn(number) if an2cn is not None else digits(whole) + ("点" + digits(frac) if frac else "")
    except Exception:
        said = digits(whole) + ("点" + digits(frac) if frac else "")
    said = _ZERO_TEN.sub("零十", said)  # 一百亿零十万: a 10 after 亿零 is 十
    said = _EMPTY_WAN.sub("亿零", said)
    return _TWO_LEADS.sub("两", said)


def say_number(number: str, liang: bool = False) -> str:
    """A written number (commas, a sign, fullwidth digits allowed) in Chinese words, by value.

    ``liang``: a lone 2 is 两 (before a measure word)."""
    number = number.translate(_FULLWIDTH).replace(",", "").replace(" ", "").strip()
    sign = ""
    if number and number[0] in "-−－":
        sign, number = "负", number[1:]
    elif number and number[0] in "+＋":
        sign, number = "正", number[1:]
    if not number or not number.replace(".", "", 1).isdigit():
        return sign + digits(number)
    if number.startswith(".") or number.endswith("."):
        number = number.strip(".") or "0"
    if liang and number == "2":
        return sign + "两"
    return sign + _value(number)


# A written number: digits with optional thousands commas and a decimal part.
_N = r"\d+(?:,\d{3})*(?:\.\d+)?"
# A number or a range of numbers (63–120, 10~12, 3至5).
_RANGE_SEP = r"\s*(?:[–—~～至到]|-(?=\s*\d))\s*"
_NR = rf"{_N}(?:{_RANGE_SEP}[-−]?{_N})?"
_NEG = r"(?<![0-9A-Za-z)\]}])[-−－]"


def _say_range(text: str, liang: bool = False, unit: str = "") -> str:
    """"63–120" -> 六十三到一百二十 (with ``unit`` after each end if given)."""
    m = re.fullmatch(rf"([-−－]?{_N}){_RANGE_SEP}([-−－]?{_N})", text.strip())
    if m is None:
        return say_number(text, liang) + unit
    return say_number(m.group(1), liang) + unit + "到" + say_number(m.group(2), liang) + unit


# -- words ------------------------------------------------------------------------------------

# Measure words after which a lone 2 is 两.
_MEASURE_WORDS = ("个位名只本次天年岁件条张台辆把种项点倍门层家所首句行列组份双对片块杯瓶碗斤元角毛"
                  "遍届间节课章页段篇期周场顿棵根颗枚栋座艘架匹头口人盏部套支枝幅封批样辈代")
_MEASURE_TWO = ("小时", "分钟", "秒钟", "星期", "礼拜", "公斤", "千克", "公里", "千米", "米", "克", "升",
                "毫升", "厘米", "毫米", "美元", "欧元", "英镑", "万", "千", "亿", "百")

# unit as written -> Chinese (case matters: m is metres, M is not a unit here).
UNIT_WORDS: dict[str, str] = {
    "km/h": "千米每小时", "m/s": "米每秒", "km/s": "千米每秒", "m/s²": "米每二次方秒",
    "kg/m³": "千克每立方米", "g/cm³": "克每立方厘米", "r/min": "转每分", "rpm": "转每分",
    "mg/L": "毫克每升", "mmol/L": "毫摩尔每升", "mol/L": "摩尔每升", "kWh": "千瓦时", "kW·h": "千瓦时",
    "kg": "千克", "mg": "毫克", "μg": "微克", "µg": "微克", "g": "克", "t": "吨",
    "km": "千米", "cm": "厘米", "mm": "毫米", "μm": "微米", "µm": "微米", "nm": "纳米", "m": "米",
    "km²": "平方千米", "m²": "平方米", "cm²": "平方厘米", "mm²": "平方毫米", "m³": "立方米",
    "cm³": "立方厘米", "dm³": "立方分米",
    "ml": "毫升", "mL": "毫升", "L": "升", "l": "升",
    "ms": "毫秒", "μs": "微秒", "µs": "微秒", "ns": "纳秒", "s": "秒", "min": "分钟", "h": "小时",
    "Hz": "赫兹", "kHz": "千赫兹", "MHz": "兆赫兹", "GHz": "吉赫兹",
    "V": "伏", "kV": "千伏", "mV": "毫伏", "A": "安", "mA": "毫安", "W": "瓦", "kW": "千瓦", "MW": "兆瓦",
    "Ω": "欧姆", "kΩ": "千欧", "MΩ": "兆欧", "J": "焦", "kJ": "千焦", "N": "牛", "Pa": "帕", "kPa": "千帕",
    "MPa": "兆帕", "cal": "卡", "kcal": "千卡", "mol": "摩尔", "dB": "分贝",
    "KB": "千字节", "MB": "兆字节", "GB": "吉字节", "TB": "太字节", "kb": "千比特", "Mb": "兆比特",
    "Mbps": "兆比特每秒", "mph": "英里每小时", "ft": "英尺", "in": "英寸", "mi": "英里", "lb": "磅",
    "lbs": "磅", "oz": "盎司", "gal": "加仑", "mAh": "毫安时",
    "°C": "摄氏度", "℃": "摄氏度", "°F": "华氏度", "℉": "华氏度",
}
# Units said only right after a number written without a space ("5A级" is a rating, not amperes).
_LOOSE = frozenset(("A", "N", "J", "t", "h", "s", "l", "in", "mi"))
_UNIT_ALT = "|".join(re.escape(u) for u in sorted(UNIT_WORDS, key=len, reverse=True))
_UNIT = re.compile(rf"(?<![A-Za-z0-9.,])({_NEG}?{_NR})(\s?)({_UNIT_ALT})([²³]?)(?![A-Za-z0-9]|\s?级)")

_CURRENCY_PREFIX = {"US$": "美元", "HK$": "港元", "NT$": "新台币", "$": "美元", "€": "欧元", "£": "英镑",
                    "₩": "韩元", "¥": "元", "￥": "元", "JP¥": "日元"}
_CURRENCY_CODE = {"USD": "美元", "RMB": "元", "CNY": "元", "EUR": "欧元", "GBP": "英镑", "JPY": "日元",
                  "HKD": "港元"}

_NUMERALS = frozenset("第零一二三四五六七八九十百千万亿两")
# Before a 4-digit number these make it a quantity, not a year; after it, these do.
_COUNTING = re.compile(r"(?:等于|加|减|乘|除以|约|共|第|是|为|[=+\-−×÷*/<>≤≥≈])$")
_NOT_YEAR_AFTER = frozenset("万亿千百多余点.%％‰°℃,，:：/×*+-=个")
_SYMBOL_WORDS = {"©": "版权所有", "®": "注册商标", "™": "商标"}

# Before a "+N%" these already say "increase": the sign is not said again.
_CHANGE = re.compile(r"(?:增长|增加|上涨|上升|提高|提升|增幅|涨幅|同比|环比|涨|升|增)\s*$")
_RATIO_CONTEXT = re.compile(r"(?:比分|比例|比率|之比|比为|比是|比)\s*$")

# Simplified characters this module writes -> traditional (only characters that differ).
_TO_TRADITIONAL = str.maketrans("两万亿点负摄华欧镑韩币纳吉时钟转每盎仑双节间届页场顿颗栋艘头盏这约于项个岁张辆种门层组杯瓶碗买卖",
                                "兩萬億點負攝華歐鎊韓幣納吉時鐘轉每盎侖雙節間屆頁場頓顆棟艘頭盞這約於項個歲張輛種門層組杯瓶碗買賣")

# -- the rules, in order ----------------------------------------------------------------------


def _year(text: str) -> str:
    return digits(text)


_ERA_SUFFIX = r"\s?(?P<era>a\.d\.|b\.c\.|ad|bc)(?![A-Za-z])"


def _era(m: re.Match[str], said: str) -> str:
    era = (m.group("era") or "").lower()
    if era.startswith("b"):
        return "公元前" + said
    if era.startswith("a"):
        return "公元" + said
    return said


def _cjk_date(m: re.Match[str]) -> str:
    pre, mark = m.group("pre") or "", m.group("mark")
    year, month, day = m.group("y") or None, m.group("m") or None, m.group("d") or None
    era = (m.group("era") or "").lower()
    eraish = bool(pre) or bool(era)
    if year is not None:
        # A year is read digit by digit when it is plainly a year; "50年" alone is fifty years.
        if len(year) == 4 or eraish or (len(year) >= 2 and (year[0] == "0" or month is not None)):
            y = _year(year)
        else:
            y = say_number(year, liang=True)
        said = y + "年"
    else:
        said = ""
    if month is not None:
        said += say_number(month) + "月"
    if day is not None:
        # 号 after a month is 日 (a date); alone it may be a building or a line: 六号
        said += say_number(day) + (mark if mark in "号號" and month is None else "日")
    return pre + _era(m, said)


def _numeric_date(m: re.Match[str]) -> str:
    y, mo, d = m.group("y"), int(m.group("m")), int(m.group("d"))
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return m.group()
    return _year(y) + "年" + _value(str(mo)) + "月" + _value(str(d)) + "日"


def _mdy(m: re.Match[str]) -> str:
    a, b, y = int(m.group(1)), int(m.group(2)), m.group(3)
    month, day = (b, a) if a > 12 else (a, b)  # 31/12/2016 is day first; else month first (US)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return m.group()
    return _year(y) + "年" + _value(str(month)) + "月" + _value(str(day)) + "日"


def _years(m: re.Match[str]) -> str:
    tail = m.group(4) or ""
    # 2000/2002年: one year or the other; 2019/2020 (a school year), 1990-1995: from one to the other
    joiner = "或" if m.group(2) in "、或" or (tail and m.group(2) in "/／") else "到"
    if tail:
        return _year(m.group(1)) + "年" + joiner + _year(m.group(3)) + "年"
    return _year(m.group(1)) + joiner + _year(m.group(3))


def _time(m: re.Match[str]) -> str:
    h, mi, s = int(m.group("h")), int(m.group("m")), m.group("s")
    full = m.string
    if h > 24 or mi > 59 or (s is not None and int(s) > 59):
        return m.group()
    if s is None and _RATIO_CONTEXT.search(full, 0, m.start()):
        return m.group()  # 比分 29:21 is a score, said by the ratio rule
    said = _value(str(h)) + "点"
    if s is not None:
        return said + _value(str(mi)) + "分" + _value(str(int(s))) + "秒"
    return said + (_value(str(mi)) + "分" if mi else "")


def _clock_marks(m: re.Match[str]) -> str:
    said = ""
    for group, word in (("h", "时"), ("m", "分"), ("s", "秒")):
        if m.group(group):
            said += say_number(m.group(group)) + word
    return said


def _phone(m: re.Match[str]) -> str:
    groups = re.findall(r"\d+", m.group())
    return " ".join(digits(g, phone=True) for g in groups)


def _percent(m: re.Match[str]) -> str:
    sign, body = m.group("sign") or "", m.group("n")
    word = "千分之" if m.group("mark") == "‰" else "万分之" if m.group("mark") == "‱" else "百分之"
    if sign in "+＋" and sign:
        prefix = "" if _CHANGE.search(m.string, 0, m.start()) else "增加"
    elif sign in "±":
        prefix = "正负" if sign else ""
    elif sign:
        prefix = "负"
    else:
        prefix = ""
    second = m.group("n2")
    if second is not None:  # 63%–120%: both ends said
        return prefix + word + _say_range(body) + "到" + word + say_number(second)
    return prefix + word + _say_range(body)


def _money(m: re.Match[str]) -> str:
    symbol, sign, amount, big, yuan = m.group(1), m.group(2) or "", m.group(3), m.group(4) or "", m.group(5)
    word = _CURRENCY_PREFIX.get(symbol, "")
    if "." in amount and not big:
        amount = amount.rstrip("0").rstrip(".")  # ¥1,250.50 -> 一千二百五十点五元
    said = ("负" if sign else "") + _say_range(amount, bool(big)) + big  # $2万: 两万美元
    return said + (yuan if yuan else word)


def _money_code(m: re.Match[str]) -> str:
    return _say_range(m.group(1), bool(m.group(2))) + (m.group(2) or "") + _CURRENCY_CODE[m.group(3)]


def _degrees(m: re.Match[str]) -> str:
    said = _say_range(m.group("deg")) + "度"
    if m.group("min"):
        said += say_number(m.group("min")) + "分"
    if m.group("sec"):
        said += say_number(m.group("sec")) + "秒"
    return said


def _primes(m: re.Match[str]) -> str:
    said = say_number(m.group(1)) + "分"
    return said + (say_number(m.group(2)) + "秒" if m.group(2) else "")


def _unit(m: re.Match[str]) -> str:
    number, space, unit, power = m.group(1), m.group(2), m.group(3), m.group(4)
    if space and unit in _LOOSE:
        return m.group()
    word = UNIT_WORDS[unit]
    if power:  # m² after a unit: 平方米, 立方米
        word = ("平方" if power == "²" else "立方") + word
    liang = word[:1] not in "摄华"  # 两千克, 两米; but 二摄氏度
    return _say_range(number, liang) + word


def _fraction(m: re.Match[str]) -> str:
    whole, sign, num, den = m.group(1), m.group(2), m.group(3), m.group(4)
    if int(den) == 0:
        return m.group()
    said = ("负" if sign else "") + say_number(den) + "分之" + say_number(num)
    return (say_number(whole) + "又" + said) if whole else said


def _ratio(m: re.Match[str]) -> str:
    return "比".join(say_number(p) for p in re.split(r"\s*[:：]\s*", m.group()))


def _range(m: re.Match[str]) -> str:
    a, sep, b = m.group(1), m.group(2), m.group(3)
    if sep.strip() == "-":
        # An ASCII hyphen is a range only when it plainly is one (10-12), not a subtraction.
        try:
            if float(a.replace(",", "")) >= float(b.replace(",", "")) or "=" in m.string:
                return m.group()
        except ValueError:
            return m.group()
    # a measure word or 万 after the range counts for both ends: 2-3个 两到三个, 1-2万人 一到两万人
    liang = _before_measure(m)
    return say_number(a, liang) + "到" + say_number(b, liang)


def _dotted(m: re.Match[str]) -> str:
    # 14.4.2.3 (a section) 十四点四点二点三; 192.168.1.1 一九二点一六八点一点一
    return "点".join(_value(p) if len(p) <= 2 else digits(p) for p in m.group().split("."))


def _numbered(m: re.Match[str]) -> str:
    # 图 14.10 十四点十, 表 3-2 三杠二: a figure or table number, not a decimal or a range
    parts = re.split(r"([.\-–])", m.group(3))
    said = "".join(("点" if p == "." else "杠") if p in ".-–" else _value(str(int(p))) for p in parts)
    return m.group(1) + m.group(2) + said


def _year_alone(m: re.Match[str]) -> str:
    before = m.string[max(0, m.start() - 4):m.start()].rstrip()
    after = m.string[m.end():m.end() + 2].lstrip()
    if _COUNTING.search(before) or (after and (after[0] in _MEASURE_WORDS or after[0] in _NOT_YEAR_AFTER
                                               or after.startswith(_MEASURE_TWO))):
        return m.group()  # a count or a value: said by value later
    return _year(m.group())


def _binary(m: re.Match[str]) -> str:
    return " ".join(digits(g) for g in m.group().split())


def _ordinal(m: re.Match[str]) -> str:
    return m.group(1) + say_number(m.group(2))


def _number(m: re.Match[str]) -> str:
    sign, number, big = m.group(1) or "", m.group(2), m.group(3) or ""
    # a 2 before 万 or 亿 is 两, as in 两万 (20000), 两亿
    return ("负" if sign else "") + say_number(number, bool(big) or _before_measure(m)) + big


def _before_measure(m: re.Match[str]) -> bool:
    """Whether the number matched stands alone before a measure word, so a lone 2 is 两: 两个,
    两小时; but 第二, 十二 (a numeral before it), 二次方, and a 2 at the end (C O 2) is 二."""
    after = m.string[m.end():m.end() + 2]
    before = m.string[m.start() - 1:m.start()] if m.start() else ""
    return (after != "" and before not in _NUMERALS and not after.startswith("次方")
            and (after[0] in _MEASURE_WORDS or after.startswith(_MEASURE_TWO)))


def _plain_digits(m: re.Match[str]) -> str:
    return digits(m.group())


_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]

# a space may stand between a number and its 年, 月 or 日 (1996 年 3 月: spacing put in by editors)
_DATE_CJK = (r"(?:(?P<pre>公元前|公元|纪元|紀元) ?(?=\d))?(?:(?P<y>\d{1,4}) ?年(?!代) ?)?(?:(?P<m>\d{1,2}) ?月 ?)?"
             r"(?:(?P<d>\d{1,2}) ?(?P<mark>[日号號]))?")

_RULES: tuple[_Rule, ...] = (
    # dates with an era after them: 2934ad, 1234b.c., 1823年3月bc
    (re.compile(rf"(?<![0-9])(?P<pre>)(?P<y>\d{{1,4}})(?:年)?(?:(?P<m>\d{{1,2}})月)?(?P<d>)(?P<mark>){_ERA_SUFFIX}",
                re.IGNORECASE), _cjk_date),
    # ©2024: a copyright year
    (re.compile(r"(?<=©)\s?(\d{4})(?![0-9])"), lambda m: _year(m.group(1))),
    # decades and generations: 80年代 八十年代, 1980年代 一九八零年代, 90后 九零后
    (re.compile(r"(?<![0-9])(\d{2})(?=年代)"), lambda m: say_number(m.group(1))),
    (re.compile(r"(?<![0-9])(\d{4})(?=年代)"), lambda m: _year(m.group(1))),
    (re.compile(r"(?<![0-9])(\d0)(?=后|後)"), lambda m: digits(m.group(1))),
    # 20190926: a date written as 8 digits
    (re.compile(r"(?<![0-9])(?P<y>(?:19|20)\d{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?![0-9])"),
     _numeric_date),
    # a heading's section number: "14.4.1 一元非线性优化" (a date does not open a heading so)
    (re.compile(r"^(\s*)()(\d{1,2}(?:\.\d{1,3}){2,3})(?=\s+[\u4e00-\u9fff])"), _numbered),
    # section numbers: 第 14.4.1 节, 3.2 节, 第1.2章 (a date is never a section)
    (re.compile(r"(第?)(\s?)(\d{1,3}(?:\.\d{1,3})+)(?![0-9.])(?=\s?(?:小节|节|章|条|款|部分|单元|課|课|讲|講|篇|節))"),
     _numbered),
    # figure, table and equation numbers: 图 14.10, 表 3-2, 式 19.2
    (re.compile(r"(图|表|式|例|公式|习题|练习|定理|定义|引理|圖|練習)(\s?)(\d{1,3}(?:[.\-–]\d{1,3})+)(?![0-9.])"), _numbered),
    # two years: 2000/2002年 二零零零年或二零零二年, 2019/2020 二零一九到二零二零
    (re.compile(r"(?<![0-9.])(\d{4})\s*([/／、或至到\-–—~～])\s*(\d{4})(?![0-9.])(\s*年)?"), _years),
    # numeric dates: 2009.03.31, 2009-03-31, 2019/2/10, 2019·2·10, 12/2/2, 12.2.3, 11/02/2016
    (re.compile(r"(?<![0-9.A-Za-z])(?P<y>\d{4})(?P<sep>[-./·])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![0-9]|\.\d)"),
     _numeric_date),
    (re.compile(r"(?<![0-9.A-Za-z])(?P<y>\d{2})(?P<sep>[./·])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![0-9]|\.\d)"),
     _numeric_date),
    (re.compile(r"(?<![0-9./])(\d{1,2})/(\d{1,2})/(\d{4})(?![0-9/])"), _mdy),
    (re.compile(r"(?<![0-9.A-Za-z])(?P<y>(?:19|20)\d{2})-(?P<m>0[1-9]|1[0-2])(?![0-9\-])"),
     lambda m: _year(m.group("y")) + "年" + _value(str(int(m.group("m")))) + "月"),
    # 2009年3月31日, 3月31日, 2015年08月08号, 公元前202年
    (re.compile(rf"(?<![0-9])(?=\d|公元|纪元|紀元){_DATE_CJK}(?P<era>)"), _cjk_date),
    # times: 21:51:31, 3:30, 03:04pm; right ascension 03ʰ 36ᵐ 12ˢ
    (re.compile(r"(?<![0-9:.])(?P<h>\d{1,2})[:：](?P<m>\d{2})(?:[:：](?P<s>\d{2}))?(?![0-9]|[:：]\d)"), _time),
    (re.compile(r"(?:(?P<h>\d{1,2})ʰ\s?)(?:(?P<m>\d{1,2})ᵐ\s?)?(?:(?P<s>\d{1,2}(?:\.\d+)?)ˢ)?"), _clock_marks),
    # phone numbers: 13812345678, +86 138 1234 5678, 010-12345678, (0755)12345678, 400-123-4567
    (re.compile(r"(?<![0-9\-])(?:\+?86[-\s]?)?1[3-9]\d(?:[-\s]?\d{4}){2}(?![0-9])"), _phone),
    (re.compile(r"(?<![0-9\-])\(?0\d{2,3}\)?[-\s]?\d{7,8}(?![0-9])"), _phone),
    (re.compile(r"(?<![0-9\-])[48]00[-\s]?\d{3}[-\s]?\d{4}(?![0-9])"), _phone),
    # a minus before a written-out percentage: -百分之1
    (re.compile(r"(?<![0-9A-Za-z)\]}零一二三四五六七八九十百千万亿两])[-−－](?=(?:百分之|千分之|万分之)[0-9])"),
     lambda m: "负"),
    # percentages: 30%, +35％, -98%, 63–120 %, 63%–120%, 5‰
    (re.compile(rf"(?<![0-9A-Za-z])(?P<sign>[+＋\-−－±]?)(?P<n>{_NR})\s*(?P<mark>[%％‰‱])"
                rf"(?:{_RANGE_SEP}(?P<n2>{_N})\s*[%％])?"), _percent),
    # money: $5, ￥1,250.50元, $1.5万, €5, US$3, 100 USD
    (re.compile(rf"(US\$|HK\$|NT\$|JP¥|[$€£₩¥￥])\s?([-−])?({_NR})(万|亿|千)?(元)?"), _money),
    (re.compile(rf"(?<![0-9A-Za-z.])({_NR})\s?(万|亿)?\s?(USD|RMB|CNY|EUR|GBP|JPY|HKD)(?![A-Za-z])"), _money_code),
    # temperatures and units: 38°C, -10℃, 25kg, 120m², 5km/h, 10–12 kg
    (_UNIT, lambda m: ("负" if m.group(1)[:1] in "-−－" else "") + _unit(_strip_sign(m))),
    # degrees and primes: 114º, 30°15′20″, 24′ 06″
    (re.compile(rf"(?P<deg>{_NR})\s?[°º](?:\s?(?P<min>\d+)\s?[′'](?:\s?(?P<sec>\d+(?:\.\d+)?)\s?[″\"])?)?"), _degrees),
    (re.compile(r"(?<![0-9.])(\d+)\s?′(?:\s?(\d+(?:\.\d+)?)\s?″)?"), _primes),
    # fractions: 1/3, -1/3, 1又1/5 (dates went first)
    (re.compile(r"(?:(\d+)又)?(?<![0-9A-Za-z./])([-−－])?(\d+)\s?/\s?(\d+)(?![0-9/])"), _fraction),
    # ratios: 29：1, 16:9, 1:2:3
    (re.compile(r"(?<![0-9.:])\d+(?:\.\d+)?(?:\s*[:：]\s*\d+(?:\.\d+)?)+(?![0-9])"), _ratio),
    # ranges: 10–12, 3~5, 1990-1995 (an ASCII hyphen only when a < b and no "=")
    (re.compile(rf"(?<![0-9A-Za-z.])({_N})(\s*(?:[–—~～至]|-)\s*)({_N})(?![0-9])"), _range),
    # versions and addresses: 3.11.2, 192.168.1.1
    (re.compile(r"(?<![0-9.])\d+(?:\.\d+){2,}(?![0-9])"), _dotted),
    # a year standing alone (a list of releases, a citation): 1999, (2008重装版), Efron 2004
    (re.compile(r"(?<![0-9.,A-Za-z\-−])(?:19|20)\d{2}(?![0-9.,]|\s?[A-Za-z%])"), _year_alone),
    # binary groups: 1000 0001, 1111 1110
    (re.compile(r"(?<![0-9])[01]{2,}(?:\s[01]{2,})+(?![0-9])(?<=[01]{4})"), _binary),
    # standards and codes after an acronym: IEEE 754, ISO 9001
    (re.compile(r"(?<=\b[A-Z]{2})(\s?)(\d{3,})(?![0-9.])|(?<=[A-Z]{3})(\s?)(\d{3,})(?![0-9.])"),
     lambda m: (m.group(1) or m.group(3) or "") + digits(m.group())),
    # digit strings: 007, 0755, model numbers A380; 17+ digits
    (re.compile(r"(?<=[A-Za-z])\d{3,}(?![0-9.])|(?<![0-9.,])0\d+(?![0-9.,])|\d{17,}"), _plain_digits),
    # ordinals: 第3 第三 (never 两)
    (re.compile(rf"(第\s?)({_N})"), _ordinal),
    # the rest: cardinals and decimals, a minus sign where it is one, 万/亿 after them
    (re.compile(rf"({_NEG})?({_N})(万|亿|萬|億)?"), _number),
)


def _strip_sign(m: re.Match[str]) -> re.Match[str]:
    # The unit rule's number may carry a minus; say it once, before the number.
    text = m.group()
    if text[:1] in "-−－":
        again = _UNIT.match(text[1:])
        if again is not None:
            return again
    return m


# -- the entry point --------------------------------------------------------------------------


@lru_cache(maxsize=64)
def _abbreviation_rule(items: tuple[tuple[str, str], ...]) -> re.Pattern[str] | None:
    keys = [k for k, _ in items if k]
    if not keys:
        return None
    alternation = "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
    # An abbreviation is a whole token: not inside a longer Latin word.
    return re.compile(rf"(?<![A-Za-z])(?:{alternation})(?![A-Za-z])")


def _is_traditional(text: str) -> bool:
    try:
        import hanzidentifier

        return bool(hanzidentifier.identify(text) == hanzidentifier.TRADITIONAL)
    except Exception:
        return False


@lru_cache(maxsize=16384)
def _normalize(text: str, items: tuple[tuple[str, str], ...]) -> str:
    said = text
    if items:
        rule = _abbreviation_rule(items)
        if rule is not None:
            table = dict(items)
            said = rule.sub(lambda m: table.get(m.group(), m.group()), said)
    if _GATE.search(said) is None:
        return said
    said = said.translate(_FULLWIDTH) if any("０" <= c <= "９" for c in said) else said
    for pattern, say in _RULES:
        said = pattern.sub(say, said)
    for symbol, word in _SYMBOL_WORDS.items():
        if symbol in said:
            said = said.replace(symbol, word)
    if said != text and _is_traditional(text):
        said = said.translate(_TO_TRADITIONAL)
    return said


def normalize_zh(text: str, abbreviations: Mapping[str, str] | None = None) -> str:
    """``text`` with its numbers, dates, times, money, units and symbols said in Chinese words.

    ``abbreviations`` maps a written abbreviation to what is said for it (whole tokens only)."""
    text = speak_typography(text)  # glosses, box-drawing dashes, conversion spaces (zh_typography)
    items = tuple(abbreviations.items()) if abbreviations else ()
    if not items and _GATE.search(text) is None:
        return text
    try:
        # and again after: numbers said in words can meet a space the first pass left alone
        return speak_typography(_normalize(text, items))
    except Exception:  # a rule met text it was not written for: say the digits, never fail a run
        return re.sub(r"[0-9０-９]+", lambda m: digits(m.group().translate(_FULLWIDTH)), text)


def _suite() -> int:  # pragma: no cover, no mutate block - a report for people: python -m narrator.normalize.zh --suite
    import os
    import sys
    import unicodedata
    from pathlib import Path

    root = Path(os.environ.get("NARRATOR_TN") or Path(__file__).resolve().parents[4] / "shared" / "tn" / "nemo")

    def norm(s: str) -> str:
        s = unicodedata.normalize("NFKC", s).lower()
        return "".join(c for c in s if not c.isspace() and unicodedata.category(c)[0] not in "PS")

    total = ok_total = 0
    for path in sorted((root / "zh").glob("test_cases_*.txt")):
        ok = n = 0
        for line in path.read_text("utf-8").splitlines():
            if "~" not in line:
                continue
            written, expected = line.split("~", 1)
            got = normalize_zh(written)
            n += 1
            if norm(got) == norm(expected):
                ok += 1
            elif "-v" in sys.argv:
                print(f"  {written!r} -> {got!r} (expected {expected!r})")
        print(f"{path.stem.removeprefix('test_cases_'):10} {ok:4}/{n:<4} {100 * ok / max(n, 1):5.1f}%")
        total, ok_total = total + n, ok_total + ok
    print(f"{'TOTAL':10} {ok_total:4}/{total:<4} {100 * ok_total / max(total, 1):5.1f}%")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(_suite())
