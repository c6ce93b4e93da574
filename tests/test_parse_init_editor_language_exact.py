"""The language of an editor's document (narrator/parse/__init__.py): when the document kept in a
textarea is read instead of the demo page around it, its own <html lang> names the lesson's
language (which decides the sentence rules, the normalisation and the voice), not the page's."""

from __future__ import annotations

from narrator.config import ParseConfig
from narrator.parse import parse_html

# under 50 words: too short for the text to overrule what the markup declares (textlang.py)
FINNISH = "&lt;p&gt;Hyvää huomenta, tämä on lyhyt oppitunti.&lt;/p&gt;"
GERMAN = "&lt;p&gt;Guten Morgen, das ist eine kurze Lektion.&lt;/p&gt;"


def editor(body: str, lang: str | None = None) -> str:
    """A textarea holding a whole document (escaped, as a demo page's source has it)."""
    html = f'&lt;html lang="{lang}"&gt;' if lang is not None else "&lt;html&gt;"
    return f"<textarea>{html}&lt;body&gt;{body}&lt;/body&gt;&lt;/html&gt;</textarea>"


def language(page_lang: str, body: str) -> tuple[str, list[str]]:
    page = f'<!doctype html><html lang="{page_lang}"><head><title>Demo</title></head><body>{body}</body></html>'
    doc = parse_html(page.encode(), "dir/lesson.html", ParseConfig())
    return doc.lang, [b.text for c in doc.chapters for b in c.blocks]


def test_the_editors_document_read_instead_of_the_page_is_in_its_own_language() -> None:
    assert language("en", "<p>Demo</p>" + editor(FINNISH, "fi")) == (
        "fi", ["Hyvää huomenta, tämä on lyhyt oppitunti."])
    # a region or script subtag names the same language
    assert language("en", "<p>Demo</p>" + editor(FINNISH, "fi-FI"))[0] == "fi"


def test_a_document_that_declares_no_language_takes_the_pages() -> None:
    assert language("de", "<p>Demo</p>" + editor(GERMAN)) == ("de", ["Guten Morgen, das ist eine kurze Lektion."])
    # a malformed declaration is none
    assert language("de", "<p>Demo</p>" + editor(GERMAN, "??"))[0] == "de"


def test_the_page_read_instead_of_the_editor_keeps_the_pages_language() -> None:
    # the page's text is more than half the document's: the page is read, in its own language
    assert language("en", "<p>A page about the editor.</p>" + editor(FINNISH, "fi")) == (
        "en", ["A page about the editor."])


def test_the_first_document_read_names_the_language() -> None:
    assert language("en", "<p>Demo</p>" + editor(FINNISH, "fi") + editor(GERMAN, "de"))[0] == "fi"
    # a document without text, or a copy of one already read, names nothing
    empty = editor("&lt;p&gt; &lt;/p&gt;", "de")
    assert language("en", "<p>Demo</p>" + empty + editor(FINNISH, "fi"))[0] == "fi"
    assert language("en", "<p>Demo</p>" + editor(FINNISH, "fi") + editor(FINNISH, "de"))[0] == "fi"
