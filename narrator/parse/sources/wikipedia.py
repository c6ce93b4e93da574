"""MediaWiki pages (Wikipedia in English and Chinese): desktop skins (Vector, Vector 2022,
MonoBook), saved pages, ``action=render`` and Parsoid output, and the REST mobile-html of the Page
Content Service ("pcs"), read as a listener would want an encyclopedia article.

Recognised by the document itself: the ``MediaWiki`` generator meta, the parser's
``mw-parser-output`` element, Parsoid's ``mw:`` meta properties or the pcs root ``div#pcs``.

What is heard: the article title once, the lead, the infobox as a table after the lead (where a
reader meets the facts it sums up; read first, it would open the article with a table), every
section with its image captions, and the notes, references and external links at the end (the
"Notes" part of parse/notes.py, or not read with ``notes = "skip"``). What is not heard, each
entry in the skip report with its reason: the wiki's page frame (menus, tagline, categories,
footer, "Retrieved from"), "[edit]" links, the table of contents, hatnotes ("For other uses, see
..."), maintenance notices and tags ("This section needs expansion", "[citation needed]"),
navigation boxes and sidebars, "See also" link lists, show/hide controls, IPA transcriptions,
music scores and sound players. Collapsed sections of the mobile app are opened: they are the
article, folded for small screens.

The page's own frame and scripts are taken out here, so the whole article is read as a document
(no link-density guesses: a list of links inside an article is the article's).
"""

from __future__ import annotations

import re
from typing import Any

from narrator.values import Skipped
from narrator.parse import sources
from narrator.parse.sources import Facts, Source

__all__ = ["Wikipedia"]

# (CSS selector, what, reason): furniture inside the article's element
_FURNITURE: tuple[tuple[str, str, str], ...] = (
    (".mw-editsection, .mw-editsection-like, .pcs-edit-section-link-container, "
     ".pcs_edit_section_link_container",
     "edit link", "the wiki's [edit] link beside a heading"),
    ("#toc, .toc, #vector-toc, .toclimit-2, .toclimit-3",
     "table of contents", "the wiki's list of sections: each section is heard as it comes"),
    # English .hatnote/.dablink/.rellink (also Spanish .rellink); German "Begriffsklärung" hint
    # (a table.noprint.searchaux) and "Hauptartikel"; French "homonymie"; Italian disambiguation
    (".hatnote, .dablink, .rellink, table.noprint.searchaux, .hauptartikel, .homonymie, .avviso-disambigua",
     "hatnote", "a pointer to other wiki pages ('For other uses, see ...'), not the article's text"),
    (".ambox, .asbox, .stub",
     "maintenance notice", "a notice to the wiki's editors (needs expansion, sources, stub), "
     "not the article's text"),
    ("sup.Inline-Template, .Template-Fact, sup.noprint.Inline-Template",
     "maintenance tag", "an editor's tag such as [citation needed], not the article's text"),
    (".citation-comment, .cs1-visible-error, .cs1-hidden-error, .cs1-maint",
     "citation error", "the wiki's message to its editors about a malformed citation "
     "('Cite journal requires |journal=')"),
    (".navbox, .navbox-styles, .vertical-navbox, .sidebar, .navigation-box, .portal, .portalbox, "
     ".sistersitebox, .sister-project, .module-shortcutboxplain, .shortcutbox, .authority-control, "
     "div[role=navigation], table[role=navigation]",
     "navigation box", "links to related wiki pages and projects, not the article's text"),
    (".navbar, .mw-collapsible-toggle, .collapseButton, .pcs-collapse-table-collapsed-container, "
     ".pcs-collapse-table-collapsed-bottom, .pcs-collapse-table-collapsed_container, "
     ".pcs-collapse-table-collapsed_bottom, .pcs-section-control, .pcs-ref-backlink-container",
     "control label", "the label of a show/hide or back-link control of the wiki"),
    (".noteTA", "word-conversion table",
     "the Chinese wiki's hidden table of how terms are written in each region"),
    (".mw-indicators, .topicon", "page indicator", "the wiki's page-status icons beside the title"),
    (".printfooter, .catlinks, #catlinks",
     "page footer", "the page's address and categories, printed under the article"),
    ("#coordinates", "title-bar coordinates",
     "map coordinates shown beside the title as a link to map services"),
    (".geo-nondefault, .geo-multi-punct",
     "coordinates, second notation", "the same position in another notation, hidden by the wiki"),
    (".mw-ext-score", "music score",
     "printed music and its player: notes on a staff are not read aloud"),
    (".mbox-small:has(audio), .haudio, .listen, .mediaContainer, audio, video",
     "sound player", "a player for a sound or video file: nothing to hear in a narration"),
)
# the page frame around the article, by id (else "the wiki's page frame")
_FRAME = {
    "mw-navigation": "the wiki's menus and search", "mw-head": "the wiki's menus and search",
    "mw-panel": "the wiki's menus", "footer": "the wiki's footer (licence, privacy, about)",
    "catlinks": "the article's categories", "siteSub": "the wiki's tagline",
    "contentSub": "the line under the title (redirect notice)", "jump-to-nav": "skip links",
    "siteNotice": "the wiki's banner notice", "mw-page-base": "the wiki's page frame",
}
_IPA = "span.IPA, [lang$=fonipa], [title='Representation in the International Phonetic Alphabet (IPA)']"
_RESPELL = "a[href*='Pronunciation_respelling_key'], a[href*='Help:Pronunciation']"
_EMPTY_BRACKETS = re.compile(r"\s*[(（]\s*[)）]")
_LEADING_SEPARATOR = re.compile(r"([(（])\s*(?:[;,；，]|or\b)\s*")
_SEE_ALSO = frozenset(("see also", "参见", "參見", "参看", "參看", "相关条目", "相關條目", "另见", "另見",
                       "参阅", "參閱"))
