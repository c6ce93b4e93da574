"""TeX macros and equation references for MathJax pages (narrator/parse/sources/texmacros.py),
exactly: brace groups (escaped braces are no group), the macros a block of definitions makes,
each use of a macro replaced by its body with its arguments (braced, bare, spaced, missing), and
the word a Chinese sentence calls an equation by even when its formulas are full of commands."""

from __future__ import annotations

from narrator.parse.html import parse_soup
from narrator.parse.sources.texmacros import _group, expand, number_equations, parse_definitions


def test_a_brace_group_ends_after_its_own_closing_brace() -> None:
    assert _group("{a}", 0) == 3
    assert _group("x{a{b}c}d", 1) == 8
    assert _group("{a\\{b}", 0) == 6  # an escaped opening brace opens nothing
    assert _group("{a\\}b}", 0) == 6  # an escaped closing brace closes nothing
    assert _group("{x}\\", 0) == 3  # whatever the text ends with
    assert _group("{a", 0) == -1


def test_definitions_give_each_macro_its_arity_and_body() -> None:
    assert parse_definitions("\\newcommand{\\half}{\\frac{1}{2}}") == {"half": (0, "\\frac{1}{2}")}
    assert parse_definitions("$$ \\newcommand{\\sq}[1]{#1^2} \\renewcommand\\ue{u_{\\small e}} $$") == {
        "sq": (1, "#1^2"), "ue": (0, "u_{e}")}
    assert parse_definitions("\\newcommand{\\half}{\\frac{1}{2}} x") is None  # more than definitions
    assert parse_definitions("\\newcommand{\\half}{\\frac{1}{2}") is None  # unbalanced


MACROS = {"half": (0, "\\frac{1}{2}"), "sq": (1, "#1^2"), "pair": (2, "(#1, #2)"), "g": (0, "{x}"),
          "two": (0, "{a}+{b}")}


def test_a_macro_is_replaced_by_its_body_as_one_group() -> None:
    assert expand("\\half^2", MACROS) == "{\\frac{1}{2}}^2"
    assert expand("\\g^2", MACROS) == "{x}^2"  # already one group
    assert expand("\\two^2", MACROS) == "{{a}+{b}}^2"  # two groups are not one
    assert expand("\\halfA + \\halfa + \\half", MACROS) == "\\halfA + \\halfa + {\\frac{1}{2}}"
    assert expand("\\half", {}) == "\\half"


def test_a_macros_arguments_braced_bare_spaced_or_missing() -> None:
    assert expand("\\sq{ab}", MACROS) == "{ab^2}"
    assert expand("\\sq  {ab}", MACROS) == "{ab^2}"
    assert expand("\\sq ab", MACROS) == "{a^2}b"
    assert expand("\\pair{1}{2}", MACROS) == "{(1, 2)}"
    assert expand("\\pair 12", MACROS) == "{(1, 2)}"
    assert expand("x \\sq", MACROS) == "x {#1^2}"  # no argument left in the text
    assert expand("\\sq{a", MACROS) == "{#1^2}{a"  # an unbalanced argument is not taken


def test_a_chinese_sentence_full_of_commands_says_its_word_for_equation() -> None:
    html = ("<html><body><p>\\begin{equation}x=1\\label{a}\\end{equation}</p>"
            "<p>由 \\(\\alpha\\beta\\gamma\\delta\\Gamma\\Delta\\Theta\\Lambda\\) 和 \\(\\eqref{a}\\) 得</p></body></html>")
    soup = parse_soup(html)
    number_equations(soup)
    assert [p.get_text() for p in soup.find_all("p")] == [
        "\\begin{equation}x=1\\end{equation} (1)", "由 \\(\\alpha\\beta\\gamma\\delta\\Gamma\\Delta\\Theta\\Lambda\\) 和 式 (1) 得"]
