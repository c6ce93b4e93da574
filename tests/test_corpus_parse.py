"""The real editor documents in ../shared/corpus parse into what a listener expects."""

from __future__ import annotations


import pytest

from narrator.config import ParseConfig
from narrator.values import Block, Document
from narrator.parse import parse_html

from corpus import documents, listed, need

ALL = documents()

_cache: dict[str, Document] = {}


def doc(name: str) -> Document:
    if name not in _cache:
        path = need(name)
        _cache[name] = parse_html(path.read_bytes(), str(path), ParseConfig())
    return _cache[name]


def all_blocks(d: Document) -> list[Block]:
    return [b for c in d.chapters for b in c.blocks]


def full_text(d: Document) -> str:
    return "\n".join(b.text for b in all_blocks(d))


def test_every_listed_document_is_present_and_tested() -> None:
    """The parametrised tests below run once per document SOURCES.md lists: none missing, none
    unlisted (a partial corpus must not pass with fewer cases)."""
    names = listed()
    assert len(names) >= 40 and len(set(names)) == len(names)
    assert ALL == sorted(names)


@pytest.mark.parametrize("name", ALL)
def test_every_document_is_sensible(name: str) -> None:
    d = doc(name)
    assert d.chapters and [c.index for c in d.chapters] == list(range(1, len(d.chapters) + 1))
    for c in d.chapters:
        assert c.title.strip() and c.title == " ".join(c.title.split())
        assert any(b.text.strip() for b in c.blocks)
    text = full_text(d)
    # no script, style or editor-internal text, no invisible characters, no mojibake
    for junk in ("function(", "var ", "{margin", "margin-left:", "document.write", "_jsq_", "\u2060",
                 "\u200b", "\ufeff", "\u00ad", "\ufffd", "Ã", "â€"):
        assert junk not in text, (name, junk)
    for b in all_blocks(d):
        assert b.text == b.text.strip() and "  " not in b.text and "\n" not in b.text
        assert b.source


def test_zh_law_chapters_from_bold_numbered_paragraphs() -> None:
    d = doc("zh-law-supervision-law-chapters-in-strong.html")
    assert d.lang == "zh" and d.title == "中华人民共和国监察法"
    numbered = [c for c in d.chapters if c.title.startswith("第")]
    assert [c.title[:3] for c in numbered] == ["第一章", "第二章", "第三章", "第四章", "第五章", "第六章",
                                               "第七章", "第八章", "第九章"]
    assert numbered[0].title == "第一章 总 则" and numbered[-1].title == "第九章 附 则"
    # the text before 第一章 (an explanation of the law) is the only other chapter: the introduction
    assert len(d.chapters) == 10 and d.chapters[0].title == d.title
    first = numbered[0].blocks
    assert first[0].kind == "heading" and first[1].text.startswith("第一条 为了深化国家监察体制改革")
    assert "\u3000" not in full_text(d)
    assert sum(1 for b in all_blocks(d) if b.text.startswith("第") and "条 " in b.text[:6]) >= 60


def test_zh_news_decodes_utf8_despite_gb2312_and_drops_chrome() -> None:
    d = doc("zh-news-people-zhengbanqiao-gb2312-meta-utf8-bytes.html")
    text = full_text(d)
    assert d.lang == "zh" and d.title == "女儿出嫁，郑板桥画了几笔兰花当嫁妆"
    assert "郑板桥" in text and "纸上得来终觉浅，绝知此事要躬行。" in text and "东方朔" in text
    for chrome in ("网站首页", "登录人民网通行证", "忘记密码", "分享到", "人民网>>文化", "【1】【2】",
                   "客户端下载", "关注人民网微信"):
        assert chrome not in text, chrome


def test_sherlock_roman_numeral_chapters() -> None:
    d = doc("en-fiction-standardebooks-scandal-in-bohemia.xhtml")
    assert d.title == "A Scandal in Bohemia" and d.lang == "en"
    assert [c.title for c in d.chapters] == ["I", "II", "III"]
    assert d.chapters[0].blocks[0].text == "A Scandal in Bohemia"  # the title is read first
    text = full_text(d)
    assert "observer—excellent" in text and "To Sherlock Holmes she is always the woman." in text
    assert any(b.kind == "quote" and "blockquote" in b.context for b in all_blocks(d))
    em = [r for b in all_blocks(d) for r in b.runs if r.text == "the" and "em" in r.marks]
    assert em


