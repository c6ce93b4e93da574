"""An editor's document kept in a <textarea> (narrator/parse/__init__.py), in the cases the exact
tests leave open: what counts as a document, what of it is kept, and how long it must be to be
read instead of the page around it."""

from __future__ import annotations

import pytest

from narrator.config import ParseConfig
from narrator.errors import TooLarge
from narrator.parse import ParseLimits, parse_html
from narrator.values import Skipped

AROUND = "page around the editor"
INSTEAD = "the editor's document is read instead"


def parse(markup: str) -> tuple[list[tuple[str, tuple[str, ...], str]], tuple[Skipped, ...]]:
    doc = parse_html(markup.encode(), "dir/lesson.html", ParseConfig())
    return [(b.text, b.images, b.source) for c in doc.chapters for b in c.blocks], doc.skipped


def test_escaped_text_without_markup_is_no_document() -> None:
    # escaped twice ("&amp;lt;" in the page, "&lt;" in the textarea), unescaped to "x < y ...": still
    # no tag, so the textarea is a control of the page
    blocks, skipped = parse("<textarea>x &amp;lt; y and more words here to make it long</textarea><p>x</p>")
    assert blocks == [("x", (), "body > p:nth-of-type(1)")]
    # its text as read, "x &lt; y ...", is 44 characters
    assert skipped == (Skipped("body > textarea:nth-of-type(1)", "form control", "a control label, not lesson text", 44),)


def test_a_document_without_text_is_left_out_of_the_editors_content() -> None:
    # the first textarea holds a picture only: nothing of it (neither its block nor its report)
    blocks, skipped = parse('<textarea><p><img src="a.png"></p></textarea>'
                            "<textarea><p>Editor text that is long enough.</p></textarea><p>x</p>")
    assert blocks == [("Editor text that is long enough.", (), "textarea:nth-of-type(2) > p:nth-of-type(1)")]
    assert skipped == (Skipped("body", AROUND, INSTEAD, 1),)


def test_the_editors_document_must_be_more_than_twice_as_long_as_the_page() -> None:
    blocks, _ = parse("<textarea><p>abcdefghij</p></textarea><p>abcde</p>")  # 10 against 5
    assert blocks == [("abcde", (), "body > p:nth-of-type(1)")]
    blocks, skipped = parse("<textarea><p>abcdefghijk</p></textarea><p>abcde</p>")  # 11 against 5
    assert blocks == [("abcdefghijk", (), "textarea:nth-of-type(1) > p:nth-of-type(1)")]
    assert skipped == (Skipped("body", AROUND, INSTEAD, 5),)


def test_only_a_script_of_type_text_plain_holds_an_editors_document() -> None:
    # on a web page a paragraph of one link is chrome; the link's words, which show markup, are
    # no editor's document even though the link is of type text/plain
    blocks, skipped = parse('<script>var a;</script><p><a type="text/plain" href="ex.txt">&lt;p&gt;An example '
                            "paragraph of markup&lt;/p&gt;</a></p><p>Read this.</p>")
    assert blocks == [("Read this.", (), "body > p:nth-of-type(2)")]
    assert skipped == (Skipped("body > p:nth-of-type(1)", "page chrome", "mostly links", 37),)


def test_holders_without_a_document_do_not_stop_the_search_for_one() -> None:
    doc = "<textarea><p>Editor text that is long enough.</p></textarea><p>x</p>"
    for first in ("<textarea>plain words</textarea>", "<textarea>x &amp;lt; y</textarea>"):  # escaped, no tag
        blocks, skipped = parse(first + doc)
        assert blocks == [("Editor text that is long enough.", (), "textarea:nth-of-type(2) > p:nth-of-type(1)")]
        assert skipped == (Skipped("body", AROUND, INSTEAD, 1),)


def test_an_empty_id_does_not_name_the_editors_document() -> None:
    blocks, _ = parse('<textarea id=""><p>Editor text that is long enough.</p></textarea><p>x</p>')
    assert blocks == [("Editor text that is long enough.", (), "textarea:nth-of-type(1) > p:nth-of-type(1)")]


def test_the_depth_limit_holds_inside_an_editors_document() -> None:
    # the page is three levels deep (html, body, textarea); the document inside it is ten
    deep = "<textarea>" + "&lt;div&gt;" * 8 + "Editor words, deep inside." + "&lt;/div&gt;" * 8 + "</textarea><p>x</p>"
    with pytest.raises(TooLarge) as e:
        parse_html(deep.encode(), "dir/lesson.html", ParseConfig(), limits=ParseLimits(max_depth=6))
    assert str(e.value) == "dir/lesson.html: elements nested deeper than the limit of 6"
    blocks, _ = parse(deep)  # no limit: read
    assert [b[0] for b in blocks] == ["Editor words, deep inside."]


EDITOR_WITH_CODE = "<textarea><p>Editor text that is long enough.</p><pre>x = 1</pre></textarea><p>x</p>"


def test_an_editors_document_is_read_with_the_lessons_settings() -> None:
    doc = parse_html(EDITOR_WITH_CODE.encode(), "dir/lesson.html", ParseConfig(read_code=True))
    assert [(b.kind, b.text) for c in doc.chapters for b in c.blocks] == [
        ("paragraph", "Editor text that is long enough."), ("code", "x = 1")]
    blocks, skipped = parse(EDITOR_WITH_CODE)  # read_code off: the code block is reported
    assert [b[0] for b in blocks] == ["Editor text that is long enough."]
    assert skipped == (Skipped("body", AROUND, INSTEAD, 1), Skipped("textarea:nth-of-type(1) > pre:nth-of-type(1)",
                                                                    "code block", "code is not read (read_code)", 5, 1))


def test_the_character_limit_holds_inside_an_editors_document() -> None:
    # "Editor text that is long enough.": 32 characters
    with pytest.raises(TooLarge) as e:
        parse_html(EDITOR_WITH_CODE.encode(), "dir/lesson.html", ParseConfig(), limits=ParseLimits(max_chars=31))
    assert str(e.value) == "dir/lesson.html: more text than the limit of 31 characters"
    parse_html(EDITOR_WITH_CODE.encode(), "dir/lesson.html", ParseConfig(), limits=ParseLimits(max_chars=32))


def test_a_copy_in_other_markup_is_read_once_and_the_next_document_still_is() -> None:
    # the second holder has the first's words ("Helloworldagain" without spaces) in one paragraph
    blocks, _ = parse("<textarea><p>Hello</p><p>world again</p></textarea><textarea><p>Hello world again</p></textarea>"
                      "<textarea><p>Another document.</p></textarea><p>x</p>")
    assert [(b[0], b[2]) for b in blocks] == [
        ("Hello", "textarea:nth-of-type(1) > p:nth-of-type(1)"),
        ("world again", "textarea:nth-of-type(1) > p:nth-of-type(2)"),
        ("Another document.", "textarea:nth-of-type(3) > p:nth-of-type(1)")]
