"""Project Gutenberg books (narrator.parse.sources.gutenberg), exactly: what the skip report says
for each shape of header and footer Ebookmaker writes (ids, class, both), a licence right after
the END line with no space between, a picture left alone by the cut, a book with no END line,
an Ebookmaker header without its START line, the book's title when <title> has no Project
Gutenberg words or is missing, the characters a cut inside one text takes out, and the older
"End of the Project Gutenberg EBook" line, in the END line's text or before it."""

from __future__ import annotations

import pytest
from test_source_gutenberg import EBOOKMAKER, OLDER, _said

from narrator.config import ParseConfig
from narrator.errors import NothingToRead
from narrator.parse import parse_html
from narrator.parse.sources import recognise
from narrator.parse.sources.gutenberg import HEADER, LICENCE
from narrator.parse.tree import parse_tree

BOOK = ["RIVERS AND HILLS", "CHAPTER one", "Rivers carry water to the sea.", "Hills stand still."]
OLD_BOOK = ["RIVERS", "CHAPTER one", "Rivers carry water to the sea.", "They shape the land."]
START = '<div id="pg-start-separator"><span>*** START OF THE PROJECT GUTENBERG EBOOK RIVERS AND HILLS ***</span></div>'


def read(page: str, **config: bool) -> tuple[list[str], list[tuple[str, str, int]], str]:
    """(what is said, the Project Gutenberg entries of the skip report, the title)."""
    doc = parse_html(page.encode(), "book.html", ParseConfig(**config))
    gone = [(s.source, s.what, s.chars) for s in doc.skipped if s.what.startswith("Project Gutenberg")]
    return _said(doc), gone, doc.title


def test_ebookmaker_header_and_footer_are_found_by_id_or_by_class_alone() -> None:
    both = [("section#pg-header", "Project Gutenberg header", 300), ("section#pg-footer", "Project Gutenberg licence", 198)]
    assert read(EBOOKMAKER) == (BOOK, both, "Rivers and Hills")
    ids_only = EBOOKMAKER.replace('class="pg-boilerplate pgheader" ', "")
    assert read(ids_only) == (BOOK, both, "Rivers and Hills")
    # by class alone the footer is still the licence: it holds the END line
    class_only = EBOOKMAKER.replace('id="pg-header"', 'id="top"').replace('id="pg-footer"', 'id="bottom"')
    assert read(class_only) == (BOOK, [("section#top", "Project Gutenberg header", 300),
                                       ("section#bottom", "Project Gutenberg licence", 198)], "Rivers and Hills")


def test_an_ebookmaker_header_without_its_start_line_is_recognised_by_its_words() -> None:
    page = EBOOKMAKER.replace(START, "")
    assert recognise(parse_tree(page)).name == "gutenberg"
    said, gone, _ = read(page)
    # the header's 300 characters less the START line's 61 and a line break
    assert said == BOOK and gone[0] == ("section#pg-header", "Project Gutenberg header", 300 - 62)


def test_the_older_shape_reports_where_and_how_much() -> None:
    # 176: the header's text before and with the START line; 188: the END line, the notice and
    # the two licence paragraphs (see test_source_gutenberg.py)
    assert read(OLDER) == (OLD_BOOK, [("pre", "Project Gutenberg header", 176), ("pre", "Project Gutenberg licence", 188)],
                           "Rivers, by Ann Lee")


def test_a_licence_paragraph_right_after_the_end_line_goes_too() -> None:
    page = OLDER.replace("</pre>\n<p>THE FULL", "</pre><p>THE FULL")
    assert read(page)[:2] == (OLD_BOOK, [("pre", "Project Gutenberg header", 176), ("pre", "Project Gutenberg licence", 188)])


def test_a_picture_after_the_start_line_keeps_the_wrapper_the_cut_emptied_of_text() -> None:
    page = OLDER.replace("<pre>\nThe Project", '<div class="front"><pre>\nThe Project').replace(
        "RIVERS ***\n</pre>", 'RIVERS ***\n</pre><img src="map.png" alt="A map of the rivers"/></div>')
    assert "front" in page and "map.png" in page
    said, gone, _ = read(page)
    assert "A map of the rivers" in said and said[-4:] == OLD_BOOK
    assert gone[0] == ("pre", "Project Gutenberg header", 176)


def test_a_book_without_an_end_line_is_read_to_its_end() -> None:
    page = OLDER.split("<pre>\n*** END")[0] + "</div></body></html>"
    assert read(page) == (OLD_BOOK, [("pre", "Project Gutenberg header", 176)], "Rivers, by Ann Lee")


