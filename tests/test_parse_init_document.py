"""What parse_html's Document says about the whole lesson (narrator/parse/__init__.py), in the cases
the exact tests leave open: when a fragment is read as a web page, and the notes chapter's number."""

from __future__ import annotations

import pytest

from narrator.config import ParseConfig
from narrator.parse import parse_html
from narrator.values import Document

LINKS = '<p><a href="/a">Home page</a> <a href="/b">About us</a></p><p>Real text of the lesson here.</p>'


def parse(markup: str) -> Document:
    return parse_html(markup.encode(), "dir/lesson.html", ParseConfig())


def texts(doc: Document) -> list[str]:
    return [b.text for c in doc.chapters for b in c.blocks]


def test_a_fragment_of_links_only_is_read_unless_the_page_is_a_web_page() -> None:
    assert texts(parse(LINKS)) == ["Home page About us", "Real text of the lesson here."]


@pytest.mark.parametrize("tag", ["script", "nav", "form", "iframe"])
def test_a_script_nav_form_or_iframe_makes_a_web_page_whose_link_lines_are_chrome(tag: str) -> None:
    assert texts(parse(f"{LINKS}<{tag}></{tag}>")) == ["Real text of the lesson here."]


def test_the_notes_chapter_is_numbered_after_the_last_chapter() -> None:
    doc = parse('<h2>A</h2><p>Text<sup><a href="#fn1" id="r1">1</a></sup>.</p><h2>B</h2><p>More.</p>'
                '<ol class="footnotes"><li id="fn1">The note. <a href="#r1">↩</a></li></ol>')
    assert [(c.index, c.title) for c in doc.chapters] == [(1, "A"), (2, "B"), (3, "Notes")]
