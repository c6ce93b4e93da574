"""An ordinal written with a raised ending stays one word in every language: "19<sup>e</sup>
siècle" is the 19th century for a French voice, "1<sup>º</sup>" the first for a Spanish one.
Before, a lesson in another language than English or Chinese got "19 e": the ending said alone."""

from __future__ import annotations

import pytest

from narrator.config import Config, ParseConfig
from narrator.parse import parse_html
from narrator.script.maths import script_words
from narrator.script.planner import plan


pytestmark = pytest.mark.usefixtures("said_afresh")  # conftest.py: no reading cached by another test


@pytest.mark.parametrize("before, text, lang", [
    ("19", "e", "fr"), ("1", "er", "fr"), ("2", "ème", "fr"), ("1", "º", "es"), ("1", "ª", "es"),
    ("3", "rd", "de"), ("19", "e", "en"), ("1", "st", "zh"),
])
def test_an_ordinal_ending_stays_attached(before: str, text: str, lang: str) -> None:
    assert script_words(before, text, "sup", lang) == (before, text)


def test_a_power_in_french_is_still_said_in_french() -> None:
    assert script_words("x", "2", "sup", "fr") == ("x", " au carré ")
    assert script_words("10", "23", "sup", "fi") == ("10", " potenssiin 23 ")


def test_a_french_lesson_reads_the_19th_century_as_one_word() -> None:
    html = "<html lang='fr'><body><p>Au XIX<sup>e</sup> siècle, puis au 19<sup>e</sup> siècle.</p></body></html>"
    doc = parse_html(html.encode(), "cours.html", ParseConfig())
    spoken = " ".join(s.spoken for s in plan(doc, Config()).segments)
    assert "19e siècle" in spoken and "19 e " not in spoken
