"""A page's language: the text wins over a template's lang attribute it contradicts (issue 19)."""

from __future__ import annotations

from narrator.config import Config, ParseConfig
from narrator.parse import parse_html
from narrator.script.planner import plan

# short Finnish lesson text written for this test (about 70 words)
_FI = ("<p>Stoikiometrialla tarkoitetaan kemiassa aineiden määrällisiä suhteita reaktioissa. "
       "Lähtökohtana on ainemäärä ja sen yksikkö mooli, joka on kemian perussuure. Yksi mooli "
       "vastaa hyvin suurta määrää hiukkasia, ja sen avulla voidaan laskea, kuinka paljon ainetta "
       "reaktiossa kuluu tai syntyy. Kun tiedetään aineen massa ja moolimassa, ainemäärä saadaan "
       "jakamalla massa moolimassalla. Tämä on tärkeää, koska reaktioyhtälön kertoimet kertovat "
       "ainemäärien suhteet eivätkä massojen suhteita. Harjoittele laskuja huolellisesti ja "
       "muista aina tarkistaa yksiköt ennen kuin annat vastauksen. Lasketaan esimerkiksi 12 "
       "grammaa hiiltä.</p>")
_EN = ("<p>Stoichiometry is the part of chemistry that deals with the amounts of substances in "
       "reactions. We start from the amount of substance and its unit, the mole, which is one of "
       "the base quantities. One mole holds a very large number of particles, and with it we can "
       "work out how much of a substance is used or made in a reaction. When the mass and the "
       "molar mass are known, the amount is the mass divided by the molar mass. Practise these "
       "sums with care and always check the units before you give the answer, for example 12 "
       "grams of carbon.</p>")


def _page(body: str, lang: str | None = "en") -> bytes:
    attr = f' lang="{lang}"' if lang else ""
    return f"<html{attr}><head><title>Stoikiometriaa</title></head><body>{body}</body></html>".encode()


def test_finnish_text_under_a_template_lang_en_is_finnish() -> None:
    doc = parse_html(_page(_FI), "lesson.html", ParseConfig())
    assert doc.lang == "fi"
    script = plan(doc, Config())
    assert {s.lang for s in script.segments} == {"fi"}
    # numbers are said in English and Chinese only: Finnish keeps its digits for its own voice
    assert any("12" in s.spoken for s in script.segments)


def test_a_page_without_lang_is_read_in_the_language_of_its_text() -> None:
    assert parse_html(_page(_FI, None), "lesson.html", ParseConfig()).lang == "fi"


def test_declared_language_stays_when_the_text_agrees_or_is_too_short() -> None:
    assert parse_html(_page(_EN, "en"), "lesson.html", ParseConfig()).lang == "en"
    assert parse_html(_page(_EN, None), "lesson.html", ParseConfig()).lang == "en"
    # a few words cannot contradict what the page declares
    assert parse_html(_page("<p>Kemian perusteet ja mooli.</p>", "en"), "x.html", ParseConfig()).lang == "en"
    assert parse_html(_page("<p>Kemian perusteet ja mooli.</p>", "fi"), "x.html", ParseConfig()).lang == "fi"


def test_chinese_is_still_found_by_its_characters() -> None:
    body = "<p>" + "化学计量学研究化学反应中各物质之间的数量关系。" * 6 + "</p>"
    assert parse_html(_page(body, "en"), "x.html", ParseConfig()).lang == "zh"
