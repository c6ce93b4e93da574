"""The walk of an editor's DOM, exactly (narrator/parse/html.py): each small input gives the
blocks (kind, text, runs, source path, context, list numbers, images, pages) and the skip report
entries (source, what, reason, size) a listener or the dry run would see.

The walk is called directly (no chapters, no language detection), so every expected value is the
walk's own and is worked out from the markup by hand.
"""

from __future__ import annotations

from typing import Any

import pytest

from narrator.config import ParseConfig
from narrator.parse.html import BLANK, PAGEBREAK, Walker, has_html, parse_soup
from narrator.values import Block, Run, Skipped


def walk(markup: str, **cfg: Any) -> tuple[list[Block], list[Skipped]]:
    soup = parse_soup(markup)
    walker = Walker(ParseConfig(**cfg))
    return walker.walk(soup.body or soup), walker.skipped


def texts(markup: str, **cfg: Any) -> list[str]:
    return [b.text for b in walk(markup, **cfg)[0]]


P1 = "body > p:nth-of-type(1)"


# -- images ------------------------------------------------------------------------------------

def test_an_image_alt_is_read_between_spaces_and_its_src_shown_with_the_block() -> None:
    blocks, skipped = walk('<p>See<img src=" cat.png " alt="A cat">here.</p>')
    assert [(b.text, b.images) for b in blocks] == [("See A cat here.", ("cat.png",))]
    assert skipped == []


def test_a_file_name_alt_is_reported_not_read() -> None:
    blocks, skipped = walk('<p>A <img id="f" src="x.png" alt=" IMG_2041.JPG "> b</p>'
                           '<p>c <img src="y.png" alt="photo.jpg"></p>')
    assert [(b.text, b.images) for b in blocks] == [("A b", ("x.png",)), ("c", ("y.png",))]
    assert skipped == [
        Skipped("#f", "image without alt text", "its alt text is only a file name", 12),
        Skipped("body > p:nth-of-type(2) > img:nth-of-type(1)", "image without alt text",
                "its alt text is only a file name", 9)]


def test_an_alt_in_a_heading_is_reported_not_read() -> None:
    blocks, skipped = walk('<h2>Title <img src="i.png" alt=" Logo "></h2>')
    assert [(b.kind, b.text, b.images) for b in blocks] == [("heading", "Title", ("i.png",))]
    assert skipped == [Skipped("body > h2:nth-of-type(1) > img:nth-of-type(1)", "image in a heading",
                               "its alt text is not part of the heading", 4)]


def test_images_without_alt_are_reported_decorative_ones_are_not() -> None:
    blocks, skipped = walk('<p><img src="n.png">Text<img alt="   " src="s.png"><img alt="" src="d.png"></p>')
    assert [(b.text, b.images) for b in blocks] == [("Text", ("n.png", "s.png", "d.png"))]
    assert skipped == [Skipped(P1 + " > img:nth-of-type(1)", "image without alt text", "no alt text to read")]


def test_with_read_alt_off_alts_are_reported_and_an_image_alone_is_shown() -> None:
    blocks, skipped = walk('<p>a <img alt="A cat" src="c.png"> b</p><p><img src=" "></p><p><img src="d.png"></p>',
                           read_alt=False)
    assert [(b.kind, b.text, b.images) for b in blocks] == [
        ("paragraph", "a b", ("c.png",)), ("paragraph", "", ("d.png",))]
    assert skipped == [
        Skipped(P1 + " > img:nth-of-type(1)", "image without alt text", "read_alt is off"),
        Skipped("body > p:nth-of-type(2) > img:nth-of-type(1)", "image without alt text", "read_alt is off"),
        Skipped("body > p:nth-of-type(3) > img:nth-of-type(1)", "image without alt text", "read_alt is off")]


def test_a_deep_image_source_keeps_eight_steps() -> None:
    markup = "<div>" * 10 + '<p>deep <img src="z.png">text</p>' + "</div>" * 10
    _, skipped = walk(markup)
    assert [s.source for s in skipped] == [" > ".join(["div:nth-of-type(1)"] * 6 + ["p:nth-of-type(1)",
                                                                                    "img:nth-of-type(1)"])]


def test_pictures_inside_a_credit_line_are_still_shown() -> None:
    blocks, skipped = walk('<p>Credit line <span class="credit">Photo: Jane Doe <img src=" j.png "></span></p>')
    assert [(b.text, b.images) for b in blocks] == [("Credit line", ("j.png",))]
    assert [(s.source, s.what, s.chars) for s in skipped] == [(P1 + " > span:nth-of-type(1)", "image credit", 15)]


