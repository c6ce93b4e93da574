"""A document's own table of contents (own_contents.py): which lists and paragraphs are taken out
as one, and the skip-report entries they give, on small hand-written documents."""

from __future__ import annotations


from helpers import page
from narrator.parse.own_contents import (_entries, _links_home, _names_a_section, _without_page_number,
                                         take_out_own_contents)

_WHAT = "table of contents"
_REASON = "the document's own list of its sections: each section is heard as it comes"
_SECTIONS = '<h2 id="i">Introduction</h2><p>x</p><h2 id="m">Method</h2><p>y</p><h2 id="r">Results</h2><p>z</p>'


def _taken(body: str) -> tuple[list[tuple[str, int]], list[str]]:
    """(source and characters of each entry taken out, the names of the elements left in <body>)."""
    soup = page(body)
    out = take_out_own_contents(soup)
    assert all(s.what == _WHAT and s.reason == _REASON for s in out)
    return [(s.source, s.chars) for s in out], [el.name for el in soup.body.find_all(True, recursive=False)]


def test_page_numbers_and_their_leaders_are_cut_from_an_entry():
    assert _without_page_number("Timeline ........ 3") == "Timeline"
    assert _without_page_number("Timeline\t12  ") == "Timeline"
    assert _without_page_number("Method…·_ 1234") == "Method"
    assert _without_page_number("Intro  ") == "Intro  "  # no number: as it was
    assert _without_page_number("42") == ""
    assert _without_page_number(". . . 7") == ""
    assert _without_page_number("Part2") == "Part"


def test_an_entry_names_a_section_when_it_is_a_heading_or_one_with_more_words():
    headings = ["problem statement", "map", "results"]
    assert _names_a_section("map", headings)
    assert _names_a_section("problem statement and proposed solution", headings)
    assert _names_a_section("problem", headings)  # a heading of four letters or more may be cut short
    assert not _names_a_section("maps", headings)  # "map" is too short to stand for a longer entry
    assert not _names_a_section("ma", headings)
    assert _names_a_section("resu", headings)
    assert not _names_a_section("", headings)
    assert not _names_a_section("method", headings)


def test_an_entry_links_home_with_one_link_to_an_anchor_of_the_document():
    ids = {"h.1", "h.2"}
    p = page('<p><a href="#h.1">Intro</a> ..... 3</p>').find("p")
    assert _links_home(p, ids)
    assert not _links_home(page('<p><a href="#h.3">Intro</a></p>').find("p"), ids)
    assert not _links_home(page('<p><a href="page.html#h.1">Intro</a></p>').find("p"), ids)
    assert not _links_home(page('<p><a href="#h.1">Intro</a> and more words</p>').find("p"), ids)
    assert not _links_home(page('<p><a href="#h.1">A</a> <a href="#h.2">B</a></p>').find("p"), ids)
    assert not _links_home(page("<p><a>Intro</a></p>").find("p"), ids)


def test_the_entries_of_a_list_are_its_innermost_items_with_text():
    ul = page("<ul><li>A<ul><li>A.1</li><li> </li></ul></li><li>B</li></ul>").find("ul")
    assert [" ".join(li.get_text().split()) for li in _entries(ul)] == ["A.1", "B"]
    assert len(_entries(page("<p>One</p>").find("p"))) == 1
    assert _entries(page("<p> </p>").find("p")) == []


def test_a_list_of_the_sections_under_a_contents_heading_is_taken_out_with_its_heading():
    body = "<h2>Contents</h2><ol><li>Introduction</li><li>Method ..... 2</li><li>Results 3</li></ol>" + _SECTIONS
    taken, left = _taken(body)
    assert taken == [("h2", 8), ("ol", 35)]  # its text without separators: 12 + 14 + 9
    assert left == ["h2", "p", "h2", "p", "h2", "p"]


def test_the_contents_heading_may_be_written_in_several_ways():
    for name in ("Table of Contents:", "TOC", "content", "目录：", "目錄", "Inhaltsverzeichnis", "Sommaire",
                 "Table des matières", "Índice"):
        taken, _left = _taken(f"<h3>{name}</h3><ul><li>Introduction</li><li>Method</li></ul>" + _SECTIONS)
        assert [s for s, _c in taken] == ["h3", "ul"], name
    taken, _left = _taken("<h3>Contents of the box</h3><ul><li>Introduction</li><li>Method</li></ul>" + _SECTIONS)
    assert taken == []


