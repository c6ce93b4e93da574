"""Google Docs exports (narrator/parse/sources/gdocs.py), hand-styled headings at their edges: a
run whose class has no rule in the style sheet (a class Google left unstyled), the 120-character
length a heading may have, and capitals ending in a question mark."""

from __future__ import annotations

from narrator.parse.html import parse_soup
from narrator.parse.sources import recognise

BODY = "Plain body text in the usual size, long enough to set the body size of the doc"


def headings(paragraphs: str) -> list[tuple[str, str]]:
    doc = (f"<html><head><style>.c1{{font-weight:700;font-size:16pt}}.c2{{font-size:11pt}}</style></head>"
           f"<body class='doc-content'>{paragraphs}<p><span class='c2'>{BODY}</span></p>"
           f"<p><span class='c2'>{BODY}</span></p><p><span class='c2'>{BODY}</span></p></body></html>")
    soup = parse_soup(doc)
    source = recognise(soup)
    assert source.name == "google-docs"
    source.prepare(soup)
    return [(h.name, h.get_text()) for h in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]


def test_a_run_of_an_unstyled_class_takes_its_other_classes_style() -> None:
    assert headings("<p><span class='c1 c9'>Part One</span></p>") == [("h1", "Part One")]
    assert headings("<p><span class='c9'>Part One</span></p>") == []


def test_a_heading_is_at_most_120_characters() -> None:
    exact = "Ab " * 39 + "Abc"  # 120 characters
    assert len(exact) == 120
    assert headings(f"<p><span class='c1'>{exact}</span></p>") == [("h1", exact)]
    assert headings(f"<p><span class='c1'>{exact}d</span></p>") == []


def test_capitals_asking_a_question_are_no_heading() -> None:
    assert headings("<p><span class='c2'>WHAT NEXT?</span></p><p><span class='c2'>WHAT NEXT</span></p>") == \
        [("h1", "WHAT NEXT")]
