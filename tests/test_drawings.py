"""Drawings made of characters (issue 19): a table whose cells draw a folder tree ("|", "|_____",
"├──" and file names) is announced once and reported, not read as "vertical bar; vertical bar;
default dot HTM" row after row; a folder tree in a <pre> is reported as a drawing, not as code.
"""

from __future__ import annotations

from narrator.config import ParseConfig
from narrator.parse import parse_html


def _doc(data: bytes, path: str = "lesson.html"):
    return parse_html(data, path, ParseConfig())


def _texts(doc) -> list[str]:
    return [b.text for c in doc.chapters for b in c.blocks]


_TREE = (b'<html><head><title>Linking</title></head><body><h1>Linking</h1>'
         b'<p>Here is the structure of the site.</p><table border="0"><tbody>'
         b'<tr><td colspan="2"><span>________</span></td><td colspan="2"><em>myCompany</em></td></tr>'
         b'<tr><td colspan="2"><span>&nbsp;&nbsp;|</span></td><td colspan="2"><strong>default.htm</strong></td></tr>'
         b'<tr><td><span>&nbsp;&nbsp;|_____</span></td><td>&nbsp;</td><td colspan="2"><em>orders</em></td></tr>'
         b'<tr><td>&nbsp;&nbsp;|</td><td>|&nbsp;</td><td colspan="2"><strong>default.htm</strong></td></tr>'
         b'<tr><td>&nbsp;&nbsp;|</td><td>|&nbsp;</td><td colspan="2"><strong>order.htm</strong></td></tr>'
         b'<tr><td>&nbsp;&nbsp;|</td><td>|_____</td><td colspan="2"><em>shipping</em></td></tr>'
         b'<tr><td>&nbsp;&nbsp;|</td><td>&nbsp;</td><td>|</td><td><strong>default.htm</strong></td></tr>'
         b'</tbody></table><p>Now link from one page to another.</p></body></html>')

_BOX_TREE = ('<html><body><h1>Project</h1><p>The project looks like this.</p><table>'
             '<caption>The project folder</caption>'
             '<tr><td>project/</td></tr><tr><td>├── src</td></tr><tr><td>│   ├── main.py</td></tr>'
             '<tr><td>│   └── util.py</td></tr><tr><td>└── README.md</td></tr>'
             '</table><p>Open main.py first.</p></body></html>').encode()


def test_a_folder_tree_drawn_in_a_table_is_announced_once_not_read():
    doc = _doc(_TREE)
    texts = _texts(doc)
    assert not any("|" in t or "default.htm" in t for t in texts)
    said = [t for t in texts if "diagram of folders and files" in t]
    assert len(said) == 1
    assert texts[texts.index(said[0]) - 1] == "Here is the structure of the site."
    assert "Now link from one page to another." in texts
    assert any(s.what == "drawing" and "line-drawing" in s.reason for s in doc.skipped)


def test_a_box_drawing_tree_is_announced_by_its_caption():
    texts = _texts(_doc(_BOX_TREE))
    assert not any("├" in t or "│" in t for t in texts)
    assert any("The project folder" in t for t in texts)


def test_a_data_table_with_dashes_for_blanks_is_still_read():
    data = (b'<html><body><h1>Week</h1><table><tr><th>Day</th><th>Class</th><th>Room</th></tr>'
            b'<tr><td>Mon</td><td>Maths</td><td>-</td></tr><tr><td>Tue</td><td>---</td><td>---</td></tr>'
            b'<tr><td>Wed</td><td>Art</td><td>-</td></tr><tr><td>Thu</td><td>Music</td><td>B2</td></tr>'
            b'</table></body></html>')
    texts = _texts(_doc(data))
    assert any("Maths" in t for t in texts) and any("Music" in t for t in texts)


def test_a_folder_tree_in_a_pre_is_reported_as_a_drawing_code_as_code():
    tree = "project/\n├── src\n│   ├── main.py\n│   └── util.py\n└── README.md\n"
    code = "def f(x):\n    return x | 1\n\nprint(f(2))\n"
    diff = "+ added = 1\n+ more = 2\n+ again = 3\n"
    data = f"<html><body><h1>P</h1><p>Look.</p><pre>{tree}</pre><pre>{code}</pre><pre>{diff}</pre></body></html>"
    doc = _doc(data.encode())
    whats = [s.what for s in doc.skipped if s.source.endswith(("pre", ")"))]
    assert [s.what for s in doc.skipped if "pre" in s.source] == ["drawing", "code block", "code block"], whats


def test_a_markdown_table_in_a_pre_is_no_drawing():
    from narrator.parse.tables import is_drawn_text
    assert not is_drawn_text("| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n")
    assert is_drawn_text("site\n|-- index.html\n|-- about.html\n`-- img/\n")


_MYSQL = ("mysql> SELECT id, name FROM users;\n+----+-------+\n| id | name  |\n+----+-------+\n"
          "|  1 | Alice |\n|  2 | Bob   |\n+----+-------+\n2 rows in set (0.00 sec)\n")


def test_a_mysql_result_box_is_no_drawing():
    """A result box's border lines are strokes only, with no name after them: they draw no
    branch of a tree, so the box is code (or a table), as before."""
    from narrator.parse.tables import is_drawn_text
    assert not is_drawn_text(_MYSQL)
    assert not is_drawn_text("+----+\n| id |\n+----+\n|  1 |\n|  2 |\n|  3 |\n+----+\n")
    assert not is_drawn_text("+---+\n+---+\n+---+\n| a |\n")
    assert is_drawn_text("site\n|\n|-- index.html\n|-- about.html\n|\n`-- img/\n")  # a bar alone: still a tree
    data = f"<html><body><h1>SQL</h1><p>Run the query.</p><pre>{_MYSQL}</pre></body></html>"
    assert [s.what for s in _doc(data.encode()).skipped] == ["code block"]


def test_a_drawing_in_a_pre_gives_its_own_reason():
    from narrator.parse.tables import DRAWN_REASON, DRAWN_TEXT_REASON
    tree = "project/\n├── src\n│   ├── main.py\n│   └── util.py\n└── README.md\n"
    doc = _doc(f"<html><body><h1>P</h1><p>Look.</p><pre>{tree}</pre></body></html>".encode())
    reasons = [s.reason for s in doc.skipped if s.what == "drawing"]
    assert reasons == [DRAWN_TEXT_REASON] and "table cells" not in DRAWN_TEXT_REASON
    assert "table cells" in DRAWN_REASON
    assert [s.reason for s in _doc(_BOX_TREE).skipped if s.what == "drawing"] == [DRAWN_REASON]