def test_ckeditor_manual_page_break_chapters_without_instructions() -> None:
    d = doc("ckeditor5-all-features-pagebreak-code-rtl.html")
    assert [c.title for c in d.chapters] == ["Lists in the table", "Media with previews in the table", "HTML embed"]
    text = full_text(d)
    for gone in ("It should contain as many features", "three pages", "Clear editor",
                 "Turn on read-only mode", ".ck.ck-content", "Your browser does not support"):
        assert gone not in text, gone
    # code blocks inside tables are skipped by default, their language labels remain
    assert "CSS; PHP" in text and "body {" not in text
    spanish = [r for b in all_blocks(d) for r in b.runs if r.lang == "es"]
    assert spanish and "lenguaje" in "".join(r.text for r in spanish)
    assert [r for b in all_blocks(d) for r in b.runs if r.lang == "ar"]


def test_google_docs_wrapper_is_not_bold_and_lists_nest() -> None:
    d = doc("google-docs-clipboard-mixed-list.html")
    items = [b for b in all_blocks(d) if b.kind == "item"]
    assert len(items) == 10
    assert not any("strong" in r.marks for b in items for r in b.runs)
    assert [b.level for b in items] == [1, 2, 3, 1, 1, 2, 2, 1, 2, 2]


def test_word_fake_bullets_lose_their_markers() -> None:
    d = doc("word-clipboard-ell-forum-invitation-fake-bullets.html")
    items = [b for b in all_blocks(d) if b.kind == "item"]
    assert len(items) >= 8
    for b in all_blocks(d):
        assert not b.text.startswith(("·", "§", "o ")), b.text
    assert "·" not in full_text(d)
    bold = [b for b in all_blocks(d) if b.text.startswith("Elmhurst District 205 Community Forum")]
    assert bold and all("strong" in r.marks for r in bold[0].runs)  # mso-bidi-font-weight:normal is bold


def test_libreoffice_words_are_neither_glued_nor_broken() -> None:
    d = doc("libreoffice-clipboard-multi-feature-document.html")
    text = full_text(d)
    assert "This is a sample document." in text and "Thisis" not in text
    assert d.title == "Preserving original formatting"
    assert [b.text for b in all_blocks(d) if b.kind == "item"][:2] == ["Item One", "Item Two"]


def test_openedx_periodic_table_is_not_read_cell_by_cell() -> None:
    d = doc("openedx-demo-course-labs-periodic-table-tinymce.html")
    bs = all_blocks(d)
    assert len(bs) < 10
    assert "Many courses have interactive labs" in full_text(d)
    assert "Hydrogen" not in full_text(d) and "1.00794" not in full_text(d)


def test_tinymce_demo_reads_the_textarea_document() -> None:
    d = doc("tinymce-docs-full-featured-demo.html")
    assert d.title == "Welcome to the TinyMCE editor demo!"
    assert [c.title for c in d.chapters] == ["Welcome to the TinyMCE editor demo!", "⭐️ Popular features",
                                             "🖖 Get TinyMCE", "Why TinyMCE 👀"]
    text = full_text(d)
    assert "Meet TinyMCE, the Internet's most battle-tested rich text editor" in text
    assert "<p>" not in text and "&nbsp;" not in text
    cells = [b for b in all_blocks(d) if b.kind == "cell"]
    assert "Cloud; Sign-up for free; Always up to date, easy to maintain" in [b.text for b in cells]


def test_exportpdf_duplicate_textareas_read_once() -> None:
    d = doc("tinymce-docs-exportpdf-lms-document.html")
    text = full_text(d)
    assert text.count("This document provides a comprehensive overview") == 1
    assert "Flat format" not in text
    assert [c.title for c in d.chapters][:3] == ["Streamline - The Next-Gen Learning Management System (LMS)",
                                                 "Project Goals", "System Features"]
    kinds = {b.kind for b in all_blocks(d)}
    assert {"heading", "paragraph", "item", "caption", "quote", "cell"} <= kinds
    rows = [b.text for b in all_blocks(d) if b.kind == "cell"]
    assert rows[0].startswith("User Group: Educators; Benefits: Easy content creation")


@pytest.mark.parametrize("name", ALL)
def test_every_document_plans_into_sentences(name: str) -> None:
    """Each document narrates into sentence segments a listener can follow: every segment is
    speakable, within the length limits, tagged with a language, and titled chapters stay."""
    from narrator.config import load_config
    from narrator.script.planner import plan

    config = load_config()
    script = plan(doc(name), config)
    assert script.chapters and script.segments
    for chapter in script.chapters:
        for seg in chapter.segments:
            limit = config.text.max_chars_cjk if seg.lang == "zh" else config.text.max_chars
            assert seg.text.strip(), (name, seg.id)
            if len(seg.spoken) > limit + 2:  # only a formula, never cut, with a word or two
                said = _formulas_in(chapter.blocks[seg.block], seg.span, seg.lang)
                assert len(said) == 1 and said[0] in seg.spoken, (name, seg.text, said)
                assert len(seg.spoken.replace(said[0], "").split()) <= 2, (name, seg.spoken)
    for seg in script.segments:
        assert seg.lang in ("zh", "en", "es", "ar", "fr", "de", "fi"), (name, seg.lang, seg.text)
        assert seg.emotion in config.emotion_names
    zh = sum(s.lang == "zh" for s in script.segments) / len(script.segments)
    assert (zh > 0.5) == name.startswith("zh-"), (name, zh)


