"""Code-like markup and reference identifiers in running text, as a listener should hear them
(narrator.normalize.markup, narrator.normalize.addresses; issue 19 item 4: "no markup, template
syntax ... is spoken")."""

from __future__ import annotations

import re

import pytest

from narrator.config import Config
from narrator.normalize.addresses import identifier_spans, say_identifiers
from narrator.normalize.markup import say_markup
from narrator.parse import parse_html
from narrator.script.planner import plan, spoken_text

MARKUP = re.compile(r"[<>{}]|\*")


def said(text: str, lang: str = "en") -> str:
    return spoken_text(text, "sentence", lang)


@pytest.mark.parametrize("text, expected", [
    # a page teaching HTML reads its code; a closing tag is never a letter glued to a word
    ('<a href="#top">Return to the top</a>', "A tag, href hash top: Return to the top, closing A tag"),
    ('<a name="top"></A>', "A tag, name top, closing A tag"),
    ('<A HREF="http://www.cis.edcc.edu/">CIS Homepage</A>',
     "A tag, href cis dot edcc dot edu: CIS Homepage, closing A tag"),
    ('<a href=" " name=" " [target="" rel=" " rev=" "]>description of the link</a>',
     "A tag, href, name, target, rel, rev: description of the link, closing A tag"),
    # a tag mentioned by name
    ("The <video> tag plays media.", "The video tag plays media."),
    ("Close it with the </a> tag.", "Close it with the closing A tag."),
    # wiki templates: their name, never the braces
    ("You can use the {{Main}} template.", "You can use the Main template."),
    ("type {{See also|Wikipedia:How to edit a page}}, which", "type See also, Wikipedia:How to edit a page, which"),
    # a LaTeX listing or command quoted in prose: no braces ("2^{10}" is maths, said elsewhere)
    (r"\begin {equation} x \label {eq} \end {equation}", "begin equation x label eq end equation"),
    (r"the reference to \tag{OneIsNotOne Condition} in", "the reference to tag OneIsNotOne Condition in"),
    ("2^{10} units", "two to the power ten units"),
    # comparison signs beside a number or a variable; a menu path is not a comparison
    ("Keep logic statements (e.g. if (a<b)) simple.", "Keep logic statements (for example if (a less than b)) simple."),
    ("< 61%; 0.0", "less than sixty one percent; zero point zero"),
    ("Choose File > Save.", "Choose File, Save."),
    # generic types, a wildcard after a name
    ("Use Vec<T> here.", "Use Vec of T here."),
    ("Option<Vec<T>> and HashMap<K, Vec<V>>", "Option of Vec of T and HashMap of K, Vec of V"),
    # comparisons are no tags nor type parameters; an element's bare attribute is one
    ("if x<y and y>z then", "if x less than y and y greater than z then"),
    ("<input disabled> works", "input tag, disabled: works"),
    ("<!-- the menu --> <nav>Home</nav>", "comment: the menu, nav Home, closing nav tag"),
    ("the wrapping_* methods", "the wrapping star methods"),
])
def test_markup_is_said_as_a_reader_says_it(text: str, expected: str) -> None:
    assert said(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("所有模式下都可以使用 wrapping_* 方法", "所有模式下都可以使用 wrapping 星号 方法"),
    ("如 <&T>::...，<[T]>::...，等", "如 &T::...，[T]::...，等"),
    ("符号: |…| expr", "符号: 竖线…竖线 expr"),
    ("用 </p> 结束段落", "用 结束 P 标签 结束段落"),
])
def test_markup_in_chinese(text: str, expected: str) -> None:
    assert said(text, "zh") == expected


def test_text_without_markup_is_untouched() -> None:
    text = "An ordinary sentence, with commas; and a semicolon."
    assert say_markup(text) is text


