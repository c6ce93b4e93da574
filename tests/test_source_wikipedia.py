"""Wikipedia and other MediaWiki pages (desktop, Parsoid, mobile-html) read as an article."""

from __future__ import annotations

from narrator.config import ParseConfig
from narrator.parse import parse_html
from narrator.values import Document


def _desktop(body: str, title: str = "Widget") -> bytes:
    """A saved desktop page: the skin's frame around the parser's output."""
    return f"""<!DOCTYPE html><html lang="en"><head><title>{title} - Wikipedia</title>
<meta name="generator" content="MediaWiki 1.40.0"><script>RLCONF={{}};</script></head>
<body class="mediawiki skin-vector"><div id="content" class="mw-body">
<h1 id="firstHeading" class="firstHeading">{title}</h1>
<div id="bodyContent"><div id="siteSub">From Wikipedia, the free encyclopedia</div>
<div id="mw-content-text"><div class="mw-parser-output">{body}</div></div>
<div class="printfooter">Retrieved from "https://en.wikipedia.org/wiki/{title}"</div>
<div id="catlinks">Categories: Widgets</div></div></div>
<div id="mw-navigation"><nav><ul><li><a href="/">Main page</a></li></ul></nav>
<form><input type="search"></form></div>
<div id="footer">This page was last edited on 1 May 2020. Text is available under CC BY-SA.</div>
</body></html>""".encode()


def _h2(text: str, ident: str) -> str:
    return (f'<h2><span class="mw-headline" id="{ident}">{text}</span><span class="mw-editsection">'
            f'<span class="mw-editsection-bracket">[</span><a href="?action=edit">edit</a>'
            f'<span class="mw-editsection-bracket">]</span></span></h2>')


def _parse(data: bytes, **kw: object) -> Document:
    return parse_html(data, "page.html", ParseConfig(**kw))  # type: ignore[arg-type]


def _said(doc: Document) -> str:
    return "\n".join(b.text for c in doc.chapters for b in c.blocks)


LEAD = "<p>A <b>widget</b> is a small gadget used in many machines and toys around the world.</p>"


def test_frame_edit_links_and_contents_are_not_read_and_reported() -> None:
    body = (LEAD + '<div id="toc" class="toc"><div class="toctitle"><h2>Contents</h2></div>'
            '<ul><li><a href="#History">1 History</a></li></ul></div>'
            + _h2("History", "History") + "<p>Widgets were first made of wood by carpenters.</p>"
            + _h2("Uses", "Uses") + "<p>Widgets turn the wheels of clocks.</p>")
    doc = _parse(_desktop(body))
    said = _said(doc)
    assert doc.title == "Widget"
    assert "[edit]" not in said and "edit" not in said.split()
    assert "Contents" not in said and "Retrieved from" not in said and "Categories" not in said
    assert "free encyclopedia" not in said and "last edited" not in said and "Main page" not in said
    assert [c.title for c in doc.chapters] == ["Widget", "History", "Uses"]
    whats = {s.what for s in doc.skipped}
    assert {"edit link", "table of contents", "page frame"} <= whats
    assert all(s.reason for s in doc.skipped)


def test_maintenance_hatnote_and_citation_needed_are_not_read() -> None:
    body = ('<div role="note" class="hatnote navigation-not-searchable">For other uses, see '
            '<a href="/wiki/Widget_(disambiguation)">Widget (disambiguation)</a>.</div>' + LEAD
            + _h2("Uses", "Uses")
            + '<table class="box-Expand_section plainlinks metadata ambox ambox-content"><tr>'
            '<td class="mbox-image"><img alt="[icon]" src="x.png"></td><td class="mbox-text">'
            "This section needs expansion. You can help by adding to it. (May 2020)</td></tr></table>"
            '<p>Widgets turn wheels.<sup class="noprint Inline-Template Template-Fact">[<i>'
            '<a href="/wiki/Wikipedia:Citation_needed">citation needed</a></i>]</sup></p>')
    doc = _parse(_desktop(body))
    said = _said(doc)
    assert "For other uses" not in said and "needs expansion" not in said and "[icon]" not in said
    assert "citation needed" not in said and "Widgets turn wheels." in said
    whats = {s.what for s in doc.skipped}
    assert {"hatnote", "maintenance notice", "maintenance tag"} <= whats


