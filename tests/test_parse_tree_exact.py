"""The parsed tree read at a linear cost, exactly (narrator/parse/tree.py): the work counter and
its limits, bounded looks below an element, and the one-pass index of subtrees and text facts."""

from __future__ import annotations

from typing import Any

import pytest

from narrator.errors import TooLarge
from narrator.parse.tree import TICK_EVERY, TreeIndex, Work, descendants, parse_tree, small_text


def test_tick_is_called_once_every_thousand_nodes() -> None:
    ticks: list[int] = []
    work = Work("x.html", lambda: ticks.append(1))
    assert TICK_EVERY == 1000
    for _ in range(999):
        work.step()
    assert ticks == []
    work.step()
    assert ticks == [1]
    work.step(999)
    assert ticks == [1]
    work.step(1)
    assert ticks == [1, 1]
    work.step(2500)  # a big step is one tick, and the count starts again
    assert ticks == [1, 1, 1]
    Work().step(5000)  # no tick to call


def test_the_character_limit_is_passed_only_above_it() -> None:
    Work("x.html").check_chars(10**9)
    work = Work("x.html", max_chars=100)
    work.check_chars(100)
    with pytest.raises(TooLarge) as e:
        work.check_chars(101)
    assert str(e.value) == "x.html: more text than the limit of 100 characters"


def test_the_depth_limit_counts_html_and_body() -> None:
    parse_tree("<div><p>x</p></div>", Work("d.html", max_depth=4))  # html, body, div, p
    with pytest.raises(TooLarge) as e:
        parse_tree("<div><p>x</p></div>", Work("d.html", max_depth=3))
    assert str(e.value) == "d.html: elements nested deeper than the limit of 3"
    # siblings do not add depth
    parse_tree("<p>a</p>" * 50, Work("d.html", max_depth=3))


def test_a_tick_that_raises_stops_the_parse_with_its_own_exception() -> None:
    class Stop(LookupError):
        pass

    def tick() -> None:
        raise Stop()

    with pytest.raises(Stop):
        parse_tree("<p>x</p>" * 2000, Work("s.html", tick))


def test_parsing_counts_each_element_once() -> None:
    work = Work("c.html")
    parse_tree("<div><p>a</p><p>b</p></div>", work)  # html, body, div, p, p
    assert work._left == TICK_EVERY - 5


def body(markup: str) -> Any:
    return parse_tree(markup).body


def test_descendants_in_document_order() -> None:
    top = body("<div><p>a<b>b</b></p>c</div>").div
    assert [getattr(d, "name", None) or str(d) for d in descendants(top)] == ["p", "a", "b", "b", "c"]
    assert list(descendants(body("<p></p>").p)) == []


def test_small_text_of_small_elements_only() -> None:
    top = body("<p>ab<!--no--><b>cd</b><script>x</script></p>").p
    assert small_text(top) == "abcd"  # no comment, no script: what get_text() reads
    p = body("<p>" + "<i>x</i>" * 24 + "</p>").p  # 48 descendants
    assert small_text(p) == "x" * 24
    p = body("<p>" + "<i>x</i>" * 24 + "y</p>").p  # 49
    assert small_text(p) is None
    assert small_text(body("<p>" + "z" * 400 + "</p>").p) == "z" * 400
    assert small_text(body("<p>" + "z" * 401 + "</p>").p) is None
    assert small_text(body("<p>abcdef</p>").p, max_nodes=1, max_chars=5) is None
    assert small_text(body("<p>abcde</p>").p, max_nodes=1, max_chars=5) == "abcde"


def index(markup: str) -> tuple[Any, TreeIndex]:
    top = body(markup)
    return top, TreeIndex(top, Work())


