"""The walk's verdicts on whole elements, before it reads them: page chrome (by the names of
custom elements, classes and ids on whole web pages, by link density on web pages, forms with
little text) and short texts that are image credits or the labels of page controls (labels.py
knows their wordings). Questions about an element's subtree are answered from one index of the
tree (tree.py), so asking of every element costs the tree's size, not size times depth."""

from __future__ import annotations

import re
from typing import Any

from narrator.parse.cleanup import is_chrome_name
from narrator.parse.elements import Reveals, reveals, style_of
from narrator.parse.labels import credit_kind, is_control_label
from narrator.parse.tags import BLOCK_TAGS, SKIP_TAGS, UNWRAP_NS
from narrator.parse.tree import TreeIndex, Work, descendants

__all__ = ["NEVER_LABEL", "TOGGLE_WORDS", "ChromeRules"]

_PROSE = 80  # characters of unlinked text that make an element real prose (never chrome)

NEVER_LABEL = frozenset(("html", "body", "main", "article", "section", "h1", "h2", "h3", "h4", "h5",
                          "h6", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "ul", "ol", "dl",
                          "pre", "code", "br", "hr", "img", "input", "blockquote", "form"))
_INLINE_LABELS = frozenset(("a", "span", "small", "cite", "label", "font", "summary", "em", "i"))
_CAPTION_CONTEXT = frozenset(("figcaption", "figure", "caption"))
_CREDIT_HINT = re.compile(r"credit|copyright|attribution|caption|photo|image|figure|pic|img")
_CONTROL_HINT = re.compile(r"\bbutton\b|btn|toggle|read-?more|more-link|share|social|like|copy|print|"
                           r"pager|pagination|prev|next|back-?to-?top|go-?top|expand|collapse|control")
# what a show/hide control says: "+ open", "- close", "[show]", "Show/Hide", "Click to expand"
# (the one list: the Open edX source, sources/lms.py, knows its toggles by it too)
TOGGLE_WORDS = re.compile(
    r"^[\[(]?\s*[-+\u2212\u2013\u25b8\u25b9\u25ba\u25b6\u25be\u25bc\u25b2]?\s*"
    r"(?:open|close|show|hide|show\s*/\s*hide|hide\s*/\s*show|expand|collapse|toggle|more|less|read more|"
    r"(?:show|hide) (?:more|less|all|answer|hints?|details|solution|explanation|transcript|text)|"
    r"click (?:here )?to (?:show|hide|expand|open|see|reveal)(?: [\w ]{0,30})?)"
    r"\s*[-+\u25b8\u25be]?\s*[\])]?[.!]?$", re.IGNORECASE)
# a question about the page itself, not the lesson's: "Was this page helpful?", "Did you find this
# useful?", "How would you rate this article?", "这篇文章对你有帮助吗？". A quiz asks about "the
# article" it read, the rate of a reaction, whether exercise helps the heart: "this <page>" with
# "was/is" or "you" is the poll's own phrasing
_PAGE_WORDS = (r"(?:page|article|post|answer|content|documentation|document|doc|guide|site|information|"
               r"tutorial|topic|lesson|video)")
_FEEDBACK = re.compile(
    rf"\b(?:was|is|were)\s+this\s+(?:{_PAGE_WORDS}\s+)?(?:helpful|useful|clear)\b|"
    rf"\b(?:did|do)\s+you\s+find\s+(?:this|it)\s+(?:{_PAGE_WORDS}\s+)?(?:helpful|useful)\b|"
    rf"\bhow\s+(?:helpful|useful)\s+(?:was|is)\s+this\b|\bhow\s+would\s+you\s+rate\s+this\b|"
    rf"^\W*(?:please\s+)?rate\s+(?:this|our)\b|\bdid\s+this\s+(?:{_PAGE_WORDS}\s+)?answer\s+your\s+question|"
    r"(?:这篇|這篇|本页|本頁|本文|这个回答|這個回答|这个页面|這個頁面)[^？?]{0,12}(?:有帮助|有幫助|有用)|"
    r"(?:对|對)(?:你|您)有(?:帮助|幫助|用)", re.IGNORECASE)