# -- formula images ----------------------------------------------------------------------------

def test_a_formula_image_is_read_as_its_formula_apart_from_the_words() -> None:
    blocks, _ = walk('<p>Area<img alt="\\pi r^2" src="a.png" class="latex">here.</p>')
    assert blocks[0].runs == (Run("Area "), Run("πr²", frozenset({"math"}), math="\\pi r^2"), Run(" here."))
    assert blocks[0].images == ()  # a formula is not a picture to show


def test_latex2html_comment_gives_the_whole_formula_of_the_next_image_only() -> None:
    blocks, skipped = walk('<p>E <!-- MATH $x^2$ --><img alt="x" src="1.png"> and <img alt="A cat" src="c.png"></p>')
    assert blocks[0].runs == (Run("E "), Run("x²", frozenset({"math"}), math="x^2"), Run(" and A cat"))
    assert blocks[0].images == ("c.png",)
    assert skipped == []


def test_latex2html_comment_is_forgotten_when_words_come_before_an_image() -> None:
    blocks, _ = walk('<p>E <!-- MATH $x^2$ --> so <img alt="A cat" src="c.png"></p>')
    assert blocks[0].runs == (Run("E so A cat"),)
    # spaces alone between the comment and its image do not part them
    blocks, _ = walk('<p>E <!-- MATH $x^2$ -->  <img alt="y" src="c.png"></p>')
    assert blocks[0].runs == (Run("E "), Run("x²", frozenset({"math"}), math="x^2"))


# -- page breaks and rules ---------------------------------------------------------------------

def test_page_breaks_from_a_br_a_comment_and_block_styles() -> None:
    blocks, _ = walk('<p>One<br style="page-break-before:always">Two</p>')
    assert [(b.kind, b.text, b.source, b.context) for b in blocks] == [
        ("paragraph", "One", P1, frozenset()), ("break", "", P1, frozenset({PAGEBREAK})),
        ("paragraph", "Two", P1, frozenset())]
    blocks, _ = walk("<p>A</p><!--  PageBreak  --><p>B</p>")
    assert [(b.kind, b.source) for b in blocks] == [
        ("paragraph", P1), ("break", "body"), ("paragraph", "body > p:nth-of-type(2)")]
    blocks, _ = walk('<div style="page-break-after: always"><p>X</p></div><p>Y</p>')
    assert [(b.kind, b.text) for b in blocks] == [("paragraph", "X"), ("break", ""), ("paragraph", "Y")]
    blocks, _ = walk('<p>W</p><div class="page-break" style="page-break-after:always"></div><p>Z</p>')
    assert [(b.kind, b.text) for b in blocks] == [("paragraph", "W"), ("break", ""), ("paragraph", "Z")]


def test_a_rule_is_a_plain_break_with_the_context_around_it() -> None:
    blocks, _ = walk('<blockquote><p>q</p><hr><p>r</p></blockquote>')
    assert [(b.kind, b.text, b.source, b.context) for b in blocks] == [
        ("quote", "q", "body > blockquote:nth-of-type(1) > p:nth-of-type(1)", frozenset({"blockquote"})),
        ("break", "", "body > blockquote:nth-of-type(1) > hr:nth-of-type(1)", frozenset({"blockquote"})),
        ("quote", "r", "body > blockquote:nth-of-type(1) > p:nth-of-type(2)", frozenset({"blockquote"}))]


# -- what is not read --------------------------------------------------------------------------

def test_template_syntax_is_taken_out_and_each_piece_reported() -> None:
    blocks, skipped = walk("<p>Hello {{ name }}, welcome <% code %> in ${place}.</p>")
    assert texts("<p>Hello {{ name }}, welcome <% code %> in ${place}.</p>") == ["Hello, welcome in."]
    assert skipped == [Skipped(P1, "template markup", "template syntax is filled in by a program", n)
                       for n in (10, 10, 8)]


def test_a_code_block_is_reported_with_its_lines() -> None:
    blocks, skipped = walk("<pre>\nline1\nline2\n</pre><p>after</p>")
    assert [b.text for b in blocks] == ["after"]
    assert skipped == [Skipped("body > pre:nth-of-type(1)", "code block", "code is not read (read_code)", 11, 2)]


