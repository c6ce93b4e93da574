"""Documents as teachers have them -> HTML for the one parser: Word .docx, Markdown, plain text.

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
from pathlib import Path

from narrator.choices import HTML_SUFFIXES, INPUT_SUFFIXES
from narrator.errors import BadInput

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
    if _is_html_page(data):
        return data
    raise BadInput(path, f"cannot read {suffix or 'a file without an extension'}: narrate reads "
                         f"{', '.join(INPUT_SUFFIXES)} lessons")


def _is_html_page(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    return _HTML_START.match(head) is not None


def _docx(data: bytes, path: str) -> bytes:
    """Word styles become semantic HTML (Heading 1 -> h1, lists, tables, bold, italics)."""
    import zipfile

    import mammoth

    if not data.startswith(b"PK"):
        raise BadInput(path, "not a Word .docx document (it is not a zip package)")
    try:
        result = mammoth.convert_to_html(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as e:
        raise BadInput(path, f"not a readable Word .docx document ({e})") from None
    return result.value.encode("utf-8")


def _markdown(data: bytes, path: str) -> bytes:
    """CommonMark with tables (GitHub style), as teachers write them."""
    from markdown_it import MarkdownIt

    text = _decode(data, path)
    return MarkdownIt("commonmark").enable("table").render(text).encode("utf-8")


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
