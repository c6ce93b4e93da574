"""Notion exports (narrator/parse/sources/notion.py), attached files at their edges: a file block
alone in a column is reported as the file block (never its column), an image figure is no file
attachment, and a database cell holding only a file link keeps its cell."""

from __future__ import annotations

from typing import Any

from narrator.parse.html import parse_soup
from narrator.parse.sources import recognise
from narrator.values import Skipped

FILE = "a file attached to the Notion page: something to open, not text"
CELL = "a file attached to a Notion database row"


def prepared(body: str) -> tuple[list[Skipped], Any]:
    soup = parse_soup("<html><body><article class='page'><header><h1 class='page-title'>Notes</h1></header>"
                      f"<div class='page-body'><p>Every accused is presumed innocent.</p>{body}</div>"
                      "</article></body></html>")
    source = recognise(soup)
    assert source.name == "notion"
    return source.prepare(soup), soup


def test_a_file_block_alone_in_a_column_is_reported_as_the_block() -> None:
    skipped, soup = prepared("<div class='column'><figure id='f1'><div class='source'>"
                             "<a href='Notes/Overview.pdf'>Overview.pdf</a></div></figure></div>")
    assert skipped == [Skipped("figure#f1", "file attachment", FILE, 12)]
    assert soup.find("div", class_="column") is not None


def test_an_image_figure_is_no_file_attachment() -> None:
    skipped, soup = prepared("<figure id='i1' class='image'><a href='Notes/map.png'><img src='Notes/map.png'/></a></figure>")
    assert skipped == []
    assert soup.find("img") is not None


def test_a_cell_holding_only_a_file_link_keeps_its_cell() -> None:
    skipped, soup = prepared("<table class='collection-content'><tr><td>Week 1</td><td><a href='Notes/Brief.pdf'>Brief.pdf</a></td></tr></table>")
    assert skipped == [Skipped("a", "file attachment", CELL, 9)]
    assert [td.get_text() for td in soup.find_all("td")] == ["Week 1", ""]


def test_a_page_is_notion_by_its_title_alone() -> None:
    soup = parse_soup("<html><body><article class='page'><header><h1 class='page-title'>Notes</h1></header>"
                      "<p>Every accused is presumed innocent.</p></article></body></html>")
    assert recognise(soup).name == "notion"