def test_half_the_entries_must_name_sections():
    two_of_four = "<h2>Contents</h2><ul><li>Introduction</li><li>Method</li><li>Apples</li><li>Pears</li></ul>"
    assert [s for s, _c in _taken(two_of_four + _SECTIONS)[0]] == ["h2", "ul"]
    one_of_three = "<h2>Contents</h2><ul><li>Introduction</li><li>Apples</li><li>Pears</li></ul>"
    assert _taken(one_of_three + _SECTIONS)[0] == []


def test_paragraph_entries_must_all_name_sections():
    body = "<h2>Contents</h2><p>Introduction</p><p>Method</p><p>Other words</p>" + _SECTIONS
    taken, left = _taken(body)
    assert taken == [("h2", 8), ("p", 12), ("p", 6)]
    assert left[:2] == ["p", "h2"]


def test_empty_paragraphs_between_are_passed_over_a_picture_ends_the_contents():
    body = "<h2>Contents</h2><p> </p><br><hr><div></div><ul><li>Introduction</li><li>Method</li></ul>" + _SECTIONS
    assert [s for s, _c in _taken(body)[0]] == ["h2", "ul"]
    body = '<h2>Contents</h2><p><img src="a.png"></p><ul><li>Introduction</li><li>Method</li></ul>' + _SECTIONS
    assert _taken(body)[0] == []
    body = "<h2>Contents</h2><table></table><ul><li>Introduction</li><li>Method</li></ul>" + _SECTIONS
    assert _taken(body)[0] == []


def test_the_contents_end_at_the_next_heading():
    body = "<h2>Contents</h2><h3>Introduction</h3><ul><li>Introduction</li></ul>" + _SECTIONS
    assert _taken(body)[0] == []


def test_a_contents_heading_with_nothing_under_it_stays():
    taken, left = _taken("<h2>Contents</h2>" + _SECTIONS)
    assert taken == [] and left[0] == "h2"


def test_a_google_docs_contents_without_a_heading_is_three_links_to_headings_or_more():
    links = "".join(f'<p><a href="#{i}">{t}</a>\t{n}</p>'
                    for i, t, n in (("i", "Introduction", 1), ("m", "Method", 2), ("r", "Results", 3)))
    taken, left = _taken("<p>Before.</p>" + links + _SECTIONS)
    assert taken == [("p", 14), ("p", 8), ("p", 9)]
    assert left == ["p", "h2", "p", "h2", "p", "h2", "p"]
    taken, _left = _taken("<p>Before.</p>" + links.rsplit("<p>", 1)[0] + _SECTIONS)
    assert taken == []


def test_headless_links_must_point_at_headings_not_any_anchor():
    body = ('<p id="x1">a</p><p id="x2">b</p><p id="x3">c</p>'
            '<p><a href="#x1">One</a></p><p><a href="#x2">Two</a></p><p><a href="#x3">Three</a></p>')
    assert _taken(body)[0] == []


def test_older_google_docs_anchor_headings_by_a_name_inside_them():
    body = ('<ul><li><a href="#h.a">Alpha</a></li><li><a href="#h.b">Beta</a></li><li><a href="#h.c">Gamma</a></li></ul>'
            '<h2><a name="h.a"></a>Alpha</h2><p>x</p><h2><a name="h.b"></a>Beta</h2><p>y</p>'
            '<h2><a name="h.c"></a>Gamma</h2><p>z</p>')
    taken, left = _taken(body)
    assert taken == [("li", 5), ("li", 4), ("li", 5)]


def test_a_second_run_of_links_is_taken_out_apart_from_the_first():
    run = '<p><a href="#i">Introduction</a></p><p><a href="#m">Method</a></p><p><a href="#r">Results</a></p>'
    taken, _left = _taken(run + "<p>Between.</p>" + run + _SECTIONS)
    assert [s for s, _c in taken] == ["p"] * 6


def test_a_heading_of_four_letters_may_stand_for_a_longer_entry():
    assert _names_a_section("plans", ["plan"])
    assert _names_a_section("pla", ["plan"])
    assert not _names_a_section("maps", ["map"])


