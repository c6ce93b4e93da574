"""When a document is plain text (narrator/parse/cleanup.py, as_html): a tag counts only within
its first 200,000 characters."""

from __future__ import annotations

from narrator.parse.cleanup import as_html


def test_a_tag_counts_only_within_the_first_200000_characters() -> None:
    inside = "a" * 199998 + "<p>x</p>"  # "<p" at characters 199,998 and 199,999
    assert as_html(inside, "t.txt") is inside
    past = "a" * 199999 + "<p>x</p>"  # its "p" is the 200,001st character: text
    assert as_html(past, "t.txt") == "<p>" + "a" * 199999 + "&lt;p&gt;x&lt;/p&gt;</p>\n"