def test_inputs_are_blanks_to_fill_in_or_reported_controls() -> None:
    blocks, skipped = walk('<p>Fill: <input type="text"> and <input type="checkbox"> <input id="q"></p>')
    assert [b.text for b in blocks] == [f"Fill: {BLANK} and {BLANK}"]
    assert skipped == [Skipped(P1 + " > input:nth-of-type(2)", "form control",
                               "a checkbox input is a control, not lesson text")]


def test_reported_tags_name_what_they_are_and_empty_ones_are_not_reported() -> None:
    _, skipped = walk('<p>a</p><nav><a href="/">Home</a></nav><video src="v.mp4"></video>'
                      '<svg></svg><svg><text>Label</text></svg><button>Go</button><script>x=1</script>')
    assert skipped == [
        Skipped("body > nav:nth-of-type(1)", "page navigation", "navigation links", 4),
        Skipped("body > video:nth-of-type(1)", "video", "audio and video cannot be narrated", 0),
        Skipped("body > svg:nth-of-type(2)", "drawing", "a drawing", 5),
        Skipped("body > button:nth-of-type(1)", "form control", "a control label, not lesson text", 2)]


def test_hidden_and_struck_text_is_reported_empty_wrappers_are_not() -> None:
    blocks, skipped = walk('<p>Keep <span style="display: none">secret words</span><span hidden></span>'
                           '<s>old price</s><del></del> this.</p>')
    assert [b.text for b in blocks] == ["Keep this."]
    assert skipped == [
        Skipped(P1 + " > span:nth-of-type(1)", "hidden element", "hidden in the page", 12),
        Skipped(P1 + " > s:nth-of-type(1)", "struck-through text", "struck through: deleted text", 9)]


# -- lists, quotes, captions, Word lists -------------------------------------------------------

def test_list_items_are_numbered_from_start_and_value() -> None:
    blocks, _ = walk('<ol start="3"><li>a</li><li value="7">b</li><li>c</li></ol>'
                     '<ul><li>x<ul><li>y</li></ul></li></ul><ol start="0"><li>z</li></ol>')
    ol = "body > ol:nth-of-type(1) > li:nth-of-type({})"
    assert [(b.kind, b.text, b.level, b.ordered, b.item, b.source) for b in blocks] == [
        ("item", "a", 1, True, 3, ol.format(1)), ("item", "b", 1, True, 7, ol.format(2)),
        ("item", "c", 1, True, 8, ol.format(3)),
        ("item", "x", 1, False, 1, "body > ul:nth-of-type(1) > li:nth-of-type(1)"),
        ("item", "y", 2, False, 1, "body > ul:nth-of-type(1) > li:nth-of-type(1) > ul:nth-of-type(1) > li:nth-of-type(1)"),
        ("item", "z", 1, True, 1, "body > ol:nth-of-type(2) > li:nth-of-type(1)")]


def test_paragraphs_of_one_item_share_its_number() -> None:
    blocks, _ = walk("<ol><li><p>first</p><p>second</p></li><li>third</li></ol>")
    assert [(b.kind, b.text, b.ordered, b.item, b.context) for b in blocks] == [
        ("item", "first", True, 1, frozenset({"li"})), ("item", "second", True, 1, frozenset({"li"})),
        ("item", "third", True, 2, frozenset({"li"}))]


def test_quotes_figures_captions_and_word_fake_lists() -> None:
    blocks, _ = walk('<blockquote><p>q</p></blockquote><figure><img src="f.png" alt="Fig">'
                     '<figcaption>Cap</figcaption></figure><p style="mso-list:l0 level2 lfo1">Word item</p>'
                     '<table><caption>Tab</caption><tr><td>v</td></tr></table>')
    assert [(b.kind, b.text, b.level, b.context) for b in blocks] == [
        ("quote", "q", 0, frozenset({"blockquote"})), ("paragraph", "Fig", 0, frozenset({"figure"})),
        ("caption", "Cap", 0, frozenset({"figure", "figcaption"})), ("item", "Word item", 2, frozenset({"li"})),
        ("caption", "Tab", 0, frozenset({"table", "caption"})), ("cell", "v", 0, frozenset({"table"}))]


# -- context, voice, emotion, language ---------------------------------------------------------

