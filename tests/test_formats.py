"""Documents as teachers have them: Word .docx (mammoth), Markdown (markdown-it-py, with tables)
and plain text go through the same pipeline as HTML; any other file is refused in one line.

The .docx inputs are built here by hand (a zip of WordprocessingML parts, as Word writes them),
so no Word document written by someone else is needed and python-docx is not a dependency."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

import narrator
from narrator.errors import BadInput

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '</Types>')
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    '</Relationships>')
_DOC_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    '</Relationships>')
# Word's own style ids and names: the names are what mammoth maps to HTML
_STYLES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{W}">'
    '<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>'
    '</w:styles>')


def para(text: str, style: str = "", bold: bool = False, italic: bool = False) -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    marks = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    rpr = f"<w:rPr>{marks}</w:rPr>" if marks else ""
    return f'<w:p>{ppr}<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def table(rows: list[list[str]]) -> str:
    cells = "".join("<w:tr>" + "".join(f"<w:tc>{para(c)}</w:tc>" for c in row) + "</w:tr>" for row in rows)
    return f"<w:tbl>{cells}</w:tbl>"


def docx(*body: str) -> bytes:
    """A minimal Word document: the parts Word itself writes for text, styles and tables."""
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                f'<w:document xmlns:w="{W}"><w:body>{"".join(body)}</w:body></w:document>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", document)
        z.writestr("word/_rels/document.xml.rels", _DOC_RELS)
        z.writestr("word/styles.xml", _STYLES)
    return out.getvalue()


WORD_LESSON = docx(
    para("Photosynthesis", "Heading1"),
    para("Plants make their own food from light."),
    para("Light", "Heading2"),
    para("Leaves catch the light of the sun."),
    para("Never look straight at the sun.", bold=True),
    table([["Part", "Job"], ["Leaf", "Catches light"]]),
    para("Water", "Heading2"),
    para("Roots take up water from the soil.", italic=True),
)

MARKDOWN_LESSON = """\
# Photosynthesis

Plants make their own food from *light*.

## Light

Leaves catch the light of the **sun**.

| Part | Job |
|------|-----|
| Leaf | Catches light |

## Water

