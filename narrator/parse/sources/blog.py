"""Blog posts: WordPress, Jekyll and Hugo (HTML or Markdown with YAML or TOML front matter).

A post's title lives in its front matter (``title: ...`` in YAML between ``---`` lines, or
``title = "..."`` in TOML between ``+++`` lines), not in its body: it becomes the document's
title heading, heard once at the start. The other front-matter lines (author, date, tags,
categories, permalink...) are the post's bylines and settings: listed as not read, never spoken.
The post's own table of contents (a "Contents" list of its sections) is not read (own_contents.py).

WordPress's block editor (Gutenberg) writes a "Preformatted" block (``pre.wp-block-preformatted``)
for text whose line breaks matter, apart from its "Code" block (``wp-block-code``): a preformatted
block without code syntax (a keyword line, a verse, pseudo-code in words) is read as text.
"""

from __future__ import annotations

import re
from typing import Any

from narrator.values import Block, Skipped
from narrator.parse import sources
from narrator.parse.own_contents import take_out_own_contents
from narrator.parse.sources import Source

__all__ = ["Blog", "front_matter", "front_matter_fields"]

_YAML_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)$")
_TOML_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*=[ \t]*(.*)$")
_TOML_FENCE = re.compile(r"\A\s*\+\+\+[ \t]*\r?\n(.*?)\r?\n\+\+\+[ \t]*(?:\r?\n|\Z)", re.DOTALL)
# front-matter keys that are a post's bylines and metadata (reported as such, never read)
_BYLINES = ("author", "authors", "date", "lastmod", "tags", "tag", "categories", "category")
# what code has and a sentence hardly ever does: statement ends, braces, assignments, scope marks
_CODE = re.compile(r"[;{}]|[^=!<>]=[^=]|::|->|=>|^\s*(?:#include|import |def |class |return\b)", re.MULTILINE)


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        inner = value[1:-1]
        return inner.replace("''", "'") if value[0] == "'" else inner.replace('\\"', '"')
    return value


def front_matter_fields(front: str) -> dict[str, str]:
    """The top-level scalar fields of YAML (``---``) or TOML (``+++``) front matter, as text:
    quoted, plain and block (``|``, ``>``) scalars; lists are joined with commas."""
    lines = front.strip().splitlines()
    if lines and lines[0].strip() in ("---", "+++"):
        lines = lines[1:]
    if lines and lines[-1].strip() in ("---", "...", "+++"):
        lines = lines[:-1]
    toml = front.lstrip().startswith("+++")
    fields: dict[str, str] = {}
    i = 0
    while i < len(lines):
        m = (_TOML_KEY if toml else _YAML_KEY).match(lines[i])
        i += 1
        if m is None:
            continue
        key, value = m.group(1).lower(), m.group(2).strip()
        nested: list[str] = []
        while i < len(lines) and (not lines[i].strip() or lines[i][:1] in " \t"):
            nested.append(lines[i].strip())
            i += 1
        if value in ("|", ">", "|-", ">-", "|+", ">+"):
            value = " ".join(n for n in nested if n)
        elif not value and nested:  # a YAML list: "- a" lines
            value = ", ".join(_unquote(n[1:]) for n in nested if n.startswith("-"))
        elif value.startswith("[") and value.endswith("]"):  # an inline list
            value = ", ".join(_unquote(v) for v in value[1:-1].split(",") if v.strip())
        else:
            value = _unquote(value)
        fields[key] = " ".join(value.split())
    return fields


def _looks_like_code(text: str) -> bool:
    return _CODE.search(text) is not None


class Blog(Source):
    """A post with front matter (or WordPress block markup): its title heard once, its bylines
    reported, its preformatted text read."""

    name = "blog"

    @classmethod
    def detect(cls, soup: Any) -> bool:
        front = getattr(soup, "front_matter", None) or ""
        if front and "title" in front_matter_fields(front):
            return True
        if _toml_front(soup) is not None:
            return True
        return soup.find("pre", class_="wp-block-preformatted") is not None

    def prepare(self, soup: Any) -> list[Skipped]:
        self._title, out = front_matter(soup)
        out += take_out_own_contents(soup)
        for pre in soup.find_all("pre", class_="wp-block-preformatted"):
            if not _looks_like_code(pre.get_text()):
                pre.name = "p"  # its <br> line breaks stay
        return out

    def finish(self, blocks: list[Block]) -> list[Block]:
        return blocks

    def title(self, soup: Any, blocks: list[Block]) -> str | None:
        return getattr(self, "_title", "") or None


def front_matter(soup: Any) -> tuple[str, list[Skipped]]:
    """The post's front-matter title (put at the top of the body as its title heading, unless the
    body starts with it) and what was not read of the front matter: TOML front matter that reached
    the body as text, the bylines."""
    out: list[Skipped] = []
    front = getattr(soup, "front_matter", None) or ""
    holder = _toml_front(soup)
    if not front and holder is not None:
        # TOML front matter is not stripped before parsing: it reaches the body as text
        m = _TOML_FENCE.match(holder.get_text())
        front = m.group() if m else ""
        lead = holder.find(string=_words)
        said = str(lead).lstrip() if lead is not None else ""
        if holder.get_text()[len(front):].strip() and lead is not None and said.startswith(front.strip()):
            # Markdown without a blank line after the fence: the post's first paragraph goes on
            out.append(Skipped(sources.selector(holder), "template markup", "TOML front matter is page settings",
                               len(front.strip())))
            lead.replace_with(said[len(front.strip()):].lstrip())
        else:
            out += sources.take_out([holder], "template markup", "TOML front matter is page settings")
    fields = front_matter_fields(front) if front else {}
    title = fields.get("title", "")
    bylines = [k for k in _BYLINES if fields.get(k)]
    if bylines:
        out.append(Skipped("front matter", "post metadata", f"the post's {', '.join(bylines)}: "
                           "bylines and metadata, not read", sum(len(fields[k]) for k in bylines)))
    if title:
        body = soup.body or soup
        first = next((e for e in body.find_all(True) if e.get_text().strip()), None)
        same = first is not None and re.fullmatch(r"h[1-6]", first.name or "") and \
            " ".join(first.get_text().split()) == title
        if not same:  # the title is the post's own heading, at its top
            heading = soup.new_tag("h1", attrs={"class": "title"})
            heading.string = title
            body.insert(0, heading)
    return title, out


def _words(text: Any) -> bool:
    """A string of the page with something in it, not a comment."""
    from bs4 import Comment

    return not isinstance(text, Comment) and bool(text.strip())


def _toml_front(soup: Any) -> Any | None:
    """The first text element when it starts with TOML front matter (+++ ... +++): the innermost
    one, never a wrapper holding the post too."""
    body = soup.body or soup
    first = next((e for e in body.find_all(["p", "div", "pre"], limit=20) if e.get_text().strip()), None)
    if first is None or not first.get_text().lstrip().startswith("+++"):
        return None
    # a wrapper (the page's content element) starts with it: the front matter's own element is
    # the innermost one around its first words (one climb, not a search per level: 2,000 nested
    # wrappers)
    lead = first.find(string=_words)
    inner = lead.find_parent(["p", "div", "pre"]) if lead is not None else None
    if inner is not None and inner is not first and inner.get_text().lstrip().startswith("+++"):
        first = inner
    return first if _TOML_FENCE.match(first.get_text()) else None
