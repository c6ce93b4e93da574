"""Where in its paragraph a print page starts (Block.page_at): a page marker inside a paragraph
is kept at the offset of the first character of the page, past the space before it; one after a
paragraph's last word at the paragraph's end. The read-along layout puts the marker there: between
two sentences before the second one's span, inside a sentence where it falls."""

from __future__ import annotations

from narrator.config import Config, ParseConfig
from narrator.parse import parse_html
from narrator.publishing.layout import chapter_html
from narrator.script.planner import plan

MARK = '<span epub:type="pagebreak" title="13"/>'


def _paged(body: str) -> list[tuple[str, tuple[str, ...], tuple[int, ...]]]:
    doc = parse_html(f"<html><body><h1>Rivers</h1>{body}</body></html>".encode(), "b.xhtml", ParseConfig())
    return [(b.text, b.pages, b.page_at) for c in doc.chapters for b in c.blocks if b.kind != "heading"]


def test_a_page_starting_mid_paragraph_starts_at_its_first_word() -> None:
    text = "A delta forms where a river slows. Sand settles."
    for body in (f"<p>A delta forms where a river slows. {MARK}Sand settles.</p>",
                 f"<p>A delta forms where a river slows.{MARK} Sand settles.</p>",
                 f"<p>A delta forms where a river slows. {MARK} Sand settles.</p>",
                 f"<p>A delta forms where a river slows.\n{MARK}\n  Sand settles.</p>"):
        assert _paged(body) == [(text, ("13",), (35,))], body


def test_a_page_starting_after_an_emphasis_starts_at_the_next_word() -> None:
    assert _paged(f"<p>A delta <em>forms{MARK}</em> where a river slows.</p>") == [
        ("A delta forms where a river slows.", ("13",), (14,))]


def test_a_page_starting_after_a_paragraph_s_last_word_is_at_its_end_or_the_next_start() -> None:
    assert _paged(f"<p>Ends here.{MARK} </p><p>Next one.</p>") == [
        ("Ends here.", ("13",), (10,)), ("Next one.", (), ())]
    two = '<span epub:type="pagebreak" title="14"/>'
    assert _paged(f"<p>Ends here.</p>{MARK}<p>{two}Next one.</p>") == [
        ("Ends here.", (), ()), ("Next one.", ("13", "14"), (0, 0))]


def test_pages_at_the_start_and_in_the_middle_of_one_paragraph() -> None:
    two = '<span epub:type="pagebreak" title="14"/>'
    assert _paged(f"<p>{MARK}Page thirteen starts. {two}Page fourteen starts.</p>") == [
        ("Page thirteen starts. Page fourteen starts.", ("13", "14"), (0, 22))]


def _layout(body: str) -> str:
    doc = parse_html(f"<html><body><h1>Rivers</h1>{body}</body></html>".encode(), "b.xhtml", ParseConfig())
    chapter = plan(doc, Config()).chapters[0]
    return chapter_html(chapter, page_marker=lambda b, label: f"<hr data-page='{label}'/>")


def test_the_layout_marks_a_page_between_two_sentences_before_the_second() -> None:
    html = _layout(f"<p>A delta forms where a river slows. {MARK}Sand settles in fans.</p>")
    assert ('<p><span class="seg" id="c01-s0002" data-seg="c01-s0002">A delta forms where a river '
            'slows.</span> <hr data-page=\'13\'/><span class="seg" id="c01-s0003" data-seg="c01-s0003">'
            'Sand settles in fans.</span></p>') in html
    assert html.count("data-page") == 1


def test_the_layout_marks_a_page_inside_a_sentence_where_it_falls() -> None:
    html = _layout(f"<p>A delta <em>forms{MARK}</em> where a river slows.</p>")
    assert ('<p><span class="seg" id="c01-s0002" data-seg="c01-s0002">A delta <em>forms</em> '
            '<hr data-page=\'13\'/>where a river slows.</span></p>') in html
    assert html.count("data-page") == 1


def test_a_page_at_a_paragraph_s_start_is_marked_before_it() -> None:
    html = _layout(f"<p>{MARK}Sand settles in fans.</p>")
    assert "<hr data-page='13'/><p><span class=\"seg\"" in html
    assert html.count("data-page") == 1


def test_a_page_in_a_paragraph_of_joined_lines_starts_at_its_start() -> None:
    """Lines joined at a <br> move the text's offsets: the page is kept at the paragraph's start."""
    assert _paged(f"<p>Over the past few decades,<br/>\nthere have been {MARK}many changes.</p>") == [
        ("Over the past few decades, there have been many changes.", ("13",), (0,))]


def test_a_page_after_the_lesson_s_last_word_is_kept_at_its_end() -> None:
    assert _paged(f"<p>A one. B two.{MARK}</p>") == [("A one. B two.", ("13",), (13,))]
    html = _layout(f"<p>A one. B two.{MARK}</p>")
    assert "B two.</span><hr data-page='13'/></p>" in html


def test_a_page_inside_a_note_read_in_place_keeps_its_word() -> None:
    body = (f'<p>Rivers flow.<sup><a href="#n1" id="r1">1</a></sup> More text.</p>'
            f'<div class="footnotes"><p id="n1"><a href="#r1">1</a> A note that goes {MARK}on here.</p></div>')
    doc = parse_html(f"<html><body><h1>Rivers</h1>{body}</body></html>".encode(), "b.xhtml",
                     ParseConfig(notes="inline"))
    paged = [(b.text, b.page_at) for c in doc.chapters for b in c.blocks if b.pages]
    assert len(paged) == 1
    text, (at,) = paged[0]
    assert text[at:].startswith("on here.")
