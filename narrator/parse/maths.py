"""Formulas in the input: found, turned into TeX source, and given a readable rendering.

The parse stage only marks formulas (``Run.math`` holds the TeX source, ``Run.text`` a Unicode
rendering for the reader); script/maths.py says them in words.

Where formulas hide in editor HTML:
- TeX between MathJax delimiters in text: ``\\( \\)``, ``\\[ \\]``, ``$$ $$``, a single ``$...$``
  when it cannot be money (the opening ``$`` is followed and the closing one preceded by a
  non-space, the closing one is not followed by a digit: "$5 and $10" stays money), and
  Open edX's ``[mathjaxinline]...[/mathjaxinline]``;
- MathML ``<math>``: its ``alttext`` or TeX annotation when present, else the presentation
  elements converted to TeX (:func:`mathml_to_tex`);
- attributes of editor formula elements (Quill ``ql-formula`` ``data-value``, ``data-latex``,
  TinyMCE ``<tiny-math-inline formula>``, Wiris ``data-mathml``), MathJax 2 ``<script
  type="math/tex">``, formula images whose alt text is TeX;
- Word's Symbol-font runs: "p" is π, "Ð" is ∠ (:data:`SYMBOL_FONT`).

TeX is parsed with pylatexenc (a maintained, pure-Python LaTeX parser that knows macro arguments,
groups and environments), which also gives the Unicode rendering.
"""

from __future__ import annotations

import re
from typing import Any

from narrator.util.texdisplay import display

__all__ = ["SYMBOL_FONT", "comment_tex", "display", "find_tex", "formula_of", "is_symbol_font", 
           "mathml_to_tex", "tex_alt"]

# -- TeX in text -----------------------------------------------------------------------------

_BRACED = r"\{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\}"  # a group, braces nested 3 deep
_DELIMITED = re.compile(
    r"\\\((?P<a>.+?)\\\)"
    r"|\\\[(?P<b>.+?)\\\]"
    r"|\$\$(?P<c>.+?)\$\$"
    r"|\[mathjax(?:inline)?\](?P<d>.+?)\[/mathjax(?:inline)?\]"
    r"|(?P<f>\\begin\{(?P<env>equation|align|alignat|gather|multline|eqnarray|displaymath|math"
    r"|aligned|alignedat|gathered|split|cases|array|[pbBvV]?matrix|smallmatrix)(?P<star>\*?)\}"
    r".+?\\end\{(?P=env)(?P=star)\})"
    # \frac{a}{b}, \sqrt{x} typed without delimiters (slides, pasted notes): maths all the same
    rf"|(?P<h>(?<![\\\w])\\(?:[dt]?frac\s*{_BRACED}\s*{_BRACED}|[dt]?binom\s*{_BRACED}\s*{_BRACED}"
    rf"|sqrt\s*(?:\[[^\]]{{0,20}}\])?\s*{_BRACED})(?:\s*[_^](?:{_BRACED}|\w))*)"
    r"|(?P<g>\\(?:eq)?ref\{[^{}\s]{1,60}\})"
    r"|(?<![\\$\w])\$(?=[^\s$])(?P<e>[^$\n]{1,300}?)(?<=[^\s\\])\$(?![\d$])",
    re.DOTALL)
_MONEYISH = re.compile(r"^[\d.,\s]+$")


def find_tex(text: str) -> list[tuple[int, int, str]]:
    """(start, end, TeX source) of each delimited formula in ``text``, in order; a text that is
    nothing but TeX (:func:`bare_tex`) is one formula."""
    if "\\" not in text and "$" not in text and "[mathjax" not in text and "^" not in text \
            and "_" not in text and not text.strip().startswith("{"):
        return []
    out = []
    for m in _DELIMITED.finditer(text):
        tex = next(m.group(k) for k in "abcdfghe" if m.group(k) is not None)
        if m.group("e") is not None and _MONEYISH.match(tex):
            continue  # "$5$" is more likely a price typed oddly than a formula
        if tex.strip():
            out.append((m.start(), m.end(), tex.strip()))
    if not out and bare_tex(text):
        start = len(text) - len(text.lstrip())
        out.append((start, len(text.rstrip()), text.strip()))
    return out


