"""parse_html's own decisions, exactly (narrator/parse/__init__.py): the sentence standing for a
table, an editor's document instead of its page, the title, the language, the skip entries of
the whole document and its one-line errors."""

from __future__ import annotations

import pytest

from narrator.config import ParseConfig
from narrator.errors import BadInput, TooLarge
from narrator.parse import ParseLimits, drop_site_name, parse_html
from narrator.values import Block, Document, Run, Skipped

ROWS12 = "<table>" + "<tr><td>1</td><td>2</td><td>3</td></tr>" * 12 + "</table>"
NUMBERS = "mostly numbers or tiny cells: too much to read aloud"


def parse(markup: str, path: str = "dir/lesson.html", **cfg: object) -> Document:
    return parse_html(markup.encode(), path, ParseConfig(**cfg))  # type: ignore[arg-type]


def texts(doc: Document) -> list[str]:
    return [b.text for c in doc.chapters for b in c.blocks]


def error(markup: str, **kw: object) -> str:
    with pytest.raises(BadInput) as e:
        parse_html(markup.encode(), "dir/lesson.html", ParseConfig(), **kw)  # type: ignore[arg-type]
    return str(e.value)


def test_a_table_too_big_to_read_is_announced_in_the_documents_language() -> None:
    doc = parse(ROWS12.replace("<table>", "<table><caption>Prices</caption>") + "<p>Read on.</p>")
    assert texts(doc) == ["The table “Prices”, 12 rows, is not read aloud here.", "Read on."]
    block = doc.chapters[0].blocks[0]
    assert (block.kind, block.context, block.emotion) == ("paragraph", frozenset({"announce-table:12"}), None)
    assert doc.skipped == (Skipped("body > table:nth-of-type(1)", "data table", NUMBERS, 36 + 6, 12),)
    assert texts(parse(ROWS12 + "<p>Read on.</p>")) == ["A table, 12 rows, is not read aloud here.", "Read on."]
    assert texts(parse("<p>价格表如下所示，请同学们仔细阅读。</p>" + ROWS12)) == [
        "价格表如下所示，请同学们仔细阅读。", "此处有一个表格，共12行，不朗读。"]
    assert texts(parse("<p>价格表如下所示，请同学们仔细阅读。</p>" + ROWS12.replace("<table>", "<table><caption>价格</caption>"))) == [
        "价格表如下所示，请同学们仔细阅读。", "此处有表格“价格”，共12行，不朗读。"]
    # a document of one such table is not empty; with read_tables off it has nothing to read
    assert texts(parse(ROWS12)) == ["A table, 12 rows, is not read aloud here."]
    assert error_cfg(ROWS12, read_tables=False) == "dir/lesson.html: no speakable text in the document (left out: data table)"


def error_cfg(markup: str, **cfg: object) -> str:
    with pytest.raises(BadInput) as e:
        parse(markup, **cfg)
    return str(e.value)


def test_an_editors_document_is_read_instead_of_a_shorter_page() -> None:
    doc = parse("<textarea>&lt;p&gt;Editor text that is long enough to win.&lt;/p&gt;</textarea>"
                "<textarea><h2>Dup</h2></textarea><textarea><h2> Dup </h2></textarea>"
                "<textarea>no markup here</textarea><p>x</p>")
    assert texts(doc) == ["Editor text that is long enough to win.", "Dup"]
    assert [b.source for c in doc.chapters for b in c.blocks] == [
        "textarea:nth-of-type(1) > p:nth-of-type(1)", "textarea:nth-of-type(2) > h2:nth-of-type(1)"]
    assert doc.skipped == (Skipped("body", "page around the editor", "the editor's document is read instead", 1),)
    # a page at least half as long as the editor's document is read itself
    page = "<p>" + "Page words here. " * 3 + "</p>"
    doc = parse('<textarea id="ed"><p>Editor words.</p></textarea>' + page)
    assert texts(doc) == ["Page words here. Page words here. Page words here."]
    doc = parse('<script type="Text/Plain" id="ue"><p>UEditor text, longer than the page.</p></script><p>x</p>')
    assert texts(doc) == ["UEditor text, longer than the page."]
    assert [b.source for c in doc.chapters for b in c.blocks] == ["#ue > p:nth-of-type(1)"]