def test_the_title_without_project_gutenberg_words_or_without_a_title_element() -> None:
    assert read(OLDER.replace("The Project Gutenberg eBook of Rivers, by Ann Lee", "Rivers"))[2] == "Rivers"
    assert read(OLDER.replace("<title>The Project Gutenberg eBook of Rivers, by Ann Lee</title>", ""))[2] == "RIVERS"


def test_a_cut_inside_one_text_counts_the_characters_it_takes() -> None:
    page = ("<html><body><pre>The Project Gutenberg eBook of Rivers\n\nThis eBook is for the use of anyone "
            "anywhere.\n\n*** START OF THE PROJECT GUTENBERG EBOOK RIVERS ***\n\nRivers carry water to the sea.\n"
            "\n*** END OF THE PROJECT GUTENBERG EBOOK RIVERS ***\n\nThe licence.</pre></body></html>")
    header = "The Project Gutenberg eBook of Rivers\n\nThis eBook is for the use of anyone anywhere.\n\n" \
             "*** START OF THE PROJECT GUTENBERG EBOOK RIVERS ***"
    licence = "*** END OF THE PROJECT GUTENBERG EBOOK RIVERS ***\n\nThe licence."
    said, gone, _ = read(page, read_code=True)
    assert said == ["Rivers carry water to the sea."]
    assert gone == [("pre", "Project Gutenberg header", len(header)), ("pre", "Project Gutenberg licence", len(licence))]
    doc = parse_html(page.encode(), "book.html", ParseConfig(read_code=True))
    assert [(s.what, s.reason) for s in doc.skipped if s.what.startswith("Project Gutenberg")] == [HEADER, LICENCE]


def test_each_cut_gives_its_reason() -> None:
    doc = parse_html(OLDER.encode(), "book.html", ParseConfig())
    assert [(s.what, s.reason) for s in doc.skipped if s.what.startswith("Project Gutenberg")] == [HEADER, LICENCE]


def test_a_header_naming_the_ebook_in_its_first_words_is_found() -> None:
    page = OLDER.replace("<pre>\nThe Project Gutenberg EBook of Rivers, by Ann Lee\n\nThis eBook is for the use of "
                         "anyone anywhere at no cost.\n\nTitle: Rivers\n", "<p>Project Gutenberg EBook of Rivers</p><pre>\n")
    # the cut: "Project Gutenberg EBook of Rivers" (33) and the START line (51), a line break apart
    assert read(page)[:2] == (OLD_BOOK, [("pre", "Project Gutenberg header", 85), ("pre", "Project Gutenberg licence", 188)])


def test_not_a_book_when_no_header_words_come_before_the_start_line_or_the_header_is_too_long() -> None:
    founder = ("<html><body><h1>Project Gutenberg's founder</h1><p>Michael Hart typed the first one.</p>"
               "<pre>*** START OF THE PROJECT GUTENBERG EBOOK X ***</pre><p>Then the book.</p></body></html>")
    # more than 5,000 characters before the start line (51 paragraphs of 99), or more than 400 texts
    long_header = OLDER.replace("Title: Rivers\n", "</pre>" + f"<p>{'w' * 99}</p>" * 51 + "<pre>")
    many_texts = OLDER.replace("Title: Rivers\n", "</pre>" + "<b>a</b>" * 400 + "<pre>")
    for page in (founder, long_header, many_texts):
        assert recognise(parse_tree(page)).name == "page"
        said, gone, _ = read(page)
        assert gone == [] and said[-1] in ("Then the book.", "PLEASE READ THIS BEFORE YOU DISTRIBUTE OR USE THIS WORK")


def test_an_end_line_in_a_comment_after_the_licence_is_no_end() -> None:
    # an editor's note left after the licence quotes the END line: the cut stays at the real one
    page = OLDER.replace("USE THIS WORK</p></div>", "USE THIS WORK</p><!-- *** END OF THE PROJECT GUTENBERG EBOOK "
                         "RIVERS *** --><p>Section 1.</p></div>")
    assert "<!--" in page
    assert read(page)[:2] == (OLD_BOOK, [("pre", "Project Gutenberg header", 176),
                                         ("pre", "Project Gutenberg licence", 188 + len("Section 1."))])