# what a formula's own words may be, once its commands are taken out: {\rm det}, \text{if},
# \operatorname{\widehat{daughter\_height}} (a name with one group inside)
_TEX_WORDS = re.compile(r"\\(?:text|textrm|mathrm|operatorname|mbox|rm|mathit|mathbf)\s*\{(?:[^{}]|\{[^{}]*\})*\}"
                        r"|\\[A-Za-z]+|\\.")
_TEXISH_BARE = re.compile(r"\\[A-Za-z]{2,}|[\^_]\s*[{\\]|[\w})][\^_][\w*'{]")
_HAN_CHAR = re.compile(r"[\u3400-\u9fff]")


def bare_tex(text: str) -> bool:
    """Is ``text`` a formula typed without delimiters, and nothing else? KaTeX's auto-render
    spans (``<span class="math-inline">\\lambda_i > 0</span>``), LaTeX2HTML pages rendered in the
    browser and pasted notes hold TeX in plain text: a command or a braced script, and no word
    of four letters or more outside the commands ("the \\cssId macro" is prose about TeX)."""
    s = text.strip()
    if re.fullmatch(r"\{[A-Za-z0-9]\}", s):
        return True  # KaTeX's {k}: a letter in braces, as the page's TeX wrote it
    if not s or len(s) > 2000 or not _TEXISH_BARE.search(s) or _HAN_CHAR.search(s):
        return False
    if "://" in s or re.match(r"[A-Za-z]:\\", s):
        return False  # a web address or a Windows path
    rest = _TEX_WORDS.sub(" ", s)
    return not re.search(r"[A-Za-z]{4,}", rest)


def comment_tex(comment: str) -> str | None:
    """The TeX of LaTeX2HTML's ``<!-- MATH $...$ -->`` comment (written before each formula
    image, whose alt text is often cut short), without its delimiters; None if empty."""
    tex = comment.strip()[4:].strip()
    found = find_tex(tex)
    if len(found) == 1 and found[0][0] == 0 and found[0][1] == len(tex) and tex[:1] in "$\\":
        tex = found[0][2] if not tex.startswith("\\begin") else tex
    if tex.startswith("\\begin{displaymath}") or tex.startswith("\\begin{math}"):
        tex = re.sub(r"^\\begin\{(display)?math\}|\\end\{(display)?math\}$", "", tex).strip()
    return tex or None


# -- formulas held in attributes -------------------------------------------------------------

_TEXISH = re.compile(r"\\[A-Za-z]+|[\^_]\{?|\{.*\}")
_FORMULA_IMG = re.compile(r"latex|mathtex|codecogs|wiris|formula|equation|tex\b|math", re.IGNORECASE)


def formula_of(node: Any, name: str, classes: list[str]) -> str | None:
    """The TeX of an editor formula element whose formula lives only in an attribute (its
    children are a rendering, or nothing); None if ``node`` is not one."""
    attrs = node.attrs or {}
    if name in ("tiny-math-inline", "tiny-math-block"):
        value = attrs.get("formula") or attrs.get("data-formula")
    elif "ql-formula" in classes and attrs.get("data-value"):
        value = attrs.get("data-value")
    else:
        value = attrs.get("data-latex") or attrs.get("data-tex")
    if not isinstance(value, str) or not value.strip():
        mathml = attrs.get("data-mathml")
        if isinstance(mathml, str) and ("<math" in mathml or "«math" in mathml):
            return mathml_string_to_tex(mathml)
        return None
    tex = value.strip()
    found = find_tex(tex)
    if len(found) == 1 and found[0][0] == 0 and found[0][1] == len(tex):
        tex = found[0][2]  # "\(x^2\)" kept with its delimiters
    return tex


