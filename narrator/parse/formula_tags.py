"""Elements that are formulas, whatever draws them: MathML <math>, MathJax 2's
<script type="math/tex"> sources (and the MathML copies it puts beside them), and elements whose
formula is in an attribute (data-latex...). maths.py turns what they hold into TeX."""

from __future__ import annotations

import re
from typing import Any

from narrator.parse.elements import classes_of
from narrator.parse.maths import formula_of

__all__ = ["attribute_formula", "formula_tag", "mathml_tex"]

_FORMULA_ATTRS = frozenset(("data-latex", "data-tex", "data-value", "formula", "data-formula",
                            "data-mathml"))
_MATHJAX_SCRIPT = re.compile(r"^math/(tex|mml)", re.IGNORECASE)


def formula_tag(node: Any, name: str) -> str:
    """"read" for a <math> element or MathJax 2's <script type="math/tex"> source,
    "duplicate" for a copy of a formula read elsewhere, "" for anything else."""
    if name == "script":
        kind = node.attrs.get("type") if node.attrs else None
        return "read" if isinstance(kind, str) and _MATHJAX_SCRIPT.match(kind) else ""
    # MathJax 2 puts a MathML copy beside the <script> that holds the source: read it once
    p = node.parent
    for _ in range(3):
        if p is None:
            break
        if "MJX_Assistive_MathML" in ((p.attrs or {}).get("class") or ()):
            return "duplicate"
        p = p.parent
    return "read"


def mathml_tex(node: Any, name: str) -> tuple[str, bool]:
    """The TeX of a formula_tag "read" element ("" when it has none), and whether it is displayed
    apart from the text around it."""
    from narrator.parse.maths import mathml_string_to_tex, mathml_to_tex

    if name == "script":
        source = node.get_text().strip()
        tex = mathml_string_to_tex(source) if "mml" in str(node.attrs.get("type")) else source
    else:
        tex = mathml_to_tex(node)
    # MathJax 2 says "math/tex; mode=display"; MathML says display="block"
    attrs = node.attrs or {}
    shown = str(attrs.get("display") or "").strip().lower() == "block"
    return tex or "", shown or "display" in str(attrs.get("type") or "")


def attribute_formula(node: Any, name: str) -> str:
    """The TeX of an element whose formula is in an attribute (its children are only a rendering
    of it), or ""; never for an image (maths.tex_alt reads those)."""
    if not node.attrs or _FORMULA_ATTRS.isdisjoint(node.attrs) or name == "img":
        return ""
    return formula_of(node, name, classes_of(node)) or ""
