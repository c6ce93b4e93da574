"""Maths and science as a teacher says them, in English or Chinese.

    >>> speak_tex(r"x^{2} + \\frac{1}{2} \\le \\sqrt{y}", "en")
    'x squared plus 1 over 2 is less than or equal to the square root of y'
    >>> speak_tex(r"x^{2} + \\frac{1}{2} \\le \\sqrt{y}", "zh")
    'x 的平方 加 2 分之 1 小于等于 根号 y'
    >>> speak_symbols("CO₂ at 25℃ is 3×10⁻⁴ of air, ±5%", "en")
    'C O 2 at 25 degrees Celsius is 3 times 10 to the power minus 4 of air, plus or minus 5 percent'

- :func:`speak_tex` says a TeX formula (parse keeps every formula as TeX: MathML, editor
  attributes and images are converted there). pylatexenc parses it into macros with their
  arguments, groups and characters; this module walks that tree.
- :func:`script_words` says a <sup>/<sub> run after the text before it: "x" + sup "2" is
  "x squared", "1" + sup "st" is "1st", "CO" + sub "2" is "C O 2" (a chemical formula spelled).
- :func:`speak_symbols` says the maths symbols, Unicode super/subscripts, degrees, per cent and
  currency of ordinary text. Numbers stay digits: every engine reads digits in its language.

No backslash, brace or caret is left in what this module returns.
"""

from __future__ import annotations

import re
from collections.abc import Container
from functools import lru_cache
from typing import Any

__all__ = ["long_formulas", "script_words", "speak_symbols", "speak_tex"]

# -- words, by language ---------------------------------------------------------------------

# symbol (a TeX macro name or a Unicode character) -> (English, Chinese)
_WORDS: dict[str, tuple[str, str]] = {
    "+": ("plus", "加"), "-": ("minus", "减"), "−": ("minus", "减"), "=": ("equals", "等于"),
    "<": ("is less than", "小于"), ">": ("is greater than", "大于"), "*": ("times", "乘"),
    "/": ("over", "除以"), "!": ("factorial", "的阶乘"), "'": ("prime", "撇"), "′": ("prime", "撇"),
    "″": ("double prime", "两撇"),
    "times": ("times", "乘"), "×": ("times", "乘"), "cdot": ("times", "乘"), "⋅": ("times", "乘"),
    "·": ("times", "乘"),
    "div": ("divided by", "除以"), "÷": ("divided by", "除以"),
    "pm": ("plus or minus", "正负"), "±": ("plus or minus", "正负"),
    "mp": ("minus or plus", "负正"), "∓": ("minus or plus", "负正"),
    "le": ("is less than or equal to", "小于等于"), "leq": ("is less than or equal to", "小于等于"),
    "leqslant": ("is less than or equal to", "小于等于"), "≤": ("is less than or equal to", "小于等于"),
    "⩽": ("is less than or equal to", "小于等于"),
    "ge": ("is greater than or equal to", "大于等于"), "geq": ("is greater than or equal to", "大于等于"),
    "geqslant": ("is greater than or equal to", "大于等于"), "≥": ("is greater than or equal to", "大于等于"),
    "⩾": ("is greater than or equal to", "大于等于"),
    "ne": ("is not equal to", "不等于"), "neq": ("is not equal to", "不等于"), "≠": ("is not equal to", "不等于"),
    "approx": ("is approximately", "约等于"), "≈": ("is approximately", "约等于"),
    "equiv": ("is identical to", "恒等于"), "≡": ("is identical to", "恒等于"),
    "sim": ("is similar to", "相似于"), "∼": ("is similar to", "相似于"),
    # ∽ (\backsim): similar figures, as Chinese geometry writes it (△ABC∽△DEF)
    "backsim": ("is similar to", "相似于"), "∽": ("is similar to", "相似于"),
    "cong": ("is congruent to", "全等于"), "≅": ("is congruent to", "全等于"),
    "propto": ("is proportional to", "正比于"), "∝": ("is proportional to", "正比于"),
    "ll": ("is much less than", "远小于"), "gg": ("is much greater than", "远大于"),
    "to": ("tends to", "趋于"), "rightarrow": ("gives", "生成"), "→": ("to", "到"),
    "longrightarrow": ("gives", "生成"), "leftarrow": ("from", "来自"), "←": ("from", "来自"),
    "Rightarrow": ("implies", "推出"), "⇒": ("implies", "推出"), "implies": ("implies", "推出"),
    "Leftrightarrow": ("if and only if", "当且仅当"), "⇔": ("if and only if", "当且仅当"),
    "iff": ("if and only if", "当且仅当"), "leftrightarrow": ("is equivalent to", "等价于"),
    "↔": ("is equivalent to", "等价于"), "rightleftharpoons": ("is in equilibrium with", "可逆生成"),
    "⇌": ("is in equilibrium with", "可逆生成"), "mapsto": ("maps to", "映射到"),
    "in": ("in", "属于"), "∈": ("in", "属于"), "notin": ("not in", "不属于"), "∉": ("not in", "不属于"),
    "subset": ("is a subset of", "真包含于"), "⊂": ("is a subset of", "真包含于"),
    "subseteq": ("is a subset of", "包含于"), "⊆": ("is a subset of", "包含于"),
    "cup": ("union", "并"), "∪": ("union", "并"), "cap": ("intersection", "交"), "∩": ("intersection", "交"),
    "emptyset": ("the empty set", "空集"), "varnothing": ("the empty set", "空集"), "∅": ("the empty set", "空集"),
    "forall": ("for all", "对任意"), "∀": ("for all", "对任意"), "exists": ("there exists", "存在"),
    "∃": ("there exists", "存在"), "neg": ("not", "非"), "¬": ("not", "非"), "land": ("and", "且"),
    "wedge": ("and", "且"), "∧": ("and", "且"), "lor": ("or", "或"), "vee": ("or", "或"), "∨": ("or", "或"),
    "therefore": ("therefore", "所以"), "∴": ("therefore", "所以"), "because": ("because", "因为"),
    "∵": ("because", "因为"),
    "infty": ("infinity", "无穷大"), "∞": ("infinity", "无穷大"),
    "angle": ("angle", "角"), "∠": ("angle", "角"), "triangle": ("triangle", "三角形"),
    "△": ("triangle", "三角形"), "perp": ("is perpendicular to", "垂直于"), "⊥": ("is perpendicular to", "垂直于"),
    "parallel": ("is parallel to", "平行于"), "∥": ("is parallel to", "平行于"),
    "partial": ("partial", "偏"), "∂": ("partial", "偏"), "nabla": ("nabla", "梯度"), "∇": ("nabla", "梯度"),
    "circ": ("degrees", "度"), "°": ("degrees", "度"), "degree": ("degrees", "度"),
    "∘": ("composed with", "复合"), "coloneqq": ("is defined as", "定义为"), "≔": ("is defined as", "定义为"),
    "℃": ("degrees Celsius", "摄氏度"), "℉": ("degrees Fahrenheit", "华氏度"),
    "%": ("percent", "百分之"), "‰": ("per mille", "千分之"),
    "sqrt": ("the square root of", "根号"), "√": ("the square root of", "根号"),
    "∛": ("the cube root of", "三次根号"),
    "sum": ("the sum", "求和"), "∑": ("the sum", "求和"), "prod": ("the product", "连乘"),
    "∏": ("the product", "连乘"), "int": ("the integral", "积分"), "∫": ("the integral", "积分"),
    "oint": ("the contour integral", "环路积分"), "iint": ("the double integral", "二重积分"),
    "lim": ("the limit", "极限"),
    "cdots": ("and so on", "等等"), "ldots": ("and so on", "等等"), "dots": ("and so on", "等等"),
    "…": ("and so on", "等等"), "vdots": ("and so on", "等等"), "ddots": ("and so on", "等等"),
    "sin": ("sine", "sin"), "cos": ("cosine", "cos"), "tan": ("tangent", "tan"), "cot": ("cotangent", "cot"),
    "sec": ("secant", "sec"), "csc": ("cosecant", "csc"), "arcsin": ("arc sine", "arcsin"),
    "arccos": ("arc cosine", "arccos"), "arctan": ("arc tangent", "arctan"),
    "log": ("log", "log"), "ln": ("natural log", "ln"), "lg": ("log", "lg"), "exp": ("exponential", "exp"),
    "Pr": ("P", "P"), "max": ("the maximum of", "最大值"), "min": ("the minimum of", "最小值"), "det": ("the determinant of", "行列式"),
    "gcd": ("the greatest common divisor of", "最大公约数"),
    "bmod": ("mod", "模"), "pmod": ("modulo", "模"), "§": ("section", "节"),
    "ast": ("star", "星"), "star": ("star", "星"), "dagger": ("dagger", "dagger"),
    "imath": ("i", "i"), "jmath": ("j", "j"),  # dotless, for a hat: \hat{\imath} is "i hat"
    "upmu": ("mu", "缪"),  # upgreek's upright mu, the micro of 10\,\upmu\mathrm{m}
    "oplus": ("direct sum", "直和"), "⊕": ("direct sum", "直和"), "otimes": ("tensor", "张量积"),
    "⊗": ("tensor", "张量积"),
    "&": ("", ""), "|": ("", ""), "\\": (",", "，"), "{": ("", ""), "}": ("", ""),
}
_GREEK = {
    "alpha": ("alpha", "阿尔法"), "beta": ("beta", "贝塔"), "gamma": ("gamma", "伽马"),
    "delta": ("delta", "德尔塔"), "epsilon": ("epsilon", "艾普西龙"), "varepsilon": ("epsilon", "艾普西龙"),
    "zeta": ("zeta", "泽塔"), "eta": ("eta", "伊塔"), "theta": ("theta", "西塔"), "vartheta": ("theta", "西塔"),
    "iota": ("iota", "约塔"), "kappa": ("kappa", "卡帕"), "lambda": ("lambda", "兰姆达"), "mu": ("mu", "缪"),
    "nu": ("nu", "纽"), "xi": ("xi", "克西"), "pi": ("pi", "派"), "varpi": ("pi", "派"), "rho": ("rho", "柔"),
    "sigma": ("sigma", "西格玛"), "varsigma": ("sigma", "西格玛"), "tau": ("tau", "陶"),
    "upsilon": ("upsilon", "宇普西龙"), "phi": ("phi", "斐"), "varphi": ("phi", "斐"), "chi": ("chi", "凯"),
    "psi": ("psi", "普西"), "omega": ("omega", "欧米伽"),
}
_GREEK_CHARS = dict(zip("αβγδεζηθικλμνξπρστυφχψωϕϑϖς",
                        "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi pi "
                        "rho sigma tau upsilon phi chi psi omega phi theta pi sigma".split()))
_GREEK_UPPER = dict(zip("ΓΔΘΛΞΠΣΥΦΨΩ", "gamma delta theta lambda xi pi sigma upsilon phi psi omega".split()))
for _name, (_en, _zh) in list(_GREEK.items()):
    _WORDS[_name] = (_en, _zh)
    _WORDS[_name.capitalize()] = ("capital " + _en, "大写" + _zh)
for _ch, _name in _GREEK_CHARS.items():
    _WORDS[_ch] = _GREEK[_name]
_WORDS["µ"] = _GREEK["mu"]  # the micro sign (U+00B5, a key on many keyboards), not the Greek letter
for _ch, _name in _GREEK_UPPER.items():
    _WORDS[_ch] = ("capital " + _GREEK[_name][0], "大写" + _GREEK[_name][1]) if _name != "delta" \
        else ("delta", "德尔塔")  # Δt: "delta t"

_SPACING = frozenset(("quad", "qquad", ",", ";", ":", "!", " ", "enspace", "thinspace", "medspace",
                      "thickspace", "space", "hfill", "displaystyle", "textstyle", "scriptstyle",
                      "limits", "nolimits", "rm", "bf", "it", "sf", "tt", "cal", "left", "right", "big", "Big", "bigg", "Bigg", "bigl",
                      "bigr", "Bigl", "Bigr", "biggl", "biggr", "middle", "nonumber", "notag", "ref", "eqref", "cssId", "class", "style",
                      "label", "tag", "color", "bgroup", "egroup", "mathstrut", "phantom", "hline", "cr"))
_TEXT_MACROS = frozenset(("text", "textrm", "textit", "textbf", "mbox", "emph", "textsf", "texttt",
                          "mathrm", "operatorname", "textnormal", "hbox", "textup", "mathup", "unit", "si"))
# siunitx (\SI{9.81}{\metre\per\second}) and the upright macros a unit is written in. For each
# siunitx command: what its numbers are (none, one, a range's two, a list, an angle's degrees,
# minutes and seconds) and whether a unit follows them
_SIUNITX: dict[str, tuple[str, bool]] = {
    "SI": ("one", True), "qty": ("one", True), "si": ("", True), "unit": ("", True), "num": ("one", False),
    "SIrange": ("range", True), "qtyrange": ("range", True), "numrange": ("range", False),
    "SIlist": ("list", True), "qtylist": ("list", True), "numlist": ("list", False), "ang": ("angle", False)}
_SI_NUMBER_ARGS = {"": 0, "one": 1, "list": 1, "angle": 1, "range": 2}  # arguments holding numbers
_UNIT_MACROS = frozenset(_SIUNITX) | {"text", "textrm", "mathrm", "mbox", "textnormal", "hbox", "textup", "mathup"}
# siunitx's number input: 1.2 x 10^3 (a power of ten), 2 x 3 (a product), 9.81(2) (the uncertainty
# in the last digits: 9.81 ± 0.02), 9.81 \pm 0.02 and 9.81 +- 0.02, an exponent 3e8 or 3d8
_SI_POWER_OF_TEN = re.compile(r"\s*(?:x|\\times|\\cdot)\s*10\s*\^\s*\{?\s*([-+−]?\d+)\s*\}?")
_SI_PRODUCT = re.compile(r"\s*(?:x|\\times|\\cdot)\s*")
_SI_CONCISE = re.compile(r"(\d+)(?:\.(\d+))?((?:\(\d+\))+)")
_SI_PLUS_MINUS = re.compile(r"\s*(?:\\pm|\+-|±)\s*")
_SI_EXPONENT = re.compile(r"(?<=\d)[eEdD]([-+−]?\d+)$")
_SI_PERCENT = frozenset(("\\percent", "%", "\\%"))
_STYLE_MACROS = frozenset(("mathbf", "mathit", "mathsf", "mathtt", "mathbb", "mathcal", "mathscr",
                           "mathfrak", "boldsymbol", "bm", "pmb", "underline",
                           "boxed", "fbox", "widehat", "overbrace", "underbrace",
                           "ensuremath", "mathop", "mathbin", "mathrel", "mathord", "cancel", "dot", "ddot"))
