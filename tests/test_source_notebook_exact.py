"""Jupyter notebooks exported to HTML (narrator/parse/sources/notebook.py), exactly: the skip report
of a notebook's prompts, heading links, tracebacks and warnings, nbgrader's labels and score
summary (its comments kept), how a notebook page is recognised, and its title (the author's h1,
never the file name nbconvert writes as <title>)."""

from __future__ import annotations

from typing import Any

from narrator.parse.html import parse_soup
from narrator.parse.sources import Source, recognise
from narrator.values import Block, Run, Skipped

PAGE = """<html><head><title>{title}</title></head><body class="jp-Notebook">
<div class="jp-Cell"><div class="jp-InputPrompt">In [1]:</div><h1 id="t">Decay<a class="anchor-link" href="#t">¶</a></h1></div>
<div class="cell code_cell"><div class="prompt input_prompt">In [2]:</div><pre>x = 1</pre>
<div class="output_prompt">Out[2]:</div><div class="output_error"><pre>ZeroDivisionError</pre></div>
<div class="output_stderr"><pre>warning!</pre></div></div>
<div class="cell text_cell"><p>Text of the lesson.</p></div>
</body></html>"""


def prepared(html: str) -> tuple[Source, Any, list[Skipped]]:
    soup = parse_soup(html)
    source = recognise(soup)
    assert source.name == "notebook"
    return source, soup, source.prepare(soup)


PROMPT = "the execution counter of a code cell (In [n]: / Out[n]:), not lesson text"


def test_a_notebooks_machinery_is_reported_piece_by_piece() -> None:
    _, soup, skipped = prepared(PAGE.format(title="lorenz"))
    assert skipped == [
        Skipped("div.jp-InputPrompt", "notebook prompt", PROMPT, 7),
        Skipped("div.prompt.input_prompt", "notebook prompt", PROMPT, 7),
        Skipped("div.output_prompt", "notebook prompt", PROMPT, 7),
        Skipped("a.anchor-link", "heading link", "the ¶ or # link a heading carries to itself", 1),
        Skipped("div.output_error", "error traceback", "a program's error report printed by a code cell, not lesson text", 17),
        Skipped("div.output_stderr", "program warnings", "warnings a code cell printed (stderr), not lesson text", 8)]
    assert [t.get_text() for t in soup.find_all(["h1", "p"])] == ["Decay", "Text of the lesson."]


def blocks(*items: tuple[str, str, int]) -> list[Block]:
    return [Block(kind=kind, runs=(Run(text=text),), level=level) for kind, text, level in items]  # type: ignore[arg-type]


def test_the_title_is_the_authors_first_h1_never_the_file_name() -> None:
    source, soup, _ = prepared(PAGE.format(title="lorenz"))
    assert source.title(soup, blocks(("paragraph", "x", 0), ("heading", " ", 1), ("heading", " Decay  model ", 1))) == "Decay model"
    for name in ("lorenz", "problem1", "HW_2", "Lab-3.ipynb", "ch1.2"):
        source, soup, _ = prepared(PAGE.format(title=name))
        assert source.title(soup, blocks(("heading", "Decay", 2))) == "", name
    source, soup, _ = prepared(PAGE.format(title="Stoichiometry"))
    assert source.title(soup, blocks(("heading", "Decay", 2))) is None  # maybe a title its author chose
    source, soup, _ = prepared(PAGE.format(title="Two words"))
    assert source.title(soup, []) is None


def test_a_jupyter_book_page_is_named_by_the_parser() -> None:
    page = ("<html><head><title>Decay — Book</title></head><body><div id='jb-print-docs-body'><h1>Decay</h1></div>"
            "<div class='cell'><div class='cell_input'><pre>x = 1</pre></div></div></body></html>")
    source = recognise(parse_soup(page))
    assert source.name == "book"  # a Jupyter Book page is a book first
    soup = parse_soup(page.replace("<div id='jb-print-docs-body'><h1>Decay</h1></div>", ""))
    source = recognise(soup)
    assert source.name == "notebook"
    source.prepare(soup)
    assert source.title(soup, blocks(("heading", "Decay", 1))) is None


def test_nbgrader_labels_and_scores_go_its_comments_stay() -> None:
    page = """<html><head><title>ps1</title></head><body>
<div class="panel-heading"><h4>ps1 (Score: 1.0 / 2.0)</h4><ol><li>Coding score: 1.0 / 2.0</li></ol></div>
<div class="panel-heading">Score: 3 points in total</div>
<div class="cell text_cell nbgrader_cell"><div class="panel-heading">Grade cell: squares Score: 1.0 / 1.0</div>
<div class="inner_cell"><p>Explain squares.</p></div><div class="panel-footer">Good work.</div></div>
</body></html>"""
    _, soup, skipped = prepared(page)
    assert skipped == [
        Skipped("div.panel-heading", "grading label", "nbgrader's name and score of a graded cell, not lesson text", 36),
        Skipped("div.panel-heading", "score summary", "the feedback page's list of scores, not lesson text", 45)]
    footer = soup.find(string="Good work.").parent
    assert footer["class"] == ["grader-note"]
    assert soup.find(string="Score: 3 points in total") is not None  # no list of scores: kept


def test_a_notebook_is_recognised_by_its_cells() -> None:
    def kind(body: str) -> str:
        return recognise(parse_soup(f"<html><body>{body}</body></html>")).name

    for cell in ("<div class='cell text_cell'><p>x</p></div>", "<div class='cell code_cell'><p>x</p></div>",
                 "<div class='jp-Cell'><p>x</p></div>", "<div class='cell'><div class='cell_input'>x</div></div>"):
        assert kind(cell) == "notebook", cell
    assert kind("<div class='cell'><p>x</p></div>") != "notebook"
    assert kind("<table><tr><td class='cell'>x</td></tr></table>") != "notebook"
