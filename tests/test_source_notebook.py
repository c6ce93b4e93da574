"""Jupyter notebooks exported to HTML (issue 19): prompts, heading links, tracebacks and nbgrader
labels are not read, each reported; markdown headings are the chapters; the first h1 is the title."""

from __future__ import annotations

from narrator.config import ParseConfig
from narrator.parse import parse_html

_CLASSIC = b"""<html><head><title>lesson1</title><script></script></head><body>
<div id="notebook-container">
<div class="cell border-box-sizing text_cell rendered"><div class="prompt input_prompt"></div>
<div class="inner_cell"><div class="text_cell_render rendered_html">
<h1 id="Squares">Squares<a class="anchor-link" href="#Squares">&#182;</a></h1>
<p>We compute squares of numbers in this lesson.</p>
<h2 id="A">Part A<a class="anchor-link" href="#A">&#182;</a></h2><p>Write the function first.</p>
</div></div></div>
<div class="cell border-box-sizing code_cell rendered"><div class="input">
<div class="prompt input_prompt">In&nbsp;[4]:</div>
<div class="panel panel-primary nbgrader_cell"><div class="panel-heading">
<span class="nbgrader-label">Grade cell: <code>correct</code></span>
<span class="pull-right">Score: 0.0 / 1.0 <a href="#top">(Top)</a></span></div>
<div class="panel-body"><div class="input_area"><pre>assert squares(1) == [1]</pre></div></div>
<div class="panel-footer"><div><b>Comments:</b> <p>Check the range you loop over.</p></div></div>
</div></div>
<div class="output_wrapper"><div class="output"><div class="output_area"><div class="prompt"></div>
<div class="output_subarea output_text output_error"><pre>AssertionError Traceback (most recent call last)</pre></div>
</div><div class="output_area"><div class="prompt output_prompt">Out[4]:</div>
<div class="output_text output_subarea output_execute_result"><pre>[0, 1, 4]</pre></div></div></div></div>
</div>
<h2 id="B">Part B<a class="anchor-link" href="#B">&#182;</a></h2><p>Now sum them up.</p>
</div></body></html>"""


def _doc(data: bytes):
    return parse_html(data, "lesson1.html", ParseConfig())


def _texts(doc) -> list[str]:
    return [b.text for c in doc.chapters for b in c.blocks]


def test_prompts_and_pilcrows_are_not_read_and_are_reported():
    doc = _doc(_CLASSIC)
    text = " ".join(_texts(doc))
    assert "In [4]" not in text and "In\xa0[4]" not in text and "Out[4]" not in text
    assert "¶" not in text
    whats = [s.what for s in doc.skipped]
    assert whats.count("notebook prompt") >= 3 and whats.count("heading link") == 3


def test_markdown_headings_are_chapters_and_h1_is_the_title():
    doc = _doc(_CLASSIC)
    assert doc.title == "Squares"  # not the file name nbconvert put in <title>
    assert [c.title for c in doc.chapters][-2:] == ["Part A", "Part B"]


def test_traceback_and_grading_labels_are_reported_not_read():
    doc = _doc(_CLASSIC)
    text = " ".join(_texts(doc))
    assert "Traceback" not in text and "Score" not in text and "Grade cell" not in text
    whats = {s.what for s in doc.skipped}
    assert {"error traceback", "grading label"} <= whats


def test_the_graders_comment_is_read():
    assert any("Check the range you loop over." in t for t in _texts(_doc(_CLASSIC)))


def test_code_and_text_outputs_stay_code():
    doc = _doc(_CLASSIC)
    assert "[0, 1, 4]" not in " ".join(_texts(doc))
    assert sum(s.what == "code block" for s in doc.skipped) == 2


_LAB = b"""<html><head><title>lorenz</title></head><body class="jp-Notebook">
<main><div class="jp-Cell jp-MarkdownCell jp-Notebook-cell">
<div class="jp-InputArea"><div class="jp-InputPrompt jp-InputArea-prompt"></div>
<div class="jp-RenderedHTMLCommon jp-RenderedMarkdown jp-MarkdownOutput">
<h1 id="The-Lorenz-Equations">The Lorenz Equations<a class="anchor-link" href="#The-Lorenz-Equations">&#182;</a></h1>
<p>We explore a famous system of equations.</p></div></div></div>
<div class="jp-Cell jp-CodeCell jp-Notebook-cell"><div class="jp-InputArea">
<div class="jp-InputPrompt jp-InputArea-prompt">In&nbsp;[&nbsp;]:</div><pre>import numpy</pre></div></div>
</main></body></html>"""


def test_lab_template_prompts_and_title():
    doc = _doc(_LAB)
    assert doc.title == "The Lorenz Equations"
    assert all("In" not in t for t in _texts(doc))


_BOOK = b"""<html><head><title>Modeling &#8212; My Book</title><script></script></head><body>
<div id="jb-print-docs-body"></div><main><article>
<section id="modeling"><h1>Modeling<a class="headerlink" href="#modeling" title="Link to this heading">#</a></h1>
<p>This chapter introduces the modeling framework we use throughout the book.</p>
<div class="cell docutils container"><div class="cell_input docutils container"><pre>x = 1</pre></div>
<div class="cell_output docutils container"><div class="output traceback highlight-ipythontb notranslate"><pre>NameError: name 'y' is not defined</pre></div></div></div>
</section></article></main></body></html>"""


def test_jupyter_book_headerlinks_and_tracebacks():
    doc = _doc(_BOOK)
    text = " ".join(_texts(doc))
    assert "#" not in text and "NameError" not in text
    assert doc.title == "Modeling"


def test_a_plain_page_is_not_a_notebook():
    from narrator.parse.sources import recognise
    from narrator.parse.html import parse_soup
    from narrator.parse.tree import Work

    soup = parse_soup("<div class='prompt'>In [1]:</div><p>Hello.</p>", Work("x.html", None))
    assert recognise(soup).name != "notebook"


def test_a_title_that_is_the_notebooks_file_name_is_never_said() -> None:
    """nbconvert's <title> is the notebook's file stem ("problem1"): with no h1 of its own the
    page has no title, so the document is named by its file and the planner says nothing."""
    from narrator.config import Config
    from narrator.script.planner import plan

    page = _CLASSIC.replace(b"<title>lesson1</title>", b"<title>problem1</title>").replace(
        b'<h1 id="Squares">Squares<a class="anchor-link" href="#Squares">&#182;</a></h1>', b"")
    doc = parse_html(page, "feedback/squares.html", ParseConfig())
    assert doc.title == "squares"
    said = [s.text for s in plan(doc, Config()).segments]
    assert "problem1" not in " ".join(said) and said[0] == "We compute squares of numbers in this lesson."
    # a title its author chose (spaces, or one capitalised word) is still the title
    named = page.replace(b"<title>problem1</title>", b"<title>Squares and sums</title>")
    assert parse_html(named, "feedback/squares.html", ParseConfig()).title == "Squares and sums"