# delimiter macros as characters: \| and \lVert are a norm's bar, \{ a set's brace (and \colon
# the colon of set-builder notation, \S the section sign)
_DELIMITERS = {"S": "§", "|": "‖", "Vert": "‖", "lVert": "‖", "rVert": "‖", "vert": "|", "lvert": "|",
               "rvert": "|", "langle": "⟨", "rangle": "⟩", "{": "⦃", "}": "⦄", "lbrace": "⦃",
               "rbrace": "⦄", "mid": "∣", "lbrack": "[", "rbrack": "]", "lparen": "(", "rparen": ")", "colon": ":"}
# marks above a letter, said after it ("x bar"); 拔 is how Chinese classrooms say "bar"
_ACCENTS = {"bar": ("bar", "拔"), "overline": ("bar", "拔"), "hat": ("hat", "尖"),
            "widehat": ("hat", "尖"), "tilde": ("tilde", "波浪"), "widetilde": ("tilde", "波浪"),
            "dot": ("dot", "点"), "ddot": ("double dot", "两点"), "check": ("check", "check"),
            "breve": ("breve", "breve")}
_ACCENTED = re.compile(r"\\(" + "|".join(_ACCENTS) + r")\s*\{([^{}]*)\}")
# superscripts that name an operation rather than a power: A^H, A^*, A^\dagger, x^{\top}
_SUP_NAMES = {"H": ("conjugate transpose", "的共轭转置"), "T": ("transpose", "的转置"),
              "\\top": ("transpose", "的转置"), "⊤": ("transpose", "的转置"),
              "\\intercal": ("transpose", "的转置"), "*": ("star", "星"), "\\ast": ("star", "星"),
              "∗": ("star", "星"), "\\star": ("star", "星"), "⋆": ("star", "星"),
              "\\dagger": ("dagger", "的厄米共轭"), "†": ("dagger", "的厄米共轭"),
              "''": ("double prime", "两撇"), "\\prime\\prime": ("double prime", "两撇"),
              # Z^\perp: the orthogonal complement of Z, said "Z perp"
              "\\perp": ("perp", "的正交补"), "⊥": ("perp", "的正交补")}
# blackboard-bold sets, as \mathbb{R} or as the characters
_SETS = {"R": ("the real numbers", "实数集"), "C": ("the complex numbers", "复数集"),
         "N": ("the natural numbers", "自然数集"), "Z": ("the integers", "整数集"),
         "Q": ("the rational numbers", "有理数集")}
_SET_CHARS = {"ℝ": "R", "ℂ": "C", "ℕ": "N", "ℤ": "Z", "ℚ": "Q"}
# functions written as macros: \sin(x) is "sine of x"
_FUNCTIONS = frozenset("sin cos tan cot sec csc sinh cosh tanh log ln lg exp arcsin arccos arctan".split())
# commands standing for what they wrap, between these delimiters
_WRAPPERS = {"mathop": ("", ""), "ket": ("|", "⟩"), "bra": ("⟨", "|"), "braket": ("⟨", "⟩")}
# sizes an opening bracket is written in (\left(, \big(): the bracket all the same; and a closing one
_OPEN_SIZES = frozenset("left big Big bigg Bigg bigl Bigl biggl Biggl".split())
_CLOSE_SIZES = frozenset("right big Big bigg Bigg bigr Bigr biggr Biggr".split())
# what stops a ratio: arrows, memberships, inclusions, "given", quantifiers
_ARROWS = frozenset("to rightarrow longrightarrow Rightarrow Longrightarrow implies iff mapsto longmapsto "
                    "hookrightarrow leftarrow gets in notin subset subseteq supset supseteq forall "
                    "exists".split())
# operators between two operands, said as words (a minus after one is a sign)
_BINARY = frozenset("times cdot div pm mp oplus otimes odot ast circ cap cup setminus bmod land lor wedge vee".split())
_NAMES = frozenset("min max log ln det sup inf arg lim exp sin cos tan deg dim ker gcd".split())
# letters that are functions when a bracket follows: f(x) is "f of x", a(b+c) a product
_CALLED = frozenset("fghpqFGHPLNEO")
_CALLED_MACROS = frozenset(("phi", "varphi", "psi", "Phi", "Psi", "E", "P", "Pr"))  # \E, \P: lecturers' commands
# TeX's spaces (not \!, which takes one away)
_TEX_SPACES = frozenset((",", ";", ":", " ", "quad", "qquad", "enspace", "thinspace", "medspace", "thickspace", "space"))
# statistics' operators: their argument in square brackets too (E[X]), and a function in text (\text{Var}(X))
_EXPECTATIONS = frozenset(("E", "P", "Pr", "Var", "Cov", "Corr", "plim"))
_MATRICES = frozenset(("matrix", "pmatrix", "bmatrix", "Bmatrix", "vmatrix", "Vmatrix", "smallmatrix",
                       "array"))
_RELATIONS = frozenset("= < > le leq ge geq ne neq approx equiv sim backsim propto leqslant geqslant "
                       "≤ ≥ ≠ ≈ ≡".split())
# what separates two statements in one formula: a wide space, a new line, words
_STATEMENT_BREAKS = frozenset("quad qquad \\ newline text mbox textrm hbox".split())
_EQUALS = frozenset("= approx equiv ≈ ≡".split())
# f^{(n)}: the letters whose bracketed superscript is a derivative's order (y^{(4)} too; but
# y^{(i)} is the i-th example of a data set, x^{(k)} the k-th iterate: labels)
_DERIVED = frozenset("fghuyFGH")
_ORDER_LETTERS = frozenset("nkm")
# what a capital superscript labels: a letter, a Greek letter, a marked letter ("x hat")
_LABELLED = re.compile(r"(?:capital )?(?:[A-Za-df-z]|[a-z]{2,7})(?: (?:hat|bar|tilde|dot))?|大写\S+"
                       r"|[\u4e00-\u9fff]{1,4}(?: (?:尖|拔|波浪|点))?|[A-Za-z] (?:尖|拔|波浪|点)")
_COUNTS = frozenset("NMKLDJ")  # A^N, x^K: a power all the same
MAX_WORDS = 40
"""A formula saying more than this is announced and summarised (a listener cannot follow it)."""
NESTED_BARS_MAX = 64
"""Bars an absolute value looks through for nested ones (||x|-|y||): its cost stays linear."""
_BIG_OPS = frozenset(("sum", "prod", "int", "iint", "oint", "lim", "∑", "∏", "∫", "max", "min"))
_FRACTIONS = frozenset(("frac", "dfrac", "tfrac", "cfrac"))
_ORDINAL = re.compile(r"^(?:st|nd|rd|th|e|er|re|ème|eme|me|o|a|º|ª)$", re.IGNORECASE)
_ELEMENTS = re.compile(r"(?:[A-Z][a-z]?)+$")


def _w(key: str, lang: str) -> str:
    en, zh = _WORDS[key]
    return zh if lang == "zh" else en


def _uncertainty(m: re.Match[str]) -> str:
    """siunitx's concise uncertainties written out: 9.81(2) is 9.81 ± 0.02, 1.234(56) 1.234 ± 0.056,
    1.23(4)(5) 1.23 ± 0.04 ± 0.05."""
    places = len(m[2] or "")

    def scaled(u: str) -> str:  # in the number's last places, by digits (no int: any length)
        digits = (u.lstrip("0") or "0").rjust(places + 1, "0")
        return digits[:len(digits) - places] + ("." + digits[-places:] if places else "")

    return f"{m[1]}{'.' + m[2] if m[2] else ''}" + "".join(f"±{scaled(u)}" for u in re.findall(r"\d+", m[3]))


def _one(number: str) -> bool:
    """Is ``number`` one (1, 1.0, -1, +1.00): its unit is then singular."""
    return re.fullmatch(r"[-+−]?1(?:\.0*)?", number) is not None


# -- TeX ------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _context() -> Any:
    from pylatexenc import latexwalker, macrospec

    db = latexwalker.get_default_latex_context_db()
    one = ("vec", "hat", "bar", "check", "breve", "overline", "underline", "widehat", "widetilde", "tilde", "dot",
           "ddot", "mathbb", "mathcal", "mathscr", "mathfrak", "boldsymbol", "bm", "operatorname",
           "boxed", "pmb", "overbrace", "underbrace", "cancel", "mathop", "text",
           "mbox", "mathrm", "mathbf", "mathit", "mathsf", "mathtt", "textrm", "textbf", "textit",
           "hbox", "textnormal", "textup", "mathup", "ket", "bra", "braket")
    db.add_context_category("narrator-maths", prepend=True, macros=[
        *(macrospec.MacroSpec(name, "{") for name in one),
        *(macrospec.MacroSpec(name, "{{") for name in ("frac", "dfrac", "tfrac", "cfrac", "binom",
                                                       "dbinom", "tbinom", "overset", "underset",
                                                       "stackrel")),
        macrospec.MacroSpec("sqrt", "[{"),
        # siunitx: \SI{9.81}{\metre\per\second\squared}, \si{kg.m^2}, \num{3e8}, \qtyrange{1}{5}{\metre}
        *(macrospec.MacroSpec(name, "[" + "{" * (_SI_NUMBER_ARGS[shape] + unit)) for name, (shape, unit) in _SIUNITX.items()),
        macrospec.MacroSpec("xrightarrow", "[{"),
        macrospec.MacroSpec("color", "{"),
        macrospec.MacroSpec("label", "{"),
        macrospec.MacroSpec("ref", "{"),
        macrospec.MacroSpec("eqref", "{"),
        macrospec.MacroSpec("tag", "{"),
    ])
    return db


def _parse(tex: str) -> list[Any]:
    from pylatexenc.latexwalker import LatexWalker

    try:
        nodes, _, _ = LatexWalker(tex, latex_context=_context(), tolerant_parsing=True).get_latex_nodes()
    except Exception:  # a formula pylatexenc cannot read at all: say its characters
        return []
    return list(nodes or [])


def speak_tex(tex: str, lang: str, *, whole: bool = False) -> str:
    """A TeX formula in words for ``lang`` ("zh" or anything else for English).

    A formula saying more than :data:`MAX_WORDS` words is announced and summarised instead ("a
    long formula: f of x equals an expression of 12 terms"): a listener cannot hold it, and the
    reader sees it. ``whole=True`` gives the full reading (for the skip report).

    In a Finnish, German, French or Spanish lesson the reading is said with that language's
    words (:mod:`.maths_words`); in another language, or when a word is missing, the formula is
    given as written for the voice to read in its own language, never in English words."""
    lang = _base(lang)
    if lang not in ("en", "zh"):
        return _foreign(tex, lang, whole)
    said = _reading(tex, lang)
    if whole or _heard_words(said, lang) <= MAX_WORDS:
        return said
    return _summary(tex, lang)


def too_long(tex: str, lang: str) -> str | None:
    """The full reading of ``tex`` when it is too long to say (so it is summarised), else None."""
    lang = _base(lang)
    if lang not in ("en", "zh"):
        return _foreign(tex, lang, True) if too_long(tex, "en") is not None else None
    said = _reading(tex, lang)
    return said if _heard_words(said, lang) > MAX_WORDS else None


def _base(lang: str) -> str:
    """"zh-TW" -> "zh", "fi-FI" -> "fi"; "" -> "en"."""
    return lang.lower().replace("_", "-").split("-")[0] or "en"


def _foreign(tex: str, lang: str, whole: bool) -> str:
    """``tex`` said in a language other than English or Chinese (see :func:`speak_tex`)."""
    from narrator.script.maths_words import neutral, translate

    said, symbols = _read(tex, lang)  # English words; units as their symbols (the tables are English)
    if not whole and _heard_words(said, "en") > MAX_WORDS:
        said = _summary(tex, lang)  # read as foreign: 2m stays "2 m", as in the full reading
    out = translate(said, lang, tex, symbols)
    if out is not None:
        return out
    from narrator.util.texdisplay import display

    return neutral(display(tex))


_WORDISH = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)*")
_HAN = re.compile(r"[\u3400-\u9fff]")


def _heard_words(said: str, lang: str) -> int:
    """Words a listener hears in a reading, its numbers said ("63.461" is six words)."""
    from narrator.normalize import normalize

    return _word_count(normalize(said, lang))


def _word_count(said: str) -> int:
    """Words a listener hears: Latin words and numbers, and a word per two Chinese characters."""
    han = len(_HAN.findall(said))
    return len(_WORDISH.findall(_HAN.sub(" ", said))) + (han + 1) // 2


def _reading(tex: str, lang: str) -> str:
    return _read(tex, lang)[0]


@lru_cache(maxsize=4096)  # parse and plan both ask; a page repeats its formulas
def _read(tex: str, lang: str) -> tuple[str, frozenset[str]]:
    """The reading of ``tex`` and the unit symbols it says (kept by another language's words)."""
    nodes = _parse(tex)
    speaker = _Speaker(lang)
    try:
        words = speaker.nodes(nodes) if nodes else _plain_chars(tex, lang)
    except RecursionError:  # nested deeper than Python's stack: said as its characters
        words = _plain_chars(tex, lang)
    said = _tidy(" ".join(words))
    if lang == "en" and (_SUB_THEN_UNIT_LETTER.search(said) or _NUMBER_THEN_UNIT_LETTER.search(said)):
        # L_2 L_1 is "L 2 L 1": a "2 L" left in digits would be heard "two litres"; when one
        # subscript is said in words, all of the formula's are ("L two L one", not "L two L 1")
        from narrator.normalize import normalize

        if _SUB_THEN_UNIT_LETTER.search(said):
            said = _SUB_DIGITS.sub(lambda m: normalize(m[1], "en"), said)
        said = _NUMBER_THEN_UNIT_LETTER.sub(lambda m: normalize(m[1], "en") + " ", said.replace(_SUB_MARK, ""))
    return said.replace(_SUB_MARK, ""), frozenset(speaker.symbols_said)


def _summary(tex: str, lang: str) -> str:
    """What a long formula is, in a few words: its left side and relation when short, the
    number of terms of its longest side, or the size of its matrix."""
    try:
        return _summarised(tex, lang)
    except RecursionError:  # nested deeper than Python's stack
        return "长公式：一个很长的式子" if lang == "zh" else "a long formula: a long expression"


