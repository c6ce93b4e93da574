"""A second opinion before real prose is dropped from a web page (issue 19 item 1).

narrate's own rules (content.py's text density, html.py's chrome rules by class name and link
density) decide what of a whole web page is page chrome. They are heuristics, so before one of
them drops a block of real prose (a paragraph-like element with at least :data:`MIN_PROSE`
characters of unlinked text, a Chinese character counting two), an independent boilerplate
extractor is asked what the page's main content is: trafilatura (Apache-2.0), in the optional
``pages`` extra. When it keeps that text, narrate keeps it too and says so in a warning: keep
when in doubt. The other disagreement (trafilatura drops what narrate reads) is not acted on and
only counted in a debug log line.

It is asked at most once per page, lazily (only when a rule would drop prose), and only for whole
pages in page mode: ``narrate --help`` and editor fragments never import it. Without trafilatura
the rules decide alone, and one warning says that prose was dropped unchecked.

What is dropped is reported with a true reason: a reference list or bibliography is
"references", an "External links" or "See also" list is "links to other pages", not page chrome.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any

from narrator.parse.sources import selector
from narrator.text import HAN_CHAR

__all__ = ["EXTRA", "MIN_PROSE", "Opinion", "Review", "consult", "count_unshared", "links_kind", "review"]

EXTRA = "pages"  # pip install 'narrator-tts[pages]'
MIN_PROSE = 80  # characters of unlinked text (a Han character counts two) that make real prose
_AGREE = 0.6  # share of a block's 6-grams the extractor's text must hold for it to "keep" the block
_N = 6
_WS = re.compile(r"\s+")
_LEAVES = frozenset(("p", "li", "dd", "dt", "blockquote", "td", "th", "figcaption", "div", "section",
                     "article", "span", "font", "center"))
_OUTSIDE = "outside the page's main content"
_WHOLE = 0.5  # a branch off the main content whose prose the extractor keeps this much of is read whole
# a copyright or imprint line is positive evidence of page furniture, whatever an extractor says
_COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|copyright|all rights reserved|版\s*权\s*所\s*有|版\s*權\s*所\s*有|"
                        r"未经.{0,6}授权|ICP\s*备", re.IGNORECASE)
_HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]
_BRACKETS = re.compile(r"\[[^\]]{0,20}\]")
_log = logging.getLogger(__name__)

# -- true reasons for lists of sources and links ---------------------------------------------------

_REFS_HEADING = re.compile(
    r"^(?:\d+(?:\.\d+)*\.?\s*)?(?:references?|bibliography|works cited|sources|citations|notes and references|"
    r"references and notes|footnotes and references|literature(?: cited)?|参考文献|参考资料|参考來源|參考文獻|參考資料|"
    r"引用|资料来源|資料來源|来源|出处)\s*[:：]?$", re.IGNORECASE)
_LINKS_HEADING = re.compile(
    r"^(?:\d+(?:\.\d+)*\.?\s*)?(?:external links?|see also|further reading|related (?:articles|pages|links|posts)|"
    r"links|other resources|外部链接|外部連結|延伸阅读|延伸閱讀|扩展阅读|相关条目|相關條目|参见|參見|参看|另见|相关链接|"
    r"相關連結)\s*[:：]?$", re.IGNORECASE)
# teasers for other pages under such a heading are furniture whatever an extractor says
_TEASER_HEADING = re.compile(
    r"^(?:read (?:more|next|also)|related(?: (?:articles?|posts?|stories|content|reading|news))?|more (?:stories|"
    r"articles|news|from|on|to read)\b.*|you (?:may|might) also like|recommended(?: for you| reading)?|"
    r"popular(?: posts| articles)?|most (?:read|popular|viewed)|trending|latest (?:news|posts|articles)|"
    r"推荐阅读|推薦閱讀|相关阅读|相關閱讀|相关文章|相關文章|相关新闻|相關新聞|更多阅读|更多新闻|猜你喜欢|热门文章|"
    r"热点推荐|精彩推荐|今日推荐)\s*[:：>»]*$", re.IGNORECASE)
_REFS_NAME = re.compile(r"(?:^|[\s_-])(?:references?|reflist|refbegin|bibliography|citations?|"
                        r"cite[_-]note|mw-references(?:-wrap)?|works[_-]cited)(?:$|[\s_-])", re.IGNORECASE)
_LINKS_NAME = re.compile(r"(?:^|[\s_-])(?:external[_-]?links?|see[_-]?also|navbox|catlinks|sister[_-]?project|"
                         r"further[_-]reading)(?:$|[\s_-])", re.IGNORECASE)

REFERENCES = ("references", "a list of the sources cited, not the lesson's text")
LINKS = ("links to other pages", "a list of links to other pages (see also, external links, categories)")


def links_kind(node: Any, heading: str) -> tuple[str, str] | None:
    """(what, reason) when ``node`` (an element a rule drops) is a reference list or a list of
    links to other pages: by its class or id, by its own first heading, or by the heading it
    follows (``heading``); None when it is neither."""
    attrs = node.attrs or {}
    names = " ".join(str(v) for v in (attrs.get("id"), *(attrs.get("class") or ())) if v)
    if names and _REFS_NAME.search(names):
        return REFERENCES
    if names and _LINKS_NAME.search(names):
        return LINKS
    first = node.find(_HEADINGS) if node.name not in ("ol", "ul") else None
    for text in (_text(first) if first is not None else "", heading):
        text = _BRACKETS.sub("", text).strip()  # "References[edit]"
        if _REFS_HEADING.match(text):
            return REFERENCES
        if _LINKS_HEADING.match(text):
            return LINKS
    return None


# -- the second opinion ----------------------------------------------------------------------------

def _extract(page: str) -> str | None:
    """The main text of ``page`` by trafilatura; None when trafilatura is not installed. Its
    precise mode: measured on the corpus, its recall mode also keeps "recommended reading"
    blurbs and copyright lines, and narrate already keeps whatever its own rules doubt."""
    try:
        import trafilatura
    except ImportError:
        return None
    text = trafilatura.extract(page, favor_precision=True, include_comments=False, include_tables=True,
                               with_metadata=False, deduplicate=False)
    return text or ""


def _grams(text: str) -> set[str]:
    t = _WS.sub("", text).lower()
    return {t[i:i + _N] for i in range(max(1, len(t) - _N + 1))}


class Opinion:
    """The extractor's view of one page, computed on the first question."""

    def __init__(self, soup: Any) -> None:
        self._soup = soup
        self._grams: set[str] | None = None
        self.available = True
        self.asked = False

    def keeps(self, text: str) -> bool | None:
        """Does the extractor keep ``text`` as main content? None: no extractor installed."""
        if not self.asked:
            self.asked = True
            out = _extract(str(self._soup))
            self.available = out is not None
            self._grams = _grams(out) if out else set()
        if not self.available or self._grams is None:
            return None
        g = _grams(text)
        return len(g & self._grams) >= _AGREE * len(g)


