"""A read-along EPUB 3: the lesson's text with its chapter audio and media overlays (SMIL), so
that e-readers that support them (Thorium, Apple Books...) highlight each sentence as it is read.

Layout of the book (EPUB/ inside the zip mirrors the narration folder, so the page markup of
:mod:`narrator.publishing.layout` and its image paths are used as they are)::

    mimetype                      first entry, stored: "application/epub+zip"
    META-INF/container.xml        points to EPUB/package.opf
    EPUB/package.opf              metadata, manifest (each chapter with its overlay), spine
    EPUB/nav.xhtml                the table of contents (and the page list, when the lesson has print page numbers)
    EPUB/chapter-01.xhtml ...     one XHTML document per chapter, each sentence a span with an id
    EPUB/chapter-01.smil ...      one <par> per sentence: text fragment + audio clip
    EPUB/chapters/01-....mp3      the chapter audio files (stored: already compressed)
    EPUB/images/...               the images copied beside the input

The zip is written to a temporary file and renamed: the EPUB appears only when complete.
"""

from __future__ import annotations

import re
import uuid
import zipfile
from collections.abc import Mapping, Sequence
from datetime import datetime, timezone
from html import escape
from pathlib import Path
from typing import Any

from narrator.publishing.player import laid_out
from narrator.util.atomic import atomic_path
from narrator.values import Block, Script, ScriptChapter

_AUDIO_TYPES = {".mp3": "audio/mpeg", ".m4a": "audio/mp4", ".ogg": "audio/ogg"}
_IMAGE_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
                ".svg": "image/svg+xml", ".webp": "image/webp"}
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # characters XML cannot hold
ACTIVE_CLASS = "-epub-media-overlay-active"

CSS = """body { font-family: serif; line-height: 1.6; }
h2, h3, h4, h5, h6 { font-family: sans-serif; }
blockquote { margin: 1em 0; padding: 0 1em; border-left: 4px solid #999; }
aside.callout { margin: 1em 0; padding: .5em 1em; border: 1px solid #2a6fdb; border-left-width: 6px; }
figure { margin: 1em 0; text-align: center; }
figure img { max-width: 100%; }
table { border-collapse: collapse; }
th, td { border: 1px solid #999; padding: .2em .4em; text-align: left; vertical-align: top; }
.-epub-media-overlay-active { background: #ffe98a; color: #000; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
"""


def _clock(seconds: float) -> str:
    """A SMIL clock value, h:mm:ss.fff."""
    ms = max(0, round(seconds * 1000))
    hours, ms = divmod(ms, 3_600_000)
    minutes, ms = divmod(ms, 60_000)
    return f"{hours}:{minutes:02d}:{ms // 1000:02d}.{ms % 1000:03d}"


def _xml(text: str) -> str:
    return _NOT_XML.sub("", text)


def _attr(text: str) -> str:
    return escape(_xml(text), quote=True)


class PageMarkers:
    """The print page markers of the book: each becomes an empty page-break span with an id, in
    the chapter where its page starts, and an entry of the page list (in reading order)."""

    def __init__(self) -> None:
        self.entries: list[tuple[str, str]] = []  # (href "chapter-01.xhtml#page-1", label)
        self._placed: set[tuple[int, str]] = set()
        self.doc = ""  # the chapter document being laid out

    def __call__(self, block: Block, label: str) -> str:
        # a paragraph cut between two chapter parts is laid out in both: its page starts in the first
        key = (id(block), label)
        if key in self._placed:
            return ""
        self._placed.add(key)
        ident = f"page-{len(self.entries) + 1}"
        self.entries.append((f"{self.doc}#{ident}", label))
        # not in the media overlay: a page number is never read
        return (f'<span epub:type="pagebreak" role="doc-pagebreak" id="{ident}"'
                f' aria-label="{_attr(label)}"></span>')


def _chapter_doc(chapter: ScriptChapter, title: str, lang: str, images: Mapping[str, str | None],
                 pages: PageMarkers | None = None) -> str:
    from narrator.publishing.layout import chapter_html

    # Only images packed into the book are shown (a web image would need the network).
    local = {src: path for src, path in images.items() if path and path.startswith("images/")}
    body = chapter_html(chapter, images=local, page_marker=pages)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
            f'<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"'
            f' lang="{_attr(lang)}" xml:lang="{_attr(lang)}">\n<head>\n<meta charset="utf-8"/>\n'
            f"<title>{_attr(title)}</title>\n"
            f'<link rel="stylesheet" type="text/css" href="style.css"/>\n</head>\n<body>\n'
            f'<section id="chapter" epub:type="chapter" role="doc-chapter" aria-label="{_attr(title)}">\n'
            f"{_xml(body)}\n</section>\n"
            f"</body>\n</html>\n")