def _summarised(tex: str, lang: str) -> str:
    zh = lang == "zh"
    speaker = _Speaker(lang)
    atoms = speaker.atoms(_parse(tex))
    # {\displaystyle ...} or one environment around everything: look inside
    while True:
        solid = [a for a in atoms if not (a[0] == "c" and a[1].isspace())]
        if len(solid) == 1 and solid[0][0] == "g":
            atoms = speaker.atoms(solid[0][1])
        elif len(solid) == 1 and solid[0][0] == "e" and solid[0][1].environmentname.rstrip("*") not in _MATRICES:
            atoms = speaker.atoms(solid[0][1].nodelist or [])
        else:
            break
    atoms = [a for a in atoms if not (a[0] == "m" and a[1].macroname in _SPACING)]
    sides: list[list[tuple[str, Any]]] = [[]]
    relations: list[tuple[str, Any]] = []
    for a in atoms:
        if speaker.token(a).lstrip("\\") in _RELATIONS:
            relations.append(a)
            sides.append([])
        else:
            sides[-1].append(a)
    sides = [[a for a in side if not (a[0] == "c" and a[1].isspace())] for side in sides]
    longest = max(reversed(sides), key=lambda side: (any(a[0] == "e" for a in side), len(side)))
    terms = _terms(longest)
    matrices = [a for a in longest if a[0] == "e" and a[1].environmentname.rstrip("*") in _MATRICES]
    rows = speaker.table(matrices[0][1]) if matrices else []
    if rows:  # an empty matrix says nothing: the terms around it are counted
        r, c = len(rows), max(len(row) for row in rows)
        what = f"一个 {r} 行 {c} 列的矩阵" if zh else f"a {r} by {c} matrix"
    elif terms > 2 and (poly := _polynomial(longest)) is not None:
        var, degree = poly
        what = (f"一个 {terms} 项的 {var} 的 {degree} 次多项式" if zh
                else f"a polynomial in {var} of degree {degree} with {terms} terms")
    elif terms > 1:
        what = f"一个 {terms} 项的式子" if zh else f"an expression of {terms} terms"
    else:
        what = "一个很长的式子" if zh else "a long expression"
    lead = " ".join(speaker.run(sides[0])) if len(sides) > 1 and longest is not sides[0] else ""
    if lead and len(lead.split()) <= 8:
        what = f"{_tidy(lead)} {' '.join(speaker.one(relations[0]))} {what}"
    # a chain of steps ends in its result: say it when it is short (N = ... = 3.82 \cdot 10^{25})
    equal = all(speaker.token(r).lstrip("\\") in _EQUALS for r in relations)
    last = _tidy(" ".join(speaker.run(sides[-1]))) \
        if equal and len(sides) > 2 and longest is not sides[-1] else ""
    if last and _word_count(last) <= 12:
        relation = " ".join(speaker.one(relations[-1]))
        what = f"{what}，{relation} {last}" if zh else f"{what}, which {relation} {last}"
    return _tidy(("长公式：" if zh else "a long formula: ") + what).replace(_SUB_MARK, "")


_OPENING = (("c", "("), ("c", "["), ("c", "⦃"), ("c", "⟨"))
_CLOSING = (("c", ")"), ("c", "]"), ("c", "⦄"), ("c", "⟩"))


def _terms(side: list[tuple[str, Any]]) -> int:
    """The terms of a sum: its signs outside brackets, after its first atom (a + inside (a+b) or
    \\{a+b\\} is not a term of the sum, a leading minus starts the first one)."""
    depth, terms = 0, 1
    for k, a in enumerate(side):
        depth += (a in _OPENING) - (a in _CLOSING)
        terms += depth == 0 and k > 0 and a in (("c", "+"), ("c", "-"), ("c", "−"))
    return terms


def _polynomial(side: list[tuple[str, Any]]) -> tuple[str, int] | None:
    """(variable, degree) when every power in ``side`` is a whole number on one letter."""
    var, degree = None, 0
    for k, a in enumerate(side):
        if a != ("c", "^"):
            continue
        base = side[k - 1] if k else None
        power = side[k + 1] if k + 1 < len(side) else None
        if power is not None and power[0] == "g":
            power = ("c", "".join(n.latex_verbatim() for n in power[1]).strip())
        if base is None or base[0] != "c" or not base[1].isalpha() or power is None \
                or power[0] != "c" or not power[1].isdigit() or var not in (None, base[1]):
            return None
        var, degree = base[1], max(degree, int(power[1]))
    return (var, degree) if var is not None and degree > 1 else None


def _closing(atoms: list[tuple[str, Any]], i: int, pair: str = "()") -> int | None:
    """Index of the ")" (or ``pair``'s closing bracket) closing the bracket opened just before ``i``."""
    depth = 1
    for k in range(i, len(atoms)):
        if atoms[k] == ("c", pair[0]):
            depth += 1
        elif atoms[k] == ("c", pair[1]):
            depth -= 1
            if not depth:
                return k
    return None


def _simple(atoms: list[tuple[str, Any]]) -> bool:
    """One or two symbols with no operator between them (the x of f(x), the n of a(n))."""
    solid = [a for a in atoms if not (a[0] == "c" and a[1].isspace())]
    return 0 < len(solid) <= 2 and all(a[0] == "m" or (a[0] == "c" and a[1].isalnum()) for a in solid)


def _digit_gap(atom: tuple[str, Any]) -> bool:
    """Is this TeX's mark between digit groups: {,} (a comma that is no separator) or \\, ?"""
    kind, value = atom
    if kind == "m":
        return bool(value.macroname in (",", "thinspace"))
    return kind == "g" and len(value) == 1 and getattr(value[0], "chars", None) == ","


def _thousands(atoms: list[tuple[str, Any]], k: int) -> bool:
    """Are atoms[k:k+3] three digits not followed by a fourth (the 000 of 1,000)?"""
    digits = [a for a in atoms[k:k + 4] if a[0] == "c"]
    return len(digits) >= 3 and all(a[1].isdigit() for a in digits[:3]) and (
        len(digits) == 3 or not digits[3][1].isdigit())


def _is_dot(atoms: list[tuple[str, Any]]) -> bool:
    """Is this only a dot standing for an argument (the · of ⟨·,·⟩)?"""
    solid = [a for a in atoms if not (a[0] == "c" and a[1].isspace())]
    return len(solid) == 1 and (solid[0] in (("c", "·"), ("c", "⋅"))
                                or (solid[0][0] == "m" and solid[0][1].macroname in ("cdot", "cdotp")))


def _split_top(atoms: list[tuple[str, Any]], sep: str, most: int = -1) -> list[list[tuple[str, Any]]]:
    """``atoms`` cut at each ``sep`` character outside round brackets (at most ``most`` cuts)."""
    parts: list[list[tuple[str, Any]]] = [[]]
    depth = 0
    for a in atoms:
        if a[0] == "c":
            depth += 1 if a[1] in "(⟨" else -1 if a[1] in ")⟩" else 0
            if a[1] == sep and depth == 0 and most != 0:
                parts.append([])
                most -= 1
                continue
        parts[-1].append(a)
    return parts


def _plain_chars(tex: str, lang: str) -> list[str]:
    text = re.sub(r"\\([A-Za-z]+)", lambda m: " " + m.group(1) + " ", tex)
    return [speak_symbols(re.sub(r"[\\{}^_$]", " ", text), lang)]


def _tidy(text: str) -> str:
    text = re.sub(r"\s+([,，])", r"\1", text)
    text = re.sub(r"([,，])(\s*[,，])+", r"\1", text)
    text = " ".join(text.split())
    text = re.sub(r"\s*[,，]?\s*([;；])(\s*[;；,，])*", r"\1", text)
    return text.strip(" ,，;；")


_VOWELS = frozenset("aeiouAEIOU")
# letters that are also unit symbols: after a number, normalisation would say "2 m" as a measure
_UNIT_LETTERS = frozenset("ghlmsJLNVWAK")
_NUMBER_THEN_UNIT_LETTER = re.compile(rf"(?<![\w.,])(\d+) (?=[{''.join(sorted(_UNIT_LETTERS))}]\b)")
# marks a subscript's digits in a reading until the formula's last pass (see _read)
_SUB_MARK = "\ue000"
_SUB_DIGITS = re.compile(_SUB_MARK + r"(\d+)")
_SUB_THEN_UNIT_LETTER = re.compile(rf"{_SUB_MARK}\d+ (?=[{''.join(sorted(_UNIT_LETTERS))}]\b)")


def _word_start(atoms: list[tuple[str, Any]], k: int) -> int:
    """Index of the first letter of the run of letters ending at ``k``."""
    while k > 0 and atoms[k - 1][0] == "c" and atoms[k - 1][1].isascii() and atoms[k - 1][1].isalpha():
        k -= 1
    return k


def _letter_word(atoms: list[tuple[str, Any]], k: int) -> str:
    """The letters from ``k`` when they spell a name rather than a product of variables: four
    letters or more ("income"), or three in the shape of a word ("age", "Dec"); "" otherwise.
    ``abc``, ``xyz`` and ``ijk`` stay letters, as does anything after a letter (only the start
    of a run can begin a word)."""
    if k > 0 and atoms[k - 1][0] == "c" and atoms[k - 1][1].isascii() and atoms[k - 1][1].isalpha():
        return ""
    end = k
    while end < len(atoms) and atoms[end][0] == "c" and atoms[end][1].isascii() and atoms[end][1].isalpha():
        end += 1
    word = "".join(a[1] for a in atoms[k:end])
    if len(word) < 3 or not any(c in _VOWELS for c in word) or all(c in _VOWELS for c in word):
        return ""
    if all(ord(b) - ord(a) == 1 for a, b in zip(word, word[1:])):
        return ""  # abc, xyz, pqr: letters in a row of the alphabet are a product
    if len(word) == 3:
        shape = "".join("v" if c in _VOWELS else "c" for c in word)
        if shape not in ("cvc", "vcv") or word.isupper():
            return ""
    return word


