"""What an engine must not get as written: links, identifiers, menu paths, tag names, blanks.

    >>> short_links("See https://en.wikipedia.org/wiki/Hermitian_matrix for more.")
    'See en.wikipedia.org for more.'
    >>> spoken_form("Set site_name, then choose File > Save.")
    'Set site name, then choose File, Save.'

All of it changes only ``Segment.spoken``: the reader sees links as written.
"""

from __future__ import annotations

import re

__all__ = ["link_spans", "say_addresses", "say_file", "say_host", "short_links", "spoken_form"]

_PATH = r"(?:[/?#](?:[^\s<>\"'，。、；（）()]|\([^\s()]*\))*)?"
_URL = re.compile(rf"\b(?:https?|ftp)://(?:www\.)?([A-Za-z0-9.-]+)(?::\d+)?{_PATH}"
                  rf"|\bwww\.([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+){_PATH}", re.IGNORECASE)
_EMAIL = re.compile(r"\b([A-Za-z0-9._%+&-]+)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)\b")
_TRAILING = ".,;:!?"


# said as words ("dot com"); other top-level domains are spelled ("dot D E")
_WORD_TLDS = frozenset("com org net edu gov mil info biz".split())
_TLD = (r"(?:com|org|net|edu|gov|mil|int|info|biz|io|ai|app|dev|co|uk|us|de|fr|it|es|nl|eu|cn|jp|kr"
        r"|tw|hk|ru|br|in|au|ca|ch|se|no|fi|dk|pl|cz|at|be|ie|nz|sg|sm|me|tv|ly)")
_DOMAIN = re.compile(rf"(?<![\w@./-])((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+{_TLD})(?![\w@-]|\.\w)"
                     r"(?:/[^\s<>\"'，。、；（）()]*[^\s<>\"'，。、；（）().,;:!?])?")  # a path is not said
# file names with the extensions lessons mention; paths: /etc/hosts, ./run.sh, docs/build/intro.html
_EXT = (r"(?:html?|xhtml|css|js|mjs|ts|json|xml|ya?ml|toml|ini|cfg|csv|tsv|txt|md|rst|tex|bib|pdf"
        r"|docx?|odt|rtf|pptx?|xlsx?|ods|epub|png|jpe?g|gif|svg|webp|bmp|tiff?|mp3|mp4|m4a|wav|ogg"
        r"|webm|avi|mov|zip|gz|tar|7z|py|ipynb|r|rmd|java|c|h|cpp|hpp|cs|go|rs|rb|php|sh|bat|ps1|sql"
        r"|exe|dll|so|jar|log)")
_FILE = re.compile(rf"(?<![\w@./-])([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*)\.({_EXT})(?![\w-]|\.\w)",
                   re.IGNORECASE)
_FILE_PATH = re.compile(r"(?<![\w/:.~-])(?:~|\.{1,2})?/?(?:[A-Za-z0-9_.-]+/)+(?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?"
                   r"(?![\w/]|\.\w)")
_WORD_SLASH = re.compile(r"(?<![\w/.])([A-Za-z]{3,}|and|he) ?/ ?([A-Za-z]{3,}|or|he)(?![\w/])")
_SCHEME = re.compile(r"\b(https?|ftp)://(?![A-Za-z0-9])", re.IGNORECASE)
_OR_PAIRS = frozenset((("his", "her"), ("he", "she"), ("her", "his"), ("him", "her"), ("her", "him"), ("she", "he"),
                       ("himself", "herself"), ("herself", "himself")))
_SAY = {"en": {".": "dot", "/": "slash", "-": "dash", "_": "underscore", "@": "at", "+": "plus",
               "&": "ampersand", "~": "tilde"},
        "zh": {".": "点", "/": "斜杠", "-": "杠", "_": "下划线", "@": "at", "+": "加", "&": "和",
               "~": "波浪号"}}


def _say_chars(text: str, lang: str) -> str:
    """An address or path with its punctuation said: "a.bc-d" is "a dot bc dash d"."""
    names = _SAY["zh" if lang.startswith("zh") else "en"]
    return " ".join(re.sub(r"[./@+&~_-]", lambda m: f" {names[m.group()]} ", text).split())


