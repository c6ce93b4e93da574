"""LMS course pages (narrator/parse/sources/lms.py), exactly: which element is a Canvas banner
(the page title repeated beside a logo before the first heading), what each LMS's furniture is
reported as, and what is left. Small hand-written pages, the skip report compared whole."""

from __future__ import annotations

from typing import Any

from narrator.parse.html import parse_soup
from narrator.parse.sources import Source, recognise
from narrator.values import Skipped

CANVAS = ('<html><head>{title}<meta name="identifier" content="g1"/>'
          '<meta name="workflow_state" content="active"/></head><body>{body}</body></html>')
BANNER = "the course's banner: the page title repeated beside a logo, before the page's own heading"


def prepared(html: str) -> tuple[Source, Any, list[Skipped]]:
    soup = parse_soup(html)
    source = recognise(soup)
    return source, soup, source.prepare(soup)


def canvas(body: str, title: str = "<title>Linking</title>") -> list[Skipped]:
    source, _, skipped = prepared(CANVAS.format(title=title, body=body))
    assert source.name == "lms"
    return skipped


def test_a_banner_is_a_table_or_a_block_with_a_logo_repeating_the_title() -> None:
    rest = "<h2>Linking</h2><p>Links join pages.</p>"
    assert canvas("<table><tr><td>Linking</td></tr></table>" + rest) == [Skipped("table", "page banner", BANNER, 7)]
    assert canvas("<div><img src='logo.png'> Linking</div>" + rest) == [Skipped("div", "page banner", BANNER, 7)]
    assert canvas("<p class='b'><img src='logo.png'>Linking</p>" + rest) == [Skipped("p.b", "page banner", BANNER, 7)]


def test_a_block_repeating_the_title_without_a_logo_is_read() -> None:
    rest = "<h2>Linking</h2><p>Links join pages.</p>"
    assert canvas("<div>Linking</div>" + rest) == []
    assert canvas("<div><span>Linking</span></div>" + rest) == []
    assert canvas("<p><img src='logo.png'>Linking today</p>" + rest) == []  # not the title


def test_a_logo_block_inside_a_table_of_more_is_no_banner() -> None:
    body = "<table><tr><td><div><img src='logo.png'>Linking</div></td><td>Week 1</td></tr></table><h2>Linking</h2><p>x</p>"
    assert canvas(body) == []


def test_without_a_title_or_a_heading_nothing_is_a_banner() -> None:
    assert canvas("<div><img src='logo.png'></div><h2>Linking</h2><p>Links join pages.</p>", title="") == []
    assert canvas("<table><tr><td>Linking</td></tr></table><p>Links join pages.</p>") == []