class _Speaker:
    """Walks pylatexenc nodes into words."""

    def __init__(self, lang: str) -> None:
        # another language is read in English here, then said in its words (maths_words.py)
        self.foreign = lang not in ("en", "zh")
        self.lang = "en" if self.foreign else lang
        self.zh = lang == "zh"
        self.symbols_said: set[str] = set()  # unit symbols a foreign reading keeps (kg, kPa)

    # atoms: ("c", char) | ("g", nodelist) | ("m", macro node) | ("e", environment node)
    def atoms(self, nodes: list[Any]) -> list[tuple[str, Any]]:
        from pylatexenc import latexwalker as lw

        out: list[tuple[str, Any]] = []
        bra = -1  # where the last \bra{} ended
        for n in nodes:
            if n is None or isinstance(n, lw.LatexCommentNode):
                continue
            if isinstance(n, lw.LatexCharsNode):
                out.extend(("c", ch) for ch in n.chars)
            elif isinstance(n, lw.LatexGroupNode):
                out.append(("g", n.nodelist or []))
            elif isinstance(n, lw.LatexMacroNode):
                args = n.nodeargd.argnlist if n.nodeargd is not None else []
                if n.macroname in _WRAPPERS and args and args[0] is not None:
                    # \mathop{\arg\min}_\beta is \arg\min_\beta: the operator, then its limits;
                    # \ket{a}, \bra{a}, \braket{a|b} (the braket package) are |a⟩, ⟨a|, ⟨a|b⟩
                    body = args[0]
                    opening, closing = _WRAPPERS[n.macroname]
                    if n.macroname == "ket" and bra >= 0 and all(a[0] == "c" and a[1].isspace() for a in out[bra:]):
                        opening = ""  # \bra{a}\ket{b} is ⟨a|b⟩: one bar between
                    out.extend(("c", ch) for ch in opening)
                    out.extend(self.atoms(body.nodelist or [] if isinstance(body, lw.LatexGroupNode) else [body]))
                    out.extend(("c", ch) for ch in closing)
                    if n.macroname == "bra":
                        bra = len(out)
                    continue
                delimiter = _DELIMITERS.get(n.macroname)
                out.append(("c", delimiter) if delimiter else ("m", n))
            elif isinstance(n, lw.LatexEnvironmentNode):
                out.append(("e", n))
            elif isinstance(n, lw.LatexMathNode):
                out.append(("g", n.nodelist or []))
            elif isinstance(n, lw.LatexSpecialsNode):
                out.extend(("c", ch) for ch in n.specials_chars)
        # "||" typed as two bars is a norm's bar (\| in TeX), unless the bars pair otherwise:
        # in ||x|-|y|| the first two open two absolute values that close apart
        pairs = self.bar_pairs(out)
        merged: list[tuple[str, Any]] = []
        k = 0
        while k < len(out):
            if out[k] == ("c", "|") and out[k + 1:k + 2] == [("c", "|")] and (
                    pairs is None or abs(pairs[k] - pairs[k + 1]) == 1):
                merged.append(("c", "‖"))
                k += 2
                continue
            merged.append(out[k])
            k += 1
        return merged

    def bar_closes(self, atoms: list[tuple[str, Any]], k: int, closing: Container[int]) -> bool:
        """Does the bar at ``k`` close an absolute value (an operand stands before it), given
        the bars before it that closed? |x| closes after x, but ||x|, -|x| and (|x| open."""
        q = self._before(atoms, k)
        if q >= 0 and atoms[q] == ("c", "|"):
            return q in closing
        return self.operand_before(atoms, k)

    def bar_pairs(self, atoms: list[tuple[str, Any]]) -> dict[int, int] | None:
        """Each bar's partner (both ways), or None if the bars do not pair up."""
        opened: list[int] = []
        pairs: dict[int, int] = {}
        for k, atom in enumerate(atoms):
            if atom == ("c", "|"):
                if opened and self.bar_closes(atoms, k, pairs):
                    pairs[k] = opened.pop()
                    pairs[pairs[k]] = k
                else:
                    opened.append(k)
        return None if opened else pairs

    def nodes(self, nodes: list[Any]) -> list[str]:
        return self.run(self.atoms(nodes))

    def one(self, atom: tuple[str, Any]) -> list[str]:
        return self.run([atom])

    def arg(self, node: Any, i: int) -> list[str]:
        args = node.nodeargd.argnlist if node.nodeargd is not None else []
        if i >= len(args) or args[i] is None:
            return []
        a = args[i]
        return self.nodes(a.nodelist if hasattr(a, "nodelist") and a.nodelist is not None else [a])

    def text_arg(self, node: Any) -> str:
        args = node.nodeargd.argnlist if node.nodeargd is not None else []
        a = next((x for x in args if x is not None), None)
        if a is None:
            return ""
        verbatim = a.latex_verbatim().strip()
        if verbatim[:1] == "{" and verbatim[-1:] == "}":
            verbatim = verbatim[1:-1]
        return " ".join(verbatim.split())

    def run(self, atoms: list[tuple[str, Any]]) -> list[str]:
        out: list[str] = []
        i = 0
        n = len(atoms)
        depth = 0  # round brackets open here: a lone bar inside them is "given"
        silent: set[int] = set()  # closing brackets not said (of f(x) in Chinese)
        squares: set[int] = set()  # closing brackets of E[X]: counted in depth as a call's
        opened: list[int] = []  # where the round brackets open here start
        maps: set[int] = set()  # the arrows of f: X → Y, said "to"
        ratios: dict[int, bool] = {}  # colons known to be ratios' or not (see _ratio_after)
        while i < n:
            kind, value = atoms[i]
            i += 1
            if kind == "c":
                ch = value
                if ch.isspace() or ch == "~":
                    continue
                if ch.isdigit() or (ch == "." and i < n and atoms[i][0] == "c" and atoms[i][1].isdigit()):
                    num, i = self.digits(atoms, i - 1)
                    out.append(num)
                    continue
                if ch in _BIG_OPS:
                    i = self.big_operator(out, ch, atoms, i)
                    continue
                if ch in "^_":
                    if i < n:
                        target = atoms[i]
                        i += 1
                        # skip spaces between ^ and its argument
                        while target[0] == "c" and target[1].isspace() and i < n:
                            target, i = atoms[i], i + 1
                        out = self.script(out, ch, target)
                    continue
                if ch == "-" and (not out or out[-1] in self.operators() or self._operator_before(atoms, i - 1)) \
                        and not self.operand_before(atoms, i - 1):
                    out.append("负" if self.zh else "minus")
                    continue
                if ch in "()":
                    depth += 1 if ch == "(" else -1 if depth else 0
                    if ch == "(":
                        opened.append(i - 1)
                    elif opened:
                        opened.pop()
                expected = ch == "[" and self.expected(atoms, i - 1)
                if expected and (close := _closing(atoms, i, "[]")) is not None:
                    squares.add(close)  # E[X | Y]: "given" inside, as in P(A | B)
                    depth += 1
                elif ch == "]" and i - 1 in squares:
                    depth -= 1
                if ch == "(" and self.called(atoms, i - 1) or expected:
                    if out and out[-1] == "O":
                        out[-1] = "大 O" if self.zh else "big O"  # O(n^2): the order of growth
                    if not self.zh:
                        if not out or not out[-1].endswith(" of"):  # max(a, b): "the maximum of" says it
                            out.append("of")  # f(x), f'(x), G^*(i): "f of x"
                        continue
                    close = _closing(atoms, i, "[]" if expected else "()")
                    if close is not None and _simple(atoms[i:close]):
                        silent.add(close)  # f(x) is "f x" in Chinese; f(x+1) keeps its pauses
                        continue
                if ch in ")]" and i - 1 in silent:
                    continue
                if ch in "⟨‖|⦃":
                    mark = len(out)
                    after = self.delimited(out, ch, atoms, i)
                    if after is not None:
                        k = self._before(atoms, i - 1)  # \ln\left|x\right|, \ln{} |x|: the sizing says nothing
                        function = atoms[k] if k >= 0 else None
                        if not self.zh and function is not None and function[0] == "m" \
                                and function[1].macroname in _FUNCTIONS:
                            out.insert(mark, "of")  # \ln|x|: "natural log of the absolute value of x"
                        i = after
                        continue
                if ch in "|∣":  # a bar without its pair: P(A|B) "given"; a | b "divides"
                    lower, upper, after = self.limits(atoms, i)
                    if ch == "|" and (lower or upper):  # F(x)\Big|_a^b: evaluated between limits
                        out.append(self.evaluated(lower, upper))
                        i = after
                        continue
                    if depth:
                        out.append("给定" if self.zh else "given")
                    elif ch == "∣":
                        out.append("整除" if self.zh else "divides")
                    continue
                if ch in _SET_CHARS:
                    i = self.number_set(out, _SET_CHARS[ch], atoms, i)
                    continue
                if ch in "·⋅" and self.placeholder(atoms, i - 1):
                    out.append("点" if self.zh else "dot")
                    continue
                if ch in "∼" :
                    out.append(self.sim(atoms, i))
                    continue
                if ch == "'" and i < n and atoms[i] == ("c", "'"):
                    out.append(_w("″", self.lang))
                    i += 1
                    continue
                if ch == "]" and self._sized(atoms, i - 2):
                    # \left[\frac{x^3}{3}\right]_0^1: evaluated between limits; a bracket of
                    # the text's size is a matrix's entry, a positive part, a basis ([A]_{ij}^2)
                    lower, upper, after = self.limits(atoms, i)
                    if lower and upper and lower not in (_w("+", self.lang), _w("-", self.lang), "负"):  # [x]_+^2
                        out.append(self.evaluated(lower, upper))
                        i = after
                        continue
                if ch in "⌊⌈" and (j := _rounding_end(atoms, i)) is not None:  # ⌊x⌋: the floor of x
                    out.append(self.rounded(ch, atoms[i:j]))
                    i = j + 1
                    continue
                if ch in "([)]⟨⟩⦃⦄‖":
                    # brackets group: a short pause says where the group starts and ends
                    if out and (ch in ")]" or out[-1] not in self.operators()):
                        out.append("，" if self.zh else ",")
                    continue
                if ch in "{}|":
                    continue
                if ch in ",;":
                    out.append("，" if self.zh else ",")
                    continue
                if ch in _WORDS:
                    # 90∘: a ring for a degree sign after a number; else composition
                    w = _w("circ" if ch == "∘" and self._number_before(atoms, i - 1) else ch, self.lang)
                    if w:
                        out.append(w)
                    continue
                if ch.isalpha():
                    word = _letter_word(atoms, i - 1)
                    if word:
                        # income, age, Dec: a name written in letters is said as a word
                        i += len(word) - 1
                        out.append(_w(word, self.lang) if word in _FUNCTIONS or word in (
                            "det", "max", "min") else word)
                        continue
                    nxt = self._solid(atoms, i, 1)
                    if not (nxt is not None and nxt[0] == "c" and (nxt[1].isalpha() or nxt[1] in "_^'")) \
                            and self.scale(out, ch):
                        continue  # 25^\circ C; but 25^\circ CO_2, 30^\circ C_1, 90^\circ C' keep their letters
                    out.append(ch)
                    continue
                if ch == ":" and out and (after := self.colon(out, atoms, i, maps, opened[-1] if opened else None,
                                                              ratios)) is not None:
                    i = after
                    continue
                if ch == "." and atoms[i:i + 2] == [("c", "."), ("c", ".")]:
                    # 1, 2, ..., n and 1, 2, 3...: "and so on"; 3.82... (digits cut short) says nothing
                    if not re.search(r"\d\.\d+$", out[-1] if out else ""):
                        out.append(_w("ldots", self.lang))
                    i += 2
                    continue
                if ch in ".:?":
                    continue
                out.append(speak_symbols(ch, self.lang))
                continue
            if kind == "g":
                inner = self.nodes(value)
                if inner:
                    out.append(" ".join(inner))
                continue
            if kind == "e":
                env = value.environmentname.rstrip("*")
                if env in _MATRICES:
                    out.append(self.matrix(value, env))
                    continue
                if env == "cases":
                    out.append(self.cases(value))
                    continue
                inner = self.nodes(value.nodelist or [])
                if inner:
                    out.append(" ".join(inner))
                continue
            i = self.macro(out, value, atoms, i, maps)
        return out

    def colon(self, out: list[str], atoms: list[tuple[str, Any]], i: int, maps: set[int], bracket: int | None,
              ratios: dict[int, bool]) -> int | None:
        """Says the colon before ``i`` if it says something (a signature's "from", a definition, a
        ratio) and returns the index to go on from; None when it says nothing (a condition, a label).
        ``bracket``: the innermost round bracket open around it; ``ratios``: what this run found (see
        :func:`_ratio_after`, :meth:`bracketed_ratio`)."""
        arrow = _arrow_after(atoms, i)
        if arrow is not None:  # f\colon X \to Y: "f from X to Y"
            out.append("从" if self.zh else "from")
            maps.add(arrow)
            return i
        k = i
        while k < len(atoms) and self._blank(atoms[k]):
            k += 1
        if k < len(atoms) and atoms[k] == ("c", "="):  # x := 2, x :\!= 2: a definition
            out.append(_w("coloneqq", self.lang))
            return k + 1
        nxt = self._solid(atoms, i, 1)
        if self.operand_before(atoms, i - 1) and nxt is not None and (nxt[0] != "c" or nxt[1].isalnum()) \
                and _ratio_after(atoms, i, ratios) and not _quantified(atoms, i - 1) \
                and (bracket is None or self.bracketed_ratio(atoms, bracket, ratios)):
            out.append("比" if self.zh else "in ratio to" if self.foreign else "to")  # 3:2, a:b = c:d: a ratio
            return i
        return None

    def digits(self, atoms: list[tuple[str, Any]], i: int) -> tuple[str, int]:
        """The number written from ``i`` (1{,}000, 3.14, 2m's coefficient), and the index after it."""
        n = len(atoms)
        num = atoms[i][1]
        i += 1
        while i < n:
            if _digit_gap(atoms[i]) and _thousands(atoms, i + 1):
                # 1{,}000 and 1\,000\,000: TeX's thousands comma and thin space
                # group one number (3.141\,592 one decimal); the comma for English
                # and Chinese, another language's voice reads 1000000 whole
                num += "" if "." in num or self.foreign else ","
                i += 1
                continue
            if not (atoms[i][0] == "c" and (atoms[i][1].isdigit() or (
                    atoms[i][1] in ".," and i + 1 < n and atoms[i + 1][0] == "c"
                    and atoms[i + 1][1].isdigit()
                    # a comma groups thousands (1,000), else it separates (0,1)
                    and (atoms[i][1] == "." or _thousands(atoms, i + 1))))):
                break
            num += atoms[i][1]
            i += 1
        nxt = self._solid(atoms, i, 1)
        if nxt is not None and nxt[0] == "c" and nxt[1] in _UNIT_LETTERS and not self.foreign:
            # 2m: a coefficient, not a measure ("2 m" would be heard "two metres")
            from narrator.normalize import normalize

            num = normalize(num, self.lang)
        return num, i

    def macro(self, out: list[str], node: Any, atoms: list[tuple[str, Any]], i: int, maps: set[int]) -> int:
        """Says the macro ``node`` (the atom before ``i``) into ``out``; returns the index to go on from."""
        name = node.macroname
        if name in _SPACING:
            return i
        if name in ("lfloor", "lceil") and (j := _rounding_end(atoms, i)) is not None:
            out.append(self.rounded(name, atoms[i:j]))
            return j + 1
        if name in ("lfloor", "rfloor", "lceil", "rceil"):
            # a bracket left unpaired: a short pause says where the group starts and ends
            if out and (name.startswith("r") or out[-1] not in self.operators()):
                out.append("，" if self.zh else ",")
            return i
        if name in _BIG_OPS:
            return self.big_operator(out, name, atoms, i)
        if name in _FRACTIONS:
            out.append(self.fraction(self.arg(node, 0), self.arg(node, 1)))
            return i
        if name in ("binom", "dbinom", "tbinom"):
            top, bottom = " ".join(self.arg(node, 0)), " ".join(self.arg(node, 1))
            out.append(f"{top} 选 {bottom}" if self.zh else f"{top} choose {bottom}")
            return i
        if name == "sqrt":
            index = " ".join(self.arg(node, 0))
            body = " ".join(self.arg(node, 1))
            if not index or index == "2":
                out.append(f"根号 {body}" if self.zh else f"the square root of {body},")
            elif index == "3":
                out.append(f"三次根号 {body}" if self.zh else f"the cube root of {body},")
            else:
                # \sqrt[21]{x}: "the 21st root" (a number's own suffix), \sqrt[n]{x}: "the nth root"
                nth = _ordinal(index) if index.isdigit() else f"{index}th"
                out.append(f"{index} 次根号 {body}" if self.zh else f"the {nth} root of {body},")
            return i
        if name in _UNIT_MACROS or (name in _TEXT_MACROS and name not in ("operatorname", "mathop")):
            units = self.units(out, atoms, i - 1)
            if units is not None:
                out.append(units[0])
                return units[1]
        if name in _TEXT_MACROS:
            text = self.text_arg(node)
            if self.scale(out, text):  # 25^\circ\mathrm{C}
                return i
            if name in ("operatorname", "mathrm") and text in _WORDS:
                out.append(_w(text, self.lang))
            elif text:
                # \operatorname{\widehat{daughter\_height}}: "daughter height hat"
                text = _ACCENTED.sub(lambda m: f"{m[2]} {_ACCENTS[m[1]][1 if self.zh else 0]}", text)
                # \mathrm{SO_4^{2-}}: the charge inside the braces
                text = _CHEM_CHARGE.sub(lambda m: " " + _charge(m[1] or m[2], self.zh) + ("，" if self.zh else ",") + " ", text)
                text = _CHEM_TEX.sub(lambda m: " ".join(re.findall(r"[A-Z][a-z]?", m.group(1)))
                                     + " " + m.group(2) + " ", text)
                out.append(speak_symbols(re.sub(r"[\\{}$^_]", " ", text), self.lang))
            return i
        if name in _ACCENTS:
            body = " ".join(self.arg(node, 0))
            out.append(f"{body} {_ACCENTS[name][1 if self.zh else 0]}")
            return i
        if name == "mathbb" and self.text_arg(node) in _SETS:
            return self.number_set(out, self.text_arg(node), atoms, i)
        if name == "cdot" and self.placeholder(atoms, i - 1):
            out.append("点" if self.zh else "dot")  # f(\cdot), <\cdot,\cdot>: a place, not a product
            return i
        if name == "circ" and not self._number_before(atoms, i - 1):
            out.append(_w("∘", self.lang))  # f \circ g: composition; 90\circ (no ^): degrees
            return i
        if name == "sim":
            out.append(self.sim(atoms, i))
            return i
        if name == "vec":
            body = " ".join(self.arg(node, 0))
            out.append(f"向量 {body}" if self.zh else f"vector {body}")
            return i
        if name in ("overset", "underset", "stackrel", "xrightarrow"):
            out.extend(self.arg(node, 1) if name != "xrightarrow" else [_w("rightarrow", self.lang)])
            return i
        if name in _STYLE_MACROS:
            out.extend(self.arg(node, 0))
            return i
        if name in ("%", "$", "#", "&", "_"):
            if name == "%":
                self.percent(out)
            return i
        if i - 1 in maps:
            out.append("到" if self.zh else "to")
            return i
        if name in _WORDS:
            w = _w(name, self.lang)
            if w:
                out.append(w)
            return i
        if name in ("\\", "newline"):
            out.append("，" if self.zh else ",")
            return i
        if name in _SETS:  # \R, \N: a lecturer's own command for ℝ, ℕ
            return self.number_set(out, name, atoms, i)
        if name.isalpha():
            out.append(name)  # an unknown command: its name is the best guess (\det, \deg, \E)
            if len(name) == 1:
                out.extend(self.arg(node, 0))  # \d x, \v{a}: an accent's argument in TeX, said all the same
        return i


    # -- units ---------------------------------------------------------------------------------

    def number(self, source: str) -> str:
        """A siunitx number: \\num{3e8} and \\num{3 x 10^8} "3 times 10 to the power 8" ("3 乘 10 的 8
        次方"), \\num{9.81(2)} and \\num{9.81 \\pm 0.02} "9.81 plus or minus 0.02", \\num{1.5(2)e3}
        "1.5 plus or minus 0.2, times 10 cubed" (the power is the whole quantity's)."""
        source = _SI_CONCISE.sub(_uncertainty, _SI_POWER_OF_TEN.sub(r"e\1", source))
        # siunitx ignores spaces in a number (12 345); a product sign left is said
        parts = ["".join(_SI_PRODUCT.sub("×", part).split()).replace("×", " 乘 " if self.zh else " times ")
                 for part in _SI_PLUS_MINUS.split(source.strip())]
        power = ""
        if len(parts) > 1 and (m := _SI_EXPONENT.search(parts[-1])):
            times = self.power_of_ten(m[1])
            parts[-1], power = parts[-1][:m.start()], "，" + times.lstrip() if self.zh else "," + times
        return f" {_w('pm', self.lang)} ".join(_SI_EXPONENT.sub(lambda m: self.power_of_ten(m[1]), part)
                                                for part in parts) + power

    def power_of_ten(self, exponent: str) -> str:
        """" times 10 to the power 8" (" 乘 10 的 8 次方") for an exponent such as 8 or -3."""
        return (" 乘 10 " if self.zh else " times 10 ") + power_words(_minus(exponent.lstrip("+"), self.zh), self.lang)

    def siunitx(self, node: Any, out: list[str], number: str) -> str:
        """A siunitx command in words: its numbers (one, a range "1 to 5", a list "1, 2 and 3", an
        angle's degrees, minutes and seconds), then its unit, plural unless the one number is one
        (``number``: the one said before \\si, the last item of ``out``); a unit without words here
        is said as written."""
        shape, has_unit = _SIUNITX[node.macroname]
        args = [a for a in (node.nodeargd.argnlist if node.nodeargd is not None else []) if a is not None]
        sources = [a.latex_verbatim().strip() for a in args]
        sources = [x[1:-1].strip() if x[:1] == "{" and x[-1:] == "}" else x for x in sources]
        unit = sources.pop() if has_unit and sources else None
        given = sources[len(sources) - _SI_NUMBER_ARGS[shape]:] if 0 < _SI_NUMBER_ARGS[shape] <= len(sources) else []
        numbers = [x.strip() for x in (given[0].split(";") if given and shape in ("list", "angle") else given)]
        if shape == "angle":
            return self.angle(numbers)
        plural = len(numbers) > 1 or not _one(numbers[-1] if numbers else number)
        said = [self.number(x) for x in numbers if x]
        if unit in _SI_PERCENT and self.zh:
            if not said and number and out and out[-1] == number:
                said = [out.pop()]  # 5\,\si{\percent}
            # 百分之5: the percent comes first
            return self.joined(["百分之" + x for x in said], shape) if said else "百分号"
        quantity = self.joined(said, shape)
        if unit is None:
            return quantity
        return f"{quantity} {self.unit_words(unit, plural)}".strip()

    def joined(self, said: list[str], shape: str) -> str:
        """A range's two numbers "1 to 5" ("1 到 5"), a list's "1, 2 and 3" ("1、2 和 3")."""
        if len(said) < 2:
            return "".join(said)
        if shape == "range":
            # another language's table tells a range from an arrow's "to" by its own phrase
            joint = " 到 " if self.zh else " up to " if self.foreign else " to "
        else:
            joint = " 和 " if self.zh else " and "
        return ("、" if self.zh else ", ").join(said[:-1]) + joint + said[-1]

    def unit_words(self, unit: str, plural: bool) -> str:
        """siunitx's unit argument in words; in another language the symbols (but percent and
        degrees, which maths_words has words for); as written when a word is missing."""
        from narrator.script.maths_units import say_units, siunitx_units

        found = siunitx_units(unit)
        words = None
        if found and self.foreign and not all(symbol in ("%", "°", "°C") for symbol, _ in found):
            words = self.unit_symbols(found)
        elif found:
            words = say_units(found, self.lang, plural=plural)
        return words or speak_symbols(" ".join(re.sub(r"[\\{}$^_~]", " ", unit).split()), self.lang)

    def angle(self, numbers: list[str]) -> str:
        """\\ang{30;15;10}: "30 degrees 15 minutes 10 seconds" ("30 度 15 分 10 秒"); in another
        language the minutes' and seconds' symbols."""
        from narrator.script.maths_units import say_units

        said = []
        for x, symbol in zip(numbers, ("°", "′", "″"), strict=False):
            if x:
                words = (self.unit_symbols([(symbol, 1)]) if self.foreign and symbol != "°"
                         else say_units([(symbol, 1)], self.lang, plural=not _one(x)))
                said.append(f"{self.number(x)} {words}")
        return " ".join(said)

    def units(self, out: list[str], atoms: list[tuple[str, Any]], k: int) -> tuple[str, int] | None:
        """Units written upright from ``k`` (``\\mathrm{J\\,kg^{-1}}``, ``\\text{kg}\\cdot\\text{m}^2``,
        siunitx's ``\\SI{9.81}{\\metre\\per\\second}``) in words, with the index after them; None
        when they are not units. A single unit is one only after a number (``\\mathrm{min}``
        alone is the minimum); two or more, or one with a negative power, are units anywhere.
        Italic letters never get here: ``m`` in ``F = m a`` is a mass."""
        from narrator.script.maths_units import parse_units, say_units

        node = atoms[k][1]
        b = self._before(atoms, k)  # 5\,\mu\,\mathrm{m}
        before = atoms[b] if b >= 0 else None
        if before is not None and before[0] == "g":  # 5\,{\mu}\mathrm{m}: the prefix in braces
            braced = [a for a in self.atoms(before[1]) if not self._blank(a)]
            before = braced[0] if len(braced) == 1 else before
        micro = bool(out) and out[-1] == _w("mu", self.lang) and before is not None and (
            before[0] == "m" and before[1].macroname in ("mu", "upmu") or before in (("c", "μ"), ("c", "µ")))
        # 10\,\mu\mathrm{m}, 10\,μ\mathrm{m}: micrometres
        counted = out[:-1] if micro else out
        number = counted[-1] if counted and re.fullmatch(r"[-−]?\d[\d.,]*", counted[-1]) else ""
        if number and self._solid(atoms, k - 1, -1) == ("c", "."):
            number = ""  # 1.\mathrm{N}: the mantissa's letter, not one newton
        if node.macroname in _SIUNITX:
            return self.siunitx(node, out, number), k + 1
        text, committed, j, end = "", "", k, k
        while j < len(atoms):
            kind, value = atoms[j]
            if kind == "m" and value.macroname in _UNIT_MACROS and value.macroname not in _SIUNITX:
                inner = self.text_arg(value)
                if not inner or parse_units(inner) is None:
                    break
                text += " " + inner
                j += 1
                nxt = self._solid(atoms, j, 1)
                if nxt == ("c", "^"):  # \text{m}^2: the power outside the braces
                    p = atoms.index(nxt, j) + 1
                    target = self._solid(atoms, p, 1)
                    power = self.token(target)
                    if target is not None and re.fullmatch(r"[-−]?\d", power):
                        text += "^{" + power + "}"
                        j = atoms.index(target, p) + 1
                committed, end = text, j
                continue
            if (kind == "c" and (value.isspace() or value in "·⋅/~")) or (
                    kind == "m" and value.macroname in (",", ";", ":", "!", " ", "cdot", "thinspace")):
                text += " /" if kind == "c" and value == "/" else " "
                j += 1
                continue
            break
        found = parse_units(("µ" if micro else "") + committed.lstrip()) if committed else None
        if not found:
            return None
        if not number and len(found) == 1 and found[0][1] >= 0:
            return None  # one unit with nothing to measure: a name (\mathrm{min}, \mathrm{T})
        if micro:
            out.pop()
        if self.foreign:  # the unit names are English and Chinese: another voice reads the symbols
            return (committed.strip() if "/" in committed else self.unit_symbols(found)), end
        said = say_units(found, self.lang, plural=number not in ("1", "1.0"))
        return (said, end) if said else None

    def unit_symbols(self, units: list[tuple[str, int]]) -> str:
        """Units as their symbols with the powers in (English) words: "m s to the power minus 2"."""
        self.symbols_said.update(symbol for symbol, _ in units)
        return " ".join(symbol if power == 1 else f"{symbol} {power_words(_minus(str(power), False), 'en')}"
                        for symbol, power in units)

    # -- what a symbol means where it stands -------------------------------------------------

    @staticmethod
    def _solid(atoms: list[tuple[str, Any]], k: int, step: int) -> tuple[str, Any] | None:
        """The first atom from ``k`` going by ``step`` that is not a space (None past the ends)."""
        while 0 <= k < len(atoms):
            if not (atoms[k][0] == "c" and atoms[k][1].isspace()):
                return atoms[k]
            k += step
        return None

    def token(self, atom: tuple[str, Any] | None) -> str:
        """A short key for an atom: its character, "\\name" for a macro, the letter of a styled
        letter (\\mathsf{H} is "H"), the keys of a small group joined ("(k)")."""
        if atom is None:
            return ""
        kind, value = atom
        if kind == "c":
            return value
        if kind == "m":
            if value.macroname in _STYLE_MACROS or value.macroname in _TEXT_MACROS:
                return self.text_arg(value)
            return "\\" + value.macroname
        if kind == "g":
            inner = [a for a in self.atoms(value) if not (a[0] == "c" and a[1].isspace())]
            return "".join(self.token(a) for a in inner) if len(inner) <= 3 else ""
        return ""

    def called(self, atoms: list[tuple[str, Any]], k: int) -> bool:
        """Is the bracket at ``k`` a function's argument: f(x), f'(x), G^*(i), f_n(x), \\sin^2 (x)?"""
        bracket = k
        k -= 1
        spaced = False
        while k >= 0 and (atoms[k][0] == "c" and atoms[k][1].isspace() or atoms[k][0] == "m" and atoms[k][1].macroname in _OPEN_SIZES):
            spaced = spaced or atoms[k][0] == "c"  # f\left(x\right) is f(x); a space may be a product's
            k -= 1
        while k >= 0:
            if k >= 1 and atoms[k - 1] in (("c", "^"), ("c", "_")):
                if self.token(atoms[k]).lstrip("\\") in _NAMES:
                    return True  # \lambda_{\min}(A), \lambda^{\max}(A): "lambda min of A"
                k -= 2
            elif atoms[k] == ("c", "'"):
                k -= 1
            else:
                break
        if k < 0:
            return False
        kind, value = atoms[k]
        if spaced and kind != "m" and not (kind == "c" and value.isalpha() and k >= 2
                                             and _letter_word(atoms, _word_start(atoms, k)) in _FUNCTIONS):
            return False  # np (1-p), P (1+r)^n: a space before a letter's bracket is a product's
        if kind == "c" and value.isupper() and self.token(self._solid(atoms, k - 1, -1)) in ("\\sim", "∼"):
            return True  # X \sim B(n, p): a distribution of its parameters, not a product
        if kind == "m" and value.macroname in ("text", "textrm"):
            return self.text_arg(value) in _EXPECTATIONS  # \mathop{\text{Var}}\left(x\right); not \text{if} (x > 0)
        if kind == "m" and (value.macroname in _STYLE_MACROS or value.macroname in _ACCENTS
                            or value.macroname in ("vec", "operatorname", "mathrm")):
            # \boldsymbol{f}(x), \vec{r}(t), \hat{f}(x), \operatorname{Var}(X): the wrapper does
            # not stop the letter being a function. A bold letter before one symbol in brackets
            # is a function of it (\mathbf{r}(t), "r of t"), as lecturers say it
            inner = self.text_arg(value)
            if value.macroname in ("operatorname", "mathrm"):
                # \operatorname{Var}(X); an upright P or E is as the italic one (\mathrm{P}(A): "P of A"),
                # not an element or a unit (\mathrm{H}_2\mathrm{O}(l), 5\,\mathrm{N}(2))
                return inner in ("P", "E") or (len(inner) > 1 and inner.isalpha() and inner not in _WORDS)
            if len(inner) != 1 or not inner.isalpha():
                return False
            close = _closing(atoms, k + 2) if k + 1 < len(atoms) else None
            bold = value.macroname in ("mathbf", "boldsymbol", "bm", "pmb", "vec")
            return inner in _CALLED or (bold and close is not None and _simple(atoms[k + 2:close]))
        if kind == "c" and value.isalpha() and k >= 2 and _letter_word(atoms, _word_start(atoms, k)):
            return True  # Dec(i): a function named by a word
        if kind == "c" and value == "P" and self._principal(atoms, k, bracket):
            return False  # A = P(1 + r)^n, A = P(1 + rt): the principal times a sum
        return (kind == "c" and value in _CALLED) or (
            kind == "m" and (value.macroname in _CALLED_MACROS or value.macroname in _FUNCTIONS))

    def expected(self, atoms: list[tuple[str, Any]], k: int) -> bool:
        """Is the square bracket at ``k`` the argument of an expectation, probability, variance or
        covariance (E[X], \\mathbb{E}[X], P[X = 1], \\Pr[A], \\operatorname{Var}[X], Cov[X, Y])?
        It is said as a function's brackets are: "E of X", \\mathbb{E}_\\theta[X] "E sub theta, of X".
        A letter typed (E, P) before TeX's spacing or around upright units is a quantity with its
        unit (E\\,[J], \\Delta E [\\text{J}]); \\mathbb{E}, \\Pr, \\operatorname{Var} never are."""
        b, spaced = k - 1, False
        while b >= 0 and self._blank(atoms[b]):  # E \left[X\right], \mathbb{E}\!\left[X\right]
            spaced = spaced or atoms[b][0] == "m" and atoms[b][1].macroname in _TEX_SPACES
            b -= 1
        while b >= 2 and atoms[b - 1] in (("c", "^"), ("c", "_")):
            b -= 2  # \mathbb{E}_\theta[X], E^Q[X]
        if b < 0:
            return False
        name = self.token(atoms[b]).lstrip("\\")
        if atoms[b][0] == "c":
            name = _letter_word(atoms, _word_start(atoms, b)) or name  # Var[X] typed: a word of letters
            if spaced or self.unit_label(atoms, k):
                return False
        return name in _EXPECTATIONS

    def unit_label(self, atoms: list[tuple[str, Any]], k: int) -> bool:
        """Does the square bracket at ``k`` hold units alone, written upright ([\\text{kJ/mol}], [\\mathrm{W}])?"""
        from narrator.script.maths_units import parse_units

        close = _closing(atoms, k + 1, "[]")
        inner = [a for a in atoms[k + 1:close] if not self._blank(a)
                 and not (a[0] == "m" and a[1].macroname in _CLOSE_SIZES)] if close is not None else []  # \right]
        return bool(inner) and all(kind == "m" and value.macroname in _UNIT_MACROS for kind, value in inner) \
            and parse_units(" ".join(self.text_arg(value) for _, value in inner)) is not None

    def bracketed_ratio(self, atoms: list[tuple[str, Any]], start: int, ratios: dict[int, bool]) -> bool:
        """May a colon inside the round brackets opening at ``start`` be a ratio's ((3:2), (n_1 : n_2),
        2(a:b))? Not when they hold a relation, a comma, a bracket or words ((x : P(x)), (x : x
        \\text{ is even}), (\\text{Step } 1: x + 1)), nor when they are a function's or follow a letter
        (I(A:B)). A "(" that no ")" closes (an interval's: (0, 1]) leaves the colon outside.
        ``ratios`` keeps the answer for each bracket (under minus its index, one less)."""
        if -start - 1 in ratios:
            return ratios[-start - 1]
        end = _closing(atoms, start + 1)
        before = self._solid(atoms, start - 1, -1)
        if end is None:
            answer = True
        elif self.called(atoms, start) or before is not None and before[0] == "c" and before[1].isalpha():
            answer = False
        else:
            answer = not any(kind == "c" and (value in "(,;" or value in _RELATIONS) or kind == "m" and (
                value.macroname in _TEXT_MACROS or value.macroname in _RELATIONS) for kind, value in atoms[start + 1:end])
        ratios[-start - 1] = answer
        return answer

    def _principal(self, atoms: list[tuple[str, Any]], p: int, bracket: int) -> bool:
        """Is the P at ``p`` a sum of money times the bracket at ``bracket``: a number opens a sum in
        it, no relation, and a power follows or an equals sign stands before (A = P(1 + rt))? Not
        P(1 + i) = 0 (a polynomial's value), nor P(0 ≤ X ≤ 2) (a probability)."""
        first = self._solid(atoms, bracket + 1, 1)
        close = _closing(atoms, bracket + 1)
        if first is None or first[0] != "c" or not first[1].isdigit() or close is None:
            return False
        inner = atoms[bracket + 1:close]
        if _terms(inner) < 2 or any(self.token(a).lstrip("\\") in _RELATIONS for a in inner):
            return False
        return self._solid(atoms, close + 1, 1) == ("c", "^") or self._solid(atoms, p - 1, -1) == ("c", "=")

    def operand_before(self, atoms: list[tuple[str, Any]], k: int) -> bool:
        """Does an operand end just before ``k`` (so that a minus there subtracts)? A closing
        bracket, a group, a letter, a digit or a symbol's macro; not an operator or relation."""
        k = self._before(atoms, k)
        if k < 0:
            return False
        kind, value = atoms[k]
        if kind == "c":
            return value.isalnum() or value in ")]}|‖⟩⦄'!"
        if kind == "g":  # x {=} -1: a relation in braces (TeX's spacing trick) is still one
            inner = [a for a in self.atoms(value) if not self._blank(a)]
            return not (len(inner) == 1 and self.token(inner[0]).lstrip("\\") in _RELATIONS)
        if kind == "e":
            return True
        name = value.macroname
        return name not in _RELATIONS and name not in _BIG_OPS and name not in (
            "times", "cdot", "div", "pm", "mp", "in", "notin", "subset", "subseteq", "ll", "gg", "to", "left",
            "sum", "int", "prod", "cap", "cup", "ast", "oplus", "otimes", "odot", "circ", "bmod",
            "land", "lor", "wedge", "vee", "setminus", "frac") and name not in _FUNCTIONS and (name in _WORDS or name in _GREEK
                                                              or name in _STYLE_MACROS or name in _TEXT_MACROS
                                                              or name in _ACCENTS or name == "right")

    def _operator_before(self, atoms: list[tuple[str, Any]], k: int) -> bool:
        """Does a function or an operator's macro stand just before ``k`` (\\sin -x, a \\oplus -b:
        the minus after it is a sign)?"""
        k = self._before(atoms, k)
        if k < 0 or atoms[k][0] != "m" or k and atoms[k - 1] in (("c", "^"), ("c", "_")):
            return False  # 180^\circ - x, z^\ast - w: a degree sign or a star, not an operator
        name = atoms[k][1].macroname
        return name in _FUNCTIONS or name in _BINARY and not (name == "cdot" and self.placeholder(atoms, k))

    def _number_before(self, atoms: list[tuple[str, Any]], k: int) -> bool:
        """Does a number end just before ``k`` (spaces and TeX spacing between; a subscript's
        digits are no number: T_1 \\circ T_2)?"""
        k = self._before(atoms, k)
        if k < 0 or atoms[k][0] != "c" or not atoms[k][1].isdigit():
            return False
        while k >= 0 and atoms[k][0] == "c" and atoms[k][1].isdigit():
            k -= 1
        return k < 0 or atoms[k] not in (("c", "_"), ("c", "^"))

    def _before(self, atoms: list[tuple[str, Any]], k: int) -> int:
        """The index of the last atom before ``k`` that is not blank (-1 if none)."""
        k -= 1
        while k >= 0 and self._blank(atoms[k]):
            k -= 1
        return k

    def _blank(self, atom: tuple[str, Any]) -> bool:
        """A space, TeX spacing, or a group of nothing else: x ={} -1, (a+b){\\,}-c (TeX's
        spacing tricks) say nothing, and what stands before them is the operand or not."""
        kind, value = atom
        if kind == "c":
            return bool(value.isspace())
        if kind == "m":
            return value.macroname in _SPACING and value.macroname not in ("right", "rvert", "rVert")
        return kind == "g" and all(self._blank(a) for a in self.atoms(value))

    def placeholder(self, atoms: list[tuple[str, Any]], k: int) -> bool:
        """Is the dot at ``k`` a place in an argument (f(·), ⟨·,·⟩, ‖· − x‖, p(· ∣ x)), standing
        for "any value": no operand on one side of it?"""
        before, after = self._solid(atoms, k - 1, -1), self._solid(atoms, k + 1, 1)
        # no bars: |·| and ‖·‖ are read by delimited(), and a bar beside a dot here closes or
        # opens a value of its own (|a| · |b|: a product)
        opens, closes = ("(", "[", ",", "⟨"), (")", "]", ",", "⟩")
        if (before or after) is None:
            return False  # a dot alone is the operator's name
        if (before is None or (before[0] == "c" and before[1] in opens)) and (
                after is None or (after[0] == "c" and after[1] in closes + ("-", "−", "+"))):
            return True  # f(·), ⟨·,·⟩, ‖· − x‖ (inside a norm's bars the dot comes first)
        # an operand on one side only: after an opening bracket, or before a closing one, a
        # semicolon or "given" (f(x·), f(·; θ), p(· ∣ x)); a bar after the dot may open an
        # absolute value (x · |y|)
        return before is not None and before[0] == "c" and before[1] in opens or (
            after is not None and after[0] == "c" and after[1] in ")],⟩;∣")

    def sim(self, atoms: list[tuple[str, Any]], i: int) -> str:
        """~ between a variable and a distribution (X ~ N(0,1)) is "is distributed as"; between
        figures it is "is similar to"."""
        right = self._solid(atoms, i, 1)
        key = self.token(right)
        # △ABC ~ DEF: the triangle's word stands before its three vertices, each a word of its own
        triangle = self._figure_before(atoms, i - 1)
        follows = not triangle and bool(key) and (
            key[0].isupper() or key.startswith("\\") and key[1:2].isupper()
            or key in ("\\chi", "t") or (right is not None and right[0] == "m"
                                                      and right[1].macroname in _STYLE_MACROS))
        if follows:
            return "服从" if self.zh else "is distributed as"
        return _w("sim", self.lang)

    def _figure_before(self, atoms: list[tuple[str, Any]], k: int) -> bool:
        """Does a triangle or an angle end just before ``k``: its sign, then capital letters and
        primes (△A'B'C', \\angle ABC)?"""
        k -= 1
        while k >= 0 and (atoms[k][0] == "c" and (atoms[k][1].isspace() or atoms[k][1].isupper() or atoms[k][1] == "'")
                          or atoms[k][0] == "m" and atoms[k][1].macroname == "prime"):
            k -= 1
        return k >= 0 and self.token(atoms[k]) in ("\\triangle", "△", "\\angle", "∠")

    def scale(self, out: list[str], letter: str) -> bool:
        """After degrees, C or F names the scale (25^\\circ C: "25 degrees Celsius"); True if it did."""
        if letter in ("C", "F") and out and out[-1] == _w("circ", self.lang):
            out[-1] = _w("℃" if letter == "C" else "℉", self.lang)
            return True
        return False

    def number_set(self, out: list[str], letter: str, atoms: list[tuple[str, Any]], i: int) -> int:
        """ℝ is "the real numbers", but ℝ^n is "R n" and ℝ^{n×k} "R n by k", as teachers say it."""
        nxt = self._solid(atoms, i, 1)
        if nxt != ("c", "^"):
            out.append(_SETS[letter][1 if self.zh else 0])
            return i
        k = atoms.index(nxt, i) + 1
        target = self._solid(atoms, k, 1)
        k = atoms.index(target, k) + 1 if target is not None else k
        key = self.token(target)
        if key in _SUP_NAMES and _SUP_NAMES[key][0] == "star":  # ℕ^*: "N star", no product
            words = _SUP_NAMES[key][1 if self.zh else 0]
        else:
            words = " ".join(self.one(target)) if target is not None else ""
        out.append(f"{letter} {words.replace(_w('times', self.lang), '乘' if self.zh else 'by')}")
        return k

    def delimited(self, out: list[str], ch: str, atoms: list[tuple[str, Any]], i: int) -> int | None:
        """What a pair of delimiters means, said once for the whole: |x| "the absolute value of
        x", ‖x‖₂ "the 2 norm of x", ⟨u,v⟩ "the inner product of u and v", {x | x > 0} "the set of
        x such that x > 0". The index after the pair, or None if ``ch`` has no partner here."""
        zh = self.zh
        if ch == "|" and (k := _ket_end(atoms, i)) is not None:  # |ψ⟩, |0⟩ + |1⟩: Dirac's kets
            body = self.argument(atoms[i:k])
            out.append(f"右矢 {body}，" if zh else f"ket {body},")
            return k + 1
        # a bar's partner: nested ones counted first (||x|-|y|| is one value), else the next bar
        j = self.partner(ch, atoms, i, ch == "|")
        if j is None and ch == "⟨" and (k := _ket_end(atoms, i, "|")) is not None:  # ⟨φ|: a bra
            body = self.argument(atoms[i:k])
            out.append(f"左矢 {body}，" if zh else f"bra {body},")
            return k + 1
        if j is None and ch == "|":
            j = self.partner(ch, atoms, i, False)  # |·|: a bar after an operator closes too
        if j is None:
            return None
        inner = atoms[i:j]
        if not any(not (a[0] == "c" and a[1].isspace()) for a in inner):
            return None
        after = j + 1
        if ch == "⟨":
            parts = _split_top(inner, ",")
            bars = _split_top(inner, "|")
            if any(all(self._blank(a) for a in p) for p in bars):
                bars = []  # ⟨|x|⟩: the mean of an absolute value, not Dirac's notation
            if len(bars) == 3:  # ⟨ψ|H|ψ⟩: bra, operator, ket
                bra, op, ket = (self.argument(p) for p in bars)
                out.append(f"左矢 {bra}， {op}， 右矢 {ket}，" if zh else f"bra {bra}, {op}, ket {ket},")
                return after
            if len(bars) == 2:
                parts = bars  # ⟨φ|ψ⟩, ⟨j, m|j', m'⟩: Dirac's inner product
            if len(parts) != 2:
                return None
            if all(_is_dot(p) for p in parts):
                out.append("内积" if zh else "the inner product,")
                return after
            u, v = (self.argument(p) for p in parts)
            out.append(f"{u} 与 {v} 的内积" if zh else f"the inner product of {u} and {v},")
            return after
        if ch == "⦃":
            # the set's bar is the first one with something before it: {x : |x| < 1}, {|x| : x ∈ A}
            cuts = [parts for parts in (_split_top(inner, bar, 1) for bar in ("∣", "|", ":"))
                    if len(parts) == 2 and not all(self._blank(a) for a in parts[0])]
            if cuts:
                x, cond = (" ".join(self.run(p)) for p in min(cuts, key=lambda parts: len(parts[0])))
                out.append(f"所有满足 {cond} 的 {x} 组成的集合，" if zh else f"the set of {x} such that {cond},")
                return after
            items = " ".join(self.run(inner))
            out.append(f"集合 {items}，" if zh else f"the set {items},")
            return after
        solid = [a for a in inner if not (a[0] == "c" and a[1].isspace())
                 and not (a[0] == "m" and a[1].macroname in _SPACING)]
        if ch == "|" and len(solid) == 1 and solid[0][0] == "e" \
                and solid[0][1].environmentname.rstrip("*") in _MATRICES:
            # |matrix|: the determinant of a square matrix; bars around any other are brackets
            rows = self.table(solid[0][1])
            square = len(rows) == max((len(row) for row in rows), default=0)
            out.append(self.matrix(solid[0][1], "vmatrix" if square else "matrix"))
            return after
        body = self.argument(inner)
        if ch == "|":
            out.append(f"{body} 的绝对值" if zh else f"the absolute value of {body},")
            return after
        sub = ""
        nxt = self._solid(atoms, after, 1)
        if nxt == ("c", "_"):
            k = atoms.index(nxt, after) + 1
            target = self._solid(atoms, k, 1)
            if target is not None:
                sub = " ".join(self.one(target))
                after = atoms.index(target, k) + 1
        if zh:
            out.append(f"{body} 的 {sub} 范数" if sub else f"{body} 的范数")
        else:
            out.append(f"the {sub} norm of {body}," if sub else f"the norm of {body},")
        return after

    def rounded(self, opening: str, inner: list[tuple[str, Any]]) -> str:
        """⌊x⌋ "the floor of x", ⌈x⌉ "the ceiling of x"."""
        body = self.argument(inner)
        floor = opening in ("lfloor", "⌊")
        if self.zh:
            return f"{body} 的{'下' if floor else '上'}取整，"
        return f"the {'floor' if floor else 'ceiling'} of {body},"

    def partner(self, ch: str, atoms: list[tuple[str, Any]], i: int, nest: bool) -> int | None:
        """Where the delimiter ``ch`` opened just before ``i`` closes, or None. With ``nest``, a
        bar after an operator opens a value of its own (|x|-|y| inside ||x|-|y||)."""
        close = {"⟨": "⟩", "⦃": "⦄"}.get(ch, ch)
        level, paren, bars = 0, 0, 0
        closing: set[int] = set()  # the nested bars that closed
        for j in range(i, len(atoms)):
            a = atoms[j]
            if nest and a == ("c", "|") and paren == 0:
                bars += 1
                if bars > NESTED_BARS_MAX:
                    return None  # the next bar closes then: each bar is not read to the end
                if not self.bar_closes(atoms, j, closing):
                    level += 1
                elif level:
                    level -= 1
                    closing.add(j)
                else:
                    return j
                continue
            if a == ("c", close) and level == 0 and paren == 0:
                return j
            if ch != close and a == ("c", ch):
                level += 1
            elif ch != close and a == ("c", close):
                level -= 1
            elif a == ("c", "("):
                paren += 1
            elif a == ("c", ")"):
                paren -= 1
                if paren < 0 and ch == "|":
                    return None  # P(A|B): the bar's pair would be outside the bracket
        return None

    def argument(self, atoms: list[tuple[str, Any]]) -> str:
        """What stands between delimiters or commas: "dot" for a lone · (⟨x,·⟩, |·|: any value),
        which said on its own would be a product ("times")."""
        return ("点" if self.zh else "dot") if _is_dot(atoms) else " ".join(self.run(atoms))

    def table(self, env: Any) -> list[list[str]]:
        """The cells of a matrix, array or cases environment, row by row, each in words."""
        from pylatexenc import latexwalker as lw

        rows: list[list[list[Any]]] = [[[]]]
        for node in env.nodelist or []:
            if isinstance(node, lw.LatexMacroNode) and node.macroname in ("\\", "cr"):
                rows.append([[]])
            elif isinstance(node, lw.LatexSpecialsNode) and node.specials_chars == "&":
                rows[-1].append([])
            elif not (isinstance(node, lw.LatexMacroNode) and node.macroname in ("hline", "arraystretch")):
                rows[-1][-1].append(node)
        said = [[" ".join(self.nodes(cell)) for cell in row] for row in rows]
        etc = _w("cdots", self.lang)
        # a row of dots (⋮ ⋮ ⋱ ⋮) is one "and so on"
        return [[etc] if all(x in (etc, "") for x in row) else row for row in said if any(row)]

    def matrix(self, env: Any, name: str) -> str:
        """"the 2 by 2 matrix with rows: a, b; c, d"; a column "the column vector a, b, c"."""
        rows = self.table(env)
        if not rows:
            return ""
        r, c = len(rows), max(len(row) for row in rows)
        sep, row_sep = ("，", "；") if self.zh else (", ", "; ")
        det = name == "vmatrix"
        norm = name == "Vmatrix"  # double bars: the matrix's norm, said as \|A\| is
        if c == 1 or r == 1:
            cells = sep.join(x for row in rows for x in row)
            kind = ("列向量" if c == 1 else "行向量") if self.zh else ("the column vector" if c == 1 else "the row vector")
            if norm:
                return f"{kind} {cells} 的范数，" if self.zh else f"the norm of {kind} {cells},"
            return f"{kind} {cells}，" if self.zh else f"{kind} {cells},"
        body = row_sep.join(sep.join(row) for row in rows)
        if self.zh:
            return f"{'行列式，' if det else ''}{r} 行 {c} 列的矩阵{'的范数' if norm else ''}，各行为：{body}；"
        return f"{'the determinant of ' if det else 'the norm of ' if norm else ''}the {r} by {c} matrix with rows: {body};"

    def cases(self, env: Any) -> str:
        """Cases, each value with its condition: "1 if x is greater than 0; 0 otherwise"."""
        parts = []
        for row in self.table(env):
            value, cond = row[0], " ".join(row[1:]).strip()
            plain = cond.lower().startswith(("if", "otherwise", "for", "when", "else"))
            if self.zh:
                other = not cond or cond.lower().startswith(("otherwise", "else", "其他", "其它"))
                parts.append(f"其他情况为 {value}" if other else f"当 {cond} 时为 {value}")
            else:
                parts.append(f"{value} {cond}" if plain or not cond else f"{value} if {cond}")
        return ("；".join(parts) + "；") if self.zh else ("; ".join(parts) + ";")

    def operators(self) -> set[str]:
        # relations too: after "in" or "is identical to", a minus is a sign (x ∈ (−1, 1): 属于 负 1)
        keys = ("+", "-", "=", "<", ">", "times", "div", "pm", "le", "ge", "ne", "approx", "to", "in", "notin",
                "equiv", "sim", "propto", "subset", "subseteq", "ll", "gg")
        return {_w(k, self.lang) for k in keys} | {",", "，", "(", "负", "minus"}

    def percent(self, out: list[str]) -> list[str]:
        if out and out[-1][-1:].isdigit():
            number = out.pop()
            out.append(f"百分之{number}" if self.zh else f"{number} percent")
        else:
            out.append(_w("%", self.lang))
        return out

    def fraction(self, top: list[str], bottom: list[str]) -> str:
        t, b = " ".join(top), " ".join(bottom)
        for op in ("d", _w("partial", self.lang)):
            if (t == op or t.startswith(op + " ")) and b.startswith(op + " ") and len(b) > len(op) + 1:
                # d/dx, dy/dx, the partial of f by x: a derivative, not a quotient
                partial = op != "d"
                var, what = b[len(op) + 1:], t[len(op) + 1:]
                if self.zh:
                    kind = "偏导" if partial else "导"
                    return f"{what} 对 {var} 的{kind}数" if what else f"对 {var} 求{kind}，"
                if what:
                    return f"{op} {what} by {op} {var}"
                return f"the {'partial ' if partial else ''}derivative with respect to {var} of"
        if self.zh:
            return f"{b} 分之 {t}"
        if len(top) > 1 or len(bottom) > 1:
            return f"the fraction {t}, over {b},"
        return f"{t} over {b}"

    def script(self, out: list[str], kind: str, target: tuple[str, Any]) -> list[str]:
        """``^`` or ``_`` with its argument, said after its base (the last word of ``out``)."""
        if target[0] == "g":  # ^{\circ}, ^{\prime}: look inside the braces
            inner = [a for a in self.atoms(target[1]) if not (a[0] == "c" and a[1].isspace())]
            if len(inner) == 1 and (inner[0][0] == "m" or inner[0] == ("c", "∘")):
                target = inner[0]
        if target[0] == "m" and target[1].macroname in ("circ", "degree") or target == ("c", "∘"):
            out.append(_w("circ", self.lang))
            return out
        if target[0] == "m" and target[1].macroname == "prime" or target == ("c", "'"):
            out.append(_w("'", self.lang))
            return out
        key = self.token(target)
        if not key and target[0] == "g":  # ^{(11)}: a two-digit order is four atoms, more than token() joins
            solid = [a for a in self.atoms(target[1]) if not (a[0] == "c" and a[1].isspace())]
            joined = "".join(a[1] for a in solid) if all(a[0] == "c" for a in solid) else ""
            if re.fullmatch(r"\(\d\d\)", joined):  # not ^{(-x)}: a power in brackets
                key = joined
        # A^H is A's conjugate transpose, 2^H a power; A_2^H the first again (a subscript's digits)
        if kind == "^" and key in _SUP_NAMES and not (key == "H" and out and out[-1][-1:].isdigit()
                                                       and not out[-1].startswith(_SUB_MARK)):
            word = _SUP_NAMES[key][1 if self.zh else 0]
            if self.zh and out and out[-1] == "，":
                out.pop()
            return out + [word]
        if kind == "^" and (charge := _charge(key, self.zh)):
            # Na^+, \mathrm{Ca}^{2+}, 0^+: a charge or a side, not a power; a pause after it, so
            # that Na^+ + Cl^- is not heard "Na plus plus Cl"
            return out + [charge + ("，" if self.zh else ",")]
        if kind == "^" and key in ("-1", "−1") and out and re.fullmatch(r"[A-Zfg]", out[-1]):
            # A^{-1}, f^{-1}: the inverse of a matrix or a function, not a power
            return out + ["的逆" if self.zh else "inverse"]
        if kind == "^" and len(key) >= 3 and key[0] == "(" and key[-1] == ")":
            order = key[1:-1]
            if out and out[-1] in _DERIVED and (order.isdigit() and len(order) <= 2 or (
                    order in _ORDER_LETTERS and out[-1] in _CALLED)):
                # f^{(n)}, y^{(4)}: the n-th derivative of a function, not a power
                if self.zh:
                    return out[:-1] + [f"{out[-1]} 的 {order} 阶导数"]
                return out[:-1] + [f"the {_ordinal(order)} derivative of {out[-1]}"]
            # x^{(k)}: a label on x (the k-th iterate), not a power
            return out + [("上标 " if self.zh else "superscript ") + " ".join(self.one(target)) + ","]
        if kind == "^" and re.fullmatch(r"[A-Z]{1,3}", key) and key not in _COUNTS and out \
                and _LABELLED.fullmatch(out[-1]):
            # V^A, P^{XY}: a capital letter above a letter labels it (ClearSpeak: "V superscript
            # A"); e^{A}, 2^N and (x+1)^N stay powers
            label = " ".join(self.one(target))
            return out + [f"上标 {label}，" if self.zh else f"superscript {label},"]
        if key.lstrip("\\") in _NAMES:
            return out + [key.lstrip("\\")]  # \lambda_{\min}, x_{\mathrm{max}}, \lambda^{\max}: "lambda min"
        words = self.one(target)
        value = " ".join(words)
        if not value:
            return out
        if kind == "_":
            out.append(_SUB_MARK + value if value.isdigit() else
                       value if self.zh or len(value) == 1 else f"sub {value},")
            return out
        if self.zh and out and out[-1] == "，":
            out.pop()  # "(a+b)^2": "a 加 b 的平方"
        return out + [power_words(value, self.lang) + ("," if len(words) > 1 and not self.zh else "")]

    def evaluated(self, lower: str, upper: str) -> str:
        """The evaluation bar's words: "evaluated from 0 to 1", "evaluated at x = 0"; a bar with a
        set below it restricts a function to the set (f|_A "f restricted to A")."""
        if lower and upper:
            return f"，从 {lower} 到 {upper} 求值，" if self.zh else f", evaluated from {lower} to {upper},"
        at = lower or upper
        if _w("=", self.lang) not in at.split():
            return f"，限制在 {at} 上，" if self.zh else f", restricted to {at},"
        return f"，在 {at} 处求值，" if self.zh else f", evaluated at {at},"

    @staticmethod
    def _sized(atoms: list[tuple[str, Any]], k: int) -> bool:
        """Is the delimiter after ``k`` sized (\\right], \\Big|)?"""
        before = _Speaker._solid(atoms, k, -1)
        return before is not None and before[0] == "m" and before[1].macroname in _CLOSE_SIZES

    def limits(self, atoms: list[tuple[str, Any]], i: int) -> tuple[str, str, int]:
        """The lower and upper limits written from ``i`` (``_{i=1}^{n}``) in words ("" for none),
        and the index after them."""
        lower = upper = ""
        while i < len(atoms):
            kind, value = atoms[i]
            if kind == "c" and value.isspace():
                i += 1
                continue
            if kind == "m" and value.macroname in ("limits", "nolimits"):
                i += 1
                continue
            if kind == "c" and value in "_^" and i + 1 < len(atoms):
                words = " ".join(self.one(atoms[i + 1]))
                if value == "_":
                    lower = words
                else:
                    upper = words
                i += 2
                continue
            break
        return lower, upper, i

    def big_operator(self, out: list[str], name: str, atoms: list[tuple[str, Any]], i: int) -> int:
        """\\sum, \\int, \\lim... with their limits: "the sum from i = 1 to n of"."""
        lower, upper, i = self.limits(atoms, i)
        op = _w(name, self.lang)
        if name == "lim":
            # n \rightarrow \infty under a limit tends, as with \to (the arrow alone "gives": a reaction)
            gives, tends = _w("rightarrow", self.lang), _w("to", self.lang)
            lower = re.sub(rf"(?<!\S){gives}(?!\S)", tends, lower)
            if self.zh:
                out.append(f"当 {lower} 时，{op}" if lower else op)
            else:
                out.append(f"the limit as {lower}, of" if lower else "the limit of")
            return i
        if self.zh and name in ("max", "min"):
            # \max_{x}: "关于 x 求最大值"; \arg\min_x: "关于 x 求 arg min"
            what = f"arg {name}" if out and out[-1] == "arg" else ("最大值" if name == "max" else "最小值")
            if out and out[-1] == "arg":
                out.pop()
            out.append((f"关于 {lower} 求{what}，" if lower else f"求{what}，").replace("求arg", "求 arg"))
            return i
        if self.zh:
            span = f"从 {lower} 到 {upper}" if lower and upper else (lower or "")
            out.append(f"{span} {op}，" if span else op)
        else:
            span = f" from {lower} to {upper}" if lower and upper else (f" over {lower}" if lower else "")
            if name in ("max", "min"):
                if out and out[-1] == "arg":  # \arg\min_x: "arg min over x of"
                    out[-1] = f"arg {name}" + (f" over {lower}" if lower else "") + " of"
                else:
                    out.append(f"the {'maximum' if name == 'max' else 'minimum'}"
                               + (f" over {lower}" if lower else "") + " of")
                return i
            out.append(f"{op}{span} of")
        return i


