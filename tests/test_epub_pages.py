"""Print page numbers (issue 22 item 3): a lesson's page-break markers (EPUB epub:type="pagebreak",
DPUB-ARIA role="doc-pagebreak") are kept by the parser on the block their page starts in or
before, never read, and become page-break anchors and a page list in the read-along EPUB, which
epubcheck and DAISY's Ace accept. A lesson without markers gets no page list; the page breaks of
Word and CKEditor are chapter breaks, not page numbers."""

from __future__ import annotations

import json
import os
import re
import subprocess
import zipfile
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

try:
    from tests.lessons import STRUCTURED, build_lesson
    from tests.test_epub import epubcheck_command
except ImportError:
    from lessons import STRUCTURED, build_lesson  # type: ignore[no-redef]
    from test_epub import epubcheck_command  # type: ignore[no-redef]

XHTML = "{http://www.w3.org/1999/xhtml}"
OPS = "{http://www.idpf.org/2007/ops}"
OPF = "{http://www.idpf.org/2007/opf}"
SMIL = "{http://www.w3.org/ns/SMIL}"
DC = "{http://purl.org/dc/elements/1.1/}"
ACE = Path(__file__).parent / ".node" / "node_modules" / ".bin" / "ace-cli"

# An EPUB chapter as a lesson: a marker between two paragraphs (EPUB 3, title), one inside a
# paragraph (aria-label), and one with its number as text before a heading (DPUB-ARIA only).
PAGED = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="en" xml:lang="en">
<head><meta charset="utf-8"/><title>Rivers</title></head>
<body>
<h1>Rivers</h1>
<p>Rivers carry water to the sea. They shape valleys over time.</p>
<span epub:type="pagebreak" role="doc-pagebreak" id="page12" title="12"/>
<p>Floods spread silt on the plains. Farmers plant in it.</p>
<h2>Deltas</h2>
<p>A delta forms where a river slows. <span epub:type="pagebreak" id="page13" aria-label="13"/>Sand settles in wide fans.</p>
<p>The Nile has a famous delta.</p>
<span role="doc-pagebreak" id="page14">14</span>
<h2>Estuaries</h2>
<p>An estuary mixes salt and fresh water. Many fish are born there.</p>
</body>
</html>
"""
LABELS = ["12", "13", "14"]
# the sentence each page's anchor must come right before (where it starts: mid-paragraph for 13)
STARTS = {"12": "Floods spread silt on the plains.", "13": "Sand settles in wide fans.",
          "14": "Estuaries"}
PAGE_WORD = re.compile(r"\b(?:12|13|14)\b")


def _parse(html: str) -> Any:
    from narrator.config import load_config
    from narrator.parse import parse_html

    return parse_html(html.encode("utf-8"), "lesson.xhtml", load_config().parse)


def _blocks(doc: Any) -> list[Any]:
    return [b for c in doc.chapters for b in c.blocks]


# -- the parser ---------------------------------------------------------------------------------


def test_the_parser_keeps_each_page_number_on_the_block_its_page_starts_in_or_before() -> None:
    doc = _parse(PAGED)
    paged = [(b.pages, b.page_at, b.text) for b in _blocks(doc) if b.pages]
    assert paged == [(("12",), (0,), "Floods spread silt on the plains. Farmers plant in it."),
                     (("13",), (35,), "A delta forms where a river slows. Sand settles in wide fans."),
                     (("14",), (0,), "Estuaries")]  # page 13 starts at "Sand", mid-paragraph
    # the marker is never text: not "14" (its content), nor a gap where the inline one was
    assert not any(PAGE_WORD.search(b.text) for b in _blocks(doc))
    assert [c.title for c in doc.chapters][-2:] == ["Deltas", "Estuaries"]


def test_editor_page_breaks_are_chapter_breaks_not_page_numbers() -> None:
    """Word's and Google Docs' CSS page breaks and CKEditor 5's page-break div say where a printer
    turns the page, not which printed page it is: no page numbers, and they still break."""
    html = ("<h1>Notes</h1><p>Part one text here.</p>"
            '<br clear="all" style="page-break-before:always"/>'
            "<p>Part two text here.</p>"
            '<div class="page-break" style="page-break-after:always"><span style="display:none">&nbsp;</span></div>'
            "<p>Part three text here.</p>")
    doc = _parse(html)
    assert not any(b.pages for b in _blocks(doc))
    breaks = sum(b.kind == "break" for b in _blocks(doc)) + len(doc.chapters) - 1
    assert breaks == 2  # both still break the lesson
    assert [b.text for b in _blocks(doc) if b.text.startswith("Part")] == [
        "Part one text here.", "Part two text here.", "Part three text here."]


def test_a_marker_holding_real_text_is_read_and_a_long_label_is_cut() -> None:
    """A lesson is untrusted: an element that says it is a page break but holds a paragraph is read
    (nothing is dropped on its word), and a label is at most 32 characters."""
    html = ('<p>First paragraph of the lesson.</p>'
            '<div role="doc-pagebreak"><p>This whole paragraph sits inside a page marker by mistake.</p></div>'
            f'<span epub:type="pagebreak" aria-label="{"9" * 5000}"></span><p>Last paragraph here.</p>')
    doc = _parse(html)
    texts = [b.text for b in _blocks(doc)]
    assert "This whole paragraph sits inside a page marker by mistake." in texts
    assert [b.pages for b in _blocks(doc) if b.pages] == [("9" * 32,)]


# -- the EPUB -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, dict[str, Any]]]:
    built = {}
    for name, html in (("paged", PAGED), ("plain", STRUCTURED)):
        out, manifest, _ = build_lesson(tmp_path_factory.mktemp(f"pages-{name}"), html, **{"output.epub": True})
        built[name] = (out, manifest)
    return built


def _files(out: Path, manifest: dict[str, Any]) -> dict[str, bytes]:
    with zipfile.ZipFile(out / manifest["epub"]) as z:
        return {n: z.read(n) for n in z.namelist()}


def _page_list(files: dict[str, bytes]) -> Any:
    nav = ElementTree.fromstring(files["EPUB/nav.xhtml"])
    return next((n for n in nav.iter(f"{XHTML}nav") if n.get(f"{OPS}type") == "page-list"), None)


def test_the_page_list_lists_the_three_pages_in_order(books) -> None:
    files = _files(*books["paged"])
    pages = _page_list(files)
    assert pages is not None
    assert [a.text for a in pages.iter(f"{XHTML}a")] == LABELS
    assert pages.get("role") == "doc-pagelist" and pages.get("hidden") is not None


def test_each_page_link_lands_right_before_its_sentence_in_its_chapter(books) -> None:
    out, manifest = books["paged"]
    files = _files(out, manifest)
    chapter_of = {s["text"]: f"chapter-{s['chapter']:02d}.xhtml" for s in manifest["segments"]}
    for a in _page_list(files).iter(f"{XHTML}a"):
        label = a.text
        doc, _, ident = a.get("href").partition("#")
        assert doc == chapter_of[STARTS[label]], label  # the chapter whose text the page starts
        page = ElementTree.fromstring(files["EPUB/" + doc])
        order = list(page.iter())
        marker = next(e for e in order if e.get("id") == ident)
        assert marker.get(f"{OPS}type") == "pagebreak" and marker.get("role") == "doc-pagebreak"
        assert marker.get("aria-label") == label and "".join(marker.itertext()) == ""
        after = next(e for e in order[order.index(marker):] if e.get("data-seg"))
        assert "".join(after.itertext()) == STARTS[label]
    # each chapter file has exactly the markers the page list points to
    anchors = [e.get("aria-label") for n, data in sorted(files.items()) if n.endswith(".xhtml") and "chapter-" in n
               for e in ElementTree.fromstring(data).iter() if e.get("role") == "doc-pagebreak"]
    assert anchors == LABELS


def test_the_paged_epub_says_where_its_pages_come_from(books) -> None:
    """Page-break markers and a page list are announced (pageBreakMarkers, pageNavigation); their
    source is the lesson file (dc:source refined as source-of pagination, what Debian's epubcheck
    knows), and the summary says the printed edition is not identified, since no lesson names it."""
    files = _files(*books["paged"])
    opf = ElementTree.fromstring(files["EPUB/package.opf"])
    meta = {(m.get("property"), m.text) for m in opf.iter(f"{OPF}meta")}
    assert {("schema:accessibilityFeature", "pageBreakMarkers"), ("schema:accessibilityFeature", "pageNavigation")} <= meta
    source = opf.find(f"{OPF}metadata/{DC}source")
    assert source is not None and source.text == "lesson.html"
    assert ("source-of", "pagination") in meta
    refines = next(m.get("refines") for m in opf.iter(f"{OPF}meta") if m.get("property") == "source-of")
    assert refines == "#" + source.get("id")
    summary = next(t for p, t in meta if p == "schema:accessibilitySummary")
    assert "not identified" in summary


def test_a_lesson_without_page_markers_has_no_page_list(books) -> None:
    files = _files(*books["plain"])
    assert _page_list(files) is None
    opf = files["EPUB/package.opf"].decode()
    assert "pageBreakMarkers" not in opf and "pageNavigation" not in opf and "dc:source" not in opf
    assert not any(b"doc-pagebreak" in data for n, data in files.items() if n.endswith(".xhtml"))


def _caption_text(path: Path) -> list[str]:
    """The text lines of a WebVTT or SRT file's cues (not its numbers or timings)."""
    lines = []
    for cue in path.read_text("utf-8").split("\n\n"):
        rows = cue.strip().splitlines()
        timed = next((i for i, r in enumerate(rows) if "-->" in r), None)
        if timed is not None:
            lines += rows[timed + 1:]
    return lines


