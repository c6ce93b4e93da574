"""The parsed tree, read at a cost linear in its size whatever its depth.

bs4's own looks at an element's descendants (``descendants``, ``find``, ``find_all``,
``get_text``) first walk down to the element's last descendant, which costs the depth of the
element's subtree: asked of every element of a deeply nested document, they are quadratic. So:

- :func:`descendants` and :func:`small_text` read at most a few nodes below an element;
- :class:`TreeIndex` answers questions about whole subtrees (is there an image in it, a heading,
  a paragraph of prose?) from one pass over the tree, by each element's place in document order;
- :class:`Work` counts the nodes every pass visits, calls the job server's ``tick`` about every
  1,000 of them (it may raise to stop the parse) and refuses markup nested deeper than a limit
  while lxml builds the tree, before anything else looks at it.

Nothing here recurses.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Iterator
from typing import Any

from narrator.errors import BadInput, TooLarge
from narrator.text import one_line

TICK_EVERY = 1000  # nodes of work between two calls of ``tick``


class Work:
    """The work of one parse: ``tick`` every :data:`TICK_EVERY` nodes, and its limits."""

    __slots__ = ("path", "tick", "max_depth", "max_chars", "_left")

    def __init__(self, path: str = "", tick: Callable[[], object] | None = None, *,
                 max_depth: int | None = None, max_chars: int | None = None) -> None:
        self.path = path
        self.tick = tick
        self.max_depth = max_depth
        self.max_chars = max_chars
        self._left = TICK_EVERY

    def step(self, nodes: int = 1) -> None:
        """Count ``nodes`` nodes of work; ``tick`` may raise to stop the parse."""
        self._left -= nodes
        if self._left <= 0:
            self._left = TICK_EVERY
            if self.tick is not None:
                self.tick()

    def check_chars(self, chars: int) -> None:
        """Refuse the document once the text read so far passes ``max_chars``."""
        if self.max_chars is not None and chars > self.max_chars:
            raise TooLarge(self.path, f"more text than the limit of {self.max_chars:,} characters")


def parse_tree(markup: str, work: Work | None = None) -> Any:
    """bs4 + lxml's tree of ``markup``, built while ``work`` counts its elements and their depth."""
    import warnings

    import bs4

    work = work if work is not None else Work()
    soup_class, builder_class = _classes()
    builder = builder_class(work)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # XMLParsedAsHTMLWarning for XHTML: the HTML parser is right here
            soup = soup_class(markup, builder=builder)
    except bs4.ParserRejectedMarkup as e:
        if builder.stopped is not None:  # bs4 wraps a LookupError raised by tick: unwrap it
            raise builder.stopped from None
        raise BadInput(work.path, f"the HTML parser cannot read it ({one_line(e, 200)})") from None
    _body_after_html(soup)
    return soup


def _body_after_html(soup: Any) -> None:
    """Markup after </html> (a paste appended to a saved page) ends the body, as browsers show
    it; the tree builder opens a second <html> for it instead, which no walk would read. Moved
    whole into the body: the walk reads an <html> or <body> inside it as a wrapper (a <head>
    there is skipped as it always is)."""
    import bs4

    roots = [c for c in soup.contents if isinstance(c, bs4.Tag)]
    if len(roots) < 2:
        return
    into = roots[0].body or roots[0]
    for extra in roots[1:]:
        into.append(extra.extract())