def _ordinal(order: str) -> str:
    """"4" -> "4th", "n" -> "n-th" (the planner's normaliser says "4th" as "fourth")."""
    if not order.isdigit():
        return f"{order}-th"
    n = int(order)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def power_words(value: str, lang: str) -> str:
    """The words after a base raised to ``value``: "squared", "的平方", "to the power n"..."""
    zh = lang == "zh"
    if value == "2":
        return "的平方" if zh else "squared"
    if value == "3":
        return "的立方" if zh else "cubed"
    if value in ("T", "⊤"):
        return "的转置" if zh else "transpose"
    if zh:
        return f"的 {value} 次方" if not value.startswith("负") else f"的{value}次方"
    return f"to the power {value}"


# -- sup and sub runs ------------------------------------------------------------------------

def script_words(before: str, text: str, kind: str, lang: str, after_formula: bool = False) -> tuple[str, str]:
    """(``before`` as it should now be said, what to say for the <sup>/<sub> ``text``).
    ``after_formula``: ``before`` ends with a formula's words, which the script is shown on."""
    base = _base(lang)
    if base not in ("en", "zh"):  # "10<sup>23</sup>" in Finnish: "10 potenssiin 23"
        from narrator.script.maths_words import translate

        before, words = script_words(before, text, kind, "en", after_formula)
        if words == text:  # 19<sup>e</sup>, 1<sup>º</sup>: an ordinal stays attached, for the voice to read
            return before, words
        said = translate(words, base, before + text) if words.strip() else words
        return before, (" " + said + " ") if said is not None else " " + text.strip() + " "
    zh = base == "zh"
    value = text.strip()
    after_formula = after_formula and not text[:1].isspace()  # \(F=ma\) <sup>2</sup>: set apart
    if after_formula:  # \(\vec{x}\)<sup>2</sup> is shown as x⃗²: its exponent, not a footnote mark
        before = before.rstrip()
    attached = bool(before) and not before[-1].isspace()
    if not value:
        return before, text
    if kind == "sup":
        if attached and before[-1].isdigit() and _ORDINAL.match(value):
            return before, value  # 1st, 2nd, 19e: an ordinal, not an exponent
        if attached and before[-1].isalpha() and value in ("H", "*", "∗", "†"):
            # A<sup>H</sup>, A<sup>*</sup>: the conjugate transpose, not a power
            return before, " " + _SUP_NAMES[value][1 if zh else 0] + " "
        word = re.search(r"[A-Za-z]+$", before) if attached else None
        if word and len(word.group()) > 3 and value.isdigit() and not after_formula:
            return before, ""  # "Smith<sup>3</sup>": a footnote mark, not "Smith cubed"
        if attached and (before[-1].isalnum() or before[-1] in ")]") and re.fullmatch(
                r"[-−]?(?:\d{1,3}|[a-zA-Z])", value):
            value = value.replace("−", "-")
            if value.startswith("-"):
                value = ("负" if zh else "minus ") + value[1:]
            return before, " " + power_words(value, "zh" if zh else "en") + " "
        return before, " " + value + " "
    # <sub>
    if attached and value.isdigit():
        m = _ELEMENTS.search(before)
        if m and len(m.group()) > 1 and m.group()[0].isupper():
            # CO<sub>2</sub>: a chemical formula, its elements said one by one
            symbols = re.findall(r"[A-Z][a-z]?", m.group())
            before = before[:m.start()] + " ".join(symbols)
        return before, " " + value + " "
    return before, " " + value + " "


