"""take_out (narrator/parse/sources/__init__.py) on an element no longer in the page: an element a
kind has already lifted out of the tree (extract) is not reported as taken out, and is left whole."""

from __future__ import annotations

from narrator.parse.html import parse_soup
from narrator.parse.sources import take_out
from narrator.values import Skipped


def test_an_element_already_lifted_out_is_not_reported() -> None:
    soup = parse_soup("<html><body><div class='menu'>Menu</div><p>Text.</p></body></html>")
    lifted = soup.find("div").extract()
    assert take_out([lifted, soup.find("p")], "furniture", "why") == [Skipped("p", "furniture", "why", 5)]
    assert not lifted.decomposed and lifted.get_text() == "Menu"
