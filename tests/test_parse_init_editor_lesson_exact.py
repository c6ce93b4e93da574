"""The language and title of an editor's document (narrator/parse/__init__.py): when the document
kept in a textarea is read instead of the demo page around it, its own <html lang> names the
lesson's language (which decides the sentence rules, the normalisation and the voice) and its own
<title> or heading the lesson's title, not the page's."""

from __future__ import annotations

from narrator.config import Config, ParseConfig
from narrator.parse import parse_html
from narrator.script.planner import plan

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


def test_a_language_the_documents_body_declares_is_its_blocks() -> None:
    # as on a page: <body lang> is the language of the blocks in it, the document keeps its own
    page = ('<html lang="en"><body><p>Demo</p><textarea>&lt;html&gt;&lt;head&gt;&lt;title&gt;Kurs&lt;/title&gt;'
            f'&lt;/head&gt;&lt;body lang="de"&gt;{GERMAN}&lt;/body&gt;&lt;/html&gt;</textarea></body></html>')
    doc = parse_html(page.encode(), "dir/lesson.html", ParseConfig())
    assert doc.lang == "en"
    assert [(b.text, b.lang, b.source) for c in doc.chapters for b in c.blocks] == [
        ("Guten Morgen, das ist eine kurze Lektion.", "de", "textarea:nth-of-type(1) > p:nth-of-type(1)")]


# a Finnish paragraph of 68 words written for this test: enough for the text to name its language
FINNISH_LONG = ("Yhteyttäminen on kasvien tapa valmistaa ravintoa auringon valon avulla. Lehtien viherhiukkaset "
                "sitovat valon energiaa, ja kasvi ottaa ilmasta hiilidioksidia sekä maasta vettä juuriensa kautta. "
                "Näistä aineista syntyy sokeria, jota kasvi käyttää kasvuun ja varastoi myöhempää käyttöä varten. "
                "Samalla vapautuu happea, jota ihmiset ja eläimet hengittävät. Ilman yhteyttämistä maapallolla ei "
                "olisi nykyisenlaista elämää. Mieti, miksi kasvit tarvitsevat kesällä enemmän vettä kuin talvella, "
                "ja kirjoita vastauksesi vihkoon ennen seuraavaa tuntia.")


def test_a_template_language_the_documents_text_contradicts_reaches_no_block() -> None:
    # the editor's document keeps a template's <html lang="en">; its text is plainly Finnish: the
    # lesson is Finnish, every sentence said by the Finnish voice (as on a page, test_language_of_page.py)
    page = '<html lang="en"><body><p>Demo</p>' + editor(f"&lt;p&gt;{FINNISH_LONG}&lt;/p&gt;", "en") + "</body></html>"
    doc = parse_html(page.encode(), "dir/lesson.html", ParseConfig())
    assert doc.lang == "fi"
    assert [b.lang for c in doc.chapters for b in c.blocks] == [None]
    assert {s.lang for s in plan(doc, Config()).segments} == {"fi"}


def titled(body: str) -> tuple[str, list[str]]:
    """The title and the spoken text of a demo page titled "TinyMCE demo" holding ``body``."""
    page = f'<html lang="en"><head><title>TinyMCE demo</title></head><body>{body}</body></html>'
    doc = parse_html(page.encode(), "dir/lesson.html", ParseConfig())
    return doc.title, [s.spoken for s in plan(doc, Config()).segments]


def test_the_demo_pages_title_is_not_the_lessons() -> None:
    # a document without a title of its own: the file stem, which is never narrated
    assert titled("<p>Demo</p><textarea>&lt;p&gt;Plants make food. They need light.&lt;/p&gt;</textarea>") == (
        "lesson", ["Plants make food.", "They need light."])


def test_the_editors_document_is_titled_by_its_own_title_or_heading() -> None:
    own = "&lt;html&gt;&lt;head&gt;&lt;title&gt;Leaves&lt;/title&gt;&lt;/head&gt;&lt;body&gt;&lt;p&gt;Plants make food.&lt;/p&gt;"
    assert titled(f"<p>Demo</p><textarea>{own}&lt;/body&gt;&lt;/html&gt;</textarea>")[0] == "Leaves"
    heading = "&lt;h1&gt;Green leaves&lt;/h1&gt;&lt;p&gt;Plants make food.&lt;/p&gt;"
    assert titled(f"<p>Demo</p><textarea>{heading}</textarea>") == ("Green leaves", ["Green leaves", "Plants make food."])


def test_a_page_read_instead_of_the_editor_keeps_its_title() -> None:
    page = "<h1>Using the demo</h1><p>Type a lesson into the box below.</p><textarea>&lt;p&gt;Draft.&lt;/p&gt;</textarea>"
    assert titled(page)[0] == "TinyMCE demo"
