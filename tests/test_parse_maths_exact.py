"""Formulas in the input (parse/maths.py): the TeX found between delimiters, in attributes, in
image alt text and LaTeX2HTML comments, and made from presentation MathML, exactly, on small
hand-written inputs."""

from __future__ import annotations


from helpers import first_element
from narrator.parse.maths import (SYMBOL_FONT, bare_tex, comment_tex, find_tex, formula_of, is_symbol_font,
                                  mathml_string_to_tex, mathml_to_tex, tex_alt)


def _mml(inner: str, attrs: str = "") -> str | None:
    return mathml_to_tex(first_element(f"<math{attrs}>{inner}</math>"))


def _tex(text: str) -> list[str]:
    return [t for _s, _e, t in find_tex(text)]


# -- TeX in text -----------------------------------------------------------------------------

def test_each_kind_of_delimiter_gives_its_tex_and_place():
    text = "Let \\(x^2\\) be."
    assert find_tex(text) == [(4, 11, "x^2")]
    assert find_tex("A \\[ a+b \\] B") == [(2, 11, "a+b")]
    assert find_tex("$$y$$") == [(0, 5, "y")]
    assert find_tex("[mathjaxinline]z[/mathjaxinline] and [mathjax]w[/mathjax]") == [
        (0, 32, "z"), (37, 57, "w")]
    assert find_tex("so $x$ here") == [(3, 6, "x")]


def test_environments_commands_and_references_typed_without_delimiters():
    env = "\\begin{equation}E=mc^2\\end{equation}"
    assert find_tex(f"see {env}.") == [(4, 4 + len(env), env)]
    assert _tex("\\begin{align*}a&=b\\end{align*}") == ["\\begin{align*}a&=b\\end{align*}"]
    assert _tex("\\begin{pmatrix}1\\end{pmatrix}") == ["\\begin{pmatrix}1\\end{pmatrix}"]
    assert _tex("\\begin{align*}a\\end{align}") == []  # the star must match
    assert _tex("half is \\frac{1}{2} here") == ["\\frac{1}{2}"]
    assert _tex("\\dfrac{a}{b}^2 and \\binom{n}{k}_{i}") == ["\\dfrac{a}{b}^2", "\\binom{n}{k}_{i}"]
    assert _tex("root \\sqrt[3]{x} and \\sqrt{y}") == ["\\sqrt[3]{x}", "\\sqrt{y}"]
    assert _tex("in \\eqref{eq:1} and \\ref{fig}") == ["\\eqref{eq:1}", "\\ref{fig}"]
    assert _tex("word\\frac{1}{2} here") == []  # inside a word: no formula of its own


def test_single_dollars_are_money_unless_they_hug_a_formula():
    assert _tex("It costs $5 and $10.") == []
    assert _tex("$5$") == []
    assert _tex("$1,000.50$") == []
    assert _tex("a$b$") == []
    assert _tex("$ x$ and $x $") == []
    assert _tex("$x$5") == []
    assert _tex("$x$$") == []
    assert _tex("$x$, $y_1$") == ["x", "y_1"]
    assert _tex("$a\\$") == []
    assert _tex("$" + "a" * 300 + "$") == ["a" * 300]
    assert _tex("$" + "a" * 301 + "$") == []
    assert _tex("$a\nb$") == []


def test_empty_formulas_are_dropped_and_text_without_any_sign_has_none():
    assert find_tex("\\( \\) and $$ $$") == []
    assert find_tex("plain words, nothing else") == []


def test_a_text_that_is_nothing_but_tex_is_one_formula():
    assert find_tex("  \\alpha + \\beta  ") == [(2, 16, "\\alpha + \\beta")]
    assert find_tex("x^2") == [(0, 3, "x^2")]
    assert find_tex("{k}") == [(0, 3, "{k}")]
    assert find_tex("a_i") == [(0, 3, "a_i")]


def test_bare_tex_is_commands_or_scripts_and_no_word_outside_them():
    assert bare_tex("\\lambda_i > 0")
    assert bare_tex(" {k} ")
    assert bare_tex("\\text{speed} = d/t")
    assert bare_tex("\\operatorname{\\widehat{height}} = 2")
    assert bare_tex("x_{\\rm max}")
    assert bare_tex("f(x)^2")
    assert bare_tex("a^{2}")
    assert not bare_tex("{kk}")
    assert not bare_tex("")
    assert not bare_tex("the \\cssId macro")
    assert not bare_tex("snake_case")
    assert not bare_tex("x^2 + 面积")
    assert not bare_tex("https://a.b/\\cd_e")
    assert not bare_tex("C:\\Users\\x_y")
    assert not bare_tex("\\alpha" * 334)  # over 2,000 characters
    assert bare_tex("\\alpha" * 333 + "xy")  # 2,000
    assert not bare_tex("x ^ 2")
    assert not bare_tex("just words")