def test_holds_and_inside_answer_for_the_subtree_only() -> None:
    top, tree = index('<div id="a"><p>x</p><img src="i"><picture></picture></div>'
                      '<div id="b"><ul><li>1</li><li>2</li><li>3</li></ul></div><p id="c">after</p>'
                      '<button id="d"><h3>t</h3></button><form id="e"><input><textarea></textarea></form>')
    a, b, c, d, e = (top.find(id=k) for k in "abcde")
    assert tree.holds(a, "img") and not tree.holds(b, "img") and not tree.holds(c, "img")
    assert [n.name for n in tree.inside(a, "img", 5)] == ["img", "picture"]
    assert [n.get_text() for n in tree.inside(b, "li", 2)] == ["1", "2"]
    assert [n.get_text() for n in tree.inside(b, "li", 9)] == ["1", "2", "3"]
    assert tree.holds(b, "li") and not tree.holds(a, "li")
    assert tree.holds(a, "heading or paragraph") and tree.holds(d, "blocks in a button")
    assert tree.holds(a, "blocks in a button") and not tree.holds(e, "blocks in a button")
    assert [n.name for n in tree.inside(e, "input", 5)] == ["input", "textarea"]
    assert not tree.holds(parse_tree("<p>x</p>").body.p, "img")  # an element of another tree


def test_text_length_is_the_stripped_text_of_a_paragraph_heading_or_form() -> None:
    top, tree = index("<p>  Hello <b> big </b> world  </p><h2>\n</h2><p>   </p><form> a <i>b</i> </form>"
                      "<p><span> </span>x<span> </span></p><p>a<br>  </p>")
    p1, h2, p2, form, p3, p4 = top.find_all(["p", "h2", "form"])
    assert tree.text_length(p1) == len("Hello  big  world")
    assert tree.text_length(h2) == 0
    assert tree.text_length(p2) == 0
    assert tree.text_length(form) == len("a b")
    assert tree.text_length(p3) == 1
    assert tree.text_length(p4) == 1


def test_heading_text_is_two_characters_not_in_a_link_and_not_all_links() -> None:
    top, tree = index('<h2>Ok</h2><h2>A</h2><a href="/x"><h2>Linked</h2></a>'
                      '<h2><a href="/a">Home</a> <a href="/b">News</a></h2>'
                      '<h2><a href="#s">Section</a></h2><h2><a>Anchor</a></h2>'
                      '<h2>Long title with <a href="/w">one link</a></h2><h2><a href="/a">abcdefgh</a> x</h2>'
                      '<h2><a href="/a">abcdefg</a> xy</h2>')
    # links to elsewhere: 8 of 10 characters are too many, 7 are not
    assert [tree.is_heading_text(h) for h in top.find_all("h2")] == [
        True, False, False, False, True, False, True, False, True]


def test_space_before_text_after_an_empty_child_is_not_counted() -> None:
    top, tree = index("<p><span> </span> x</p><p>x<span> </span> </p>")
    assert [tree.text_length(p) for p in top.find_all("p")] == [1, 1]


def test_a_heading_is_all_links_by_the_text_of_its_links_only() -> None:
    top, tree = index('<h2><a href="/a">abcdefghij</a><span>x</span></h2>'
                      '<h2><a href="/a">abcdefg</a><span>xyz</span></h2><h2><span>Plain words</span></h2>')
    assert [tree.is_heading_text(h) for h in top.find_all("h2")] == [False, True, True]


def test_small_text_counts_the_characters_of_all_its_strings() -> None:
    assert small_text(body("<p>" + "a" * 250 + "<b>x</b>" + "a" * 250 + "</p>").p) is None


def test_text_facts_count_every_string_at_its_own_element() -> None:
    top, tree = index("<p>x <b> </b></p><div><p>x<b>y</b> <i>z</i></p></div><p>ab<!-- a long comment --></p>")
    assert [tree.text_length(p) for p in top.find_all("p")] == [1, 4, 2]
    top, tree = index("<h2>A<b>b</b></h2><h2>A<b> </b></h2>")
    assert [tree.is_heading_text(h) for h in top.find_all("h2")] == [True, False]
