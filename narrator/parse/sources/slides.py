"""Slide decks: reveal.js (hand-written, DocOnce, Quarto, nbconvert slides), Marp exports and
remark / xaringan decks (Markdown kept in ``<textarea id="source">``).

A deck is heard slide by slide: each titled slide starts a chapter named by its heading; an
untitled slide, or one repeating the previous slide's title (a continued slide), goes on in the
chapter before it, so no chapter name is ever made up. The title slide gives the deck its title,
heard once at the start; its author, affiliation and date lines are a byline, reported, not read.
Speaker notes (``aside.notes``, remark's ``???``) are what the presenter says about the slide:
they are read after it. Fragments are read in place, all of them. Hidden and excluded slides are
reported. remark's markup (``---`` and ``--`` breaks, ``class:`` / ``layout:`` lines, ``.class[...]``
macros) is turned into the slides it stands for, never spoken.
"""

from __future__ import annotations

import dataclasses
import html
import re
from typing import Any

from narrator.parse import sources as _sources
from narrator.parse.sources import Facts, Source
from narrator.parse.sources.texmacros import define_and_expand
from narrator.values import Block, Skipped

__all__ = ["Slides", "remark_html"]

_TITLE_MARK = "narrator-slide-title"  # set in prepare, read (and removed) in finish
_HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]
_BYLINE_MAX = 300  # characters: more than a title slide's names and dates is content
_WS = re.compile(r"\s+")


class Slides(Source):
    """A slide deck."""

    name = "slides"

    def __init__(self) -> None:
        self._title: str | None = None

    @classmethod
    def maybe(cls, facts: Facts) -> bool:
        return ("reveal" in facts.classes or "data-marpit-pagination" in facts.attrs
                or "data-marpit-svg" in facts.attrs or ("textarea" in facts.tags and "source" in facts.ids))

    @classmethod
    def detect(cls, soup: Any) -> bool:
        if soup.select_one("div.reveal div.slides, section[data-marpit-pagination], svg[data-marpit-svg]"):
            return True
        return _remark_source(soup) is not None

    def prepare(self, soup: Any) -> list[Skipped]:
        out: list[Skipped] = []
        holder = _remark_source(soup)
        if holder is not None:
            out += _replace_remark(soup, holder)
        _reveal_markdown(soup)
        for script in soup.find_all("script"):
            # the slide engine's code: with it the page would be read as a web page around an
            # article (link-dense list items taken for menus); TeX in math/tex scripts stays
            if (script.get("type") or "text/javascript").lower() in _JS_TYPES:
                script.decompose()
        out += define_and_expand(soup)
        if soup.select_one("div.cell, div.jp-Cell"):  # nbconvert's slides: a notebook in a deck
            from narrator.parse.sources.notebook import Notebook
            out += Notebook().prepare(soup)
        slides = _slides(soup)
        out += _sources.take_out([s for s in slides if _hidden(s)], "hidden slide",
                                 "the deck does not show it (data-visibility=hidden or exclude)")
        slides = [s for s in slides if not s.decomposed and s.parent is not None]
        for note in soup.select("aside.notes"):
            # the walker takes <aside> on a web page for a sidebar; these are the presenter's words
            note.name = "div"
            note["class"] = ["speaker-notes"]
        if slides:
            out += self._title_slide(soup, slides[0])
        out += _mark_titles(slides)
        return out

    def _title_slide(self, soup: Any, slide: Any) -> list[Skipped]:
        """The first slide names the deck when it holds the first heading and little else: the
        heading is the title, the lines around it (authors, affiliations, date) a byline."""
        heading = slide.find(_HEADINGS)
        if heading is None or not heading.get_text(strip=True):
            return []
        rest = len(_WS.sub(" ", slide.get_text()).strip()) - len(_WS.sub(" ", heading.get_text()).strip())
        is_title = "title-slide" in (slide.get("class") or []) or slide.get("id") == "title-slide"
        if rest > _BYLINE_MAX and not is_title:
            return []
        self._title = _WS.sub(" ", heading.get_text()).strip()
        heading["class"] = list(heading.get("class") or []) + ["title"]
        byline = [el for el in slide.find_all(True, recursive=False) if el is not heading
                  and heading not in el.find_all(_HEADINGS) and el.get_text(strip=True)]
        out = _sources.take_out(byline, "title slide byline",
                                "author, affiliation and date lines of the deck's title slide")
        # the title itself may sit inside a wrapper (DocOnce's <center>): its siblings there too
        for parent in heading.parents:
            if parent is slide:
                break
            out += _sources.take_out([el for el in parent.find_all(True, recursive=False)
                                      if el is not heading and heading not in el.descendants
                                      and el.get_text(strip=True)], "title slide byline",
                                     "author, affiliation and date lines of the deck's title slide")
        if slide.get_text(strip=True) == heading.get_text(strip=True):
            slide[_TITLE_MARK] = "deck"
        return out

    def finish(self, blocks: list[Block]) -> list[Block]:
        out: list[Block] = []
        mark = "." + _TITLE_MARK
        for b in blocks:
            if mark in b.context:
                # a slide's title starts its chapter whatever its heading level
                b = dataclasses.replace(b, context=(b.context - {mark}) | ({"numbered"} if b.kind == "heading" else set()))
            out.append(b)
        return out

    def title(self, soup: Any, blocks: list[Block]) -> str | None:
        return self._title


