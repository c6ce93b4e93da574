"""Google Docs exports (issue 19): headings styled by class or written in capitals become the
chapters of a document without heading tags; the Title paragraph is the title; reviewers'
comments and authoring markers are not read, each reported."""

from __future__ import annotations

from narrator.config import ParseConfig
from narrator.parse import parse_html

_STYLE = (b'<style type="text/css">ol{margin:0;padding:0}table td,table th{padding:0}'
          b'.c1{color:#000000;font-weight:400;font-size:11pt}'
          b'.c4{font-weight:700;font-size:16pt}.c6{font-weight:700;font-size:13pt}'
          b'.c9{font-weight:700;font-size:11pt}.c2{padding-top:0pt}'
          b'.title{font-size:26pt}</style>')

_NO_HEADINGS = (b'<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type">' + _STYLE +
                b'</head><body class="c3 doc-content">'
                b'<p class="c2 title" id="h.abc123x"><span class="c1">Plants and Light</span></p>'
                b'<p class="c2"><span class="c4">Photosynthesis</span></p>'
                b'<p class="c2"><span class="c1">Plants make sugar from light. They need water too.</span></p>'
                b'<p class="c2"><span class="c6">The light reactions</span></p>'
                b'<p class="c2"><span class="c1">Light splits water in the leaf.</span></p>'
                b'<p class="c2"><span class="c9">Note:</span><span class="c1"> a bold label is no heading.</span></p>'
                b'<p class="c2"><span class="c1">//***NO TEXT INPUT FIELD***///</span></p>'
                b'<p class="c2"><span class="c4">Respiration</span></p>'
                b'<p class="c2"><span class="c1">Cells burn sugar for energy.<sup><a href="#cmnt1" id="cmnt_ref1">[a]</a></sup></span></p>'
                b'<p class="c2"><span class="c1">THE CARBON CYCLE</span></p>'
                b'<p class="c2"><span class="c1">Carbon goes round and round.</span></p>'
                b'<div class="c7"><p class="c2"><a href="#cmnt_ref1" id="cmnt1">[a]</a><span class="c1">Ana: fix this</span></p></div>'
                b'</body></html>')


def _doc(data: bytes):
    return parse_html(data, "lesson.html", ParseConfig())


def _texts(doc) -> list[str]:
    return [b.text for c in doc.chapters for b in c.blocks]


def test_bold_larger_classes_are_headings_by_size():
    doc = _doc(_NO_HEADINGS)
    heads = {b.text: b.level for c in doc.chapters for b in c.blocks if b.kind == "heading"}
    assert heads["Photosynthesis"] == heads["Respiration"] == 1
    assert heads["The light reactions"] == 2
    assert "Note: a bold label is no heading." not in heads  # bold at body size, not a heading
    assert [c.title for c in doc.chapters] == ["Photosynthesis", "Respiration"]


def test_capitals_line_is_a_heading_below_the_styled_ones():
    doc = _doc(_NO_HEADINGS)
    heads = {b.text: b.level for c in doc.chapters for b in c.blocks if b.kind == "heading"}
    assert heads["THE CARBON CYCLE"] == 3


def test_title_paragraph_is_the_title_heard_once():
    doc = _doc(_NO_HEADINGS)
    assert doc.title == "Plants and Light"
    assert _texts(doc).count("Plants and Light") == 1


def test_comments_and_authoring_markers_are_reported_not_read():
    doc = _doc(_NO_HEADINGS)
    text = " ".join(_texts(doc))
    assert "NO TEXT INPUT" not in text and "[a]" not in text and "fix this" not in text
    what = {s.what for s in doc.skipped}
    assert {"authoring marker", "comment", "comment mark"} <= what


def test_a_document_with_heading_tags_keeps_them():
    data = (b'<html><head>' + _STYLE + b'</head><body class="c3 doc-content">'
            b'<h1 class="c5" id="h.aaaaaa1"><span>One</span></h1><p class="c2"><span class="c1">Text one.</span></p>'
            b'<p class="c2"><span class="c4">Big bold line</span></p>'
            b'<h1 class="c5" id="h.aaaaaa2"><span>Two</span></h1><p class="c2"><span class="c1">Text two.</span></p>'
            b'</body></html>')
    doc = _doc(data)
    assert [c.title for c in doc.chapters] == ["One", "Two"]
    assert all(b.kind != "heading" for c in doc.chapters for b in c.blocks if b.text == "Big bold line")


def test_prose_in_capitals_or_long_bold_sentences_stay_paragraphs():
    data = (b'<html><head>' + _STYLE + b'</head><body class="c3 doc-content">'
            b'<p class="c2"><span class="c1">I WILL NOT ACCEPT LATE WORK!</span></p>'
            b'<p class="c2"><span class="c4">This whole sentence is big and bold, and it ends with a stop.</span></p>'
            b'<p class="c2"><span class="c1">Plain text here.</span></p></body></html>')
    doc = _doc(data)
    assert all(b.kind == "paragraph" for c in doc.chapters for b in c.blocks)


def test_clipboard_html_is_recognised_and_read():
    data = (b'<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1234">'
            b'<p dir="ltr"><span style="font-size:11pt;font-weight:400">Hello class.</span></p></b>')
    assert _texts(_doc(data)) == ["Hello class."]