def test_latex2html_comments_give_their_formula_without_delimiters():
    assert comment_tex(" MATH\n $x^2$\n ") == "x^2"
    assert comment_tex("MATH \\(a\\)") == "a"
    assert comment_tex("MATH x+1") == "x+1"
    assert comment_tex("MATH \\(a\\) and \\(b\\)") == "\\(a\\) and \\(b\\)"
    assert comment_tex("MATH \\begin{displaymath}\n x \n\\end{displaymath}") == "x"
    assert comment_tex("MATH \\begin{math}y\\end{math}") == "y"
    assert comment_tex("MATH \\begin{equation}z\\end{equation}") == "\\begin{equation}z\\end{equation}"
    assert comment_tex("MATH $$w$$") == "w"
    assert comment_tex("MATH a $b$") == "a $b$"
    assert comment_tex("MATH  ") is None


# -- formulas in attributes and images --------------------------------------------------------

def _formula_of(markup: str, classes: list[str] | None = None) -> str | None:
    node = first_element(markup)
    return formula_of(node, node.name, classes if classes is not None else list(node.get("class") or ()))


def test_editor_formula_elements_give_the_tex_of_their_attribute():
    assert _formula_of('<tiny-math-inline formula="x+1"></tiny-math-inline>') == "x+1"
    assert _formula_of('<tiny-math-block data-formula="y"></tiny-math-block>') == "y"
    assert _formula_of('<tiny-math-block data-latex="q"></tiny-math-block>') is None
    assert _formula_of('<span class="ql-formula" data-value=" e^x "></span>') == "e^x"
    assert _formula_of('<span data-value="e^x"></span>') is None
    assert _formula_of('<span data-latex="\\(x^2\\)"></span>') == "x^2"
    assert _formula_of('<span data-tex="a"></span>') == "a"
    assert _formula_of('<span data-latex="\\(a\\) + \\(b\\)"></span>') == "\\(a\\) + \\(b\\)"
    assert _formula_of('<span data-latex="x $y$"></span>') == "x $y$"
    assert _formula_of('<span data-latex=" "></span>') is None
    assert _formula_of("<span></span>") is None


def test_mathml_kept_in_an_attribute_is_converted():
    assert _formula_of('<span data-mathml="&lt;math&gt;&lt;mi&gt;q&lt;/mi&gt;&lt;/math&gt;"></span>') == "q"
    wiris = '<img data-mathml="«math xmlns=¨http://www.w3.org/1998/Math/MathML¨»«mi»r«/mi»«/math»">'
    assert _formula_of(wiris) == "r"
    assert tex_alt(first_element(wiris)) == "r"
    assert _formula_of('<span data-mathml="x + y"></span>') is None
    assert mathml_string_to_tex("<p>no formula</p>") is None
    assert mathml_string_to_tex("<math><mn>1</mn></math>") == "1"


def _alt(alt: str, attrs: str = "") -> str | None:
    return tex_alt(first_element(f'<img alt="{alt}"{attrs}>'))


def test_formula_images_by_alt_text_that_can_only_be_tex():
    assert _alt("$x^2$") == "x^2"
    assert _alt(" \\alpha ") == "\\alpha"
    assert _alt("\\alpha is small") == "\\alpha is small"
    assert _alt("x^2") == "x^2"  # bare TeX
    assert _alt("x^2 with words") is None  # a script and words: only a formula image says it is one
    assert _alt("x^2 with words", ' class="latex"') == "x^2 with words"
    assert _alt("x^2 with words", ' src="https://latex.codecogs.com/png.latex?x^2"') == "x^2 with words"
    assert tex_alt(first_element("<img>")) is None
    assert _alt("  ") is None
    assert _alt("IMG_2041.JPG") is None
    assert _alt("x^2.png", ' class="latex"') is None


