"""The title parse_html gives a document (narrator/parse/__init__.py), in the cases the exact
tests leave open; expected values worked out from the markup by hand."""

from __future__ import annotations

from narrator.config import ParseConfig
from narrator.parse import parse_html


def title(markup: str) -> str:
    return parse_html(markup.encode(), "dir/lesson.html", ParseConfig()).title


def test_the_first_part_of_a_page_title_is_taken_only_when_the_page_shows_it() -> None:
    # "-" without spaces is no site separator for drop_site_name: the <title> stays whole unless
    # a block of the page reads "Law of gravity"
    assert title("<html><head><title>Law of gravity-Physics site</title></head><body>"
                 "<p>Things fall down.</p></body></html>") == "Law of gravity-Physics site"


def test_the_page_must_show_that_first_part_in_one_of_its_first_50_blocks() -> None:
    def with_block_at(k: int) -> str:
        return title("<html><head><title>Law of gravity-Physics site</title></head><body>"
                     + "<p>Things fall.</p>" * (k - 1) + "<p>Law of gravity</p></body></html>")

    assert with_block_at(50) == "Law of gravity"
    assert with_block_at(51) == "Law of gravity-Physics site"