_SITE = re.compile(r"\s*[-–—|]\s*(?:Wikipedia|维基百科|維基百科)[^-–—|]*$")
# appendix sections whose lists of citations and outside links are references (read as notes)
_APPENDIX = frozenset(("references", "notes", "footnotes", "citations", "sources", "works cited",
                       "further reading", "external links", "notes and references", "bibliography",
                       "参考文献", "參考文獻", "备注", "備註", "注解", "脚注与参考",  "参考资料", "參考資料", "注释", "註釋", "脚注", "腳註",
                       "外部链接", "外部連結", "延伸阅读", "延伸閱讀", "来源", "來源", "资料来源", "資料來源"))
_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
_NOTE_LIST = "references"  # a class the walker reads as a list of notes (parse/html.py)


class Wikipedia(Source):
    """A MediaWiki article page (desktop, render, Parsoid or mobile-html)."""

    name = "wikipedia"

    def __init__(self) -> None:
        self._content: Any = None
        self._title = ""

    @classmethod
    def maybe(cls, facts: Facts) -> bool:
        return (facts.metas.get("generator", "").startswith("MediaWiki")
                or any(k.startswith("mw:") for k in facts.metas)
                or facts.any_class("mw-parser-output", "mw-reflink-text")
                or facts.any_id("mw-content-text", "pcs"))

    @classmethod
    def detect(cls, soup: Any) -> bool:
        meta = soup.find("meta", attrs={"name": "generator"})
        if meta is not None and str(meta.get("content") or "").startswith("MediaWiki"):
            return True
        if soup.find("meta", attrs={"property": re.compile(r"^mw:(pageId|htmlVersion)$")}) is not None:
            return True
        if soup.select_one("div.mw-parser-output, div#mw-content-text, div#pcs") is not None:
            return True
        # a Parsoid section served alone (the mobile content service): its reference marks
        return soup.select_one(".mw-ref .mw-reflink-text") is not None

    def prepare(self, soup: Any) -> list[Skipped]:
        content = _content(soup)
        if content is None:
            return []
        self._content = content
        out: list[Skipped] = []
        heading = soup.select_one("h1#firstHeading, h1.firstHeading")
        if heading is not None:
            for junk in heading.select(".mw-editsection"):
                junk.decompose()  # before the title is read: "[edit]" is no part of it
            self._title = " ".join(heading.get_text().split())
            content.insert(0, heading.extract())  # heard once, as the article's heading
        else:
            self._title = _page_title(soup)
        out += _outside(content)
        out += _scripts(soup)
        _open_folds(content)
        out += _pronunciations(content)
        for css, what, reason in _FURNITURE:
            out += sources.take_out(content.select(css), what, reason)
        out += sources.take_out((s for s in content.select("sup.reference")
                                 if s.get_text().lstrip().startswith(":")), "cited page",
                                "the page of the source a reference points to, beside its mark")
        out += _appendices(content)
        out += sources.take_out((_heading_block(h) for h in content.find_all(_HEADINGS)
                                 if not _section_text(h) and not _has_subsections(h)), "empty heading",
                                "nothing under it to read (its content was furniture, or the page "
                                "loads it on demand)")
        _infobox_after_lead(content)
        _local_note_links(content)
        out += _orphan_marks(soup, content)
        return out

    def root(self, soup: Any) -> Any | None:
        return self._content

    def title(self, soup: Any, blocks: list[Any]) -> str | None:
        return self._title or None