def test_a_boilerplate_block_inside_the_header_and_a_footer_known_by_its_class() -> None:
    # the header holds a block of the same class (taken out with it); the footer has no id
    page = EBOOKMAKER.replace('<div id="pg-start-separator">',
                              '<div class="pg-boilerplate" id="pg-start-separator">').replace(
        'class="pg-boilerplate pgheader" id="pg-footer"', 'class="pg-boilerplate"')
    assert page.count("pg-boilerplate") == 3 and 'id="pg-footer"' not in page
    assert read(page) == (BOOK, [("section#pg-header", "Project Gutenberg header", 300),
                                 ("section.pg-boilerplate", "Project Gutenberg licence", 198)], "Rivers and Hills")


def test_an_ebookmaker_footer_without_its_end_line_is_still_the_licence() -> None:
    page = EBOOKMAKER.replace('<div id="pg-end-separator"><span>*** END OF THE PROJECT GUTENBERG EBOOK RIVERS AND '
                              'HILLS ***</span></div>', "<div>This eBook is for the use of anyone anywhere.</div>")
    assert "END OF" not in page
    said, gone, _ = read(page)
    assert said == BOOK and gone[1] == ("section#pg-footer", "Project Gutenberg licence",
                                           198 - 59 + len("This eBook is for the use of anyone anywhere."))


def test_header_words_after_the_start_line_do_not_make_a_book() -> None:
    page = ("<html><body><pre>Project Gutenberg's files look like this:\n*** START OF THE PROJECT GUTENBERG EBOOK "
            "X ***\nThis eBook is for the use of anyone anywhere.</pre><p>A lesson on e-books.</p></body></html>")
    assert recognise(parse_tree(page)).name == "page"
    assert read(page, read_code=True)[1] == []


def test_a_lesson_quoting_the_header_words_is_no_book() -> None:
    page = ('<html><body><div><p>This eBook is for the use of anyone anywhere: so Project Gutenberg opens its '
            "books.</p><p>We read one today.</p></div></body></html>")
    assert recognise(parse_tree(page)).name != "gutenberg"


def test_a_header_of_exactly_five_thousand_characters_is_one() -> None:
    opening = "The Project Gutenberg eBook of Rivers, by Ann Lee"
    words = "This eBook is for the use of anyone anywhere."
    filler = "w" * (5000 - len(opening) - len(words))
    page = (f"<html><body><p>{opening}</p><p>{words}</p><p>{filler}</p>"
            "<p>*** START OF THE PROJECT GUTENBERG EBOOK RIVERS ***</p><p>Rivers carry water.</p></body></html>")
    assert recognise(parse_tree(page)).name == "gutenberg"
    assert read(page)[0] == ["Rivers carry water."]
    longer = page.replace(filler, filler + "w")
    assert recognise(parse_tree(longer)).name == "page"


def test_a_title_that_is_only_project_gutenberg_words_or_a_placeholder_gives_the_books_heading() -> None:
    assert read(EBOOKMAKER.replace("Rivers and Hills | Project Gutenberg", "| Project Gutenberg"))[2] == \
        "RIVERS AND HILLS"
    assert read(EBOOKMAKER.replace("Rivers and Hills | Project Gutenberg", "Untitled"))[2] == "RIVERS AND HILLS"


def test_the_last_file_of_an_ebookmaker_epub_is_read_without_its_footer() -> None:
    # an EPUB's chapters are files: the last holds the book's end and the footer, no header
    last = EBOOKMAKER.split("<body>")[0] + "<body>" + EBOOKMAKER.split("</section>\n", 1)[1]
    assert "pg-header" not in last and "pg-footer" in last
    assert recognise(parse_tree(last)).name == "gutenberg"
    assert read(last)[:2] == (BOOK, [("section#pg-footer", "Project Gutenberg licence", 198)])
    # a lesson's own footer section quoting the words, without the END line, is no such file
    lesson = last.replace("*** END OF THE PROJECT GUTENBERG EBOOK RIVERS AND HILLS ***", "END OF THE PROJECT GUTENBERG")
    assert recognise(parse_tree(lesson)).name != "gutenberg"


def test_the_older_end_of_the_ebook_line_before_the_end_line_goes_with_the_licence() -> None:
    line = "End of the Project Gutenberg EBook of Rivers, by Ann Lee\n\n"
    page = OLDER.replace("<pre>\n*** END", "<pre>\n" + line + "*** END")
    assert page.count(line) == 1
    assert read(page)[:2] == (OLD_BOOK, [("pre", "Project Gutenberg header", 176),
                                         ("pre", "Project Gutenberg licence", 188 + len(line))])


