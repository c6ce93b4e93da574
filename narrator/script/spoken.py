"""What an engine must not get as written: links, identifiers, menu paths, tag names, blanks.

    >>> short_links("See https://en.wikipedia.org/wiki/Hermitian_matrix for more.")
    'See en dot wikipedia dot org for more.'
    >>> spoken_form("Set site_name, then choose File > Save.")
    'Set site name, then choose File, Save.'

All of it changes only ``Segment.spoken``: the reader sees links as written.
"""

from __future__ import annotations

import re

from narrator.normalize.addresses import AT, say_addresses, say_chars, say_host

__all__ = ["link_spans", "short_links", "spoken_form"]

_PATH = r"(?:[/?#](?:[^\s<>\"'，。、；（）()]|\([^\s()]*\))*)?"
_URL = re.compile(rf"\b(?:https?|ftp)://(?:www\.)?([A-Za-z0-9.-]+)(?::\d+)?{_PATH}"
                  rf"|\bwww\.([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+){_PATH}", re.IGNORECASE)
_EMAIL = re.compile(r"\b([A-Za-z0-9._%+&-]+)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)\b")
_TRAILING = ".,;:!?"


def short_links(text: str, lang: str = "en") -> str:
    """Bare URLs as their site name ("en dot wikipedia dot org"), e-mail addresses as "name at
    site", their punctuation said."""
    if "://" not in text and "www." not in text and "@" not in text:
        return text

    def url(m: re.Match[str]) -> str:
        whole = m.group()
        tail = ""
        while whole and whole[-1] in _TRAILING:  # "see https://x.org/a." keeps its full stop
            tail = whole[-1] + tail
            whole = whole[:-1]
        host = (m.group(1) or m.group(2) or "").rstrip(".")
        if not host:  # "ftp://." : a scheme talked about, said by say_addresses
            return m.group()
        return say_host(host, lang) + tail

    text = _URL.sub(url, text)
    return _EMAIL.sub(lambda m: f"{say_chars(m.group(1), lang)} {AT} {say_host(m.group(2), lang)}", text)


def link_spans(text: str) -> list[tuple[int, int, int]]:
    """Where ``text`` has bare URLs and e-mail addresses (without a trailing full stop or comma),
    and how many fewer characters each says than it shows (negative: more, "a@b" is "a at b"): shown as written, never cut, said
    short (:func:`short_links`)."""
    if "://" not in text and "www." not in text and "@" not in text:
        return []
    spans = []
    for m in [*_URL.finditer(text), *_EMAIL.finditer(text)]:
        end = m.end()
        while end > m.start() and text[end - 1] in _TRAILING:
            end -= 1
        said = len(short_links(text[m.start():end]))
        spans.append((m.start(), end, end - m.start() - said))  # < 0: "a@b" says "a at b"
    return sorted(spans)


_IDENT = re.compile(r"(?<=[^\W_])_+(?=[^\W_])")  # letters of any script: ϵ_values
_MENU = re.compile(r"(?<=\w) > (?=\w)")
_TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)\s*/?>")
_BLANK = re.compile(r"[_\uff3f]{3,}")
_BAR = re.compile(r"\s+\|{1,2}\s+")
_ASCII_ARROW = re.compile(r"\s*(?:-+>|=>)\s*")


# A symbol a lesson talks about ("separated with / on Unix, \\ on Windows", "使用 _ 作为分隔符"):
# standing alone, it is said by name, since engines skip it or read it as a pause.
_LONE_SYMBOL = re.compile(r"(?:(?<=[\s\"'“‘「`（(，、：:])|^)(\\\\|\\|\|\||\||_)"
                          r"(?=[\s\"'”’」`）)，。、；;:：.,!?]|$)")
_SYMBOL_NAMES = {
    "en": {"\\": "backslash", "\\\\": "double backslash", "|": "vertical bar", "||": "double vertical bar",
           "_": "underscore"},
    "zh": {"\\": "反斜杠", "\\\\": "双反斜杠", "|": "竖线", "||": "双竖线", "_": "下划线"},
}
# Mail-merge fields (TinyMCE merge tags "{*Client.Name*}", "*{client.company}*"): their name.
_MERGE_TAG = re.compile(r"\{\*\s*([A-Za-z][\w.]{0,60}?)\s*\*\}|\*\{([A-Za-z][\w.]{0,60}?)\}\*")
_COMPARE = re.compile(r"(?<=\w) ([<>]) (?=[\w(])")
_COMPARE_NAMES = {"en": {"<": "less than", ">": "greater than"}, "zh": {"<": "小于", ">": "大于"}}
_BREADCRUMB = re.compile(r"\s+>>\s+")
_WORD_BARS = re.compile(r"(?<=\w)\|(?=\w)")
_BAR_LIST = re.compile(r"\w+(?:\|\w+){2,}")  # "20190926|国贸|增长率": tags, a list


def spoken_form(text: str, lang: str = "en") -> str:
    """``text`` as an engine should get it: snake_case as words, "File > Save" as a list,
    "<video>" as "video", a blank to fill in ("____") as a short pause, a lone "\\" or "|" by its
    name ("backslash", "竖线")."""
    text = say_addresses(text, lang)
    if "|" in text and _BAR_LIST.search(text):
        comma = "，" if lang.startswith("zh") else ", "
        text = _BAR_LIST.sub(lambda m: _WORD_BARS.sub(comma, m.group()), text)
    if "{*" in text or "*{" in text:  # before snake_case: "{*first_name*}" is one field, braces and all
        text = _MERGE_TAG.sub(lambda m: (m.group(1) or m.group(2)).replace(".", " ").replace("_", " ").strip(), text)
    if "_" in text:
        text = _IDENT.sub(" ", text)
    if ">" in text or "<" in text:
        text = _BREADCRUMB.sub(", ", text)
        if _COMPARE.search(text) and any(ch.isdigit() for ch in text):
            # "while x < 100", "a > 0": a comparison; "File > Save" (no number) stays a menu path
            names = _COMPARE_NAMES["zh" if lang.startswith("zh") else "en"]
            text = _COMPARE.sub(lambda m: f" {names[m.group(1)]} ", text)
        text = _TAG_NAME.sub(r"\1", _MENU.sub(", ", text))
    if "_" in text or "\uff3f" in text:
        text = _BLANK.sub(",", text)
    if "|" in text:
        text = _BAR.sub(", ", text)  # "Degree | Date | School": a list, not a pipe
    if "->" in text or "=>" in text:
        text = _ASCII_ARROW.sub(" to ", text)
    if "\\" in text or "|" in text or "_" in text:
        names = _SYMBOL_NAMES["zh" if lang.startswith("zh") else "en"]
        text = _LONE_SYMBOL.sub(lambda m: names[m.group(1)], text)
    return text
