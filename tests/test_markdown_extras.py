"""Issue 9: classes of failure the listening report found on unseen documents, each with a small
hand-written input. Markdown as site generators write it (front matter, footnotes, Pandoc/kramdown
attributes, definition lists, line blocks), alt text that is only a file name, and symbols a
lesson talks about ("\\ on Windows", "使用 _ 作为分隔符") said by name, comparisons and mail-merge
fields said as words."""

from __future__ import annotations

import pytest

from narrator.config import Config, ParseConfig
from narrator.parse import parse_html
from narrator.script.planner import plan
from narrator.script.spoken import spoken_form
from narrator.values import Document


def md(text: str) -> Document:
    return parse_html(text.encode("utf-8"), "lesson.md", ParseConfig())


def spoken_of(doc: Document) -> str:
    return " ".join(s.spoken for s in plan(doc, Config()).segments)


def test_markdown_front_matter_is_skipped_not_read() -> None:
    doc = md('---\ntitle: "Rivers"\nauthor: Ana\ndesc: |\n    A river lesson.\n---\n\n# Rivers\n\nRivers flow to the sea.\n')
    said = spoken_of(doc)
    assert "author" not in said and "title:" not in said and "desc" not in said
    assert "Rivers flow to the sea." in said
    # the front matter is reported once; its byline too, by what it is (issue 19: post metadata)
    assert [s.what for s in doc.skipped if s.source == "front matter"] == ["template markup", "post metadata"]


def test_markdown_footnotes_become_notes_not_lost() -> None:
    doc = md("# 百草园\n\n我家的后面有一个很大的园[^1-a]，相传叫作百草园。\n\n"
             "[^1-a]: 选自《朝花夕拾》。\n    鲁迅，原名周树人。\n")
    said = spoken_of(doc)
    assert "1-a" not in said and "^" not in said
    assert "选自《朝花夕拾》。" in said and "鲁迅，原名周树人。" in said  # the body is read, in the notes
    assert said.index("相传叫作百草园") < said.index("选自")


def test_pandoc_attributes_and_definition_lists_are_not_read() -> None:
    doc = md("## Glossary {#glossary}\n\n![](fig/tree.svg){alt='A file system tree'}\n\n"
             "[absolute path]{#absolute-path}\n:   A path from the root directory.\n\n"
             "Run it.\n{: .language-bash}\n\n[See the notes](notes.html){: .callout}\n")
    said = spoken_of(doc)
    for raw in ("{", "}", "#absolute-path", "#glossary", "alt=", ".language-bash", ".callout"):
        assert raw not in said
    assert "A file system tree" in said and "absolute path" in said
    assert "A path from the root directory." in said and "See the notes" in said


def test_code_fences_keep_their_braces() -> None:
    doc = md("Text.\n\n```\n[x]{#y}\n:   z\n```\n")
    assert [s.what for s in doc.skipped] == ["code block"]
    assert doc.skipped[0].chars == len("[x]{#y}\n:   z")


def test_pandoc_line_block_loses_its_bar() -> None:
    said = spoken_of(md("| 床前明月光，\n| 疑是地上霜。\n"))
    assert "|" not in said and "竖线" not in said
    assert "床前明月光" in said and "疑是地上霜" in said


@pytest.mark.parametrize("alt", ["../_images/test_program_1_updated.png", "IMG_2041.JPG", "image001.gif"])
def test_alt_text_that_is_a_file_name_is_not_read(alt: str) -> None:
    doc = parse_html(f'<p>Look.</p><p><img src="x.png" alt="{alt}"></p><p>Done.</p>'.encode(), "l.html",
                     ParseConfig())
    said = spoken_of(doc)
    assert alt.rsplit(".", 1)[0].split("/")[-1] not in said.replace(" ", "_")
    assert [s.reason for s in doc.skipped] == ["its alt text is only a file name"]