def test_the_first_file_of_an_ebookmaker_epub_without_its_start_line_or_footer() -> None:
    # the header alone names the book: no START line to find, no footer with its END line
    first = EBOOKMAKER.replace(START, "").split('<section class="pg-boilerplate pgheader" id="pg-footer"')[0] + \
        "</body></html>"
    assert "END OF" not in first and "START OF" not in first and "<title>" in first
    assert recognise(parse_tree(first)).name == "gutenberg"
    assert read(first)[:2] == (BOOK, [("section#pg-header", "Project Gutenberg header", 300 - 62)])


def test_the_footers_end_line_is_looked_for_among_the_pages_last_two_thousand_texts() -> None:
    # found from the page's end, so that no page is searched whole for it
    def last_file(licence: int) -> str:
        return ('<html><body><p>The end of the book.</p><section id="pg-footer"><p>*** END OF THE PROJECT '
                "GUTENBERG EBOOK RIVERS ***</p>" + "<p>w</p>" * licence + "</section></body></html>")

    assert recognise(parse_tree(last_file(1999))).name == "gutenberg"  # the END line is the 2,000th
    assert recognise(parse_tree(last_file(2000))).name == "page"
    said, gone, _ = read(last_file(3))
    assert said == ["The end of the book."] and gone == [("section#pg-footer", "Project Gutenberg licence",
                                                        len("*** END OF THE PROJECT GUTENBERG EBOOK RIVERS ***www"))]


def test_the_wrappers_a_cut_empties_leave_no_entry_in_the_skip_report() -> None:
    # the older header's <pre> holds nothing once cut: no empty "code block" is reported
    doc = parse_html(OLDER.encode(), "book.html", ParseConfig())
    assert [(s.what, s.chars) for s in doc.skipped] == [("Project Gutenberg header", 176),
                                                        ("Project Gutenberg licence", 188)]


def test_the_shorter_end_of_project_gutenbergs_line_goes_with_the_licence() -> None:
    line = "End of Project Gutenberg's Rivers, by Ann Lee\n\n"
    page = OLDER.replace("<pre>\n*** END", "<pre>\n" + line + "*** END")
    assert read(page)[:2] == (OLD_BOOK, [("pre", "Project Gutenberg header", 176),
                                         ("pre", "Project Gutenberg licence", 188 + len(line))])


def test_the_end_of_the_ebook_line_in_a_paragraph_of_its_own_goes_with_the_licence() -> None:
    # the line in a <p> before the END line's <pre> (blank lines and a comment between)
    line = "End of the Project Gutenberg EBook of Rivers, by Ann Lee"
    page = OLDER.replace("<pre>\n*** END", f"<p>\n{line}\n</p>\n<!-- end -->\n<pre>\n*** END")
    assert read(page)[:2] == (OLD_BOOK, [("pre", "Project Gutenberg header", 176),
                                         ("p", "Project Gutenberg licence", 188 + len(line))])
    # at the end of the book's last text, after a blank line: the text before it is the book's
    page = OLDER.replace("They shape the land.</p>\n<pre>", f"They shape the land.\n\n{line}\n</p>\n<pre>")
    assert read(page)[:2] == (OLD_BOOK, [("pre", "Project Gutenberg header", 176),
                                         ("p", "Project Gutenberg licence", 188 + len(line))])
    # a last paragraph that only mentions the words is the book's; so is one before other text
    for last in ("<p>The end of Project Gutenberg's work on rivers is near.</p>",
                 f"<p>{line}</p><p>A postscript.</p>"):
        page = OLDER.replace("<pre>\n*** END", last + "<pre>\n*** END")
        said, gone, _ = read(page)
        assert said[:4] == OLD_BOOK and len(said) == 4 + last.count("<p>")
        assert gone[1] == ("pre", "Project Gutenberg licence", 188)


OLD_LAST = ("<html><head><title>Rivers</title></head><body><h2>CHAPTER IX</h2><p>The river reached the sea.</p>\n"
            "<p>End of the Project Gutenberg EBook of Rivers, by Ann Lee</p>\n"
            "<pre>\n*** END OF THIS PROJECT GUTENBERG EBOOK RIVERS ***\n\nUpdated editions will replace the "
            "previous one.\n</pre>\n<p>THE FULL PROJECT GUTENBERG LICENSE</p>\n"
            + "<p>Project Gutenberg-tm electronic works may be copied.</p>" * 19 + "</body></html>")


