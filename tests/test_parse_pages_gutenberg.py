"""Project Gutenberg's HTML books mark where each printed page starts with a span its style sheet
sets in the margin (class "pagenum" or "pageno"): a page number, never read mid-sentence
("and the [Pg 12] rain fell"), kept for the EPUB's page list at the word the page starts with."""

from __future__ import annotations

import pytest

from narrator.config import ParseConfig
from narrator.parse import parse_html
from narrator.parse.pages import page_label
from narrator.parse.tree import parse_tree


def _blocks(body: str) -> list[tuple[str, tuple[str, ...], tuple[int, ...]]]:
    doc = parse_html(f"<html><body><h1>Chapter I</h1>{body}</body></html>".encode(), "book.html", ParseConfig())
    return [(b.text, b.pages, b.page_at) for c in doc.chapters for b in c.blocks if b.kind != "heading"]


def test_a_page_number_in_the_margin_is_not_read_and_marks_its_page() -> None:
    body = '<p>It was a dark night, and the <span class="pagenum"><a id="Page_12">[Pg 12]</a></span>rain fell.</p>'
    assert _blocks(body) == [("It was a dark night, and the rain fell.", ("12",), (29,))]


def test_the_other_class_and_a_page_number_before_a_paragraph() -> None:
    body = ('<p>Second para <span class="pageno" id="Page_13">13</span>continues here.</p>'
            '<p><span class="pagenum"><a id="Page_xiv">[xiv]</a></span>Roman numbers too.</p>')
    assert _blocks(body) == [("Second para continues here.", ("13",), (12,)),
                             ("Roman numbers too.", ("xiv",), (0,))]


@pytest.mark.parametrize("printed, label", [
    ("[Pg 12]", "12"), ("{10}", "10"), ("[15]", "15"), ("Page 16", "16"), ("p. 7", "7"), ("(ix)", "ix"),
    ("12", "12"), ("[Pg. 3]", "3"), ("page-12", "12"), ("pg_7", "7"),
])
def test_the_label_is_the_number_without_how_it_is_printed(printed: str, label: str) -> None:
    node = parse_tree(f'<html><body><span class="pagenum">{printed}</span></body></html>').find("span")
    assert page_label(node) == label


def test_a_pagenum_span_holding_a_sentence_is_read() -> None:
    """A lesson is untrusted: the class does not make a sentence a page number."""
    body = '<p><span class="pagenum">This sentence is in a span named for page numbers by mistake.</span></p>'
    assert _blocks(body) == [("This sentence is in a span named for page numbers by mistake.", (), ())]


@pytest.mark.parametrize("text", ["Page 1 of 3", "Next", "Pages 12-13", "A-12"])
def test_a_pagination_widget_named_so_is_no_page_number(text: str) -> None:
    """Web pages name their pagination "pagenum" too: only a page number printed as one is a
    marker, the rest is left to the other rules (read, or reported as page chrome)."""
    node = parse_tree(f'<html><body><span class="pagenum">{text}</span></body></html>').find("span")
    assert page_label(node) is None


def test_an_epub_marker_keeps_a_label_that_is_no_number() -> None:
    node = parse_tree('<html><body><span epub:type="pagebreak" title="Pages 12-13"/></body></html>').find("span")
    assert page_label(node) == "Pages 12-13"
