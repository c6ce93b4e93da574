"""Google Docs exports (narrator/parse/sources/gdocs.py), footnotes, comments and marks at their
edges: which back links make a footnote (and the ones that do not stop the others), where a note
or thread ends, the rule above the notes only when it is a rule, comment marks outside <sup>,
authoring markers in list items and wrappers, the Subtitle style among Google's classes, and the
title when the Doc has none."""

from __future__ import annotations

from typing import Any

from narrator.parse.html import parse_soup
from narrator.parse.sources import Source, recognise
from narrator.parse.sources.gdocs import GoogleDocs
from narrator.values import Skipped

TEXT = "<p><span>Body text of the doc.</span><sup><a href='#ftnt1' id='ftnt_ref1'>[1]</a></sup></p>"
RULE = Skipped("hr", "footnote rule", "the line above the document's footnotes", 0)
MARKER = "a note to whoever builds the course, written between marker characters"


def prepared(body: str) -> tuple[Source, Any, list[Skipped]]:
    soup = parse_soup(f"<html><body class='doc-content'>{body}</body></html>")
    source = recognise(soup)
    assert source.name == "google-docs"
    return source, soup, source.prepare(soup)


def notes(soup: Any) -> list[str]:
    return [" ".join(n.get_text().split()) for n in soup.find_all(class_="footnote")]


def test_a_back_link_elsewhere_or_outside_any_block_does_not_stop_the_notes() -> None:
    body = (TEXT + "<a id='ftnt9' href='#ftnt_ref9'>[9]</a><hr>"
            "<div><p><a id='ftnt3' href='#other'>[3]</a> Not a note.</p></div>"
            "<div><p><a id='ftnt1' href='#ftnt_ref1'>[1]</a> The note.</p></div>")
    _, soup, skipped = prepared(body)
    assert notes(soup) == ["[1] The note."]
    assert skipped == []  # the rule is not just above the first note


def test_a_note_keeps_its_classes_and_its_rule_is_reported_only_when_it_is_a_rule() -> None:
    _, soup, skipped = prepared(TEXT + "<hr><div class='c7'><p><a id='ftnt1' href='#ftnt_ref1'>[1]</a> The note.</p></div>")
    assert skipped == [RULE]
    assert soup.find("div").get("class") == ["c7", "footnote"]
    _, soup, skipped = prepared(TEXT + "<p>Closing words.</p><div><p><a id='ftnt1' href='#ftnt_ref1'>[1]</a> The note.</p></div>")
    assert skipped == []
    assert soup.find(string="Closing words.") is not None
    _, soup, skipped = prepared(TEXT + "<section><div><p><a id='ftnt1' href='#ftnt_ref1'>[1]</a> The note.</p></div></section>")
    assert skipped == [] and notes(soup) == ["[1] The note."]  # nothing before it


def test_a_note_is_its_whole_block_wherever_its_back_link_sits() -> None:
    _, soup, _ = prepared(TEXT + "<hr><p><sup><a id='ftnt1' href='#ftnt_ref1'>[1]</a></sup> The note.</p>")
    assert notes(soup) == ["[1] The note."]
    _, soup, _ = prepared(TEXT + "<hr><div><a id='ftnt1' href='#ftnt_ref1'>[1]</a> The note.</div>")
    assert notes(soup) == ["[1] The note."]


def test_bare_notes_in_one_wrapper_stay_apart() -> None:
    body = (TEXT.replace("</p>", "<sup><a href='#ftnt2' id='ftnt_ref2'>[2]</a></sup></p>") + "<hr>"
            "<div><p><a id='ftnt1' href='#ftnt_ref1'>[1]</a> One.</p><p><a id='ftnt2' href='#ftnt_ref2'>[2]</a> Two.</p></div>")
    _, soup, _ = prepared(body)
    assert [n.name for n in soup.find_all(class_="footnote")] == ["p", "p"]
    assert notes(soup) == ["[1] One.", "[2] Two."]


def test_a_comment_thread_with_a_link_in_it_goes_whole() -> None:
    body = ("<p><span>Body text.</span><sup><a href='#cmnt1' id='cmnt_ref1'>[a]</a></sup></p>"
            "<div><p><a id='cmnt1' href='#cmnt_ref1'>[a]</a>Fix <a href='http://example.org/x'>this</a></p>"
            "<p>Reply here</p></div>")
    _, soup, skipped = prepared(body)
    assert [(s.source, s.what, s.chars) for s in skipped] == [("sup", "comment mark", 3), ("div", "comment", 21)]
    assert soup.find(string="Reply here") is None


def test_a_comment_mark_outside_sup_goes_alone() -> None:
    body = "<p><span>Body text.</span><a href='#cmnt1' id='cmnt_ref1'>[a]</a></p>"
    _, soup, skipped = prepared(body)
    assert skipped == [Skipped("a#cmnt_ref1", "comment mark", "a reviewer's comment mark in the Google Doc", 3)]
    assert soup.find("p").get_text() == "Body text."


def test_authoring_markers_in_list_items_and_wrappers_go_alone() -> None:
    _, soup, skipped = prepared("<p>Lesson.</p><ul><li>### TEACHER NOTE ###</li><li>Item.</li></ul>"
                                "<div><p>//***NO TEXT INPUT FIELD***///</p></div>")
    assert [(s.source, s.what) for s in skipped] == [("li", "authoring marker"), ("p", "authoring marker")]
    assert [li.get_text() for li in soup.find_all("li")] == ["Item."]
    assert soup.find("div") is not None


def test_googles_ids_and_classes_and_the_subtitle_style() -> None:
    def kind(body: str, head: str = "") -> str:
        return recognise(parse_soup(f"<html><head>{head}</head><body>{body}</body></html>")).name

    two = "<p id='h.abc123' class='c1'>A</p><p id='h.def456' class='{0}'>B</p>"
    assert kind(two.format("subtitle")) == "google-docs"
    # two marked elements decide: a third one's class is not looked at
    assert kind(two.format("c2") + "<p id='h.ghi789' class='intro'>C</p>") == "google-docs"
    # a page that only talks about Google's list classes is no Doc
    assert kind("<p>Google names its list classes lst-kix_ in CSS.</p>", "<style>p{color:red}</style>") == "page"


def test_the_title_style_and_a_doc_without_a_title() -> None:
    source, soup, _ = prepared("<h2 class='title'>Doc  Name</h2><p>Text.</p>")
    assert soup.find(class_="title").name == "h2"
    assert source.title(soup, []) == "Doc Name"
    source, soup, _ = prepared("<p>Text.</p>")
    assert source.title(soup, []) is None
    assert GoogleDocs().title(soup, []) is None  # asked before prepare
