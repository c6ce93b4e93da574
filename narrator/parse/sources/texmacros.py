"""TeX macros a page defines for MathJax (``$$ \\newcommand{\\half}{\\frac{1}{2}} $$``).

A block that only defines macros shows nothing on the page, so it is not read; the macros are
expanded where formulas use them, so that ``\\half`` is heard as "one half", not "half".
"""

from __future__ import annotations

import re
from typing import Any

from narrator.values import Skipped

__all__ = ["define_and_expand"]

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
