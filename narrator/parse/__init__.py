"""Editor HTML -> Document.

    >>> from narrator.config import ParseConfig
    >>> doc = parse_html(b"<h2>One</h2><p>Hi.</p><h2>Two</h2><p>Bye.</p>", "x.html", ParseConfig())
    >>> [c.title for c in doc.chapters]
    ['One', 'Two']

Choices worth knowing:
- Plain text without any tag is accepted: each blank-line separated paragraph becomes a paragraph.
  JSON, binary, undecodable, empty and unspeakable input raise BadInput.
- Editor demo pages keep the document in ``<textarea>`` (TinyMCE, CKEditor) or
  ``<script type="text/plain">`` (UEditor). When such an element holds HTML and the page's own
  text (without it) is less than half as long, the editor content is narrated instead of the
  page; identical copies (same text, whatever the markup) are read once.
- On web pages (anything with script, nav, form or iframe) blocks made mostly of links are page
  chrome and are dropped; class/id names like nav, footer, share, login drop elements everywhere.
"""

from __future__ import annotations

import hashlib
import html as html_lib
import re
from pathlib import Path
from typing import Any

from ..config import ParseConfig
from ..document import Block, Document
from ..errors import BadInput
from .chapters import split_chapters
from .cleanup import as_html, decode_html, strip_word_markup

__all__ = ["parse_html"]

_CJK_IDEO = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_WS = re.compile(r"\s+")
_TITLE_SEP = re.compile(r"\s*(?:--|\||｜|_| - |-|—)\s*")


def parse_html(data: bytes, path: str, config: ParseConfig) -> Document:
    """Parse editor HTML (bytes as read from ``path``) into a chaptered :class:`Document`.

    ``source_sha256`` is the sha256 of ``data``; ``lang`` is "zh" when Chinese characters dominate,
    else the <html lang>, else "en"; ``title`` comes from <title> (or the matching h1), else the
    first heading, else the file stem. Raises :class:`narrator.errors.BadInput` for binary,
    undecodable, empty or unspeakable input.
    """
    from .html import Walker, link_stats, parse_soup

    sha = hashlib.sha256(data).hexdigest()
    text = decode_html(data, path)
    markup = strip_word_markup(as_html(text, path))
    try:
        soup = parse_soup(markup)
    except RecursionError:  # defensive: bs4 should cope, but never leak a RecursionError
        raise BadInput(path, "markup nested too deeply to parse") from None
    root = soup.body or soup
    page_mode = soup.find(["script", "nav", "form", "iframe"]) is not None
    blocks = Walker(config, page_mode=page_mode, stats=link_stats(root) if page_mode else None).walk(root)

    editor = _editor_content(soup, config)
    if editor and _text_len(blocks) * 2 < _text_len(editor):
        blocks = editor
    if not any(b.text.strip() for b in blocks):
        raise BadInput(path, "no speakable text in the document")

    lang = _language(blocks, soup)
    title = _title(soup, blocks, path)
    chapters = split_chapters(blocks, title=title, lang=lang, config=config)
    if not chapters:
        raise BadInput(path, "no speakable text in the document")
    return Document(title=title, lang=lang, chapters=chapters, source_path=path, source_sha256=sha)


def _editor_content(soup: Any, config: ParseConfig) -> list[Block]:
    """Blocks of the HTML documents kept in textareas / script type=text/plain, duplicates once."""
    from .html import Walker, has_html, parse_soup

    holders = soup.find_all("textarea")
    holders += [s for s in soup.find_all("script") if (s.get("type") or "").lower() == "text/plain"]
    out: list[Block] = []
    seen: set[str] = set()
    for k, holder in enumerate(holders, 1):
        content = holder.get_text()
        if not has_html(content):
            if "&lt;" not in content:
                continue
            content = html_lib.unescape(content)  # escaped twice in the page source
            if not has_html(content):
                continue
        ident = holder.get("id")
        label = f"#{ident}" if isinstance(ident, str) and ident else f"{holder.name}:nth-of-type({k})"
        sub = parse_soup(strip_word_markup(content))
        blocks = Walker(config, root_label=label).walk(sub.body or sub)
        key = _WS.sub("", "".join(b.text for b in blocks))
        if not key or key in seen:
            continue
        seen.add(key)
        out.extend(blocks)
    return out


def _text_len(blocks: list[Block]) -> int:
    return sum(len(b.text.strip()) for b in blocks)


def _language(blocks: list[Block], soup: Any) -> str:
    sample = "".join(b.text for b in blocks[:2000])[:200_000]
    cjk = len(_CJK_IDEO.findall(sample))
    latin = len(_LATIN.findall(sample))
    if cjk and cjk * 3 >= latin:  # one Chinese character carries about a word
        return "zh"
    declared = ""
    if soup.html is not None:
        v = soup.html.get("lang") or soup.html.get("xml:lang") or ""
        declared = v.split("-")[0].split("_")[0].strip().lower() if isinstance(v, str) else ""
    if declared and declared != "zh":
        return declared
    return "en"


def _title(soup: Any, blocks: list[Block], path: str) -> str:
    head = soup.find("title")
    page_title = _WS.sub(" ", head.get_text()).strip() if head is not None else ""
    headings = [_WS.sub(" ", b.text).strip() for b in blocks if b.kind == "heading" and b.text.strip()]
    if page_title:
        # "Article -- Section -- Site": the article's own h1 is the better title
        for h in headings[:3]:
            if h and h in page_title:
                return h
        # "Law name-Site": keep the part that the page itself shows as a block
        first = _TITLE_SEP.split(page_title)[0].strip()
        if first != page_title and any(_WS.sub(" ", b.text).strip() == first for b in blocks[:50]):
            return first
        return page_title
    if headings:
        return headings[0]
    return Path(path).stem or path
