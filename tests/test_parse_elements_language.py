"""The language a lang attribute names (narrator/parse/elements.py, language_of): a value of more
than 100 characters names none."""

from __future__ import annotations

from narrator.parse.elements import language_of


def test_a_lang_value_of_up_to_100_characters_is_read() -> None:
    hundred = "en" + "-abcdefgh" * 10 + "-abcdefg"  # well-formed: eleven variants
    assert len(hundred) == 100 and language_of(hundred) == "en"
    assert language_of(hundred + "h") is None  # 101 characters, as well-formed
