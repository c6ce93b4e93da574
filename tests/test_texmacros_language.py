"""An \\eqref is said with the word for "equation" in the page's language ("由式 (1) 可得",
"aus Gleichung (1)"), or without it where the sentence already names the equation in that
language ("In Gleichung (1)", "由式 (1)"); English when the language is not known."""

from __future__ import annotations

import pytest

from narrator.parse.html import parse_soup
from narrator.parse.sources.texmacros import number_equations
from narrator.parse.tree import Work


def _said(html: str) -> str:
    """The text of the page's paragraphs after the first (which holds the labelled equation)."""
    soup = parse_soup(html, Work("x.html"))
    number_equations(soup, "ams")
    return " | ".join(" ".join(p.get_text().split()) for p in soup.find_all("p")[1:])


_EQ = "\\begin{equation}a=b\\label{e1}\\end{equation}"


@pytest.mark.parametrize("lang, sentence, said", [
    ("zh", "由 \\eqref{e1} 可得", "由 式 (1) 可得"),
    ("zh-Hans", "由式 \\eqref{e1} 可得", "由式 (1) 可得"),
    ("de", "Aus \\eqref{e1} folgt", "Aus Gleichung (1) folgt"),
    ("de", "In Gleichung \\eqref{e1} steht", "In Gleichung (1) steht"),
    ("de", "Aus den Gleichungen \\eqref{e1} folgt", "Aus den Gleichungen (1) folgt"),
    ("fr", "d'après \\eqref{e1}", "d'après équation (1)"),
    ("fr", "dans l'équation \\eqref{e1}", "dans l'équation (1)"),
    ("es", "por \\eqref{e1}", "por ecuación (1)"),
    ("es", "la ecuación \\eqref{e1}", "la ecuación (1)"),
    ("fi", "kohdasta \\eqref{e1}", "kohdasta yhtälö (1)"),
    ("fi", "yhtälöstä \\eqref{e1}", "yhtälöstä (1)"),
    ("en", "from \\eqref{e1}", "from equation (1)"),
    ("en", "from equation \\eqref{e1}", "from equation (1)"),
    ("xx", "from \\eqref{e1}", "from equation (1)"),  # a language without its word: English
])
def test_eqref_word_in_the_page_language(lang: str, sentence: str, said: str) -> None:
    text = _said(f'<html lang="{lang}"><body><p>{_EQ}</p><p>{sentence}</p></body></html>')
    assert text == said
    if lang not in ("en", "xx"):
        assert "equation" not in text.replace("équation", "")


def test_the_nearest_lang_attribute_wins() -> None:
    text = _said(f'<html lang="en"><body><p>{_EQ}</p><p lang="de">Aus \\eqref{{e1}} folgt</p>'
                 f'<p>From \\eqref{{e1}} we get</p></body></html>')
    assert "Aus Gleichung (1) folgt" in text and "From equation (1) we get" in text


def test_chinese_text_without_a_lang_attribute_says_shi() -> None:
    text = _said(f"<html><body><p>{_EQ}</p><p>由 \\eqref{{e1}} 可得结论。</p></body></html>")
    assert "由 式 (1) 可得结论。" in text
