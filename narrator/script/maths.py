"""Maths and science as a teacher says them, in English or Chinese.

    >>> speak_tex(r"x^{2} + \\frac{1}{2} \\le \\sqrt{y}", "en")
    'x squared plus 1 over 2 less than or equal to the square root of y'
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
from functools import lru_cache
from typing import Any

__all__ = ["script_words", "speak_symbols", "speak_tex"]

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
    "le": ("less than or equal to", "小于等于"), "leq": ("less than or equal to", "小于等于"),
    "leqslant": ("less than or equal to", "小于等于"), "≤": ("less than or equal to", "小于等于"),
    "⩽": ("less than or equal to", "小于等于"),
    "ge": ("greater than or equal to", "大于等于"), "geq": ("greater than or equal to", "大于等于"),
    "geqslant": ("greater than or equal to", "大于等于"), "≥": ("greater than or equal to", "大于等于"),
    "⩾": ("greater than or equal to", "大于等于"),
    "ne": ("is not equal to", "不等于"), "neq": ("is not equal to", "不等于"), "≠": ("is not equal to", "不等于"),
    "approx": ("is approximately", "约等于"), "≈": ("is approximately", "约等于"),
    "equiv": ("is identical to", "恒等于"), "≡": ("is identical to", "恒等于"),
    "sim": ("is similar to", "相似于"), "∼": ("is similar to", "相似于"),
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
    "℃": ("degrees Celsius", "摄氏度"), "℉": ("degrees Fahrenheit", "华氏度"),
    "%": ("percent", "百分之"), "‰": ("per mille", "千分之"),
    "sqrt": ("the square root of", "根号"), "√": ("the square root of", "根号"),
    "∛": ("the cube root of", "三次根号"),
    "sum": ("the sum", "求和"), "∑": ("the sum", "求和"), "prod": ("the product", "连乘"),
    "∏": ("the product", "连乘"), "int": ("the integral", "积分"), "∫": ("the integral", "积分"),
    "oint": ("the contour integral", "环路积分"), "iint": ("the double integral", "二重积分"),
    "lim": ("the limit", "极限"),
    "cdots": ("and so on", "等等"), "ldots": ("and so on", "等等"), "dots": ("and so on", "等等"),
    "…": ("and so on", "等等"), "vdots": ("and so on", "等等"),
    "sin": ("sine", "sin"), "cos": ("cosine", "cos"), "tan": ("tangent", "tan"), "cot": ("cotangent", "cot"),
    "sec": ("secant", "sec"), "csc": ("cosecant", "csc"), "arcsin": ("arc sine", "arcsin"),
    "arccos": ("arc cosine", "arccos"), "arctan": ("arc tangent", "arctan"),
    "log": ("log", "log"), "ln": ("natural log", "ln"), "lg": ("log", "lg"), "exp": ("exponential", "exp"),
    "max": ("the maximum of", "最大值"), "min": ("the minimum of", "最小值"), "det": ("the determinant of", "行列式"),
    "gcd": ("the greatest common divisor of", "最大公约数"),
    "ast": ("star", "星"), "star": ("star", "星"), "dagger": ("dagger", "dagger"),
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
for _ch, _name in _GREEK_UPPER.items():
    _WORDS[_ch] = ("capital " + _GREEK[_name][0], "大写" + _GREEK[_name][1]) if _name != "delta" \
        else ("delta", "德尔塔")  # Δt: "delta t"

_SPACING = frozenset(("quad", "qquad", ",", ";", ":", "!", " ", "enspace", "thinspace", "medspace",
                      "thickspace", "space", "hfill", "displaystyle", "textstyle", "scriptstyle",
                      "limits", "nolimits", "rm", "bf", "it", "sf", "tt", "cal", "left", "right", "big", "Big", "bigg", "Bigg", "bigl",
                      "bigr", "Bigl", "Bigr", "biggl", "biggr", "middle", "nonumber", "notag", "ref", "eqref", "cssId", "class", "style",
                      "label", "tag", "color", "mathstrut", "phantom", "hline", "cr"))
_TEXT_MACROS = frozenset(("text", "textrm", "textit", "textbf", "mbox", "emph", "textsf", "texttt",
                          "mathrm", "operatorname", "textnormal", "hbox", "unit", "si"))
_STYLE_MACROS = frozenset(("mathbf", "mathit", "mathsf", "mathtt", "mathbb", "mathcal", "mathscr",
                           "mathfrak", "boldsymbol", "bm", "pmb", "overline", "underline", "bar",
                           "widetilde", "tilde", "boxed", "fbox", "widehat", "overbrace", "underbrace",
                           "ensuremath", "mathop", "mathbin", "mathrel", "mathord", "cancel", "dot", "ddot"))
_BIG_OPS = frozenset(("sum", "prod", "int", "iint", "oint", "lim", "∑", "∏", "∫", "max", "min"))
_FRACTIONS = frozenset(("frac", "dfrac", "tfrac", "cfrac"))
_ORDINAL = re.compile(r"^(?:st|nd|rd|th|e|er|re|ème|eme|me|o|a|º|ª)$", re.IGNORECASE)
_ELEMENTS = re.compile(r"(?:[A-Z][a-z]?)+$")


def _w(key: str, lang: str) -> str:
    en, zh = _WORDS[key]
    return zh if lang == "zh" else en


# -- TeX ------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _context() -> Any:
    from pylatexenc import latexwalker, macrospec

    db = latexwalker.get_default_latex_context_db()
    one = ("vec", "hat", "bar", "overline", "underline", "widehat", "widetilde", "tilde", "dot",
           "ddot", "mathbb", "mathcal", "mathscr", "mathfrak", "boldsymbol", "bm", "operatorname",
           "boxed", "pmb", "overbrace", "underbrace", "cancel", "mathop", "unit", "si", "text",
           "mbox", "mathrm", "mathbf", "mathit", "mathsf", "mathtt", "textrm", "textbf", "textit")
    db.add_context_category("narrator-maths", prepend=True, macros=[
        *(macrospec.MacroSpec(name, "{") for name in one),
        *(macrospec.MacroSpec(name, "{{") for name in ("frac", "dfrac", "tfrac", "cfrac", "binom",
                                                       "dbinom", "tbinom", "overset", "underset",
                                                       "stackrel")),
        macrospec.MacroSpec("sqrt", "[{"),
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


def speak_tex(tex: str, lang: str) -> str:
    """A TeX formula in words for ``lang`` ("zh" or anything else for English)."""
    lang = "zh" if lang.lower().startswith("zh") else "en"
    nodes = _parse(tex)
    words = _Speaker(lang).nodes(nodes) if nodes else _plain_chars(tex, lang)
    return _tidy(" ".join(words))


def _plain_chars(tex: str, lang: str) -> list[str]:
    text = re.sub(r"\\([A-Za-z]+)", lambda m: " " + m.group(1) + " ", tex)
    return [speak_symbols(re.sub(r"[\\{}^_$]", " ", text), lang)]


def _tidy(text: str) -> str:
    text = re.sub(r"\s+([,，])", r"\1", text)
    text = re.sub(r"([,，])(\s*[,，])+", r"\1", text)
    text = " ".join(text.split())
    return text.strip(" ,，")


class _Speaker:
    """Walks pylatexenc nodes into words."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.zh = lang == "zh"

    # atoms: ("c", char) | ("g", nodelist) | ("m", macro node) | ("e", environment node)
    def atoms(self, nodes: list[Any]) -> list[tuple[str, Any]]:
        from pylatexenc import latexwalker as lw

        out: list[tuple[str, Any]] = []
        for n in nodes:
            if n is None or isinstance(n, lw.LatexCommentNode):
                continue
            if isinstance(n, lw.LatexCharsNode):
                out.extend(("c", ch) for ch in n.chars)
            elif isinstance(n, lw.LatexGroupNode):
                out.append(("g", n.nodelist or []))
            elif isinstance(n, lw.LatexMacroNode):
                out.append(("m", n))
            elif isinstance(n, lw.LatexEnvironmentNode):
                out.append(("e", n))
            elif isinstance(n, lw.LatexMathNode):
                out.append(("g", n.nodelist or []))
            elif isinstance(n, lw.LatexSpecialsNode):
                out.extend(("c", ch) for ch in n.specials_chars)
        return out

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
        return " ".join(a.latex_verbatim().strip("{}").split())

    def run(self, atoms: list[tuple[str, Any]]) -> list[str]:
        out: list[str] = []
        i = 0
        n = len(atoms)
        while i < n:
            kind, value = atoms[i]
            i += 1
            if kind == "c":
                ch = value
                if ch.isspace() or ch == "~":
                    continue
                if ch.isdigit() or (ch == "." and i < n and atoms[i][0] == "c" and atoms[i][1].isdigit()):
                    num = ch
                    while i < n and atoms[i][0] == "c" and (atoms[i][1].isdigit() or (
                            atoms[i][1] in ".," and i + 1 < n and atoms[i + 1][0] == "c"
                            and atoms[i + 1][1].isdigit())):
                        num += atoms[i][1]
                        i += 1
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
                if ch == "-" and (not out or out[-1] in self.operators()):
                    out.append("负" if self.zh else "minus")
                    continue
                if ch == "(" and not self.zh and i >= 2 and atoms[i - 2][0] == "c" and atoms[i - 2][1] in "fgh":
                    out.append("of")  # f(x): "f of x"
                    continue
                if ch in "([)]":
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
                    w = _w(ch, self.lang)
                    if w:
                        out.append(w)
                    continue
                if ch.isalpha():
                    out.append(ch)
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
                inner = self.nodes(value.nodelist or [])
                if inner:
                    out.append(" ".join(inner))
                continue
            # a macro
            node = value
            name = node.macroname
            if name in _SPACING:
                continue
            if name in ("langle", "rangle", "lbrace", "rbrace", "lvert", "rvert", "vert", "|", "lfloor",
                        "rfloor", "lceil", "rceil", "{", "}"):
                # a bracket: a short pause says where the group starts and ends
                if out and (name.startswith("r") or out[-1] not in self.operators()):
                    out.append("，" if self.zh else ",")
                continue
            if name in _BIG_OPS:
                i = self.big_operator(out, name, atoms, i)
                continue
            if name in _FRACTIONS:
                out.append(self.fraction(self.arg(node, 0), self.arg(node, 1)))
                continue
            if name in ("binom", "dbinom", "tbinom"):
                top, bottom = " ".join(self.arg(node, 0)), " ".join(self.arg(node, 1))
                out.append(f"{top} 选 {bottom}" if self.zh else f"{top} choose {bottom}")
                continue
            if name == "sqrt":
                index = " ".join(self.arg(node, 0))
                body = " ".join(self.arg(node, 1))
                if not index or index == "2":
                    out.append(f"根号 {body}" if self.zh else f"the square root of {body},")
                elif index == "3":
                    out.append(f"三次根号 {body}" if self.zh else f"the cube root of {body},")
                else:
                    out.append(f"{index} 次根号 {body}" if self.zh else f"the {index}th root of {body},")
                continue
            if name in _TEXT_MACROS:
                text = self.text_arg(node)
                if name in ("operatorname", "mathrm") and text in _WORDS:
                    out.append(_w(text, self.lang))
                elif text:
                    text = _CHEM_TEX.sub(lambda m: " ".join(re.findall(r"[A-Z][a-z]?", m.group(1)))
                                         + " " + m.group(2) + " ", text)
                    out.append(speak_symbols(re.sub(r"[\\{}$^_]", " ", text), self.lang))
                continue
            if name == "vec":
                body = " ".join(self.arg(node, 0))
                out.append(f"向量 {body}" if self.zh else f"vector {body}")
                continue
            if name in ("hat", "widehat"):
                body = " ".join(self.arg(node, 0))
                out.append(f"{body} hat")
                continue
            if name in ("overset", "underset", "stackrel", "xrightarrow"):
                out.extend(self.arg(node, 1) if name != "xrightarrow" else [_w("rightarrow", self.lang)])
                continue
            if name in _STYLE_MACROS:
                out.extend(self.arg(node, 0))
                continue
            if name in ("%", "$", "#", "&", "_"):
                if name == "%":
                    out = self.percent(out)
                continue
            if name in _WORDS:
                w = _w(name, self.lang)
                if w:
                    out.append(w)
                continue
            if name in ("\\", "newline"):
                out.append("，" if self.zh else ",")
                continue
            if name.isalpha() and len(name) > 1:
                out.append(name)  # an unknown command: its name is the best guess (\det, \deg)
        return out

    def operators(self) -> set[str]:
        keys = ("+", "-", "=", "<", ">", "times", "div", "pm", "le", "ge", "ne", "approx", "to")
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
        if self.zh:
            return f"{b} 分之 {t}"
        if len(top) > 1 or len(bottom) > 1:
            return f"the fraction {t}, over {b},"
        return f"{t} over {b}"

    def script(self, out: list[str], kind: str, target: tuple[str, Any]) -> list[str]:
        """``^`` or ``_`` with its argument, said after its base (the last word of ``out``)."""
        if target[0] == "g":  # ^{\circ}, ^{\prime}: look inside the braces
            inner = [a for a in self.atoms(target[1]) if not (a[0] == "c" and a[1].isspace())]
            if len(inner) == 1 and inner[0][0] == "m":
                target = inner[0]
        if target[0] == "m" and target[1].macroname in ("circ", "degree"):
            out.append(_w("circ", self.lang))
            return out
        if target[0] == "m" and target[1].macroname == "prime" or target == ("c", "'"):
            out.append(_w("'", self.lang))
            return out
        words = self.one(target)
        value = " ".join(words)
        if not value:
            return out
        if kind == "_":
            out.append(value if self.zh or len(value) == 1 or value.isdigit() else f"sub {value},")
            return out
        if self.zh and out and out[-1] == "，":
            out.pop()  # "(a+b)^2": "a 加 b 的平方"
        return out + [power_words(value, self.lang) + ("," if len(words) > 1 and not self.zh else "")]

    def big_operator(self, out: list[str], name: str, atoms: list[tuple[str, Any]], i: int) -> int:
        """\\sum, \\int, \\lim... with their limits: "the sum from i = 1 to n of"."""
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
        op = _w(name, self.lang)
        if name == "lim":
            if self.zh:
                out.append(f"当 {lower} 时，{op}" if lower else op)
            else:
                out.append(f"the limit as {lower}, of" if lower else "the limit of")
            return i
        if self.zh:
            span = f"从 {lower} 到 {upper}" if lower and upper else (lower or "")
            out.append(f"{span} {op}，" if span else op)
        else:
            span = f" from {lower} to {upper}" if lower and upper else (f" over {lower}" if lower else "")
            out.append(f"{op}{span} of" if name not in ("max", "min") else f"{op}{span}")
        return i


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

