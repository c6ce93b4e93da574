"""TeX a page leaves for MathJax to typeset: macro definitions and equation references.

A block that only defines macros (``$$ \\newcommand{\\half}{\\frac{1}{2}} $$``) shows nothing on
the page, so it is not read; the macros are expanded where formulas use them, so that ``\\half``
is heard as "one half", not "half" (:func:`define_and_expand`). Equation numbers, \\label,
\\ref, \\eqref and \\tag are resolved as MathJax shows them (:func:`number_equations`).
"""

from __future__ import annotations

import re
from typing import Any

from narrator.values import Skipped

__all__ = ["define_and_expand", "number_equations", "tag_mode", "tex_nodes"]

_DEF = re.compile(r"\\(?:re)?newcommand\s*\{?\s*\\([A-Za-z]+)\s*\}?\s*(?:\[(\d)\])?\s*(?:\[[^\]]*\])?\s*\{")
_DELIMS = re.compile(r"^\s*(?:\$\$|\\\[)?(.*?)(?:\$\$|\\\])?\s*$", re.DOTALL)
# font sizes are typography: "\\uex" is heard "u sub e", not "u sub small e"
_SIZES = re.compile(r"\\(?:tiny|scriptsize|footnotesize|small|normalsize|large|Large|LARGE|huge|Huge)(?![A-Za-z])\s*")
_MAX_EXPANSIONS = 2000  # a macro defined in terms of itself must not loop


def _group(text: str, start: int) -> int:
    """The index after the brace group opening at ``text[start] == "{"`` (-1 if unbalanced)."""
    depth = 0
    for i in range(start, len(text)):
        if text[i] == "{" and (i == 0 or text[i - 1] != "\\"):
            depth += 1
        elif text[i] == "}" and text[i - 1] != "\\":
            depth -= 1
            if depth == 0:
                return i + 1
    return -1


def parse_definitions(text: str) -> dict[str, tuple[int, str]] | None:
    """The macros of a text made only of \\newcommand definitions, else None."""
    inner = _DELIMS.match(text)
    body = inner.group(1) if inner else text
    macros: dict[str, tuple[int, str]] = {}
    pos = 0
    while True:
        rest = body[pos:]
        if not rest.strip():
            return macros or None
        m = _DEF.match(rest.lstrip())
        if m is None:
            return None
        start = pos + (len(rest) - len(rest.lstrip())) + m.end() - 1
        end = _group(body, start)
        if end < 0:
            return None
        macros[m.group(1)] = (int(m.group(2) or 0), _SIZES.sub("", body[start + 1:end - 1]))
        pos = end


def expand(text: str, macros: dict[str, tuple[int, str]]) -> str:
    """``text`` with each use of the macros replaced by its definition (arguments in braces)."""
    if not macros:
        return text
    names = re.compile(r"\\(" + "|".join(sorted(map(re.escape, macros), key=len, reverse=True)) + r")(?![A-Za-z])")
    for _ in range(_MAX_EXPANSIONS):
        m = names.search(text)
        if m is None:
            break
        arity, body = macros[m.group(1)]
        end = m.end()
        args: list[str] = []
        for _n in range(arity):
            while end < len(text) and text[end] == " ":
                end += 1
            if end < len(text) and text[end] == "{":
                close = _group(text, end)
                if close < 0:
                    break
                args.append(text[end + 1:close - 1])
                end = close
            elif end < len(text):
                args.append(text[end])
                end += 1
        for k, arg in enumerate(args, 1):
            body = body.replace(f"#{k}", arg)
        # grouped, so that "\\half^2" squares the half; "{{" would read as template syntax
        if not (body.startswith("{") and _group(body, 0) == len(body)):
            body = "{" + body + "}"
        text = text[:m.start()] + body + text[end:]
    return text


def define_and_expand(soup: Any) -> list[Skipped]:
    """Take out text that only defines TeX macros and expand those macros in the page's text."""
    from bs4 import NavigableString

    macros: dict[str, tuple[int, str]] = {}
    skipped: list[Skipped] = []
    for node in list(soup.find_all(string=re.compile(r"\\(?:re)?newcommand"))):
        if type(node) is not NavigableString or node.parent is None or node.parent.name in ("script", "style"):
            continue
        found = parse_definitions(str(node))
        if found is None:
            continue
        macros.update(found)
        skipped.append(Skipped(node.parent.name or "text", "TeX macro definitions",
                               "definitions MathJax uses to typeset the formulas; they show nothing",
                               len(str(node).strip())))
        node.extract()
    if macros:
        for node in list(soup.find_all(string=re.compile(r"\\[A-Za-z]"))):
            if type(node) is NavigableString and node.parent is not None and node.parent.name not in ("script", "style"):
                new = expand(str(node), macros)
                if new != str(node):
                    node.replace_with(new)
    return skipped


# -- equation numbers, labels and references ------------------------------------------------
#
# MathJax numbers a page's displayed equations as LaTeX does and resolves \label, \ref, \eqref
# and \tag when it typesets them; the page's text holds only the TeX. A listener must hear
# what the reader sees: "equation (1)" where the TeX says \eqref{eq:first}, the tag's own text
# for \tag{Condition A}, and never the label's name.