def test_the_last_file_of_an_older_epub_is_read_without_its_licence() -> None:
    # no footer section, no START line: the END line followed by the licence (named 20 times)
    assert recognise(parse_tree(OLD_LAST)).name == "gutenberg"
    said, gone, _ = read(OLD_LAST)
    licence = len("End of the Project Gutenberg EBook of Rivers, by Ann Lee") + len(
        "*** END OF THIS PROJECT GUTENBERG EBOOK RIVERS ***\n\nUpdated editions will replace the previous one.") + len(
        "THE FULL PROJECT GUTENBERG LICENSE") + 19 * len("Project Gutenberg-tm electronic works may be copied.")
    assert said == ["CHAPTER nine", "The river reached the sea."] and gone == [("p", "Project Gutenberg licence", licence)]
    # the licence in the END line's own text
    one = ("<html><body><p>The river reached the sea.</p><pre>*** END OF THIS PROJECT GUTENBERG EBOOK RIVERS ***\n"
           + "Project Gutenberg-tm electronic works may be copied.\n" * 20 + "</pre></body></html>")
    assert recognise(parse_tree(one)).name == "gutenberg"
    assert read(one)[0] == ["The river reached the sea."]


def test_a_lesson_quoting_the_end_line_and_a_little_licence_is_no_book() -> None:
    # a lesson about e-books quotes the line and the licence's opening, then goes on: all of it is read
    lesson = OLD_LAST.split("<p>THE FULL")[0] + "<p>THE FULL PROJECT GUTENBERG LICENSE</p>" + \
        "<p>Project Gutenberg-tm electronic works may be copied.</p>" * 18 + "<h2>Exercise</h2><p>Find the line.</p></body></html>"
    assert recognise(parse_tree(lesson)).name != "gutenberg"
    said, gone, _ = read(lesson)
    assert gone == [] and said[-2:] == ["Exercise", "Find the line."]
    # nor a page whose licence words come before the line
    earlier = ("<html><body>" + "<p>Project Gutenberg-tm is a trademark.</p>" * 30 + "<pre>*** END OF THIS PROJECT "
               "GUTENBERG EBOOK RIVERS ***</pre><p>That is the line.</p></body></html>")
    assert recognise(parse_tree(earlier)).name != "gutenberg"


def test_a_start_line_outside_the_body_is_no_book() -> None:
    page = ("<html><head><title>The Project Gutenberg EBook of Rivers\n\nThis eBook is for the use of anyone "
            "anywhere.\n\n*** START OF THE PROJECT GUTENBERG EBOOK RIVERS ***\nRivers.</title></head></html>")
    assert recognise(parse_tree(page)).name != "gutenberg"


def test_a_wrapper_left_with_only_empty_elements_goes_too() -> None:
    # an anchor after the START line, in the header's <pre>: the <pre> says nothing and is no code block
    page = OLDER.replace("RIVERS ***\n</pre>", 'RIVERS ***\n<a id="start"></a></pre>', 1)
    assert '<a id="start">' in page
    doc = parse_html(page.encode(), "book.html", ParseConfig())
    assert [(s.what, s.chars) for s in doc.skipped] == [("Project Gutenberg header", 176),
                                                        ("Project Gutenberg licence", 188)]


def test_an_end_line_quoted_at_a_lessons_end_is_no_footer() -> None:
    page = ("<html><body><h1>E-books</h1><p>Project Gutenberg books end with a line such as:</p>"
            "<pre>*** END OF THE PROJECT GUTENBERG EBOOK RIVERS ***</pre></body></html>")
    assert recognise(parse_tree(page)).name == "page"
    by_class = ('<html><body><p>The end of the book.</p><div class="pg-boilerplate"><p>*** END OF THE PROJECT '
                "GUTENBERG EBOOK RIVERS ***</p><p>The licence.</p></div></body></html>")
    assert recognise(parse_tree(by_class)).name == "gutenberg"  # Ebookmaker's class, no id


def test_a_licence_file_opening_with_the_end_line_has_nothing_to_read() -> None:
    # the END line is the body's first text (nothing before it to walk back to), and <title> is
    # the older "End of..." line: the cut starts at the END line, never in <head>
    licence = ("<pre>*** END OF THIS PROJECT GUTENBERG EBOOK RIVERS ***\n</pre>"
               + "<p>Project Gutenberg-tm electronic works may be copied.</p>" * 20 + "</body></html>")
    for head in ("", "<head><title>End of the Project Gutenberg EBook of Rivers</title></head>"):
        page = f"<html>{head}<body>{licence}"
        assert recognise(parse_tree(page)).name == "gutenberg"
        with pytest.raises(NothingToRead) as e:
            parse_html(page.encode(), "dir/last.html", ParseConfig())
        assert str(e.value) == "dir/last.html: no speakable text in the document (left out: Project Gutenberg licence)"
