"""A second opinion before prose is dropped from a web page (second_opinion.py): true names for
lists of sources and links, what counts as prose, and exactly what a review keeps and warns,
with a stand-in extractor and a stand-in walker whose verdicts each test sets."""

from __future__ import annotations

import logging
from types import SimpleNamespace
from typing import Any

import pytest

from helpers import page
import narrator.parse.second_opinion as so
from narrator.parse.link_stats import link_stats

PROSE = ("Rivers carve their valleys over thousands of years, and the water runs faster on the outside "
         "of every bend.")  # 107 characters
OTHER = ("Deltas form where a river meets the sea and slows down, dropping the sand and mud it carried "
         "from the hills.")


class Walker:
    """What html.Walker answers: the elements (by id) its rules drop, and why."""

    def __init__(self, soup: Any, chrome: dict[str, str]) -> None:
        self.chrome = chrome
        self.stats = link_stats(soup)
        self.kept: frozenset[int] = frozenset()
        self.relabel: dict[int, tuple[str, str]] = {}

    def drops(self, node: Any, name: str) -> bool:
        return node.get("id") in self.chrome or name == "script"

    def _is_chrome(self, node: Any, name: str, is_block: bool) -> str:
        return self.chrome.get(node.get("id"), "")


def _extractor(monkeypatch: pytest.MonkeyPatch, *kept: str) -> list[str]:
    """The extractor keeps ``kept``; the pages it was asked about are returned."""
    asked: list[str] = []

    def extract(page: str) -> str:
        asked.append(page)
        return "\n".join(kept)

    monkeypatch.setattr(so, "_extract", extract)
    return asked


# -- true names ------------------------------------------------------------------------------

def _kind(markup: str, heading: str = "") -> tuple[str, str] | None:
    return so.links_kind(page(markup, "<title>t</title>").body.find(True), heading)


def test_reference_lists_and_link_lists_by_class_or_id():
    for name in ("references", "reference", "reflist", "refbegin", "bibliography", "citation", "citations",
                 "cite_note-1", "cite-note", "mw-references-wrap", "mw-references", "works-cited", "works_cited"):
        assert _kind(f'<div class="x {name}">a</div>') == so.REFERENCES, name
    for name in ("external-links", "externallinks", "external_link", "see-also", "seealso", "navbox",
                 "catlinks", "sister-project", "sisterproject", "further-reading"):
        assert _kind(f'<div id="{name}">a</div>') == so.LINKS, name
    for name in ("referencesx", "navboxes", "mycatlinks", "preferences", "further"):
        assert _kind(f'<div class="{name}">a</div>') is None, name
    assert _kind('<div id="references" class="navbox">a</div>') == so.REFERENCES


def test_reference_lists_and_link_lists_by_their_own_heading_or_the_one_before():
    assert _kind("<div><h2>References</h2><ol><li>a</li></ol></div>") == so.REFERENCES
    assert _kind("<div><h3>See also</h3><ul><li>a</li></ul></div>") == so.LINKS
    assert _kind("<div><h3>Rivers</h3><h3>See also</h3></div>") is None  # its first heading only
    assert _kind("<ul><li><h3>References</h3></li></ul>") is None  # a list's items are not its heading
    for heading in ("References", "3.1 References:", "Bibliography", "Works cited", "Notes and references",
                    "Literature cited", "参考文献", "參考資料", "出处：", "References[edit]", "  Sources  "):
        assert _kind("<ul><li>a</li></ul>", heading) == so.REFERENCES, heading
    for heading in ("External links", "See also", "Further reading", "Related articles", "Links", "外部链接",
                    "延伸阅读", "參見", "2. Other resources"):
        assert _kind("<ul><li>a</li></ul>", heading) == so.LINKS, heading
    for heading in ("", "Rivers", "References to rivers", "The see also list"):
        assert _kind("<ul><li>a</li></ul>", heading) is None, heading


# -- the extractor's opinion -----------------------------------------------------------------

def test_grams_are_six_letters_of_the_text_without_white_space_in_lower_case():
    assert so._grams("Ab cD efgh") == {"abcdef", "bcdefg", "cdefgh"}
    assert so._grams("abc") == {"abc"}
    assert so._grams("abcdef") == {"abcdef"}


def test_the_extractor_keeps_a_text_when_it_holds_six_in_ten_of_its_grams(monkeypatch):
    asked = _extractor(monkeypatch, "abcdefghij")
    opinion = so.Opinion(page("<p>x</p>", "<title>t</title>"))
    assert not opinion.asked
    assert opinion.keeps("abcdefghijk") is True  # 5 of 6
    assert opinion.keeps("abcdefghxy") is True  # 3 of 5: exactly six in ten
    assert opinion.keeps("abcdefgxyz") is False  # 2 of 5
    assert opinion.asked and opinion.available
    assert len(asked) == 1 and "<title>t</title>" in asked[0]  # the whole page, asked once


