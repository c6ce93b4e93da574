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
  page, in the language and under the title its own <html lang> and <title> (or headings) give,
  not the demo page's; identical copies (same text, whatever the markup) are read once.
- On web pages (anything with script, nav, form or iframe) blocks made mostly of links are page
  chrome and are dropped; class/id names like nav, footer, share, login drop elements everywhere.
  A whole web page (with html/head/body tags, not a fragment) is further cut down to its main
  content by paragraph text density, keeping its title heading, and short metadata lines
  ("来源：…", "发布时间：…", "Posted on …") are dropped (content.py).
- A document without <title> and headings that starts with a short bold line takes it as its
  title; without one the title is the file stem, which plan never narrates.
"""

from __future__ import annotations

import hashlib
import html as html_lib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from narrator.config import ParseConfig
from narrator.values import Block, Document, Run, Skipped
from narrator.parse.html import ANNOUNCE, language_of
from narrator.errors import BadInput, NothingToRead
from narrator.parse.chapters import split_chapters
from narrator.parse.notes import notes_chapter, split_notes
from narrator.parse.cleanup import TEXT_TABLE, as_html, decode_html, strip_front_matter, strip_word_markup
from narrator.parse.sources import recognise
from narrator.parse.textlang import text_language
from narrator.parse.tree import Work
from narrator.text import HAN_CHAR

__all__ = ["ParseLimits", "parse_html"]


@dataclass(frozen=True, slots=True)
class ParseLimits:
    """Bounds on one untrusted lesson (the job server's); None is no bound (the command line).

    ``max_depth``: elements nested inside each other, counted as the HTML parser builds the tree
    (html and body included); ``max_chars``: characters of the text read (the blocks' text, as
    ``--dry-run`` lists it). Either is refused with :class:`BadInput` as soon as it is passed.
    """

    max_depth: int | None = None
    max_chars: int | None = None


_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_WS = re.compile(r"\s+")
_MAX_TITLE = 120
_FULL_PAGE = re.compile(r"<(?:html|head|body)[\s>]", re.IGNORECASE)
_TITLE_SEP = re.compile(r"\s*(?:--|\||｜|_| - |-|—)\s*")


def parse_html(data: bytes, path: str, config: ParseConfig, *, limits: ParseLimits | None = None,
               tick: Callable[[], object] | None = None) -> Document:
    """Parse editor HTML (bytes as read from ``path``) into a chaptered :class:`Document`.

    A Word .docx, Markdown .md or plain .txt file (by its extension) is first made HTML
    (formats.py); other files are read only if they are plainly HTML pages.

    ``source_sha256`` is the sha256 of ``data``; ``lang`` is "zh" when Chinese characters dominate,
    else the <html lang>, else "en"; ``title`` comes from <title> (or the matching h1), else the
    first heading, else a short bold first paragraph, else the file stem (never narrated). An
    editor's document read instead of its page has its own <html lang> (else the page's) and title.
    Web pages are cut down to their main content (see content.py). Raises
    :class:`narrator.errors.BadInput` for binary, undecodable, empty or unspeakable input, and
    for input beyond ``limits`` (as soon as it is seen to be). The work is linear in the input
    whatever its nesting; ``tick()`` is called about every 1,000 elements (or text nodes) of
    it and may raise to stop the parse: its exception comes out of parse_html as it is.
    """
    from narrator.parse.html import ANNOUNCE, Walker, parse_soup

    from narrator.parse.formats import to_html

    limits = limits or ParseLimits()
    work = Work(path, tick, max_depth=limits.max_depth, max_chars=limits.max_chars)

    sha = hashlib.sha256(data).hexdigest()
    data = to_html(data, path)  # .docx, .md, .txt by their extension; HTML as it is
    text = decode_html(data, path)
    warnings = [w] if (w := getattr(text, "warning", "")) else []
    skipped: list[Skipped] = list(getattr(data, "skipped", ()))  # what a conversion left out
    text, front = strip_front_matter(text)
    if front:
        skipped.append(Skipped("front matter", "template markup", "front matter is page settings",
                               len(front)))
    markup = strip_word_markup(as_html(text, path))
    try:
        soup = parse_soup(markup, work)
    except RecursionError:  # defensive: bs4 should cope, but never leak a RecursionError
        raise BadInput(path, "markup nested too deeply to parse") from None
    soup.front_matter = front  # a post's title and bylines, for its kind (sources/blog.py)
    source = recognise(soup)
    skipped.extend(source.prepare(soup))
    own_root = source.root(soup)  # a kind that names its document is not second-guessed
    root = own_root or _root(soup)
    page_mode = soup.find(["script", "nav", "form", "iframe"]) is not None
    if page_mode:
        blocks, page_skipped = _page_blocks(soup, root, config, work,
                                            whole_page=_FULL_PAGE.search(markup) is not None, warnings=warnings,
                                            main_known=own_root is not None)
    else:
        walker = Walker(config, work=work)
        blocks, page_skipped = walker.walk(root), walker.skipped

    declared = _declared(soup)
    lesson = soup  # the document whose <title> names the lesson
    editor, editor_skipped, editor_doc = _editor_content(soup, config, work)
    if editor and _text_len(blocks) * 2 < _text_len(editor):
        skipped.append(Skipped("body", "page around the editor", "the editor's document is read instead",
                               _text_len(blocks)))
        blocks, page_skipped = editor, editor_skipped
        # the lesson's own <html lang> (else the demo page's) and <title> (a demo page's is not the lesson's)
        declared = _declared(editor_doc) or declared
        lesson = editor_doc
    skipped.extend(page_skipped)
    # a table too big to read is announced, so a document of one is not empty (with read_tables
    # off, a document of tables only has nothing to read)
    if not any(b.text.strip() or (config.read_tables and ANNOUNCE in b.context) for b in blocks):
        # only spaces, &nbsp; and invisible characters (a zero-width space) are an empty page
        raise _nothing_to_read(path, skipped, blank=not soup.get_text().translate(TEXT_TABLE).strip())

    blocks = source.finish(blocks)
    lang = _language(blocks, language_of(declared))
    region = declared if declared and "-" in declared and language_of(declared) == lang else ""
    blocks = [_announcement(b, lang) if ANNOUNCE in b.context else b for b in blocks]
    own = source.title(soup, blocks)  # None: the parser decides; "": the page has no title
    title = _title(lesson, blocks, path) if own is None else own or Path(path).stem or path
    blocks, notes, notes_skipped = split_notes(blocks, config.notes, lang)
    skipped.extend(notes_skipped)
    if not any(b.text.strip() for b in blocks):
        blocks, notes = notes, []  # a document of notes only is read as it is
    chapters = split_chapters(blocks, title=title, lang=lang, config=config, skipped=skipped)
    if chapters and notes and (last := notes_chapter(notes, len(chapters) + 1, lang)) is not None:
        chapters = chapters + (last,)
    if not chapters:
        raise _nothing_to_read(path, skipped)
    return Document(title=title, lang=lang, chapters=chapters, source_path=path, source_sha256=sha,
                    skipped=tuple(skipped), warnings=tuple(warnings), region=region)


def _nothing_to_read(path: str, skipped: list[Skipped], blank: bool = False) -> BadInput:
    """The error for a document with no speakable text: :class:`NothingToRead`, naming what was
    left out, when its text was all left out for a reason (headings alone are no such reason);
    else an empty document (``blank``: only spaces and invisible characters left)."""
    left_out = list(dict.fromkeys(s.what for s in skipped if s.chars and s.what != "empty chapter"))
    if not left_out:
        return BadInput(path, "empty document: no speakable text" if blank else "no speakable text in the document")
    named = ", ".join(left_out[:3]) + (", ..." if len(left_out) > 3 else "")
    return NothingToRead(path, f"no speakable text in the document (left out: {named})")


def _root(soup: Any) -> Any:
    """<body>, or the whole tree when the parser put content outside it (a stray </body> or a
    second <html> in a broken page): that text is the page's too."""
    body = soup.body
    if body is None:
        return soup
    head = soup.head
    outside = len(soup.get_text().strip()) - len(body.get_text().strip()) - (
        len(head.get_text().strip()) if head is not None else 0)
    return soup if outside > 100 else body


