"""Documents as teachers have them -> HTML (formats.py), exactly: which reader a file gets, the
HTML of plain text and of Markdown's Pandoc/kramdown extensions, OLX and XHTML saved as .xml,
and the one-line refusals of Word packages beyond their limits."""

from __future__ import annotations

import base64
import io
import random
import zipfile

import pytest

import narrator.parse.formats as formats
from narrator.errors import BadInput, TooLarge
from narrator.parse.formats import markdown_extensions, to_html


def _refusal(data: bytes, path: str) -> BadInput:
    with pytest.raises(BadInput) as caught:
        to_html(data, path)
    assert caught.value.path == path
    return caught.value


# -- which reader ----------------------------------------------------------------------------

def test_html_goes_through_untouched_by_any_of_its_extensions():
    for name in ("a.html", "a.HTM", "a.xhtml"):
        assert to_html(b"<p>x</p> & <", name) == b"<p>x</p> & <"


def test_a_page_with_another_extension_or_none_is_read_when_it_starts_like_html():
    page = b"<!DOCTYPE html><p>x</p>"
    assert to_html(page, "lesson.php") == page
    assert to_html(page, "lesson") == page
    for start in (b"\xef\xbb\xbf  <html><body>x", b'<?xml version="1.0"?>\n<!-- saved -->\n<!-- twice --><HTML lang="en">',
                  b"<html>x", b"\n<!doctype HTML>"):
        assert to_html(start, "page.asp") == start
    for other in (b"<htmlx>", b"<p>x</p>", b"text <html>", b"<!-- open <html>"):
        err = _refusal(other, "page.asp")
        assert err.problem == "cannot read .asp: narrate reads .html, .htm, .xhtml, .docx, .md, .markdown, .txt lessons"
    assert _refusal(b"data", "README").problem.startswith("cannot read a file without an extension: narrate reads")
    late = b" " * 4091 + b"<html>"  # only the first 4,096 bytes are looked at
    assert _refusal(late, "x.cgi").problem.startswith("cannot read .cgi")
    assert to_html(b" " * 4090 + b"<html>", "x.cgi").endswith(b"<html>")


# -- plain text ------------------------------------------------------------------------------

def test_plain_text_paragraphs_at_blank_lines_nothing_is_markup():
    assert to_html(b"One\nline.\n\n  Two <b> & \"3\"  \r\n \t\r\nThree\n\n\n", "a.txt") == (
        b"<p>One\nline.</p>\n<p>Two &lt;b&gt; &amp; &quot;3&quot;</p>\n<p>Three</p>\n")
    assert to_html("第一段\n第二段\r第三段\n".encode(), "a.txt") == (
        "<p>第一段</p>\n<p>第二段</p>\n<p>第三段</p>\n".encode())
    assert to_html("甲\n\u3000\n乙".encode(), "a.txt") == "<p>甲</p>\n<p>乙</p>\n".encode()
    assert to_html(b"<!DOCTYPE html><p>x</p>", "saved.txt") == b"<!DOCTYPE html><p>x</p>"
    assert to_html(b"", "empty.txt") == b""


# -- Markdown --------------------------------------------------------------------------------

def test_markdown_becomes_commonmark_html_with_tables():
    assert to_html(b"# Title\r\n\r\nOne *two*.\n", "notes.md") == b"<h1>Title</h1>\n<p>One <em>two</em>.</p>\n"
    table = to_html(b"| a | b |\n|---|---|\n| 1 | 2 |\n", "t.markdown")
    assert table.startswith(b"<table>") and b"<td>1</td>" in table


def test_front_matter_stays_in_front_for_the_parser_to_report():
    out = to_html(b"---\ntitle: Rivers\n---\n# Rivers\n", "post.md")
    assert out.startswith(b"---\ntitle: Rivers\n---\n") and out.endswith(b"<h1>Rivers</h1>\n")


def test_footnotes_are_numbered_in_order_of_reference_and_listed_at_the_end():
    text = "Rivers[^r] and seas[^s], rivers again[^r] and[^none].\n\n[^s]: Salt water.\n[^r]: Fresh\n    water.\n"
    body, notes = markdown_extensions(text)
    assert body == ('Rivers<sup id="fnref-r"><a href="#fn-r">1</a></sup> and seas<sup id="fnref-s">'
                    '<a href="#fn-s">2</a></sup>, rivers again<sup id="fnref-r"><a href="#fn-r">1</a></sup> '
                    "and[^none].\n\n")
    assert notes == ('<section class="footnotes" role="doc-endnotes"><hr><ol>\n'
                     '<li id="fn-r"><p>Fresh water.</p></li>\n<li id="fn-s"><p>Salt water.</p></li>\n'
                     "</ol></section>\n")


