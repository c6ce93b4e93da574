"""A whole web page cut down to its main content by parse_html (narrator/parse/__init__.py):
the loose text of the elements around the article is not read, and --debug says how many of
the prose blocks read the second opinion (trafilatura) would have left out."""

from __future__ import annotations

import logging

import pytest

from narrator.config import ParseConfig
from narrator.parse import parse_html

SENTENCE = "Plants make sugar from light, water and air, and they give out oxygen. "
ARTICLE = ("<p>" + SENTENCE * 4 + "</p>") * 4


def test_loose_text_around_the_main_content_is_not_read() -> None:
    # "Skip to the content" lies directly in <body>, "Advert here" directly in the article's wrapper
    page = ("<html><head><title>Plants</title><script>var a;</script></head><body>Skip to the content"
            f'<div id="wrap">Advert here<div id="main"><h1>Plants</h1>{ARTICLE}</div></div></body></html>')
    doc = parse_html(page.encode(), "dir/plants.html", ParseConfig())
    assert [b.text for c in doc.chapters for b in c.blocks] == ["Plants"] + [(SENTENCE * 4).strip()] * 4


def test_debug_log_counts_the_prose_read_that_the_second_opinion_would_leave_out(
        caplog: pytest.LogCaptureFixture) -> None:
    pytest.importorskip("trafilatura")
    # prose outside the article: a rule drops it, so the second opinion is asked about the page
    side = "<p>" + "Our shop sells seeds and garden tools at good prices every single day of the week. " * 2 + "</p>"
    page = ("<html><head><title>Plants</title><script>var a;</script></head><body>"
            f'<div id="side">{side}</div><div id="main"><h1>Plants</h1>{ARTICLE}</div></body></html>')
    with caplog.at_level(logging.DEBUG, logger="narrator.parse.second_opinion"):
        doc = parse_html(page.encode(), "dir/plants.html", ParseConfig())
    assert len(doc.chapters[0].blocks) == 5
    # the four paragraphs are prose (the heading is too short), all of them the article's
    assert [r.getMessage() for r in caplog.records if r.name == "narrator.parse.second_opinion"] == [
        "second opinion: 0 of 4 prose blocks read here are not main content to trafilatura"]