def say_host(host: str, lang: str = "en") -> str:
    """A site's name as said: "en.wikipedia.org" is "en dot wikipedia dot org", "x.de" "x dot D E"."""
    *labels, tld = host.split(".")
    tld = tld if tld.lower() in _WORD_TLDS or len(tld) > 3 else tld.upper()
    return _say_chars(".".join(labels), lang) + (f" {_SAY['zh' if lang.startswith('zh') else 'en']['.']} "
                                                 + tld if labels else tld)


def say_file(name: str, ext: str, lang: str = "en") -> str:
    """A file name as said: "intro.html" is "intro dot H T M L", "notes.pdf" "notes dot P D F"."""
    return f"{_say_chars(name, lang)} {_SAY['zh' if lang.startswith('zh') else 'en']['.']} {ext.upper()}"


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
        return say_host(host, lang) + tail

    text = _URL.sub(url, text)
    at = _SAY["zh" if lang.startswith("zh") else "en"]["@"]
    return _EMAIL.sub(lambda m: f"{_say_chars(m.group(1), lang)} {at} {say_host(m.group(2), lang)}", text)


def say_addresses(text: str, lang: str = "en") -> str:
    """Site names, file names and paths of running text said with their punctuation
    ("nvidia.com", "intro.html", "docs/intro.html", "/etc/hosts"), and "input/output" with its slash."""
    if "://" in text:
        text = text.replace("file://", "")  # a local file's address: said as its path
        # a scheme talked about ("you lose the http://"): its letters and punctuation
        text = _SCHEME.sub(lambda m: f"{m.group(1).upper()} {_colon_slashes(lang)}", text)
    if "." in text:
        text = _DOMAIN.sub(lambda m: say_host(m.group(1), lang), text)
    if "/" in text:
        text = _FILE_PATH.sub(lambda m: _path(m, lang), text)
        text = _WORD_SLASH.sub(lambda m: _word_slash(m, lang), text)
    if "." in text:
        text = _FILE.sub(lambda m: say_file(m.group(1), m.group(2), lang) if _is_file(m) else m.group(), text)
    return text


def _colon_slashes(lang: str) -> str:
    return "冒号 斜杠 斜杠" if lang.startswith("zh") else "colon slash slash"


def _is_file(m: re.Match[str]) -> bool:
    """A file name, not an abbreviation: "1234b.c." is a year, "B.C." an era, "U.S.C." a code;
    a one-letter extension (main.c) is written in lower case."""
    name, ext = m.group(1), m.group(2)
    return sum(ch.isalpha() for ch in name) > 1 and (len(ext) > 1 or ext.islower()) and \
        len(name.split(".")[-1]) > 1


def _path(m: re.Match[str], lang: str) -> str:
    """A path said, unless it is a date (11/02/2016), a fraction or a unit (km/h)."""
    path = m.group()
    parts = [p for p in path.split("/") if p]
    slashes = path.count("/")
    if not any(ch.isalpha() for ch in path) or (
            slashes < 2 and path[0] not in "/.~" and not _FILE.fullmatch(parts[-1] if parts else "")):
        return path
    names = _SAY["zh" if lang.startswith("zh") else "en"]
    said = []
    for k, part in enumerate(path.split("/")):
        if k:
            said.append(names["/"])
        if part:
            f = _FILE.fullmatch(part)
            said.append(say_file(f.group(1), f.group(2), lang) if f else _say_chars(part, lang))
    return " ".join(said)


def _word_slash(m: re.Match[str], lang: str) -> str:
    """"input/output" said with its slash, "and/or" as "and or"; "5 kcal/mol" is a unit, left
    to normalize."""
    if m.string[:m.start()].rstrip()[-1:].isdigit():
        return m.group()
    pair = (m.group(1).lower(), m.group(2).lower())
    if pair == ("and", "or"):
        return "and or"
    if pair in _OR_PAIRS and not lang.startswith("zh"):
        return f"{m.group(1)} or {m.group(2)}"  # "his/her" is "his or her"
    return f"{m.group(1)} {_SAY['zh' if lang.startswith('zh') else 'en']['/']} {m.group(2)}"


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
    if "_" in text:
        text = _IDENT.sub(" ", text)
    if "{*" in text or "*{" in text:
        text = _MERGE_TAG.sub(lambda m: (m.group(1) or m.group(2)).replace(".", " ").replace("_", " "), text)
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