- Roots take up water.
- Stems carry it up.
"""


def plan_texts(path: Path) -> tuple[list[str], list[str]]:
    """(chapter titles, segment texts) of the plan of ``path``."""
    script = narrator.plan(path, narrator.load_config())
    return [c.title for c in script.chapters], [s.text for s in script.segments]


def test_word_styles_become_chapters_emphasis_and_tables(tmp_path: Path) -> None:
    src = tmp_path / "photosynthesis.docx"
    src.write_bytes(WORD_LESSON)
    script = narrator.plan(src, narrator.load_config())
    assert script.title == "Photosynthesis"
    assert [c.title for c in script.chapters] == ["Photosynthesis", "Light", "Water"]
    texts = [s.text for s in script.segments]
    assert "Plants make their own food from light." in texts
    assert "Never look straight at the sun." in texts
    assert any("Leaf" in t and "Catches light" in t for t in texts)  # the table row is read
    assert "Roots take up water from the soil." in texts
    bold = next(s for s in script.segments if s.text == "Never look straight at the sun.")
    assert bold.emotion == "excited"  # Word bold is <strong>: the same rule as in HTML
    italic = next(s for s in script.segments if s.text == "Roots take up water from the soil.")
    assert italic.emotion == "warm"


def test_markdown_headings_tables_lists_and_emphasis(tmp_path: Path) -> None:
    src = tmp_path / "photosynthesis.md"
    src.write_text(MARKDOWN_LESSON, encoding="utf-8")
    titles, texts = plan_texts(src)
    assert titles == ["Photosynthesis", "Light", "Water"]
    assert "Leaves catch the light of the sun." in texts
    assert any("Leaf" in t and "Catches light" in t for t in texts)  # the table is a table
    assert not any("|" in t or "---" in t for t in texts)  # no markup is spoken
    assert "Roots take up water." in texts and "Stems carry it up." in texts
    assert not any(t.startswith(("#", "-", "*")) for t in texts)


def test_plain_text_paragraphs_and_literal_angle_brackets(tmp_path: Path) -> None:
    src = tmp_path / "notes.txt"
    src.write_text("Welcome to the course.\nIt has two parts.\n\nRemember: 3 < 5 and <b> is text here.\n",
                   encoding="utf-8")
    script = narrator.plan(src, narrator.load_config())
    texts = [s.text for s in script.segments]
    assert texts[:2] == ["Welcome to the course.", "It has two parts."]
    assert texts[-1] == "Remember: 3 < 5 and <b> is text here."  # read as written, not as markup
    assert script.segments[1].boundary == "paragraph"


def test_chinese_text_with_one_paragraph_per_line(tmp_path: Path) -> None:
    """Chinese texts often have no blank lines: each line is a paragraph (GB18030 is read too)."""
    src = tmp_path / "第一课.txt"
    src.write_bytes("　　今天我们学习光合作用。\n　　植物用光制造养分。\n".encode("gb18030"))
    script = narrator.plan(src, narrator.load_config())
    assert [s.text for s in script.segments] == ["今天我们学习光合作用。", "植物用光制造养分。"]
    assert script.lang == "zh" and script.segments[0].boundary == "paragraph"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, XDG_CACHE_HOME=str(cwd / "cache"))
    return subprocess.run([sys.executable, "-m", "narrator", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300, check=False)


@pytest.mark.parametrize("name, content", [
    ("slides.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"),
    ("lesson.odt", b"PK\x03\x04 an OpenDocument text"),
    ("notes", b"Just some words without an extension."),
])
def test_other_files_are_refused_naming_the_accepted_types(tmp_path: Path, name: str, content: bytes) -> None:
    (tmp_path / name).write_bytes(content)
    proc = run(name, cwd=tmp_path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    suffix = Path(name).suffix or "a file without an extension"
    assert lines == [f"narrate: {name}: cannot read {suffix}: narrate reads "
                     ".html, .htm, .xhtml, .docx, .md, .markdown, .txt lessons"], proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_a_saved_page_with_another_extension_is_read_as_html(tmp_path: Path) -> None:
    src = tmp_path / "lesson.php"
    src.write_text("<!DOCTYPE html><html><head><title>Saved</title></head>"
                   "<body><h1>Saved</h1><p>A page saved from the web.</p></body></html>")
    assert plan_texts(src)[1][-1] == "A page saved from the web."


def test_a_broken_docx_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "broken.docx").write_bytes(WORD_LESSON[: len(WORD_LESSON) // 2])
    (tmp_path / "renamed.docx").write_text("<p>not a zip</p>")
    for name in ("broken.docx", "renamed.docx"):
        proc = run(name, cwd=tmp_path)
        assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"narrate: {name}: not a") and "docx" in lines[0]


@pytest.mark.timeout(300)
def test_a_course_folder_takes_every_kind_of_lesson(tmp_path: Path) -> None:
    course = tmp_path / "course"
    course.mkdir()
    (course / "1-word.docx").write_bytes(WORD_LESSON)
    (course / "2-notes.md").write_text(MARKDOWN_LESSON, encoding="utf-8")
    (course / "3-plain.txt").write_text("A short plain lesson.\n\nIt ends here.\n", encoding="utf-8")
    (course / "~$1-word.docx").write_bytes(b"\x00lock")  # Word's lock file while the .docx is open
    (course / "4-page.html").write_text("<h1>Page</h1><p>An HTML lesson.</p>")
    proc = run("course", "-o", "build", "-q", "-f", "wav", "--book", "none", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    index = json.loads((tmp_path / "build" / "course.json").read_text("utf-8"))
    assert [Path(lesson["source"]).name for lesson in index["lessons"]] == [
        "1-word.docx", "2-notes.md", "3-plain.txt", "4-page.html"]
    assert all(lesson["status"] == "built" for lesson in index["lessons"])
    word = json.loads((tmp_path / "build" / "1-word" / "manifest.json").read_text("utf-8"))
    assert word["title"] == "Photosynthesis"
    assert [c["title"] for c in word["chapters"]] == ["Photosynthesis", "Light", "Water"]
    assert word["source"]["path"].endswith("1-word.docx")
    plain = json.loads((tmp_path / "build" / "3-plain" / "manifest.json").read_text("utf-8"))
    assert [s["text"] for s in plain["segments"]] == ["A short plain lesson.", "It ends here."]


def test_reader_errors_are_bad_input() -> None:
    from narrator.parse.formats import to_html

    with pytest.raises(BadInput, match="cannot read .rtf"):
        to_html(b"{\\rtf1 hello}", "x.rtf")