def _content(soup: Any) -> Any | None:
    """The element holding the article: pcs' root, the parser's output inside the content text,
    or the body of Parsoid/render output."""
    for css in ("div#pcs", "#mw-content-text > div.mw-parser-output", "div#mw-content-text",
                "div.mw-parser-output"):
        found = soup.select_one(css)
        if found is not None:
            return found
    return soup.body


def _page_title(soup: Any) -> str:
    """<title> without the site name; a page outside the article namespace (a user's test page)
    is named by its last part, not its wiki path."""
    head = soup.find("title")
    text = _SITE.sub("", " ".join(head.get_text().split())) if head is not None else ""
    ns = soup.find("meta", attrs={"property": "mw:pageNamespace"})
    if ns is not None and str(ns.get("content") or "0") != "0" and ":" in text:
        text = text.split(":", 1)[1].rsplit("/", 1)[-1].strip()
    return text


def _outside(content: Any) -> list[Skipped]:
    """Everything around the article's element: the wiki's page frame."""
    out: list[Skipped] = []
    node = content
    while node.parent is not None and node.name != "body":
        for sib in list(node.parent.children):
            if sib is node or getattr(sib, "name", None) is None:
                continue
            if sib.name in ("script", "style", "link", "meta", "noscript"):
                continue  # left for _scripts or the walker (never text)
            ident = sib.get("id") if hasattr(sib, "get") else None
            reason = _FRAME.get(ident if isinstance(ident, str) else "", "the wiki's page frame around the article")
            out += sources.take_out([sib], "page frame", reason)
        node = node.parent
    return [s for s in out if s.chars]  # empty wrappers: nothing a listener could miss


def _scripts(soup: Any) -> list[Skipped]:
    """Scripts, forms and navigation left anywhere: the page's program and controls (taking them
    out also tells the parser this is a document to read whole, not a page to guess at)."""
    nodes = soup.find_all(["script", "nav", "form", "iframe"])
    if not nodes:
        return []
    chars = sum(len(n.get_text().strip()) for n in nodes if n.name != "script")
    for n in nodes:
        n.decompose()
    return [Skipped("script, nav, form", "page program and controls",
                    "the wiki's scripts, search form and menus, never text", chars, len(nodes))]


def _open_folds(content: Any) -> None:
    """The mobile app folds sections and tables with display:none: they are the article."""
    for el in content.select("section[style], .pcs-collapse-table-content[style]"):
        style = str(el.get("style") or "")
        if "none" in style:
            el["style"] = re.sub(r"display\s*:\s*none\s*;?", "", style)


def _pronunciations(content: Any) -> list[Skipped]:
    """IPA transcriptions and respellings, and the brackets or separators they leave empty:
    "Konjac (English: /ˈkoʊnjæk/ KOHN-yak) is" is heard "Konjac is"."""
    groups: list[Any] = []
    for el in content.select(f"{_IPA}, {_RESPELL}"):
        top = el
        # climb through wrappers that hold nothing else (rt-commentedText, nowrap spans)
        while top.parent is not None and top.parent.name in ("span", "small", "i") and \
                top.parent is not content and _only_pronunciation(top.parent):
            top = top.parent
        if all(top is not g and top not in g.parents for g in groups):
            groups = [g for g in groups if top not in g.parents] + [top]
    out: list[Skipped] = []
    parents = []
    for g in groups:
        parents.append(g.parent)
        out += sources.take_out([g], "pronunciation", "phonetic symbols (IPA) and respellings for "
                                "readers; the narrator says the word itself")
    for parent in parents:
        if parent is not None and not parent.decomposed:
            _close_gaps(parent)
    return out


def _only_pronunciation(el: Any) -> bool:
    """``el`` holds only pronunciation material and short labels ("English:", "or", "listen")."""
    rest = el.__copy__()
    for x in rest.select(f"{_IPA}, {_RESPELL}, small"):
        x.decompose()
    return len(rest.get_text(" ", strip=True)) <= 12


