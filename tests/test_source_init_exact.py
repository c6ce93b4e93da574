"""What every source kind relies on (narrator/parse/sources/__init__.py), exactly: the facts one
pass over a page gathers, the generator <meta>, how a removed element is named in the skip
report, take_out's entries, and which kind claims a page (each kind its own, none another's)."""

from __future__ import annotations

from narrator.parse.html import parse_soup
from narrator.parse.sources import Facts, Source, generator, recognise, selector, take_out
from narrator.values import Block, Run, Skipped


def test_one_pass_gathers_tags_classes_ids_attributes_and_metas() -> None:
    soup = parse_soup("<html><head><meta name='Generator' content='Hugo'><meta property='og:title' content='T'>"
                      "<meta name='empty'><meta charset='utf-8'></head><body><div id='a' class='x y'>"
                      "<p class='z' data-k='1'>t</p><span>s</span></div></body></html>")
    facts = Facts.of(soup)
    assert facts.tags == {"html", "head", "meta", "body", "div", "p", "span"}
    assert facts.classes == {"x", "y", "z"}
    assert facts.ids == {"a"}
    assert facts.attrs == {"name", "content", "property", "charset", "id", "class", "data-k"}
    assert facts.metas == {"generator": "Hugo", "og:title": "T", "empty": ""}
    assert facts.any_class("q", "z") and not facts.any_class("q")
    assert facts.any_id("b", "a") and not facts.any_id("b")


def test_the_generator_meta_in_lower_case() -> None:
    assert generator(parse_soup("<html><head><meta name='GENERATOR' content=' Pandoc 3 '></head></html>")) == "pandoc 3"
    assert generator(parse_soup("<html><head><meta name='generator'></head></html>")) == ""
    assert generator(parse_soup("<html><head><meta name='generators' content='x'></head></html>")) == ""
    assert generator(parse_soup("<p>x</p>")) == ""


def test_an_element_is_named_by_its_id_else_its_first_two_classes_else_its_tag() -> None:
    soup = parse_soup("<div id='toc' class='a'></div><span id='' class='a b c'></span><p></p><b class=''></b>")
    assert [selector(t) for t in soup.body.find_all(True)] == ["div#toc", "span.a.b", "p", "b"]


def test_take_out_reports_each_element_once_with_its_text_length() -> None:
    soup = parse_soup("<div class='o'> Outer <span>inner</span> </div><p>kept</p><i> it </i>")
    nodes = [soup.find("div"), soup.find("span"), soup.find("i")]
    assert take_out(nodes, "box", "why") == [Skipped("div.o", "box", "why", 11), Skipped("i", "box", "why", 2)]
    assert [t.name for t in soup.body.find_all(True)] == ["p"]
    assert take_out([], "box", "why") == []


def test_a_page_of_no_kind_is_left_as_it_is() -> None:
    soup = parse_soup("<html><head><title>t</title></head><body><p>Plain text.</p></body></html>")
    source = recognise(soup)
    assert type(source) is Source and source.name == "page"
    blocks = [Block(kind="paragraph", runs=(Run(text="Plain text."),))]
    assert source.prepare(soup) == [] and source.root(soup) is None
    assert source.finish(blocks) is blocks and source.title(soup, blocks) is None
    assert Source.maybe(Facts()) and Source.detect(soup)


PAGES = {
    "wechat": "<div id='js_content' class='rich_media_content'><p>x</p></div>",
    "epub": "<section epub:type='chapter'><p>x</p></section>",
    "slides": "<div class='reveal'><div class='slides'><section><p>x</p></section></div></div>",
    "book": "<div id='mdbook-content'><main><p>x</p></main></div>",
    "notebook": "<div class='cell text_cell'><p>x</p></div>",
    "wikipedia": "<div class='mw-parser-output'><p>x</p></div>",
    "baike": "<div class='lemma-summary'>x</div><dl class='lemma-reference'></dl>",
    "notion": "<article class='page'><div class='page-body'><p>x</p></div></article>",
    "latexml": "<div class='ltx_document'><p class='ltx_p'>x</p></div>",
    "tex4ht": "<h3 class='sectionHead'><span class='titlemark'>1</span> A</h3><p>x</p>",
    "lms": "<div class='xblock' data-block-type='html'><p>x</p></div>",
    "google-docs": "<h1 id='h.abc123' class='c1'>A</h1><h2 id='h.def456' class='c2'>B</h2><p>x</p>",
}


def test_each_kind_claims_its_own_page_and_no_other() -> None:
    for name, body in PAGES.items():
        assert recognise(parse_soup(f"<html><head><title>t</title></head><body>{body}</body></html>")).name == name, name
    # the most specific kind first: a Canvas page made in Google Docs is a Canvas page
    canvas = ("<html><head><title>t</title><meta name='identifier' content='g1'><meta name='workflow_state' "
              "content='active'></head><body>" + PAGES["google-docs"] + "</body></html>")
    assert recognise(parse_soup(canvas)).name == "lms"
