"""parse_html: blocks, runs, marks, cleanup of editor junk, charsets, errors, deep nesting."""

from __future__ import annotations

import hashlib

import pytest

from narrator.config import ParseConfig
from narrator.values import Block, Document
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
    # a table too big to read is announced in one sentence instead of vanishing (issue 9)
    assert texts(f"<p>Data follows.</p><table>{numbers}</table><p>Done.</p>") == [
        "Data follows.", "A table, 10 rows, is not read aloud here.", "Done."]


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


# -- web pages: main content, metadata lines --------------------------------------------------------

_ARTICLE = "".join(
    f"<p>Paragraph {i} of the article tells the listener about rivers, lakes, and the sea, "
    f"with enough words, commas, and detail to be prose.</p>" for i in range(1, 6))
_PAGE = f"""<html><head><title>Rivers of the World - Daily Geo</title><script>track()</script></head><body>
  <div class="top"><p>Daily Geo</p><p>■ Science</p></div>
  <div class="box"><h1>Rivers of the World</h1><div class="info">Posted on 3 May 2021 | Source: Geo Desk</div></div>
  <div class="wrap"><div class="txt">{_ARTICLE}<p>(Editor: Jane Roe)</p></div>
    <div class="more"><h2>Read more</h2>
      <p>Mountains of the moon, a teaser for another story, with commas, and more words here.</p>
      <p>Deserts at night, another teaser, with commas, and a few more words to read.</p></div></div>
  <div class="bottom"><p>Daily Geo, 1 Main Road, all rights reserved</p></div>
</body></html>"""


def test_web_page_is_cut_to_its_main_content_and_title_heading() -> None:
    bs = blocks(_PAGE)
    assert [b.text for b in bs] == ["Rivers of the World"] + [
        f"Paragraph {i} of the article tells the listener about rivers, lakes, and the sea, "
        "with enough words, commas, and detail to be prose." for i in range(1, 6)]
    assert bs[0].kind == "heading"
    assert bs[1].source == "body > div:nth-of-type(3) > div:nth-of-type(1) > p:nth-of-type(1)"  # as in the input
    assert parse(_PAGE).title == "Rivers of the World"


def test_fragments_and_exports_never_lose_content() -> None:
    # the same markup without html/head/body (an editor fragment, even with a script in it) or
    # without any page element (an export) is read in full, metadata lines included
    fragment = _PAGE.split("<body>")[1].split("</body>")[0]
    for html in (fragment, fragment + "<script>x()</script>", _PAGE.replace("<script>track()</script>", "")):
        got = texts(html)
        for kept in ("Daily Geo", "Posted on 3 May 2021 | Source: Geo Desk", "Read more", "Deserts at night",
                     "(Editor: Jane Roe)", "Paragraph 5 of the article"):
            assert any(kept in t for t in got), (kept, html[:40])


def test_page_without_a_dominant_article_is_read_whole() -> None:
    # two equally long sections: neither holds most of the prose, so nothing is cut
    section = ("<p>A section paragraph with words, commas, and more words, long enough to count as "
               "prose for the density score.</p>") * 3
    html = (f"<html><head><script>x()</script></head><body><div class=a><h2>One</h2>{section}</div>"
            f"<div class=b><h2>Two</h2>{section}</div></body></html>")
    assert [b.text for b in blocks(html) if b.kind == "heading"] == ["One", "Two"]
    assert len(blocks(html)) == 8


def test_metadata_lines_are_dropped_on_web_pages_only() -> None:
    meta = ["2019年06月15日08:18 来源：人民网-文化频道", "来源: | 发布时间: 2018-05-17 | 浏览次数: 2168",
            "(责编：汤诗瑶、丁涛)", "Source: Reuters", "Posted on May 3, 2021 by admin", "2018-05-17", "1,204 views"]
    kept = ["Published by Penguin in 1990, the book sold well.", "The source: a spring in the hills.",
            "这条河的来源很远，人们一直在寻找它。"]
    body = "".join(f"<p>{t}</p>" for t in meta + kept)
    page = f"<html><head><title>T</title><script>x()</script></head><body>{body}</body></html>"
    assert texts(page) == kept
    assert texts(body) == meta + kept


# -- line breaks ---------------------------------------------------------------------------------

