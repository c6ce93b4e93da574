"""Code-like markup said exactly (narrator.normalize.markup.say_markup, without the rest of the
planner): tags with and without attributes, glued to a word or apart, closing tags, comments,
templates and their arguments, braces, guillemets, generic and qualified types, closures' bars,
comparison signs (and the arrows and shifts that are none), wildcards, in English and Chinese."""

from __future__ import annotations

import pytest

from narrator.normalize.markup import may_need, say_markup


@pytest.mark.parametrize("written, said", [
    # tags: name and attributes, a colon before the text they hold, a closing tag said once
    ('<a href="#top">Return</a>', "A tag, href hash top: Return, closing A tag"),
    ("<img src=\"a.png\" alt='x'>", "img tag, src a.png, alt x"),
    ("<input type=text disabled>", "input tag, type text, disabled"),
    ("<video controls>", "video tag, controls"),
    ('<div class="x"></div>', "div tag, class x, closing div tag"),
    ('<a name="top"></A> end', "A tag, name top, closing A tag end"),
    ("<span id=a>x</span>", "span tag, id a: x, closing span tag"),
    ('<a\thref="x">y</a>', "A tag, href x: y, closing A tag"),
    # a tag without attributes is its name; one letter in capitals
    ("<b>bold</b> text", "B bold, closing B tag text"),
    ("<p>", "P"), ("text <p> more", "text P more"), ("<P>Para", "P Para"), ("<Table>", "table"),
    ("see <br> now", "see br now"),
    ("top</a>", "top, closing A tag"),
    ("the </b> element", "the closing B element"),
    # templates, braces, a document command's argument
    ("{{Cite|title=Foo|year=2000}}", "Cite, Foo, 2000"),
    ("{{ Main }}", "Main"), ("{{Main|}}", "Main"),
    ("the set {1, 2, 3}", "the set 1, 2, 3"),
    ("x{a}", "x{a}"),
    ("\\emph{word} here", "\\emph word here"),
    # guillemets typed as angle brackets; shifts are not
    ("<<quoted>>", "«quoted»"), ("a << b", "a << b"), ("x<<2", "x<<2"),
    # types
    ("Vec<T>", "Vec of T"), ("Option<T>, ok", "Option of T, ok"), ("Iterator<Item=T>", "Iterator of Item=T"),
    ("<&T>::method", "&T::method"),
    ("the closure |…| x", "the closure vertical bar … vertical bar x"),
    # comparisons beside a number or between variables; arrows are no comparisons
    ("a <= 5", "a less than or equal to 5"), ("x >= y", "x greater than or equal to y"),
    ("version >=3.1.1", "version greater than or equal to 3.1.1"), ("(a<b)", "(a less than b)"),
    ("x < -1", "x less than -1"), ("2 > x", "2 greater than x"), ("<5", "less than 5"),
    ("Ratio<0.5", "Ratio less than 0.5"), ("p < .05", "p less than .05"), ("a<b", "a less than b"),
    ("x<y and y>z", "x less than y and y greater than z"),
    ("a -> b", "a -> b"), ("a => b", "a => b"),
    # wildcards after a name only
    ("wrapping_*", "wrapping star"), ("x_*y", "x_*y"),
])
def test_markup_in_english(written: str, said: str) -> None:
    assert say_markup(written) == said


@pytest.mark.parametrize("written, said", [
    ('<a href="#top">返回</a>', "A 标签, href 井号 top: 返回, 结束 A 标签"),
    ("<!-- 注 --> x", "注释： 注， x"),
    ("the closure |...| x", "the closure 竖线...竖线 x"),
    ("a<b", "a 小于 b"), ("版本 >= 3", "版本 大于等于 3"),
    ("<b>粗</b>", "B 粗, 结束 B 标签"),
    ("HashMap<K, V>", "HashMap 的 K, V"),
    ("wrapping_*", "wrapping 星号"),
    ("the </a> 标签", "the 结束 A 标签"),
])
def test_markup_in_chinese(written: str, said: str) -> None:
    assert say_markup(written, "zh") == said


def test_text_without_markup_comes_back_as_it_is() -> None:
    text = "Nothing  to  say  here. "
    assert say_markup(text) is text
    assert not may_need(text)
    assert may_need("a|b") and may_need("x_*") and may_need("{") and may_need("<")


@pytest.mark.parametrize("written, said", [
    ("line<br/>next", "line br next"), ("a<br />", "a br"), ("x<hr/> y", "x hr y"),
])
def test_a_self_closing_tag_glued_to_a_word_is_said_by_its_name(written: str, said: str) -> None:
    # the slash makes it a tag, never a type parameter ("Vec<T>"): it was left as written
    assert say_markup(written) == said


def test_a_template_argument_keeps_the_equals_signs_of_its_value() -> None:
    assert say_markup("{{Cite|q=a=b=c}}") == "Cite, a=b=c"


@pytest.mark.parametrize("written, said", [
    # arrows and shifts are no comparisons, even between numbers, and do not stop the ones after
    ("1->2", "1->2"), ("x=>5", "x=>5"), ("a>>1", "a>>1"), ("x -> y if 1 < 2", "x -> y if 1 less than 2"),
    # a number on one side and a one-letter variable or a bracket on the other; a word is no operand
    ("5 > X", "5 greater than X"), ("5 > (x)", "5 greater than (x)"), ("5 > foo", "5 > foo"),
    ("foo > x", "foo > x"), ("a < B", "a less than B"),
])
def test_which_signs_are_comparisons(written: str, said: str) -> None:
    assert say_markup(written) == said


def test_a_tag_glued_to_a_capital_or_before_a_word_is_set_apart_by_commas() -> None:
    assert say_markup('X<a href="y">z</a>') == "X, A tag, href y: z, closing A tag"
    assert say_markup("a</b>next") == "a, closing B tag, next"
    assert say_markup("a</b>x y") == "a, closing B tag, x y"     # a one-letter word after it too


def test_a_bracket_after_a_one_letter_name_is_a_type_parameter() -> None:
    assert say_markup("x a<b> y") == "x a of b y"
    assert say_markup("i<T>") == "i of T"


def test_a_bracket_after_an_underscore_is_a_type_parameter() -> None:
    assert say_markup("my_<T>") == "my_ of T"
