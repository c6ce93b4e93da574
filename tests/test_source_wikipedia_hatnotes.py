"""Hatnotes of the German, French, Italian and Spanish Wikipedias are pointers, not the article
(issue 19: German Wikipedia's "Begriffsklärung" hint, a ``table.noprint.searchaux``, was read as
the article's first two sentences). Inputs modelled on those wikis' templates."""

from __future__ import annotations

import pytest

from narrator.config import ParseConfig
from narrator.parse import parse_html

LEAD = ("<p>Helium bleibt bis hinab zu sehr tiefen Temperaturen gasförmig, erst nahe dem absoluten "
        "Nullpunkt wird es flüssig.</p>")


def _page(note: str, body: str = LEAD) -> bytes:
    return f"""<!DOCTYPE html><html lang="de"><head><title>Helium – Wikipedia</title>
<meta name="generator" content="MediaWiki 1.42.0"></head><body>
<div id="mw-content-text"><div class="mw-parser-output">{note}{body}</div></div></body></html>""".encode()


NOTES = {
    "de Begriffsklärung": ('<table class="hintergrundfarbe1 rahmenfarbe1 noprint searchaux"><tbody><tr>'
                           '<td><img src="Disambig-dark.svg" width="25"></td><td>Dieser Artikel beschreibt das '
                           'chemische Element. Für den Kurzfilm dieses Namens siehe <a href="/wiki/H">Helium '
                           '(Kurzfilm)</a>.</td></tr></tbody></table>'),
    "de Hauptartikel": ('<div class="hauptartikel" role="navigation"><span class="hauptartikel-pfeil">→ </span>'
                        '<i><span class="hauptartikel-text">Hauptartikel</span>: <a href="/wiki/E">Edelgase'
                        '</a></i></div>'),
    "fr homonymie": ('<div id="homonymie" class="homonymie">Pour les articles '
                     'homonymes, voir <a href="/wiki/H">Hélium (homonymie)</a>.</div>'),
    "it avviso-disambigua": ('<div class="avviso-disambigua noprint">Disambiguazione – Se stai cercando '
                             'altri significati, vedi <a href="/wiki/E">Elio (disambigua)</a>.</div>'),
    "es rellink": ('<div class="rellink noprint hatnote">Para otros usos de este término, véase '
                   '<a href="/wiki/H">Helio (desambiguación)</a>.</div>'),
}


@pytest.mark.parametrize("wiki", sorted(NOTES))
def test_a_hatnote_of_another_wiki_is_not_read(wiki: str) -> None:
    doc = parse_html(_page(NOTES[wiki]), "page.html", ParseConfig())
    said = "\n".join(b.text for c in doc.chapters for b in c.blocks)
    assert "Helium bleibt" in said
    for words in ("Dieser Artikel", "Kurzfilm", "Hauptartikel", "homonymes", "Disambiguazione", "otros usos"):
        assert words not in said, words
    assert "hatnote" in {s.what for s in doc.skipped}


def test_a_parsoid_section_without_its_page_frame_is_a_wiki_page() -> None:
    # the mobile content service hands out an article's sections alone: Parsoid's reference marks
    # (sup.mw-ref, span.mw-reflink-text) show whose output it is
    body = (LEAD[:-4] + '<sup class="mw-ref reference" typeof="mw:Extension/ref"><a href="#cite_note-1">'
            '<span class="mw-reflink-text">[1]</span></a></sup></p>')
    data = (NOTES["de Begriffsklärung"] + body).encode()
    doc = parse_html(data, "section.html", ParseConfig())
    said = "\n".join(b.text for c in doc.chapters for b in c.blocks)
    assert "Helium bleibt" in said and "Dieser Artikel" not in said
    assert "hatnote" in {s.what for s in doc.skipped}


def test_a_reference_mark_whose_note_is_not_in_the_section_is_not_read() -> None:
    body = (LEAD[:-5] + '<span class="mw-ref"><a href="/wiki/Helium#cite_note-11"><span class="mw-reflink-text">'
            '[11]</span></a></span> Danach kommt mehr.</p>')
    doc = parse_html(body.encode(), "section.html", ParseConfig())
    said = "\n".join(b.text for c in doc.chapters for b in c.blocks)
    assert "[11]" not in said and "11" not in said and "Danach kommt mehr." in said
    assert "reference mark" in {s.what for s in doc.skipped}