def _announcement(block: Block, lang: str) -> Block:
    """The sentence that stands for a table too big to read: what it is and how many rows."""
    from narrator.parse.tables import DRAWING, DRAWING_FILES, drawing_sentence

    rows = next((int(c.split(":")[1]) for c in block.context if c.startswith(ANNOUNCE + ":")), 0)
    caption = block.text.strip()
    if DRAWING in block.context or DRAWING_FILES in block.context:
        text = drawing_sentence(caption, DRAWING_FILES in block.context, lang)
    elif lang == "zh":
        what = f"表格“{caption}”" if caption else "一个表格"
        text = f"此处有{what}，共{rows}行，不朗读。"
    else:
        what = f"The table “{caption}”" if caption else "A table"
        text = f"{what}, {rows} rows, is not read aloud here."
    return Block("paragraph", (Run(text),), 0, block.source, block.context - {ANNOUNCE}, None, block.lang)


def _page_blocks(soup: Any, root: Any, config: ParseConfig, work: Work, *,
                 whole_page: bool, warnings: list[str], main_known: bool = False) -> tuple[list[Block], list[Skipped]]:
    """A web page without chrome or metadata lines; a whole page (not a fragment with a script in
    it) is cut down to its main content and title heading, unless its kind named the root
    (``main_known``). Also returns what was left out."""
    from narrator.parse.content import find_main_content, is_metadata_line
    from narrator.parse.second_opinion import consult, count_unshared
    from narrator.parse.html import BLOCK_TAGS, Walker, link_stats

    stats = link_stats(root, work)
    walker = Walker(config, page_mode=True, stats=stats, whole_page=whole_page, work=work)
    head = soup.find("title")
    page_title = _WS.sub(" ", head.get_text()).strip() if head is not None else ""
    if not whole_page:
        return walker.walk(root), walker.skipped
    main = None if main_known else find_main_content(root, stats, walker.drops, page_title, BLOCK_TAGS, work)
    main, second = consult(root, soup, walker, main)  # keep prose it keeps, name sources truly
    warnings.extend(second.warnings)
    blocks = walker.walk(root, main.skip, main.mute) if main else walker.walk(root)
    count_unshared(blocks, second.opinion)
    kept: list[Block] = []
    for b in blocks:
        if is_metadata_line(b):
            walker.skipped.append(Skipped(b.source, "page metadata line", "source, date or view count "
                                          "of the web page", len(b.text)))
        else:
            kept.append(b)
    return kept, walker.skipped


