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


_FOOTNOTES = (b'<html><head>' + _STYLE + b'</head><body class="c3 doc-content">'
              b'<h1 class="c5" id="h.bbbbbb1"><span>Boiling</span></h1>'
              b'<p class="c2"><span class="c1">Water boils at a hundred degrees</span><sup><a href="#ftnt1" '
              b'id="ftnt_ref1">[1]</a></sup><span class="c1">&nbsp;at sea level.</span></p>'
              b'<p class="c2"><span class="c1">It boils sooner on a mountain.</span><sup><a href="#ftnt2" '
              b'id="ftnt_ref2">[2]</a></sup></p>'
              b'<h1 class="c5" id="h.bbbbbb2"><span>Freezing</span></h1><p class="c2"><span class="c1">Ice floats.</span></p>'
              b'<hr class="c8"><div><p class="c2"><a href="#ftnt_ref1" id="ftnt1">[1]</a>'
              b'<span class="c1">&nbsp;At a pressure of one atmosphere.</span></p></div>'
              b'<div><p class="c2"><a href="#ftnt_ref2" id="ftnt2">[2]</a>'
              b'<span class="c1">&nbsp;Air pressure falls with height.</span></p></div></body></html>')


def test_footnotes_are_notes_and_their_marks_are_never_read():
    doc = _doc(_FOOTNOTES)
    texts = _texts(doc)
    assert not any("[1]" in t or "[2]" in t for t in texts)
    assert "Water boils at a hundred degrees at sea level." in texts
    assert [c.title for c in doc.chapters] == ["Boiling", "Freezing", "Notes"]
    assert [b.text for b in doc.chapters[-1].blocks] == ["Notes", "At a pressure of one atmosphere.",
                                                       "Air pressure falls with height."]
    assert "Ice floats." in [b.text for b in doc.chapters[1].blocks]  # the notes left the last chapter
    assert "footnote rule" in {s.what for s in doc.skipped}


def test_footnotes_read_inline_after_their_paragraph():
    doc = parse_html(_FOOTNOTES, "lesson.html", ParseConfig(notes="inline"))
    texts = _texts(doc)
    at = texts.index("Water boils at a hundred degrees at sea level.")
    assert texts[at + 1] == "Note: At a pressure of one atmosphere."
    assert texts[texts.index("It boils sooner on a mountain.") + 1] == "Note: Air pressure falls with height."
    assert not any(t.startswith("[") for t in texts)


# A Doc pasted into a page that wraps it (a Canvas page), its footnotes and comment threads bare
# <p>s: the note is the paragraph that holds its back link, never the wrapper holding the Doc.
_WRAPPED = (b'<html><head>' + _STYLE + b'</head><body><div class="show-content user_content">'
            b'<h1 class="c5" id="h.cccccc1"><span>Boiling</span></h1>'
            b'<p class="c2"><span class="c1">Water boils at a hundred degrees</span><sup><a href="#ftnt1" '
            b'id="ftnt_ref1">[1]</a></sup><span class="c1">&nbsp;at sea level.</span></p>'
            b'<p class="c2"><span class="c1">Steam rises.<sup><a href="#cmnt1" id="cmnt_ref1">[a]</a></sup></span></p>'
            b'<h1 class="c5" id="h.cccccc2"><span>Freezing</span></h1><p class="c2"><span class="c1">Ice floats.</span></p>'
            b'<hr class="c8"><p class="c2"><a href="#ftnt_ref1" id="ftnt1">[1]</a>'
            b'<span class="c1">&nbsp;At a pressure of one atmosphere.</span></p>'
            b'<p class="c2"><a href="#cmnt_ref1" id="cmnt1">[a]</a><span class="c1">Ana: cite this</span></p>'
            b'</div></body></html>')


def test_bare_footnote_in_a_wrapper_is_the_note_not_the_whole_doc():
    doc = _doc(_WRAPPED)
    texts = _texts(doc)
    assert "Water boils at a hundred degrees at sea level." in texts
    assert "Ice floats." in texts and "Steam rises." in texts  # the wrapper is no comment thread
    assert not any("Ana" in t for t in texts)
    assert [b.text for b in doc.chapters[-1].blocks] == ["Notes", "At a pressure of one atmosphere."]


def test_bare_footnote_in_a_wrapper_skipped_leaves_the_doc_read():
    doc = parse_html(_WRAPPED, "lesson.html", ParseConfig(notes="skip"))
    texts = _texts(doc)
    assert [c.title for c in doc.chapters] == ["Boiling", "Freezing"]
    assert "Water boils at a hundred degrees at sea level." in texts and "Ice floats." in texts
    assert not any("atmosphere" in t or "Ana" in t for t in texts)


def test_a_comment_thread_with_its_replies_goes_as_one():
    data = _NO_HEADINGS.replace(b'<span class="c1">Ana: fix this</span></p></div>',
                                b'<span class="c1">Ana: fix this</span></p>'
                                b'<p class="c2"><span class="c1">Ben: done</span></p></div>')
    texts = _texts(_doc(data))
    assert "Carbon goes round and round." in texts
    assert not any("Ana" in t or "Ben" in t for t in texts)
