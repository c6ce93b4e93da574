"""Notion exports (narrator/parse/sources/notion.py), exactly: the skip report of a page with every
kind of furniture (cover, empty properties, bylines, attached files in properties, blocks and
database cells, bookmark addresses), what is kept (a file name with other words, a web link), the
document's element and its title."""

from __future__ import annotations

from narrator.parse.html import parse_soup
from narrator.parse.sources import recognise
from narrator.values import Skipped

PAGE = """<html><head><title>Law notes</title></head><body>
<div class="page"><p>Printed page 1</p></div><article class="aside"><p>Aside</p></article>
<article id="x" class="page sans"><header><img class="page-cover-image" src="cache/photo"/>
<div class="page-header-icon">⚖</div>
<h1 class="page-title">Law notes</h1><p class="page-description"> </p>
<table class="properties"><tbody>
<tr class="property-row property-row-multi_select"><th>Tags</th><td></td></tr>
<tr class="property-row property-row-text"><th>Room</th></tr>
<tr class="property-row property-row-created_time"><th>Created</th><td>May 1, 2024</td></tr>
<tr class="property-row property-row-last_edited_by"><th>Edited by</th><td>Rao</td></tr>
<tr class="property-row property-row-file"><th>Syllabus</th><td><a href="Law/WCC.pdf?dl=1">WCC.pdf</a>, <a href="Law/Map.png#top">Map.png</a></td></tr>
<tr class="property-row property-row-file"><th>Copy</th><td><a href="Law/WCC.pdf">WCC.pdf</a> WCC.pdf</td></tr>
<tr class="property-row property-row-text"><th>Note</th><td><a href="Law/A.pdf">A.pdf</a>, XX</td></tr>
<tr class="property-row property-row-url"><th>Site</th><td><a href="https://example.org/a.html">a.html</a></td></tr>
<tr class="property-row property-row-text"><th>Teacher</th><td>Professor Rao</td></tr>
</tbody></table></header>
<div class="page-body">
<figure><div class="source"><a href="Law/Overview.pdf">Overview.pdf</a></div></figure>
<p>Every accused is presumed innocent.</p>
<table class="collection-content"><tr><td><span><a href="Law/Case.docx">Case.docx</a></span></td>
<td><a href="Law/Brief.pdf">Brief.pdf</a> and more</td></tr></table>
<figure><a href="https://example.org/x" class="bookmark source"><div class="bookmark-title">Presumption</div>
<div class="bookmark-href">https://example.org/x</div></a></figure>
</div></article></body></html>"""

COVER = "the Notion page's cover picture and icon: decoration"
EMPTY = "a Notion page property with no value"
BYLINE = "who made or edited the Notion page, and when"
FILES = "files attached to the Notion page: something to open, not text"
FILE = "a file attached to the Notion page: something to open, not text"
CELL = "a file attached to a Notion database row"
BOOKMARK = "the web address under a Notion bookmark's title"


def test_every_piece_of_notion_furniture_is_reported_with_its_reason() -> None:
    soup = parse_soup(PAGE)
    source = recognise(soup)
    assert source.name == "notion"
    assert source.prepare(soup) == [
        Skipped("img.page-cover-image", "page cover", COVER, 0),
        Skipped("div.page-header-icon", "page cover", COVER, 1),
        Skipped("tr.property-row.property-row-multi_select", "empty property", EMPTY, 4),
        Skipped("tr.property-row.property-row-text", "empty property", EMPTY, 4),
        Skipped("tr.property-row.property-row-created_time", "page metadata line", BYLINE, 18),
        Skipped("tr.property-row.property-row-last_edited_by", "page metadata line", BYLINE, 12),
        Skipped("tr.property-row.property-row-file", "file attachment", FILES, 24),
        Skipped("figure", "file attachment", FILE, 12),
        Skipped("span", "file attachment", CELL, 9),
        Skipped("a", "file attachment", CELL, 9),
        Skipped("div.bookmark-href", "bookmark address", BOOKMARK, 21),
    ]
    kept = [tr.th.get_text() for tr in soup.find_all("tr", class_="property-row")]
    assert kept == ["Copy", "Note", "Site", "Teacher"]
    assert soup.find(class_="page-description") is None  # empty: gone without a report
    assert source.root(soup) is soup.find(id="x")
    assert soup.find(class_="page-title")["class"] == ["page-title", "title"]
    assert source.title(soup, []) == "Law notes"


def test_a_page_without_a_title_or_with_an_empty_one_has_none_of_its_own() -> None:
    for title in ("", "<h1 class='page-title'> </h1>"):
        soup = parse_soup(f"<html><body><article class='page'>{title}<div class='page-body'><p>x</p></div>"
                          "</article></body></html>")
        source = recognise(soup)
        assert source.name == "notion"
        assert source.prepare(soup) == []
        assert source.title(soup, []) is None


def test_an_article_of_class_page_without_notion_parts_is_not_notion() -> None:
    soup = parse_soup("<html><body><article class='page'><h1>T</h1><p>x</p></article>"
                      "<div class='page-title'>T</div></body></html>")
    assert recognise(soup).name != "notion"