# a form's class or id words that name a poll ("page-feedback", "rating"), unless it is a quiz's own
_POLL_WORDS = frozenset(("feedback", "rating", "ratings", "poll", "survey", "vote", "voting", "helpful",
                         "helpfulness"))
_QUIZ_WORDS = frozenset(("quiz", "question", "exercise", "test", "exam", "assessment"))
_LABEL_NODES = 48  # a label is a few nodes; a bigger element is never one (and costs nothing to ask)


def _line_before(node: Any) -> str:
    """The text of the nearest of the three elements before ``node`` that has one (a picture
    between quiz options has none)."""
    for prev in node.find_previous_siblings(True, limit=3):
        text = _short_text(prev)
        if text:
            return text
    return ""


def _short_text(node: Any) -> str:
    """The whole text of a small element ("" when it is big, i.e. not a label or credit)."""
    import bs4

    parts: list[str] = []
    size = 0
    for i, d in enumerate(descendants(node)):
        if i > _LABEL_NODES:
            return ""
        if isinstance(d, bs4.NavigableString) and not isinstance(d, (bs4.Comment, bs4.Doctype,
                                                                        bs4.ProcessingInstruction)):
            if d.parent is not None and d.parent.name in SKIP_TAGS:
                continue
            parts.append(str(d))
            size += len(d)
            if size > 400:
                return ""
    return " ".join("".join(parts).split())


def _is_control_link(node: Any) -> bool:
    """A link that works the page ("#", javascript:, rel=prev/next), wrapping all the element's text."""
    a = node if node.name == "a" else None
    if a is None:
        links = [d for d in descendants(node) if getattr(d, "name", None) == "a"][:2]  # a label: small
        if len(links) != 1 or " ".join(links[0].get_text().split()) != " ".join(node.get_text().split()):
            return False
        a = links[0]
    attrs = a.attrs or {}
    href = str(attrs.get("href") or "")
    rel = " ".join(attrs.get("rel") or ()) if isinstance(attrs.get("rel"), list) else str(attrs.get("rel") or "")
    return href in ("", "#") or href.startswith(("javascript:", "#top")) or bool(
        re.search(r"\b(?:prev|next)\b", rel)) or attrs.get("role") == "button"


