"""An element's inline style as the walk tests it (narrator/parse/elements.py, style_of): a
carriage return, which lxml turns into a newline but html.parser keeps, is dropped like any space."""

from __future__ import annotations

from typing import Any

import bs4

from narrator.parse.elements import is_hidden, style_of


def test_a_carriage_return_in_a_style_is_dropped() -> None:
    soup: Any = bs4.BeautifulSoup('<p style="Display:\r none">x</p>', "html.parser")
    assert soup.p["style"] == "Display:\r none"
    assert style_of(soup.p) == "display:none"
    assert is_hidden(soup.p, style_of(soup.p))
