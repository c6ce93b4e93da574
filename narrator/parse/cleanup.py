"""Bytes to clean text: charset decoding (verified, never trusted blindly) and editor junk.

Everything here works on strings before or after the DOM walk; nothing imports bs4 or lxml.
"""

from __future__ import annotations

import codecs
import json
import re

from narrator.errors import BadInput
from narrator.text import CJK_PUNCTUATION, FULLWIDTH, HAN

# Characters that are invisible in the editor and must never reach a TTS engine.
_INVISIBLE = {
    0x200B: None,  # zero width space (TinyMCE caret)
    0xFEFF: None,  # BOM / zero width no-break space (TinyMCE caret)
    0x2060: None,  # word joiner (Standard Ebooks before em dashes)
    0x00AD: None,  # soft hyphen
    0x180E: None,  # Mongolian vowel separator (renders as nothing)
    0x200E: None,  # LRM / RLM: direction marks only
    0x200F: None,
}
# Spaces that a reader sees as a space: nbsp, U+3000 ideographic space, typographic spaces.
_SPACES = {c: " " for c in (0x00A0, 0x3000, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005,
                            0x2006, 0x2007, 0x2008, 0x2009, 0x200A, 0x202F, 0x205F, 0x1680,
                            0x2028, 0x2029)}  # U+2028 in the text would pose as a <br> (lines.LINE)
TEXT_TABLE = {**_INVISIBLE, **_SPACES}
"""str.translate table applied to every text node."""

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE)
# Chinese legacy charsets are all subsets of GB18030; decoding with the superset never hurts.
_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
            "iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "ascii": "cp1252",
            "us-ascii": "cp1252"}
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
_CJK_CHAR = re.compile(f"[{CJK_PUNCTUATION}{HAN}{FULLWIDTH}]")


def decode_html(data: bytes, path: str) -> str:
    """Decode ``data``: BOM, then strict UTF-8, then the declared charset, verified.

    A document that declares GB2312 but is valid UTF-8 is decoded as UTF-8 (the common lie);
    raises :class:`BadInput` for binary or undecodable input.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc)
            except UnicodeDecodeError as e:
                raise BadInput(path, f"invalid {enc} after its byte-order mark at byte {e.start}") from None
    if b"\x00" in data[:65536]:
        raise BadInput(path, "binary file (NUL bytes), not an HTML document")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        text = _mostly_utf8(data, e) or _decode_legacy(data, path)
    if len(_CONTROL.findall(text[:65536])) > max(8, len(text[:65536]) // 100):
        raise BadInput(path, "binary file (control characters), not an HTML document")
    return text


class RepairedBytes(str):
    """Decoded text that needed invalid bytes replaced; ``warning`` names their offsets."""

    warning: str = ""


def _mostly_utf8(data: bytes, first: UnicodeDecodeError) -> str | None:
    """UTF-8 with a few invalid bytes (a bad paste, a truncated character): the text with U+FFFD
    dropped and a warning naming the offsets, rather than rejecting a whole lesson. None when
    the bytes are plainly another charset (many errors) or declare one."""
    if _DECLARED.search(data[:8192]) and not re.search(rb"charset\s*=\s*[\"']?\s*utf-?8", data[:8192], re.I):
        return None
    bad: list[int] = []
    pos = first.start
    while True:
        bad.append(pos)
        if len(bad) > 8 or len(bad) * 2000 > len(data) + 2000:
            return None
        try:
            data[pos + 1:].decode("utf-8")
            break
        except UnicodeDecodeError as e:
            # UTF-8 resynchronises at the next lead byte, so a later error is a new invalid run
            pos = pos + 1 + e.start
    # valid multibyte characters must be present too: otherwise it is a legacy charset
    if not re.search(rb"[\xc2-\xf4][\x80-\xbf]", data):
        return None
    text = RepairedBytes(data.decode("utf-8", errors="replace").replace("\ufffd", ""))
    where = ", ".join(str(b) for b in bad[:5])
    text.warning = f"invalid UTF-8 byte{'s' * (len(bad) > 1)} at offset{'s' * (len(bad) > 1)} {where} dropped"
    return text


def _decode_legacy(data: bytes, path: str) -> str:
    """Not UTF-8: trust a declared charset if the bytes really decode with it, else guess GB18030."""
    m = _DECLARED.search(data[:8192])
    declared = (m.group(1) or m.group(2)).decode("ascii").lower() if m else ""
    if declared and declared not in ("utf-8", "utf8"):
        enc = _ALIASES.get(declared, declared)
        try:
            return data.decode(enc)
        except LookupError:
            pass  # unknown charset name: fall through to the guesses
        except UnicodeDecodeError as e:
            raise BadInput(path, f"bytes are neither UTF-8 nor the declared {declared} "
                                 f"(invalid at byte {e.start})") from None
    # Undeclared legacy bytes: GB18030 if the result is plainly Chinese, else Windows-1252.
    try:
        text = data.decode("gb18030")
        non_ascii = sum(1 for c in text if ord(c) > 127)
        if non_ascii and len(_CJK_CHAR.findall(text)) >= 0.9 * non_ascii:
            return text
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as e:
        raise BadInput(path, f"cannot decode: not UTF-8 and no usable charset declaration "
                             f"(invalid byte at {e.start})") from None


_TAG = re.compile(r"<\s*[A-Za-z!/?]")
_PARA_SPLIT = re.compile(r"\n\s*\n")


def as_html(text: str, path: str) -> str:
    """Return markup to parse: HTML as is; HTML without any tag as one <p> per paragraph.

    Text without tags read as HTML is still HTML text: its character references are what they
    stand for ("Fish &amp; chips" is "Fish & chips"), and one of only spaces and ``&nbsp;`` is
    an empty document. (A .txt file never comes here as text: formats.py makes it markup first,
    so its "&amp;" stays as written.) JSON is refused: it is data, not a document a listener
    wants to hear.
    """
    from html import escape, unescape

    stripped = text.strip()
    if not stripped:
        raise BadInput(path, "empty document")
    if _TAG.search(stripped[:200000]):
        return text
    if stripped[0] in "[{":
        try:
            json.loads(stripped)
        except ValueError:
            pass
        else:
            raise BadInput(path, "this is JSON, not an HTML document")
    if not unescape(stripped).translate(TEXT_TABLE).strip():
        raise BadInput(path, "empty document")
    return "".join(f"<p>{escape(unescape(p))}</p>\n" for p in _PARA_SPLIT.split(stripped) if p.strip())


# Word's downlevel list markers: "<![if !supportLists]>1.<![endif]>" and the commented form.
_WORD_LIST_MARKER = re.compile(
    r"<!(?:--)?\[if !supportLists\](?:--)?>.{0,2000}?<!(?:--)?\[endif\](?:--)?>", re.DOTALL | re.IGNORECASE)


def strip_word_markup(html: str) -> str:
    """Remove Word's fake list markers before parsing (the rest of Word junk is dropped in the walk)."""
    if "supportLists" not in html:
        return html
    return _WORD_LIST_MARKER.sub("", html)


