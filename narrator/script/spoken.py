"""What an engine must not get as written: links, identifiers, menu paths, tag names, blanks.

    >>> short_links("See https://en.wikipedia.org/wiki/Hermitian_matrix for more.")
    'See en.wikipedia.org for more.'
    >>> spoken_form("Set site_name, then choose File > Save.")
    'Set site name, then choose File, Save.'

``short_links`` changes what the reader sees too (a 300-character URL is no sentence); the rest
changes only ``Segment.spoken``.
"""

from __future__ import annotations

import re

__all__ = ["short_links", "spoken_form"]

_PATH = r"(?:[/?#](?:[^\s<>\"'，。、；（）()]|\([^\s()]*\))*)?"
_URL = re.compile(rf"\b(?:https?|ftp)://(?:www\.)?([A-Za-z0-9.-]+)(?::\d+)?{_PATH}"
                  rf"|\bwww\.([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+){_PATH}", re.IGNORECASE)
_EMAIL = re.compile(r"\b([A-Za-z0-9._%+-]+)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)\b")
_TRAILING = ".,;:!?"


def short_links(text: str) -> str:
    """Bare URLs as their site name ("en.wikipedia.org"), e-mail addresses as "name at site"."""
    if "://" not in text and "www." not in text and "@" not in text:
        return text

    def url(m: re.Match[str]) -> str:
        whole = m.group()
        tail = ""
        while whole and whole[-1] in _TRAILING:  # "see https://x.org/a." keeps its full stop
            tail = whole[-1] + tail
            whole = whole[:-1]
        host = (m.group(1) or m.group(2) or "").rstrip(".")
        return host + tail

    text = _URL.sub(url, text)
    return _EMAIL.sub(lambda m: f"{m.group(1)} at {m.group(2)}", text)


_IDENT = re.compile(r"(?<=[^\W_])_+(?=[^\W_])")  # letters of any script: ϵ_values
_MENU = re.compile(r"(?<=\w) > (?=\w)")
_TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)\s*/?>")
_BLANK = re.compile(r"[_\uff3f]{3,}")
_BAR = re.compile(r"\s+\|{1,2}\s+")
_ASCII_ARROW = re.compile(r"\s*(?:-+>|=>)\s*")


def spoken_form(text: str) -> str:
    """``text`` as an engine should get it: snake_case as words, "File > Save" as a list,
    "<video>" as "video", a blank to fill in ("____") as a short pause."""
    if "_" in text:
        text = _IDENT.sub(" ", text)
    if ">" in text or "<" in text:
        text = _TAG_NAME.sub(r"\1", _MENU.sub(", ", text))
    if "_" in text or "\uff3f" in text:
        text = _BLANK.sub(",", text)
    if "|" in text:
        text = _BAR.sub(", ", text)  # "Degree | Date | School": a list, not a pipe
    if "->" in text or "=>" in text:
        text = _ASCII_ARROW.sub(" to ", text)
    return text
