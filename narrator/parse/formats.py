"""Documents as teachers have them -> HTML for the one parser: Word .docx, Markdown, plain text,
Open edX course export (OLX) .xml components.

The reader is chosen by the file's extension; HTML goes through untouched, and a file with
another extension whose content is plainly an HTML page is read as HTML too (a page saved as
``lesson.php`` or without an extension). Anything else is refused with the accepted types.

    >>> to_html(b"# Title\\n\\nOne *two*.", "notes.md")
    b'<h1>Title</h1>\\n<p>One <em>two</em>.</p>\\n'

The converters (mammoth for .docx, markdown-it-py for .md) are imported only when used.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from narrator.choices import HTML_SUFFIXES, INPUT_SUFFIXES
from narrator.errors import BadInput, TooLarge
from narrator.text import one_line

_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])",
                         re.IGNORECASE | re.DOTALL)
_BLANK_LINE = re.compile(r"\n[ \t\u3000]*\n")


def to_html(data: bytes, path: str) -> bytes:
    """``data`` (the bytes of the file at ``path``) as HTML bytes for :func:`parse_html`."""
    suffix = Path(path).suffix.lower()
    if suffix in HTML_SUFFIXES:
        return data
    if suffix == ".docx":
        return _docx(data, path)
    if suffix in (".md", ".markdown"):
        return _markdown(data, path)
    if suffix == ".txt":
        return data if _is_html_page(data) else _text(data, path)
    if suffix == ".xml":
        return _xml(data, path)
    if _is_html_page(data):
        return data
    raise BadInput(path, f"cannot read {suffix or 'a file without an extension'}: narrate reads "
                         f"{', '.join(INPUT_SUFFIXES)} lessons")


def _xml(data: bytes, path: str) -> bytes:
    """An Open edX course export (OLX) component (olx.py); a page saved as .xml as HTML; any
    other XML refused in one line."""
    from narrator.parse.olx import olx_root, olx_to_html

    root = olx_root(data)
    if root is None or (root.tag in ("html", "{http://www.w3.org/1999/xhtml}html")
                        and any(isinstance(c.tag, str) and c.tag.rsplit("}", 1)[-1] in ("head", "body")
                                for c in root)):
        if _is_html_page(data):  # HTML (entities XML lacks), or an XHTML page
            return data
        if root is None:
            raise BadInput(path, "cannot read .xml: it is not well-formed XML; narrate reads .xml "
                                 "files of Open edX course exports")
    return olx_to_html(root, path)


def _is_html_page(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    return _HTML_START.match(head) is not None


# A .docx is a zip package: what it unpacks to is checked before mammoth converts it, which
# takes about 2.5 s and 50 MB of memory per MB of document XML. A long novel has a few MB of XML.
_MAX_XML = 20_000_000  # bytes of XML parts (document, styles, numbering, notes...) in all
_MAX_UNPACKED = 200_000_000  # bytes of every part, pictures included
_MAX_RATIO = 100  # unpacked : packed, for parts over 1 MB (Word's XML packs about 10:1, pictures 1:1)
_RATIO_FROM = 1_000_000
_MAX_PARTS = 10_000
_CHUNK = 1 << 20
# Word's Title and Subtitle styles as Pandoc writes a document's title block: the title is the
# document's (chapters.py: it names the lesson and is heard once, never a chapter of its own)
_DOCX_STYLES = """
p[style-name='Title'] => h1.title:fresh
p[style-name='Subtitle'] => p.subtitle:fresh
"""


def _docx(data: bytes, path: str) -> bytes:
    """Word styles become semantic HTML (Heading 1 -> h1, Title -> h1.title, Subtitle ->
    p.subtitle, lists, tables, bold, italics). The title in the file's properties
    (docProps/core.xml) is not read: nobody sees it in Word, and it is often a template's.

    Refused before conversion: a package that unpacks beyond the limits above (a zip bomb).
    Images linked to files outside the document are never read (mammoth>=1.11, and said so)."""
    import zipfile
    import zlib
    from xml.parsers.expat import ExpatError

    import mammoth

    if not data.startswith(b"PK"):
        raise BadInput(path, "not a Word .docx document (it is not a zip package)")
    try:
        _check_package(data, path)
        result = mammoth.convert_to_html(io.BytesIO(data), style_map=_DOCX_STYLES,
                                         convert_image=mammoth.images.img_element(_docx_image),
                                         external_file_access=False)
    except BadInput:
        raise
    # corrupt, encrypted, oddly packed, no main document part, XML that is not well-formed
    except (zipfile.BadZipFile, KeyError, ValueError, EOFError, zlib.error, RuntimeError,
            NotImplementedError, OSError, ExpatError) as e:
        raise BadInput(path, f"not a readable Word .docx document ({one_line(e, 200)})") from None
    return result.value.encode("utf-8")


def _docx_image(image: Any) -> dict[str, str]:
    """An embedded picture as a data URI (mammoth's own way); one linked to a file outside the
    document is never opened: it keeps its alt text and no source, and the document is read."""
    import base64

    from mammoth.docx.files import InvalidFileReferenceError  # type: ignore[import-untyped]

    try:
        with image.open() as f:
            encoded = base64.b64encode(f.read()).decode("ascii")
    except InvalidFileReferenceError:
        return {}
    return {"src": f"data:{image.content_type};base64,{encoded}"}


def _check_package(data: bytes, path: str) -> None:
    """Raise BadInput when the zip in ``data`` unpacks beyond the limits. The sizes its directory
    declares are checked first; the XML parts are then unpacked in 1 MB pieces and counted, so
    a directory that understates them is caught too (and zipfile's CRC check fails on it)."""
    import zipfile

    def mb(n: int) -> str:
        return f"{n / 1_000_000:,.0f} MB"

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = z.infolist()
        if len(parts) > _MAX_PARTS:
            raise TooLarge(path, f"a Word package of {len(parts):,} parts; the limit is {_MAX_PARTS:,}")
        # XML by its bytes, not its name: mammoth follows relationships to parts of any name
        xml = [p for p in parts if _is_xml(z, p)]
        declared_xml = sum(p.file_size for p in xml)
        if declared_xml > _MAX_XML:
            raise TooLarge(path, f"too big to read: {mb(declared_xml)} of Word XML; "
                                 f"the limit is {mb(_MAX_XML)}")
        unpacked = sum(p.file_size for p in parts)
        if unpacked > _MAX_UNPACKED:
            raise TooLarge(path, f"too big to read: {mb(unpacked)} unpacked; "
                                 f"the limit is {mb(_MAX_UNPACKED)}")
        for p in parts:
            if p.file_size > _RATIO_FROM and p.file_size > _MAX_RATIO * max(p.compress_size, 1):
                ratio = p.file_size // max(p.compress_size, 1)
                raise TooLarge(path, f"{one_line(p.filename, 80)} is packed {ratio:,}:1, as no Word "
                                     f"document is; the limit is {_MAX_RATIO}:1")
        seen = 0
        for p in xml:
            with z.open(p) as f:
                while chunk := f.read(_CHUNK):
                    seen += len(chunk)
                    if seen > _MAX_XML:
                        raise TooLarge(path, f"too big to read: more than {mb(_MAX_XML)} of Word XML "
                                             "(the limit)")


def _is_xml(z: Any, part: Any) -> bool:
    """The part starts like XML (after a byte order mark and white space)."""
    with z.open(part) as f:
        head = f.read(64)
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


def _markdown(data: bytes, path: str) -> bytes:
    """CommonMark with tables (GitHub style), as teachers write them; the extensions that site
    generators add (front matter, footnotes, Pandoc attributes, definition and line blocks) are
    turned into what they mean first, so that none of their syntax is read."""
    from markdown_it import MarkdownIt

    from narrator.parse.cleanup import strip_front_matter

    text = _decode(data, path).replace("\r\n", "\n")
    # front matter stays in front of the HTML: parse_html strips it and lists it as skipped
    text, front = strip_front_matter(text)
    text, notes = markdown_extensions(text)
    body = MarkdownIt("commonmark").enable("table").render(text)
    return (front + body + notes).encode("utf-8")


_FENCE = re.compile(r"^ {0,3}(```+|~~~+)")
_INDENTED = re.compile(r"^(?: {4}|\t)")
_LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_NOTE_DEF = re.compile(r"^\[\^([^\]\s]{1,40})\]:[ \t]?(.*)$")
_NOTE_REF = re.compile(r"\[\^([^\]\s]{1,40})\]")
# Pandoc/kramdown attributes: ![](a.png){alt='…'}, [term]{#id}, ## Title {#id}, [x](url){.cls}
_IMG_ATTR_ALT = re.compile(r"!\[\]\(([^()\s]+)\)\{[^{}\n]*?\balt=(['\"])(.*?)\2[^{}\n]*\}")
_SPAN_ATTR = re.compile(r"(?<!!)\[([^\[\]\n]+)\]\{[#.][^{}\n]*\}")
_AFTER_ATTR = re.compile(r"(?<=[)\]])\{(?:[#.:]|[a-z-]+=)[^{}\n]*\}")
_HEADING_ATTR = re.compile(r"^(#{1,6} .*?)\s*\{[#.][^{}\n]*\}\s*$")
_DEF_LINE = re.compile(r"^:[ \t]{1,4}(\S.*)$")
_LINE_BLOCK = re.compile(r"^\|[ \t]+([^|]*)$")


def markdown_extensions(text: str) -> tuple[str, str]:
    """(Markdown with Pandoc/kramdown extensions rewritten as CommonMark, HTML of its footnotes).

    >>> markdown_extensions("[glob]{#glob}\\n:   A pattern.\\n")[0]
    'glob\\n\\nA pattern.\\n'
    """
    lines = text.split("\n")
    out: list[str] = []
    fenced: set[int] = set()  # lines of code blocks (out's indexes): "[^a-z]" there is no note mark
    notes: dict[str, list[str]] = {}
    fence = ""
    current: list[str] | None = None  # the footnote whose indented lines follow
    for line in lines:
        m = _FENCE.match(line)
        if current is None and _indented_code(line, out, fenced):
            fenced.add(len(out))
            out.append(line)
            continue
        if fence or m:
            if m and (not fence or m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence)):
                fence = "" if fence else m.group(1)
            fenced.add(len(out))
            out.append(line)
            current = None
            continue
        if current is not None:
            if line.startswith(("    ", "\t")) and line.strip():
                current.append(line.strip())
                continue
            current = None
        if d := _NOTE_DEF.match(line):
            current = notes.setdefault(d.group(1), [])
            if d.group(2).strip():
                current.append(d.group(2).strip())
            continue
        line = _IMG_ATTR_ALT.sub(lambda g: f"![{g.group(3)}]({g.group(1)})", line)
        line = _SPAN_ATTR.sub(r"\1", line)
        line = _AFTER_ATTR.sub("", line)
        line = _HEADING_ATTR.sub(r"\1", line)
        if (dm := _DEF_LINE.match(line)) and out and out[-1].strip():
            # a definition list: the term, then its definition, each a paragraph of its own
            out.append("")
            line = dm.group(1)
        elif lb := _LINE_BLOCK.match(line):
            line = lb.group(1) + "  "  # a Pandoc line block: the line, with its hard break
        out.append(line)
    body = "\n".join(out)
    if not notes:
        return body, ""
    order: list[str] = []

    def ref(m: re.Match[str]) -> str:
        key = m.group(1)
        if key not in notes:
            return m.group()
        if key not in order:
            order.append(key)
        n = order.index(key) + 1
        return f'<sup id="fnref-{html.escape(key)}"><a href="#fn-{html.escape(key)}">{n}</a></sup>'

    body = "\n".join(line if i in fenced else _outside_code(line, ref) for i, line in enumerate(out))
    order += [k for k in notes if k not in order]
    items = "".join(f'<li id="fn-{html.escape(k)}"><p>{html.escape(" ".join(notes[k]))}</p></li>\n'
                    for k in order)
    return body, f'<section class="footnotes" role="doc-endnotes"><hr><ol>\n{items}</ol></section>\n'


def _indented_code(line: str, out: list[str], fenced: set[int]) -> bool:
    """Whether ``line`` is a line of an indented code block: it goes on one (the line before is
    code and not blank), or starts one after a blank line (see :func:`_starts_code`)."""
    if not _INDENTED.match(line) or not out:
        return False
    if out[-1].strip():
        return len(out) - 1 in fenced
    return _starts_code(out)


def _starts_code(out: list[str]) -> bool:
    """Whether an indented line after the blank line ending ``out`` starts a code block: the last
    text before the blank is neither a list item nor indented (a list item's next paragraph)."""
    before = next((line for line in reversed(out) if line.strip()), "")
    return not (_LIST_ITEM.match(before) or _INDENTED.match(before))


def _outside_code(line: str, ref: Callable[[re.Match[str]], str]) -> str:
    """``line`` with its note marks linked, except inside `code spans` (a regex's `[^a]`)."""
    out, at = [], 0
    for span in _CODE_SPAN.finditer(line):
        out += [_NOTE_REF.sub(ref, line[at:span.start()]), span.group()]
        at = span.end()
    return "".join(out) + _NOTE_REF.sub(ref, line[at:])


def _text(data: bytes, path: str) -> bytes:
    """Paragraphs at blank lines; a text without any blank line (one paragraph per line, as
    Chinese texts often are) has a paragraph per line. Nothing in it is markup."""
    text = _decode(data, path).replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = _BLANK_LINE.split(text) if _BLANK_LINE.search(text) else text.split("\n")
    body = "".join(f"<p>{html.escape(p.strip())}</p>\n" for p in paragraphs if p.strip())
    return body.encode("utf-8")


def _decode(data: bytes, path: str) -> str:
    from narrator.parse.cleanup import decode_html

    return decode_html(data, path)
