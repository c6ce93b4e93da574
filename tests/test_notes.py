"""Issue 9, item 5: footnotes and endnotes are a Notes part with a spoken cue (or follow their
paragraph, or are not read); reference marks and backlinks are never read. One small hand-written
input per editor or site generator."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from narrator.config import Config, ParseConfig
from narrator.parse import parse_html
from narrator.script.planner import plan
from narrator.values import Script

WORD = """<p class=MsoNormal>Rule one applies.<a style='mso-footnote-id:ftn1' href="#_ftn1" name="_ftnref1"
title=""><span class=MsoFootnoteReference>[1]</span></a> Rule two follows.</p>
<p class=MsoNormal>Last paragraph of the lesson.</p>
<div style='mso-element:footnote-list'><br clear=all><hr align=left size=1 width="33%">
<div style='mso-element:footnote' id=ftn1><p class=MsoFootnoteText><a style='mso-footnote-id:ftn1'
href="#_ftnref1" name="_ftn1" title=""><span class=MsoFootnoteReference>[1]</span></a> Section 4 of the code.</p></div>
</div>"""

PANDOC = """<p>Water boils at sea level.<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a></p>
<p>Ice melts when warm.</p>
<section id="footnotes" class="footnotes footnotes-end-of-document" role="doc-endnotes"><hr><ol>
<li id="fn1"><p>At standard pressure.<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li>
</ol></section>"""

MKDOCS = """<p>Trees grow slowly.<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup></p>
<div class="footnote"><hr><ol><li id="fn:1"><p>Most of them.&#160;<a class="footnote-backref" href="#fnref:1"
title="Jump back to footnote 1 in the text">&#8617;</a></p></li></ol></div>"""

SPHINX = """<p>See the proof<a class="footnote-reference brackets" href="#id3" id="id1" role="doc-noteref"><span
class="fn-bracket">[</span>1<span class="fn-bracket">]</span></a> below.</p>
<aside class="footnote-list brackets"><aside class="footnote brackets" id="id3" role="doc-footnote"><span class="label"><span
class="fn-bracket">[</span><a role="doc-backlink" href="#id1">1</a><span class="fn-bracket">]</span></span>
<p>Given in chapter two.</p></aside></aside>"""

TINYMCE = """<p>Try the plugin<sup id="footnote_1" class="mce-footnote"><a href="#footnotes_entry_1">1</a></sup> today.</p>
<div class="mce-footnotes"><hr><ol><li id="footnotes_entry_1"><a class="mce-footnotes-backlink"
href="#footnote_1">^&nbsp;</a><span class="mce-footnotes-note">Works with version 6.</span></li></ol></div>"""

EPUB = """<p>The ship sailed.<a epub:type="noteref" href="#n1">1</a></p>
<aside epub:type="footnote" id="n1"><p>In 1850.</p></aside><p>It came back.</p>"""

CHINESE = """<p>水在一百度沸腾。<sup><a href="#fn1">1</a></sup></p><p>冰在零度融化。</p>
<section class="footnotes" role="doc-endnotes"><ol><li id="fn1"><p>在标准大气压下。<a href="#fnref1"
class="footnote-back">↩</a></p></li></ol></section>"""


def script(html: str, notes: str = "end") -> Script:
    doc = parse_html(html.encode(), "lesson.html", ParseConfig(notes=notes))
    return plan(doc, Config())


def said(s: Script) -> list[list[str]]:
    return [[seg.spoken for seg in c.segments] for c in s.chapters]


@pytest.mark.parametrize(("html", "body", "note"), [
    (WORD, ["Rule one applies.", "Rule two follows.", "Last paragraph of the lesson."], ["Section four of the code."]),
    (PANDOC, ["Water boils at sea level.", "Ice melts when warm."], ["At standard pressure."]),
    (MKDOCS, ["Trees grow slowly."], ["Most of them."]),
    (SPHINX, ["See the proof below."], ["Given in chapter two."]),
    (TINYMCE, ["Try the plugin today."], ["Works with version six."]),
    (EPUB, ["The ship sailed.", "It came back."], ["In eighteen fifty."]),
], ids=["word", "pandoc", "mkdocs", "sphinx", "tinymce", "epub"])
def test_notes_form_a_last_part_with_a_spoken_cue(html: str, body: list[str], note: list[str]) -> None:
    s = script(html)
    assert said(s) == [body, ["Notes", *note]]
    assert s.chapters[-1].title == "Notes" and s.chapters[-1].segments[0].boundary == "heading"


def test_chinese_notes_cue() -> None:
    s = script(CHINESE)
    assert said(s) == [["水在一百度沸腾。", "冰在零度融化。"], ["注释", "在标准大气压下。"]]


@pytest.mark.parametrize(("html", "expected"), [
    (PANDOC, ["Water boils at sea level.", "Note: At standard pressure.", "Ice melts when warm."]),
    (WORD, ["Rule one applies.", "Rule two follows.", "Note: Section four of the code.",
            "Last paragraph of the lesson."]),
    (CHINESE, ["水在一百度沸腾。", "注：在标准大气压下。", "冰在零度融化。"]),
], ids=["pandoc", "word", "chinese"])
def test_notes_inline_follow_their_paragraph(html: str, expected: list[str]) -> None:
    assert said(script(html, "inline")) == [expected]


def test_notes_skipped_are_reported() -> None:
    s = script(PANDOC, "skip")
    assert said(s) == [["Water boils at sea level.", "Ice melts when warm."]]
    notes = [k for k in s.skipped if k.what == "note"]
    assert len(notes) == 1 and notes[0].chars == len("At standard pressure.") and "notes" in notes[0].reason


def test_a_document_of_notes_only_is_still_read() -> None:
    s = script('<div class="footnotes"><ol><li id="fn1"><p>Only a note here.</p></li></ol></div>')
    assert said(s) == [["Only a note here."]]


def test_unknown_notes_setting_is_a_one_line_error(tmp_path: Path) -> None:
    (tmp_path / "narrate.toml").write_text('[parse]\nnotes = "bottom"\n', encoding="utf-8")
    src = tmp_path / "lesson.html"
    src.write_text("<p>Hello.</p>", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "narrator", str(src), "--dry-run", "-c",
                          str(tmp_path / "narrate.toml")], capture_output=True, text=True)
    assert run.returncode != 0 and "parse.notes" in run.stderr and "Traceback" not in run.stderr