def test_the_title_comes_from_the_page_the_headings_or_a_bold_first_line() -> None:
    assert parse("<html><head><title>Photosynthesis -- Biology -- Site</title></head><body>"
                 "<h1>Photosynthesis</h1><p>Text.</p></body></html>").title == "Photosynthesis"
    assert parse("<html><head><title>Law of gravity-Physics site</title></head><body><p>Law of gravity</p>"
                 "<p>Things fall down.</p></body></html>").title == "Law of gravity"
    assert parse("<html><head><title>Fractions - Maths Site</title></head><body><p>Halves.</p></body></html>").title == \
        "Fractions"
    assert parse("<h3>First</h3><p>a</p><h3>Second</h3><p>b</p>").title == "First"
    assert parse("<p><b>A bold first line</b></p><p>Then the text.</p>").title == "A bold first line"
    assert parse('<p class="doc-title">Cells</p><p>Text.</p>').title == "Cells"
    for stem in ("<p><b>A bold first line.</b></p><p>Then the text.</p>", "<p><b>Chapter 3</b></p><p>Text.</p>",
                 "<p><b>Alone</b></p>", "<p>Not bold</p><p>Text.</p>", "<p><b>Half</b> bold</p><p>Text.</p>",
                 f"<p><b>{'w' * 121}</b></p><p>Text.</p>"):
        assert parse(stem).title == "lesson", stem


def test_site_names_are_dropped_from_a_page_title() -> None:
    assert [drop_site_name(t) for t in ("Fractions - Maths Site", "决议__国务院公报_中国政府网", "Home | A",
                                        "Abc - Site", "Physics: Motion", "Waves | Physics | Site",
                                        "A very long lesson title | " + "S" * 31)] == [
        "Fractions", "决议__国务院公报", "Home", "Abc - Site", "Physics: Motion", "Waves",
        "A very long lesson title | " + "S" * 31]


def test_the_language_is_chinese_by_its_characters_else_declared_else_detected() -> None:
    assert parse("<p>今天我们学习汉语。This is English.</p>").lang == "zh"
    assert parse("<p>一 abc</p>").lang == "zh"  # one Chinese character weighs three Latin letters
    assert parse("<p>一 abcd</p>").lang == "en"
    assert parse('<html lang="fr"><body><p>Bonjour.</p></body></html>').lang == "fr"
    assert parse('<html xml:lang="de"><body><p>Hallo.</p></body></html>').lang == "de"
    assert parse('<html lang="zh"><body><p>Only English words here.</p></body></html>').lang == "en"
    assert parse('<html lang="en_bogus!"><body><p>Words.</p></body></html>').lang == "en"
    finnish = ("Tämä on suomenkielinen oppitunti, jossa opiskelijat lukevat tekstiä ja vastaavat kysymyksiin. "
               "Opettaja kertoo ensin aiheesta ja sitten jokainen ryhmä keskustelee siitä omassa pöydässään. ") * 4
    assert parse(f'<html lang="en"><body><p>{finnish}</p></body></html>').lang == "fi"


def test_front_matter_is_reported_and_gives_way_to_the_body() -> None:
    doc = parse("---\ntitle: T\n---\n<p>Body text.</p>")
    assert Skipped("front matter", "template markup", "front matter is page settings", 17) in doc.skipped
    assert texts(doc)[-1] == "Body text."


def test_text_outside_body_is_read_too() -> None:
    outside = "Outside text. " * 10
    assert texts(parse(f"<html><body><p>In body.</p></body></html><p>{outside}</p>")) == ["In body.", outside.strip()]