def test_a_formula_renderers_image_may_give_its_formula_in_plain_letters():
    assert _alt("v,w", ' src="/formula/12.png"') == "v,w"
    assert _alt("v,w", ' class="MathImage"') == "v,w"
    assert _alt("v,w") is None
    assert _alt("Students at work", ' class="equation"') is None
    assert _alt("a," * 40, ' class="tex"') == "a," * 40
    assert _alt("a," * 40 + "b", ' class="tex"') is None
    assert _alt("v,w", ' src="/texture.png"') is None


# -- MathML ----------------------------------------------------------------------------------

def test_alttext_and_tex_annotations_come_first():
    assert _mml("<mi>x</mi>", ' alttext=" x^2 "') == "x^2"
    assert _mml('<semantics><mi>x</mi><annotation encoding="application/x-tex"> y^3 </annotation></semantics>') == "y^3"
    assert _mml('<semantics><mi>x</mi><annotation encoding="TeX">z</annotation></semantics>') == "z"
    assert _mml('<semantics><mi>x</mi><annotation encoding="LaTeX">w</annotation></semantics>') == "w"
    # "text/..." holds the letters t-e-x but names no TeX: plain text and AsciiMath are not TeX
    assert _mml('<semantics><mi>x</mi><annotation encoding="text/plain">p</annotation></semantics>') == "x"
    assert _mml('<semantics><mi>x</mi><annotation encoding="text/x-asciimath">sqrt x</annotation>'
                '</semantics>') == "x"
    assert _mml('<semantics><mi>x</mi><annotation encoding="application/x-tex"> </annotation></semantics>') == "x"
    assert _mml("", ' alttext=" "') is None


def test_tokens():
    assert _mml("<mi>x</mi><mo>+</mo><mn>12</mn>") == "x+12"
    assert _mml("<mi>sin</mi><mi>x</mi>") == "\\sin x"
    assert _mml("<mi>ab</mi>") == "ab"
    assert _mml("<mi>x1</mi>") == "\\text{x1}"
    assert _mml("<mtext> if  x </mtext>") == "\\text{if x}"
    assert _mml("<ms>s</ms>") == "\\text{s}"
    assert _mml("<mo>{</mo><mi>a</mi><mo>}</mo>") == "\\{a\\}"
    assert _mml("<mi>f</mi><mo>\u2061</mo><mi>a</mi><mo>\u2062</mo><mi>b</mi><mo>\u2063</mo><mi>c</mi>") == "fab,c"
    assert _mml("<mi>a</mi><mspace></mspace><mi>b</mi>") == "a b"
    assert _mml("<mi>a</mi><mphantom><mi>b</mi></mphantom><none></none><mprescripts></mprescripts>") == "a"
    assert _mml("<semantics></semantics>") is None
    assert _mml("<semantics><mi>a</mi><mi>b</mi></semantics>") == "a"


def test_scripts_fractions_and_roots():
    assert _mml("<msup><mi>x</mi><mn>2</mn></msup>") == "{x}^{2}"
    assert _mml("<msub><mi>x</mi><mi>i</mi></msub>") == "{x}_{i}"
    assert _mml("<msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup>") == "{x}_{i}^{2}"
    assert _mml("<msup><mi>x</mi></msup>") == "{x}^{}"
    assert _mml("<mfrac><mi>a</mi><mi>b</mi></mfrac>") == "\\frac{a}{b}"
    for thick in ("0", "0px", "0pt"):
        assert _mml(f'<mfrac linethickness="{thick}"><mi>n</mi><mi>k</mi></mfrac>') == "\\binom{n}{k}"
    assert _mml('<mfrac linethickness="2px"><mi>n</mi><mi>k</mi></mfrac>') == "\\frac{n}{k}"
    assert _mml("<msqrt><mi>x</mi><mo>+</mo><mn>1</mn></msqrt>") == "\\sqrt{x+1}"
    assert _mml("<mroot><mi>x</mi><mn>3</mn></mroot>") == "\\sqrt[3]{x}"
    assert _mml("<mroot><mi>x</mi></mroot>") == "\\sqrt[]{x}"


