"""What follows an element the walk does not read keeps its own place (narrator/parse/html.py):
the source paths after a code block that is not read and after a table only announced, and a
MathJax 2 <script> holding MathML, read as the formula it marks up."""

from __future__ import annotations

from narrator.config import ParseConfig
from narrator.parse import parse_html


def test_blocks_after_an_unread_code_block_and_an_announced_table_keep_their_sources() -> None:
    # read_code and read_tables off: the <pre> is reported, the table announced in one sentence;
    # the paragraphs after them are the body's first and second <p>, not children of either
    page = ("<html><body><h1>T</h1><pre>x = 1</pre><p>Then run it.</p><table><tr><th>Name</th><th>Role</th>"
            '</tr><tr><td>Ann</td><td>Lead</td></tr></table><p>Next <img src="b.png"></p></body></html>')
    doc = parse_html(page.encode(), "dir/lesson.html", ParseConfig(read_tables=False))
    assert [(b.text, b.source) for c in doc.chapters for b in c.blocks] == [
        ("T", "body > h1:nth-of-type(1)"),
        ("Then run it.", "body > p:nth-of-type(1)"),
        ("A table, 2 rows, is not read aloud here.", "body > table:nth-of-type(1)"),
        ("Next", "body > p:nth-of-type(2)")]
    assert [(s.source, s.what) for s in doc.skipped] == [
        ("body > pre:nth-of-type(1)", "code block"),
        ("body > table:nth-of-type(1)", "data table"),
        ("body > p:nth-of-type(2) > img:nth-of-type(1)", "image without alt text")]


def test_mathml_in_a_mathjax_script_is_read_as_its_formula() -> None:
    # <script type="math/mml"> holds MathML as text: its TeX is x=2, never the markup itself
    doc = parse_html('<html><body><p>So <script type="math/mml"><math><mi>x</mi><mo>=</mo><mn>2</mn></math>'
                     "</script> here.</p></body></html>".encode(), "dir/lesson.html", ParseConfig())
    [block] = [b for c in doc.chapters for b in c.blocks]
    assert [(r.text, r.math) for r in block.runs] == [("So ", None), ("x=2", "x=2"), (" here.", None)]
