"""The splitter is told the block's language: German, French, Spanish, Italian and Finnish
abbreviations and the German "Am 20. Oktober" rule apply to those languages only, so English
sentences ending in "42." or "5 s." before a month or a capital still end there (review finding)."""

from __future__ import annotations

import pytest

from narrator.config import Config
from narrator.script.planner import plan
from narrator.script.sentences import split_long, split_sentences
from narrator.values import Block, Chapter, Document, Run


def split(text: str, lang: str) -> list[str]:
    return split_sentences(text, max_chars=400, max_chars_cjk=80, lang=lang)


@pytest.mark.parametrize("text, expected", [
    ("The answer is 42. August was hot.", ["The answer is 42.", "August was hot."]),
    ("Chapter 3. April came.", ["Chapter 3.", "April came."]),
    ("The delay was 5 s. Then it stopped.", ["The delay was 5 s.", "Then it stopped."]),
    ("We met in the 19. Century was long.", ["We met in the 19.", "Century was long."]),
    ("He paid 3 bzw. Nobody knows why.", ["He paid 3 bzw.", "Nobody knows why."]),
    ("It was worth 5 kap. 3 more came.", ["It was worth 5 kap.", "3 more came."]),
])
def test_english_sentences_end_where_german_rules_would_not(text: str, expected: list[str]) -> None:
    assert split(text, "en") == expected
    assert split(text, "en-GB") == expected


@pytest.mark.parametrize("text", [
    "Am 20. Oktober desselben Jahres bestätigte Lockyer die Linie.",
    "Helium II bzw. Helium-II wird erforscht.",
    "Edelgase, z. B. Neon, sind reaktionsträge.",
    "Die Kosten betragen ca. 5 Euro, s. Kap. 2 und Abs. 4.",
])
def test_german_abbreviations_and_dates_end_no_sentence(text: str) -> None:
    assert split(text, "de") == [text]
    assert split(text, "de-AT") == [text]


def test_the_german_rules_are_those_of_german_only() -> None:
    text = "Am 20. Oktober desselben Jahres bestätigte Lockyer die Linie."
    assert split(text, "en") == ["Am 20.", "Oktober desselben Jahres bestätigte Lockyer die Linie."]
    assert split("Ella pagó aprox. 30 euros.", "es") == ["Ella pagó aprox. 30 euros."]
    assert split("Ella pagó aprox. Nada más.", "es") == ["Ella pagó aprox. Nada más."]
    assert split("Il Sig. Rossi è arrivato.", "it") == ["Il Sig. Rossi è arrivato."]
    assert split("Suomessa on esim. Järviä.", "fi") == ["Suomessa on esim. Järviä."]


def test_split_long_cuts_a_reference_by_its_language() -> None:
    # an inner full stop is a clause place unless it ends an abbreviation of the language
    text = "Die Linie wurde am 20. Oktober desselben Jahres von Lockyer bestätigt, bzw. Frankland sah sie auch"
    pieces = [text[a:b] for a, b in split_long(text, 60, lang="de")]
    assert all(not p.endswith("20.") and not p.endswith("bzw.") for p in pieces), pieces


def _document(lang: str | None, text: str) -> Document:
    block = Block("paragraph", (Run(text),), lang=lang)
    return Document("T", "en", (Chapter(1, "C", (block,)),))


def test_the_planner_tells_the_splitter_the_block_language() -> None:
    text = "Am 20. Oktober kam er an. The answer is 42. August was hot."
    config = Config()
    german = [s.text for c in plan(_document("de", text), config).chapters for s in c.segments]
    english = [s.text for c in plan(_document(None, text), config).chapters for s in c.segments]
    assert "Am 20. Oktober kam er an." in german
    assert "Am 20." in english and "Oktober kam er an." in english
    assert english[-2:] == ["The answer is 42.", "August was hot."]