def test_big_operators_take_their_ranges():
    assert _mml("<msub><mo>∑</mo><mi>j</mi></msub>") == "\\sum_{j}"
    assert _mml("<msup><mo>∏</mo><mi>n</mi></msup>") == "\\prod^{n}"
    assert _mml("<msubsup><mo>∫</mo><mn>0</mn><mn>1</mn></msubsup>") == "\\int_{0}^{1}"
    assert _mml("<msub><mo>∮</mo></msub>") == "\\oint"
    assert _mml("<msub><mi>lim</mi><mi>x</mi></msub>") == "\\lim_{x}"
    assert _mml("<munderover><mo>∑</mo><mi>i</mi><mi>n</mi></munderover>") == "\\sum_{i}^{n}"
    assert _mml("<munder><mo>max</mo><mi>k</mi></munder>") == "\\max_{k}"
    assert _mml("<mover><mo>min</mo><mi>k</mi></mover>") == "\\min^{k}"
    assert _mml("<munder><mo>∑</mo></munder>") == "\\sum"


def test_accents_and_under_over_scripts():
    assert _mml("<mover><mi>x</mi><mo>¯</mo></mover>") == "\\overline{x}"
    assert _mml("<mover><mi>v</mi><mo>→</mo></mover>") == "\\vec{v}"
    assert _mml("<mover><mi>a</mi><mo>^</mo></mover>") == "\\hat{a}"
    assert _mml("<mover><mi>a</mi><mo>˙</mo></mover>") == "\\dot{a}"
    assert _mml("<mover><mi>a</mi><mo>~</mo></mover>") == "\\tilde{a}"
    assert _mml("<mover><mi>x</mi><mi>y</mi></mover>") == "{x}^{y}"
    assert _mml("<mover><mi>x</mi></mover>") == "{x}_{}^{}"
    assert _mml("<munder><mi>x</mi><mi>y</mi></munder>") == "{x}_{y}"
    assert _mml("<munderover><mi>x</mi><mi>a</mi><mi>b</mi></munderover>") == "{x}_{a}^{b}"


def test_fences_and_tables():
    assert _mml("<mfenced><mi>a</mi><mi>b</mi></mfenced>") == "(a,b)"
    assert _mml('<mfenced open="[" close="]" separators=" ;|"><mi>a</mi><mi>b</mi></mfenced>') == "[a;b]"
    assert _mml('<mfenced separators=" "><mi>a</mi><mi>b</mi></mfenced>') == "(a,b)"
    table = "<mtable><mtr><mtd><mn>1</mn></mtd><mtd><mn>2</mn></mtd></mtr><mtr><mtd><mn>3</mn></mtd></mtr></mtable>"
    assert _mml(table) == "\\begin{matrix}1 & 2 \\\\ 3\\end{matrix}"
    assert _mml("<mtable><mlabeledtr><mtd><mn>1</mn></mtd></mlabeledtr><mn>5</mn></mtable>") == (
        "\\begin{matrix}1 \\\\ 5\\end{matrix}")


def test_rows_and_other_containers_give_their_children_or_their_text():
    assert _mml("<mrow><mstyle><mi>a</mi></mstyle><menclose><mi>b</mi></menclose></mrow>") == "ab"
    assert _mml("<merror>bad  input</merror>") == "bad input"
    assert mathml_to_tex(first_element("<m:math><m:mi>x</m:mi><m:mo>=</m:mo><m:mn>1</m:mn></m:math>")) == "x=1"


def test_very_deep_mathml_turns_to_plain_text():
    deep = "<mrow>" * 120 + "<mi>x</mi><mo>+</mo><mi>y</mi>" + "</mrow>" * 120
    assert _mml(deep) == "x+y"
    deep = "<mrow>" * 120 + "<msup><mi>x</mi><mn>2</mn></msup>" + "</mrow>" * 120
    assert _mml(deep) == "x2"
    shallow = "<mrow>" * 90 + "<msup><mi>x</mi><mn>2</mn></msup>" + "</mrow>" * 90
    assert _mml(shallow) == "{x}^{2}"


# -- Word's Symbol font ----------------------------------------------------------------------

def test_symbol_font_runs_by_their_style():
    assert is_symbol_font("font-family:symbol")
    assert is_symbol_font("color:red;font-family:'symbol';")
    assert is_symbol_font('font-family:"symbol",serif')
    assert is_symbol_font("mso-char-type:symbol")
    assert not is_symbol_font("font-family:symbolic")
    assert not is_symbol_font("font-family:arial")
    assert not is_symbol_font("xfont-family:symbol")


def test_symbol_font_text_becomes_what_the_reader_sees():
    assert "p = 2pr".translate(SYMBOL_FONT) == "π = 2πρ"
    assert "\uf070\uf0d0A".translate(SYMBOL_FONT) == "π∠Α"
    assert "\xb3 \xb9 \xd6".translate(SYMBOL_FONT) == "≥ ≠ √"


