"""MediaWiki pages (narrator/parse/sources/wikipedia.py), exactly: a saved desktop article's whole
skip report (frame, scripts, pronunciation, furniture, cited pages, "See also", notes headings,
orphan marks), what is left where (the lead, the infobox after it, local note links), the title;
empty headings, a user page's title and the mobile app's folds."""

from __future__ import annotations

from narrator.parse.html import parse_soup
from narrator.parse.sources import recognise
from narrator.values import Skipped

PAGE = """<html><head><title>Konjac - Wikipedia</title><meta name="generator" content="MediaWiki 1.42"></head><body>
<div id="mw-page-base"></div>
<div id="siteNotice">Donate today</div>
<div id="content"><h1 id="firstHeading" class="firstHeading">Konjac<span class="mw-editsection">[edit]</span></h1>
<div id="siteSub">From Wikipedia</div>
<div id="mw-content-text"><div class="mw-parser-output">
<div class="hatnote">For the jelly, see Konjac jelly.</div>
<table class="infobox"><tr><td>Kingdom: Plantae</td></tr></table>
<p><b>Konjac</b> (<span class="IPA">/ˈkoʊnjæk/</span>) is a plant.<sup class="reference"><a href="#cite_note-1">[1]</a></sup><sup class="reference">: 12 </sup></p>
<div id="toc" class="toc">Contents 1 Uses</div>
<h2>Uses<span class="mw-editsection">[edit]</span></h2>
<p>It is eaten.<sup class="mw-ref"><a href="./Konjac#cite_note-2">[2]</a></sup><sup class="mw-ref"><a href="#cite_note-99">[99]</a></sup></p>
<div class="navbox">Plants</div>
<h2>See also</h2>
<ul><li><a href="/wiki/Taro">Taro</a></li></ul>
<h2>References</h2>
<ol class="references"><li id="cite_note-1">A book.</li><li id="cite_note-2">A paper.</li></ol>
</div></div>
<div id="catlinks" class="catlinks">Categories: Plants</div></div>
<div id="footer">This page was last edited</div>
<script>var x;</script>
</body></html>
"""

SEE_ALSO = "a list of links to other wiki articles: a listener cannot follow them"


def prepared(html: str):  # type: ignore[no-untyped-def]
    soup = parse_soup(html)
    source = recognise(soup)
    assert source.name == "wikipedia"
    return source, soup, source.prepare(soup)


def test_a_desktop_article_is_reported_piece_by_piece() -> None:
    source, soup, skipped = prepared(PAGE)
    assert skipped == [
        Skipped("div#siteSub", "page frame", "the wiki's tagline", 14),
        Skipped("div#catlinks", "page frame", "the article's categories", 18),
        Skipped("div#siteNotice", "page frame", "the wiki's banner notice", 12),
        Skipped("div#footer", "page frame", "the wiki's footer (licence, privacy, about)", 25),
        Skipped("script, nav, form", "page program and controls",
                "the wiki's scripts, search form and menus, never text", 0, 1),
        Skipped("span.IPA", "pronunciation", "phonetic symbols (IPA) and respellings for readers; "
                "the narrator says the word itself", 10),
        Skipped("span.mw-editsection", "edit link", "the wiki's [edit] link beside a heading", 6),
        Skipped("div#toc", "table of contents", "the wiki's list of sections: each section is heard as it comes", 15),
        Skipped("div.hatnote", "hatnote", "a pointer to other wiki pages ('For other uses, see ...'), "
                "not the article's text", 32),
        Skipped("div.navbox", "navigation box", "links to related wiki pages and projects, not the article's text", 6),
        Skipped("sup.reference", "cited page", "the page of the source a reference points to, beside its mark", 4),
        Skipped("h2", "see also", SEE_ALSO, 8),
        Skipped("ul", "see also", SEE_ALSO, 4),
        Skipped("h2", "notes heading", "its references are read together with the other notes, at the end", 10),
        Skipped("sup.mw-ref", "reference mark", "a mark pointing to a reference that is not in this document", 4)]
    root = source.root(soup)
    assert root is soup.find(class_="mw-parser-output")
    assert [(t.name, t.get_text()) for t in root.find_all(["h1", "p", "table", "h2", "ol"], recursive=False)] == [
        ("h1", "Konjac"), ("p", "Konjac is a plant.[1]"), ("table", "Kingdom: Plantae"), ("h2", "Uses"),
        ("p", "It is eaten.[2]"), ("ol", "A book.A paper.")]
    assert [a["href"] for a in root.select("sup a")] == ["#cite_note-1", "#cite_note-2"]
    assert source.title(soup, []) == "Konjac"  # without the heading's [edit] link