class ChromeRules:
    """Part of html.Walker: is an element page chrome, a credit or a control's label?"""

    def __init__(self, work: Work, stats: dict[int, tuple[int, int, int]], *, page_mode: bool,
                 whole_page: bool) -> None:
        self.work = work
        self.stats = stats  # link_stats of a web page (empty for a document)
        self.page_mode = page_mode
        self.whole_page = whole_page  # chrome rules by name apply to whole web pages only
        self.kept: frozenset[int] = frozenset()  # ids a second opinion keeps (second_opinion.py)
        self.relabel: dict[int, tuple[str, str]] = {}  # ids -> (what, reason) truer than "page chrome"
        self._index: TreeIndex | None = None  # made on the first question about a subtree
        self._in_article: dict[int, bool] = {}  # id(element) -> it is, or is inside, article/main/section
        self._reveals: Reveals | None = None  # made on the first question about hidden elements

    def hidden(self, node: Any, style: str) -> bool:
        """Hidden from readers, and shown by no control of the page (collapsible content is read)."""
        if self._reveals is None:
            top = node
            while top.parent is not None:
                top = top.parent
            self._reveals = reveals(top)
        return self._reveals.hides(node, style)

    def drops(self, node: Any, name: str) -> bool:
        """Would the walk leave this element out (skipped tag, hidden, chrome)?"""
        if name == "button" and self._blocks_in_button(node):
            return False
        if name in SKIP_TAGS or ":" in name:
            return name in SKIP_TAGS or not name.startswith(UNWRAP_NS)
        return bool(self.hidden(node, style_of(node)) or self._is_chrome(node, name, name in BLOCK_TAGS))

    def _is_chrome(self, node: Any, name: str, is_block: bool) -> str:
        """Why this element is page chrome ("" if it is not): by class/id/custom element name, and
        (web pages only) by link density. Name rules apply to whole web pages only, and never to an
        element that holds a heading or real prose: "header" or "related" is a look, not a verdict."""
        if id(node) in self.kept:
            return ""
        if name in ("html", "body", "main", "article", "tr", "td", "th", "tbody", "thead", "li", "p",
                    "h1", "h2", "h3", "h4", "h5", "h6"):
            by_name = ""
        elif is_block or "-" in name:
            by_name = ""
            if self.whole_page:
                if "-" in name and is_chrome_name(name):
                    by_name = f"<{name}> is page chrome"
                if not by_name and node.attrs:
                    for value in (node.attrs.get("id"), *(node.attrs.get("class") or ())):
                        if isinstance(value, str) and is_chrome_name(value):
                            by_name = f"class or id '{value}'"
                            break
                if not by_name and name in ("header", "footer", "aside"):
                    if name != "header" or not self._inside_article(node.parent):
                        by_name = f"page <{name}>"
            # a class or id is a look; a custom element named for chrome (<ck-manual-header>,
            # <site-footer>) is the page's own word for what it is
            if by_name and not by_name.startswith("<") and self._holds_content(node):
                by_name = ""
        else:
            return ""
        if by_name:
            return by_name
        if name == "form":
            # CMS pages wrap whole articles in a form, lesson plans are forms; a login or search
            # form has little text
            st = self.stats.get(id(node))
            text_len = st[0] if st is not None else self._tree(node).text_length(node)
            little = text_len < 200 and not self._holds_content(node) and not self._is_lesson_form(node)
            return "a form with little text (search, login)" if little else ""
        if self.page_mode and is_block and name not in ("html", "body", "main", "article", "td", "th"):
            st = self.stats.get(id(node))
            if st:
                text_len, link_len, links = st
                if text_len and ((links >= 2 and link_len >= 0.5 * text_len) or link_len >= 0.8 * text_len):
                    if not self._holds_content(node) and not self._in_data_table(node, name):
                        return "mostly links"
        return ""

    def _label(self, node: Any, name: str, is_block: bool, context: frozenset[str]) -> tuple[str, str] | None:
        """("image credit" | "control label", reason) when the element's whole text is an image
        credit or the label of a page control; None to read it. Inline elements count only when
        their class or role says what they are: a word inside prose stays prose."""
        attrs = node.attrs or {}
        hints = " ".join(str(v) for v in (attrs.get("id"), attrs.get("role"), *(attrs.get("class") or ()))
                         if v).lower()
        if self._reveals is not None and id(node) in self._reveals.controls:
            words = _short_text(node)
            if words and (TOGGLE_WORDS.match(words) or is_control_label(words, True)):
                return "control label", ("the label of a show/hide control; the part it opens is read "
                                         "where it stands")
        if not is_block and name not in _INLINE_LABELS:
            return None
        if not is_block and not hints and name != "summary":
            return None
        text = _short_text(node)
        if not text:
            return None
        kind = credit_kind(text, _line_before(node) if text[:3].lower() == "(c)" else "")
        if kind:
            captioned = (not _CAPTION_CONTEXT.isdisjoint(context) or name in ("figcaption", "caption")
                         or _CREDIT_HINT.search(hints) is not None
                         or any(_CREDIT_HINT.search(c) for c in context if c.startswith(".")))
            if kind == "image" or captioned or self._after_image(node):
                return "image credit", "image credit: who made or owns the picture, not lesson text"
            return None
        on_control = (name == "summary" or _CONTROL_HINT.search(hints) is not None
                      or "onclick" in attrs or _is_control_link(node))
        if is_control_label(text, on_control):
            return "control label", "the label of a page control (button, link, toggle or counter)"
        return None

    def _in_data_table(self, node: Any, name: str) -> bool:
        """A table with header cells, or a part of one: it holds data (a list of rivers, of
        readings), however many of its cells are links; a menu laid out in a table has none."""
        if name not in ("table", "thead", "tbody", "tfoot", "tr"):
            return False
        table = node if name == "table" else node.find_parent("table")
        return table is not None and self._tree(table).holds(table, "th")

    def _tree(self, node: Any) -> TreeIndex:
        """The index of the whole tree ``node`` is in (made once, on the first question)."""
        if self._index is None:
            top = node
            while top.parent is not None:
                top = top.parent
            self._index = TreeIndex(top, self.work)
        return self._index

    def _blocks_in_button(self, node: Any) -> bool:
        return self._tree(node).holds(node, "blocks in a button")

    def _holds_content(self, node: Any) -> bool:
        """A heading, or a paragraph of real prose (mostly unlinked text), among the first 200
        headings and paragraphs inside ``node``."""
        tree = self._tree(node)
        for el in tree.inside(node, "heading or paragraph", 200):
            if el.name != "p":
                if tree.is_heading_text(el):
                    return True
                continue
            st = self.stats.get(id(el))
            text_len, link_len = (st[0], st[1]) if st else (tree.text_length(el), 0)
            if text_len - link_len >= _PROSE:
                return True
        return False

    def _is_lesson_form(self, form: Any) -> bool:
        """A document to fill in or an exercise, not a login, search or sign-up box (no password,
        search or address field): many text blanks (a lesson-plan template, whose short labels
        "教学对象：", "Date:" are the lesson), or a question ("?") with choices to tick and nothing
        to type (a quiz question and its answers), unless it asks about the page itself ("Was this
        page helpful?", a poll or rating by its class)."""
        blanks = choices = 0
        typed = False
        for inp in self._tree(form).inside(form, "input", 400):
            kind = str((inp.attrs or {}).get("type") or "text").lower()
            if kind in ("password", "search"):
                return False
            blanks += inp.name == "textarea" or kind == "text"
            choices += kind in ("radio", "checkbox")
            typed = typed or kind in ("email", "tel", "url")  # a number box is an answer, not an account
        if blanks >= 4:
            return True
        # a short form: its text is under 200 characters, laid out with any indentation
        words = " ".join(form.get_text()[:8000].split())[:400]
        if not (choices >= 2 and not blanks and not typed and ("?" in words or "？" in words)):
            return False
        attrs = form.attrs or {}
        named = " ".join(str(v) for v in (attrs.get("id"), *(attrs.get("class") or ())) if v)
        hints = set(re.split(r"[\W_]+", named.lower()))
        poll = not hints.isdisjoint(_POLL_WORDS) and hints.isdisjoint(_QUIZ_WORDS)
        return not poll and _FEEDBACK.search(words) is None

    def _after_image(self, node: Any) -> bool:
        """The element (a label: a few nodes) follows a picture, or holds one before its text:
        a credit's place."""
        if node.name != "img" and node.contents and node.find("img") is not None:
            return True
        prev = node.find_previous_sibling(True)
        if prev is None:
            return False
        if prev.name in ("img", "picture", "figure", "svg"):
            return True
        return self._tree(prev).holds(prev, "img") and not _short_text(prev) and bool(prev.contents)

    def _inside_article(self, node: Any) -> bool:
        """``node`` is, or is inside, an article, main or section element. Each element's answer is
        kept, so asking for every element of a deep tree costs its size, not size times depth."""
        known = self._in_article
        chain: list[Any] = []
        answer = False
        while node is not None:
            seen = known.get(id(node))
            if seen is not None:
                answer = seen
                break
            if getattr(node, "name", None) in ("article", "main", "section"):
                answer = True
                break
            chain.append(node)
            node = node.parent
        for n in chain:
            known[id(n)] = answer
        return answer
