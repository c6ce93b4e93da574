"""Abbreviations of German, French, Spanish, Italian and Finnish never end a sentence (issue 19: a
German Wikipedia lead was cut after "rsp." and "bzw.", and after the day of a date, "Am 20.")."""

from __future__ import annotations

import pytest

from narrator.script.sentences import split_sentences


def split(text: str, lang: str) -> list[str]:
    # the block's language: another language's abbreviations are its own (test_sentences_language.py)
    return split_sentences(text, max_chars=400, max_chars_cjk=80, lang=lang)


@pytest.mark.parametrize("lang, text", [
    # German
    ("de", "Das Verhalten der Phasen Helium I rsp. Helium-I sowie Helium II bzw. Helium-II wird erforscht."),
    ("de", "Am absoluten Nullpunkt (0 K bzw. −273,15 °C) wird es nicht fest."),
    ("de", "Edelgase, z. B. Neon, sind reaktionsträge, d. h. sie bilden kaum Verbindungen."),
    ("de", "Es kommt u. a. in Erdgas vor, vgl. Abschnitt Vorkommen, evtl. auch in Gestein."),
    ("de", "Die Kosten betragen ca. 5 Euro, ggf. Nr. 3 beachten, s. Kap. 2 und Abs. 4."),
    ("de", "Die Stadt wurde 300 v. Chr. gegründet und im 19. Jh. erweitert."),
    ("de", "Diese Beobachtung machte er am 18. August 1868 in Indien."),
    ("de", "Am 20. Oktober desselben Jahres bestätigte Lockyer die Linie."),
    ("de", "Im 19. Jahrhundert wuchs die Stadt."),
    # French
    ("fr", "Mme Curie et M. Curie travaillaient env. 12 heures, p. ex. en 1898, cf. chap. 3."),
    # Spanish
    ("es", "El Sr. García y la Sra. López pagaron aprox. 30 euros, p. ej. en la pág. 12."),
    # Italian
    ("it", "Il Sig. Rossi e il Dott. Bianchi, cfr. pag. 4, sono arrivati."),
    # Finnish
    ("fi", "Suomessa on esim. järviä, vrt. Ruotsi, ks. luku 3."),
])
def test_an_abbreviation_of_another_language_ends_no_sentence(lang: str, text: str) -> None:
    assert split(text, lang) == [text]


@pytest.mark.parametrize("text, expected", [
    # the same endings still end a sentence where they end it
    ("Sie lebte um 300 v. Chr. Danach kam die Stadt zu Rom.",
     ["Sie lebte um 300 v. Chr.", "Danach kam die Stadt zu Rom."]),
    ("Er kaufte Äpfel, Birnen usw. Dann ging er heim.", ["Er kaufte Äpfel, Birnen usw.", "Dann ging er heim."]),
    ("Das war im Jahr 1868. August war heiß.", ["Das war im Jahr 1868.", "August war heiß."]),
    ("He wore a cap. Then he left.", ["He wore a cap.", "Then he left."]),
    ("The pipe is 10 mm. Then it narrows.", ["The pipe is 10 mm.", "Then it narrows."]),
    ("Written by A. C. Clarke. It sold well.", ["Written by A. C. Clarke.", "It sold well."]),
])
def test_sentences_still_end_after_those_words(text: str, expected: list[str]) -> None:
    assert split(text, "de") == expected
