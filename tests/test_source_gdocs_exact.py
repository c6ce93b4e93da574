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


def test_heading_styles_come_from_every_style_block_inline_styles_and_innermost_runs() -> None:
    body = "Plain body text in the usual size, long enough to set the body size of the doc"
    doc = f"""<html><head><style>.c1{{font-size:16pt}}.c2{{font-size:11pt}}</style><style>.c1{{font-weight:700}}</style></head>
<body class="doc-content">
<p><span class="c1">Split Rule Part</span></p>
<p><span style="FONT-WEIGHT:BOLD;FONT-SIZE:18PT">Inline Big</span></p>
<p><span class="c1"><a href="#x">Linked Part</a></span></p>
<p><span class="c2"><span class="c1">Inner Run</span></span></p>
<p class="subtitle"><span class="c1">A Subtitle</span></p>
<p class="title"><span class="c2">Doc Title</span></p><p class="title"><span class="c1">SECOND TITLE</span></p>
<table><tr><td><p><span class="c1">In A Cell</span></p></td><th><p><span class="c1">In A Head</span></p></th></tr></table>
<ul><li><p><span class="c1">In A List</span></p></li></ul>
<p><span class="c2">Write .c2{{font-weight:700;font-size:20pt}} in CSS</span></p>
<p><span class="c2">{body}</span></p><p><span class="c2">{body}</span></p>
<p><span class="c2">ABCD</span></p><p><span class="c2">ABC!</span></p><p><span class="c2">WHY?</span></p>
<p><span class="c2">ABC</span></p><p><span class="c2">{'AB ' * 26}CD</span></p><p><span class="c2">{'AB ' * 26}CDE</span></p>
</body></html>"""
    _, soup, _ = prepared(doc)
    headings = [(h.name, h.get_text()) for h in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]
    assert headings == [("h2", "Split Rule Part"), ("h1", "Inline Big"), ("h2", "Linked Part"), ("h2", "Inner Run"),
                        ("h1", "Doc Title"), ("h3", "ABCD"), ("h3", ("AB " * 26) + "CD")]  # capitals: 4 letters, 80 characters


def test_the_body_size_is_the_size_with_most_text_and_unsized_text_is_eleven_points() -> None:
    doc = """<html><head><style>.b{font-weight:700;font-size:12pt}.s{font-size:10pt}</style></head><body class="doc-content">
<p><span>Unsized text of the body, thirty</span></p><p><span>Unsized text of the body, again</span></p>
<p><span>Unsized text of the body, third</span></p>
<p><span class="b">A Bold Heading Of Twelve Points Here</span></p>
<p><span class="s">Small print, one run only</span></p>
<p><span style="font-weight:700">Bold At Body Size</span></p><p><span style="font-size:14pt">Large But Not Bold</span></p>
</body></html>"""
    _, soup, _ = prepared(doc)
    assert [h.get_text() for h in soup.find_all(["h1", "h2"])] == ["A Bold Heading Of Twelve Points Here"]


def test_seven_sizes_make_six_levels() -> None:
    runs = "".join(f'<p><span style="font-weight:700;font-size:{s}pt">Size {s}</span></p>' for s in range(20, 13, -1))
    doc = f'<html><body class="doc-content">{runs}<p><span style="font-size:11pt">{"Body text here, " * 20}</span></p></body></html>'
    _, soup, _ = prepared(doc)
    assert [h.name for h in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])] == ["h1", "h2", "h3", "h4", "h5", "h6", "h6"]
