"""Word's Title and Subtitle styles in .docx lessons (issue 21, item 4).

A paragraph in Word's Title style is the document's title: it names the narration (manifest,
player, output files), is heard once at the start and is never a chapter of its own; the
Subtitle is heard once right after it. Heading 1 paragraphs stay the chapters. The title in the
file's properties (docProps/core.xml) is not read: nobody sees it in Word and it is often a
template's. The documents are small real .docx packages written here part by part."""

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

from narrator.config import Config, ParseConfig
from narrator.parse import parse_html
from narrator.script.planner import plan
from narrator.values import Document, Script

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PKG = "http://schemas.openxmlformats.org/package/2006"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
# Word's built-in styles: ids and names as Word writes them (mammoth matches the names)
STYLES = (f'{XML}<w:styles xmlns:w="{W}">'
          '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
          '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>'
          '<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/></w:style>'
          '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>'
          '</w:styles>')


def p(text: str, style: str = "") -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def docx(*paragraphs: str, core_title: str = "") -> bytes:
    """A .docx of ``paragraphs`` with Word's styles; ``core_title`` goes in docProps/core.xml."""
    types = (f'{XML}<Types xmlns="{PKG}/content-types">'
             f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             '<Override PartName="/word/document.xml" ContentType="application/'
             'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
             '<Override PartName="/word/styles.xml" ContentType="application/'
             'vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
             '<Override PartName="/docProps/core.xml" ContentType="application/'
             'vnd.openxmlformats-package.core-properties+xml"/></Types>')
    rels = (f'{XML}<Relationships xmlns="{PKG}/relationships">'
            f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/>'
            f'<Relationship Id="rId2" Type="{PKG}/relationships/metadata/core-properties" '
            'Target="docProps/core.xml"/></Relationships>')
    doc_rels = (f'{XML}<Relationships xmlns="{PKG}/relationships">'
                f'<Relationship Id="rId1" Type="{REL}/styles" Target="styles.xml"/></Relationships>')
    core = (f'{XML}<cp:coreProperties xmlns:cp="{PKG}/metadata/core-properties" '
            f'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{escape(core_title)}</dc:title>'
            '<dc:creator>Teacher</dc:creator></cp:coreProperties>')
    document = f'{XML}<w:document xmlns:w="{W}"><w:body>{"".join(paragraphs)}</w:body></w:document>'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", types)
        z.writestr("_rels/.rels", rels)
        z.writestr("docProps/core.xml", core)
        z.writestr("word/document.xml", document)
        z.writestr("word/_rels/document.xml.rels", doc_rels)
        z.writestr("word/styles.xml", STYLES)
    return out.getvalue()


VOLCANOES = (p("Volcanoes", "Title"), p("Fire mountains of the world", "Subtitle"),
             p("Eruptions", "Heading1"), p("Magma rises through the crust."),
             p("Lava", "Heading1"), p("Lava flows downhill."))


def read(data: bytes, name: str = "lesson.docx") -> tuple[Document, Script]:
    document = parse_html(data, name, ParseConfig())
    return document, plan(document, Config())


def heard(script: Script) -> list[str]:
    return [s.text for s in script.segments]


def test_the_title_paragraph_names_the_lesson_and_is_heard_once_before_the_chapters() -> None:
    document, script = read(docx(*VOLCANOES))
    assert document.title == script.title == "Volcanoes"
    assert [c.title for c in script.chapters] == ["Eruptions", "Lava"]  # no "Introduction"
    assert heard(script) == ["Volcanoes", "Fire mountains of the world", "Eruptions",
                             "Magma rises through the crust.", "Lava", "Lava flows downhill."]


def test_text_before_the_first_heading_is_a_chapter_named_after_the_title() -> None:
    _, script = read(docx(p("Volcanoes", "Title"), p("Some mountains breathe fire."),
                          *VOLCANOES[2:]))
    assert script.title == "Volcanoes"
    assert [c.title for c in script.chapters] == ["Volcanoes", "Eruptions", "Lava"]
    assert heard(script)[:2] == ["Volcanoes", "Some mountains breathe fire."]
    assert heard(script).count("Volcanoes") == 1


def test_a_title_over_paragraphs_only_is_one_chapter_heard_once() -> None:
    _, script = read(docx(p("Volcanoes", "Title"), p("Some mountains breathe fire."),
                          p("They sleep for years.")))
    assert script.title == "Volcanoes"
    assert [c.title for c in script.chapters] == ["Volcanoes"]
    assert heard(script) == ["Volcanoes", "Some mountains breathe fire.", "They sleep for years."]


def test_a_title_and_one_heading_1_the_heading_stays_a_chapter() -> None:
    _, script = read(docx(*VOLCANOES[:4]))
    assert script.title == "Volcanoes"
    assert [c.title for c in script.chapters] == ["Eruptions"]
    assert heard(script).count("Volcanoes") == 1


def test_without_a_title_paragraph_the_first_heading_names_the_lesson_as_before() -> None:
    _, script = read(docx(*VOLCANOES[2:]))
    assert script.title == "Eruptions"
    assert [c.title for c in script.chapters] == ["Eruptions", "Lava"]
    assert heard(script)[0] == "Eruptions"


def test_the_title_paragraph_wins_over_the_title_in_the_file_properties() -> None:
    _, script = read(docx(*VOLCANOES, core_title="Template 2019"))
    assert script.title == "Volcanoes"
    assert not any("Template" in t for t in heard(script))


def test_the_title_in_the_file_properties_is_not_read_without_a_title_paragraph() -> None:
    """No title, heading or title line: the lesson is named after its file, as HTML without
    <title> is, and neither name is heard."""
    _, script = read(docx(p("Some mountains breathe fire."), p("They sleep for years."),
                          core_title="Template 2019"))
    assert script.title == "lesson"
    assert heard(script) == ["Some mountains breathe fire.", "They sleep for years."]


@pytest.mark.timeout(300)
def test_narrate_names_the_files_the_manifest_and_the_player_after_the_title(tmp_path: Path) -> None:
    (tmp_path / "lesson.docx").write_bytes(docx(*VOLCANOES))
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    proc = subprocess.run([sys.executable, "-m", "narrator", "lesson.docx", "-f", "wav", "-q"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr
    out = tmp_path / "lesson.narration"
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    assert manifest["title"] == "Volcanoes"
    assert [c["title"] for c in manifest["chapters"]] == ["Eruptions", "Lava"]
    assert [s["text"] for s in manifest["segments"]].count("Volcanoes") == 1
    assert {"volcanoes.m4b", "volcanoes.vtt", "volcanoes.srt"} <= {f.name for f in out.iterdir()}
    assert sorted(f.name for f in (out / "chapters").glob("*.wav")) == ["01-eruptions.wav", "02-lava.wav"]
    assert "<title>Volcanoes</title>" in (out / "index.html").read_text("utf-8")


def test_pandocs_html_title_block_is_read_the_same_way() -> None:
    """Word's Title and Subtitle become what Pandoc writes for a title block; a page with one
    is read alike."""
    page = ('<h1 class="title">Volcanoes</h1><p class="subtitle">Fire mountains of the world</p>'
            '<h1>Eruptions</h1><p>Magma rises through the crust.</p><h1>Lava</h1><p>Lava flows downhill.</p>')
    _, script = read(page.encode(), "volcanoes.html")
    assert script.title == "Volcanoes"
    assert [c.title for c in script.chapters] == ["Eruptions", "Lava"]
    assert heard(script)[:3] == ["Volcanoes", "Fire mountains of the world", "Eruptions"]
