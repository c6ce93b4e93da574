"""Inline marks and the runs a block is made of, exactly (narrator/parse/runs.py)."""

from __future__ import annotations

from narrator.config import ParseConfig
from narrator.parse.html import Walker, parse_soup
from narrator.parse.runs import Inline, Piece, inline_of, is_cjk, make_runs
from narrator.values import Run

STRONG, EM, U, CODE = (frozenset({m}) for m in ("strong", "em", "u", "code"))
NONE: frozenset[str] = frozenset()


def runs(markup: str) -> list[tuple[str, list[str], str | None, str | None]]:
    soup = parse_soup(markup)
    block = Walker(ParseConfig()).walk(soup.body)[0]
    return [(r.text, sorted(r.marks), r.lang, r.emotion) for r in block.runs]


def test_each_inline_tag_gives_its_mark() -> None:
    assert runs("<p>a <b>b</b> <i>i</i> <cite>c</cite> <dfn>d</dfn> <u>u</u> <ins>n</ins> <kbd>k</kbd> "
                "<samp>s</samp> <tt>t</tt> <var>v</var> <q>q</q> <sub>2</sub> <sup>3</sup> <code>x</code> "
                "<strong>g</strong> <em>e</em></p>") == [
        ("a ", [], None, None), ("b", ["strong"], None, None), (" i c d", ["em"], None, None),
        (" u n", ["u"], None, None), (" k s t v", ["code"], None, None), (" q", ["q"], None, None),
        (" 2", ["sub"], None, None), (" 3", ["sup"], None, None), (" x", ["code"], None, None),
        (" g", ["strong"], None, None), (" e", ["em"], None, None)]


def test_google_docs_wrapping_bold_is_not_bold() -> None:
    assert runs('<p><b style="font-weight:normal" id="docs-internal-guid-1">plain <b>bold</b></b> '
                '<b style="font-weight: 400">four</b> <b id="docs-internal-guid-2">g</b> '
                '<b style="font-weight:bold">fb</b> <b id="other">ob</b></p>') == [
        ("plain ", [], None, None), ("bold", ["strong"], None, None), (" four g ", [], None, None),
        ("fb ob", ["strong"], None, None)]


def test_inline_styles_give_bold_italic_and_underline() -> None:
    assert runs('<p><span style="font-weight:600">s6</span> <span style="font-weight:500">s5</span> '
                '<span style="font-weight:bolder">sb</span> <span style="font-style:oblique">ob</span> '
                '<span style="font-style:normal">no</span> <span style="text-decoration:underline">ul</span> '
                '<span style="text-decoration-line: underline">ul2</span> <span style="x-font-weight:bold">xf</span> '
                '<span style="color:red;font-weight:900">r9</span> <span style="font-weight:700">s7</span> '
                '<span style="font-weight:800">s8</span> <span style="font-style:italic">it</span></p>') == [
        ("s6", ["strong"], None, None), (" s5 ", [], None, None), ("sb", ["strong"], None, None),
        (" ob", ["em"], None, None), (" no ", [], None, None), ("ul ul2", ["u"], None, None),
        (" xf ", [], None, None), ("r9 s7 s8", ["strong"], None, None), (" it", ["em"], None, None)]


def test_classes_emotion_and_language_of_inline_elements() -> None:
    assert runs('<p><span class="mceA key" data-emotion="sad" lang="de">Wort</span> <span class="key">k2</span> '
                '<span>same</span></p>') == [
        ("Wort", [".key"], "de", "sad"), (" k2", [".key"], None, None), (" same", [], None, None)]


def test_a_run_takes_at_most_thirty_two_class_names() -> None:
    markup = "<p>" + "".join(f'<span class="c{i}">' for i in range(40)) + "deep" + "</span>" * 40 + "</p>"
    [(text, marks, _, _)] = runs(markup)
    assert text == "deep" and marks == sorted(f".c{i}" for i in range(32))


def test_the_nearest_data_voice_of_a_run_wins() -> None:
    assert runs('<p><span data-voice="teacher">a <span data-voice=" child ">b</span></span> '
                '<span data-voice=" ">c</span></p>') == [
        ("a ", ["voice:teacher"], None, None), ("b", ["voice:child"], None, None), (" c", [], None, None)]


def test_an_element_adding_nothing_gives_back_its_parent() -> None:
    parent = Inline(STRONG, "en", "happy")
    soup = parse_soup('<p><span>x</span><span lang="en" data-emotion="happy">y</span><span lang="fr">z</span></p>')
    plain, same, french = soup.find_all("span")
    assert inline_of(plain, "span", "", parent) is parent
    assert inline_of(same, "span", "", parent) is parent
    assert inline_of(french, "span", "", parent) == Inline(STRONG, "fr", "happy")
    symbol = inline_of(plain, "span", "font-family:symbol", parent)
    assert symbol == Inline(STRONG, "en", "happy", symbol=True)
    assert inline_of(plain, "span", "", symbol) is symbol


# -- runs from pieces --------------------------------------------------------------------------

def test_spaces_between_pieces_stay_on_the_side_the_source_had_them() -> None:
    assert runs("<p><b>bold </b>text <i>it</i> after</p>") == [
        ("bold ", ["strong"], None, None), ("text ", [], None, None), ("it", ["em"], None, None),
        (" after", [], None, None)]


def test_a_line_break_between_chinese_characters_vanishes() -> None:
    assert runs("<p>中文\n中文 <b>中</b>\n文 english\n中</p>") == [
        ("中文中文 ", [], None, None), ("中", ["strong"], None, None), ("文 english 中", [], None, None)]
    assert make_runs([Piece("中文\r\n中文", NONE, None, None)]) == (Run("中文中文"),)
    assert make_runs([Piece("中文 中文", NONE, None, None)]) == (Run("中文 中文"),)


def test_runs_are_trimmed_merged_and_formulas_kept_apart() -> None:
    pieces = [Piece("  \n a  b ", NONE, None, None), Piece(" c", NONE, None, None),
              Piece("x²", frozenset({"math"}), None, None, math="x^2"),
              Piece("y²", frozenset({"math"}), None, None, math="y^2"), Piece(" d\t", NONE, "fr", None),
              Piece(" e ", NONE, "fr", None)]
    assert make_runs(pieces) == (Run("a b c"), Run("x²", frozenset({"math"}), math="x^2"),
                                 Run("y²", frozenset({"math"}), math="y^2"), Run(" d e", lang="fr"))


def test_pieces_of_spaces_only_make_no_runs() -> None:
    assert make_runs([Piece(" \n ", NONE, None, None), Piece("\t", STRONG, None, None)]) == ()
    assert make_runs([Piece("", NONE, None, None), Piece("x", EM, None, "sad")]) == (Run("x", EM, None, "sad"),)


def test_what_counts_as_cjk() -> None:
    assert [is_cjk(c) for c in "中。あア，ㄅ⺀a1 é"] == [True] * 7 + [False] * 4


def test_only_a_b_element_is_unbolded_by_a_normal_weight() -> None:
    assert runs('<p><strong style="font-weight:400">s</strong> <i style="font-weight:normal">it</i></p>') == [
        ("s", ["strong"], None, None), (" it", ["em"], None, None)]


def test_a_normal_weight_unbolds_b_and_a_bold_weight_bolds_a_span() -> None:
    assert runs('<p><b style="font-weight:normal">n</b> <span style="font-weight:bold">sb</span></p>') == [
        ("n ", [], None, None), ("sb", ["strong"], None, None)]