def test_references_and_external_links_are_notes_at_the_end_and_see_also_is_not_read() -> None:
    body = (LEAD.replace("world.", 'world.<sup id="cite_ref-1" class="reference">'
                         '<a href="#cite_note-1">[1]</a></sup>')
            + _h2("History", "History") + "<p>Widgets were first made of wood by carpenters.</p>"
            + _h2("Uses", "Uses") + "<p>Widgets turn the wheels of clocks.</p>"
            + _h2("See also", "See_also") + '<ul><li><a href="/wiki/Gadget">Gadget</a></li>'
            '<li><a href="/wiki/Gizmo">Gizmo</a></li></ul>'
            + _h2("References", "References") + '<div class="reflist"><ol class="references">'
            '<li id="cite_note-1"><span class="mw-cite-backlink"><a href="#cite_ref-1">^</a></span> '
            '<span class="reference-text"><cite class="citation book">Smith, J. (2001). '
            '<a class="external" href="https://example.org/w">The Widget Book</a>. Acme.</cite>'
            '</span></li></ol></div>'
            + _h2("External links", "External_links") + '<ul><li><a class="external text" '
            'href="https://widgets.example.org">Widget Society</a> – official site</li></ul>')
    doc = _parse(_desktop(body))
    titles = [c.title for c in doc.chapters]
    assert titles == ["Widget", "History", "Uses", "Notes"]
    notes = "\n".join(b.text for b in doc.chapters[-1].blocks)
    assert "The Widget Book" in notes and "Widget Society" in notes and "^" not in notes
    assert "Gizmo" not in _said(doc)
    whats = [s.what for s in doc.skipped]
    assert "see also" in whats and whats.count("notes heading") == 2
    assert "mostly links" not in {s.reason for s in doc.skipped}
    skipped = _parse(_desktop(body), notes="skip")
    assert "The Widget Book" not in _said(skipped)


def test_a_list_of_links_inside_the_article_is_read() -> None:
    body = (LEAD + _h2("Makers", "Makers") + '<ul><li><a href="/wiki/Acme">Acme</a></li>'
            '<li><a href="/wiki/Globex">Globex</a></li><li><a href="/wiki/Initech">Initech</a></li></ul>')
    said = _said(_parse(_desktop(body)))
    assert "Acme" in said and "Initech" in said


def test_navbox_sidebar_and_coordinates_are_not_read_captions_are() -> None:
    body = ('<span id="coordinates"><a href="//geohack">Coordinates: 49°N 8°E</a></span>' + LEAD
            + '<table class="sidebar nomobile"><tr><th>Part of a series on gadgets</th></tr>'
            '<tr><td><a href="/wiki/A">A</a> <a href="/wiki/B">B</a></td></tr></table>'
            '<div class="thumb tright"><div class="thumbinner"><img alt="" src="w.png">'
            '<div class="thumbcaption">A brass widget from 1900.</div></div></div>'
            + _h2("History", "History") + "<p>Widgets were first made of wood by carpenters.</p>"
            '<div role="navigation" class="navbox"><table><tr><th>Gadgets</th><td>'
            '<a href="/wiki/C">Cog</a> · <a href="/wiki/D">Dial</a></td></tr></table></div>')
    doc = _parse(_desktop(body))
    said = _said(doc)
    assert "Coordinates" not in said and "series on gadgets" not in said and "Dial" not in said
    assert "A brass widget from 1900." in said
    assert {"navigation box", "title-bar coordinates"} <= {s.what for s in doc.skipped}


def test_infobox_is_read_after_the_lead_without_its_toggle_labels() -> None:
    body = ('<table class="infobox"><tr><th colspan="2">Widget</th></tr>'
            '<tr><th scope="row">Inventor</th><td>Ada Smith</td></tr>'
            '<tr><td colspan="2"><table class="collapsible collapsed"><tr><th>Relatives'
            '<span class="mw-collapsible-toggle">[show]</span></th></tr>'
            '<tr><td>Bob Smith</td></tr></table></td></tr></table>' + LEAD)
    doc = _parse(_desktop(body))
    texts = [b.text for b in doc.chapters[0].blocks]
    lead = next(i for i, t in enumerate(texts) if "small gadget" in t)
    inventor = next(i for i, t in enumerate(texts) if "Ada Smith" in t)
    assert lead < inventor
    assert "show" not in _said(doc)


