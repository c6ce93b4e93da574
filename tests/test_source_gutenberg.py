"""Project Gutenberg's e-books: the book is read, the header (catalogue record, terms of use) and
the licence around it are not, each reported with its reason; the book keeps its own title.
Ebookmaker's files (section#pg-header, section#pg-footer) and older files that mark the book's
bounds with "*** START OF ..." / "*** END OF ..." lines, on small hand-written pages in the two
shapes Project Gutenberg writes."""

from __future__ import annotations

from narrator.config import Config, ParseConfig
from narrator.parse import parse_html
from narrator.parse.sources import recognise
from narrator.parse.tree import parse_tree
from narrator.script.planner import plan
from narrator.values import Document

EBOOKMAKER = """<?xml version='1.0' encoding='utf-8'?>
<html xmlns="http://www.w3.org/1999/xhtml" lang="en"><head><meta charset="utf-8"/>
<title>Rivers and Hills | Project Gutenberg</title>
<meta name="generator" content="Ebookmaker 0.12.47 by Project Gutenberg"/></head>
<body><section class="pg-boilerplate pgheader" id="pg-header" lang="en">
<h2 id="pg-header-heading" title="">The Project Gutenberg eBook of <span id="pg-title-no-subtitle">Rivers and Hills</span></h2>
<div>This ebook is for the use of anyone anywhere in the United States and most other parts of the world at no cost.</div>
<div class="container" id="pg-machine-header"><p><strong>Title</strong>: Rivers and Hills</p>
<div id="pg-header-authlist"><p><strong>Author</strong>: Ann Lee</p></div>
<p><strong>Release date</strong>: July 1, 2004 [eBook #74]</p></div>
<div id="pg-start-separator"><span>*** START OF THE PROJECT GUTENBERG EBOOK RIVERS AND HILLS ***</span></div>
</section>
<h1>RIVERS AND HILLS</h1><h2>CHAPTER I</h2><p>Rivers carry water to the sea.</p><p>Hills stand still.</p>
<section class="pg-boilerplate pgheader" id="pg-footer" lang="en">
<div id="pg-end-separator"><span>*** END OF THE PROJECT GUTENBERG EBOOK RIVERS AND HILLS ***</span></div>
<div>Updated editions will replace the previous one.</div>
<h2 id="pg-footer-heading">THE FULL PROJECT GUTENBERG LICENSE</h2>
<div>PLEASE READ THIS BEFORE YOU DISTRIBUTE OR USE THIS WORK</div></section></body></html>"""

OLDER = """<html><head><title>The Project Gutenberg eBook of Rivers, by Ann Lee</title></head><body>
<pre>
The Project Gutenberg EBook of Rivers, by Ann Lee

This eBook is for the use of anyone anywhere at no cost.

Title: Rivers

*** START OF THIS PROJECT GUTENBERG EBOOK RIVERS ***
</pre>
<div class="book"><h1>RIVERS</h1><h2>CHAPTER I</h2><p>Rivers carry water to the sea.</p>
<p>They shape the land.</p>
<pre>
*** END OF THIS PROJECT GUTENBERG EBOOK RIVERS ***

Updated editions will replace the previous one.
</pre>
<p>THE FULL PROJECT GUTENBERG LICENSE</p><p>PLEASE READ THIS BEFORE YOU DISTRIBUTE OR USE THIS WORK</p></div>
</body></html>"""


def _said(doc: Document) -> list[str]:
    return [s.spoken for s in plan(doc, Config()).segments]


def test_an_ebookmaker_book_is_read_without_its_header_and_licence() -> None:
    doc = parse_html(EBOOKMAKER.encode(), "74-h.xhtml", ParseConfig())
    said = _said(doc)
    assert said == ["RIVERS AND HILLS", "CHAPTER one", "Rivers carry water to the sea.", "Hills stand still."]
    assert doc.title == "Rivers and Hills"
    gone = [(s.source, s.what) for s in doc.skipped]
    assert ("section#pg-header", "Project Gutenberg header") in gone
    assert ("section#pg-footer", "Project Gutenberg licence") in gone
    header = next(s for s in doc.skipped if s.source == "section#pg-header")
    assert header.chars > 200 and "START OF THE PROJECT GUTENBERG EBOOK" in header.reason


def test_an_older_book_is_cut_at_its_start_and_end_lines_and_keeps_its_wrapped_text() -> None:
    doc = parse_html(OLDER.encode(), "rivers.html", ParseConfig())
    said = _said(doc)
    assert said == ["RIVERS", "CHAPTER one", "Rivers carry water to the sea.", "They shape the land."]
    assert doc.title == "Rivers, by Ann Lee"
    what = [s.what for s in doc.skipped]
    assert what.count("Project Gutenberg header") == 1 and what.count("Project Gutenberg licence") == 1
    licence = next(s for s in doc.skipped if s.what == "Project Gutenberg licence")
    # the END line's own text, the notice after it, and the two licence paragraphs
    assert licence.chars == (len("*** END OF THIS PROJECT GUTENBERG EBOOK RIVERS ***\n\nUpdated editions will "
                                 "replace the previous one.") + len("THE FULL PROJECT GUTENBERG LICENSE")
                             + len("PLEASE READ THIS BEFORE YOU DISTRIBUTE OR USE THIS WORK"))