def test_an_extractor_that_keeps_nothing_keeps_no_text(monkeypatch):
    _extractor(monkeypatch, "")
    opinion = so.Opinion(page("<p>x</p>", "<title>t</title>"))
    assert opinion.keeps("abcdefgh") is False
    assert opinion.available


def test_without_an_extractor_there_is_no_opinion(monkeypatch):
    monkeypatch.setattr(so, "_extract", lambda page: None)
    opinion = so.Opinion(page("<p>x</p>", "<title>t</title>"))
    assert opinion.keeps("abcdefgh") is None
    assert opinion.asked and not opinion.available


# -- what is prose ---------------------------------------------------------------------------

def _prose(body: str) -> list[str]:
    soup = page(body, "<title>t</title>")
    return [el.get("id") or el.name for el in so.prose_in(soup.body, link_stats(soup))]


def test_prose_is_a_leaf_block_of_eighty_unlinked_characters():
    assert _prose(f'<div id="d"><p id="a">{PROSE}</p><p id="b">Too short.</p></div>') == ["a"]
    assert _prose(f'<div id="d">{PROSE}</div>') == ["d"]
    assert _prose(f'<p id="a">{"x" * 80}</p><p id="b">{"x" * 79}</p>') == ["a"]
    assert _prose(f'<p id="a"><a href="/x">{PROSE}</a></p>') == []
    assert _prose(f'<p id="a">{PROSE[:60]}<a href="/x">{PROSE[60:]}</a></p>') == []
    # inline elements are no leaves of their own; blocks inside make their parent no leaf
    assert _prose(f'<p id="a"><span id="s">{PROSE}</span></p>') == ["a", "s"]
    assert _prose(f'<div id="d"><div id="e"><p id="a">{PROSE}</p></div>{PROSE}</div>') == ["a"]
    assert _prose(f'<ul id="u"><li id="l">{PROSE}</li></ul>') == ["l"]
    assert _prose(f'<h2 id="h">{PROSE}</h2>') == []


def test_a_chinese_character_counts_two():
    assert _prose(f'<p id="a">{"河" * 40}</p><p id="b">{"河" * 39}</p>') == ["a"]
    assert _prose(f'<p id="a">{"河" * 30}{"x" * 20}</p><p id="b">{"河" * 29}{"x" * 20}</p>') == ["a"]


def test_the_heading_a_list_comes_under():
    soup = page("<h2>See also</h2>\n<br><ul id='u'><li>a</li></ul>"
                 "<div><h2>Notes</h2><h3>References</h3></div><ol id='o'><li>b</li></ol>"
                 "<h2>Far</h2>" + "<span></span>" * 13 + "<ul id='far'><li>c</li></ul>"
                 "<h2>Prose</h2><p>Between.</p><ul id='after'><li>d</li></ul>"
                 f"<h2>Long</h2><div><h3>Inner</h3>{'x' * 200}</div><ul id='long'><li>e</li></ul>"
                 "<h2>Wrapped</h2><div><p>x</p></div><ul id='wrapped'><li>f</li></ul>", "<title>t</title>")
    assert so._heading_before(soup.find(id="u")) == "See also"
    assert so._heading_before(soup.find(id="o")) == "References"
    assert so._heading_before(soup.find(id="far")) == ""
    assert so._heading_before(soup.find(id="after")) == ""
    # a long block with a heading inside is passed over (no prose paragraph): the heading before it
    assert so._heading_before(soup.find(id="long")) == "Long"
    assert so._heading_before(soup.find(id="wrapped")) == ""
    assert so._heading_before(soup.find("h2")) == ""


def test_teasers_for_other_pages_by_their_heading():
    for heading in ("Read more", "Related", "Related stories", "More stories from us", "More from Rivers",
                    "You might also like", "Recommended for you", "Most read", "Trending", "Latest news",
                    "推荐阅读", "猜你喜欢", "Related[edit]", "Read next >>"):
        soup = page(f"<div id='d'><h3>{heading}</h3><p>x</p></div>", "<title>t</title>")
        assert so._is_teasers(soup.find(id="d")), heading
        soup = page(f"<h3>{heading}</h3><ul id='u'><li>x</li></ul>", "<title>t</title>")
        assert so._is_teasers(soup.find(id="u")), heading
    for heading in ("Rivers", "Read more about rivers here today", "More", "Relatedness"):
        soup = page(f"<div id='d'><h3>{heading}</h3><p>x</p></div>", "<title>t</title>")
        assert not so._is_teasers(soup.find(id="d")), heading