_JS_TYPES = frozenset(("text/javascript", "application/javascript", "module", "text/ecmascript"))


def _reveal_markdown(soup: Any) -> None:
    """reveal.js slides written in Markdown (``<section data-markdown><script type="text/template">``)
    as the HTML reveal's markdown plugin makes of them."""
    from bs4 import BeautifulSoup

    for section in soup.select("section[data-markdown]"):
        template = section.find("script", attrs={"type": "text/template"}) or section.find("textarea")
        if template is None:
            continue
        text = "\n".join(line.strip() for line in template.get_text().split("\n"))
        template.replace_with(BeautifulSoup(_markdown(text), "html.parser"))


def _slides(soup: Any) -> list[Any]:
    """The deck's slides in order: innermost <section>s (reveal's vertical stacks hold slides)."""
    root = soup.select_one("div.reveal div.slides") or soup.select_one("div.slides") or soup
    return [s for s in root.find_all("section") if s.find("section") is None]


def _hidden(slide: Any) -> bool:
    return slide.get("data-visibility") == "hidden" or slide.get("data-remark-exclude") is not None


def _mark_titles(slides: list[Any]) -> list[Skipped]:
    """Mark each slide's title heading; a title repeating the previous one is taken out."""
    out: list[Skipped] = []
    previous = ""
    for slide in slides:
        heading = slide.find(_HEADINGS)
        if heading is None or "title" in (heading.get("class") or []):
            continue
        text = _WS.sub(" ", heading.get_text()).strip()
        if not text:
            continue
        if text == previous:
            out += _sources.take_out([heading], "repeated slide title",
                                     "the same title as the slide before: the slide goes on")
            continue
        heading["class"] = list(heading.get("class") or []) + [_TITLE_MARK]
        previous = text
    return out


# -- remark / xaringan -----------------------------------------------------------------------------

def _remark_source(soup: Any) -> Any | None:
    """The <textarea id="source"> of a remark deck (the page also loads or calls remark)."""
    holder = soup.find("textarea", id="source")
    if holder is None:
        return None
    scripts = " ".join((s.get("src") or "") + " " + s.get_text() for s in soup.find_all("script"))
    return holder if "remark" in scripts else None


def _replace_remark(soup: Any, holder: Any) -> list[Skipped]:
    from bs4 import BeautifulSoup

    deck, skipped = remark_html(holder.get_text())
    holder.replace_with(BeautifulSoup(f'<div class="slides">{deck}</div>', "html.parser"))
    return skipped


