"""The language a page's text is written in (narrator/parse/textlang.py): only a confident
answer on at least fifty words of the first 20,000 characters counts."""

from __future__ import annotations

import re

from narrator.parse.textlang import text_language

FINNISH = ("Tämä on suomenkielinen oppitunti, jossa opiskelijat lukevat tekstiä ja vastaavat "
           "kysymyksiin. Opettaja kertoo ensin aiheesta ja sitten jokainen ryhmä keskustelee "
           "siitä omassa pöydässään. Lopuksi kirjoitamme yhdessä lyhyen yhteenvedon taululle, "
           "ja jokainen saa kotitehtäväksi lukea seuraavan luvun kirjasta huolellisesti. ")
ENGLISH = ("Plants use sunlight to turn water and carbon dioxide into sugar. This process is called "
           "photosynthesis, and it happens in the leaves. Animals eat plants or other animals to get "
           "their energy. Every food chain starts with a plant that captures light from the sun. ")


def words(text: str) -> int:
    return len(re.findall(r"[^\W\d_]{2,}", text))


def test_fifty_words_of_finnish_are_finnish_fewer_are_too_short_to_say() -> None:
    sample = (FINNISH * 3).split()
    fifty = " ".join(sample[:50])
    assert words(fifty) == 50
    assert text_language(fifty) == "fi"
    assert text_language(" ".join(sample[:49])) is None
    # one-letter words and numbers are not words: 200 of them are too few
    assert text_language("a 1 b 2 " * 100) is None


def test_only_the_first_twenty_thousand_characters_are_asked() -> None:
    english = ENGLISH * 80
    assert len(english) > 20_000
    # 100,000 characters of Finnish after them would win if they were read
    assert text_language(english + FINNISH * 400) == "en"


def test_an_answer_the_identifier_is_not_sure_of_says_nothing() -> None:
    # one sentence said 300 times: py3langid gives English only about 0.88 of its probability
    assert text_language("The students read the text and answer the questions about it together. " * 300) is None
