"""EPUB chapters (narrator/parse/sources/epub.py), exactly: which plain links are note marks and
which elements their notes (a note links back to its mark, or starts with it), and what is
reported. Small hand-written XHTML chapters."""

from __future__ import annotations

from typing import Any

from narrator.config import ParseConfig
from narrator.parse import parse_html
from narrator.parse.html import parse_soup
from narrator.parse.sources import recognise
from narrator.values import Block, Run, Skipped

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


# -- recognition, placeholders, note numbers and the notes heading -------------------------------

def kind(html: str) -> str:
    return recognise(parse_soup(html)).name


XHTML11 = '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">'
XHTML10 = '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">'
NS = '<html xmlns="http://www.w3.org/1999/xhtml">'


def test_an_epub_chapter_is_recognised_by_its_markup_not_by_being_xhtml() -> None:
    assert kind("<html><body><section epub:type='chapter'><p>x</p></section></body></html>") == "epub"
    assert kind(f"{XHTML11}{NS}<head><title>t</title></head><body><p>x</p></body></html>") == "epub"
    assert kind(f"{XHTML11}{NS}<head><script>x()</script></head><body><p>x</p></body></html>") != "epub"
    assert kind(f"{XHTML10}{NS}<head><title>t</title></head><body><p>x</p></body></html>") != "epub"
    assert kind(f"<!DOCTYPE html>{NS}<head><title>t</title></head><body><p>x</p></body></html>") != "epub"
    assert kind(f"{XHTML11}<html><head><title>t</title></head><body><p>x</p></body></html>") != "epub"


def test_placeholder_headings_and_titles_give_way_to_real_names() -> None:
    # no <title>: the placeholder heading has nothing to give way to
    assert notes_of("<h2>Text</h2><p>The river rose.</p>", title="")[2] == []
    # a placeholder <title> and a placeholder heading: nothing is taken out, the title is the next heading
    soup = parse_soup(EPUB2.format(title="正文", body="<h2>目录</h2><p>x</p><h3>第一回</h3><p>y</p>"))
    source = recognise(soup)
    assert source.prepare(soup) == [] and soup.find("h2") is not None

    def block(kind: str, text: str) -> Block:
        return Block(kind=kind, runs=(Run(text=text),))  # type: ignore[arg-type]

    blocks = [block("paragraph", "Prose first"), block("heading", "目录"), block("heading", " "),
              block("heading", " 第一回 ")]
    assert source.title(soup, blocks) == "第一回"
    assert source.title(soup, blocks[:3]) is None
    soup = parse_soup(EPUB2.format(title="The Flood", body="<p>x</p>"))
    source = recognise(soup)
    source.prepare(soup)
    assert source.title(soup, blocks) is None  # a real <title>: the parser's own choice


def test_links_that_are_no_plain_marks_are_left_alone() -> None:
    body = ("<p>See <a href='http://example.org'>the site</a>, <a href='#nowhere'>2</a>, "
            "<a href='#n2'>the river</a> and <a class='m' href='#n1' id='r1'>1</a>.</p>"
            "<p class='n' id='n1'>1 Floods were common.</p><p id='n2'>Rivers rise. <a href='#r1'>back</a></p>")
    soup = parse_soup(EPUB2.format(title="Chapter One", body=body))
    recognise(soup).prepare(soup)
    assert [a.get("class") for a in soup.find_all("a")] == [None, None, None, ["m", "noteref"], None]
    assert [p.get("class") for p in soup.find_all("p")] == [None, ["n", "footnote"], None]


def test_epub3_marks_and_notes_keep_their_own_markup() -> None:
    html = ("<html xmlns:epub='http://www.idpf.org/2007/ops'><head><title>Ch</title></head><body>"
            "<p>Text<a epub:type='noteref' href='#n1'>1</a>.</p>"
            "<div><section><a id='s1'></a>Floods. <a href='#r9'>back</a></section></div>"
            "<p>More<a id='r9' href='#s1'>9</a>.</p>"
            "<aside epub:type='footnote' id='n1'>1. The note.</aside><aside epub:type='footnote' id='n2'></aside>"
            "<aside epub:type='footnote' id='n3'>３</aside>"
            "<aside epub:type='footnote' id='n4'><a href='#r4'>4 Back</a> to the text.</aside>"
            "<aside epub:type='footnote' id='n5'>〔５〕Fifth note.</aside></body></html>")
    soup = parse_soup(html)
    source = recognise(soup)
    assert source.name == "epub"
    assert source.prepare(soup) == [Skipped("aside#n1", "note number", "a note's own number is shown, not read", 2),
                                    Skipped("aside#n5", "note number", "a note's own number is shown, not read", 3)]
    assert soup.find("a").get("class") is None  # an EPUB 3 mark is marked already
    assert soup.find("section").get("class") == ["footnote"]
    assert [a.get_text() for a in soup.find_all("aside")] == ["The note.", "", "３", "4 Back to the text.", "Fifth note."]


def notes_heading(body: str) -> list[Skipped]:
    return notes_of(TEXT + body)[2]


HEADING = [Skipped("h4", "notes heading", "the notes part starts with its own spoken cue", 5)]


def test_the_notes_heading_goes_only_when_it_heads_the_notes_alone() -> None:
    note = "<p id='n1'>Floods were common. <a href='#r1'>back</a></p>"
    assert notes_heading("<h4>Notes</h4>" + note) == HEADING
    assert notes_heading("<h4>Notes</h4><div class='all'>" + note + "</div>") == HEADING
    for between in ("<p>Some prose here.</p>", "<div>Some prose.</div>", "<ul><li>An item</li></ul>",
                    "<table><tr><td>A cell</td></tr></table>"):
        assert notes_heading("<h4>Notes</h4>" + between + note) == [], between
    assert notes_heading("<h4>Sources</h4>" + note) == []
