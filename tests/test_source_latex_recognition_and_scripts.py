"""LaTeX converters and MathJax pages (narrator/parse/sources/latex.py): TeX4ht known by its
generator alone, a converter's document element, MathJax 2's TeX scripts kept while other scripts
go, and a MathJax page known by its script's address (its configuration read up to 2,000
characters, and only in scripts)."""

from __future__ import annotations

from narrator.parse.html import parse_soup
from narrator.parse.sources import recognise

TEX4HT = '<meta content="TeX4ht (https://tug.org/tex4ht/)" name="generator">'
EQUATION = "<p>\\begin{equation} E = mc^2 \\label{eq:e} \\end{equation} and \\eqref{eq:e}.</p>"


def kind(head: str, body: str) -> str:
    return recognise(parse_soup(f"<html><head>{head}</head><body>{body}</body></html>")).name


def test_tex4ht_is_known_by_its_generator_alone() -> None:
    assert kind(TEX4HT, "<p>Text.</p>") == "tex4ht"
    assert kind("", "<h2 class='sectionHead'><span class='titlemark'>1</span> A</h2>") == "tex4ht"
    assert kind("", "<p>Text.</p>") == "page"


def test_a_converters_document_element_and_its_maths_scripts() -> None:
    soup = parse_soup(f"<html><head>{TEX4HT}<script src='counter.js'></script></head><body>"
                      "<main class='main-content'><p>Let <script type='math/tex'>x^2</script> and "
                      "<script type='Math/TeX; mode=display'>y</script>.</p></main></body></html>")
    source = recognise(soup)
    assert source.name == "tex4ht"
    source.prepare(soup)
    assert source.root(soup) is soup.find("main")
    assert [s.get_text() for s in soup.find_all("script")] == ["x^2", "y"]


def test_a_mathjax_page_is_known_by_its_scripts_only() -> None:
    src = "<script src='https://cdn.jsdelivr.net/npm/mathjax@3/es5/tex-chtml.js'></script>"
    assert kind(src, EQUATION) == "mathjax-tex"
    assert kind("<script>var x = 1;</script>", "<p>This page uses MathJax.</p>" + EQUATION) == "page"
    late = "<script>" + " " * 1993 + "MathJax</script>"  # the name ends at character 2,000
    assert kind(late, EQUATION) == "mathjax-tex"
    assert kind(late.replace("<script> ", "<script>  "), EQUATION) == "page"
