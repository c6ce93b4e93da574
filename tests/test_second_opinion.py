"""A second opinion before prose is dropped from a web page; true reasons for what is (issue 19 item 1)."""

from __future__ import annotations

import pytest

import narrator.parse.second_opinion as second_opinion
from narrator.config import ParseConfig
from narrator.parse import parse_html
from narrator.values import Document

ARTICLE = "".join(
    f"<p>Paragraph {i} of the article explains, with some care, how rivers carve their valleys, "
    f"why the water runs faster on the outside of a bend, and what the banks are made of.</p>"
    for i in range(1, 7))
UPDATE = ("Update, added a week later: several readers wrote in to say that the river near their town "
          "changed its course after the spring floods, and the same thing happened here in May.")


def page(body: str, title: str = "Rivers") -> bytes:
    return (f"<html><head><title>{title}</title><script>var x = 1;</script></head><body>"
            f"<nav><a href='/'>Home</a> <a href='/a'>About</a></nav>{body}</body></html>").encode()


def parse(data: bytes) -> Document:
    return parse_html(data, "page.html", ParseConfig())


def text(doc: Document) -> str:
    return " ".join(b.text for c in doc.chapters for b in c.blocks)


def opinion_keeps(*kept: str):  # type: ignore[no-untyped-def]
    """A stand-in extractor whose main content is exactly ``kept``."""
    return lambda page: "\n".join(kept)


# a real paragraph outside the densest container: the density rule leaves it out
SPLIT = page(f"<div id='content'><h1>Rivers</h1><div class='entry'>{ARTICLE}</div></div>"
             f"<div class='box'><p>{UPDATE}</p></div>"
             "<footer><p>Contact us at the office.</p></footer>")


def test_prose_outside_the_main_content_is_kept_when_the_second_opinion_keeps_it(monkeypatch):
    monkeypatch.setattr(second_opinion, "_extract", opinion_keeps(ARTICLE, UPDATE))
    doc = parse(SPLIT)
    assert "Update, added a week later" in text(doc)
    assert any("second opinion" in w and "outside the page's main content" in w for w in doc.warnings)
    assert "Update, added" not in " ".join(s.source for s in doc.skipped)


def test_prose_the_second_opinion_drops_too_stays_out(monkeypatch):
    monkeypatch.setattr(second_opinion, "_extract", opinion_keeps(ARTICLE))
    doc = parse(SPLIT)
    assert "Update, added a week later" not in text(doc)
    assert not any("second opinion" in w for w in doc.warnings)
    assert any(s.reason == "outside the page's main content" and s.chars >= len(UPDATE) for s in doc.skipped)


SECTION_TWO = "".join(f"<p>Section two, paragraph {i}: deltas form where a river meets the sea, slows down, "
                      "and drops the sand and silt it carried, year after year.</p>" for i in range(1, 4))
# a book page of two sections: the density rule takes the longer one for the whole article
BOOK = page(f"<div class='book'><div class='section' id='s1'><h2>1 Valleys</h2>{ARTICLE}</div>"
            f"<div class='section' id='s2'><h2>2 Deltas</h2>{SECTION_TWO}</div></div>")


def test_trafilatura_keeps_the_second_section_of_a_book_page_whole():
    pytest.importorskip("trafilatura")
    doc = parse(BOOK)
    assert "2 Deltas" in text(doc) and "Section two, paragraph 3" in text(doc)
    assert [c.title for c in doc.chapters] == ["1 Valleys", "2 Deltas"]
    assert any("div#s2" in w and "second opinion (trafilatura)" in w for w in doc.warnings)


def test_prose_in_a_chrome_named_box_is_kept_when_the_second_opinion_keeps_it(monkeypatch):
    # class "related" drops by name; its text is prose in a div (no <p>), so no guard saw it
    note = ("The related field trip is on Friday: bring boots, a notebook and a packed lunch, "
            "and meet at the school gate at eight.")
    body = f"<article><h1>Rivers</h1>{ARTICLE}<div class='related-note'>{note}</div></article>"
    monkeypatch.setattr(second_opinion, "_extract", opinion_keeps(ARTICLE, note))
    doc = parse(page(body))
    assert "field trip is on Friday" in text(doc)
    assert any("class or id 'related-note'" in w for w in doc.warnings)
    monkeypatch.setattr(second_opinion, "_extract", opinion_keeps(ARTICLE))
    doc = parse(page(body))
    assert "field trip" not in text(doc)
    assert any(s.reason == "class or id 'related-note'" for s in doc.skipped)


