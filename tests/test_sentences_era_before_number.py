"""An era abbreviation ("v. Chr.", German) before a number (narrator.script.sentences): "300 v.
Chr. 5 Legionen" goes on; before a capitalised word it may end the sentence."""

from __future__ import annotations

from narrator.script.sentences import split_sentences


def test_an_era_before_a_number_ends_nothing() -> None:
    def split(text: str) -> list[str]:
        return split_sentences(text, max_chars=160, max_chars_cjk=80, lang="de")

    assert split("Im Jahr 300 v. Chr. 5 Legionen kamen.") == ["Im Jahr 300 v. Chr. 5 Legionen kamen."]
    assert split("Um 300 v. Chr. Danach kamen sie.") == ["Um 300 v. Chr.", "Danach kamen sie."]
