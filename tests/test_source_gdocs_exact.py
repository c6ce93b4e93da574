"""Google Docs exports (narrator/parse/sources/gdocs.py), exactly: how a Doc is recognised (and a
page that is not one), its skip report (comment marks and threads, the footnote rule, authoring
markers), its footnotes marked, its title, and the heading levels of hand-styled headings."""

from __future__ import annotations

from typing import Any

from narrator.parse.html import parse_soup
from narrator.parse.sources import Source, recognise
from narrator.parse.sources.gdocs import GoogleDocs
from narrator.values import Skipped

STYLE = ("<style>.c1{font-weight:700;font-size:16pt}.c2{font-size:11pt}.c3{font-weight:700;font-size:13pt}"
         ".c4{font-weight:bold}</style>")
DOC = f"""<html><head>{STYLE}</head><body class="doc-content">
<p class="title"><span>My  Doc</span></p>
<p><span class="c1">Big Part</span></p>
<p><span class="c2">Body text goes here with enough words to be the size of the body.</span><sup><a href="#cmnt1" id="cmnt_ref1">[a]</a></sup></p>
<p><span class="c3">Small Part</span></p>
<p><span class="c2">ALL CAPS LINE</span></p>
<p><span class="c1">Big but ends.</span></p>
<p><span class="c2">Shouting, really?</span></p>
<p><span class="c2">More body text with a note in it for the size</span><sup><a href="#ftnt1" id="ftnt_ref1">[1]</a></sup></p>
<p><span class="c2">//***NO TEXT INPUT FIELD***///</span></p>
<hr>
<div><p><a href="#ftnt_ref1" id="ftnt1">[1]</a><span class="c2"> The note.</span></p></div>
<div><p><a href="#cmnt_ref1" id="cmnt1">[a]</a><span class="c2">Fix this</span></p><p>Reply</p></div>
</body></html>"""


def prepared(html: str) -> tuple[Source, Any, list[Skipped]]:
    soup = parse_soup(html)
    source = recognise(soup)
    return source, soup, source.prepare(soup)


def test_a_docs_comments_rule_and_markers_are_reported_and_its_note_marked() -> None:
    source, soup, skipped = prepared(DOC)
    assert source.name == "google-docs"
    assert skipped == [
        Skipped("sup", "comment mark", "a reviewer's comment mark in the Google Doc", 3),
        Skipped("div", "comment", "a reviewer's comment on the Google Doc, not its text", 16),
        Skipped("hr", "footnote rule", "the line above the document's footnotes", 0),
        Skipped("p", "authoring marker", "a note to whoever builds the course, written between marker characters", 30)]
    assert [d.get_text() for d in soup.find_all(class_="footnote")] == ["[1] The note."]
    assert source.title(soup, []) == "My Doc"


def test_hand_styled_headings_take_levels_by_size_capitals_last() -> None:
    _, soup, _ = prepared(DOC)
    headings = [(h.name, h.get_text()) for h in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]
    assert headings == [("h1", "My  Doc"), ("h1", "Big Part"), ("h2", "Small Part"), ("h3", "ALL CAPS LINE")]


def test_a_doc_with_heading_tags_keeps_its_paragraphs() -> None:
    _, soup, _ = prepared(DOC.replace('<p><span class="c1">Big Part</span></p>', "<h2>Big Part</h2>"))
    assert [(h.name, h.get_text()) for h in soup.find_all(["h1", "h2", "h3"])] == [("h1", "My  Doc"), ("h2", "Big Part")]


def test_a_doc_is_recognised_by_googles_own_marks_only() -> None:
    def kind(html: str) -> str:
        return recognise(parse_soup(html)).name

    assert kind("<html><body class='doc-content'><p>x</p></body></html>") == "google-docs"
    assert kind("<html><body><b id='docs-internal-guid-12ab'><p>x</p></b></body></html>") == "google-docs"
    assert kind("<html><head><style>.lst-kix_a-0{}</style></head><body><p>x</p></body></html>") == "google-docs"
    two = "<html><body><h1 id='h.abc123' class='{0}'>A</h1><h2 id='h.def456' class='c2'>B</h2><p>x</p></body></html>"
    assert kind(two.format("c1 title")) == "google-docs"
    assert kind(two.format("intro")) != "google-docs"
    assert kind("<html><body><h1 id='h.abc123' class='c1'>A</h1><p>x</p></body></html>") != "google-docs"
    assert kind("<html><head><style>.c1{font-weight:700}</style></head><body><p>x</p></body></html>") != "google-docs"
    assert not GoogleDocs.detect(parse_soup("<p id='h.abc'>x</p><p id='h.def'>y</p>"))  # ids too short
