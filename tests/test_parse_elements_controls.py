"""What a page's controls open, exactly (narrator/parse/elements.py): furniture is named by the
first 200 characters of a role, id or class; a repeated id names its first element; one control
opens all it names, in its href, onclick and target attributes."""

from __future__ import annotations

from narrator.parse.elements import reveals
from narrator.parse.html import parse_soup


def shown(ident: str) -> bool:
    soup = parse_soup(f'<a href="#{ident}">Open</a><div id="{ident}" style="display:none">Text</div>')
    return id(soup.find("div")) in reveals(soup.body).shown


def test_a_furniture_word_counts_within_the_first_200_characters_of_a_name() -> None:
    assert not shown("b" * 196 + "Menu")  # 200 characters: a menu, it stays hidden
    assert shown("b" * 197 + "Menu")  # "Menu" is cut to "Men": not furniture, read


def test_a_control_opens_the_first_element_of_a_repeated_id() -> None:
    # as a browser's getElementById: the first element with the id, never a later one
    soup = parse_soup('<a href="#d">Show</a><div id="d" style="display:none">first</div>'
                      '<div id="d" style="display:none">second</div>')
    found = reveals(soup.body)
    assert [id(d) in found.shown for d in soup.find_all("div")] == [True, False]


def test_one_control_opens_every_element_it_names_in_any_attribute() -> None:
    soup = parse_soup(
        '<a href="#a" onclick="show(\'b\')" aria-controls="c" data-target="#d Xray X">Open all</a>'
        + "".join(f'<div id="{k}" style="display:none">{k}</div>' for k in ("a", "b", "c", "d", "Xray", "X", "e")))
    found = reveals(soup.body)
    assert [d["id"] for d in soup.find_all("div") if id(d) in found.shown] == ["a", "b", "c", "d", "Xray", "X"]
    assert [a.get_text() for a in soup.find_all("a") if id(a) in found.controls] == ["Open all"]