def test_page_numbers_are_never_spoken_captioned_or_in_the_overlays(books) -> None:
    out, manifest = books["paged"]
    assert manifest["segments"]
    for s in manifest["segments"]:
        assert not PAGE_WORD.search(s["text"]) and not PAGE_WORD.search(s.get("spoken", "")), s
    captions = [out / c[k] for c in manifest["chapters"] for k in ("captions", "srt") if c.get(k)]
    assert captions
    for path in captions:
        text = _caption_text(path)
        assert text and not any(PAGE_WORD.search(t) for t in text), path
    files = _files(out, manifest)
    for name, data in files.items():
        if name.endswith(".smil"):
            targets = [t.get("src") for t in ElementTree.fromstring(data).iter(f"{SMIL}text")]
            assert targets and not any("#page-" in t for t in targets)
    # the read-along page shows no page markers
    assert "doc-pagebreak" not in (out / "index.html").read_text("utf-8")


def test_the_paged_epub_passes_epubcheck(books) -> None:
    out, manifest = books["paged"]
    proc = subprocess.run([*epubcheck_command(), str(out / manifest["epub"])], capture_output=True, text=True,
                          timeout=600)
    report = proc.stdout + proc.stderr
    assert proc.returncode == 0 and "0 fatals / 0 errors / 0 warnings" in report, report


@pytest.mark.browser
def test_the_paged_epub_passes_daisy_ace(books, chromium, tmp_path) -> None:
    if not ACE.is_file():
        message = f"needs DAISY's Ace in {ACE.parent.parent} (.ci/run installs @daisy/ace-cli with npm)"
        if os.environ.get("NARRATOR_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    out, manifest = books["paged"]
    env = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": str(chromium)}  # Debian's Chromium, not a download
    run = subprocess.run([str(ACE), "--force", "--silent", "--outdir", str(tmp_path / "ace"), str(out / manifest["epub"])],
                         capture_output=True, text=True, timeout=300, env=env)
    assert run.returncode == 0, run.stdout + run.stderr
    report = json.loads((tmp_path / "ace" / "report.json").read_text("utf-8"))
    found = [(x["earl:test"]["earl:impact"], x["earl:test"]["dct:title"]) for a in report["assertions"]
             for x in a["assertions"]]
    assert [f for f in found if f[0] in ("serious", "critical")] == []
    assert found == []  # nor a moderate or minor one (epub-pagesource, page list / metadata mismatch...)
    assert report["properties"]["hasPageBreaks"] is True  # Ace saw the markers