def test_a_note_never_referred_to_is_listed_after_the_others_and_its_text_is_escaped():
    body, notes = markdown_extensions("Text.\n\n[^a]:\n    <b>bold</b> & co\n\n[^b]: B\n")
    assert body == "Text.\n\n\n"
    assert notes == ('<section class="footnotes" role="doc-endnotes"><hr><ol>\n'
                     '<li id="fn-a"><p>&lt;b&gt;bold&lt;/b&gt; &amp; co</p></li>\n<li id="fn-b"><p>B</p></li>\n'
                     "</ol></section>\n")
    assert markdown_extensions("No notes [^x] here.\n") == ("No notes [^x] here.\n", "")


def test_a_note_ends_at_its_first_unindented_or_blank_line():
    body, notes = markdown_extensions("[^n]: One\n\ttab\n    \nafter\n")
    assert body == "    \nafter\n"
    assert '<p>One tab</p>' in notes


def test_code_fences_are_left_alone():
    text = "```\n[^n]: not a note\n{#id}\n~~~\n```\n[^n]: a note\n~~~~\n```\n~~~~\n"
    body, notes = markdown_extensions(text)
    assert body == "```\n[^n]: not a note\n{#id}\n~~~\n```\n~~~~\n```\n~~~~\n"
    assert "a note" in notes
    body, _notes = markdown_extensions("````\n```\n[^n]: inside\n````\n")
    assert body == "````\n```\n[^n]: inside\n````\n"


def test_a_note_mark_inside_a_code_block_is_code():
    # a regex's "[^a]" in a code block is no reference to note "a": it stays as written, and the
    # note is numbered by the reference in the text
    body, notes = markdown_extensions("Text[^a].\n```\nre.sub('[^a]', '', s)\n```\n\n[^a]: A note.\n")
    assert body == ('Text<sup id="fnref-a"><a href="#fn-a">1</a></sup>.\n```\nre.sub(\'[^a]\', \'\', s)\n```\n\n')
    assert '<li id="fn-a"><p>A note.</p></li>' in notes


def test_a_note_mark_in_a_code_span_or_an_indented_code_block_is_code():
    mark = '<sup id="fnref-a"><a href="#fn-a">1</a></sup>'
    body, _ = markdown_extensions("Text[^a]. Use `[^a]` to match.\n\n    re.sub('[^a]', '', s)\n\n[^a]: A note.\n")
    assert body == f"Text{mark}. Use `[^a]` to match.\n\n    re.sub('[^a]', '', s)\n\n"
    # an indented paragraph of a list item, or a line continuing a paragraph, is text: its mark is one
    body, _ = markdown_extensions("- item[^a]\n\n    more of the item[^a]\n\n[^a]: A note.\n")
    assert body == f"- item{mark}\n\n    more of the item{mark}\n\n"
    body, _ = markdown_extensions("Para[^a]\n    continued[^a]\n\n[^a]: A note.\n")
    assert body == f"Para{mark}\n    continued{mark}\n\n"


def test_pandoc_attributes_are_dropped_and_alt_text_kept():
    assert markdown_extensions("![](a.png){width=50% alt='A river'}\n")[0] == "![A river](a.png)\n"
    assert markdown_extensions('![](a.png){alt="Delta" .wide}\n')[0] == "![Delta](a.png)\n"
    assert markdown_extensions("See [glob]{#glob} and [x](u){.cls} [y](v){target=_blank}.\n")[0] == (
        "See glob and [x](u) [y](v).\n")
    assert markdown_extensions("## Title {#intro .big}\n")[0] == "## Title\n"
    assert markdown_extensions("Braces {#x} in text.\n")[0] == "Braces {#x} in text.\n"


def test_definition_lists_and_line_blocks():
    assert markdown_extensions("Term\n:   A meaning.\n")[0] == "Term\n\nA meaning.\n"
    assert markdown_extensions("\n:   Not a definition.\n")[0] == "\n:   Not a definition.\n"
    assert markdown_extensions("| One line\n| two\n")[0] == "One line  \ntwo  \n"
    assert markdown_extensions("| a | b |\n")[0] == "| a | b |\n"