def _formulas_in(block, span: tuple[int, int], lang: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The formulas of ``block`` that start inside ``span``, as said."""
    from narrator.normalize import normalize
    from narrator.script.maths import speak_tex

    out, at = [], 0
    for run in block.runs:
        if run.math is not None and span[0] <= at < span[1]:
            out.append(normalize(speak_tex(run.math, lang), lang))
        at += len(run.text)
    return out


def _segments(name: str):  # type: ignore[no-untyped-def]
    from narrator.config import load_config
    from narrator.script.planner import plan

    return plan(doc(name), load_config()).segments


def test_zh_news_reads_the_article_not_the_page_around_it() -> None:
    d = doc("zh-news-people-zhengbanqiao-gb2312-meta-utf8-bytes.html")
    text = full_text(d)
    for chrome in ("来源", "2019年06月15日08:18", "责编", "推荐阅读", "【详细】", "文艺星青年|汉语盘点2018", "文脉颂中华"):
        assert chrome not in text, chrome
    segs = [s.text for s in _segments("zh-news-people-zhengbanqiao-gb2312-meta-utf8-bytes.html")]
    assert segs[0] == d.title == "女儿出嫁，郑板桥画了几笔兰花当嫁妆"  # the title heading, read once
    assert segs[1] == "父亲的教诲像一盏灯，为我们照亮前行的路；"
    assert segs[-1].startswith("虽然，东方朔为人洒脱不羁")  # the article's last sentence ends it
    # the poems are still read one line per segment
    assert segs[segs.index("古人学问无遗力，少壮工夫老始成。") + 1] == "纸上得来终觉浅，绝知此事要躬行。"
    assert segs.count(d.title) == 1


def test_zh_law_introduction_without_breadcrumb_metadata_or_footer() -> None:
    d = doc("zh-law-supervision-law-chapters-in-strong.html")
    intro = [s.text for s in _segments("zh-law-supervision-law-chapters-in-strong.html") if s.chapter == 1]
    assert intro[0] == d.title == "中华人民共和国监察法"
    assert intro[1].startswith("《中华人民共和国监察法》是为了推进全面依法治国")
    assert len(intro) == 3 and intro.count(d.title) == 1
    text = full_text(d)
    for chrome in ("■", "纪检监察", "来源", "发布时间", "浏览次数", "主办单位", "版权所有"):
        assert chrome not in text, chrome
    assert text.rstrip().endswith("《中华人民共和国行政监察法》同时废止。")


def test_word_flyer_title_is_its_bold_first_line_and_no_file_name_is_read() -> None:
    name = "word-clipboard-ell-forum-invitation-fake-bullets.html"
    d = doc(name)
    assert d.title == "Elmhurst District 205 Community Forum on English Language Learners"
    segs = _segments(name)
    assert segs[0].text == d.title and segs[0].boundary == "heading"
    assert [s.text for s in segs].count(d.title) == 1
    assert not any("word-clipboard" in s.text for s in segs)
    texts = [s.text for s in segs]
    assert "Over the past few decades," not in texts  # no fragment of a long sentence
    assert any(t.startswith("Over the past few decades, there have been many changes") for t in texts)
    google = _segments("google-docs-clipboard-mixed-list.html")
    assert [s.text for s in google][:2] == ["1", "A"]  # the file name is the title, never read


def test_ckeditor_footnote_markers_are_not_read() -> None:
    text = full_text(doc("ckeditor5-all-features-pagebreak-code-rtl.html"))
    assert "Lorem ipsum dolor sit amet, consectetur adipisicing elit." in text
    assert "elit.1" not in text and "voluptatum.2" not in text and "voluptate voluptatum." in text


def test_tinymce_emoji_headings_are_shown_not_spoken() -> None:
    segs = _segments("tinymce-docs-full-featured-demo.html")
    by_text = {s.text: s.spoken for s in segs}
    assert by_text["⭐️ Popular features"] == "Popular features"
    assert by_text["Why TinyMCE 👀"] == "Why TinyMCE"
    assert by_text["❤️ Go build something today"] == "Go build something today"
    import re

    assert not [s.spoken for s in segs if re.search("[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B50\uFE0F]", s.spoken)]