# -- symbols in ordinary text ----------------------------------------------------------------


def _arrow_after(atoms: list[tuple[str, Any]], i: int) -> int | None:
    """The index of the arrow of a function's signature after its colon (f: X → Y), if one comes
    before any relation, comma or other colon at this level."""
    depth = 0
    for k in range(i, len(atoms)):
        kind, value = atoms[k]
        if kind == "c":
            depth += (value in "([⦃") - (value in ")]⦄")  # f: \{x : x ≥ 0\} → ℝ
            if depth < 0 or (not depth and value in "=,;<>:"):
                return None
            if value == "→" and not depth:
                return k
        elif kind == "m" and not depth and value.macroname in ("to", "rightarrow", "longrightarrow"):
            return k
    return None


_ROUNDING = {"lfloor": "rfloor", "lceil": "rceil", "⌊": "⌋", "⌈": "⌉"}


def _rounding_end(atoms: list[tuple[str, Any]], i: int) -> int | None:
    """Where the floor or ceiling bracket just before ``i`` closes, or None."""
    opening = atoms[i - 1][1] if atoms[i - 1][0] == "c" else atoms[i - 1][1].macroname
    closing, depth = _ROUNDING[opening], 0
    for k in range(i, len(atoms)):
        kind, value = atoms[k]
        key = value if kind == "c" else value.macroname if kind == "m" else None
        if key == opening:
            depth += 1
        elif key == closing:
            if not depth:
                return k
            depth -= 1
    return None


