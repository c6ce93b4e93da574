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
_SUB = str.maketrans("0123456789+-=()", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎")
_SCRIPT = re.compile(r"([\^_])(?:\{([0-9n+\-=()]{1,4})\}|([0-9n]))")


@lru_cache(maxsize=1)
def _latex2text() -> Any:
    from pylatexenc.latex2text import LatexNodes2Text

    return LatexNodes2Text(math_mode="text", strict_latex_spaces=True)


_COMMAND = re.compile(r"\\([A-Za-z]+)")
# commands pylatexenc renders (environments, styles) though its database does not list them
_RENDERED = frozenset(("begin", "end", "displaystyle", "textstyle", "scriptstyle", "bm",
                       "boldsymbol", "overline", "left", "right", "operatorname"))


@lru_cache(maxsize=512)
def _known(name: str) -> bool:
    from pylatexenc import latex2text, latexwalker

    return (name in _RENDERED or latexwalker.get_default_latex_context_db().get_macro_spec(name) is not None
            or latex2text.get_default_latex_context_db().get_macro_spec(name) is not None)


def display(tex: str) -> str:
    """A Unicode rendering of ``tex`` for the reader: "x^{2} \\le \\frac{a}{b}" -> "x² ≤ a/b"."""
    ref = _REF.fullmatch(tex.strip())
    if ref:
        return "(" + ref.group(1) + ")"  # MathJax shows the equation's number; the label is all we have
    simple = _SCRIPT.sub(lambda m: (m.group(2) or m.group(3)).translate(
        _SUP if m.group(1) == "^" else _SUB), tex)
    # a command of the document's own (\uR) would vanish from the rendering: show its name
    simple = _COMMAND.sub(lambda m: m.group() if _known(m.group(1)) else m.group(1), simple)
    try:
        text = _latex2text().latex_to_text(simple)
    except Exception:  # pylatexenc is tolerant; never let a rendering stop a narration
        text = tex
    text = " ".join(text.split())
    return text or tex
