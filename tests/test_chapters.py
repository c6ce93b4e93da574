"""Chapter boundaries: headings (auto level), page breaks, numbered titles, introductions."""

from __future__ import annotations

from narrator.config import ParseConfig
from narrator.values import Document
from narrator.parse import parse_html
from narrator.parse.chapters import is_numbered_title


def parse(html: str, **cfg: object) -> Document:
    return parse_html(html.encode("utf-8"), "book.html", ParseConfig(**cfg))  # type: ignore[arg-type]


def shape(doc: Document) -> list[tuple[int, str, list[str]]]:
    return [(c.index, c.title, [b.text for b in c.blocks]) for c in doc.chapters]


def test_single_h1_is_title_and_h2_forms_chapters() -> None:
    d = parse("<h1>Book</h1><h2>One</h2><p>a</p><h3>Sub</h3><p>b</p><h2>Two</h2><p>c</p>")
    assert shape(d) == [(1, "One", ["Book", "One", "a", "Sub", "b"]), (2, "Two", ["Two", "c"])]
    assert [b.kind for b in d.chapters[0].blocks][3] == "heading"  # deeper heading stays inside


def test_intro_chapter_only_when_it_has_speakable_text() -> None:
    d = parse("<html><head><title>My Book</title></head><body><p>Preface text.</p>"
              "<h2>One</h2><p>a</p><h2>Two</h2><p>b</p></body></html>")
    assert shape(d) == [(1, "My Book", ["Preface text."]), (2, "One", ["One", "a"]), (3, "Two", ["Two", "b"])]
    # no <title>: the document title is the first heading, so the intro gets a generic name
    d = parse("<p>Preface text.</p><h2>One</h2><p>a</p><h2>Two</h2><p>b</p>")
    assert [c.title for c in d.chapters] == ["Introduction", "One", "Two"]
    zh = parse("<p>这是前言部分的文字。</p><h2>第一节</h2><p>甲</p><h2>第二节</h2><p>乙</p>")
    assert [c.title for c in zh.chapters] == ["引言", "第一节", "第二节"]
    empty_intro = parse("<p>&nbsp;</p><p><o:p></o:p></p><h2>One</h2><p>a</p><h2>Two</h2><p>b</p>")
    assert [c.title for c in empty_intro.chapters] == ["One", "Two"]


def test_intro_title_by_language_when_no_title() -> None:
    from narrator.values import Block, Run
    from narrator.parse.chapters import split_chapters

    blocks = [Block("paragraph", (Run("开头的话。"),)), Block("heading", (Run("甲"),), 2),
              Block("paragraph", (Run("正文。"),)), Block("heading", (Run("乙"),), 2),
              Block("paragraph", (Run("正文。"),))]
    chapters = split_chapters(blocks, title="", lang="zh", config=ParseConfig())
    assert [c.title for c in chapters] == ["引言", "甲", "乙"]
    chapters = split_chapters(blocks, title="", lang="en", config=ParseConfig())
    assert chapters[0].title == "Introduction"


def test_empty_headings_are_not_chapters() -> None:
    d = parse("<h1><o:p>&nbsp;</o:p></h1><p>x</p><h1>Real</h1><p>y</p><h2>A</h2><p>z</p><h2>B</h2><p>w</p>")
    # the empty h1 does not count, so the single "Real" h1 is the title and h2 forms chapters
    assert shape(d) == [(1, "Real", ["x", "Real", "y"]), (2, "A", ["A", "z"]), (3, "B", ["B", "w"])]


def test_configured_level() -> None:
    html = "<h2>A</h2><p>1</p><h3>A.1</h3><p>2</p><h3>A.2</h3><p>3</p><h2>B</h2><p>4</p>"
    assert [c.title for c in parse(html).chapters] == ["A", "B"]
    # level 3: the text under A before A.1 is an introduction; B (higher) still starts a chapter
    assert [c.title for c in parse(html, chapter_level=3).chapters] == ["A", "A.1", "A.2", "B"]


def test_no_headings_gives_one_chapter_named_after_the_document() -> None:
    d = parse("<html><head><title>Notes</title></head><body><p>Just text.</p></body></html>")
    assert shape(d) == [(1, "Notes", ["Just text."])]


def test_tinymce_pagebreak_comment_splits_a_paragraph() -> None:
    d = parse("<h2>Start</h2><p>First half.<!-- pagebreak -->Second half.</p><p>More.</p>")
    assert shape(d) == [(1, "Start", ["Start", "First half."]), (2, "Part 2", ["Second half.", "More."])]


