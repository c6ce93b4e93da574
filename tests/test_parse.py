"""parse_html: blocks, runs, marks, cleanup of editor junk, charsets, errors, deep nesting."""

from __future__ import annotations

import hashlib

import pytest

from narrator.config import ParseConfig
from narrator.document import Block, Document
from narrator.errors import BadInput
from narrator.parse import parse_html


def parse(html: str | bytes, path: str = "doc.html", **cfg: object) -> Document:
    data = html.encode("utf-8") if isinstance(html, str) else html
    return parse_html(data, path, ParseConfig(**cfg))  # type: ignore[arg-type]


def blocks(html: str | bytes, **cfg: object) -> list[Block]:
    return [b for c in parse(html, **cfg).chapters for b in c.blocks]


def texts(html: str | bytes, **cfg: object) -> list[str]:
    return [b.text for b in blocks(html, **cfg)]


def marks_of(block: Block, word: str) -> frozenset[str]:
    for r in block.runs:
        if word in r.text:
            return r.marks
    raise AssertionError(f"{word!r} not in {block.text!r}")


# -- document-level values ---------------------------------------------------------------------

def test_sha_title_lang_from_page() -> None:
    data = b"<html lang='fr'><head><title>Le titre</title></head><body><p>Bonjour tout le monde.</p></body></html>"
    d = parse_html(data, "x/lecon.html", ParseConfig())
    assert d.source_sha256 == hashlib.sha256(data).hexdigest()
    assert d.title == "Le titre"
    assert d.lang == "fr"
    assert d.source_path == "x/lecon.html"


def test_title_falls_back_to_heading_then_stem() -> None:
    assert parse("<h2>First heading</h2><p>Body text.</p>").title == "First heading"
    assert parse("<p>Only a paragraph.</p>", path="dir/my-lesson.html").title == "my-lesson"


def test_chinese_dominant_text_is_zh() -> None:
    assert parse("<p>今天我们学习汉语。This is one English word group.</p><p>中文文本占多数，应该识别为中文。</p>").lang == "zh"
    assert parse("<p>An English lesson with one word 你好 in Chinese.</p>").lang == "en"


# -- errors -----------------------------------------------------------------------------------