@functools.cache
def _classes() -> tuple[type, type]:
    """bs4's BeautifulSoup and lxml tree builder, made linear and counting (defined on first
    use: bs4 is imported only when a document is parsed)."""
    import bs4
    from bs4.builder import builder_registry

    class Soup(bs4.BeautifulSoup):
        def _linkage_fixer(self, el: Any) -> None:
            # bs4 calls this for each string that follows an element inside the same parent
            # ("<b>x</b> tail") and climbs from that parent to the root for an ancestor with a
            # next sibling to link to: the document's depth for every such string, quadratic
            # in a deep document. While lxml builds the tree in document order, the parent is
            # the open element and all its ancestors are open too: none has a next sibling
            # yet, and a new string after an element is already linked. Nothing to fix then.
            contents = el.contents
            child = contents[-1]
            if (len(contents) > 1 and el is self.currentTag and not isinstance(child, bs4.Tag)
                    and child.next_element is None and child.next_sibling is None):
                return
            super()._linkage_fixer(el)

    base = builder_registry.lookup("lxml")  # what BeautifulSoup(markup, "lxml") builds with
    if base is None:
        raise ImportError("lxml is not installed")

    class CountingBuilder(base):  # type: ignore[valid-type,misc]
        def __init__(self, work: Work) -> None:
            super().__init__()
            self.work = work
            self.depth = 0
            self.stopped: BaseException | None = None  # what tick raised

        # lxml passes nsmap only to a start() that takes it: keep bs4's signature
        def start(self, tag: Any, attrib: Any, nsmap: Any = {}) -> None:  # noqa: B006
            self.depth += 1
            limit = self.work.max_depth
            if limit is not None and self.depth > limit:
                raise TooLarge(self.work.path, f"elements nested deeper than the limit of {limit:,}")
            try:
                self.work.step()
            except BaseException as e:
                self.stopped = e
                raise
            super().start(tag, attrib, nsmap)

        def end(self, tag: Any) -> None:
            self.depth -= 1
            super().end(tag)

    return Soup, CountingBuilder


def descendants(node: Any) -> Iterator[Any]:
    """``node.descendants`` in the same order, without bs4's walk down to the last one first: a
    caller that stops after a few nodes pays for a few nodes."""
    stack = list(reversed(node.contents)) if getattr(node, "contents", None) else []
    while stack:
        current = stack.pop()
        yield current
        contents = getattr(current, "contents", None)
        if contents:
            stack.extend(reversed(contents))


def small_text(node: Any, max_nodes: int = 48, max_chars: int = 400) -> str | None:
    """``node.get_text()`` when ``node`` has at most ``max_nodes`` descendants and ``max_chars``
    characters of text; None for a bigger element (never a label, a mark or a credit)."""
    import bs4

    NS, CData = bs4.NavigableString, bs4.CData
    parts: list[str] = []
    size = 0
    for i, d in enumerate(descendants(node)):
        if i >= max_nodes:
            return None
        if type(d) is NS or type(d) is CData:  # what get_text() reads: no comment, script or ruby text
            parts.append(d)
            size += len(d)
            if size > max_chars:
                return None
    return "".join(parts)


_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# Groups of element names whose presence in a subtree is asked about.
_GROUPS = {
    "img": ("img", "picture"),
    "li": ("li",),
    "blocks in a button": ("p", "div", *_HEADINGS, "table", "ul", "ol"),
    "heading or paragraph": (*_HEADINGS, "p"),
    "input": ("input", "textarea"),
    "th": ("th",),
}
_GROUP_OF = {name: [g for g, names in _GROUPS.items() if name in names]
             for names in _GROUPS.values() for name in names}