def test_furniture_names_on_the_element_or_above_it_up_to_the_dropped_one():
    soup = page("<div id='top' class='cookie-notice'><div id='mid'><p id='p'>x</p></div></div>"
                 "<div id='plain'><p id='q' class='share-bar'>y</p><p id='r'>z</p></div>", "<title>t</title>")
    top, p = soup.find(id="top"), soup.find(id="p")
    assert so._furniture(p, top)
    assert not so._furniture(p, soup.find(id="mid"))  # above the dropped element: not asked
    assert so._furniture(soup.find(id="q"), soup.find(id="plain"))
    assert not so._furniture(soup.find(id="r"), soup.find(id="plain"))


# -- the review ------------------------------------------------------------------------------

def _review(body: str, chrome: dict[str, str], outside: tuple[str, ...] = ()) -> tuple[so.Review, Any]:
    soup = page(body, "<title>t</title>")
    walker = Walker(soup, chrome)
    ids = frozenset(id(soup.find(id=o)) for o in outside)
    return so.review(soup.body, soup, walker, ids), soup


def test_prose_in_chrome_the_extractor_keeps_is_kept_with_a_warning(monkeypatch):
    _extractor(monkeypatch, PROSE)
    result, soup = _review(f"<div id='box' class='sidebar'><p>{PROSE}</p><p>{OTHER}</p></div>",
                           {"box": "class or id 'sidebar'"})
    assert result.keep_chrome == {id(soup.find(id="box"))}
    assert result.keep_outside == [] and result.relabel == {}
    assert result.warnings == [
        "kept 107 characters at div#box that narrate's rules left out (class or id 'sidebar'): "
        "a second opinion (trafilatura) reads them as the page's content"]


def test_prose_the_extractor_drops_stays_out_silently(monkeypatch):
    _extractor(monkeypatch, "something else entirely")
    result, _soup_ = _review(f"<div id='box'><p>{PROSE}</p></div>", {"box": "mostly links"})
    assert result.keep_chrome == set() and result.warnings == []


def test_outside_the_main_content_a_section_half_kept_is_kept_whole(monkeypatch):
    _extractor(monkeypatch, PROSE)
    body = f"<div id='side'><h2>Side</h2><p id='a'>{PROSE}</p><p id='b'>{'Q' * 107}</p></div>"
    result, soup = _review(body, {}, outside=("side",))
    assert result.keep_outside == [soup.find(id="side")]  # 107 of 214 characters: half
    assert result.keep_chrome == set()
    assert result.warnings == [
        "kept 107 characters at div#side that narrate's rules left out (outside the page's main content): "
        "a second opinion (trafilatura) reads them as the page's content"]


def test_outside_the_main_content_a_section_less_than_half_kept_gives_only_its_kept_paragraphs(monkeypatch):
    _extractor(monkeypatch, PROSE)
    body = f"<div id='side'><p id='a'>{PROSE}</p><p id='b'>{'Q' * 108}</p></div>"
    result, soup = _review(body, {}, outside=("side",))
    assert result.keep_outside == [soup.find(id="a")]  # 107 of 215 characters
    assert len(result.warnings) == 1


def test_a_copyright_line_or_furniture_is_never_prose_to_keep(monkeypatch):
    _extractor(monkeypatch, PROSE, "Copyright 2024 " + PROSE)
    body = (f"<div id='box'><p>Copyright 2024 {PROSE}</p><p class='newsletter'>{PROSE}</p></div>")
    result, _soup_ = _review(body, {"box": "page <footer>"})
    assert result.keep_chrome == set() and result.warnings == []
    for line in ("© 2024 Rivers", "(c) 2024 Rivers", "All Rights Reserved", "版权所有", "版 權 所 有",
                 "未经本站授权", "京ICP备12345号"):
        assert so._COPYRIGHT.search(line), line


def test_lists_of_sources_get_their_true_name_not_a_second_opinion(monkeypatch):
    asked = _extractor(monkeypatch, PROSE)
    body = f"<h2>References</h2><ol id='refs'><li>{PROSE}</li></ol>"
    result, soup = _review(body, {"refs": "mostly links"})
    assert result.relabel == {id(soup.find(id="refs")): so.REFERENCES}
    assert result.keep_chrome == set() and asked == []


def test_custom_chrome_elements_teasers_and_short_texts_are_not_asked_about(monkeypatch):
    asked = _extractor(monkeypatch, PROSE)
    body = (f"<div id='custom'><p>{PROSE}</p></div>"
            f"<div id='teasers'><h3>Related articles</h3><p>{PROSE}</p></div>"
            "<div id='short'><p>Home. About. Contact.</p></div>")
    result, _soup_ = _review(body, {"custom": "<site-footer> is page chrome", "teasers": "mostly links",
                                    "short": "mostly links"})
    assert asked == [] and result.warnings == [] and result.keep_chrome == set()


