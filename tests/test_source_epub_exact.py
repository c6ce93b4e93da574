"""EPUB chapters (narrator/parse/sources/epub.py), exactly: which plain links are note marks and
which elements their notes (a note links back to its mark, or starts with it), and what is
reported. Small hand-written XHTML chapters."""

from __future__ import annotations

from typing import Any

from narrator.config import ParseConfig
from narrator.parse import parse_html
from narrator.parse.html import parse_soup
from narrator.parse.sources import recognise
from narrator.values import Skipped

EPUB2 = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>{title}</title></head><body>{body}</body></html>"""


def notes_of(body: str, title: str = "Chapter One") -> tuple[list[str], list[str], list[Skipped]]:
    """(ids of the elements marked as notes, texts of the links marked as note marks, skipped)."""
    soup = parse_soup(EPUB2.format(title=title, body=body))
    source = recognise(soup)
    assert source.name == "epub"
    skipped = source.prepare(soup)
    notes = [str(t.get("id") or t.name) for t in soup.find_all(class_="footnote")]
    marks = [a.get_text() for a in soup.find_all("a", class_="noteref")]
    return notes, marks, skipped


TEXT = "<p>The river rose in spring<a href='#n1' id='r1'>1</a> and fell.</p>"


def test_a_note_that_links_back_to_its_mark_is_a_note_whatever_it_starts_with() -> None:
    body = TEXT + "<p id='n1'>Floods were common. <a href='#r1'>back</a></p>"
    assert notes_of(body)[:2] == (["n1"], ["1"])


def test_a_link_elsewhere_is_not_a_link_back() -> None:
    body = TEXT + "<p id='n1'>Floods were common. <a href='#r2'>see</a></p>"
    assert notes_of(body)[:2] == ([], [])


def test_a_numbered_link_to_a_section_is_a_cross_reference_not_a_note() -> None:
    body = "<p>As told in part <a href='#s2' id='x2'>2</a>, the river rose.</p><h2 id='s2'>The flood</h2><p>Water.</p>"
    assert notes_of(body)[:2] == ([], [])


def test_a_note_that_starts_with_its_mark_is_a_note() -> None:
    body = TEXT + "<div><p>Other text comes first here.</p><p id='n1'>1 Floods were common.</p></div>"
    assert notes_of(body)[:2] == (["n1"], ["1"])


def test_a_mark_written_with_spaces_is_a_mark() -> None:
    body = "<p>The river rose<a href='#n1' id='r1'>[ 1 ]</a>.</p><p id='n1'>[1] Floods were common.</p>"
    assert notes_of(body)[:2] == (["n1"], ["[ 1 ]"])


def test_an_anchor_inside_a_note_marks_the_block_around_it() -> None:
    # the anchor is in a paragraph, a list item, a division or an aside: that block starts with the mark
    for tag in ("p", "li", "div", "aside"):
        body = TEXT + f"<div><p>Other text first.</p><{tag} class='box'><a id='n1'></a>1 Floods were common.</{tag}></div>"
        notes, marks, _ = notes_of(body)
        assert (notes, marks) == ([tag], ["1"]), tag
    # a span holding the note's words is inside its paragraph, which starts with the mark
    body = TEXT + "<div><p>Other text first.</p><p class='box'>1 <span id='n1'>Floods were common.</span></p></div>"
    assert notes_of(body)[:2] == (["p"], ["1"])
    # an anchor in an inline element: the paragraph, not the element, is the note
    body = TEXT + "<p class='box'>1 Floods were <b><a id='n1'></a>common</b>.</p>"
    assert notes_of(body)[:2] == (["p"], ["1"])


def test_a_placeholder_heading_is_reported_with_the_chapter_title() -> None:
    notes, marks, skipped = notes_of("<h2>Text</h2><p>The river rose.</p>", title="The Flood")
    assert skipped == [Skipped("h2", "placeholder heading",
                               "'Text' names no chapter: it is heard as 'The Flood', the chapter's title", 4)]


def test_notes_are_heard_after_the_chapter_without_their_marks() -> None:
    body = TEXT + "<p id='n1'>Floods were common. <a href='#r1'>back</a></p>"
    doc = parse_html(EPUB2.format(title="Chapter One", body=body).encode(), "c.xhtml", ParseConfig())
    texts: list[Any] = [[b.text for b in c.blocks] for c in doc.chapters]
    assert texts[0][-1] == "The river rose in spring and fell."
    assert texts[-1][-1].startswith("Floods were common.")