@pytest.mark.parametrize("data, problem", [
    (b"", "empty"),
    (b"   \n\t  ", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
    (b'{"title": "not html", "body": [1, 2]}', "JSON"),
    (b"<html><body><script>var x = 1;</script><p>&nbsp;</p><p><o:p></o:p></p></body></html>", "no speakable"),
    (b"<p>caf\xe9 \x81\x8d\x8f</p>", "decode"),
])
def test_bad_input_is_reported_with_path(data: bytes, problem: str) -> None:
    with pytest.raises(BadInput) as e:
        parse_html(data, "in/bad.html", ParseConfig())
    assert str(e.value).startswith("in/bad.html: ")
    assert problem.lower() in str(e.value).lower()
    assert "\n" not in str(e.value)


def test_plain_text_is_accepted_as_paragraphs() -> None:
    assert texts("First paragraph\nwraps here.\n\nSecond one.") == ["First paragraph wraps here.", "Second one."]


# -- charsets -------------------------------------------------------------------------------

def test_declared_gb2312_but_utf8_bytes_decode_as_utf8() -> None:
    data = '<meta charset="gb2312"><p>郑板桥画了几笔兰花。</p>'.encode()
    assert texts(data) == ["郑板桥画了几笔兰花。"]


def test_real_gb2312_bytes_decode() -> None:
    data = '<meta http-equiv="content-type" content="text/html;charset=GB2312"><p>郑板桥画了几笔兰花。</p>'.encode("gb2312")
    assert texts(data) == ["郑板桥画了几笔兰花。"]


def test_undeclared_gbk_and_cp1252_are_guessed() -> None:
    assert texts("<p>女儿出嫁，郑板桥画了兰花。</p>".encode("gbk")) == ["女儿出嫁，郑板桥画了兰花。"]
    assert texts("<p>Café “quoted”</p>".encode("cp1252")) == ["Café “quoted”"]


def test_boms() -> None:
    assert texts(b"\xef\xbb\xbf<p>utf8 bom</p>") == ["utf8 bom"]
    assert texts("<p>utf16 text</p>".encode("utf-16")) == ["utf16 text"]


def test_declared_charset_that_does_not_fit_is_an_error() -> None:
    with pytest.raises(BadInput, match="shift_jis"):
        parse_html(b'<meta charset="shift_jis"><p>\x82\xa0 \xff\xfe\xfd</p>', "j.html", ParseConfig())


# -- blocks -----------------------------------------------------------------------------------

def test_block_kinds_and_levels() -> None:
    bs = blocks("""
      <h1>Title</h1><p>Para one.</p>
      <blockquote><p>Quoted words.</p></blockquote>
      <ul><li>Top item<ul><li><p>Nested item</p></li></ul></li></ul>
      <figure><img src="a.png" alt="A red barn"><figcaption>Figure 1: a barn</figcaption></figure>
      <hr><p>After the break.</p>""")
    got = [(b.kind, b.level, b.text) for b in bs]
    assert got == [("heading", 1, "Title"), ("paragraph", 0, "Para one."), ("quote", 0, "Quoted words."),
                   ("item", 1, "Top item"), ("item", 2, "Nested item"), ("paragraph", 0, "A red barn"),
                   ("caption", 0, "Figure 1: a barn"), ("break", 0, ""), ("paragraph", 0, "After the break.")]
    assert "blockquote" in bs[2].context and "li" in bs[4].context and "figcaption" in bs[6].context


def test_li_with_paragraph_is_one_item() -> None:
    bs = blocks("<ol><li><p>Only once</p></li><li>Second</li></ol>")
    assert [(b.kind, b.text) for b in bs] == [("item", "Only once"), ("item", "Second")]


def test_text_around_nested_block_keeps_reading_order() -> None:
    assert texts("<div>Before <p>inside</p> after</div>") == ["Before", "inside", "after"]


def test_images_alt_text_rules() -> None:
    assert texts('<p>See <img alt="the chart" src="c.png"> here. <img alt="" src="spacer.gif"></p>') == \
        ["See the chart here."]
    assert texts('<p>See <img alt="the chart"> here.</p>', read_alt=False) == ["See here."]


def test_links_sub_sup_br() -> None:
    bs = blocks('<p>Read <a href="http://x">the guide</a>, H<sub>2</sub>O and x<sup>2</sup>.<br>Next line</p>')
    assert bs[0].text == "Read the guide, H2O and x2. Next line"
    assert [r.marks for r in bs[0].runs if r.text == "2"] == [frozenset({"sub"}), frozenset({"sup"})]
    assert "guide" not in "".join(m for r in bs[0].runs for m in r.marks)


def test_code_is_skipped_unless_asked() -> None:
    html = '<p>Intro.</p><pre class="language-js"><code>let a = 1;</code></pre><p>Inline <code>x()</code> stays.</p>'
    assert texts(html) == ["Intro.", "Inline x() stays."]
    bs = blocks(html, read_code=True)
    assert [(b.kind, b.text) for b in bs][1] == ("code", "let a = 1;")
    assert "code" in marks_of(bs[2], "x()")


def test_chrome_and_hidden_things_never_reach_the_audio() -> None:
    html = """<html><head><title>T</title><style>p{color:red}</style></head><body>
      <script>alert('SCRIPT')</script><noscript>NOSCRIPT</noscript><template><p>TEMPLATE</p></template>
      <nav><a href="/">NAVLINK</a></nav><header>HEADERBAR</header>
      <form><input value="INPUTVAL"><button>BUTTON</button><label>LABEL</label></form>
      <div class="site-menu"><p>MENUTEXT</p></div><div id="breadcrumb"><p>CRUMB</p></div>
      <p>Real <span style="display: none">HIDDEN</span>text<span data-mce-type="bookmark">&#xFEFF;BOOKMARK</span>.</p>
      <div class="share-widget"><p>SHAREIT</p></div><footer>FOOTER</footer>
      <ck-manual-header><p>CKHEADER</p></ck-manual-header></body></html>"""
    assert texts(html) == ["Real text."]


def test_link_dense_blocks_are_chrome_on_web_pages() -> None:
    links = "".join(f'<a href="/s{i}">Section {i}</a> | ' for i in range(8))
    html = f"""<html><body><script>track()</script><div class="top">{links}</div>
      <div class="article"><p>The article text is what a listener wants, with a <a href="/x">link</a> inside.</p></div>
      </body></html>"""
    assert texts(html) == ["The article text is what a listener wants, with a link inside."]


def test_editor_fragments_keep_link_lists() -> None:
    html = '<ul><li><a href="/a">Alpha</a></li><li><a href="/b">Beta</a></li><li><a href="/c">Gamma</a></li></ul>'
    assert texts(html) == ["Alpha", "Beta", "Gamma"]


def test_invisible_characters_and_spaces() -> None:
    bs = blocks("<p>zero\u200bwidth\ufeff caret\u2060joined soft\u00adhyphen&nbsp;&nbsp;non  breaking\n words</p>"
                "<p>\u3000\u3000中国人\n民共和国。</p>")
    assert bs[0].text == "zerowidth caretjoined softhyphen non breaking words"
    assert bs[1].text == "中国人民共和国。"


def test_cjk_line_breaks_across_inline_elements() -> None:
    assert texts("<p>我们<b>学\n习</b>\n中文，\nand English\nwords.</p>") == ["我们学习中文， and English words."]


def test_word_namespaces_conditional_comments_and_fake_lists() -> None:
    html = """<html xmlns:o="urn:schemas-microsoft-com:office:office"><body>
    <!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]-->
    <p class=MsoNormal>Agenda<o:p></o:p></p>
    <p class=MsoListParagraphCxSpFirst style='text-indent:-.25in;mso-list:l0 level1 lfo1'><![if !supportLists]><span
      style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;
      </span></span></span><![endif]>Welcome<o:p></o:p></p>
    <p class=MsoListParagraphCxSpLast style='margin-left:1.0in;mso-list:l0 level2 lfo1'><!--[if !supportLists]--><span
      style='mso-list:Ignore'>1.<span>&nbsp;&nbsp;</span></span><!--[endif]-->Results<o:p></o:p></p>
    <v:shape id="s1"><v:textbox>SHAPE</v:textbox></v:shape>
    <p><st1:place>Elmhurst</st1:place> school</p></body></html>"""
    got = [(b.kind, b.level, b.text) for b in blocks(html)]
    assert got == [("paragraph", 0, "Agenda"), ("item", 1, "Welcome"), ("item", 2, "Results"),
                   ("paragraph", 0, "Elmhurst school")]


def test_bold_rules_google_wrapper_and_word() -> None:
    html = ('<b style="font-weight:normal;" id="docs-internal-guid-1234"><p><span style="font-weight:400">plain</span>'
            ' <span style="font-weight:700">heavy</span></p></b>'
            '<p><b style="mso-bidi-font-weight:normal">word bold</b> and <i class="icon-star"></i>text</p>')
    bs = blocks(html)
    assert "strong" not in marks_of(bs[0], "plain")
    assert "strong" in marks_of(bs[0], "heavy")
    assert "strong" in marks_of(bs[1], "word bold")
    assert bs[1].text == "word bold and text"


def test_marks_lang_emotion_context_source() -> None:
    html = """<div class="warning" data-emotion="serious"><p id="p1">Careful: <em>really</em>
      <u>under</u> <span style="text-decoration: underline">lined</span> <q>quoted</q>
      <span class="hl">classy</span> <span lang="es-MX">hola amigo</span>
      <strong data-emotion="excited">wow</strong></p></div><p>Second</p><p>Third</p>"""
    bs = blocks(html)
    b = bs[0]
    assert b.source == "#p1"
    assert b.emotion == "serious" and ".warning" in b.context
    assert "em" in marks_of(b, "really") and "u" in marks_of(b, "under") and "u" in marks_of(b, "lined")
    assert "q" in marks_of(b, "quoted") and ".hl" in marks_of(b, "classy")
    assert [r.lang for r in b.runs if "hola" in r.text] == ["es"]
    assert [r.emotion for r in b.runs if "wow" in r.text] == ["excited"]
    assert "strong" in marks_of(b, "wow")
    assert bs[2].source == "body > p:nth-of-type(2)"  # the first p is inside the div


def test_tables_read_row_by_row_with_headers() -> None:
    html = """<table><thead><tr><th>Name</th><th>Age</th></tr></thead>
      <tbody><tr><td>Ann</td><td>31</td></tr><tr><td>Bo</td><td></td></tr></tbody></table>
      <table><tr><td>left</td><td>right</td></tr></table>"""
    bs = blocks(html)
    assert [(b.kind, b.text) for b in bs] == [("cell", "Name: Ann; Age: 31"), ("cell", "Name: Bo"),
                                              ("cell", "left; right")]
    assert all("table" in b.context for b in bs)


def test_tables_can_be_turned_off_and_noise_tables_are_skipped() -> None:
    with pytest.raises(BadInput):
        parse("<table><tr><td>only</td><td>table</td></tr></table>", read_tables=False)
    numbers = "".join("<tr>" + "".join(f"<td>{r * 10 + c}.{c}</td>" for c in range(10)) + "</tr>" for r in range(10))
    assert texts(f"<p>Data follows.</p><table>{numbers}</table><p>Done.</p>") == ["Data follows.", "Done."]


def test_layout_tables_are_containers() -> None:
    html = ("<table><tr><td><table><tr><td>nav</td></tr></table></td><td>"
            "<p>First paragraph of the article.</p><p>Second paragraph.</p></td></tr></table>")
    bs = blocks(html)
    assert [(b.kind, b.text) for b in bs][-2:] == [("paragraph", "First paragraph of the article."),
                                                   ("paragraph", "Second paragraph.")]


def test_textarea_editor_content_is_read_once() -> None:
    inner = "<h1>Lesson</h1><p>The real document.</p>"
    esc = inner.replace("<", "&lt;").replace(">", "&gt;")
    html = f"""<html><body><h2>Demo page</h2><textarea id="ed">{inner}</textarea>
      <textarea id="copy">
      {inner}</textarea><script src="tinymce.js"></script></body></html>"""
    bs = blocks(html)
    assert [b.text for b in bs] == ["Lesson", "The real document."]
    assert bs[0].source.startswith("#ed")
    # entity-escaped twice, and UEditor's script type=text/plain
    assert texts(f"<textarea>{esc.replace('&', '&amp;')}</textarea>") == ["Lesson", "The real document."]
    assert texts(f'<script type="text/plain" id="editor">{inner}</script>') == ["Lesson", "The real document."]


def test_form_textarea_on_a_content_page_is_ignored() -> None:
    body = "<p>" + "A long article paragraph that is the real content. " * 10 + "</p>"
    html = f"<html><body>{body}<form><textarea>&lt;p&gt;draft comment&lt;/p&gt;</textarea></form></body></html>"
    assert all("draft" not in t for t in texts(html))


def test_ten_thousand_levels_do_not_crash() -> None:
    for tag in ("div", "span", "blockquote"):
        html = f"<{tag}>" * 10000 + "deep text" + f"</{tag}>" * 10000
        bs = blocks(html)
        assert [b.text for b in bs] == ["deep text"]
        assert len(bs[0].source) < 300
    font = "".join(f'<font size="{i % 7 + 1}"><span style="x:{i}">' for i in range(3000)) + "x"
    assert texts("<p>" + font + "</p>") == ["x"]


def test_one_megabyte_document_parses_completely() -> None:
    para = "<p>Sentence number {i} of a long lesson, with <b>bold</b> and <em>emphasis</em>.</p>\n"
    html = "<h2>One</h2>" + "".join(para.format(i=i) for i in range(6000)) + "<h2>Two</h2><p>End.</p>"
    assert len(html) > 450_000
    html = html * 2
    d = parse(html)
    assert len(d.chapters) == 4
    assert sum(len(c.blocks) for c in d.chapters) == 2 * 6003