def _editor_content(soup: Any, config: ParseConfig, work: Work) -> tuple[list[Block], list[Skipped], Any]:
    """Blocks of the HTML documents kept in textareas / script type=text/plain, duplicates once,
    what their walk left out (each within the limits of ``work``), and the first of them parsed
    (its <html lang> and <title> are the lesson's; None when there is none)."""
    from narrator.parse.html import Walker, has_html, parse_soup

    holders = soup.find_all("textarea")
    holders += [s for s in soup.find_all("script") if (s.get("type") or "").lower() == "text/plain"]
    out: list[Block] = []
    skipped: list[Skipped] = []
    seen: set[str] = set()
    first: Any = None
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
        sub = parse_soup(strip_word_markup(content), work)
        walker = Walker(config, root_label=label, work=work)
        blocks = walker.walk(sub.body or sub)
        key = _WS.sub("", "".join(b.text for b in blocks))
        if not key or key in seen:
            continue
        if not seen:
            first = sub
        seen.add(key)
        out.extend(blocks)
        skipped.extend(walker.skipped)
    return out, skipped, first


def _text_len(blocks: list[Block]) -> int:
    return sum(len(b.text.strip()) for b in blocks)


def _declared(soup: Any) -> str | None:
    """The tag a parsed document's <html lang> (or xml:lang) gives, as written ("en-GB"); None for
    none, or for a malformed one."""
    if soup.html is None:
        return None
    tag = soup.html.get("lang") or soup.html.get("xml:lang")
    return tag.strip().replace("_", "-") if language_of(tag) else None


def _language(blocks: list[Block], declared: str | None) -> str:
    """The document's language: "zh" when Chinese characters dominate, else ``declared`` (what its
    <html lang> names) unless the text plainly says otherwise, else "en"."""
    sample = "".join(b.text for b in blocks[:2000])[:200_000]
    cjk = len(HAN_CHAR.findall(sample))
    latin = len(_LATIN.findall(sample))
    if cjk and cjk * 3 >= latin:  # one Chinese character carries about a word
        return "zh"
    lang = declared if declared and declared != "zh" else "en"
    # a template's lang="en" on a Finnish page: when the text plainly says otherwise, trust it
    found = text_language(sample)
    if found and found not in ("zh", "ja", "ko") and found != lang.split("-")[0]:
        return found
    return lang


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
        return drop_site_name(page_title)
    if headings:
        return headings[0]
    lead = _title_paragraph(blocks)
    if lead:
        return lead
    return Path(path).stem or path  # for files and the manifest; plan never narrates a file stem


_SITE_SUFFIX = re.compile(r"^(?P<main>.*\S)(?:\s+[-–—|·:]\s+|\s*[|｜_]+\s*)(?P<site>[^|｜_]{1,30})$")


def drop_site_name(title: str) -> str:
    """"Fractions - Maths Site", "决议__国务院公报_中国政府网": the lesson's title without the site
    (and section) names a web page appends to its <title>."""
    for _ in range(2):
        m = _SITE_SUFFIX.match(title)
        if m is None or len(m.group("main")) < max(4, len(m.group("site")) // 2):
            break
        title = m.group("main").rstrip(" _|｜-–—·:")
    return title


_SENTENCE_END = tuple(".!?。！？;；:：,，、")


def _title_paragraph(blocks: list[Block]) -> str:
    """The text of a short, bold (or class "...title...") paragraph that starts the document and
    is not a sentence nor a numbered chapter title: a Word flyer's bold first line."""
    from narrator.parse.chapters import is_numbered_title

    first = next((b for b in blocks if b.kind != "break" and b.text.strip()), None)
    if first is None or first.kind != "paragraph" or first is blocks[-1]:
        return ""
    text = _WS.sub(" ", first.text).strip()
    if len(text) > _MAX_TITLE or text.endswith(_SENTENCE_END) or is_numbered_title(text):
        return ""
    runs = [r for r in first.runs if r.text.strip()]
    bold = all("strong" in r.marks for r in runs)
    titled = any(c.startswith(".") and "title" in c.lower() for c in first.context)
    return text if bold or titled else ""