def script_words(before: str, text: str, kind: str, lang: str) -> tuple[str, str]:
    """(``before`` as it should now be said, what to say for the <sup>/<sub> ``text``)."""
    zh = lang.lower().startswith("zh")
    value = text.strip()
    attached = bool(before) and not before[-1].isspace()
    if not value:
        return before, text
    if kind == "sup":
        if attached and before[-1].isdigit() and _ORDINAL.match(value):
            return before, value  # 1st, 2nd, 19e: an ordinal, not an exponent
        word = re.search(r"[A-Za-z]+$", before) if attached else None
        if word and len(word.group()) > 3 and value.isdigit():
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

_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻ⁿⁱ"
_SUPER_PLAIN = str.maketrans(_SUPERSCRIPTS, "0123456789+-ni")
_SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉"
_SUB_PLAIN = str.maketrans(_SUBSCRIPTS, "0123456789")
_SUPER_RUN = re.compile(rf"(?<=[\w)\]])([{_SUPERSCRIPTS}]+)")
_SUB_RUN = re.compile(rf"((?:[A-Z][a-z]?)*)([{_SUBSCRIPTS}]+)")
_CARET = re.compile(r"(?<=[A-Za-z0-9)\]])\^\(?([-−]?[A-Za-z0-9]{1,4})\)?")
_PERCENT = re.compile(r"(\d+(?:[.,]\d+)?)\s?[%％]")
_CURRENCY = re.compile(r"(US\$|\$|€|£|¥|￥)\s?(\d[\d,]*(?:\.\d+)?)")
_CURRENCY_WORDS = {"US$": ("US dollars", "美元"), "$": ("dollars", "美元"), "€": ("euros", "欧元"),
                   "£": ("pounds", "英镑"), "¥": ("yen", "元"), "￥": ("yuan", "元")}
