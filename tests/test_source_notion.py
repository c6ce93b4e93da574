"""Notion HTML exports (issue 19): the page title is the title, never a chapter of its own;
empty properties, bylines, attached files and bookmark addresses are reported, not read."""

from __future__ import annotations

from narrator.config import ParseConfig
from narrator.parse import parse_html

_PAGE = b"""<html><head><title>Law notes</title><style>.page{}</style></head><body>
<article id="x" class="page sans"><header><img class="page-cover-image" src="cache/photo"/>
<h1 class="page-title">Law notes</h1><p class="page-description"></p>
<table class="properties"><tbody>
<tr class="property-row property-row-multi_select"><th>Tags</th><td></td></tr>
<tr class="property-row property-row-created_time"><th>Created</th><td>May 1, 2024 9:00 AM</td></tr>
<tr class="property-row property-row-file"><th>Syllabus</th><td><span><a href="Law%20notes%20abc/WCC.pdf">WCC.pdf</a></span></td></tr>
<tr class="property-row property-row-text"><th>Teacher</th><td>Professor Rao</td></tr>
</tbody></table></header>
<div class="page-body">
<figure><div class="source"><a href="Law%20notes%20abc/Overview.pdf">Overview.pdf</a></div></figure>
<h1>Unit I</h1><p>Every accused is presumed innocent.</p>
<figure><a href="https://example.org/x" class="bookmark source"><div class="bookmark-info"><div class="bookmark-text">
<div class="bookmark-title">Presumption of innocence</div></div>
<div class="bookmark-href"><img src="https://example.org/favicon.ico" class="icon bookmark-icon"/>https://example.org/x</div></div></a></figure>
<h1>Unit II</h1><p>Strict liability needs no guilty mind.</p>
<p><a href="Law%20notes%20abc/Sub%20page%20def.html">Sub page</a> has more.</p>
</div></article></body></html>"""


def _doc(data: bytes):
    return parse_html(data, "page.html", ParseConfig())


def _texts(doc) -> list[str]:
    return [b.text for c in doc.chapters for b in c.blocks]


def test_title_heading_is_not_a_chapter_of_its_own():
    doc = _doc(_PAGE)
    assert doc.title == "Law notes"
    # the properties read make an opening part under the page's title; the title is heard once
    assert [c.title for c in doc.chapters] == ["Law notes", "Unit I", "Unit II"]
    assert _texts(doc).count("Law notes") == 1
    bare = _PAGE.replace(b'<tr class="property-row property-row-text"><th>Teacher</th><td>Professor Rao</td></tr>', b"")
    assert [c.title for c in _doc(bare).chapters] == ["Unit I", "Unit II"]


def test_furniture_is_reported_not_read():
    doc = _doc(_PAGE)
    text = " ".join(_texts(doc))
    for gone in ("Tags", "May 1", ".pdf", "example.org"):
        assert gone not in text
    what = {s.what for s in doc.skipped}
    assert {"empty property", "page metadata line", "file attachment", "bookmark address"} <= what


def test_content_properties_bookmark_titles_and_page_links_are_read():
    text = " ".join(_texts(_doc(_PAGE)))
    assert "Teacher; Professor Rao" in text or "Teacher: Professor Rao" in text
    assert "Presumption of innocence" in text
    assert "Sub page has more." in text


def test_database_cells_keep_names_without_attachments():
    data = b"""<html><body><article class="page sans"><header><h1 class="page-title">Semester</h1></header>
<div class="page-body"><table class="collection-content"><thead><tr><th>Name</th><th>Syllabus</th></tr></thead>
<tbody><tr><td class="cell-title"><a href="Semester/Land%20Law%20abc.html">Land Law</a></td>
<td><span style="margin-right:6px"><a href="Semester/Land_Law.pdf">Land_Law.pdf</a></span></td></tr></tbody></table>
</div></article></body></html>"""
    doc = _doc(data)
    text = " ".join(_texts(doc))
    assert "Land Law" in text and "pdf" not in text