FURNITURE = page(
    "<div class='cookie-banner'><p>We use cookies to give you the best experience on our website. "
    "By continuing to browse the site you agree to our use of cookies and our privacy policy.</p>"
    "<a class='btn' href='#'>Accept</a></div>"
    f"<article><h1>Rivers</h1>{ARTICLE}"
    "<div class='share-bar'><a href='https://x.example/s'>Share</a> <a href='https://y.example/s'>Tweet</a></div>"
    "</article>"
    "<div class='cta-box'><h3>Get the app</h3><a class='button' href='/dl'>Download Now</a> "
    "<a class='button' href='/more'>Learn More</a></div>"
    "<div class='carousel'><a href='#' class='prev'>Switch Examples</a><a href='/e1'>Example one</a></div>"
    "<div class='footer-copyright'><p>Copyright 2024 Rivers Magazine. All rights reserved. No part of this "
    "site may be reproduced without written permission of the publisher.</p></div>")


@pytest.mark.parametrize("extractor", ["real", "keeps-everything"])
def test_cookie_banner_share_bar_and_call_to_action_are_still_dropped(monkeypatch, extractor):
    if extractor == "real":
        pytest.importorskip("trafilatura")
    else:  # even an extractor that keeps the whole page never brings back positive chrome
        monkeypatch.setattr(second_opinion, "_extract",
                            lambda p: __import__("bs4").BeautifulSoup(p, "lxml").get_text(" "))
    doc = parse(FURNITURE)
    read = text(doc)
    assert "Paragraph 6 of the article" in read
    for chrome in ("cookies", "Share", "Tweet", "Download Now", "Learn More", "Switch Examples",
                   "All rights reserved"):
        assert chrome not in read, chrome
    assert all(s.reason for s in doc.skipped)


def test_without_the_extractor_the_rules_decide_and_one_warning_says_so(monkeypatch):
    monkeypatch.setattr(second_opinion, "_extract", lambda page: None)
    doc = parse(SPLIT)
    assert "Update, added a week later" not in text(doc)
    unchecked = [w for w in doc.warnings if "without a second opinion" in w]
    assert len(unchecked) == 1 and "narrator-tts[pages]" in unchecked[0]


def test_fragments_and_pages_without_dropped_prose_never_ask(monkeypatch):
    def boom(page: str) -> str:
        raise AssertionError("the extractor was asked")

    monkeypatch.setattr(second_opinion, "_extract", boom)
    parse(f"<script>var x;</script><div>{ARTICLE}</div><div><p>{UPDATE}</p></div>".encode())  # fragment
    parse(page(f"<article><h1>Rivers</h1>{ARTICLE}</article>"))  # nothing with prose is dropped


REFS = page(
    f"<div id='content'><h1>Rivers</h1><div class='body'>{ARTICLE}"
    "<h2>References</h2><ol>"
    + "".join(f"<li><a href='https://doi.example/{i}'>Smith, J. ({2000 + i}). Rivers and their valleys. "
              f"Journal of Water {i}</a></li>" for i in range(5))
    + "</ol><h2>See also</h2><ul><li><a href='/w/Stream'>Stream</a></li><li><a href='/w/Delta'>Delta</a></li>"
      "<li><a href='/w/Flood'>Flood</a></li></ul>"
      "<h2>External links</h2><ul><li><a href='https://r.example'>River society</a></li>"
      "<li><a href='https://m.example'>Map of rivers</a></li></ul>"
      "<div class='bibliography'><a href='https://b.example/1'>Jones (1999)</a> "
      "<a href='https://b.example/2'>Lee (2003)</a></div>"
      "</div></div>")


def test_reference_lists_and_link_lists_are_named_truly(monkeypatch):
    monkeypatch.setattr(second_opinion, "_extract", opinion_keeps(ARTICLE))
    doc = parse(REFS)
    whats = {s.what for s in doc.skipped}
    assert "references" in whats and "links to other pages" in whats
    assert not any(s.what == "page chrome" and ("ol" in s.source or "ul" in s.source or "bibliography"
                                                  in s.source) for s in doc.skipped)
    assert "Smith, J." not in text(doc) and "Map of rivers" not in text(doc)


def test_links_kind_by_name_and_heading():
    import bs4

    soup = bs4.BeautifulSoup("<div id='catlinks'>x</div><ol class='references'><li>x</li></ol>"
                             "<ul><li>a</li></ul>", "lxml")
    div, ol, ul = soup.find("div"), soup.find("ol"), soup.find("ul")
    assert second_opinion.links_kind(div, "") == second_opinion.LINKS
    assert second_opinion.links_kind(ol, "") == second_opinion.REFERENCES
    assert second_opinion.links_kind(ul, "External links[edit]") == second_opinion.LINKS
    assert second_opinion.links_kind(ul, "参考文献") == second_opinion.REFERENCES
    assert second_opinion.links_kind(ul, "Rivers of Europe") is None