def _ket_end(atoms: list[tuple[str, Any]], i: int, end: str = "⟩") -> int | None:
    """Where a ket opened by the bar before ``i`` ends (its ⟩), or a bra opened by ⟨ (its bar):
    the first delimiter at this level, if it is that one."""
    depth = 0
    for k in range(i, len(atoms)):
        kind, value = atoms[k]
        if kind != "c":
            continue
        if value in "([":
            depth += 1
        elif value in ")]":
            depth -= 1
            if depth < 0:
                return None
        elif not depth and value in "|⟨⟩‖":
            return k if value == end and k > i else None
    return None


def _ratio_after(atoms: list[tuple[str, Any]], i: int, known: dict[int, bool]) -> bool:
    """Is the colon before ``i`` a ratio's (3:2, a:b:c, a:b = c:d, 3:4 < 4:5)? Only operands follow
    it at this level, up to the end or a bracket closing, or a relation then another ratio. A
    relation without a ratio after it, an arrow, bar or comma makes it a condition or a label
    ({x : x > 0}, f: x ↦ x², A: x = 1); a quantifier before it too (∀x : P(x), checked by the caller).
    ``known`` keeps the answers of a run: the colons of a chain a:b:c:… share the first one's, so a
    chain is scanned once, not once per colon."""
    if i in known:
        return known[i]
    chain = [i]
    ratio = _ratio_scan(atoms, i, chain)
    known.update(dict.fromkeys(chain, ratio))
    return ratio


