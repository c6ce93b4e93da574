"""Sites, file names and paths said with their punctuation, as a reader says them aloud.

    >>> say_addresses("Open nvidia.com, then docs/intro.html and input/output.")
    'Open nvidia dot com, then docs slash intro dot HTML and input slash output.'

A reference's identifiers (DOI, PMID, ISBN...) are said by their name alone
(:func:`say_identifiers`), and never cut inside (:func:`identifier_spans`).

Used by the planner on a segment's spoken form (after links are cut to their site) and by
``--verify`` on what the recognizer heard, so both meet. Only ASCII names are matched: Chinese
text around them is left as it is, and the words said are Chinese in a Chinese segment.
"""

from __future__ import annotations

import re

__all__ = ["AT", "has_identifier", "identifier_spans", "is_doi", "say_addresses", "say_chars", "say_file",
           "say_host", "say_identifiers"]

AT = "at"  # "@" in both languages: Chinese readers say "at" too
# said as words ("dot com"); other short top-level domains in capitals, which engines spell ("dot DE")
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
_SCHEME = re.compile(r"\b(https?|ftps?|ssh|file|git)://(?![A-Za-z0-9])", re.IGNORECASE)
_SPELLED_SCHEMES = frozenset(("http", "https", "ftp", "ftps", "ssh"))  # letter by letter; file, git as words
_OR_PAIRS = frozenset((("his", "her"), ("he", "she"), ("her", "his"), ("him", "her"), ("her", "him"), ("she", "he"),
                       ("himself", "herself"), ("herself", "himself")))
_SAY = {"en": {".": "dot", "/": "slash", "-": "dash", "_": "underscore", "@": "at", "+": "plus",
               "&": "ampersand", "~": "tilde"},
        "zh": {".": "点", "/": "斜杠", "-": "杠", "_": "下划线", "@": "at", "+": "加", "&": "和",
               "~": "波浪号"}}


# The identifiers of a reference: a DOI, PubMed and PubMed Central numbers, ISBN, ISSN, arXiv,
# OCLC, S2CID, JSTOR, a Bibcode. Said by their name alone, like a link by its site: a listener
# cannot use "ten point one one one eight slash one point three two six..." heard aloud (it is
# shown in the text and the read-along page), and ten seconds of digits per reference bury the
# authors and the title a listener can use.
_DOI = r"10\.[0-9]{4,9}/[^\s\"<>]*[^\s\"<>.,;:)\]]"  # the name of a DOI, after "doi:"
_IDENTIFIER = re.compile(
    r"\b(?:(doi|DOI)\s*:?\s*" + _DOI +
    r"|(PMID|PMCID|PMC|OCLC|S2CID|JSTOR)\s*:?\s*(?:PMC)?[0-9]{4,12}\b"
    r"|(ISBN)(?:-1[03])?\s*:?\s*(?=[0-9Xx -]{10,17}\b)[0-9][0-9 -]{8,15}[0-9Xx]\b"
    r"|(ISSN)\s*:?\s*[0-9]{4}-?[0-9]{3}[0-9Xx]\b"
    r"|(arXiv)\s*:\s*(?:[0-9]{4}\.[0-9]{4,5}|[a-z-]+(?:\.[A-Z]{2})?/[0-9]{7})(?:v[0-9]+)?\b"
    r"|(Bibcode)\s*:?\s*[0-9]{4}[A-Za-z&.]\S{14})")

_IDENTIFIER_HINT = re.compile(r"doi|DOI|PM|IS[BS]N|arXiv|OCLC|S2CID|JSTOR|Bibcode")
_BARE_DOI = re.compile(r"\s*" + _DOI + r"\s*")


def has_identifier(text: str) -> bool:
    """Could ``text`` hold an identifier :func:`say_identifiers` shortens? (a cheap look)"""
    return _IDENTIFIER_HINT.search(text) is not None


def is_doi(text: str) -> bool:
    """Is ``text`` a DOI's name alone ("10.1007/978-3-319-68474-1_13")?"""
    return _BARE_DOI.fullmatch(text) is not None


def say_identifiers(text: str) -> str:
    """A reference's identifiers said by their name alone: "doi:10.1118/1.3267037" is "DOI",
    "PMID 20175497" is "PMID" (see ``_IDENTIFIER`` for why)."""
    if _IDENTIFIER_HINT.search(text) is None:
        return text
    return _IDENTIFIER.sub(_identifier_name, text)


def identifier_spans(text: str) -> list[tuple[int, int, int]]:
    """(start, end, characters not said) of each identifier :func:`say_identifiers` shortens:
    never cut inside, measured by what is said."""
    if _IDENTIFIER_HINT.search(text) is None:
        return []
    return [(m.start(), m.end(), m.end() - m.start() - len(_identifier_name(m)))
            for m in _IDENTIFIER.finditer(text)]


def _identifier_name(m: re.Match[str]) -> str:
    name = next(g for g in m.groups() if g)
    return "DOI" if name.lower() == "doi" else name


def say_chars(text: str, lang: str = "en") -> str:
    """An address or path with its punctuation said: "a.bc-d" is "a dot bc dash d"."""
    names = _SAY["zh" if lang.startswith("zh") else "en"]
    return " ".join(re.sub(r"[./@+&~_-]", lambda m: f" {names[m.group()]} ", text).split())


def say_host(host: str, lang: str = "en") -> str:
    """A site's name as said: "en.wikipedia.org" is "en dot wikipedia dot org", "x.de" "x dot DE"."""
    *labels, tld = host.split(".")
    tld = tld if tld.lower() in _WORD_TLDS or len(tld) > 3 else tld.upper()
    return say_chars(".".join(labels), lang) + (f" {_SAY['zh' if lang.startswith('zh') else 'en']['.']} "
                                                 + tld if labels else tld)


def say_file(name: str, ext: str, lang: str = "en") -> str:
    """A file name as said: "intro.html" is "intro dot HTML" (capitals: engines spell them)."""
    return f"{say_chars(name, lang)} {_SAY['zh' if lang.startswith('zh') else 'en']['.']} {ext.upper()}"


def say_addresses(text: str, lang: str = "en") -> str:
    """Site names, file names and paths of running text said with their punctuation
    ("nvidia.com", "intro.html", "docs/intro.html", "/etc/hosts"), and "input/output" with its slash."""
    if "://" in text:
        # a local file's address is said as its path; "file://" alone is a scheme talked about
        text = re.sub(r"file://(?=[^\s,;)])", "", text)
        # a scheme talked about ("you lose the http://"): its letters and punctuation
        text = _SCHEME.sub(lambda m: f"{_scheme(m.group(1))} {_colon_slashes(lang)}", text)
    if "." in text:
        text = _DOMAIN.sub(lambda m: say_host(m.group(1), lang), text)
    if "/" in text:
        text = _FILE_PATH.sub(lambda m: _path(m, lang), text)
        text = _WORD_SLASH.sub(lambda m: _word_slash(m, lang), text)
    if "." in text:
        text = _FILE.sub(lambda m: say_file(m.group(1), m.group(2), lang) if _is_file(m) else m.group(), text)
    return text


def _scheme(name: str) -> str:
    return name.upper() if name.lower() in _SPELLED_SCHEMES else name.lower()


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
            said.append(say_file(f.group(1), f.group(2), lang) if f else say_chars(part, lang))
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