@dataclass
class Review:
    """What the walk should do differently on one page."""

    keep_chrome: set[int] = field(default_factory=set)  # ids: chrome by narrate's rules, kept
    keep_outside: list[Any] = field(default_factory=list)  # elements outside the main content, kept
    relabel: dict[int, tuple[str, str]] = field(default_factory=dict)  # ids -> (what, reason)
    warnings: list[str] = field(default_factory=list)
    opinion: Opinion | None = None


def _heading_before(node: Any) -> str:
    """The text of the heading ``node`` comes under: a heading among its few previous siblings
    (or their last heading: MediaWiki wraps h2 in a div), with no prose between; else ""."""
    import bs4

    for n, sib in enumerate(node.previous_siblings):
        if n > 12:  # element siblings and the white space between them
            break
        if not isinstance(sib, bs4.Tag):
            continue
        if sib.name in _HEADINGS:
            return _text(sib)
        inner = sib.find(_HEADINGS)
        if inner is not None and len(_text(sib)) < 200:
            return _text(sib.find_all(_HEADINGS)[-1])  # short: its last heading, however many
        if sib.name == "p" or sib.find("p") is not None:
            break  # prose between: the heading is not this list's
    return ""


def _is_teasers(node: Any) -> bool:
    """A block of teasers for other pages: its own first heading (or the one it follows) is
    "Read more", "Related articles", "推荐阅读"..."""
    first = node.find(_HEADINGS)
    for text in (_text(first) if first is not None else "", _heading_before(node)):
        if _TEASER_HEADING.match(_BRACKETS.sub("", text).strip()):
            return True
    return False


def _furniture(el: Any, top: Any) -> bool:
    """``el`` or an element above it up to ``top`` is named as furniture beyond doubt (cookie
    notice, share bar, call to action): positive evidence no second opinion overrides."""
    from narrator.parse.cleanup import is_furniture_name

    while el is not None:
        attrs = el.attrs or {}
        if any(isinstance(v, str) and is_furniture_name(v) for v in (attrs.get("id"), *(attrs.get("class") or ()))):
            return True
        if el is top:
            return False
        el = el.parent
    return False


def _text(node: Any) -> str:
    return " ".join(node.get_text(" ").split())


def _weight(text: str) -> int:
    return len(text) + len(HAN_CHAR.findall(text))