def test_a_blocks_context_emotion_language_and_nearest_voice() -> None:
    blocks, _ = walk('<div data-emotion="happy" lang="fr" class="mceX box" data-voice="teacher">'
                     '<p data-voice=" narrator ">Salut</p><p>Encore <span data-voice="child">moi</span></p></div>')
    assert [(b.text, b.context, b.emotion, b.lang) for b in blocks] == [
        ("Salut", frozenset({".box", "voice:narrator"}), "happy", "fr"),
        ("Encore moi", frozenset({".box", "voice:teacher"}), "happy", "fr")]
    assert blocks[1].runs == (Run("Encore "),
                              Run("moi", frozenset({"voice:child"})))


def test_a_data_voice_name_is_cut_to_forty_characters() -> None:
    blocks, _ = walk(f'<p data-voice="{"v" * 50}">x</p>')
    assert blocks[0].context == frozenset({"voice:" + "v" * 40})


def test_context_takes_at_most_sixty_four_class_names() -> None:
    markup = "".join(f'<div class="c{i}">' for i in range(70)) + "<p>deep</p>" + "</div>" * 70
    blocks, _ = walk(markup)
    assert blocks[0].context == frozenset(f".c{i}" for i in range(64))


# -- text --------------------------------------------------------------------------------------

def test_dot_leaders_become_a_comma_and_a_symbol_font_letter_its_symbol() -> None:
    assert texts('<p>Contents ........ 5</p><p>Index ……… 9</p><p>Lists ······ 12</p>'
                 '<p><span style="font-family:Symbol">p</span> r</p>') == [
        "Contents, 5", "Index, 9", "Lists, 12", "π r"]


def test_tex_in_text_becomes_formula_runs_but_not_in_code() -> None:
    blocks, _ = walk("<p>So $x^2$ grows and <code>$y$</code> not.</p>")
    assert blocks[0].runs == (Run("So "), Run("x²", frozenset({"math"}), math="x^2"), Run(" grows and "),
                              Run("$y$", frozenset({"code"})), Run(" not."))


def test_nested_blocks_split_text_in_reading_order() -> None:
    blocks, _ = walk("<div>text <div>more</div> tail</div>")
    assert [(b.text, b.source) for b in blocks] == [
        ("text", "body > div:nth-of-type(1)"), ("more", "body > div:nth-of-type(1) > div:nth-of-type(1)"),
        ("tail", "body > div:nth-of-type(1)")]


def test_tables_rows_are_cells_with_their_spans() -> None:
    blocks, _ = walk("<hr><table><tr><td>a</td><td>b</td></tr></table>")
    assert [(b.kind, b.text, b.source, b.cells) for b in blocks] == [
        ("break", "", "body > hr:nth-of-type(1)", ()),
        ("cell", "a; b", "body > table:nth-of-type(1) > tr:nth-of-type(1)", ((0, 0, 1), (3, 3, 4)))]


def test_has_html_finds_markup_in_an_editors_text() -> None:
    assert has_html("<p>Hi</p>") and has_html("x < BR >") and has_html("<h3 class=a>")
    assert not has_html("x < 3 and y > 2") and not has_html("<pre>")


# -- tables not read ---------------------------------------------------------------------------

def test_a_table_not_read_is_one_block_that_announces_it_and_one_skip_entry() -> None:
    table = "<table><tr><th>Name</th><th>Age</th></tr><tr><td>Ann</td><td>31</td></tr><tr><td>Bob</td><td>42</td></tr></table>"
    blocks, skipped = walk("<blockquote><p>Intro</p>" + table + "</blockquote>", read_tables=False)
    source = "body > blockquote:nth-of-type(1) > table:nth-of-type(1)"
    assert [(b.kind, b.text, b.source, b.context) for b in blocks] == [
        ("quote", "Intro", "body > blockquote:nth-of-type(1) > p:nth-of-type(1)", frozenset({"blockquote"})),
        ("paragraph", "", source, frozenset({"blockquote", "announce-table", "announce-table:3"}))]
    assert skipped == [Skipped(source, "data table", "read_tables is off", 17, 3)]