def test_one_line_errors_for_nothing_to_read_and_for_limits() -> None:
    assert error("<p>&nbsp;</p>") == "dir/lesson.html: empty document: no speakable text"
    assert error('<p><img src="a.png" alt=""></p>') == "dir/lesson.html: empty document: no speakable text"
    assert error("<pre>code only</pre>") == "dir/lesson.html: no speakable text in the document (left out: code block)"
    with pytest.raises(TooLarge) as e:
        parse_html(b"<p>" + b"word " * 30 + b"</p>", "big.html", ParseConfig(), limits=ParseLimits(max_chars=100))
    assert str(e.value) == "big.html: more text than the limit of 100 characters"
    parse_html(b"<p>" + b"word " * 19 + b"word</p>", "ok.html", ParseConfig(), limits=ParseLimits(max_chars=100))
    with pytest.raises(TooLarge):
        parse_html(b"<div>" * 5 + b"x" + b"</div>" * 5, "deep.html", ParseConfig(), limits=ParseLimits(max_depth=6))
    parse_html(b"<div>" * 4 + b"x" + b"</div>" * 4, "deep.html", ParseConfig(), limits=ParseLimits(max_depth=6))


def test_web_page_metadata_lines_are_reported_not_read() -> None:
    article = "<p>" + "Plants make sugar from light, water and air, and they give out oxygen. " * 4 + "</p>"
    doc = parse("<html><head><title>Plants</title><script>var a;</script></head><body>"
                f"<div id='main'><h1>Plants</h1><p>来源：新华社</p>{article * 4}</div></body></html>")
    assert "来源：新华社" not in texts(doc)
    assert Skipped("#main > p:nth-of-type(1)", "page metadata line", "source, date or view count of the web page",
                   6) in doc.skipped


def test_the_announcing_block_keeps_its_place_language_and_no_emotion() -> None:
    doc = parse('<p>Intro words.</p><div lang="fr" data-emotion="sad">' + ROWS12 + "</div>")
    block = doc.chapters[0].blocks[-1]
    assert block == Block("paragraph", (Run("A table, 12 rows, is not read aloud here."),), 0,
                          "body > div:nth-of-type(1) > table:nth-of-type(1)", frozenset({"announce-table:12"}), None, "fr")


def test_a_drawn_tree_is_announced_in_the_documents_language() -> None:
    tree = ("<table><tr><td>src</td></tr><tr><td>├── main.py</td></tr><tr><td>├── util.py</td></tr>"
            "<tr><td>└── README.md</td></tr></table>")
    assert texts(parse("<p>下面是项目的文件夹结构，请同学们看一看。</p>" + tree))[-1] == "此处有一幅文件夹和文件的示意图，不朗读。"
    assert texts(parse("<p>The folders of the project.</p>" + tree))[-1] == \
        "A diagram of folders and files is not read aloud here."


def test_repaired_bytes_leave_a_warning_on_the_document() -> None:
    doc = parse_html(b"<p>Caf\xc3\xa9 ok \xff here.</p>", "n.html", ParseConfig())
    assert texts(doc) == ["Café ok here."]
    assert doc.warnings == ("invalid UTF-8 byte at offset 12 dropped",)


def test_notes_go_to_a_notes_chapter_unless_they_are_all_there_is() -> None:
    doc = parse('<p>Text<sup><a href="#fn1" id="r1">1</a></sup>.</p>'
                '<ol class="footnotes"><li id="fn1">The note. <a href="#r1">↩</a></li></ol>')
    assert [(c.title, [b.text for b in c.blocks]) for c in doc.chapters] == [
        ("lesson", ["Text."]), ("Notes", ["Notes", "The note."])]
    doc = parse('<ol class="footnotes"><li id="fn1">Only a note.</li></ol>')
    assert [(c.title, [b.text for b in c.blocks]) for c in doc.chapters] == [("lesson", ["Only a note."])]


def test_only_the_first_three_headings_are_looked_for_in_the_page_title() -> None:
    doc = parse("<html><head><title>Four Site</title></head><body><h2>One</h2><p>a</p><h2>Two</h2><p>b</p>"
                "<h2>Three</h2><p>c</p><h2>Four</h2><p>d</p></body></html>")
    assert doc.title == "Four Site"
    doc = parse("<html><head><title>Three Site</title></head><body><h2>One</h2><p>a</p><h2>Two</h2><p>b</p>"
                "<h2>Three</h2><p>c</p></body></html>")
    assert doc.title == "Three"