_SLIDE_BREAK = re.compile(r"^---\s*$", re.MULTILINE)
_PAUSE = re.compile(r"^--\s*$", re.MULTILINE)
_PROPERTY = re.compile(r"^([a-zA-Z][\w-]*):\s*(.*?)\s*$")
_NOTES = re.compile(r"^\?\?\?\s*$", re.MULTILINE)
_INLINE_MATH = re.compile(r"`(\\\(.+?\\\)|\\\[.+?\\\]|\$\$.+?\$\$|\\begin\{[^}]+\}.+?\\end\{[^}]+\})`",
                          re.DOTALL)
_MATH = re.compile(r"\\\(.+?\\\)|\\\[.+?\\\]|\$\$.+?\$\$", re.DOTALL)
_MACRO = re.compile(r"\.([a-zA-Z][\w-]*)\[")


def remark_html(markdown: str) -> tuple[str, list[Skipped]]:
    """A remark deck's Markdown as HTML sections, and the slides left out (``exclude: true``).

    A ``layout: true`` slide is a template drawn on each slide after it: its content (usually the
    section's title) is heard once, where it starts."""
    out: list[str] = []
    skipped: list[Skipped] = []
    for n, raw in enumerate(_SLIDE_BREAK.split(markdown), 1):
        lines = raw.strip("\n").split("\n")
        props: dict[str, str] = {}
        while lines and (m := _PROPERTY.match(lines[0])) is not None:
            props[m.group(1).lower()] = m.group(2)
            lines.pop(0)
        body = "\n".join(lines)
        if props.get("exclude", "").lower() == "true":
            skipped.append(Skipped(f"slide {n}", "hidden slide", "the deck does not show it "
                                   "(exclude: true)", len(body.strip())))
            continue
        body, *rest = _NOTES.split(body, 1)  # after ??? come the presenter's notes
        notes = rest[0] if rest else ""
        body = _PAUSE.sub("", body)
        classes = " ".join(c.strip() for c in props.get("class", "").split(",") if c.strip())
        if "layout" in props:
            classes += " remark-layout"
        html_body = _markdown(body)
        if notes.strip():
            html_body += f'<div class="speaker-notes">{_markdown(notes)}</div>'
        if html_body.strip():
            out.append(f'<section class="{("remark-slide " + classes).strip()}">{html_body}</section>')
    return "\n".join(out), skipped


def _markdown(text: str) -> str:
    """remark Markdown -> HTML: maths kept whole (markdown would eat its _ and *), macros as spans."""
    from markdown_it import MarkdownIt

    text = _INLINE_MATH.sub(lambda m: m.group(1), text)  # xaringan unwraps `\(...\)` into maths
    maths: list[str] = []

    def keep(m: re.Match[str]) -> str:
        maths.append(m.group(0))
        return f"\ue000{len(maths) - 1}\ue001"  # private-use characters: markdown leaves them be

    text = _MATH.sub(keep, text)
    text = _macros(text)
    rendered = MarkdownIt("commonmark", {"html": True}).enable("table").render(text)
    return re.sub("\ue000(\\d+)\ue001", lambda m: html.escape(maths[int(m.group(1))], quote=False), rendered)


def _macros(text: str) -> str:
    """remark's ``.name[content]`` (nested, possibly over lines) as ``<span class="name">``."""
    for _ in range(1000):
        m = _MACRO.search(text)
        if m is None:
            break
        depth, end = 0, -1
        for i in range(m.end() - 1, len(text)):
            if text[i] == "[":
                depth += 1
            elif text[i] == "]":
                depth -= 1
                if depth == 0:
                    end = i
                    break
        if end < 0:
            break
        inner = text[m.end():end]
        tag = "div" if "\n" in inner else "span"  # written over lines: a block
        # a block needs blank lines around it for its Markdown inside to be read as Markdown
        open_, close = (f'<div class="{m.group(1)}">\n\n', "\n\n</div>") if tag == "div" else (
            f'<span class="{m.group(1)}">', "</span>")
        text = text[:m.start()] + open_ + inner + close + text[end + 1:]
    return text
