"""Lesson content the chrome rules took for page furniture (narrator.parse.chrome), found by the
review of mutation survivors: a data table whose cells are links (a list of rivers, each linked
to its page; sortable column headers) was dropped whole as "mostly links", and a quiz whose
question follows its options was dropped as a search form when its markup was indented (the "?"
was looked for in the first 400 raw characters, spaces included)."""

from __future__ import annotations

from narrator.config import ParseConfig
from narrator.parse import parse_html

SCRIPT = "<head><script>var page = 1;</script></head>"  # a web page: the link rules apply


def read(page: str) -> tuple[list[str], list[tuple[str, str]]]:
    doc = parse_html(page.encode(), "lesson.html", ParseConfig())
    return [b.text for c in doc.chapters for b in c.blocks], [(s.what, s.reason) for s in doc.skipped]


def test_a_data_table_of_links_is_read() -> None:
    page = (f"<html>{SCRIPT}<body><h1>Rivers</h1><p>Some prose about the rivers of the world.</p><table>"
            "<tr><th><a href='?sort=name'>Name</a></th><th><a href='?sort=country'>Country</a></th></tr>"
            "<tr><td><a href='/nile'>Nile</a></td><td><a href='/eg'>Egypt</a></td></tr>"
            "<tr><td><a href='/thames'>Thames</a></td><td><a href='/uk'>United Kingdom</a></td></tr></table>"
            "<p>End.</p></body></html>")
    said, skipped = read(page)
    assert said == ["Rivers", "Some prose about the rivers of the world.", "Name: Nile; Country: Egypt",
                    "Name: Thames; Country: United Kingdom", "End."]
    assert skipped == []


def test_a_block_of_links_outside_a_data_table_is_still_chrome() -> None:
    page = (f"<html>{SCRIPT}<body><h1>Rivers</h1><p>Some prose about the rivers of the world.</p>"
            "<div><a href='/'>Home</a> <a href='/a'>About</a> <a href='/c'>Contact</a></div>"
            "<p>End.</p></body></html>")
    said, skipped = read(page)
    assert said == ["Rivers", "Some prose about the rivers of the world.", "End."]
    assert skipped[0][1] == "mostly links"


def test_an_indented_quiz_with_its_question_after_the_options_is_read() -> None:
    pad = "\n" + " " * 60
    options = "".join(f"<label><input type='radio' name='q'>{pad}{river}{pad}</label>"
                      for river in ("Nile", "Thames", "Amazon", "Danube"))
    page = (f"<html>{SCRIPT}<body><h1>Rivers</h1><p>Choose one.</p><form>{options}"
            "<p>Which of these rivers is the longest?</p></form><p>The end of the quiz.</p></body></html>")
    said, skipped = read(page)
    assert said == ["Rivers", "Choose one.", "Nile Thames Amazon Danube", "Which of these rivers is the longest?",
                    "The end of the quiz."]
    assert all(what == "form control" for what, _ in skipped)