def test_a_table_named_by_code_and_a_drawn_tree_are_announced_with_their_reasons() -> None:
    _, skipped = walk("<table><tr><th>Operator</th><th>Meaning</th></tr><tr><td><code>a += b</code></td>"
                      "<td>adds b to a</td></tr><tr><td><code>a -= b</code></td><td>takes b from a</td></tr>"
                      "<tr><td><code>f(x) * 2</code></td><td>doubles it</td></tr></table>")
    assert skipped == [Skipped("body > table:nth-of-type(1)", "data table",
                               "its rows are named by code, which is not read (read_code)", 70, 4)]
    blocks, skipped = walk("<table><tr><td>src</td></tr><tr><td>├── main.py</td></tr><tr><td>├── util.py</td></tr>"
                           "<tr><td>└── README.md</td></tr></table>")
    assert [(b.text, b.context) for b in blocks] == [
        ("", frozenset({"announce-table", "announce-table:4", "drawing:files"}))]
    assert [(s.what, s.chars, s.rows) for s in skipped] == [("drawing", 38, 4)]
    assert skipped[0].reason.startswith("a diagram drawn with line-drawing characters in table cells")


# -- elements the walk unwraps, reads as formulas or keeps as page numbers -----------------------

def test_word_namespaces_hold_text_shapes_do_not() -> None:
    assert texts("<p>Word<o:p> text</o:p><v:shape>shape words</v:shape> end</p>") == ["Word text end"]


def test_a_button_holding_blocks_is_read_as_those_blocks() -> None:
    blocks, skipped = walk("<button><p>Inside a button</p></button><button>Click</button>")
    assert [(b.text, b.source) for b in blocks] == [("Inside a button", P1)]
    assert skipped == [Skipped("body > button:nth-of-type(2)", "form control", "a control label, not lesson text", 5)]


def test_tex_scripts_and_formula_elements_are_formulas_previews_are_not_read() -> None:
    blocks, _ = walk('<p>So <script type="math/tex">x^2</script> and <span class="MathJax_Preview">x2</span>.</p>'
                     '<script type="math/tex; mode=display">y^2</script>'
                     '<p>x <tiny-math-inline formula="a^2">a2</tiny-math-inline> y</p>')
    assert [b.runs for b in blocks] == [
        (Run("So "), Run("x²", frozenset({"math"}), math="x^2"), Run(" and .")),
        (Run("y²", frozenset({"math"}), math="y^2"),),
        (Run("x "), Run("a²", frozenset({"math"}), math="a^2"), Run(" y"))]


def test_print_page_numbers_go_to_the_next_block() -> None:
    blocks, _ = walk('<p>A<span epub:type="pagebreak" title="12" id="p12"></span></p><p>B</p>'
                     '<span role="doc-pagebreak" aria-label="13"></span><p>C</p>')
    assert [(b.text, b.pages) for b in blocks] == [("A", ("12",)), ("B", ()), ("C", ("13",))]


def test_a_break_in_a_heading_is_a_space() -> None:
    blocks, _ = walk("<h2>Title<br>Sub</h2><h3>One<br><br>Two</h3>")
    assert [(b.kind, b.level, b.text) for b in blocks] == [("heading", 2, "Title Sub"), ("heading", 3, "One Two")]


def test_a_note_reference_marks_its_paragraph_and_the_note_keeps_its_ids() -> None:
    blocks, _ = walk('<p>Text<sup><a href="#fn1" id="r1">1</a></sup>.</p>'
                     '<ol class="footnotes"><li id="fn1">The note. <a href="#r1">↩</a></li></ol>')
    assert [(b.kind, b.text, b.context) for b in blocks] == [
        ("paragraph", "Text.", frozenset({"ref:fn1"})),
        ("item", "The note.", frozenset({"li", "notekey:1", "noteid:fn1", "note", ".footnotes"}))]


def test_with_read_code_a_pre_is_a_code_block_and_header_cells_label_a_row() -> None:
    blocks, skipped = walk('<pre>a = 1\nb = 2</pre><table><thead><tr><th>H1</th><th colspan="2">H2</th></tr></thead>'
                           "<tbody><tr><td>a</td><td>b</td><td>c</td></tr></tbody></table>", read_code=True)
    assert [(b.kind, b.text, b.context, b.cells) for b in blocks] == [
        ("code", "a = 1 b = 2", frozenset({"pre"}), ()),
        ("cell", "H1: a; H2: b; c", frozenset({"table"}), ((0, 4, 5), (7, 11, 12), (14, 14, 15)))]
    assert blocks[1].source == "body > table:nth-of-type(1) > tbody:nth-of-type(1) > tr:nth-of-type(1)"
    assert skipped == []


# -- rows, line groups and inherited values ----------------------------------------------------