def test_bare_tex_limits_addresses_and_paths():
    assert bare_tex("{K}")
    assert not bare_tex("\\alpha" * 333 + "xyz")  # 2,001 characters
    assert not bare_tex("ftp://x.y/\\cd_e")
    assert not bare_tex("c:\\ab\\cd_e")
    assert not bare_tex("C:\\ab\\cd_e")
    assert bare_tex("\\ab\\cd_e")


def test_a_comment_without_a_break_after_math():
    assert comment_tex("MATH$x$") == "x"


def _nested(kind: str, levels: int) -> str:
    """``levels`` elements of ``kind``, each holding the next, around a fraction: the fraction
    is at depth ``levels + 1`` below <math>."""
    inner = "<mfrac><mi>a</mi><mi>b</mi></mfrac>"
    open_, close = {"mrow": ("<mrow>", "</mrow>"), "semantics": ("<semantics>", "</semantics>"),
                    "msup": ("<msup>", "<mn>2</mn></msup>"), "limit": ("<msub><mo>∑</mo>", "</msub>"),
                    "under": ("<munder><mo>∑</mo>", "</munder>"), "sqrt": ("<msqrt>", "</msqrt>"),
                    "root": ("<mroot><mi>x</mi>", "</mroot>"), "fenced": ("<mfenced>", "</mfenced>")}[kind]
    return open_ * levels + inner + close * levels


def test_mathml_deeper_than_a_hundred_levels_is_read_as_plain_text_on_every_path():
    for kind in ("mrow", "semantics", "msup", "limit", "under", "sqrt", "root", "fenced"):
        assert "\\frac{a}{b}" in (_mml(_nested(kind, 99)) or ""), kind  # the fraction at depth 100
        deep = _mml(_nested(kind, 100)) or ""  # at depth 101: its text
        assert "\\frac" not in deep and "ab" in deep, kind


def test_plain_text_of_deep_mathml_keeps_its_spaces():
    deep = "<mrow>" * 120 + "<mtext>one two</mtext>" + "</mrow>" * 120
    assert _mml(deep) == "one two"


def test_annotations_outside_semantics_are_not_read():
    assert _mml("<mrow><mi>x</mi><annotation>junk</annotation>"
                "<annotation-xml><mi>y</mi></annotation-xml></mrow>") == "x"


def test_prefixed_mathml_elements_are_known_by_their_local_name():
    assert mathml_to_tex(first_element("<m:math><m:msup><m:mi>x</m:mi><m:mn>2</m:mn></m:msup></m:math>")) == "{x}^{2}"


def test_a_one_character_identifier_is_never_text():
    assert _mml("<mi>∞</mi>") == "∞"
    assert _mml("<mi>1</mi>") == "1"


def test_a_big_operator_opening_a_row_is_no_operator_with_limits():
    assert _mml("<mrow><mo>∑</mo><mi>i</mi></mrow>") == "∑i"


def test_deep_tables_of_mathml_are_read_as_plain_text_past_a_hundred_levels():
    inner = "<mfrac><mi>a</mi><mi>b</mi></mfrac>"
    cell, end = "<mtable><mtr><mtd>", "</mtd></mtr></mtable>"
    # each table and its cell are two levels: the fraction at depth 100, then at 101
    assert "\\frac{a}{b}" in (_mml("<mrow>" + cell * 49 + inner + end * 49 + "</mrow>") or "")
    deep = _mml(cell * 50 + inner + end * 50) or ""
    assert "\\frac" not in deep and "ab" in deep


def test_annotation_xml_is_markup_never_tex_whatever_its_encoding():
    assert _mml('<semantics><mi>x</mi><annotation-xml encoding="application/x-latex"><mi>y</mi>'
                "</annotation-xml></semantics>") == "x"


def test_a_formula_images_mathml_attribute():
    assert tex_alt(first_element('<img data-mathml="&lt;math&gt;&lt;mi&gt;q&lt;/mi&gt;&lt;/math&gt;" alt="picture">')) == "q"


def test_words_in_capitals_are_words_too():
    assert not bare_tex("x_{ABCD}")
    assert _alt("ABCD", ' class="latex"') is None
    assert _alt("\\DELTA with words") == "\\DELTA with words"
