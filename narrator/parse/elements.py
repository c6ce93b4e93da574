"""What an element's own attributes say: its inline style, classes, language, whether it is
hidden, whether it breaks the page, whole numbers (start, value), and which inputs are blanks."""

from __future__ import annotations

import re
from typing import Any

__all__ = ["Reveals", "block_breaks", "classes_of", "int_attr", "is_blank_input", "is_hidden",
           "is_pagebreak_style", "lang_of", "language_of", "reveals", "style_of"]

# Editor-internal class names that say nothing about the text.
_NOISE_CLASS = re.compile(r"^(mso|mce|tox-|ck-|ck$|western$|cjk$|ctl$|apple-|docs-)", re.IGNORECASE)

# A well-formed BCP 47 language tag (RFC 5646, section 2.1): language, then optional script,
# region, variants, extensions and private use. A regular expression of the RFC's grammar, not a
# library: only well-formedness matters here (lang values end up in the EPUB's xml:lang and
# dc:language), and later stages use only the primary language subtag. Tags of private use alone
# ("x-...") and the irregular grandfathered ones ("i-klingon") name no language to read in.
_BCP47 = re.compile(
    r"(?P<language>[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4,8})"
    r"(?:-[a-z]{4})?"  # script
    r"(?:-(?:[a-z]{2}|[0-9]{3}))?"  # region
    r"(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*"  # variants
    r"(?:-[a-wyz0-9](?:-[a-z0-9]{2,8})+)*"  # extensions
    r"(?:-x(?:-[a-z0-9]{1,8})+)?",  # private use
    re.ASCII)


def style_of(el: Any) -> str:
    """The element's inline style, lowercased, without spaces (cheap substring tests)."""
    s = el.attrs.get("style") if el.attrs else None
    if not s:
        return ""
    if isinstance(s, list):
        s = " ".join(s)
    return s.lower().replace(" ", "").replace("\n", "").replace("\t", "").replace("\r", "")


def classes_of(el: Any) -> list[str]:
    """The element's class names, without the editors' internal ones (mso..., mce..., ck-...)."""
    c = el.attrs.get("class") if el.attrs else None
    if not c:
        return []
    if isinstance(c, str):
        c = c.split()
    return [x for x in c if not _NOISE_CLASS.match(x)]


def language_of(value: object) -> str | None:
    """The primary language subtag of a lang attribute's value, lower case ("en_US" -> "en",
    "zh-Hans-CN" -> "zh"); None when the value is not a well-formed BCP 47 tag (then the
    language is detected from the text). An underscore for the hyphen is the usual slip."""
    if not isinstance(value, str) or len(value) > 100:
        return None
    m = _BCP47.fullmatch(value.strip().replace("_", "-").lower())
    return m.group("language").split("-")[0] if m else None


def lang_of(el: Any) -> str | None:
    """The language the element's lang (or xml:lang) attribute names, or None."""
    if not el.attrs:
        return None
    return language_of(el.attrs.get("lang") or el.attrs.get("xml:lang"))


def is_hidden(el: Any, style: str) -> bool:
    """Hidden from readers: hidden, aria-hidden, an editor's bookmark, display:none... (``style``
    as :func:`style_of` gives it)."""
    a = el.attrs
    if not a:
        return False
    if "hidden" in a or a.get("aria-hidden") == "true":
        return True
    if a.get("data-mce-type") == "bookmark" or a.get("data-mce-bogus") == "all":
        return True
    return "display:none" in style or "visibility:hidden" in style or "mso-list:ignore" in style


# the ids a page control names: toggle2('box','link'), $('#box').toggle(), getElementById("box")
_SCRIPT_ID = re.compile(r"""['"]#?([A-Za-z][\w:.-]{0,100})['"]""")
_TARGET_ATTRS = ("aria-controls", "data-target", "data-bs-target", "data-toggle-target")
# what a control opens that is page furniture, not collapsible lesson text: it stays hidden.
# Whole words of a role, id or class ("site-menu", "loginModal", "mainNavbar", "signInBox": two
# words that join into one count too), never a word's beginning ("navierAnswer", "sharedMemory")
_FURNITURE = frozenset(("modal", "dialog", "popup", "popover", "lightbox", "overlay", "menu", "menubar", "nav",
                        "navbar", "navigation", "sidenav", "topnav", "offcanvas", "dropdown", "search", "searchbox",
                        "searchbar", "login", "signin", "signup", "cookie", "share", "sharing", "tooltip"))
# a name with one of these words names lesson content, whatever else it says ("menuPlanSolution")
_LESSON_WORDS = frozenset(("answer", "solution", "hint", "explanation", "proof"))
_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
# Open edX / latex2edx's show-hide box: a box whose content part its title's click shows
_SHOWHIDE_CONTENT = frozenset(("hideshowcontent", "showhidecontent"))


