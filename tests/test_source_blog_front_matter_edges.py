"""Blog posts (narrator/parse/sources/blog.py), the edges of front matter: TOML front matter left
in the body inside a content wrapper, in a <div> or a <pre>, or running on into the first
paragraph (only the front matter goes, never the post), the first 20 elements searched; YAML and
TOML fences, block scalars, lists and quotes read as their authors meant; WordPress's
preformatted class only on <pre>."""

from __future__ import annotations

from typing import Any

from narrator.config import ParseConfig
from narrator.parse import parse_html
from narrator.parse.html import parse_soup
from narrator.parse.sources import Source, recognise
from narrator.parse.sources.blog import Blog, front_matter_fields
from narrator.values import Skipped

TOML = '+++\ntitle = "Rates"\n+++'  # 23 characters
REASON = "TOML front matter is page settings"


def read(html: str) -> tuple[str, list[str], list[tuple[str, str, int]]]:
    doc = parse_html(html.encode(), "post.html", ParseConfig())
    return doc.title, [b.text for c in doc.chapters for b in c.blocks], [(s.source, s.what, s.chars) for s in doc.skipped]


def blog(html: str) -> tuple[Source, Any]:
    soup = parse_soup(html)
    source = recognise(soup)
    assert source.name == "blog"
    return source, soup


def test_front_matter_in_a_content_wrapper_takes_only_itself_out() -> None:
    html = f"<html><body><div class='content'>\n<p>{TOML}</p>\n<p>Body text here.</p>\n</div></body></html>"
    assert read(html) == ("Rates", ["Rates", "Body text here."], [("p", "template markup", 23)])
    html = f"<html><body><article><section><p>{TOML}</p>\n<p>Body text here.</p></section></article></body></html>"
    assert read(html) == ("Rates", ["Rates", "Body text here."], [("p", "template markup", 23)])


def test_front_matter_running_on_into_the_first_paragraph_leaves_the_paragraph() -> None:
    # Markdown without a blank line after the closing fence: one paragraph
    html = f"<html><body><p>{TOML}\nThe body text.</p><p>More.</p></body></html>"
    assert read(html) == ("Rates", ["Rates", "The body text.", "More."], [("p", "template markup", 23)])
    source, soup = blog(html)
    assert source.prepare(soup) == [Skipped("p", "template markup", REASON, 23)]
    assert [p.get_text() for p in soup.find_all("p")] == ["The body text.", "More."]


def test_front_matter_in_a_div_or_a_pre_is_found() -> None:
    for tag in ("div", "pre"):
        source, soup = blog(f"<html><body><{tag}>{TOML}</{tag}><p>Body.</p></body></html>")
        assert source.prepare(soup) == [Skipped(tag, "template markup", REASON, 23)]
        assert source.title(soup, []) == "Rates"
        assert [t.get_text() for t in soup.body.find_all(True)] == ["Rates", "Body."]


def test_front_matter_may_follow_spaces() -> None:
    source, soup = blog(f"<html><body><p>  {TOML}</p><p>Body.</p></body></html>")
    assert source.prepare(soup) == [Skipped("p", "template markup", REASON, 23)]


def test_front_matter_is_looked_for_in_the_first_twenty_elements_only() -> None:
    empty = "<p> </p>" * 19
    assert recognise(parse_soup(f"<html><body>{empty}<p>{TOML}</p></body></html>")).name == "blog"
    assert recognise(parse_soup(f"<html><body>{empty}<p></p><p>{TOML}</p></body></html>")).name == "page"


def test_fences_are_yaml_or_toml_and_only_at_the_ends() -> None:
    assert front_matter_fields("---\ntitle: A\n---") == {"title": "A"}
    assert front_matter_fields("+++\ntitle = \"A\"\n+++") == {"title": "A"}
    assert front_matter_fields("  \n+++\ntitle = \"A\"\n+++") == {"title": "A"}  # blank lines before
    assert front_matter_fields("title: A\nnote: x\n...") == {"title": "A", "note": "x"}
    # a last line that is no fence is a field like the others
    assert front_matter_fields("---\ntitle: A\ndate: 2024") == {"title": "A", "date": "2024"}
    assert front_matter_fields("") == {}
    # a line that is no field is passed over, the fields after it are read
    assert front_matter_fields("---\n# a comment\ntitle: A\n---") == {"title": "A"}


def test_block_scalars_lists_and_quotes() -> None:
    front = ("---\na: |-\n  one\n  two\nb: |+\n  three\nc: >+\n  four\n  five\nd:\n  - x\n  -  'y'\n"
             "e:\nf: '[x]'\ng: x]\nh: \"\"\ni: ''\nj: XaX\n---")
    assert front_matter_fields(front) == {"a": "one two", "b": "three", "c": "four five", "d": "x, y",
                                          "e": "", "f": "[x]", "g": "x]", "h": "", "i": "", "j": "XaX"}
    # an indented line under a key with a value continues nothing: the value stands
    assert front_matter_fields("---\ntitle: A\n\tdetail\n---") == {"title": "A"}
    assert front_matter_fields("---\ntitle: A\nXY: b\n---") == {"title": "A", "xy": "b"}


def test_the_title_is_the_front_matters_or_none() -> None:
    soup = parse_soup("<html><body><p>Body.</p></body></html>")
    soup.front_matter = "---\nauthor: Ana\ntitle: ''\n---"
    source = Blog()
    assert source.prepare(soup)[0].what == "post metadata"
    assert source.title(soup, []) is None
    assert Blog().title(soup, []) is None  # asked before prepare
    soup = parse_soup("<html><body><p>Body.</p></body></html>")
    assert not Blog.detect(soup)  # no front matter at all
    # a body with no element holding text: the title heading is put on top all the same
    soup = parse_soup("<html><body>Just words.</body></html>")
    soup.front_matter = "---\ntitle: Notes\n---"
    source = Blog()
    assert source.prepare(soup) == []
    assert [t.get_text() for t in soup.body.find_all(True)] == ["Notes"]


def test_only_a_preformatted_pre_marks_a_post() -> None:
    assert recognise(parse_soup("<html><body><div class='wp-block-preformatted'>x</div></body></html>")).name == "page"
    assert recognise(parse_soup("<html><body><pre>plain words</pre></body></html>")).name == "page"
    source, soup = blog("<html><body><pre class='wp-block-preformatted'>A verse</pre><pre>other words</pre>"
                        "<div class='wp-block-preformatted'>x</div></body></html>")
    source.prepare(soup)
    assert [t.name for t in soup.body.find_all(True)] == ["p", "pre", "div"]


def test_the_front_matters_own_block_is_found_under_any_wrapper() -> None:
    for inner in ("div", "pre"):
        html = f"<html><body><div class='wrap'><{inner}>{TOML}</{inner}>\n<p>Body text here.</p></div></body></html>"
        assert read(html) == ("Rates", ["Rates", "Body text here."], [(inner, "template markup", 23)]), inner
    html = f"<html><body><div class='wrap'>\n<p>\n{TOML}</p>\n<p>Body text here.</p></div></body></html>"
    assert read(html) == ("Rates", ["Rates", "Body text here."], [("p", "template markup", 23)])
    # inline markup inside the block: the block goes, not the inline element
    source, soup = blog(f"<html><body><p><span>{TOML}</span></p><p>Body.</p></body></html>")
    assert source.prepare(soup) == [Skipped("p", "template markup", REASON, 23)]
    assert [p.get_text() for p in soup.find_all("p")] == ["Body."]