def _close_gaps(parent: Any) -> None:
    """Brackets left empty, or a separator left first inside them, by removed pronunciations:
    "Konjac ( )" is "Konjac", "(; born 1950)" is "(born 1950)"."""
    from bs4 import NavigableString

    parent.smooth()  # "(" and " " and ")" left as neighbours become one string
    for piece in list(parent.children):
        if type(piece) is NavigableString:
            text = _EMPTY_BRACKETS.sub("", str(piece))
            text = _LEADING_SEPARATOR.sub(r"\1", text)
            if text != str(piece):
                piece.replace_with(text)


def _heading_block(h: Any) -> Any:
    """The element standing for a heading among its section's siblings (newer wikis wrap
    headings in div.mw-heading, pcs in div.pcs-edit-section-header)."""
    parent = h.parent
    if parent is not None and parent.name == "div" and any(
            c in ("mw-heading", "pcs-edit-section-header", "pcs_edit_section_header") for c in (parent.get("class") or ())):
        return parent
    return h


def _level(block: Any) -> int:
    h = block if block.name in _HEADINGS else block.find(_HEADINGS)
    return int(h.name[1]) if h is not None else 9


def _section(h: Any) -> list[Any]:
    """The nodes after heading ``h`` up to the next heading of its level or higher."""
    block = _heading_block(h)
    level = _level(block)
    nodes = []
    for sib in block.next_siblings:
        name = getattr(sib, "name", None)
        if name is not None:
            head = sib if name in _HEADINGS else (
                sib if name == "div" and sib.find(_HEADINGS, recursive=False) is not None
                and _heading_block(sib.find(_HEADINGS, recursive=False)) is sib else None)
            if head is not None and _level(head) <= level:
                break
        nodes.append(sib)
    return nodes


def _has_subsections(h: Any) -> bool:
    """The next heading is deeper than ``h`` (in pcs output a subsection is the next <section>)."""
    after = h.find_next(_HEADINGS)
    return after is not None and _level(after) > _level(h)


def _section_text(h: Any) -> int:
    """How much text the section under heading ``h`` has (comments aside)."""
    return sum(_chars(n) for n in _section(h))


def _appendices(content: Any) -> list[Skipped]:
    """The standard appendices: reference lists become notes (read at the end with the others);
    "See also" link lists are not read; a heading whose section then holds nothing to read in
    place is not read either (its notes come in the Notes part)."""
    out: list[Skipped] = []
    lists = content.select(".refbegin ul, .refbegin ol")
    for h in content.find_all(_HEADINGS):
        if _heading_text(h) in _APPENDIX:
            lists += [_as_list(n) for n in _section(h) if _only_a_link(n)]
            lists += [x for n in _section(h) if getattr(n, "name", None)
                      for x in ([n] if n.name in ("ul", "ol", "dl") else n.find_all(["ul", "ol", "dl"]))]
    for lst in lists:
        classes = lst.get("class") or []
        items = lst.find_all(["li", "dd", "dt"], recursive=False)
        if _NOTE_LIST in classes or not items or lst.find_parent(class_=_NOTE_LIST) is not None:
            continue
        lst["class"] = [*classes, _NOTE_LIST]
    for h in content.find_all(_HEADINGS):
        if _heading_text(h) in _SEE_ALSO and not _has_subsections(h) and _only_links(nodes := _section(h)):
            out += sources.take_out([_heading_block(h), *[n for n in nodes if getattr(n, "name", None)]],
                                    "see also", "a list of links to other wiki articles: a listener "
                                    "cannot follow them")
    # last first: a heading inside a reference list (pcs' "Preview of references") goes before
    # the section heading above it is judged, which then holds nothing but notes
    for h in reversed(content.find_all(_HEADINGS)):
        if h.decomposed or h.parent is None or _has_subsections(h):
            continue
        nodes = _section(h)
        if _only_notes(nodes) and any(getattr(n, "name", None) for n in nodes):
            out += sources.take_out([_heading_block(h)], "notes heading",
                                    "its references are read together with the other notes, at the end")
    return out


def _only_a_link(node: Any) -> bool:
    """A paragraph that is one link and nothing else: in an appendix, a source cited by its title."""
    if getattr(node, "name", None) != "p":
        return False
    links = node.find_all("a")
    text = node.get_text(strip=True)
    return len(links) == 1 and bool(text) and links[0].get_text(strip=True) == text