class Reveals:
    """What the page's controls show: the elements hidden by style that a control on the page
    names (a link's href="#id", an onclick or javascript: link naming the id, aria-controls,
    data-target), with the controls themselves. Such an element is collapsible content, which
    the reader opens: it is read; only what nothing reveals is a hidden element."""

    def __init__(self, shown: frozenset[int], controls: frozenset[int]) -> None:
        self.shown = shown  # id() of the hidden elements a control shows
        self.controls = controls  # id() of the controls that show them

    def hides(self, el: Any, style: str) -> bool:
        """:func:`is_hidden`, except for collapsible content a control on the page shows."""
        return is_hidden(el, style) and not (id(el) in self.shown and _hidden_by_style(el, style))


def _hidden_by_style(el: Any, style: str) -> bool:
    """Hidden the way a script undoes (display:none, visibility:hidden, the hidden attribute),
    not aria-hidden or an editor's bookmark."""
    a = el.attrs or {}
    return a.get("aria-hidden") != "true" and a.get("data-mce-type") != "bookmark" and (
        "hidden" in a or "display:none" in style or "visibility:hidden" in style)


def _furniture(el: Any) -> bool:
    """A dialog, menu or pop-up by its tag, role, id or class: what a page's control opens that
    is no part of the lesson (a login box, a navigation menu)."""
    if el.name in ("nav", "dialog", "form", "menu"):
        return True
    a = el.attrs or {}
    names = [str(v) for v in (a.get("role"), a.get("id"), *(a.get("class") or ())) if v]
    return a.get("aria-modal") == "true" or any(_furniture_name(n) for n in names)


def _furniture_name(name: str) -> bool:
    """A role, id or class that names furniture by one whole word (or two joined: "signIn")."""
    words = [w.lower() for w in _WORD.findall(name[:200])]
    words = [w[:-1] if w.endswith("s") and w[:-1] in _FURNITURE | _LESSON_WORDS else w for w in words]
    if _LESSON_WORDS.intersection(words):
        return False
    return any(w in _FURNITURE for w in words) or any(a + b in _FURNITURE for a, b in zip(words, words[1:]))


def reveals(top: Any) -> Reveals:
    """The :class:`Reveals` of the tree under ``top`` (one pass over its elements)."""
    by_id: dict[str, Any] = {}
    named: list[tuple[Any, list[str]]] = []  # (control, ids it names)
    boxes: list[Any] = []
    for el in top.find_all(True):
        a = el.attrs
        if not a:
            continue
        ident = a.get("id")
        if isinstance(ident, str) and ident and ident not in by_id:
            by_id[ident] = el
        ids: list[str] = []
        href = a.get("href")
        if isinstance(href, str):
            href = href.strip()
            if href.startswith("#") and len(href) > 1:
                ids.append(href[1:])
            elif href[:11].lower() == "javascript:":
                ids += _SCRIPT_ID.findall(href)
        click = a.get("onclick")
        if isinstance(click, str):
            ids += _SCRIPT_ID.findall(click)
        for name in _TARGET_ATTRS:
            value = a.get(name)
            if isinstance(value, str):
                ids += [v.lstrip("#") for v in value.split() if v.lstrip("#")]
        if ids:
            named.append((el, ids))
        if _SHOWHIDE_CONTENT.intersection(a.get("class") or ()):
            boxes.append(el)
    shown: set[int] = set()
    controls: set[int] = set()
    for control, ids in named:
        for ident in ids:
            target = by_id.get(ident)
            if target is not None and target is not control and _hidden_by_style(target, style_of(target)) \
                    and not _furniture(target):
                shown.add(id(target))
                controls.add(id(control))
    for box in boxes:  # its title, the box's first child, has the onclick that shows it
        if _hidden_by_style(box, style_of(box)) and box.find_parent(class_="hideshowbox") is not None:
            shown.add(id(box))
    return Reveals(frozenset(shown), frozenset(controls))


def is_pagebreak_style(style: str) -> tuple[bool, bool]:
    """(break before, break after) from page-break-* / break-* styles."""
    if "always" not in style and "page" not in style:
        return False, False
    before = "page-break-before:always" in style or "break-before:page" in style
    after = "page-break-after:always" in style or "break-after:page" in style
    return before, after


def block_breaks(node: Any, style: str) -> tuple[bool, bool]:
    """(break before, break after) a block element: its page-break style, or CKEditor 5's
    page-break class (whose style says "after" too: the break is before)."""
    if node.attrs and "page-break" in (node.attrs.get("class") or ()):
        return True, False
    return is_pagebreak_style(style)


def int_attr(value: Any) -> int:
    """An attribute's whole number (``<ol start>``, ``<li value>``); 0 when it is none."""
    try:
        return int(str(value).strip()) if value is not None else 0
    except ValueError:
        return 0


_BLANK_TYPES = frozenset(("", "text", "date", "number", "email", "tel", "time", "month", "week",
                          "datetime-local", "search", "url"))


def is_blank_input(node: Any) -> bool:
    """A text-like input: in a form kept as content it is a blank to fill in."""
    kind = node.attrs.get("type") if node.attrs else None
    if node.attrs and (node.attrs.get("hidden") is not None or "display:none" in style_of(node)):
        return False
    return (kind or "").lower() in _BLANK_TYPES
