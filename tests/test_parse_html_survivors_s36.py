"""The walk of an editor's DOM (narrator/parse/html.py), exactly, where the mutation run m35 found
it untested: the print pages met after the lesson's last word, a page's place in the first
paragraph or in one after a data-table row or after joined lines, which blocks belong to one
footnote and where the ids inside it point, and the list numbers of loose text in a list.

The walk is called directly (no chapters, no language detection), so every expected value is the
walk's own and is worked out from the markup by hand.
"""

from __future__ import annotations

from typing import Any

from narrator.config import ParseConfig
from narrator.parse.html import Walker, parse_soup
from narrator.values import Block


def walk(markup: str, **cfg: Any) -> list[Block]:
    soup = parse_soup(markup)
    return Walker(ParseConfig(**cfg)).walk(soup.body or soup)


def page(label: str) -> str:
    return f'<span epub:type="pagebreak" title="{label}"/>'


def paged(markup: str) -> list[tuple[str, tuple[str, ...], tuple[int, ...]]]:
    return [(b.text, b.pages, b.page_at) for b in walk(markup)]


# -- print pages -------------------------------------------------------------------------------

def test_a_page_starting_after_the_lessons_last_paragraph_is_at_the_end_of_that_paragraph() -> None:
    assert paged(f"<p>One.</p><p>Two.</p><p>Three.</p>{page('13')}") == [
        ("One.", (), ()), ("Two.", (), ()), ("Three.", ("13",), (6,))]


def test_a_page_after_the_last_paragraph_follows_the_page_that_started_inside_it() -> None:
    # page 13 starts at "Four." (offset 7), page 14 after the paragraph's last word (offset 12)
    assert paged(f"<p>Three. {page('13')}Four.</p>{page('14')}") == [("Three. Four.", ("13", "14"), (7, 12))]


def test_a_lesson_of_a_page_marker_alone_has_no_blocks() -> None:
    assert walk(page("1")) == []


def test_a_page_starting_mid_way_through_the_first_paragraph_starts_at_its_first_word() -> None:
    assert paged(f"<p>A delta forms. {page('13')}Sand settles.</p>") == [
        ("A delta forms. Sand settles.", ("13",), (15,))]


def test_a_page_starting_in_a_paragraph_after_a_data_table_starts_at_its_first_word() -> None:
    markup = (f"<table><tr><th>Name</th><th>Age</th></tr><tr><td>Ann</td><td>12</td></tr></table>"
              f"<p>A delta forms. {page('13')}Sand settles.</p>")
    assert paged(markup) == [("Name: Ann; Age: 12", (), ()), ("A delta forms. Sand settles.", ("13",), (15,))]


def test_a_page_starting_in_a_paragraph_after_one_of_joined_lines_starts_at_its_first_word() -> None:
    # the first paragraph's lines are joined (its offsets move); the next one's are not
    assert paged(f"<p>Rivers flow,<br>and slow.</p><p>A delta forms. {page('13')}Sand settles.</p>") == [
        ("Rivers flow, and slow.", (), ()), ("A delta forms. Sand settles.", ("13",), (15,))]


# -- footnotes ---------------------------------------------------------------------------------

NOTE_ONE = frozenset((".footnotes", "li", "note", "noteid:n1", "notekey:1"))


def test_the_paragraphs_of_one_note_are_that_one_note() -> None:
    blocks = walk('<ol class="footnotes"><li id="n1"><p>Rivers flow.</p><p>They slow.</p></li></ol>')
    assert [(b.kind, b.text, b.context) for b in blocks] == [
        ("item", "Rivers flow.", NOTE_ONE), ("item", "They slow.", NOTE_ONE)]


def test_an_id_between_two_paragraphs_of_a_note_points_to_the_paragraph_after_it() -> None:
    blocks = walk('<ol class="footnotes"><li id="n1"><p>Rivers flow.</p><p><span id="x"></span></p>'
                  "<p>They slow.</p></li></ol>")
    assert [(b.text, b.context) for b in blocks] == [
        ("Rivers flow.", NOTE_ONE), ("They slow.", NOTE_ONE | {"noteid:x"})]


def test_an_empty_notes_id_is_not_given_to_the_text_that_refers_to_it() -> None:
    blocks = walk('<p>Rivers flow.<sup><a href="#n2" id="r2">2</a></sup> More.</p>'
                  '<ol class="footnotes"><li><span id="n2"></span></li></ol>')
    assert [(b.text, b.context) for b in blocks] == [("Rivers flow. More.", frozenset({"ref:n2"}))]


def test_an_id_after_the_last_note_of_a_notes_list_leaves_the_notes_as_they_are() -> None:
    blocks = walk('<div class="footnotes"><p>Rivers flow.</p><span id="z"></span></div>')
    assert [(b.text, b.context) for b in blocks] == [
        ("Rivers flow.", frozenset((".footnotes", "note", "notekey:1")))]


# -- lists -------------------------------------------------------------------------------------

def test_loose_text_in_a_list_set_straight_in_a_numbered_list_is_a_paragraph_without_a_number() -> None:
    blocks = walk("<ol><li>One</li><ul>Loose text</ul></ol>")
    assert [(b.kind, b.text, b.level, b.ordered, b.item) for b in blocks] == [
        ("item", "One", 1, True, 1), ("paragraph", "Loose text", 0, False, 0)]