def _ratio_scan(atoms: list[tuple[str, Any]], i: int, chain: list[int]) -> bool:
    """:func:`_ratio_after`'s scan; the index after each colon it passes (whose answer is the same)
    goes into ``chain``."""
    depth = 0
    equals = False  # past the relation between two ratios: a colon must follow
    for k in range(i, len(atoms)):
        kind, value = atoms[k]
        if kind == "c":
            depth += (value in "([") - (value in ")]")
            if depth < 0:
                return not equals
            if depth:
                continue
            if value in _RELATIONS:
                if equals:
                    return False
                equals = True
            elif value == ":":
                if equals:
                    return True
                chain.append(k + 1)
            elif value in ",;，；|∣→↦⇒⇔∈∉⊂⊆":
                return False
        elif kind == "m" and not depth and value.macroname in _STATEMENT_BREAKS:
            return not equals  # H_0: μ ≤ 50 \quad H_1: μ > 50: two labelled statements, no proportion
        elif kind == "m" and not depth and (value.macroname in _RELATIONS or value.macroname in _ARROWS):
            if value.macroname in _RELATIONS and not equals:
                equals = True
                continue
            return False
    return not equals


def _quantified(atoms: list[tuple[str, Any]], k: int) -> bool:
    """Does a quantifier (∀, ∃) come before ``k``, after any colon before it: ∀x : P(x), the colon
    is the quantifier's, no ratio. (Back to the colon only: a chain of colons is not scanned once per colon.)"""
    while k > 0:
        k -= 1
        kind, value = atoms[k]
        if kind == "c" and value == ":":
            return False
        if kind == "c" and value in "∀∃" or kind == "m" and value.macroname in ("forall", "exists"):
            return True
    return False


def _charge(script: str, zh: bool, found: re.Match[str] | None = None) -> str:
    """An ion's charge or a one-sided limit's side written as a superscript (Na⁺, Ca^{2+},
    0^+) in words, "2 plus" ("2 正" in Chinese, as chemistry teachers say it); "" when
    ``script`` is no such thing (x^{-1} is a power). In text (``found``), a pause after it when
    a sign follows: "H plus, plus OH minus"."""
    m = re.fullmatch(r"(\d*)([-+−])", script)
    if not m:
        return ""
    sign = ("正", "负") if zh else ("plus", "minus")
    said = f"{m[1]} {sign[0] if m[2] == '+' else sign[1]}".strip()
    if found is not None and found.string[found.end():].lstrip()[:1] in ("+", "-", "−"):
        return said + ("，" if zh else ",")
    return said


_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻ⁿⁱ"
_SUPER_PLAIN = str.maketrans(_SUPERSCRIPTS, "0123456789+-ni")
_SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉"
_SUB_PLAIN = str.maketrans(_SUBSCRIPTS, "0123456789")
_SUPER_RUN = re.compile(rf"(?<=[\w)\]])([{_SUPERSCRIPTS}]+)")
_SUB_RUN = re.compile(rf"((?:[A-Z][a-z]?)*)([{_SUBSCRIPTS}]+)")
_CARET = re.compile(r"(?<=[A-Za-z0-9)\]\u4e00-\u9fff])\^[({]?([-−]?[A-Za-z0-9]{1,4})[)}]?")
_PERCENT = re.compile(r"(\d+(?:[.,]\d+)?)\s?[%％]")
_CURRENCY = re.compile(r"(US\$|\$|€|£|¥|￥)\s?(\d[\d,]*(?:\.\d+)?)")
_CURRENCY_WORDS = {"US$": ("US dollars", "美元"), "$": ("dollars", "美元"), "€": ("euros", "欧元"),
                   "£": ("pounds", "英镑"), "¥": ("yen", "元"), "￥": ("yuan", "元")}
_RING_DEGREES = re.compile(r"(\d)\s?∘")
_DEGREES = re.compile(r"(\d)\s?°\s?([CF])\b|°\s?([CF])\b")
_ROOT = re.compile(r"√\s?\(?([A-Za-z0-9.]+)\)?")
_COMMAND = re.compile(r"\\([A-Za-z]+)")
_MICRO_UNITS = {"m": ("micrometres", "微米"), "g": ("micrograms", "微克"), "s": ("microseconds", "微秒"),
                "L": ("microlitres", "微升"), "l": ("microlitres", "微升"), "A": ("microamps", "微安"),
                "V": ("microvolts", "微伏"), "F": ("microfarads", "微法"), "W": ("microwatts", "微瓦"),
                "mol": ("micromoles", "微摩尔")}
_MICRO = re.compile(r"(?<![A-Za-z])[μµ](mol|m|g|s|L|l|A|V|F|W)\b")
_CHEM_TEX = re.compile(r"((?:[A-Z][a-z]?)+)_\{?(\d+)\}?")
_CHEM_CHARGE = re.compile(r"\^(?:\{(\d*[-+−])\}|([-+−])(?![\w{]))")  # ^{2-}, ^+; not ^{-3}
_OPERATOR = re.compile(r"(?<=[\w),，])\s*([+=])\s*(?=[\w(])")  # "H plus, + OH minus" too
_OHM = re.compile(r"(\d)\s?Ω")
_SYMBOLS = re.compile("[" + "".join(re.escape(k) for k in _WORDS if len(k) == 1 and not k.isascii()
                                    and k not in "·'…") + "]")


def speak_symbols(text: str, lang: str) -> str:
    """Maths and science symbols of ordinary text in words for ``lang``; other text unchanged.
    Finnish, German, French and Spanish get their own words (:mod:`.maths_words`); any other
    language, or a symbol without a word there, keeps its symbols for the voice to read."""
    if text.isascii() and "^" not in text and "$" not in text and "%" not in text and "\\" not in text:
        return text
    base = _base(lang)
    if base not in ("en", "zh"):
        from narrator.script.maths_words import translate

        english = speak_symbols(text, "en")
        if english == " ".join(text.split()):
            return english
        said = translate(english, base, text)
        if said is None:
            return " ".join(re.sub(r"[\\^]", " ", text).split())
        # translate trims the commas a reading ends with; the text's own stay, as in English
        lead = re.match(r"\s*(,\s?)", text)
        return (lead.group(1) if lead else "") + said + ("," if text.rstrip()[-1:] == "," else "")
    zh = base == "zh"
    k = 1 if zh else 0
    before = text
    if "∘" in text:  # 45∘, 25∘C: a ring for a degree sign after a number (else composition)
        text = _RING_DEGREES.sub(r"\1°", text)
    if "°" in text:
        text = _DEGREES.sub(lambda m: (m.group(1) or "") + ("℃" if (m.group(2) or m.group(3)) == "C" else "℉"),
                            text)
    if "%" in text or "％" in text:
        text = _PERCENT.sub(lambda m: f"百分之{m.group(1)}" if zh else f"{m.group(1)} percent", text)
    if any(c in text for c in "$€£¥￥"):
        text = _CURRENCY.sub(lambda m: f"{m.group(2)}{_CURRENCY_WORDS[m.group(1)][1]}" if zh
                             else f"{m.group(2)} {_CURRENCY_WORDS[m.group(1)][0]}", text)
    if "^" in text:
        text = _CARET.sub(lambda m: " " + power_words(_minus(m.group(1), zh), "zh" if zh else "en") + " ",
                          text).replace("^", " ")  # a caret left is a mark ("word^"), not maths
    if "\\" in text:
        # "the \cssId macro", "C:\Users\ana": a TeX command or a folder named in prose
        text = _COMMAND.sub(r" \1", text)
    if any(c in text for c in _SUPERSCRIPTS):
        text = _SUPER_RUN.sub(lambda m: " " + (_charge(m.group(1).translate(_SUPER_PLAIN), zh, m) or power_words(
            _minus(m.group(1).translate(_SUPER_PLAIN), zh), "zh" if zh else "en")) + " ", text)
    if any(c in text for c in _SUBSCRIPTS):
        text = _SUB_RUN.sub(lambda m: " ".join(re.findall(r"[A-Z][a-z]?", m.group(1)))
                            + " " + m.group(2).translate(_SUB_PLAIN) + " ", text)
    if "μ" in text or "µ" in text:  # μm, µg: the prefix "micro"
        text = _MICRO.sub(lambda m: " " + _MICRO_UNITS[m.group(1)][k] + " ", text)
    if "Ω" in text:
        text = _OHM.sub(lambda m: m.group(1) + (" 欧姆" if zh else " ohms"), text)
    if "√" in text:
        text = _ROOT.sub(lambda m: f" {_w('√', 'zh' if zh else 'en')} {m.group(1)} ", text)
    text = _SYMBOLS.sub(lambda m: " " + _WORDS[m.group()][k] + " ", text)
    if text != before and ("+" in text or "=" in text):
        # "x² + y² = r²": among formulas, + and = are maths too
        text = _OPERATOR.sub(lambda m: " " + _WORDS[m.group(1)][k] + " ", text)
    return " ".join(text.split()) if text != "" else text


def _minus(value: str, zh: bool) -> str:
    value = value.replace("−", "-")
    if value.startswith("-"):
        return ("负" if zh else "minus ") + value[1:]
    return value


# -- formulas too long to say -------------------------------------------------------------

_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")


def long_formulas(blocks: Any, lang: str) -> list[Any]:
    """A skip-report entry for each formula too long to follow by ear, holding its full reading
    (the narration announces and summarises it: :func:`speak_tex`). The reading is
    in the language of the text around the formula, as the planner will say it."""
    from narrator.text import HAN_CHAR
    from narrator.values import Skipped

    out = []
    for block in blocks:
        formulas = [r for r in block.runs if r.math is not None]
        if not formulas:
            continue
        words = "".join(r.text for r in block.runs if r.math is None)
        han = len(HAN_CHAR.findall(words))
        # a Chinese passage is said in Chinese; Latin words in a Chinese document are English;
        # in a Finnish (German...) document they are the document's language
        chinese_doc = _base(lang) == "zh"
        here = "zh" if han and han * 3 >= len(_LATIN_WORD.findall(words)) else (
            lang if not han and not _LATIN_WORD.search(words) else "en" if chinese_doc or han else lang)
        for run in formulas:
            reading = too_long(run.math, here)
            if reading is not None:
                out.append(Skipped(block.source, "long formula",
                                   "formula too long to follow by ear: " + reading, len(run.math)))
    return out
