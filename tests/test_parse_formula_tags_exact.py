"""Elements that are formulas (formula_tags.py): MathML, MathJax 2's script sources and the
MathML copies beside them, formulas in attributes; exact TeX on small hand-written elements."""

from __future__ import annotations

from typing import Any

from narrator.parse.formula_tags import attribute_formula, formula_tag, mathml_tex
from narrator.parse.tree import parse_tree


def _find(markup: str, name: str) -> Any:
    return parse_tree(f"<html><body>{markup}</body></html>").body.find(name)


def test_mathjax_script_sources_are_read_other_scripts_are_not():
    assert formula_tag(_find('<script type="math/tex">x^2</script>', "script"), "script") == "read"
    assert formula_tag(_find('<script type="math/tex; mode=display">x</script>', "script"), "script") == "read"
    assert formula_tag(_find('<script type="MATH/MML"><math></math></script>', "script"), "script") == "read"
    assert formula_tag(_find('<script type="text/javascript">x</script>', "script"), "script") == ""
    assert formula_tag(_find('<script type="text/math/tex">x</script>', "script"), "script") == ""
    assert formula_tag(_find("<script>x</script>", "script"), "script") == ""


def test_a_mathml_copy_beside_a_mathjax_source_is_a_duplicate_up_to_three_levels_up():
    assert formula_tag(_find("<p><math><mi>x</mi></math></p>", "math"), "math") == "read"
    assert formula_tag(_find('<span class="MJX_Assistive_MathML"><math><mi>x</mi></math></span>', "math"),
                       "math") == "duplicate"
    two = '<span class="MJX_Assistive_MathML"><span class="a"><math><mi>x</mi></math></span></span>'
    assert formula_tag(_find(two, "math"), "math") == "duplicate"
    bare = '<span class="MJX_Assistive_MathML"><span><math><mi>x</mi></math></span></span>'  # no attributes
    assert formula_tag(_find(bare, "math"), "math") == "duplicate"
    three = ('<span class="MJX_Assistive_MathML"><span class="a"><span class="b"><math><mi>x</mi></math>'
             '</span></span></span>')
    assert formula_tag(_find(three, "math"), "math") == "duplicate"
    four = ('<span class="MJX_Assistive_MathML"><span class="a"><span class="b"><span class="c">'
            '<math><mi>x</mi></math></span></span></span></span>')
    assert formula_tag(_find(four, "math"), "math") == "read"
    other = '<span class="MathJax_Display"><math><mi>x</mi></math></span>'
    assert formula_tag(_find(other, "math"), "math") == "read"


def test_the_tex_of_a_script_source_and_whether_it_is_displayed():
    script = _find('<script type="math/tex">  x^2 + 1 </script>', "script")
    assert mathml_tex(script, "script") == ("x^2 + 1", False)
    script = _find('<script type="math/tex; mode=display">\\frac{a}{b}</script>', "script")
    assert mathml_tex(script, "script") == ("\\frac{a}{b}", True)
    script = _find('<script type="math/mml"><math><msup><mi>x</mi><mn>2</mn></msup></math></script>',
                   "script")
    assert mathml_tex(script, "script") == ("{x}^{2}", False)
    script = _find('<script type="math/tex"> </script>', "script")
    assert mathml_tex(script, "script") == ("", False)


def test_the_tex_of_a_math_element_and_its_display_attribute():
    math = _find('<math display="block"><mi>y</mi></math>', "math")
    assert mathml_tex(math, "math") == ("y", True)
    math = _find('<math display="inline"><mi>y</mi></math>', "math")
    assert mathml_tex(math, "math") == ("y", False)
    math = _find('<math alttext="a+b"><mi>a</mi></math>', "math")
    assert mathml_tex(math, "math") == ("a+b", False)
    math = _find("<math></math>", "math")
    assert mathml_tex(math, "math") == ("", False)


def test_a_formula_held_in_an_attribute():
    assert attribute_formula(_find('<span data-latex="x^2">x²</span>', "span"), "span") == "x^2"
    assert attribute_formula(_find('<span data-tex="\\(a\\)">a</span>', "span"), "span") == "a"
    assert attribute_formula(_find('<tiny-math-inline formula="y_1"></tiny-math-inline>', "tiny-math-inline"),
                             "tiny-math-inline") == "y_1"
    assert attribute_formula(_find('<span class="ql-formula" data-value="z"></span>', "span"), "span") == "z"
    mathml = '<span data-mathml="&lt;math&gt;&lt;mi&gt;q&lt;/mi&gt;&lt;/math&gt;"></span>'
    assert attribute_formula(_find(mathml, "span"), "span") == "q"


def test_no_formula_attribute_no_formula_and_images_are_left_to_their_alt_text():
    assert attribute_formula(_find("<span>x</span>", "span"), "span") == ""
    assert attribute_formula(_find('<span class="x" title="t">x</span>', "span"), "span") == ""
    assert attribute_formula(_find('<img data-latex="x^2" alt="x squared">', "img"), "img") == ""
    assert attribute_formula(_find('<span data-latex="  ">x</span>', "span"), "span") == ""
    assert attribute_formula(_find('<span data-value="v">x</span>', "span"), "span") == ""


def test_a_displayed_formula_is_set_apart_from_the_words_around_it():
    # a MathML formula with display="block" stands apart like MathJax's mode=display: its words
    # are never glued to the text before and after it
    from narrator.config import ParseConfig
    from narrator.parse import parse_html

    for markup in (b'<p>Let<math display="block"><mi>y</mi></math>be real.</p>',
                   b'<p>Let<script type="math/tex; mode=display">y</script>be real.</p>'):
        doc = parse_html(markup, "a.html", ParseConfig())
        assert [b.text for c in doc.chapters for b in c.blocks] == ["Let y be real."]
    doc = parse_html(b'<p>Let<math display="inline"><mi>y</mi></math>be.</p>', "a.html", ParseConfig())
    assert [b.text for c in doc.chapters for b in c.blocks] == ["Letybe."]