def test_nested_numbered_lists_give_their_innermost_items():
    ul = page("<ul><li>A<ol><li>A.1</li></ol></li><li>B</li></ul>").find("ul")
    assert [" ".join(li.get_text().split()) for li in _entries(ul)] == ["A.1", "B"]
    ol = page("<ol><li>C<ol><li>C.1</li></ol></li></ol>").find("ol")
    assert [" ".join(li.get_text().split()) for li in _entries(ol)] == ["C.1"]


def test_a_numbered_list_is_judged_by_its_items_not_its_whole_text():
    body = "<h2>Contents</h2><ol><li>Apples</li><li>Introduction</li><li>Method</li></ol>" + _SECTIONS
    assert [s for s, _c in _taken(body)[0]] == ["h2", "ol"]


def test_entries_linking_to_anchors_of_the_document_name_its_sections():
    body = ('<h2>Contents</h2><ul><li><a href="#x1">Alpha</a></li><li><a href="#x2">Beta</a></li></ul>'
            '<h2 id="x1">First part</h2><p>x</p><h2><a name="x2"></a>Second part</h2><p>y</p>')
    assert [s for s, _c in _taken(body)[0]] == ["h2", "ul"]
    body = ('<h2>Contents</h2><ul><li><a href="#n1">Alpha</a></li><li><a href="#n2">Beta</a></li></ul>'
            '<h2>First part</h2><p><a name="n1"></a>x</p><h2>Second part</h2><p><a name="n2"></a>y</p>')
    assert [s for s, _c in _taken(body)[0]] == ["h2", "ul"]
    body = ('<h2>Contents</h2><ul><li><a href="#z1">Alpha</a></li><li><a href="#z2">Beta</a></li></ul>'
            '<h2>First part</h2><p>x</p><h2>Second part</h2><p>y</p>')
    assert _taken(body)[0] == []


def test_only_a_heading_says_contents():
    assert _taken("<p>Contents</p><ul><li>Introduction</li><li>Method</li></ul>" + _SECTIONS)[0] == []
    assert _taken("<h2>TOCX</h2><ul><li>Introduction</li><li>Method</li></ul>" + _SECTIONS)[0] == []


def test_white_space_and_empty_wrappers_between_the_heading_and_its_list():
    body = "<h2>Contents</h2>\n<p><span> </span></p>\n<ul><li>Introduction</li><li>Method</li></ul>" + _SECTIONS
    assert [s for s, _c in _taken(body)[0]] == ["h2", "ul"]


def test_two_contents_are_both_taken_out():
    one = "<h2>Contents</h2><ul><li>Introduction</li><li>Method</li></ul>"
    taken, _left = _taken(one + "<p>Between.</p>" + one.replace("h2", "h3") + _SECTIONS)
    assert [s for s, _c in taken] == ["h2", "ul", "h3", "ul"]


def test_headless_runs_are_paragraphs_or_items_linking_to_headings_with_white_space_between():
    links = "\n".join(f'<p><a href="#{i}">{t}</a></p>' for i, t in (("i", "Introduction"), ("m", "Method"),
                                                                    ("r", "Results")))
    assert [s for s, _c in _taken(links + _SECTIONS)[0]] == ["p", "p", "p"]
    divs = "".join(f'<div><a href="#{i}">x</a></div>' for i in "imr")
    assert _taken(divs + _SECTIONS)[0] == []
    anchors = ('<p><a href="#a1">One</a></p><p><a href="#a2">Two</a></p><p><a href="#a3">Three</a></p>'
               '<p><a name="a1"></a>x</p><p><a name="a2"></a>y</p><p><a name="a3"></a>z</p>')
    assert _taken(anchors)[0] == []


def test_a_short_run_of_links_does_not_hide_a_later_contents():
    two = '<p><a href="#i">Introduction</a></p><p><a href="#m">Method</a></p>'
    three = two + '<p><a href="#r">Results</a></p>'
    taken, _left = _taken(two + "<p>Between.</p>" + three + _SECTIONS)
    assert [s for s, _c in taken] == ["p", "p", "p"]


def test_entries_linking_to_ids_of_paragraphs_name_sections_too():
    body = ('<h2>Contents</h2><ul><li><a href="#x1">Alpha</a></li><li><a href="#x2">Beta</a></li>'
            '<li><a href="#x3">Gamma</a></li></ul><h2>First part</h2><p id="x1">x</p><p id="x2">y</p><p id="x3">z</p>')
    assert [s for s, _c in _taken(body)[0]] == ["h2", "ul"]