_IMAGE_FILE = re.compile(r"\.(?:png|jpe?g|gif|svg|webp|bmp|tiff?|emf|wmf|avif)$", re.IGNORECASE)


def tex_alt(node: Any) -> str | None:
    """The TeX of a formula image: alt text that is TeX, on an image that says it is a formula
    (its class or source name a TeX renderer) or whose alt cannot be anything but TeX."""
    attrs = node.attrs or {}
    mathml = attrs.get("data-mathml")
    if isinstance(mathml, str) and ("<math" in mathml or "«math" in mathml):
        return mathml_string_to_tex(mathml)
    alt = attrs.get("alt")
    if not isinstance(alt, str) or not alt.strip():
        return None
    alt = alt.strip()
    if _IMAGE_FILE.search(alt):  # "IMG_2041.JPG": a file name, never a formula
        return None
    found = find_tex(alt)
    if len(found) == 1 and found[0][0] == 0 and found[0][1] == len(alt):
        return found[0][2]
    hint = " ".join(str(attrs.get(k) or "") for k in ("src", "class"))
    if not _TEXISH.search(alt):
        # a formula renderer's image whose alt is the formula in plain letters ("v,w"); an
        # alt with words in it ("Students at work") describes a picture instead
        if _FORMULA_IMG.search(hint) and not re.search(r"[A-Za-z]{4,}", alt) and len(alt) <= 80:
            return alt
        return None
    if _FORMULA_IMG.search(hint) or re.search(r"\\[A-Za-z]{2,}", alt):
        return alt
    return None


# -- MathML ----------------------------------------------------------------------------------

_FUNCTIONS = frozenset("sin cos tan cot sec csc log ln lg exp lim max min det gcd arcsin arccos "
                       "arctan sinh cosh tanh".split())
_BIG_OPERATORS = {"∑": "\\sum", "∏": "\\prod", "∫": "\\int", "∮": "\\oint", "lim": "\\lim",
                  "max": "\\max", "min": "\\min"}
_ACCENTS = {"¯": "overline", "‾": "overline", "―": "overline", "→": "vec", "⃗": "vec", "^": "hat",
            "ˆ": "hat", "˙": "dot", "~": "tilde", "˜": "tilde"}


_WIRIS = str.maketrans({"«": "<", "»": ">", "¨": '"', "§": "&", "`": "'"})


def mathml_string_to_tex(markup: str) -> str | None:
    """TeX for MathML kept as a string (an attribute, a MathJax script; Wiris writes its
    data-mathml with « » for < >)."""
    from narrator.parse.tree import parse_tree

    if "«math" in markup:
        markup = markup.translate(_WIRIS)
    el = parse_tree(markup).find("math")  # linear in the markup, however deep (tree.py)
    return mathml_to_tex(el) if el is not None else None


# "application/x-tex", "TeX", "LaTeX": not "text/plain" nor AsciiMath's "text/x-asciimath"
_TEX_ENCODING = re.compile(r"(?<![a-z])(?:la)?tex(?![a-z])", re.IGNORECASE)


def mathml_to_tex(math: Any) -> str | None:
    """TeX for a MathML element: its alttext or TeX annotation, else its presentation markup."""
    attrs = math.attrs or {}
    alt = attrs.get("alttext")
    if isinstance(alt, str) and alt.strip():
        return alt.strip()
    for ann in math.find_all("annotation"):
        enc = str((ann.attrs or {}).get("encoding") or "")
        if _TEX_ENCODING.search(enc) and ann.get_text().strip():
            return ann.get_text().strip()
    tex = _mml(math, 0).strip()
    return tex or None


def _kids(el: Any) -> list[Any]:
    import bs4

    return [c for c in el.contents if isinstance(c, bs4.Tag)]