def test_both_shapes_are_recognised_and_a_lesson_is_not() -> None:
    assert recognise(parse_tree(EBOOKMAKER)).name == "gutenberg"
    assert recognise(parse_tree(OLDER)).name == "gutenberg"
    assert recognise(parse_tree("<html><body><h1>Rivers</h1><p>Rivers flow.</p></body></html>")).name == "page"


def test_a_lesson_quoting_the_start_line_in_a_sentence_is_read_whole() -> None:
    lesson = ("<html><body><h1>Free books</h1><p>Before a book, Project Gutenberg prints the line "
              "*** START OF THE PROJECT GUTENBERG EBOOK X *** and its licence.</p>"
              "<p>After it comes the book.</p></body></html>")
    doc = parse_html(lesson.encode(), "lesson.html", ParseConfig())
    assert recognise(parse_tree(lesson)).name == "page"
    assert any("After it comes the book." in s for s in _said(doc))
    assert not any(s.what.startswith("Project Gutenberg") for s in doc.skipped)


def test_links_to_page_numbers_from_the_contents_or_index_are_no_notes() -> None:
    book = EBOOKMAKER.replace(
        "<h2>CHAPTER I</h2><p>Rivers carry water to the sea.</p>",
        '<p><a href="#Page_3">3</a></p><h2>CHAPTER I</h2>'
        '<p><span class="pagenum"><a id="Page_3">[3]</a></span>Rivers carry water to the sea.</p>')
    doc = parse_html(book.encode(), "74-h.xhtml", ParseConfig())
    blocks = [b for c in doc.chapters for b in c.blocks]
    paragraph = next(b for b in blocks if b.text == "Rivers carry water to the sea.")
    assert paragraph.pages == ("3",)
    assert not any("note" in c for c in paragraph.context)  # read in its chapter, not moved to the notes
    assert doc.chapters[-1].title != "Notes"


def test_a_lesson_with_a_pg_header_id_or_quoting_the_lines_is_no_book() -> None:
    own_header = ('<html><body><div id="pg-header"><h1>Lesson 3: Fractions</h1><p>Adding fractions.</p></div>'
                  '<p>A fraction has a numerator.</p><div id="pg-footer"><p>Homework: page 12.</p></div></body></html>')
    tutorial = ('<html><body><h1>Cleaning texts</h1><p>A book from Project Gutenberg has a header.</p>'
                '<pre>*** START OF THE PROJECT GUTENBERG EBOOK PRIDE AND PREJUDICE ***</pre>'
                '<p>We keep what follows that line.</p>'
                '<pre>*** END OF THE PROJECT GUTENBERG EBOOK PRIDE AND PREJUDICE ***</pre>'
                '<p>Everything after it is the licence.</p></body></html>')
    for page in (own_header, tutorial):
        assert recognise(parse_tree(page)).name != "gutenberg"
        doc = parse_html(page.encode(), "lesson.html", ParseConfig())
        assert not any(s.what.startswith("Project Gutenberg") for s in doc.skipped)


def test_a_book_in_one_pre_keeps_its_text_after_the_start_line() -> None:
    page = ("<html><body><pre>The Project Gutenberg eBook of Rivers\n\nThis eBook is for the use of anyone "
            "anywhere.\n\n*** START OF THE PROJECT GUTENBERG EBOOK RIVERS ***\n\nRivers carry water to the sea.\n"
            "\n*** END OF THE PROJECT GUTENBERG EBOOK RIVERS ***\n\nThe licence.</pre></body></html>")
    doc = parse_html(page.encode(), "rivers.html", ParseConfig(read_code=True))
    said = " ".join(_said(doc))
    assert "Rivers carry water to the sea." in said
    assert "anyone anywhere" not in said and "licence" not in said and "START" not in said


def test_a_lesson_quoting_a_whole_header_keeps_its_opening() -> None:
    lesson = ("<html><body><h1>Using Project Gutenberg</h1><p>Every file opens like this:</p>"
              "<pre>The Project Gutenberg eBook of Rivers\nThis eBook is for the use of anyone anywhere.\n"
              "*** START OF THE PROJECT GUTENBERG EBOOK RIVERS ***</pre><p>Then the book begins.</p></body></html>")
    assert recognise(parse_tree(lesson)).name != "gutenberg"
    doc = parse_html(lesson.encode(), "lesson.html", ParseConfig())
    said = " ".join(_said(doc))
    assert "Using Project Gutenberg" in said and "Every file opens like this" in said