# -- XML -------------------------------------------------------------------------------------

def test_an_olx_component_becomes_html():
    assert to_html(b"<problem>Q</problem>", "p.xml") == (
        b'<!DOCTYPE html><html><body><div data-olx="problem">Q</div></body></html>')


def test_xhtml_or_html_saved_as_xml_is_read_as_html():
    xhtml = b'<html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head><body><p>x</p></body></html>'
    assert to_html(xhtml, "page.xml") == xhtml
    html = b"<!DOCTYPE html><html><body><p>&nbsp;x</p></body></html>"  # an entity XML lacks
    assert to_html(html, "page.xml") == html


def test_other_xml_and_broken_xml_are_refused_in_one_line():
    assert _refusal(b"<problem><p>open</problem>", "p.xml").problem == (
        "cannot read .xml: it is not well-formed XML; narrate reads .xml files of Open edX course exports")
    assert _refusal(b"<rss/>", "feed.xml").problem.startswith("cannot read .xml: <rss> is not")


# -- Word packages ---------------------------------------------------------------------------

def _zip(parts: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return buf.getvalue()


def test_a_file_that_is_no_zip_is_no_word_document():
    assert _refusal(b"%PDF-1.4", "a.docx").problem == "not a Word .docx document (it is not a zip package)"
    problem = _refusal(b"PK\x03\x04broken", "a.docx").problem
    assert problem.startswith("not a readable Word .docx document (")


def _noise(n: int) -> bytes:
    """``n`` bytes that do not pack (a Word package's XML packs about 10:1, these 1:1)."""
    return random.Random(n).randbytes(n).replace(b"<", b"a")


def test_xml_beyond_its_limit_is_refused(monkeypatch):
    monkeypatch.setattr(formats, "_MAX_XML", 1_000_000)
    # XML by its first bytes (after a byte order mark and white space), whatever the part's name
    data = _zip({"word/document.xml": b"<" + _noise(499_999), "other.bin": b"\xef\xbb\xbf \n<" + _noise(499_995),
                 "media/pic.png": b"\x89PNG" + _noise(1_000)})  # 1,000,001 bytes of XML
    err = _refusal(data, "long.docx")
    assert isinstance(err, TooLarge)
    assert err.problem == "too big to read: 1 MB of Word XML; the limit is 1 MB"
    data = _zip({"word/document.xml": b"<" + _noise(499_999), "other.bin": b"\xef\xbb\xbf \n<" + _noise(499_994),
                 "media/pic.png": b"\x89PNG" + _noise(1_000)})  # 1,000,000: the limit itself
    # under the limit: converted, and its XML is found broken
    assert _refusal(data, "ok.docx").problem.startswith(
        "not a readable Word .docx document (not well-formed (invalid token): line 1, column ")


def test_a_zip_package_without_a_word_document_inside_is_one_line():
    err = _refusal(_zip({"hello.txt": b"hi"}), "renamed.docx")
    assert err.problem == ("not a readable Word .docx document (Could not find main document part. "
                           "Are you sure this is a valid .docx file?)")


def test_a_package_unpacking_beyond_its_limit_is_refused(monkeypatch):
    monkeypatch.setattr(formats, "_MAX_UNPACKED", 3_000_000)
    data = _zip({"media/a.png": b"\x89PNG" + b"c" * 1_500_000, "media/b.png": b"\x89PNG" + b"d" * 1_500_000})
    err = _refusal(data, "pics.docx")
    assert isinstance(err, TooLarge)
    assert err.problem == "too big to read: 3 MB unpacked; the limit is 3 MB"


def test_a_part_packed_tighter_than_any_word_document_is_refused():
    data = _zip({"media/bomb.bin": b"\0" * 1_000_001})
    err = _refusal(data, "bomb.docx")
    assert isinstance(err, TooLarge)
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo("media/bomb.bin")
    assert err.problem == (f"media/bomb.bin is packed {info.file_size // info.compress_size:,}:1, as no Word "
                           "document is; the limit is 100:1")
    # a part of 1 MB or less may be packed as tightly as it likes
    small = _zip({"media/zeros.bin": b"\0" * 1_000_000})
    assert not isinstance(_refusal(small, "small.docx"), TooLarge)
    # stored, a big part is packed 1:1
    stored = _zip({"media/raw.bin": b"\0" * 1_000_001}, zipfile.ZIP_STORED)
    assert not isinstance(_refusal(stored, "stored.docx"), TooLarge)
    # packed exactly 100:1 is allowed
    assert not isinstance(_refusal(_zip({"media/x.bin": _noise(20_000)}, zipfile.ZIP_STORED), "x.docx"), TooLarge)


def test_text_line_endings_and_one_paragraph_per_line():
    assert to_html(b"a\r\nb\r\n\r\nc", "a.txt") == b"<p>a\nb</p>\n<p>c</p>\n"
    assert to_html(b"One line\nTwo lines", "a.txt") == b"<p>One line</p>\n<p>Two lines</p>\n"
    assert _refusal(b"X<html>", "page.asp").problem.startswith("cannot read .asp")


def test_binary_text_and_markdown_are_refused_naming_the_file():
    for name in ("notes.txt", "notes.md"):
        assert _refusal(b"abc\x00\x00\x00def", name).problem == "binary file (NUL bytes), not an HTML document"


def test_markdown_with_windows_line_endings_keeps_its_line_blocks():
    assert to_html(b"| One line\r\n| two\r\n", "a.md") == to_html(b"| One line\n| two\n", "a.md")
    assert to_html(b"| One line\n| two\n", "a.md") == b"<p>One line<br />\ntwo</p>\n"


def test_indented_lines_outside_notes_are_left_as_they_are():
    assert markdown_extensions("    indented code\n")[0] == "    indented code\n"
    assert markdown_extensions("```\nx\n```\n    code\n")[0] == "```\nx\n```\n    code\n"
    body, notes = markdown_extensions("[^n]: a\nplain\n    code\n")
    assert body == "plain\n    code\n" and "<p>a</p>" in notes


def test_an_html_component_or_page_saved_as_xml():
    assert to_html(b"<html><p>Hi</p></html>", "intro.xml") == (
        b'<!DOCTYPE html><html><body><div data-olx="html"><p>Hi</p></div></body></html>')
    for page in (b"<html><head><title>t</title></head><body><p>x</p></body></html>",
                 b"<html><head><title>t</title></head><p>x</p></html>", b"<html><body><p>x</p></body></html>"):
        assert to_html(page, "saved.xml") == page


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PR = "http://schemas.openxmlformats.org/package/2006/relationships"


def _word(body: str) -> bytes:
    """A Word package of one document part whose paragraphs are ``body``, with the styles Title
    and Subtitle."""
    return _zip({
        "[Content_Types].xml": (
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            "</Types>").encode(),
        "_rels/.rels": (f'<?xml version="1.0"?><Relationships xmlns="{_PR}"><Relationship Id="rId1" '
                        f'Type="{_R}/officeDocument" Target="word/document.xml"/></Relationships>').encode(),
        "word/document.xml": f'<?xml version="1.0"?><w:document xmlns:w="{_W}"><w:body>{body}</w:body></w:document>'.encode(),
        "word/_rels/document.xml.rels": (f'<?xml version="1.0"?><Relationships xmlns="{_PR}"><Relationship Id="rId1" '
                                         f'Type="{_R}/styles" Target="styles.xml"/></Relationships>').encode(),
        "word/styles.xml": (f'<?xml version="1.0"?><w:styles xmlns:w="{_W}">'
                            '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>'
                            '<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/></w:style>'
                            "</w:styles>").encode()})


def _para(text: str, style: str = "") -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{ppr}<w:r><w:t>{text}</w:t></w:r></w:p>"


def test_words_title_and_subtitle_styles_are_the_documents_title_block():
    data = _word(_para("Rivers", "Title") + _para("How they flow", "Subtitle") + _para("Water runs."))
    assert to_html(data, "rivers.docx") == (
        b'<h1 class="title">Rivers</h1><p class="subtitle">How they flow</p><p>Water runs.</p>')


def test_a_parsers_long_message_is_cut_to_one_short_line():
    name = "x" * 250 + ".xml"
    data = _zip({name: b"<a/>"}, zipfile.ZIP_STORED).replace(b"<a/>", b"<b/>")  # its CRC no longer matches
    problem = _refusal(data, "crc.docx").problem
    message = f"Bad CRC-32 for file '{name}'"
    assert problem == f"not a readable Word .docx document ({message[:197]}...)"


def test_too_many_parts_are_refused_before_conversion():
    data = _zip({f"p{i}": b"" for i in range(10_001)}, zipfile.ZIP_STORED)
    err = _refusal(data, "big.docx")
    assert isinstance(err, TooLarge)
    assert err.problem == "a Word package of 10,001 parts; the limit is 10,000"


def test_sizes_are_said_in_whole_megabytes_and_the_limit_itself_is_allowed(monkeypatch):
    monkeypatch.setattr(formats, "_MAX_UNPACKED", 1_500_000)
    data = _zip({"media/a.png": _noise(800_000), "media/b.png": _noise(800_000)})
    assert _refusal(data, "pics.docx").problem == "too big to read: 2 MB unpacked; the limit is 2 MB"
    data = _zip({"media/a.png": _noise(750_000), "media/b.png": _noise(750_000)})
    assert not isinstance(_refusal(data, "pics.docx"), TooLarge)


def test_a_tightly_packed_part_is_named_in_one_short_line():
    name = "media/" + "b" * 100 + ".bin"
    err = _refusal(_zip({name: b"\0" * 1_000_001}), "bomb.docx")
    assert err.problem.startswith(f"{name[:77]}... is packed ")


def test_a_part_is_xml_by_its_first_64_bytes_after_white_space(monkeypatch):
    monkeypatch.setattr(formats, "_MAX_XML", 1_000)
    for head, xml in ((b" " * 63 + b"<", True), (b" " * 64 + b"<", False), (b"X<", False), (b"\xef\xbb\xbf<", True)):
        err = _refusal(_zip({"word/part.bin": head + _noise(2_000)}, zipfile.ZIP_STORED), "x.docx")
        assert isinstance(err, TooLarge) == xml, head


def test_a_picture_linked_outside_the_word_document_is_never_opened(tmp_path):
    picture = tmp_path / "secret.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\nSECRET-BYTES")
    ns = ('xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
          'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
          'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
          f'xmlns:r="{_R}"')
    drawing = (f'<w:p><w:r><w:drawing {ns}><wp:inline><wp:docPr id="1" name="Picture 1" descr="A river"/>'
               '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
               '<pic:blipFill><a:blip r:link="rId9"/></pic:blipFill></pic:pic></a:graphicData></a:graphic>'
               "</wp:inline></w:drawing></w:r></w:p>")
    data = _word(_para("Rivers") + drawing)
    rels = (f'<?xml version="1.0"?><Relationships xmlns="{_PR}"><Relationship Id="rId1" Type="{_R}/styles" '
            f'Target="styles.xml"/><Relationship Id="rId9" Type="{_R}/image" Target="{picture.as_uri()}" '
            'TargetMode="External"/></Relationships>')
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(buf, "w") as new:
        for item in old.infolist():
            new.writestr(item.filename, rels if item.filename == "word/_rels/document.xml.rels" else old.read(item))
    # the document is read, the picture by its alt text only
    assert to_html(buf.getvalue(), "linked.docx") == b'<p>Rivers</p><p><img alt="A river" /></p>'