def _mml(el: Any, depth: int) -> str:
    """Presentation MathML -> TeX (recursive: MathML is shallow; past 100 levels, plain text)."""
    name = (el.name or "").split(":")[-1].lower()
    if depth > 100:
        return " ".join(el.get_text().split())
    kids = _kids(el)

    def arg(i: int) -> str:
        return "{" + _mml(kids[i], depth + 1) + "}" if i < len(kids) else "{}"

    if name in ("mi", "mn", "mtext", "ms"):
        text = " ".join(el.get_text().split())
        if name == "mi" and text in _FUNCTIONS:
            return "\\" + text + " "
        if name in ("mtext", "ms") or (name == "mi" and len(text) > 1 and not text.isalpha()):
            return "\\text{" + text + "}"
        return text
    if name == "mo":
        text = el.get_text().strip()
        return {"{": "\\{", "}": "\\}", "\u2061": "", "\u2062": "", "\u2063": ","}.get(text, text)
    if name in ("mspace",):
        return " "
    if name in ("annotation", "annotation-xml", "mphantom", "none", "mprescripts"):
        return ""
    if name == "semantics":
        return _mml(kids[0], depth + 1) if kids else ""
    if name in ("msub", "msup", "msubsup") and kids and kids[0].get_text().strip() in _BIG_OPERATORS:
        # TeX4ht writes \sum_{j\in C} as msub: a big operator with its range, not "sum, sub j"
        big = _BIG_OPERATORS[kids[0].get_text().strip()]
        limits = [_mml(k, depth + 1) for k in kids[1:]]
        mark = {"msub": "_", "msup": "^"}.get(name)
        if mark:
            return big + mark + "{" + limits[0] + "}" if limits else big
        return big + "".join(m + "{" + x + "}" for m, x in zip("_^", limits))
    if name == "msup":
        return arg(0) + "^" + arg(1)
    if name == "msub":
        return arg(0) + "_" + arg(1)
    if name == "msubsup":
        return arg(0) + "_" + arg(1) + "^" + arg(2)
    if name == "mfrac":
        thick = str((el.attrs or {}).get("linethickness") or "")
        return ("\\binom" if thick in ("0", "0px", "0pt") else "\\frac") + arg(0) + arg(1)
    if name == "msqrt":
        return "\\sqrt{" + "".join(_mml(k, depth + 1) for k in kids) + "}"
    if name == "mroot":
        return "\\sqrt[" + (_mml(kids[1], depth + 1) if len(kids) > 1 else "") + "]" + arg(0)
    if name in ("msub", "msup", "msubsup", "mover", "munder", "munderover") and kids:
        op = _BIG_OPERATORS.get(kids[0].get_text().strip())
        if op:  # "∑" under and over: TeX's \sum_{}^{}, said "the sum from ... to ..."
            scripts = [_mml(k, depth + 1) for k in kids[1:]]
            marks = {"msub": "_", "munder": "_", "msup": "^", "mover": "^"}.get(name)
            if marks:
                return op + marks + "{" + scripts[0] + "}" if scripts else op
            return op + "".join(m + "{" + x + "}" for m, x in zip("_^", scripts))
    if name in ("mover", "munder", "munderover"):
        base = arg(0)
        if name == "mover" and len(kids) > 1:
            accent = _ACCENTS.get(kids[1].get_text().strip())
            if accent:
                return "\\" + accent + base
            return base + "^" + arg(1)
        if name == "munder":
            return base + "_" + arg(1)
        return base + "_" + arg(1) + "^" + arg(2)
    if name == "mfenced":
        a = el.attrs or {}
        open_, close = str(a.get("open", "(")), str(a.get("close", ")"))
        sep = str(a.get("separators", ",")).strip()[:1] or ","
        return open_ + sep.join(_mml(k, depth + 1) for k in kids) + close
    if name == "mtable":
        rows = []
        for tr in kids:
            cells = _kids(tr) if (tr.name or "").endswith("tr") else [tr]
            rows.append(" & ".join(_mml(c, depth + 1) for c in cells))
        return "\\begin{matrix}" + " \\\\ ".join(rows) + "\\end{matrix}"
    # math, mrow, mstyle, mpadded, menclose, mtd, merror...: their children in order
    return "".join(_mml(k, depth + 1) for k in kids) if kids else " ".join(el.get_text().split())