def _overlay(doc: str, audio: str, segments: list[Mapping[str, Any]]) -> str:
    pars = "\n".join(
        f'<par id="par-{_attr(s["id"])}"><text src="{doc}#{_attr(s["id"])}"/>'
        f'<audio src="{_attr(audio)}" clipBegin="{s["start"]:.3f}s" clipEnd="{max(s["end"], s["start"] + 0.001):.3f}s"/></par>'
        for s in segments)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<smil xmlns="http://www.w3.org/ns/SMIL" xmlns:epub="http://www.idpf.org/2007/ops" version="3.0">\n'
            f'<body>\n<seq id="seq-{doc.removesuffix(".xhtml")}" epub:textref="{doc}#chapter">\n{pars}\n</seq>\n</body>\n</smil>\n')


def _nav(title: str, lang: str, entries: list[tuple[str, str]], pages: Sequence[tuple[str, str]] = ()) -> str:
    items = "\n".join(f'<li><a href="{doc}">{_attr(name)}</a></li>' for doc, name in entries)
    # the print pages, for "go to page" (EPUB 3 page-list); hidden like the landmarks: a reading
    # system offers it, the navigation document does not show it
    page_list = "" if not pages else (
        '<nav epub:type="page-list" role="doc-pagelist" id="page-list" aria-label="Pages" hidden="hidden">\n<ol>\n'
        + "\n".join(f'<li><a href="{_attr(href)}">{_attr(label)}</a></li>' for href, label in pages)
        + "\n</ol>\n</nav>\n")
    # landmarks: where the text starts (reading systems offer it as "go to")
    first = entries[0][0] if entries else "nav.xhtml"
    landmarks = (f'<nav epub:type="landmarks" id="landmarks" aria-label="Landmarks" hidden="hidden">\n<ol>\n'
                 f'<li><a epub:type="bodymatter" href="{first}">Start of the text</a></li>\n</ol>\n</nav>\n')
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
            f'<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"'
            f' lang="{_attr(lang)}" xml:lang="{_attr(lang)}">\n<head>\n<meta charset="utf-8"/>\n'
            f"<title>{_attr(title)}</title>\n</head>\n<body>\n"
            f'<nav epub:type="toc" role="doc-toc" id="toc" aria-labelledby="toc-title">\n'
            f'<h1 id="toc-title">{_attr(title)}</h1>\n<ol>\n{items}\n</ol>\n</nav>\n{landmarks}{page_list}'
            f"</body>\n</html>\n")


def _accessibility_metadata(*, has_images: bool, all_heard: bool, page_source: str | None = None) -> str:
    """The book's accessibility metadata (schema.org, as EPUB Accessibility 1.1 asks): how it can
    be read (text, audio, both), what helps (synchronised audio and text, structure, contents,
    reading order), its hazards (none) and a summary in words. The audio alone suffices only when
    nothing of the lesson was left unread (``all_heard``). ``page_source`` (the book has print
    page numbers): the file they come from, named as the source of its pagination."""
    modes = ["textual", "auditory"] + (["visual"] if has_images else [])
    features = ["synchronizedAudioText", "structuralNavigation", "tableOfContents", "readingOrder",
                "displayTransformability"]
    if page_source is not None:
        features += ["pageBreakMarkers", "pageNavigation"]
    summary = ("The full text of the lesson with its narration: every sentence is highlighted while "
               "it is read aloud (EPUB 3 media overlays), so it can be read, listened to, or both. "
               "Headings, lists and tables keep their structure; the table of contents lists every "
               "chapter; formulas are also given in words. "
               + (f"The page numbers marked in {page_source} are kept where each page starts and "
                  "listed for going to a page; the printed edition they come from is not identified. "
                  if page_source is not None else "")
               + "No flashing, motion or sound hazards.")
    lines = [f'<meta property="schema:accessMode">{m}</meta>' for m in modes]
    lines += [f'<meta property="schema:accessModeSufficient">{m}</meta>'
              for m in ("textual", *(["auditory"] if all_heard else []), "textual,auditory")]
    lines += [f'<meta property="schema:accessibilityFeature">{f}</meta>' for f in features]
    lines += ['<meta property="schema:accessibilityHazard">none</meta>',
              f'<meta property="schema:accessibilitySummary">{summary}</meta>',
              # checked by DAISY's Ace and epubcheck (tests/test_accessibility.py)
              '<meta property="dcterms:conformsTo">EPUB Accessibility 1.1 - WCAG 2.1 Level AA</meta>']
    if page_source is not None:
        # EPUB 3.3's way to name where the pagination comes from (its pageBreakSource successor
        # is an error to Debian's epubcheck 4.2.6, OPF-027); the lesson file is what we know
        lines += [f'<dc:source id="page-source">{_attr(page_source)}</dc:source>',
                  '<meta refines="#page-source" property="source-of">pagination</meta>']
    return "\n".join(lines) + "\n"


def _page_source(script: Script) -> str:
    """Where the page numbers come from: the lesson file that marks them. A lesson names no
    printed edition (no ISBN) for them, so none is claimed; the summary says it is not known."""
    return Path(script.source_path).name or "the lesson"


CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles>
<rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
</rootfiles>
</container>
"""


def write_epub(script: Script, manifest: Mapping[str, Any], out_dir: Path, dest: Path, *,
               images: Mapping[str, str | None]) -> None:
    """Write the read-along EPUB of the published narration in ``out_dir`` to ``dest``.

    ``manifest`` is the narration's manifest (chapter files and sentence timings); ``images``
    maps image src in the input to the paths publish copied them to (see ``copy_images``).
    """
    title = manifest["title"] or Path(script.source_path).stem or "Lesson"
    lang = manifest.get("lang") or "en"
    by_chapter: dict[int, list[Mapping[str, Any]]] = {}
    for s in manifest["segments"]:
        by_chapter.setdefault(s["chapter"], []).append(s)
    # The same source gives the same identifier: a reader keeps its place across rebuilds.
    ident = uuid.uuid5(uuid.NAMESPACE_URL, f"narrator:{manifest['source']['sha256'] or title}")
    modified = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

    items: list[str] = ['<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
                        '<item id="css" href="style.css" media-type="text/css"/>']
    spine: list[str] = []
    durations: list[str] = []
    nav: list[tuple[str, str]] = []
    texts: dict[str, str] = {"style.css": CSS}
    files: dict[str, Path] = {}  # path in EPUB/ -> file in out_dir
    total = 0.0
    pages = PageMarkers()
    for c, chapter in laid_out(manifest, script):  # a script made without layout: paragraphs
        n = c["index"]
        doc, smil = f"chapter-{n:02d}.xhtml", f"chapter-{n:02d}.smil"
        segments = by_chapter.get(n, [])
        # the page shows only sentences that are in the audio, so every overlay target exists
        timed = {s["id"] for s in segments}
        shown = ScriptChapter(chapter.index, chapter.title,
                              tuple(s for s in chapter.segments if s.id in timed), chapter.blocks)
        pages.doc = doc
        texts[doc] = _chapter_doc(shown, c["title"], lang, images, pages)
        texts[smil] = _overlay(doc, c["file"], segments)
        files[c["file"]] = out_dir / c["file"]
        length = sum(max(s["end"], s["start"] + 0.001) - s["start"] for s in segments)
        total += length
        items.append(f'<item id="c{n:02d}" href="{doc}" media-type="application/xhtml+xml" media-overlay="mo{n:02d}"/>')
        items.append(f'<item id="mo{n:02d}" href="{smil}" media-type="application/smil+xml"/>')
        items.append(f'<item id="a{n:02d}" href="{_attr(c["file"])}" media-type="{_AUDIO_TYPES[Path(c["file"]).suffix]}"/>')
        spine.append(f'<itemref idref="c{n:02d}"/>')
        durations.append(f'<meta property="media:duration" refines="#mo{n:02d}">{_clock(length)}</meta>')
        nav.append((doc, c["title"]))
    for k, path in enumerate(sorted({p for p in images.values() if p and p.startswith("images/")}), 1):
        kind = _IMAGE_TYPES.get(Path(path).suffix.lower())
        if kind is None:
            continue  # not an EPUB image type: the pages leave it out of the book too
        files[path] = out_dir / path
        items.append(f'<item id="img{k}" href="{_attr(path)}" media-type="{kind}"/>')
    texts["nav.xhtml"] = _nav(title, lang, nav, pages.entries)
    package = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid"'
        f' xml:lang="{_attr(lang)}">\n<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
        f'<dc:identifier id="uid">urn:uuid:{ident}</dc:identifier>\n<dc:title>{_attr(title)}</dc:title>\n'
        f'<dc:language>{_attr(lang)}</dc:language>\n<meta property="dcterms:modified">{modified}</meta>\n'
        f'<meta property="media:duration">{_clock(total)}</meta>\n' + "\n".join(durations) + "\n"
        f'<meta property="media:active-class">{ACTIVE_CLASS}</meta>\n'
        + _accessibility_metadata(has_images=any(p.startswith("images/") for p in files),
                                 all_heard=not manifest.get("skipped"),
                                 page_source=_page_source(script) if pages.entries else None) + "</metadata>\n"
        "<manifest>\n" + "\n".join(items) + "\n</manifest>\n"
        "<spine>\n" + "\n".join(spine) + "\n</spine>\n</package>\n")
    texts["package.opf"] = package

    with atomic_path(dest) as tmp, zipfile.ZipFile(tmp, "w") as z:
        # The OCF rules: "mimetype" first, stored, without extra fields.
        z.writestr(zipfile.ZipInfo("mimetype", date_time=(1980, 1, 1, 0, 0, 0)), "application/epub+zip",
                   compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/container.xml", CONTAINER, compress_type=zipfile.ZIP_DEFLATED)
        for name, text in texts.items():
            z.writestr(f"EPUB/{name}", text, compress_type=zipfile.ZIP_DEFLATED)
        for name, source in files.items():
            z.write(source, f"EPUB/{name}", compress_type=zipfile.ZIP_STORED)  # audio and images are compressed