def test_a_reference_says_its_identifiers_by_name() -> None:
    text = "Medical Physics. 37 (1): 339–351. doi:10.1118/1.3267037. PMC 2807447. PMID 20175497."
    assert say_identifiers(text) == "Medical Physics. 37 (1): 339–351. DOI. PMC. PMID."
    assert say_identifiers("ISBN 978-0-262-03384-8, arXiv:1802.03426v2") == "ISBN, arXiv"
    assert say_identifiers("the DOI of a paper") == "the DOI of a paper"
    # never cut inside, measured by what is said
    (a, b, saved), = identifier_spans("see doi:10.1118/1.3267037.")
    assert (a, b) == (4, 25) and saved == 21 - 3


def test_html_lesson_and_reference_list_are_planned_without_markup_or_overlong_segments() -> None:
    html = ("<html><body><h1>Links</h1>"
            "<p>&lt;a href=\"#top\"&gt;Return to the top&lt;/a&gt;</p>"
            "<p>You can use the {{Main}} template to generate a link.</p>"
            "<ol><li>Jamieson, A.R.; Giger, M.L.; Drukker, K.; Lui, H.; Yuan, Y.; Bhooshan, N. (2010). "
            "\"Exploring Nonlinear Feature Space Dimension Reduction and Data Representation in Breast "
            "CADx with Laplacian Eigenmaps and t-SNE\". Medical Physics. 37 (1): 339–351. "
            "doi:10.1118/1.3267037. PMC 2807447. PMID 20175497.</li>"
            "<li>Schubert, Erich; Gertz, Michael (2017-10-04). Intrinsic t-Stochastic Neighbor Embedding "
            "for Visualization and Outlier Detection. SISAP 2017 – 10th International Conference on "
            "Similarity Search and Applications. pp. 188–203. doi:10.1007/978-3-319-68474-1_13.</li>"
            "</ol></body></html>")
    config = Config()
    segments = plan(parse_html(html.encode(), "refs.html", config.parse), config).segments
    spoken = [s.spoken for s in segments]
    assert not [s for s in spoken if MARKUP.search(s)], spoken
    assert not any("topa" in s for s in spoken)
    assert any(s.endswith("Return to the top, closing A tag") for s in spoken), spoken
    assert all(len(s) <= config.text.max_chars for s in spoken), [s for s in spoken if len(s) > 160]
    assert sum(s.count("DOI") for s in spoken) == 2 and not any("one one one eight" in s for s in spoken)


def test_a_groups_braces_are_not_said() -> None:
    # braces reach no engine: "the set {1, 2, 3}" is heard "the set 1, 2, 3", as a reader says it
    assert " ".join(say_markup("the set {1, 2, 3}").split()) == "the set 1, 2, 3"
    assert " ".join(say_markup("the wing ({L,R} for port)").split()) == "the wing ( L,R for port)"
    assert " ".join(say_markup(r"\begin {equation} x \end {equation}").split()) == r"\begin equation x \end equation"


def test_guillemets_typed_as_angle_brackets_are_a_quotation() -> None:
    # review: "I think <<quoted>>" was "I think < quoted>" (a tag inside brackets)
    assert said("I think <<quoted>> here.") == "I think «quoted» here."
    assert say_markup("<<Le Monde>> a écrit", "fr") == "«Le Monde» a écrit"
    # shifts are not quotations
    assert say_markup("a << b >> c") == "a << b >> c"
    assert say_markup("x<<2>>y") == "x<<2>>y"


def test_the_planner_looks_with_the_modules_own_predicates() -> None:
    from narrator.normalize.addresses import has_identifier, is_doi
    from narrator.normalize.markup import may_need

    for text in ("plain words", "the set {1}", "<b>x</b>", "wrapping_*", "a | b", "doi:10.1/x", "PMID 1"):
        if not may_need(text):
            assert say_markup(text) is text, text
        if not has_identifier(text):
            assert say_identifiers(text) == text, text
    assert may_need("<b>") and not may_need("plain") and has_identifier("PMID 20175497")
    assert is_doi(" 10.1007/978-3-319-68474-1_13 ") and not is_doi("10.5/2") and not is_doi("x = 10.1007/a")