def _as_list(node: Any) -> Any:
    """``node`` wrapped as the one item of a list (how the walker reads a reference)."""
    from bs4 import Tag

    return node.wrap(Tag(name="li")).wrap(Tag(name="ul"))


def _chars(node: Any) -> int:
    """Characters of readable text in ``node`` (not style sheets, scripts or comments)."""
    from bs4 import Comment, NavigableString

    if getattr(node, "name", None) is None:
        return 0 if isinstance(node, Comment) else len(str(node).strip())
    count = 0
    for t in node.find_all(string=True):
        parent = t.parent
        if type(t) is NavigableString and parent is not None and parent.name not in ("style", "script"):
            count += len(t.strip())
    return count


def _heading_text(h: Any) -> str:
    return " ".join(h.get_text().split()).strip().lower()


def _text_nodes(nodes: list[Any]) -> list[Any]:
    """``nodes`` without comments (a wiki's parser report is a long comment)."""
    from bs4 import Comment

    return [n for n in nodes if not isinstance(n, Comment)]


def _only_links(nodes: list[Any]) -> bool:
    """Every list item of ``nodes`` is mostly a link (a "See also" list), and there is no prose."""
    nodes = _text_nodes(nodes)
    for n in nodes:
        if getattr(n, "name", None) is None:
            if str(n).strip():
                return False
            continue
        if n.name == "p" and len(n.get_text(strip=True)) > 60:
            return False
    items = [li for n in nodes if getattr(n, "name", None) for li in n.find_all("li")]
    if not items:
        return False
    linked = sum(len(a.get_text(strip=True)) for li in items for a in li.find_all("a"))
    return linked * 2 >= sum(len(li.get_text(strip=True)) for li in items)


def _only_notes(nodes: list[Any]) -> bool:
    """All the text of ``nodes`` lies in lists of notes (the walker reads those at the end)."""
    total = noted = 0
    for n in _text_nodes(nodes):
        total += _chars(n)
        if getattr(n, "name", None) is None:
            continue
        lists = [n] if _NOTE_LIST in (n.get("class") or []) else n.select(f".{_NOTE_LIST}")
        noted += sum(_chars(x) for x in lists
                     if x.find_parent(class_=_NOTE_LIST) is None or x is n)
    return total > 0 and noted >= total


def _infobox_after_lead(content: Any) -> None:
    """An infobox before the lead's text goes after the lead: the article opens with its first
    sentence, then the table of facts that sums it up."""
    box = content.select_one("table.infobox")
    if box is None or box.find_parent("table") is not None:
        return
    first = content.find(lambda t: t.name in _HEADINGS or (
        t.name == "p" and t.find_parent("table") is None and bool(t.get_text(strip=True))))
    if first is None or first.name in _HEADINGS:
        return
    if box.find_next(lambda t: t is first) is None:
        return  # the box already comes after the lead's first paragraph
    heading = first.find_next(_HEADINGS)
    box = box.extract()
    if heading is None:
        content.append(box)
    else:
        _heading_block(heading).insert_before(box)


def _local_note_links(content: Any) -> None:
    """Parsoid and pcs write a reference as a link to "./Title#cite_note-1": the note is on this
    page, so it is "#cite_note-1" (how parse/notes.py finds the note a paragraph refers to)."""
    for a in content.select("sup.reference a[href*='#'], sup.mw-ref a[href*='#']"):
        href = str(a.get("href") or "")
        if not href.startswith("#"):
            a["href"] = "#" + href.split("#", 1)[1]


def _orphan_marks(soup: Any, content: Any) -> list[Skipped]:
    """Parsoid reference marks whose note is not in the document (a section served alone by the
    mobile content service): "[12]" would be read with nothing behind it."""
    marks = content.select(".mw-ref")
    if not marks:
        return []
    # the page's ids gathered once: a search of the page per mark is quadratic (2,000 marks: a minute)
    ids = {str(t.get("id")) for t in soup.find_all(id=True)}
    orphans = []
    for mark in marks:
        a = mark.find("a", href=True)
        target = str(a.get("href") or "").split("#", 1)[1] if a is not None and "#" in str(a.get("href")) else ""
        if target and target not in ids:
            orphans.append(mark)
    return sources.take_out(orphans, "reference mark",
                            "a mark pointing to a reference that is not in this document")