# environments that number their rows (each row of the multi-row ones), as amsmath does
_NUMBERED = frozenset(("equation", "align", "gather", "multline", "alignat", "flalign", "eqnarray",
                       "xalignat"))
_MULTI_ROW = frozenset(("align", "gather", "alignat", "flalign", "eqnarray", "xalignat"))
# tex4ht writes "\begin {equation}" and "\label {eq}": the space is TeX's, not the author's
_SPACED = re.compile(r"\\(begin|end|label|tag\*?|ref|eqref|nonumber|notag)\s+(?=\{)")
_ENV = re.compile(r"\\begin\{([A-Za-z]+)(\*?)\}")
_LABEL = re.compile(r"\\label\s*\{([^{}]*)\}")
_TAG = re.compile(r"\\tag(\*?)\s*\{((?:[^{}]|\{[^{}]*\})*)\}")
_NO_NUMBER = re.compile(r"\\(?:nonumber|notag)(?![A-Za-z])")
_REFS = re.compile(r"\\(eq)?ref\s*\{([^{}]*)\}")
_MODE = re.compile(r"""\btags\s*:\s*['"](ams|all|none)['"]|\bautoNumber\s*:\s*['"](AMS|all|none)['"]""",
                   re.IGNORECASE)
# what is left of a formula that only cites: \mathrm{(\ref{A})} -> "(1)"
_WRAPPERS = re.compile(r"\\(?:mathrm|text|textrm|textnormal|mbox|rm)\s*|[{}\s]")
# the sentence already names the equation (in a language MathJax pages are written in): the
# reference is the number alone ("Gleichung (1)", "式 (1)"), not "Gleichung Gleichung (1)"
_EQUATION_WORD = re.compile(
    r"(?:equations?|eqs?\.?|formula[se]?|formeln?|gl\.|gleichung\w*|équations?|éq\.|ecuaci[oó]n(?:es)?|ec\.|"
    r"equazion[ei]|equaç(?:ão|ões)|vergelijking(?:en)?|yhtälö\w*|ekvation\w*|ligning\w*|likning\w*|"
    r"równani\w+|rovnic\w*|уравнени\w+|рівнянн\w+|式|方程|식|\(|[-–—]|\band)\s*$", re.IGNORECASE)
# what an \eqref is called in the page's language ("由式 (1) 可得", "aus Gleichung (1)"); English
# for a language not listed
_WORD_FOR = {"en": "equation", "zh": "式", "ja": "式", "ko": "식", "de": "Gleichung", "fr": "équation",
             "es": "ecuación", "it": "equazione", "pt": "equação", "nl": "vergelijking", "fi": "yhtälö",
             "sv": "ekvation", "da": "ligning", "nb": "likning", "no": "likning", "nn": "likning",
             "pl": "równanie", "cs": "rovnice", "ru": "уравнение", "uk": "рівняння"}
_HAN = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_LATIN_WORD = re.compile(r"[^\W\d_]{2,}")
_SKIP_PARENTS = frozenset(("script", "style", "pre", "code", "kbd", "samp", "tt", "textarea", "var"))


def _rows(body: str) -> list[str]:
    """The rows of an alignment: ``body`` split at each ``\\\\`` that is not inside a brace group
    or a nested environment (an ``aligned`` or ``cases`` inside is one row's content)."""
    rows: list[str] = []
    depth = 0
    start = i = 0
    while i < len(body):
        c = body[i]
        if c == "\\":
            if body.startswith("\\\\", i) and depth == 0:
                rows.append(body[start:i])
                i += 2
                start = i
                continue
            if body.startswith("\\begin{", i):
                depth += 1
            elif body.startswith("\\end{", i):
                depth -= 1
            i += 2
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        i += 1
    rows.append(body[start:])
    return rows


def _shown(tex: str, delimiter: str, mode: str, counter: list[int]) -> list[tuple[list[str], str]]:
    """(labels, shown number) of each numbered or tagged row of one formula, in order; advances
    ``counter[0]`` as MathJax does. ``delimiter`` is "env" for an environment written in the text,
    "display" for $$ and \\[, "inline" otherwise."""
    if delimiter == "inline":
        return []
    numbered = mode == "all" if delimiter == "display" else False
    rows = [tex]
    env = _ENV.match(tex) if delimiter == "env" else None
    if env is not None:
        name, star = env.group(1), env.group(2)
        numbered = mode != "none" and name in _NUMBERED and not star
        body = tex[env.end():]
        body = re.sub(r"\\end\{" + re.escape(name) + r"\*?\}\s*$", "", body)
        rows = _rows(body) if name in _MULTI_ROW else [body]
    out: list[tuple[list[str], str]] = []
    for row in rows:
        labels = _LABEL.findall(row)
        tag = _TAG.search(row)
        if tag is not None:
            out.append((labels, tag.group(2).strip() if tag.group(1) else f"({tag.group(2).strip()})"))
        elif numbered and not _NO_NUMBER.search(row) and row.strip():
            counter[0] += 1
            out.append((labels, f"({counter[0]})"))
    return out