def test_an_items_kept_lines_keep_its_number() -> None:
    blocks = parse("<ol start='4'><li>Roses are red<br>Violets are blue</li></ol>").chapters[0].blocks
    assert [(b.kind, b.text, b.ordered, b.item) for b in blocks] == [
        ("item", "Roses are red", True, 4), ("item", "Violets are blue", True, 4)]


def test_at_most_two_site_names_are_dropped_and_a_short_title_is_kept_whole() -> None:
    assert drop_site_name("Waves | Physics | School | Site") == "Waves | Physics"
    # the title must be at least half as long as the site name (and four characters)
    assert drop_site_name("Waves - Physics Hub") == "Waves"
    assert drop_site_name("Wave - Physics Hub") == "Wave - Physics Hub"
    # separators left at the end of the title go too, letters do not
    assert drop_site_name("Fractions: - Maths Site") == "Fractions"
    assert drop_site_name("Fractions · | Site") == "Fractions"
    assert drop_site_name("Lesson X - Site") == "Lesson X"


def test_a_title_line_must_be_the_first_text_of_a_paragraph_and_short() -> None:
    assert parse('<p><img src="a.png" alt=""></p><p><b>Bold title</b></p><p>Text.</p>').title == "Bold title"
    assert parse("<ul><li><b>Bold item</b></li></ul><p>Text.</p>").title == "lesson"
    assert parse(f"<p><b>{'w' * 120}</b></p><p>Text.</p>").title == "w" * 120
    assert parse('<p data-voice="subtitle">Plain words</p><p>Text.</p>').title == "lesson"


def test_what_lies_outside_a_web_pages_main_content_is_reported_as_page_chrome() -> None:
    article = ("<p>" + "Plants make sugar from light, water and air, and they give out oxygen. " * 4 + "</p>") * 4
    doc = parse('<html><head><title>Plants</title></head><body><nav><a href="/">Home</a></nav><div id="side">'
                '<p>Other stories here</p><script>var x=1;</script></div><div id="main"><h1>Plants</h1>'
                f'{article}</div><video src="v.mp4"></video><script>var y=2;</script></body></html>')
    assert [b.source for c in doc.chapters for b in c.blocks] == [
        "#main > h1:nth-of-type(1)"] + [f"#main > p:nth-of-type({k})" for k in range(1, 5)]
    outside = "outside the page's main content"
    assert doc.skipped == (Skipped("body > nav:nth-of-type(1)", "page chrome", outside, 4),
                           Skipped("#side", "page chrome", outside, 18))


ARTICLE = ("<p>" + "Plants make sugar from light, water and air, and they give out oxygen. " * 4 + "</p>") * 4


def test_a_web_pages_title_tag_picks_the_heading_kept_above_its_article() -> None:
    doc = parse("<html><head><title>Green plants - Biology</title><script>var a;</script></head><body>"
                "<h1>Green plants</h1><p>Welcome to our biology site, read on.</p><h2>Latest news from the site</h2>"
                f'<div id="main">{ARTICLE}</div></body></html>')
    assert [b.source for c in doc.chapters for b in c.blocks] == [
        "body > h1:nth-of-type(1)"] + [f"#main > p:nth-of-type({k})" for k in range(1, 5)]
    outside = "outside the page's main content"
    assert doc.skipped == (Skipped("body > p:nth-of-type(1)", "page chrome", outside, 37),
                           Skipped("body > h2:nth-of-type(1)", "page chrome", outside, 25))


def test_the_character_limit_holds_on_web_pages_too() -> None:
    page = f'<html><head><script>var a;</script></head><body><div id="main">{ARTICLE}</div></body></html>'
    with pytest.raises(TooLarge):
        parse_html(page.encode(), "w.html", ParseConfig(), limits=ParseLimits(max_chars=1000))
    parse_html(page.encode(), "w.html", ParseConfig(), limits=ParseLimits(max_chars=2000))