class TreeIndex:
    """One pass over a whole tree: each element's place in document order and the end of its
    subtree, so "does X hold a Y?" is a binary search; text facts of headings, paragraphs and
    forms (the numbers ``get_text()`` would give), so "does X hold a real paragraph?" reads
    only those."""

    def __init__(self, top: Any, work: Work) -> None:
        import bs4

        Tag, NS, CData = bs4.Tag, bs4.NavigableString, bs4.CData
        self.pos: dict[int, int] = {}  # id(element) -> its place in document order
        self.end: list[int] = []  # place -> the place after its last descendant
        self.elements: list[Any] = []
        self.groups: dict[str, list[int]] = {g: [] for g in _GROUPS}
        # place -> (stripped text length, non-space characters, inside a link, links, their text)
        self.facts: dict[int, tuple[int, int, bool, int, int]] = {}
        keep = frozenset(("p", "form", *_HEADINGS))
        # text of each open element so far: [length, leading space, trailing space, all space,
        # non-space characters, links inside, their stripped text length]
        acc: list[list[Any]] = [[0, 0, 0, True, 0, 0, 0]]
        anchors = 0  # open <a> elements (a heading inside one is a link, not a heading)
        EXIT = object()
        stack: list[Any] = list(reversed(top.contents))
        while stack:
            node = stack.pop()
            work.step()
            if node is EXIT:
                tag = stack.pop()
                done = acc.pop()
                length, lead, trail, blank, solid, links, link_text = done
                stripped = 0 if blank else length - lead - trail
                place = self.pos[id(tag)]
                self.end[place] = len(self.elements)
                name = tag.name
                # a link to elsewhere: an <a> without a "#..." href (with none at all, too)
                is_link = name == "a" and not str(tag.get("href") or "").startswith("#")
                anchors -= name == "a"
                if name in keep:
                    self.facts[place] = (stripped, solid, anchors > 0, links, link_text)
                parent = acc[-1]
                _append(parent, length, lead, trail, blank, solid)
                parent[5] += links + is_link
                parent[6] += link_text + (stripped if is_link else 0)
                continue
            if isinstance(node, Tag):
                place = len(self.elements)
                self.pos[id(node)] = place
                self.elements.append(node)
                self.end.append(place + 1)
                for group in _GROUP_OF.get(node.name, ()):
                    self.groups[group].append(place)
                anchors += node.name == "a"
                acc.append([0, 0, 0, True, 0, 0, 0])
                stack.append(node)
                stack.append(EXIT)
                if node.contents:
                    stack.extend(reversed(node.contents))
            elif type(node) is NS or type(node) is CData:
                s = str(node)
                left = s.lstrip()
                if left:
                    _append(acc[-1], len(s), len(s) - len(left), len(s) - len(s.rstrip()), False,
                            len("".join(s.split())))
                else:
                    _append(acc[-1], len(s), len(s), len(s), True, 0)

    def _places(self, node: Any, group: str) -> Iterator[int]:
        """Places of the descendants of ``node`` in ``group``, in document order."""
        place = self.pos.get(id(node))
        if place is None:
            return
        places, end = self.groups[group], self.end[place]
        for i in range(bisect.bisect_right(places, place), len(places)):
            if places[i] >= end:
                return
            yield places[i]

    def holds(self, node: Any, group: str) -> bool:
        """``node.find(names of group)`` is not None."""
        return next(self._places(node, group), None) is not None

    def inside(self, node: Any, group: str, limit: int) -> Iterator[Any]:
        """``node.find_all(names of group, limit=limit)``."""
        for n, place in enumerate(self._places(node, group)):
            if n >= limit:
                return
            yield self.elements[place]

    def text_length(self, node: Any) -> int:
        """``len(node.get_text().strip())`` of a p, heading or form."""
        return self.facts[self.pos[id(node)]][0]

    def is_heading_text(self, heading: Any) -> bool:
        """A heading with at least two characters of text, not inside a link, and not all links
        to elsewhere (a list of links styled as headings). A heading whose link points to itself
        ("#anchor": mdBook, Sphinx, GitHub) is a heading."""
        stripped, solid, in_link, links, link_text = self.facts[self.pos[id(heading)]]
        return solid >= 2 and not in_link and not (links and link_text >= 0.8 * stripped)


def _append(acc: list[Any], length: int, lead: int, trail: int, blank: bool, solid: int) -> None:
    """Text facts of ``acc`` followed by a piece of text with the given facts."""
    if not length:
        return
    if acc[3]:  # all space so far: the piece's leading space continues it
        acc[1] = acc[0] + lead
    acc[2] = trail if not blank else acc[2] + length
    acc[0] += length
    acc[3] = acc[3] and blank
    acc[4] += solid