@pytest.mark.parametrize("text, lang, expect", [
    ("Names are separated with / on Unix, but \\ on Windows.", "en", "but backslash on Windows."),
    ('Its name is "\\" on Windows.', "en", 'Its name is "backslash" on Windows.'),
    ("数字字面值也可以使用 _ 作为视觉分隔符。", "zh", "使用 下划线 作为"),
    ("'|'表示分割符,'||'表示折行", "zh", "'竖线'表示分割符,'双竖线'表示折行"),
    ("用 \\\\ 来换行", "zh", "用 双反斜杠 来换行"),
    ("20190926|国贸|增长率|全球经济", "zh", "20190926，国贸，增长率，全球经济"),
    ("Degree | Date | School", "en", "Degree, Date, School"),  # a list, as before
    ("Set site_name here.", "en", "Set site name here."),  # an identifier, as before
    ("各种括号用 (), [], \\{\\} 表示", "zh", "\\{\\}"),  # a backslash inside a command: not alone
    ("Dear {*Client.Name*},", "en", "Dear Client Name,"),  # a merge field: its name
    ("by *{completion.date}*.", "en", "by completion date."),
    ("while x < 100:", "en", "while x less than 100:"),
    ("如果 a > 0，则", "zh", "如果 a 大于 0，则"),
    ("Choose File > Save.", "en", "Choose File, Save."),  # a menu path, as before
    ("关键词 >> 新冠病毒", "zh", "关键词, 新冠病毒"),
])
def test_lone_symbols_are_said_by_name(text: str, lang: str, expect: str) -> None:
    assert expect in spoken_form(text, lang)


def test_a_form_of_blanks_with_short_labels_is_the_document() -> None:
    plan_form = ('<html><head><title>教案</title><script>var x;</script></head><body>'
                 '<form action="save" method="post"><p>教学对象：<input type="text" name="a">年级'
                 '<input type="text" name="b">班</p><p>执教者：<input type="text" name="c">；'
                 '<input type="text" name="d">年<input type="text" name="e">月</p></form></body></html>')
    doc = parse_html(plan_form.encode("utf-8"), "plan.html", ParseConfig())
    said = spoken_of(doc)
    assert "教学对象" in said and "执教者" in said
    login = ('<html><head><title>Rivers</title><script>var x;</script></head><body><form action="/login">'
             'User <input type="text" name="u"> Password <input type="password" name="p"></form>'
             '<article><h1>Rivers</h1><p>Rivers carry water from the hills down to the sea, and they '
             'shape the land as they go.</p></article></body></html>')
    doc = parse_html(login.encode("utf-8"), "rivers.html", ParseConfig())
    said = spoken_of(doc)
    assert "Password" not in said and "Rivers carry water" in said
    assert any(s.reason.startswith("a form with little text") for s in doc.skipped)


def test_a_table_of_labels_and_blank_cells_is_read_as_a_form() -> None:
    # an Excel paste of a form: labels beside empty cells to fill in; the blanks are no "tiny data"
    rows = "".join(f"<tr><td>{label}</td>" + "<td>&nbsp;</td>" * 5 + "</tr>"
                   for label in ("Start temperature:", "Pulse:", "Breathing:", "End time:", "Total time:"))
    doc = parse_html(f"<table>{rows}</table>".encode(), "form.html", ParseConfig())
    said = spoken_of(doc)
    assert "Pulse:" in said and "Total time:" in said
    assert not any(s.what == "data table" for s in doc.skipped)


def test_a_document_that_is_one_big_table_is_announced_not_refused() -> None:
    rows = "".join(f"<tr><td>{i}</td><td>{i * 7}</td><td>{i * 13}</td></tr>" for i in range(40))
    doc = parse_html(f"<table>{rows}</table>".encode(), "numbers.html", ParseConfig())
    said = spoken_of(doc)
    assert "forty rows" in said and "table" in said.lower()
    assert [s.what for s in doc.skipped] == ["data table"]
