"""Google Docs: "Download as HTML" exports and the HTML Google Docs puts on the clipboard.

Google writes every style as a generated class (``.c12{font-weight:700;font-size:14pt}``) in
one <style> block, and a document whose author styled its headings by hand (bold and larger, or
in capitals) has no <h1>-<h6> at all: such a document would be one long chapter. When a
document has no heading tags, a short paragraph whose text is all in bold classes of a larger
size than the body text, or a short line in capitals, is a heading; its level follows its size
(the largest is level 1, capitals at body size come last). The Title-style paragraph
(``p.title``) is the document's title; comments ([a], [b] and their threads at the end) are
the reviewers', not the document's; its own table of contents (Insert > Table of contents:
links to its headings with page numbers, or a typed list under a "Table of Contents" heading) is
not read (own_contents.py); a Doc published as a Jekyll or Hugo post takes its front matter's
title (blog.py); authoring markers such as "//***NO TEXT INPUT FIELD***///"
are notes to whoever builds the course.

Footnotes: the export marks each reference ``<sup><a href="#ftnt1" id="ftnt_ref1">[1]</a></sup>``
and writes the notes after a rule at the end, each in a bare ``<div>`` that starts with its
back link ``<a href="#ftnt_ref1" id="ftnt1">[1]</a>``. Each such div is marked as a footnote,
so the notes are read as notes (parse/notes.py: at the end, inline or not at all, by
``[parse] notes``), the "[1]" marks are read nowhere, and the rule above them is reported.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from narrator.values import Block, Skipped
from narrator.parse import sources
from narrator.parse.own_contents import take_out_own_contents
from narrator.parse.sources import Facts, Source
from narrator.parse.sources.blog import front_matter

__all__ = ["GoogleDocs", "class_styles"]

_RULE = re.compile(r"\.([A-Za-z][\w-]*)\s*\{([^{}]*)\}")
_SIZE = re.compile(r"font-size:\s*([\d.]+)pt")
_BOLD = re.compile(r"font-weight:\s*(?:bold|[6-9]00)")
_HEADING_TAGS = re.compile(r"^h[1-6]$")
_GOOGLE_ID = re.compile(r"^h\.[a-z0-9]{6,}$")
_GOOGLE_CLASS = re.compile(r"^c\d+$")
# "//***NO TEXT INPUT FIELD***///", "### TEACHER NOTE ###": capitals between runs of markers
_MARKER = re.compile(r"^[/*#=~<>\[\]\\_-]{2,}\s*[A-Z0-9][A-Z0-9 ,.'’&:()!?-]*?\s*[/*#=~<>\[\]\\_-]{2,}$")
_NOTE_BACKLINK = re.compile(r"^ftnt\d+$")  # the id of a footnote's "[1]" link back to the text
_COMMENT_BACKLINK = re.compile(r"^cmnt\d+$")  # the id of a comment's "[a]" link back to the text
_BACKLINKS = re.compile(r"^(?:ftnt|cmnt)\d+$")
_SENTENCE_END = (".", ",", ";")
_MAX_HEADING = 120  # characters: longer than a heading Google Docs users write
_MAX_CAPS = 80


def class_styles(soup: Any) -> dict[str, str]:
    """Each class of the document's <style> blocks with its declarations (lowercased)."""
    styles: dict[str, str] = {}
    for style in soup.find_all("style"):
        for name, body in _RULE.findall(style.get_text()):
            styles[name] = styles.get(name, "") + ";" + body.lower()
    return styles


def _text(node: Any) -> str:
    return " ".join(node.get_text().split())


class GoogleDocs(Source):
    """A Google Docs document: headings from its styles, its title, without comments and markers."""

    name = "google-docs"

    @classmethod
    def maybe(cls, facts: Facts) -> bool:
        return ("doc-content" in facts.classes or "style" in facts.tags
                or any(i.startswith("docs-internal-guid") or _GOOGLE_ID.match(i) for i in facts.ids))

    @classmethod
    def detect(cls, soup: Any) -> bool:
        body = soup.body
        if body is not None and "doc-content" in (body.get("class") or ()):
            return True
        if soup.find(id=re.compile(r"^docs-internal-guid")) is not None:
            return True
        if any("lst-kix_" in s.get_text() for s in soup.find_all("style")):
            return True
        # the body without its <style> (a course export keeps it): Google's ids and classes
        marked = soup.find_all(id=_GOOGLE_ID, limit=2)
        return len(marked) >= 2 and all(_GOOGLE_CLASS.match(c) for m in marked for c in (m.get("class") or ())
                                         if c not in ("title", "subtitle"))

    def prepare(self, soup: Any) -> list[Skipped]:
        out: list[Skipped] = []
        # comments: the marks in the text ([a]) and the threads after it
        refs = [a for a in soup.find_all("a", id=re.compile(r"^cmnt_ref\d+$"))]
        out += sources.take_out([a.parent if a.parent is not None and a.parent.name == "sup" else a
                                 for a in refs], "comment mark", "a reviewer's comment mark in the Google Doc")
        threads = [_note_block(a) for a in soup.find_all("a", id=_COMMENT_BACKLINK)]
        out += sources.take_out([t for t in threads if t is not None], "comment",
                                "a reviewer's comment on the Google Doc, not its text")
        out += _footnotes(soup)
        markers = [p for p in soup.find_all(["p", "li"]) if _MARKER.match(_text(p))]
        out += sources.take_out(markers, "authoring marker",
                                "a note to whoever builds the course, written between marker characters")
        title = soup.find(class_="title")
        self._title = _text(title) if title is not None else ""
        if title is not None and title.name == "p" and self._title:
            title.name = "h1"  # Google's Title style: the document's title heading (chapters.py)
        if not any(h is not title for h in soup.find_all(_HEADING_TAGS)):
            _styled_headings(soup, class_styles(soup))
        # a Google Doc published as a Jekyll or Hugo post: its front matter names it
        front_title, front_out = front_matter(soup)
        self._title = front_title or self._title
        return out + front_out + take_out_own_contents(soup)

    def finish(self, blocks: list[Block]) -> list[Block]:
        return blocks

    def title(self, soup: Any, blocks: list[Block]) -> str | None:
        return getattr(self, "_title", "") or None