def test_what_is_read_is_searched_inside_and_what_no_rule_names_is_not_asked(monkeypatch):
    _extractor(monkeypatch, PROSE)
    body = (f"<main><div><div id='inner'><p>{PROSE}</p></div></div></main>"
            f"<script id='s'>{PROSE}</script><o:p id='word'>{PROSE}</o:p>")
    result, soup = _review(body, {"inner": "mostly links"})
    assert result.keep_chrome == {id(soup.find(id="inner"))}
    assert len(result.warnings) == 1


def test_without_an_extractor_one_warning_counts_the_unchecked_blocks(monkeypatch):
    monkeypatch.setattr(so, "_extract", lambda page: None)
    body = f"<div id='a'><p>{PROSE}</p></div><div id='b'><p>{OTHER}</p></div>"
    result, _soup_ = _review(body, {"a": "mostly links", "b": "mostly links"})
    assert result.warnings == [
        "2 blocks of prose left out by the page rules without a second opinion: install narrator-tts[pages] "
        "to have them checked"]
    result, _soup_ = _review(body, {"a": "mostly links"})
    assert result.warnings == [
        "1 block of prose left out by the page rules without a second opinion: install narrator-tts[pages] "
        "to have them checked"]
    assert result.keep_chrome == set()


def test_consult_sets_the_walker_and_the_main_content(monkeypatch):
    _extractor(monkeypatch, PROSE)
    soup = page(f"<div id='box'><p>{PROSE}</p></div><div id='side'><p>{PROSE}</p></div>"
                 "<h2>See also</h2><ul id='see'><li>x</li></ul>", "<title>t</title>")
    walker = Walker(soup, {"box": "mostly links", "see": "mostly links"})
    kept: list[Any] = []

    class Main:
        skip = frozenset({id(soup.find(id="side"))})

        def keeping(self, root: Any, nodes: list[Any]) -> str:
            kept.extend(nodes)
            return "the main content, keeping them"

    main, result = so.consult(soup.body, soup, walker, Main())
    assert main == "the main content, keeping them"
    assert kept == [soup.find(id="side")]
    assert walker.kept == frozenset({id(soup.find(id="box"))})
    assert walker.relabel == {id(soup.find(id="see")): so.LINKS}
    assert result.opinion is not None and result.opinion.asked
    main, result = so.consult(soup.body, soup, Walker(soup, {}), None)
    assert main is None and result.warnings == []


def test_the_debug_count_of_prose_blocks_the_extractor_would_leave_out(monkeypatch, caplog):
    _extractor(monkeypatch, PROSE)
    opinion = so.Opinion(page("<p>x</p>", "<title>t</title>"))
    blocks = [SimpleNamespace(text=PROSE), SimpleNamespace(text=OTHER), SimpleNamespace(text="Short.")]
    so.count_unshared(blocks, opinion)  # never asked: nothing to log
    assert not opinion.asked
    opinion.keeps("x")
    with caplog.at_level(logging.DEBUG, logger="narrator.parse.second_opinion"):
        so.count_unshared(blocks, opinion)
        so.count_unshared(blocks, None)
    assert [r.getMessage() for r in caplog.records] == [
        "second opinion: 1 of 2 prose blocks read here are not main content to trafilatura"]
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="narrator.parse.second_opinion"):
        so.count_unshared(blocks, opinion)
    assert caplog.records == []


def test_furniture_by_id():
    soup = page("<div id='plain'><p id='cookie-notice'>y</p></div>", "<title>t</title>")
    assert so._furniture(soup.find(id="cookie-notice"), soup.find(id="plain"))


def test_the_extractor_reads_tables_and_leaves_comments_and_metadata_out():
    pytest.importorskip("trafilatura")
    article = "".join(f"<p>Paragraph {i} of the article explains how rivers carve their valleys and why water "
                      "runs faster outside a bend.</p>" for i in range(6))
    page = ("<html><head><title>Rivers Title</title></head><body><article><h1>Rivers</h1>" + article +
            "<table><tr><td>Nile length</td><td>6650 kilometres long</td></tr>"
            "<tr><td>Amazon length</td><td>6400 kilometres long</td></tr></table></article>"
            "<div class='comments' id='comments'><h3>Comments</h3><p>Great article about rivers, I really enjoyed "
            "reading it today, thanks a lot for writing it.</p></div></body></html>")
    out = so._extract(page)
    assert out is not None
    assert "Paragraph 5 of the article" in out and "Nile length" in out
    assert "enjoyed" not in out and "Rivers Title" not in out
