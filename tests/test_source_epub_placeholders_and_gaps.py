"""EPUB chapters (narrator/parse/sources/epub.py), two edges: a chapter file without any <title>
keeps its placeholder heading (nothing else names the chapter), and empty paragraphs or a rule
between the notes heading and the notes do not keep the heading."""

from __future__ import annotations

from narrator.parse.html import parse_soup
from narrator.parse.sources import recognise
from narrator.values import Skipped

HEAD = ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" '
        '"http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml">')


def prepared(head: str, body: str) -> tuple[list[Skipped], object]:
    soup = parse_soup(f"{HEAD}<head>{head}</head><body>{body}</body></html>")
    source = recognise(soup)
    assert source.name == "epub"
    return source.prepare(soup), soup


def test_without_a_title_element_the_placeholder_heading_stays() -> None:
    skipped, soup = prepared("<meta charset='utf-8'/>", "<h2>正文</h2><p>河水在春天上涨。</p>")
    assert skipped == []
    assert soup.find("h2").get_text() == "正文"
    skipped, soup = prepared("<title>羅生門</title>", "<h2>正文</h2><p>河水在春天上涨。</p>")
    assert [s.what for s in skipped] == ["placeholder heading"]


def test_empty_blocks_between_the_notes_heading_and_the_notes_do_not_keep_it() -> None:
    body = ("<p>The river rose in spring<a href='#n1' id='r1'>1</a> and fell.</p>"
            "<h4>Notes</h4><p> </p><div></div><hr/>"
            "<p id='n1'>Floods were common. <a href='#r1'>back</a></p>")
    skipped, soup = prepared("<title>Chapter One</title>", body)
    assert skipped == [Skipped("h4", "notes heading", "the notes part starts with its own spoken cue", 5)]