def test_page_breaks_from_ckeditor_word_and_libreoffice() -> None:
    html = """<p>Page one.</p>
      <div class="page-break" style="page-break-after:always"><span style="display:none">&nbsp;</span></div>
      <h3>Second page</h3><p>Page two.</p>
      <br clear=all style='page-break-before:always'>
      <p>Page three.</p>
      <p style="page-break-before: always">Page four.</p>
      <p style="page-break-after: always">Still four.</p><p>Page five.</p>"""
    d = parse(html)
    assert shape(d) == [(1, "Part 1", ["Page one."]), (2, "Second page", ["Second page", "Page two."]),
                        (3, "Part 3", ["Page three."]), (4, "Part 4", ["Page four.", "Still four."]),
                        (5, "Part 5", ["Page five."])]
    zh = parse("<p>第一页的文字。</p><!-- pagebreak --><p>第二页的文字。</p>")
    assert [c.title for c in zh.chapters] == ["第1部分", "第2部分"]
    # turned off: one chapter, and the break is a section break inside it
    off = parse(html, page_breaks=False)
    assert len(off.chapters) == 1
    assert [b.kind for b in off.chapters[0].blocks].count("break") == 4


def test_page_breaks_at_edges_make_no_empty_chapters() -> None:
    d = parse("<!-- pagebreak --><p>Only.</p><!-- pagebreak --><!-- pagebreak -->")
    assert shape(d) == [(1, "Part 1", ["Only."])]


def test_hr_is_a_section_break_inside_a_chapter() -> None:
    d = parse("<p>One.</p><hr><p>Two.</p>")
    assert [b.kind for b in d.chapters[0].blocks] == ["paragraph", "break", "paragraph"]


def test_numbered_titles_in_bold_paragraphs() -> None:
    html = """<p><strong>中华人民共和国某某法</strong></p><p>序言的文字。</p>
      <p style="text-indent:32px"><strong>第一章　总　则</strong></p><p>第一条　为了……制定本法。</p>
      <p><b>第二章　机关</b></p><p>第二条　正文。</p>
      <p><strong>第三章</strong> 不全是粗体</p>"""
    d = parse(html)
    assert [c.title for c in d.chapters][1:] == ["第一章 总 则", "第二章 机关"]
    assert d.chapters[1].blocks[0].kind == "heading"
    assert d.chapters[1].blocks[1].text == "第一条 为了……制定本法。"
    assert d.chapters[2].blocks[-1].text == "第三章 不全是粗体"  # not all bold: stays a paragraph
    assert [c.index for c in d.chapters] == [1, 2, 3]
    assert len(parse(html, numbered_titles=False).chapters) == 1


def test_english_numbered_titles_and_roman_numerals() -> None:
    d = parse("<p><b>Chapter 1: The Start</b></p><p>Text one.</p><p><strong>Part II</strong></p><p>Text two.</p>"
              "<section><h3>III</h3><p>Text three.</p></section>")
    assert [c.title for c in d.chapters] == ["Chapter 1: The Start", "Part II", "III"]


def test_numbered_title_patterns() -> None:
    for t in ("第一章 总 则", "第十二节", "第3回 宝玉", "Chapter 3", "CHAPTER XII. The End", "Part II", "IV", "Book one"):
        assert is_numbered_title(t), t
    for t in ("Chapters of my life are many", "I think so", "mix", "第一条 为了深化国家监察体制改革", "",
              "Chapter " + "x" * 80):
        assert not is_numbered_title(t), t


def test_a_title_with_nothing_under_it_is_not_a_chapter_and_is_reported() -> None:
    """Furniture taken out can leave a heading alone: it is never narrated as a title by itself."""
    d = parse("<h2>One</h2><p>a</p><h2>Gallery</h2><p><img src='x.png'></p><h2>Two</h2><p>b</p>"
              "<h2>Links</h2><p> … </p>")
    assert [c.title for c in d.chapters] == ["One", "Two"]
    assert [(s.what, s.chars) for s in d.skipped if s.what == "empty chapter"] == [
        ("empty chapter", len("Gallery")), ("empty chapter", len("Links") + len("…"))]
    # a higher title over the chapters that follow heads the next one instead
    d = parse("<h2>One</h2><p>a</p><h2>Two</h2><p>b</p><h1>Part II</h1><h2>Three</h2><p>c</p>")
    assert shape(d)[-1] == (3, "Three", ["Part II", "Three", "c"])
