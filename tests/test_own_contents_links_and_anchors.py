"""Which names are places in a document a contents entry can link to (own_contents.py): an
<a name="..."> anchor is one; a <meta> or form field's name, or an anchor-less link, is not."""

from __future__ import annotations

from narrator.parse.own_contents import take_out_own_contents
from narrator.parse.tree import parse_tree

_LIST = '<h2>Contents</h2><ul><li><a href="#{0}">Alpha</a></li><li><a href="#{1}">Beta</a></li></ul>'
_AFTER = "<h2>First part</h2><p>x</p><h2>Second part</h2><p>y</p>"


def _taken(head: str, body: str) -> list[str]:
    soup = parse_tree(f"<html><head>{head}</head><body>{body}</body></html>")
    return [s.source for s in take_out_own_contents(soup)]


def test_a_named_anchor_is_a_place_in_the_document() -> None:
    body = _LIST.format("n1", "n2") + '<h2>First part</h2><p><a name="n1"></a>x</p><h2>Second part</h2><p><a name="n2"></a>y</p>'
    assert _taken("", body) == ["h2", "ul"]


def test_names_of_meta_and_form_fields_are_no_places() -> None:
    head = '<meta name="author" content="A. Teacher"><meta name="keywords" content="rivers">'
    assert _taken(head, _LIST.format("author", "keywords") + _AFTER) == []
    form = '<form><input name="q1"><textarea name="q2"></textarea></form>'
    assert _taken("", _LIST.format("q1", "q2") + _AFTER + form) == []


def test_a_link_without_a_name_makes_no_place_of_its_own() -> None:
    # every entry links to a missing anchor; the page's other links have no name attribute
    body = _LIST.format("None", "None") + _AFTER + '<p><a href="https://example.org/">elsewhere</a></p>'
    assert _taken("", body) == []


_HEADINGS = '<h2 id="i">Introduction</h2><p>x</p><h2 id="m">Method</h2><p>y</p><h2 id="r">Results</h2><p>z</p>'


def _run(entry: str) -> str:
    """Three paragraphs, one per heading of _HEADINGS, each made from ``entry`` (a format string)."""
    return "".join(entry.format(i, t) for i, t in (("i", "Introduction"), ("m", "Method"), ("r", "Results")))


def test_only_a_elements_link() -> None:
    # an href on another element is no link: a run of them is no contents
    assert _taken("", "<p>Before.</p>" + _run('<p><span href="#{0}">{1}</span></p>') + _HEADINGS) == []
    # ... and does not count beside an entry's one real link
    body = _run('<p><a href="#{0}">{1}</a><span href="#{0}"></span></p>')
    assert _taken("", body + _HEADINGS) == ["p", "p", "p"]


def test_an_anchor_beside_an_entrys_link_is_no_second_link() -> None:
    body = _run('<p><a name="toc.{0}"></a><a href="#{0}">{1}</a> 4</p>')
    assert _taken("", body + _HEADINGS) == ["p", "p", "p"]


def test_an_entry_saying_more_than_its_link_is_no_contents_line() -> None:
    # the link's words said again beside it are more than a page number
    assert _taken("", _run('<p><a href="#{0}">{1}</a> {1}</p>') + _HEADINGS) == []
    assert _taken("", _run('<p><a href="#{0}">{1}</a> {1} {1} 3</p>') + _HEADINGS) == []


def test_headings_without_an_anchor_give_no_place_to_link_to() -> None:
    # headings without an id, one holding a nameless link; the entries link to a missing anchor
    headings = '<h2>Introduction</h2><p>x</p><h2><a href="/m">Method</a></h2><p>y</p><h2><span name="r">Results</span></h2><p>z</p>'
    assert _taken("", _run('<p><a href="#None">{1}</a></p>') + headings) == []
    assert _taken("", _run('<p><a href="#r">{1}</a></p>') + headings) == []
