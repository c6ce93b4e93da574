"""Template syntax in a lesson's text (narrator/parse/html.py): either kind alone, "{{ ... }}" or
"<% ... %>", is taken out of the words read and reported with its length."""

from __future__ import annotations

from narrator.config import ParseConfig
from narrator.parse.html import Walker, parse_soup
from narrator.values import Skipped

WHY = "template syntax is filled in by a program"


def test_braces_alone_and_angle_percent_alone_are_each_taken_out_and_reported() -> None:
    soup = parse_soup("<p>Hello {{ name }}!</p><p>Total <%= sum %> points.</p>")
    walker = Walker(ParseConfig())
    assert [b.text for b in walker.walk(soup.body)] == ["Hello!", "Total points."]
    # "{{ name }}" and "<%= sum %>": 10 characters each
    assert walker.skipped == [Skipped("body > p:nth-of-type(1)", "template markup", WHY, 10),
                              Skipped("body > p:nth-of-type(2)", "template markup", WHY, 10)]
