"""Jupyter notebooks (narrator/parse/sources/notebook.py), the edges: a JupyterLab export is
recognised by its <body class="jp-Notebook"> alone, an nbgrader score summary is known by its
contents list (#toc) alone, and a grader's comment keeps its other classes."""

from __future__ import annotations

from narrator.parse.html import parse_soup
from narrator.parse.sources import recognise
from narrator.values import Skipped


def test_a_lab_export_is_recognised_by_its_body_class_alone() -> None:
    soup = parse_soup("<html><head><title>decay</title></head><body class='jp-Notebook'><h1>Decay</h1>"
                      "<p>Text.</p></body></html>")
    assert recognise(soup).name == "notebook"
    soup = parse_soup("<html><body class='jp-notebook'><p>Text.</p></body></html>")
    assert recognise(soup).name == "page"  # class names are case-sensitive


def test_a_score_summary_is_known_by_its_contents_list() -> None:
    page = """<html><body>
<div class="panel-heading"><div id="toc">Score: 2.0 / 3.0</div></div>
<div class="cell text_cell nbgrader_cell"><div class="inner_cell"><p>Explain.</p></div>
<div class="panel-footer comment">Well argued.</div></div>
</body></html>"""
    soup = parse_soup(page)
    source = recognise(soup)
    assert source.name == "notebook"
    assert source.prepare(soup) == [
        Skipped("div.panel-heading", "score summary", "the feedback page's list of scores, not lesson text", 16)]
    footer = soup.find(string="Well argued.").parent
    assert footer["class"] == ["comment", "grader-note"]