def tex_nodes(soup: Any) -> list[Any]:
    """The page's text nodes that may hold TeX for MathJax (not code, scripts or comments)."""
    from bs4 import NavigableString

    out = []
    for node in soup.find_all(string=re.compile(r"\\|\$\$")):
        if type(node) is not NavigableString or node.parent is None:
            continue
        if any(p.name in _SKIP_PARENTS for p in node.parents if p is not None):
            continue
        out.append(node)
    return out


def _delimiter(whole: str) -> str:
    if whole.startswith("\\begin"):
        return "env"
    if whole.startswith("$$") or whole.startswith("\\["):
        return "display"
    return "inline"


def tag_mode(soup: Any) -> str:
    """How the page's MathJax numbers equations ("ams", "all" or "none"), from its configuration
    script; "ams" (LaTeX's own rule) when the page does not say."""
    for script in soup.find_all("script"):
        m = _MODE.search(script.get_text())
        if m is not None:
            return (m.group(1) or m.group(2)).lower()
    return "ams"


def number_equations(soup: Any, mode: str | None = None) -> None:
    """Resolve MathJax's equation machinery in the page's TeX as the reader sees it typeset:
    \\label and \\nonumber are taken out of the formulas, a labelled or tagged display is followed
    by its number or tag ("(1)", "(Condition A)"), and \\ref / \\eqref become that number, said
    as "equation (1)" where the sentence does not already say "equation" (in the page's language:
    "Gleichung (1)", "式 (1)"). A reference to a
    label the page never defines is left as it is (MathJax shows "???")."""
    from narrator.parse.maths import find_tex

    mode = mode or tag_mode(soup)
    nodes = tex_nodes(soup)
    texts = [_SPACED.sub(r"\\\1", str(n)) for n in nodes]
    numbers: dict[str, str] = {}
    counter = [0]
    found = [find_tex(t) for t in texts]
    for text, spans in zip(texts, found):
        for start, end, tex in spans:
            for labels, shown in _shown(tex, _delimiter(text[start:end]), mode, counter):
                for label in labels:
                    numbers[label] = shown
    counter = [0]
    for node, text, spans in zip(nodes, texts, found):
        out: list[str] = []
        at = 0
        word = _equation_word(node, text) if spans and numbers else _WORD_FOR["en"]
        for start, end, tex in spans:
            out.append(text[at:start])
            whole = text[start:end]
            delimiter = _delimiter(whole)
            rows = _shown(tex, delimiter, mode, counter)
            out.append(_rewrite(whole, tex, numbers, "".join(out), word))
            said = [shown for labels, shown in rows if labels or _TAG.search(tex)]
            if said:
                out.append(" " + ", ".join(said))
            at = end
        out.append(text[at:])
        new = "".join(out)
        if new != str(node):
            node.replace_with(new)


def _equation_word(node: Any, text: str) -> str:
    """The word for "equation" in the language of the text ``node`` is in: its nearest lang
    attribute, else Chinese, Japanese or Korean when those characters outnumber the words in
    other scripts, else English."""
    from narrator.parse.elements import lang_of

    for parent in node.parents:
        lang = lang_of(parent) if parent is not None else None
        if lang:
            return _WORD_FOR.get(lang, _WORD_FOR["en"])
    han = len(_HAN.findall(text))
    if han + len(_HANGUL.findall(text)) > len(_LATIN_WORD.findall(_tex_free(text))):
        if _HANGUL.search(text) and not han:
            return _WORD_FOR["ko"]
        return _WORD_FOR["ja"] if _KANA.search(text) else _WORD_FOR["zh"]
    return _WORD_FOR["en"]


def _tex_free(text: str) -> str:
    """``text`` without TeX commands (their names are no words of the sentence)."""
    return re.sub(r"\\[A-Za-z]+\s*(?:\{[^{}]*\})?", " ", text)


def _rewrite(whole: str, tex: str, numbers: dict[str, str], before: str, word: str = "equation") -> str:
    """One formula with its labels, tags and \\nonumber taken out and its references resolved;
    a formula that only cites an equation becomes the plain text of the citation."""

    def ref(m: re.Match[str]) -> str:
        shown = numbers.get(m.group(2).strip())
        if shown is None:
            return m.group()
        bare = shown[1:-1] if shown.startswith("(") and shown.endswith(")") else shown
        return f"({bare})" if m.group(1) else bare

    new = _LABEL.sub("", tex)
    new = _TAG.sub("", new)
    new = _NO_NUMBER.sub("", new)
    new = _REFS.sub(ref, new)
    if _REFS.search(tex) and "\\" not in _WRAPPERS.sub("", new) and re.fullmatch(
            r"[\w.:()\- ,–]+", _WRAPPERS.sub("", new) or "-"):
        cited = " ".join(_WRAPPERS.sub(" ", new).split())
        cited = cited.replace("( ", "(").replace(" )", ")")
        if "(" in cited and not _EQUATION_WORD.search(before):  # an eqref, shown in parentheses
            return f"{word} {cited}"
        return cited
    if new == tex:
        return whole
    return whole.replace(tex, new.strip(), 1)
