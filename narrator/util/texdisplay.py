"""A formula as the reader sees it: TeX rendered in Unicode ("x^{2} \\le \\frac{a}{b}" -> "x² ≤ a/b").

The parser shows every formula this way, and the maths speech falls back to it for a language
it has no words for; both stages use this one rendering (it is neither's own).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

__all__ = ["display"]

_REF = re.compile(r"\\(?:eq)?ref\{([^{}]*)\}")
_SUP = str.maketrans("0123456789+-=()n", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿ")
_SUB = str.maketrans("0123456789+-=()n", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₙ")
_SCRIPT = re.compile(r"([\^_])(?:\{([0-9n+\-=()]{1,4})\}|([0-9n]))")


@lru_cache(maxsize=1)
def _latex2text() -> Any:
    from pylatexenc.latex2text import LatexNodes2Text

    return LatexNodes2Text(math_mode="text", strict_latex_spaces=True)


_COMMAND = re.compile(r"\\([A-Za-z]+)\s*((?:\{(?:[^{}]|\{[^{}]*\})*\}\s*)*)")
_GROUP = re.compile(r"\{((?:[^{}]|\{[^{}]*\})*)\}")
# commands pylatexenc renders (environments, styles) though its database does not list them
_RENDERED = frozenset(("begin", "end", "displaystyle", "textstyle", "scriptstyle", "bm",
                       "boldsymbol", "overline", "left", "right", "operatorname"))


@lru_cache(maxsize=512)
def _known(name: str) -> bool:
    from pylatexenc import latex2text, latexwalker

    return (name in _RENDERED or latexwalker.get_default_latex_context_db().get_macro_spec(name) is not None
            or latex2text.get_default_latex_context_db().get_macro_spec(name) is not None)


def _own_commands(tex: str) -> str:
    """Commands the renderer does not know, as their names with their arguments apart: a name
    glued to its argument ("\\SI{2}{kg}" shown "SI2kg") reads as neither."""

    def one(m: re.Match[str]) -> str:
        args = m.group(2)
        if _known(m.group(1)):
            return m.group()[:len(m.group()) - len(args)] + _own_commands(args)
        said = [m.group(1)] + [_own_commands(g) for g in _GROUP.findall(args)]
        return " " + " ".join(said) + " "

    return _COMMAND.sub(one, tex)


def display(tex: str) -> str:
    """A Unicode rendering of ``tex`` for the reader: "x^{2} \\le \\frac{a}{b}" -> "x² ≤ a/b"."""
    ref = _REF.fullmatch(tex.strip())
    if ref:
        return "(" + ref.group(1) + ")"  # MathJax shows the equation's number; the label is all we have
    simple = _SCRIPT.sub(lambda m: (m.group(2) or m.group(3)).translate(
        _SUP if m.group(1) == "^" else _SUB), tex)
    # a command of the document's own (\uR) would vanish from the rendering: show its name
    simple = _own_commands(simple)
    try:
        text = _latex2text().latex_to_text(simple)
    except Exception:  # pylatexenc is tolerant; never let a rendering stop a narration
        text = tex
    text = " ".join(text.split())
    return text or tex