def test_a_heading_whose_section_was_only_furniture_is_not_read() -> None:
    body = ("<p>Konjac is a plant.</p><h2>Gallery</h2><div class='navbox'>Plants</div>"
            "<h2>Uses</h2><p>It is eaten.</p><h3>Food</h3><p>Jelly.</p><h2>Links</h2>")
    html = ("<html><head><title>Konjac - Wikipedia</title></head><body><div class='mw-parser-output'>"
            + body + "</div></body></html>")
    _, soup, skipped = prepared(html)
    empty = "nothing under it to read (its content was furniture, or the page loads it on demand)"
    assert skipped[1:] == [Skipped("h2", "empty heading", empty, 7), Skipped("h2", "empty heading", empty, 5)]
    assert [h.get_text() for h in soup.find_all(["h2", "h3"])] == ["Uses", "Food"]


def test_a_page_without_its_heading_is_named_by_its_title_without_the_wiki() -> None:
    page = ("<html><head><title>{0}</title>{1}</head><body><div class='mw-parser-output'>"
            "<p>Text.</p></div></body></html>")
    user = "<meta property='mw:pageNamespace' content='2'>"
    article = "<meta property='mw:pageNamespace' content='0'>"
    for title, meta, expected in (("Konjac - Wikipedia", "", "Konjac"), ("魔芋 - 维基百科，自由的百科全书", "", "魔芋"),
                                  ("User:Ana/Sandbox - Wikipedia", user, "Sandbox"),
                                  ("Ratio: a story - Wikipedia", article, "Ratio: a story"),
                                  ("Ratio: a story - Wikipedia", "", "Ratio: a story")):
        source, soup, _ = prepared(page.format(title, meta))
        assert source.title(soup, []) == expected, title


def test_the_mobile_apps_folded_sections_are_opened() -> None:
    html = ("<html><body><div id='pcs'><section data-mw-section-id='0'><p>Lead.</p></section>"
            "<section style='display: none;' data-mw-section-id='1'><h2>Uses</h2><p>Eaten.</p></section>"
            "<section style='color: red'><p>Red.</p></section></div></body></html>")
    source, soup, _ = prepared(html)
    assert source.root(soup) is soup.find(id="pcs")
    assert [s.get("style") for s in soup.find_all("section")] == [None, "", "color: red"]


def test_a_page_is_a_wiki_page_by_the_wikis_own_marks() -> None:
    def kind(head: str, body: str) -> str:
        return recognise(parse_soup(f"<html><head>{head}</head><body>{body}</body></html>")).name

    assert kind("<meta name='generator' content='MediaWiki 1.40'>", "<p>x</p>") == "wikipedia"
    assert kind("<meta property='mw:pageId' content='1'>", "<p>x</p>") == "wikipedia"
    assert kind("<meta property='mw:htmlVersion' content='2'>", "<p>x</p>") == "wikipedia"
    assert kind("", "<div id='mw-content-text'><p>x</p></div>") == "wikipedia"
    assert kind("", "<p>x<sup class='mw-ref'><a><span class='mw-reflink-text'>[1]</span></a></sup></p>") == "wikipedia"
    assert kind("<meta name='generator' content='WordPress 6'>", "<p>MediaWiki</p>") != "wikipedia"
    assert kind("<meta property='mw:other' content='1'>", "<p>x</p>") != "wikipedia"
    assert kind("", "<p>x<span class='mw-reflink-text'>[1]</span></p>") != "wikipedia"


def test_a_lone_linked_title_under_references_is_a_note() -> None:
    html = ("<html><head><title>Konjac - Wikipedia</title></head><body><div class='mw-parser-output'>"
            "<p>Konjac is a plant.</p><h2>References</h2><p><a href='http://x.org'>A Book</a></p></div></body></html>")
    _, soup, skipped = prepared(html)
    assert skipped == [Skipped("h2", "notes heading", "its references are read together with the other notes, at the end", 10)]
    p = soup.find("a").parent
    assert [(t.name, t.get("class")) for t in list(p.parents)[:2]] == [("li", None), ("ul", ["references"])]