def _note_block(link: Any) -> Any | None:
    """The block of the footnote or comment thread that starts with ``link`` (its back link):
    the innermost <p> or <div> holding the link, widened to each enclosing <div> that starts with
    the link and holds no other note's. Google writes <div><p>[1] text</p><p>more</p></div>
    (a comment's replies are more <p>s in its div); a cleaned export or a page that wraps the Doc
    (a Canvas page) leaves bare <p>s, and the wrapper holding the whole Doc must not be taken."""
    block = link.find_parent(["p", "div"])
    if block is None or block.name == "body":
        return None
    while block.parent is not None and block.parent.name == "div" and _starts_with(block.parent, link) \
            and all(a is link for a in block.parent.find_all("a", id=_BACKLINKS, limit=2)):
        block = block.parent
    return block


def _starts_with(node: Any, link: Any) -> bool:
    """True when the first text of ``node`` is ``link``'s."""
    first = next((s for s in node.strings if s.strip()), None)
    return first is not None and any(p is link for p in first.parents)


def _footnotes(soup: Any) -> list[Skipped]:
    """Mark each footnote of the export as a footnote (the walker then reads it as a note and
    leaves its "[1]" back link out) and report the rule above the first one."""
    notes = []
    for link in soup.find_all("a", id=_NOTE_BACKLINK):
        if not str(link.get("href") or "").startswith("#ftnt_ref"):
            continue
        holder = _note_block(link)
        if holder is None:
            continue
        holder["class"] = [*(holder.get("class") or []), "footnote"]
        notes.append(holder)
    if not notes:
        return []
    rule = notes[0].find_previous_sibling(True)
    if rule is not None and rule.name == "hr":
        return sources.take_out([rule], "footnote rule", "the line above the document's footnotes")
    return []


def _span_style(span: Any, styles: dict[str, str]) -> tuple[bool, float | None]:
    """(bold?, font size in pt or None) of a text run, from its classes and inline style."""
    decls = ";".join(styles.get(c, "") for c in (span.get("class") or ())) + ";" + str(span.get("style") or "").lower()
    sizes = _SIZE.findall(decls)
    return _BOLD.search(decls) is not None, float(sizes[-1]) if sizes else None


def _runs(p: Any, styles: dict[str, str]) -> list[tuple[str, bool, float | None]]:
    runs = []
    for span in p.find_all("span"):
        if span.find("span") is not None:
            continue
        text = _text(span)
        if text:
            runs.append((text, *_span_style(span, styles)))
    return runs


def _styled_headings(soup: Any, styles: dict[str, str]) -> None:
    """Paragraphs styled as headings (bold and larger than the body, or short capitals) become
    h1-h6, by size."""
    paragraphs = [p for p in soup.find_all("p") if p.find_parent(["td", "th", "li"]) is None
                  and "title" not in (p.get("class") or ()) and "subtitle" not in (p.get("class") or ())]
    sizes: Counter[float] = Counter()
    runs_of = {}
    for p in paragraphs:
        runs = _runs(p, styles)
        runs_of[id(p)] = runs
        for text, _bold, size in runs:
            sizes[size or 11.0] += len(text)
    if not sizes:
        return
    body_size = sizes.most_common(1)[0][0]
    keys: dict[int, tuple[float, int]] = {}
    for p in paragraphs:
        text = _text(p)
        runs = runs_of[id(p)]
        if not text or not runs or len(text) > _MAX_HEADING or text.endswith(_SENTENCE_END):
            continue
        size = max((s or body_size) for _t, _b, s in runs)
        letters = [ch for ch in text if ch.isalpha()]
        caps = len(letters) >= 4 and len(text) <= _MAX_CAPS and all(ch.isupper() for ch in letters) \
            and not text.endswith(("!", "?"))
        bold_larger = all(b for _t, b, _s in runs) and size > body_size
        if bold_larger or caps:
            keys[id(p)] = (size, int(caps))
    order = sorted(set(keys.values()), reverse=True)
    for p in paragraphs:
        if id(p) in keys:
            p.name = f"h{min(order.index(keys[id(p)]) + 1, 6)}"