def test_br_inside_a_sentence_joins_and_br_after_lines_of_poems_and_addresses_ends_them() -> None:
    # a soft break inside a sentence: one block, marks kept across the break
    bs = blocks("<p>Over the past few decades,<br>there have been <b>many<br>changes</b> in the approach"
                "<br style='mso-special-character:line-break'>to learners.</p>")
    assert [b.text for b in bs] == ["Over the past few decades, there have been many changes in the approach to learners."]
    assert "strong" in marks_of(bs[0], "many changes")
    # classical poetry, an address, a letter: every line ends
    assert texts("<p>床前明月光，<br>疑是地上霜。<br>举头望明月，<br>低头思故乡。</p>") == [
        "床前明月光，", "疑是地上霜。", "举头望明月，", "低头思故乡。"]
    assert texts("<p>District 205 Center<br>162 S. York<br>Elmhurst, IL 60126</p>") == [
        "District 205 Center", "162 S. York", "Elmhurst, IL 60126"]
    assert texts("<p>Dear parents,<br>We hope you will join us.<br><br>The Board</p>") == [
        "Dear parents,", "We hope you will join us.", "The Board"]
    # Chinese prose wrapped by hand joins without a space; headings and cells keep one text
    assert texts("<p>我们在重庆市的一所中学里使用模型进行了长时间的语音合成实验并且<br>取得了非常好的效果。</p>") == [
        "我们在重庆市的一所中学里使用模型进行了长时间的语音合成实验并且取得了非常好的效果。"]
    assert texts("<h2>Title<br>Subtitle</h2><table><tr><td>a<br>b</td><td>c</td></tr></table>") == [
        "Title Subtitle", "a b; c"]


def test_br_splits_lines_into_segments_a_listener_hears() -> None:
    from narrator.config import Config
    from narrator.script.planner import plan

    d = parse("<p>Over the past few decades,<br>there have been many changes.</p>"
              "<p>Roses are red<br>Violets are blue</p>")
    assert [s.text for s in plan(d, Config()).segments] == [
        "Over the past few decades, there have been many changes.", "Roses are red", "Violets are blue"]


# -- titles, footnotes ----------------------------------------------------------------------------

def test_leading_bold_line_is_the_title_else_the_stem() -> None:
    html = ("<p><b>Community Forum on English Language Learners</b></p>"
            "<p>The district will host a forum. We hope you will join us.</p>")
    d = parse(html, path="dir/word-clipboard-flyer.html")
    assert d.title == "Community Forum on English Language Learners"
    assert [c.title for c in d.chapters] == [d.title]
    assert parse('<p class="doc-title">Spring Newsletter</p><p>News.</p>').title == "Spring Newsletter"
    # a sentence, a long line, a numbered chapter title or a lone paragraph is not a title line
    for html in ("<p><b>Come to the forum.</b></p><p>Text.</p>", "<p><b>" + "long " * 30 + "</b></p><p>Text.</p>",
                 "<p>Not bold</p><p>Text.</p>", "<p><b>Chapter 1</b></p><p>Text.</p>", "<p><b>Only</b></p>"):
        assert parse(html, path="dir/my-lesson.html").title == "my-lesson", html


def test_footnote_references_are_dropped_formulas_are_kept() -> None:
    html = ('<p>Lorem ipsum <i>elit</i>.<sub>1</sub> Water is H<sub>2</sub>O, CO<sub>2</sub> and x<sup>2</sup>'
            ' and (a+b)<sup>2</sup> and 1<sup>st</sup>.<sup>2</sup></p>'
            '<p>See this<sup>[3]</sup>, that<sup>*</sup> and<sup>†</sup> here<a href="#fn4"><sup>4</sup></a>'
            ' and there<sup><a href="#n5">5</a></sup>; “quoted”<sup>6</sup>.</p>'
            '<p>Word<a style="mso-footnote-id:ftn1" href="#_ftn1" name="_ftnref1"><span '
            'class=MsoFootnoteReference>[1]</span></a> footnote.</p>')
    assert texts(html) == ["Lorem ipsum elit. Water is H2O, CO2 and x2 and (a+b)2 and 1st.",
                           "See this, that and here and there; “quoted”.", "Word footnote."]