def test_pronunciation_is_not_read_and_leaves_no_empty_brackets() -> None:
    body = ('<p><b>Konjac</b> (<span class="rt-commentedText nowrap"><small>English: </small>'
            '<span class="IPA nopopups noexcerpt" lang="en-fonipa"><a href="/wiki/Help:IPA/English">'
            "/ˈkoʊnjæk/</a></span></span> <a href=\"/wiki/Help:Pronunciation_respelling_key\">"
            "<i>KOHN-yak</i></a>) is a plant.</p>"
            '<p><b>Ada</b> (<span class="IPA" lang="en-fonipa">/ˈeɪdə/</span>; born 1950) is a smith.</p>')
    doc = _parse(_desktop(body))
    said = _said(doc)
    assert "Konjac is a plant." in said and "Ada (born 1950) is a smith." in said
    assert "ˈ" not in said and "KOHN" not in said
    assert "pronunciation" in {s.what for s in doc.skipped}


MOBILE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<meta property="mw:pageNamespace" content="2"><meta property="mw:htmlVersion" content="2.4.0">
<title>User:Someone/Tests/Castle</title><script src="//pcs.js"></script></head>
<body class="mw-parser-output content"><div id="pcs" class="mw-parser-output">
<script>pcs.c1.Page.onBodyStart();</script>
<section data-mw-section-id="0"><span class="pcs-edit-section-link-container"><a href="/edit" class="pcs-edit-section-link"></a></span>
<p><b>Castle Rock</b> is a fortification on a spur above the village.<sup class="mw-ref reference" id="cite_ref-1"><a href="./User:Someone/Tests/Castle#cite_note-1"><span class="mw-reflink-text">[1]</span></a></sup></p></section>
<section data-mw-section-id="1" style="display: none;"><div class="pcs-edit-section-header v2">
<h2 id="History" class="pcs-edit-section-title">History</h2><span class="pcs-edit-section-link-container"><a href="/edit" class="pcs-edit-section-link"></a></span></div>
<p>It was built in the thirteenth century by the lords of the valley.</p></section>
<section data-mw-section-id="4" style="display: none;"><div class="pcs-edit-section-header v2">
<h2 id="Ruins" class="pcs-edit-section-title">Ruins</h2></div><p>Only the keep still stands.</p></section>
<section data-mw-section-id="2" style="display: none;"><div class="pcs-edit-section-header v2">
<h2 id="Audio" class="pcs-edit-section-title">Audio</h2></div>
<table role="presentation" class="mbox-small noprint"><tr><td><div class="haudio"><a href="./File:Bell.ogg">Bell</a> (0:22)
<audio controls><source src="bell.ogg"></audio></div></td></tr><tr><td><i class="selfreference">Problems playing this file? See media help.</i></td></tr></table></section>
<section data-mw-section-id="3" style="display: none;"><div class="pcs-edit-section-header v2">
<h2 id="References" class="pcs-edit-section-title">References</h2></div>
<div class="reflist"><style>.mw-parser-output .reflist{font-size:90%}</style><ol class="mw-references references"><li id="cite_note-1"><div class="pcs-ref">
<div class="pcs-ref-backlink-container"><a class="pcs-ref-back-link" href="./User:Someone/Tests/Castle#cite_ref-1">[1]</a></div>
<div class="pcs-ref-body"><span class="mw-reference-text">Built according to the village chronicle.</span></div></div></li></ol></div></section>
</div></body></html>"""


def test_mobile_html_opens_folded_sections_and_places_notes() -> None:
    doc = _parse(MOBILE.encode())
    assert doc.title == "Castle"
    assert [c.title for c in doc.chapters] == ["Castle", "History", "Ruins", "Notes"]
    said = _said(doc)
    assert "thirteenth century" in said and "Problems playing" not in said and "Bell" not in said
    assert "village chronicle" in said and "[1]" not in said
    whats = {s.what for s in doc.skipped}
    assert {"sound player", "empty heading", "control label"} <= whats
    inline = _parse(MOBILE.encode(), notes="inline")
    texts = [b.text for b in inline.chapters[0].blocks]
    assert any("village chronicle" in t for t in texts)  # after the paragraph citing it


def test_chinese_wikipedia_appendix_names_and_edit_links() -> None:
    body = ("<p>蔡倫是東漢時期的宦官，改進了造紙術，使紙張得以普及。</p>"
            + _h2("生平", "生平").replace(">edit<", ">编辑<") + "<p>蔡倫出生於桂陽郡，少年時入宮。</p>"
            + _h2("評價", "評價") + "<p>後世尊他為造紙的祖師。</p>"
            + _h2("參見", "參見").replace(">edit<", ">编辑<") + '<ul><li><a href="/wiki/紙">紙</a></li></ul>'
            + _h2("參考文獻", "參考文獻").replace(">edit<", ">编辑<")
            + '<ol class="references"><li id="cite_note-1">《後漢書·宦者列傳》。</li></ol>')
    doc = _parse(_desktop(body, "蔡倫").replace("Wikipedia".encode(), "維基百科，自由的百科全書".encode()))
    said = _said(doc)
    assert doc.title == "蔡倫"
    assert "编辑" not in said and "參見" not in said
    assert [c.title for c in doc.chapters] == ["蔡倫", "生平", "評價", "註釋"]  # the cue in its script


def test_a_page_without_mediawiki_marks_is_not_claimed() -> None:
    from narrator.parse.html import parse_soup
    from narrator.parse.sources.wikipedia import Wikipedia

    assert not Wikipedia.detect(parse_soup("<html><body><div class='content'><p>Hi.</p></div></body></html>"))
    assert Wikipedia.detect(parse_soup(_desktop(LEAD).decode()))
    assert Wikipedia.detect(parse_soup(MOBILE))


def test_no_chapter_is_a_title_alone_mobile_html_reference_previews() -> None:
    """pcs writes a hidden "Preview of references" h2 inside each reference list: the Notes and
    References sections then hold only notes, so no chapter is left with just its title."""
    def section(n: int, title: str, inner: str) -> str:
        return (f'<section data-mw-section-id="{n}" style="display: none;">'
                f'<div class="pcs-edit-section-header v2"><h2 id="{title}" class="pcs-edit-section-title">'
                f'{title}</h2></div>{inner}</section>')

    refs = ('<div class="reflist"><div class="mw-references-wrap"><h2>Preview of references</h2>'
            '<ol class="mw-references references"><li id="cite_note-{0}"><span class="mw-reference-text">'
            'Source number {0}, a book about dogs.</span></li></ol></div></div>')
    page = ('<html><head><meta property="mw:pageId" content="1"><title>Dog</title></head><body>'
            '<div id="pcs"><section data-mw-section-id="0"><p>The dog is a domesticated descendant of '
            'the wolf.<sup class="mw-ref reference"><a href="./Dog#cite_note-1">[1]</a></sup></p></section>'
            + section(1, "Biology", "<p>Dogs have a keen sense of smell.</p>")
            + section(2, "Notes", refs.format(1)) + section(3, "References", refs.format(2))
            + "</div></body></html>").encode()
    doc = _parse(page)
    assert [c.title for c in doc.chapters] == ["Dog", "Notes"]  # one h2 of text: one chapter
    assert "Source number 1" in _said(doc) and "Source number 2" in _said(doc)
    assert [s.what for s in doc.skipped].count("notes heading") >= 2


def test_a_lone_link_under_references_is_a_reference() -> None:
    body = (LEAD + _h2("History", "History") + "<p>Widgets were first made in 1900 in a small town.</p>"
            + _h2("References", "References")
            + '<p><a rel="nofollow" class="external text" href="http://example.com/w">Widget repair tips</a></p>')
    doc = _parse(_desktop(body))
    assert [c.title for c in doc.chapters] == ["Widget", "Notes"]
    assert doc.chapters[-1].blocks[-1].text == "Widget repair tips"


def test_a_citation_error_message_is_not_read_the_citation_is() -> None:
    body = (LEAD + _h2("References", "References") + '<div class="reflist"><ol class="references">'
            '<li id="cite_note-1"><span class="reference-text"><cite class="citation journal cs1">'
            'Smith, J. (2001). "Widgets of the world".</cite> <span class="cs1-visible-error citation-comment">'
            '<code class="cs1-code">{{<a href="/wiki/Template:Cite_journal">cite journal</a>}}</code>: '
            'Cite journal requires <code class="cs1-code">|journal=</code> (<a href="/wiki/Help:CS1">help</a>)'
            '</span></span></li></ol></div>')
    doc = _parse(_desktop(body))
    said = _said(doc)
    assert "Widgets of the world" in said
    assert "requires" not in said and "|journal=" not in said and "help" not in said.split()
    assert [s.reason for s in doc.skipped if s.what == "citation error"] == [
        "the wiki's message to its editors about a malformed citation ('Cite journal requires |journal=')"]