def prose_in(node: Any, stats: dict[int, tuple[int, int, int]]) -> list[Any]:
    """The paragraph-like elements inside ``node`` (itself included) holding real prose: no block
    children and at least MIN_PROSE characters of unlinked text."""
    import bs4

    from narrator.parse.html import BLOCK_TAGS

    order = [node, *(t for t in node.descendants if isinstance(t, bs4.Tag))]
    blocky: set[int] = set()
    for tag in reversed(order):
        if (tag.name in BLOCK_TAGS or id(tag) in blocky) and tag.parent is not None:
            blocky.add(id(tag.parent))
    out = []
    for tag in order:
        if id(tag) in blocky or tag.name not in _LEAVES:
            continue
        text_len, link_len, _ = stats.get(id(tag), (0, 0, 0))
        unlinked = text_len - link_len
        if unlinked < MIN_PROSE // 2:
            continue  # too short even if every character is Chinese
        text = _text(tag)
        if unlinked * _weight(text) >= MIN_PROSE * max(1, len(text)):  # unlinked, weighted
            out.append(tag)
    return out


def review(root: Any, soup: Any, walker: Any, outside: frozenset[int]) -> Review:
    """Go over what narrate's rules would drop from ``root`` (``outside``: ids of the branches
    off the main content; ``walker``: a page-mode html.Walker, for its chrome verdicts) and
    decide: real prose the second opinion keeps is kept; lists of sources and links get their
    true names."""
    import bs4

    from narrator.parse.html import BLOCK_TAGS

    opinion = Opinion(soup)
    result = Review(opinion=opinion)
    unchecked = 0
    stack = [c for c in reversed(root.contents) if isinstance(c, bs4.Tag)]
    while stack:
        node = stack.pop()
        name = node.name.lower()
        if id(node) in outside:
            why = _OUTSIDE
        elif ":" in name or walker.drops(node, name):
            # chrome by name or links; a hidden or never-read element (script, nav) is not asked
            why = "" if ":" in name else walker._is_chrome(node, name, name in BLOCK_TAGS)
            if not why:
                continue
        else:
            stack.extend(c for c in reversed(node.contents) if isinstance(c, bs4.Tag))
            continue
        kind = links_kind(node, _heading_before(node))
        if kind is not None:
            result.relabel[id(node)] = kind
            continue
        if why.startswith("<"):
            continue  # <site-footer>: a custom element named for chrome is the page's own word
        if _is_teasers(node):
            continue
        prose = [p for p in prose_in(node, walker.stats)
                 if not _COPYRIGHT.search(_text(p)) and not _furniture(p, node)]
        if not prose:
            continue
        kept = [p for p in prose if opinion.keeps(_text(p))]
        if not opinion.available:
            unchecked += 1
            continue
        if not kept:
            continue
        chars = sum(len(_text(p)) for p in kept)
        if why != _OUTSIDE:
            result.keep_chrome.add(id(node))  # its own chrome (a share bar inside) is still left out
        elif chars >= _WHOLE * sum(len(_text(p)) for p in prose):
            result.keep_outside.append(node)  # a section of the article: its headings and formulas too
        else:
            result.keep_outside.extend(kept)
        result.warnings.append(
            f"kept {chars} characters at {selector(node)} that narrate's rules left out "
            f"({why}): a second opinion (trafilatura) reads them as the page's content")
    if unchecked:
        result.warnings.append(
            f"{unchecked} block{'s' * (unchecked > 1)} of prose left out by the page rules without a second "
            f"opinion: install narrator-tts[{EXTRA}] to have them checked")
    return result


def consult(root: Any, soup: Any, walker: Any, main: Any) -> tuple[Any, Review]:
    """Review a whole page before its walk (``main``: content.MainContent or None) and set the
    walker and the main content to keep what the second opinion keeps; the main content to walk
    with and the review (its warnings, its opinion for :func:`count_unshared`)."""
    result = review(root, soup, walker, main.skip if main is not None else frozenset())
    walker.kept = frozenset(result.keep_chrome)
    walker.relabel = result.relabel
    if main is not None and result.keep_outside:
        main = main.keeping(root, result.keep_outside)
    return main, result


def count_unshared(blocks: list[Any], opinion: Opinion | None) -> None:
    """Debug log: how many of the prose blocks narrate reads the second opinion, when it was
    asked, would leave out (not acted on: keep when in doubt)."""
    if opinion is None or not opinion.asked or not _log.isEnabledFor(logging.DEBUG):
        return
    long = [b for b in blocks if _weight(b.text) >= MIN_PROSE]
    dropped = sum(1 for b in long if opinion.keeps(b.text) is False)
    _log.debug("second opinion: %d of %d prose blocks read here are not main content to trafilatura",
               dropped, len(long))