def test_blocks_inside_a_cell_are_spaces_and_a_cells_picture_goes_with_its_row() -> None:
    blocks, _ = walk('<table><tr><th>Step</th><th>What</th></tr><tr><td>1</td><td><p>Mix</p><p>Stir</p></td></tr>'
                     '<tr><td>2</td><td><img src="x.png" alt="A bowl"> Bake</td></tr></table>')
    assert [(b.text, b.images, b.cells) for b in blocks] == [
        ("Step: 1; What: Mix Stir", (), ((0, 6, 7), (9, 15, 23))),
        ("Step: 2; What: A bowl Bake", ("x.png",), ((0, 6, 7), (9, 15, 26)))]


def test_kept_lines_are_blocks_of_their_own_and_the_picture_goes_with_the_first() -> None:
    blocks, _ = walk('<p><img src="a.png" alt="">Line one<br>Line two</p><p>Next</p>')
    assert [(b.text, b.source, b.images) for b in blocks] == [
        ("Line one", P1, ("a.png",)), ("Line two", P1, ()), ("Next", "body > p:nth-of-type(2)", ())]


def test_only_a_word_paragraph_with_a_list_style_is_an_item() -> None:
    blocks, _ = walk('<div style="mso-list:l0 level3 lfo1">Div item</div><p style="mso-list:l0 level3 lfo1">P item</p>')
    assert [(b.kind, b.level, b.context) for b in blocks] == [
        ("paragraph", 0, frozenset()), ("item", 3, frozenset({"li"}))]


def test_the_nearest_emotion_wins_and_text_around_a_nested_block_stays_in_its_item() -> None:
    blocks, _ = walk('<section data-emotion="calm"><h2 data-emotion="excited">Big</h2><p>Quiet</p></section>'
                     "<ul><li>a<p>inner</p>tail</li></ul>")
    assert [(b.kind, b.text, b.emotion, b.item) for b in blocks] == [
        ("heading", "Big", "excited", 0), ("paragraph", "Quiet", "calm", 0),
        ("item", "a", None, 1), ("item", "inner", None, 1), ("item", "tail", None, 1)]


def test_a_credit_line_shows_up_to_four_of_its_pictures_wherever_they_are() -> None:
    blocks, _ = walk('<p>Text <span class="credit">Photo: <b>J</b><i>a</i><u>n</u><em>e</em> <img alt="no src">'
                     '<img src="1.png"><img src="2.png"><img src=" "><img src="3.png"><img src="4.png"></span></p>')
    # the first four pictures, one without a source and one with a blank one
    assert [(b.text, b.images) for b in blocks] == [("Text", ("1.png", "2.png"))]
    blocks, _ = walk('<p>Text <span class="credit">Photo: Jane Doe <img src="1.png"><img src="2.png"><img src="3.png">'
                     '<img src="4.png"><img src="5.png"></span></p>')
    assert [(b.text, b.images) for b in blocks] == [("Text", ("1.png", "2.png", "3.png", "4.png"))]


def test_a_latex2html_comment_serves_one_image_even_when_another_follows_at_once() -> None:
    blocks, _ = walk('<p>E <!-- MATH $x^2$ --><img alt="x" src="1.png"><img alt="A cat" src="c.png"></p>')
    assert blocks[0].runs == (Run("E "), Run("x²", frozenset({"math"}), math="x^2"), Run(" A cat"))


def test_deep_images_reported_keep_eight_steps_whatever_the_reason() -> None:
    deep = "<div>" * 10 + "{}" + "</div>" * 10
    steps = " > ".join(["div:nth-of-type(1)"] * 6)
    _, skipped = walk(deep.format('<p>x <img src="z.png" alt="z.png"></p>'))
    assert [s.source for s in skipped] == [steps + " > p:nth-of-type(1) > img:nth-of-type(1)"]
    _, skipped = walk(deep.format('<h2>x <img src="z.png" alt="Logo"></h2>'))
    assert [s.source for s in skipped] == [steps + " > h2:nth-of-type(1) > img:nth-of-type(1)"]


def test_the_caption_of_a_table_not_read_counts_against_the_character_limit() -> None:
    from narrator.errors import TooLarge
    from narrator.parse.tree import Work

    table = "<table><caption>Prices</caption>" + "<tr><td>1</td><td>2</td><td>3</td></tr>" * 12 + "</table>"

    def run(limit: int) -> None:
        soup = parse_soup("<p>abc</p>" + table)
        Walker(ParseConfig(), work=Work("t.html", max_chars=limit)).walk(soup.body)

    run(9)  # "abc" and "Prices"
    with pytest.raises(TooLarge):
        run(8)


