"""Elements off a web page's main content stay unread whatever they are (narrator/parse/html.py,
the walk's skip list): a Word-namespace element that would otherwise be unwrapped and read, a
button holding blocks (opened up elsewhere: an unclosed <button/> swallows the page), a formula,
and a blank of a form that would otherwise be read as a pause."""

from __future__ import annotations

from narrator.config import ParseConfig
from narrator.parse import parse_html

SENTENCE = "Plants make sugar from light, water and air, and they give out oxygen. "
ARTICLE = ("<p>" + SENTENCE * 4 + "</p>") * 4


def read(aside: str) -> list[str]:
    # a web page (it has a script) whose main content is the <div id="main">: ``aside`` is a
    # branch of <body> beside it
    page = ("<html><head><title>Plants</title><script>var a;</script></head><body>"
            f'{aside}<div id="main"><h1>Plants</h1>{ARTICLE}</div></body></html>')
    doc = parse_html(page.encode(), "dir/plants.html", ParseConfig())
    return [b.text for c in doc.chapters for b in c.blocks]


def test_a_word_namespace_element_off_the_main_content_is_not_read() -> None:
    assert read("<o:p>Buy our seeds today</o:p>") == ["Plants"] + [(SENTENCE * 4).strip()] * 4


def test_a_form_blank_off_the_main_content_is_not_read() -> None:
    assert read('<input type="text">') == ["Plants"] + [(SENTENCE * 4).strip()] * 4


def test_a_button_holding_blocks_off_the_main_content_is_not_read() -> None:
    assert read("<button><p>Buy our seeds today</p></button>") == ["Plants"] + [(SENTENCE * 4).strip()] * 4


def test_a_formula_off_the_main_content_is_not_read() -> None:
    assert read("<math><mi>x</mi><mo>=</mo><mn>2</mn></math>") == ["Plants"] + [(SENTENCE * 4).strip()] * 4