_CHROME_WORDS = frozenset(["nav", "navbar", "navigation", "menu", "menubar", "submenu", "footer", "header", "masthead", "topbar", "share", "sharing", "sharebar", "social", "login", "logon", "signin", "signup", "register", "breadcrumb", "breadcrumbs", "crumbs", "sidebar", "comment", "comments", "copyright", "toolbar", "banner", "advert", "ads", "advertisement", "pagination", "pager", "subscribe", "newsletter", "cookie", "cookies", "popup", "modal", "related", "recommend", "widget", "qrcode", "skip",
                           # product pages: carousels, call-to-action boxes, promotions, consent bars
                           "carousel", "cta", "promo", "consent", "gdpr"])
_WORD_SPLIT = re.compile(r"[\s_\-]+")


# names that are positive evidence whatever the text inside says: a cookie notice or a share bar is
# never the lesson, so a second opinion is not asked about it (second_opinion.py); "header",
# "related" or "sidebar" are only a look
_FURNITURE_WORDS = frozenset(["cookie", "cookies", "consent", "gdpr", "share", "sharing", "sharebar", "social",
                              "login", "logon", "signin", "signup", "subscribe", "newsletter", "copyright",
                              "advert", "ads", "advertisement", "cta", "popup", "modal", "qrcode", "breadcrumb",
                              "breadcrumbs", "pagination", "pager", "carousel", "promo"])


def is_chrome_name(value: str) -> bool:
    """True when a class or id (or custom element name) says page chrome: nav, footer, share..."""
    return _names(value, _CHROME_WORDS)


def is_furniture_name(value: str) -> bool:
    """True when a class or id says page furniture beyond doubt: cookie notice, share bar, login,
    call to action (a subset of the chrome names)."""
    return _names(value, _FURNITURE_WORDS)


def _names(value: str, words: frozenset[str]) -> bool:
    low = value.lower()
    if "call-to-action" in low or "calltoaction" in low:
        return True
    return any(token in words for token in _WORD_SPLIT.split(low))


# Template syntax that a site generator or mail merge fills in: never lesson text.
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n.*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_TEMPLATE = re.compile(r"\{%-?.{0,400}?-?%\}|\{\{.{0,200}?\}\}|<%.{0,400}?%>|\$\{[^{}\n]{0,200}\}"
                       r"|\{:[^{}\n]{0,200}\}", re.DOTALL)


_SPACE_BEFORE_PUNCT = re.compile(r"[ \t]+(?=[,.;:!?，。；：！？])")


def strip_front_matter(text: str) -> tuple[str, str]:
    """(text without YAML/Jekyll front matter at its start, the front matter or "")."""
    m = _FRONT_MATTER.match(text)
    return (text[m.end():], m.group()) if m else (text, "")


def strip_templates(text: str) -> tuple[str, list[str]]:
    """``text`` (a text node) without template tags ({% %}, {{ }}, <% %>, ${...}, kramdown
    {: ...}); also returns what was removed, for the skipped report."""
    removed: list[str] = []
    if "{" not in text and "<%" not in text:
        return text, removed

    def cut(m: re.Match[str]) -> str:
        removed.append(m.group())
        return ""

    out = _TEMPLATE.sub(cut, text)
    return (_SPACE_BEFORE_PUNCT.sub("", out) if removed else out), removed