def test_latex2html_comments_start_with_math_on_the_first_or_second_line() -> None:
    for comment in ("<!--MATH $x^2$-->", "<!--\nMATH $x^2$\n-->"):
        blocks, _ = walk(f'<p>E {comment}<img alt="x" src="1.png"></p>')
        assert blocks[0].runs == (Run("E "), Run("x²", frozenset({"math"}), math="x^2")), comment
    blocks, _ = walk('<p>E <!--math $x^2$--><img alt="A cat" src="1.png"></p>')
    assert blocks[0].runs == (Run("E A cat"),)


def test_a_rows_block_keeps_the_language_and_emotion_around_its_table() -> None:
    blocks, _ = walk('<div lang="de" data-emotion="calm"><table><tr><th>Wort</th><th>Zahl</th></tr>'
                     "<tr><td>eins</td><td>1</td></tr></table></div>")
    assert [(b.kind, b.text, b.lang, b.emotion) for b in blocks] == [("cell", "Wort: eins; Zahl: 1", "de", "calm")]


def test_a_code_column_of_a_data_table_is_left_out_and_reported() -> None:
    blocks, skipped = walk("<table><tr><th>Meaning</th><th>Operator</th></tr><tr><td>adds b to a</td>"
                           "<td><code>a += b</code></td></tr><tr><td>takes b from a</td><td><code>a -= b</code></td></tr>"
                           "<tr><td>doubles it</td><td><code>f(x) * 2</code></td></tr></table>")
    assert [(b.text, b.cells) for b in blocks] == [
        ("Meaning: adds b to a", ((0, 9, 20),)), ("Meaning: takes b from a", ((0, 9, 23),)),
        ("Meaning: doubles it", ((0, 9, 19),))]
    assert skipped == [Skipped("body > table:nth-of-type(1)", "code in a table", "code is not read (read_code)", 0, 1)]


def test_item_numbers_outside_a_list_and_below_one() -> None:
    blocks, _ = walk('<li>orphan</li><ol><li value="-2">neg</li><li>next</li></ol><ol start="-3"><li>s</li></ol>')
    assert [(b.text, b.ordered, b.item) for b in blocks] == [
        ("orphan", False, 0), ("neg", True, -2), ("next", True, -1), ("s", True, 1)]


def test_a_block_formula_element_stands_apart_and_an_unnamed_page_gives_no_number() -> None:
    blocks, _ = walk('<p>a<tiny-math-block formula="x^2"></tiny-math-block>b</p><span role="doc-pagebreak"></span><p>c</p>')
    assert [(b.runs, b.pages) for b in blocks] == [
        ((Run("a "), Run("x²", frozenset({"math"}), math="x^2"), Run(" b")), ()), ((Run("c"),), ())]


def test_an_inline_formula_keeps_the_language_emotion_and_brackets_around_it() -> None:
    blocks, _ = walk('<p>So <span lang="fr" data-emotion="sad">$x^2$</span> then '
                     '(<tiny-math-inline formula="y^2"></tiny-math-inline>).</p>')
    assert blocks[0].runs == (Run("So "), Run("x²", frozenset({"math"}), "fr", "sad", "x^2"), Run(" then ("),
                              Run("y²", frozenset({"math"}), math="y^2"), Run(")."))


def test_a_header_row_of_plain_cells_labels_the_rows_below() -> None:
    blocks, _ = walk("<table><thead><tr><td>H1</td><td>H2</td></tr></thead><tbody><tr><td>a</td><td>b</td></tr></tbody></table>")
    assert [(b.text, b.cells) for b in blocks] == [("H1: a; H2: b", ((0, 4, 5), (7, 11, 12)))]


def test_a_hidden_input_without_a_type_is_a_reported_text_control() -> None:
    _, skipped = walk("<p>Name <input hidden> here</p>")
    assert skipped == [Skipped(P1 + " > input:nth-of-type(1)", "form control", "a text input is a control, not lesson text")]


def test_each_cell_of_a_row_takes_the_header_of_its_column() -> None:
    blocks, _ = walk("<table><tr><th>H1</th><th>H2</th><th>H3</th></tr><tr><td>a</td><td>b</td><td>c</td></tr></table>")
    assert [b.text for b in blocks] == ["H1: a; H2: b; H3: c"]