def test_an_embedded_picture_is_a_data_uri():
    png = b"\x89PNG\r\n\x1a\nPIXELS"
    ns = ('xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
          'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
          'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
          f'xmlns:r="{_R}"')
    drawing = (f'<w:p><w:r><w:drawing {ns}><wp:inline><wp:docPr id="1" name="Picture 1" descr="A lake"/>'
               '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
               '<pic:blipFill><a:blip r:embed="rId9"/></pic:blipFill></pic:pic></a:graphicData></a:graphic>'
               "</wp:inline></w:drawing></w:r></w:p>")
    data = _word(drawing)
    rels = (f'<?xml version="1.0"?><Relationships xmlns="{_PR}"><Relationship Id="rId1" Type="{_R}/styles" '
            f'Target="styles.xml"/><Relationship Id="rId9" Type="{_R}/image" Target="media/lake.png"/>'
            "</Relationships>")
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(buf, "w") as new:
        for item in old.infolist():
            new.writestr(item.filename, rels if item.filename == "word/_rels/document.xml.rels" else old.read(item))
        new.writestr("word/media/lake.png", png)
    src = b"data:image/png;base64," + base64.b64encode(png)
    assert to_html(buf.getvalue(), "lake.docx") == b'<p><img alt="A lake" src="' + src + b'" /></p>'
