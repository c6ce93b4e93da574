"""Slide decks (issue 19): each titled slide is a chapter, untitled and continued slides go on in
the chapter before; the title slide names the deck and its byline is reported; speaker notes are
read after their slide; remark's Markdown markup is never spoken; TeX macro definitions are not
read and their macros are expanded."""

from __future__ import annotations

from narrator.config import ParseConfig
from narrator.parse import parse_html
from narrator.parse.sources.slides import remark_html


def _doc(data: bytes):
    return parse_html(data, "deck.html", ParseConfig())


def _texts(doc) -> list[str]:
    return [b.text for c in doc.chapters for b in c.blocks]


_REVEAL = b"""<html><head><title>deck</title></head><body><div class="reveal"><div class="slides">
$$ \\newcommand{\\half}{\\frac{1}{2}} $$
<section><h1>Decay Models</h1><p><b>Ada Lovelace</b> [1]</p><p>[1] Analytical Engines Ltd</p><p>May 2, 2024</p></section>
<section><h2>Stability</h2><p>The scheme is stable when \\( \\theta \\geq \\half \\).</p>
<aside class="notes">Stress that stability is about growth.</aside></section>
<section><section><h2>Stability</h2><p>It also decays monotonically.</p></section>
<section><p class="fragment">An untitled slide goes on.</p></section></section>
<section data-visibility="hidden"><h2>Draft</h2><p>Not shown.</p></section>
<section><h2>Summary</h2><p>We studied decay.</p></section>
</div></div><script src="reveal.js"></script></body></html>"""


def test_slides_are_chapters_named_by_their_titles():
    doc = _doc(_REVEAL)
    assert [c.title for c in doc.chapters] == ["Stability", "Summary"]


def test_title_slide_names_the_deck_and_its_byline_is_reported():
    doc = _doc(_REVEAL)
    assert doc.title == "Decay Models"
    text = " ".join(_texts(doc))
    assert "Lovelace" not in text and "Analytical" not in text and "2024" not in text
    assert sum(s.what == "title slide byline" for s in doc.skipped) == 3


def test_continued_untitled_and_hidden_slides():
    doc = _doc(_REVEAL)
    stability = doc.chapters[0]
    texts = [b.text for b in stability.blocks]
    assert texts.count("Stability") == 1  # the repeated title is not read twice
    assert "An untitled slide goes on." in texts and "It also decays monotonically." in texts
    assert "Not shown." not in " ".join(_texts(doc))
    whats = {s.what for s in doc.skipped}
    assert {"repeated slide title", "hidden slide"} <= whats


def test_speaker_notes_are_read_after_their_slide():
    texts = [b.text for b in _doc(_REVEAL).chapters[0].blocks]
    assert texts.index("Stress that stability is about growth.") > 1


def test_macro_definitions_are_not_read_and_macros_are_expanded():
    doc = _doc(_REVEAL)
    text = " ".join(_texts(doc))
    assert "newcommand" not in text and "half" not in text
    assert any(s.what == "TeX macro definitions" for s in doc.skipped)
    maths = [r.math for c in doc.chapters for b in c.blocks for r in b.runs if r.math]
    assert any("\\frac{1}{2}" in m for m in maths)


_REMARK = """class: center, middle, inverse, title-slide

# Asymptotics
### Edward Example
### 24 April 2019

---
layout: true
# Consistency
---

*Previously:* we looked at [`future`](https://example.org/future) and `\\(\\hat{\\beta}_j\\)`.

--

Then a .hi[new question] came up.

???

Ask the class first.
---

.footnote[
Here *big* means large.
]
---
exclude: true

# Draft
"""


def test_remark_markup_becomes_slides():
    deck, skipped = remark_html(_REMARK)
    assert "---" not in deck and "--" not in deck.replace("<!--", "")
    assert "layout:" not in deck and "class:" not in deck and ".hi[" not in deck
    assert '<span class="hi">new question</span>' in deck
    assert "<em>big</em>" in deck  # Markdown inside a block macro
    assert "\\(\\hat{\\beta}_j\\)" in deck  # maths kept whole, out of its backticks
    assert '<div class="speaker-notes">' in deck and "Ask the class first." in deck
    assert "Draft" not in deck and [s.what for s in skipped] == ["hidden slide"]


def test_remark_deck_read_from_its_textarea():
    page = ("<html><head><title>x</title></head><body><textarea id=\"source\">" + _REMARK.replace("<", "&lt;")
            + "</textarea><script src=\"remark-latest.min.js\"></script>"
            "<script>var slideshow = remark.create();</script></body></html>").encode()
    doc = _doc(page)
    text = " ".join(_texts(doc))
    assert doc.title == "Asymptotics"
    assert "layout" not in text and "--" not in text and "future" in text and "https" not in text
    assert "Consistency" in [c.title for c in doc.chapters]


def test_xaringan_unwraps_environments_written_in_backticks():
    deck, _ = remark_html("$$\n`\\begin{align}\n y = x \\tag{3}\n\\end{align}`\n$$\n")
    assert "`" not in deck and "<code>" not in deck