# -- Word's Symbol font ----------------------------------------------------------------------

_SYMBOL_CHARS = {
    "a": "α", "b": "β", "c": "χ", "d": "δ", "e": "ε", "f": "φ", "g": "γ", "h": "η", "i": "ι",
    "j": "ϕ", "k": "κ", "l": "λ", "m": "μ", "n": "ν", "o": "ο", "p": "π", "q": "θ", "r": "ρ",
    "s": "σ", "t": "τ", "u": "υ", "v": "ϖ", "w": "ω", "x": "ξ", "y": "ψ", "z": "ζ",
    "A": "Α", "B": "Β", "C": "Χ", "D": "Δ", "E": "Ε", "F": "Φ", "G": "Γ", "H": "Η", "I": "Ι",
    "J": "ϑ", "K": "Κ", "L": "Λ", "M": "Μ", "N": "Ν", "O": "Ο", "P": "Π", "Q": "Θ", "R": "Ρ",
    "S": "Σ", "T": "Τ", "U": "Υ", "V": "ς", "W": "Ω", "X": "Ξ", "Y": "Ψ", "Z": "Ζ",
    '"': "∀", "$": "∃", "'": "∋", "*": "∗", "-": "−", "@": "≅", "\\": "∴", "^": "⊥", "~": "∼",
    "\xa1": "ϒ", "\xa2": "′", "\xa3": "≤", "\xa4": "⁄", "\xa5": "∞", "\xa6": "ƒ", "\xab": "↔",
    "\xac": "←", "\xad": "↑", "\xae": "→", "\xaf": "↓", "\xb0": "°", "\xb1": "±", "\xb2": "″",
    "\xb3": "≥", "\xb4": "×", "\xb5": "∝", "\xb6": "∂", "\xb7": "•", "\xb8": "÷", "\xb9": "≠",
    "\xba": "≡", "\xbb": "≈", "\xbc": "…", "\xc0": "ℵ", "\xc4": "⊗", "\xc5": "⊕", "\xc6": "∅",
    "\xc7": "∩", "\xc8": "∪", "\xc9": "⊃", "\xca": "⊇", "\xcb": "⊄", "\xcc": "⊂", "\xcd": "⊆",
    "\xce": "∈", "\xcf": "∉", "\xd0": "∠", "\xd1": "∇", "\xd5": "∏", "\xd6": "√", "\xd7": "⋅",
    "\xd8": "¬", "\xd9": "∧", "\xda": "∨", "\xdb": "⇔", "\xdc": "⇐", "\xdd": "⇑", "\xde": "⇒",
    "\xdf": "⇓", "\xe0": "◊", "\xe5": "∑", "\xf2": "∫",
}
SYMBOL_FONT = {ord(k): v for k, v in _SYMBOL_CHARS.items()}
# Word also writes Symbol-font characters in the private use area (U+F020-U+F0FF)
SYMBOL_FONT.update({0xF000 + ord(k): v for k, v in _SYMBOL_CHARS.items()})
"""str.translate table: text of a Symbol-font run -> the characters a reader sees."""

_SYMBOL_STYLE = re.compile(r"(?:^|;)font-family:[\"']?symbol[\"']?(?:;|,|$)|mso-char-type:symbol")


def is_symbol_font(style: str) -> bool:
    """True for a Word run set in the Symbol font (``style`` as :func:`html.style_of` gives it)."""
    return "symbol" in style and _SYMBOL_STYLE.search(style) is not None