_DEGREES = re.compile(r"(\d)\s?°\s?([CF])\b|°\s?([CF])\b")
_ROOT = re.compile(r"√\s?\(?([A-Za-z0-9.]+)\)?")
_COMMAND = re.compile(r"\\([A-Za-z]+)")
_MICRO_UNITS = {"m": ("micrometres", "微米"), "g": ("micrograms", "微克"), "s": ("microseconds", "微秒"),
                "L": ("microlitres", "微升"), "l": ("microlitres", "微升"), "A": ("microamps", "微安"),
                "V": ("microvolts", "微伏"), "F": ("microfarads", "微法"), "W": ("microwatts", "微瓦"),
                "mol": ("micromoles", "微摩尔")}
_MICRO = re.compile(r"(?<![A-Za-z])[μµ](mol|m|g|s|L|l|A|V|F|W)\b")
_CHEM_TEX = re.compile(r"((?:[A-Z][a-z]?)+)_\{?(\d+)\}?")
_OPERATOR = re.compile(r"(?<=[\w)])\s*([+=])\s*(?=[\w(])")
_OHM = re.compile(r"(\d)\s?Ω")
_SYMBOLS = re.compile("[" + "".join(re.escape(k) for k in _WORDS if len(k) == 1 and not k.isascii()
                                    and k not in "·'…") + "]")


def speak_symbols(text: str, lang: str) -> str:
    """Maths and science symbols of ordinary text in words for ``lang``; other text unchanged."""
    if text.isascii() and "^" not in text and "$" not in text and "%" not in text and "\\" not in text:
        return text
    zh = lang.lower().startswith("zh")
    k = 1 if zh else 0
    before = text
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
        text = _SUPER_RUN.sub(lambda m: " " + power_words(_minus(m.group(1).translate(_SUPER_PLAIN), zh),
                                                         "zh" if zh else "en") + " ", text)
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
