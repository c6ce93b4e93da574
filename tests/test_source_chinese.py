"""Chinese article platforms and EPUB chapters read as their readers read them (issue 19): the
source kinds in narrator/parse/sources/wechat.py and epub.py, on small hand-written pages."""

from __future__ import annotations

from narrator.config import ParseConfig
from narrator.parse import parse_html
from narrator.parse.sources import recognise
from narrator.parse.html import parse_soup
from narrator.parse.tree import Work
from narrator.values import Document


def parse(html: str, path: str = "doc.html") -> Document:
    return parse_html(html.encode("utf-8"), path, ParseConfig())


def said(doc: Document) -> list[str]:
    return [b.text for c in doc.chapters for b in c.blocks]


def kind(html: str) -> str:
    return recognise(parse_soup(html, Work("x.html"))).name


# --- WeChat ------------------------------------------------------------------------------------

_ITEM = "●{n}日上午，某地举行了一场活动，参加的人很多，现场秩序良好，有关部门表示将继续做好服务保障工作。"

WECHAT = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>
<script>var msg_title = "x";</script></head>
<body id="activity-detail"><div id="js_article" class="rich_media"><div class="rich_media_inner">
<div id="page-content" class="rich_media_area_primary"><div id="img-content">
<h2 class="rich_media_title" id="activity-name">{title}</h2>
<div id="meta_content" class="rich_media_meta_list"><span>华商报</span> <em id="post-date">2018-04-06</em></div>
<div class="rich_media_content" id="js_content">{body}</div>
<div id="js_preview_reward" class="reward_area"><a>赞赏</a></div>
</div></div></div>
<div id="js_pc_qr_code"><p>微信扫一扫<br>关注该公众号</p></div></div></body></html>"""


def test_wechat_is_recognised_from_its_content_element() -> None:
    assert kind(WECHAT.format(title="T", body="<p>x</p>")) == "wechat"
    assert kind("<html><body><div id='content'><p>x</p></div></body></html>") != "wechat"


def test_wechat_news_digest_is_read_whole() -> None:
    # a digest of long items styled as <h1> by an editor, beside one short poem paragraph: none of
    # it is "outside the page's main content", and the items are paragraphs, not chapter titles
    items = "".join(f"<h1><span>{_ITEM.format(n=n)}</span></h1>" for n in range(1, 9))
    poem = "<section><p>岁在戊戌，节届清明，桥山之阳，春和景明。</p>" * 3 + "</section>"
    doc = parse(WECHAT.format(title="新闻速览一分钟", body=poem + items))
    text = said(doc)
    assert doc.title == "新闻速览一分钟"
    assert len(doc.chapters) == 1
    assert sum(t.startswith("●") for t in text) == 8
    assert text[0] == "新闻速览一分钟"
    assert not any("赞赏" in t or "扫一扫" in t or "华商报" in t for t in text)
    reasons = {s.source: s.reason for s in doc.skipped}
    assert any("meta_content" in k and "account name" in r for k, r in reasons.items())
    assert any("js_pc_qr_code" in k and "outside the WeChat article" in r for k, r in reasons.items())
    assert not any("main content" in s.reason for s in doc.skipped)


def test_wechat_music_player_is_reported_not_read() -> None:
    body = ('<p>我最喜欢的一首歌是这首，歌词写得很好。</p><qqmusic class="qqmusic_iframe" musicid="1" '
            'music_name="你那么爱她" audiourl="http://x/a.m4a"></qqmusic>')
    doc = parse(WECHAT.format(title="关于音乐", body=body))
    assert not any("m4a" in t or "你那么爱她" in t for t in said(doc))
    assert any(s.what == "embedded content" and "qqmusic" in s.source for s in doc.skipped)


def test_a_short_styled_heading_stays_a_heading() -> None:
    body = "<h2>缘起</h2><p>" + "回忆起儿时与古筝的结缘，她觉得很美。" * 3 + "</p><h2>未来</h2><p>她选择一如既往。</p>"
    doc = parse(WECHAT.format(title="古筝", body=body))
    headings = [b.text for c in doc.chapters for b in c.blocks if b.kind == "heading"]
    assert "缘起" in headings and "未来" in headings


# --- EPUB --------------------------------------------------------------------------------------

EPUB3 = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="zh-TW"
 lang="zh-TW" class="vrtl"><head><meta charset="UTF-8"/><title>{title}</title></head>
<body><div class="main">{body}</div></body></html>"""

EPUB2 = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>{title}</title></head><body>{body}</body></html>"""


def test_epub_chapters_are_recognised_from_their_markup() -> None:
    assert kind(EPUB3.format(title="x", body="<p>x</p>")) == "epub"
    assert kind(EPUB2.format(title="x", body="<p>x</p>")) == "epub"
    assert kind("<!DOCTYPE html><html><head><title>x</title></head><body><p>x</p></body></html>") != "epub"


def test_placeholder_heading_gives_way_to_the_story_name() -> None:
    doc = parse(EPUB3.format(title="羅生門", body="<h2>正文</h2><p>是一日的傍晚的事。有一個家將，在羅生門下待著雨住。</p>"),
                "p-002.xhtml")
    text = said(doc)
    assert doc.title == "羅生門" and "正文" not in text
    assert any(s.what == "placeholder heading" and "羅生門" in s.reason for s in doc.skipped)


def test_placeholder_title_gives_way_to_the_first_heading() -> None:
    doc = parse(EPUB2.format(title="正文", body="<h3>第一回 宴桃園豪傑三結義</h3><p>話說天下大勢，分久必合，合久必分。</p>"))
    assert doc.title == "第一回 宴桃園豪傑三結義"


def test_plain_note_links_are_notes_and_marks_are_not_read() -> None:
    body = ('<p>有近一半會員國<a href="#n1" id="r1">１</a>的報紙家數明顯減少。</p><hr/><h4>註釋</h4>'
            '<p id="n1"><a href="#r1">１</a>經濟合作暨發展組織會員國包括奧地利、比利時。</p>')
    doc = parse(EPUB2.format(title="第一章 報業", body=body))
    chapters = [[b.text for b in c.blocks] for c in doc.chapters]
    assert chapters[0][-1] == "有近一半會員國的報紙家數明顯減少。"
    assert "註釋" not in chapters[0]
    assert chapters[-1][0] in ("注释", "註釋") and chapters[-1][1].startswith("經濟合作")
    assert any(s.what == "notes heading" for s in doc.skipped)


def test_epub3_note_number_is_shown_not_read() -> None:
    body = ('<p>會員國<a epub:type="noteref" href="#a1" id="ra1">1</a>的報紙減少。</p><h4>註釋</h4>'
            '<p epub:type="footnote" id="a1">１經濟合作暨發展組織會員國包括冰 島。</p>')
    doc = parse(EPUB3.format(title="報業", body=body))
    notes = [b.text for b in doc.chapters[-1].blocks]
    assert notes[1] == "經濟合作暨發展組織會員國包括冰 島。"  # the written text keeps its space
    assert sum(t == "註釋" or t == "注释" for c in doc.chapters for t in [b.text for b in c.blocks]) == 1
    assert any(s.what == "note number" for s in doc.skipped)


def test_ruby_is_read_once() -> None:
    doc = parse(EPUB3.format(title="注音", body="<p><ruby>各<rt>ㄍㄜˋ</rt></ruby><ruby>位<rt>ㄨㄟˋ</rt></ruby>都好吧？</p>"))
    assert said(doc)[-1] == "各位都好吧？"


# --- WeChat reading hints and the notes cue's script (issue 19, second pass) -------------------

def test_wechat_reading_hints_are_reported_not_read() -> None:
    body = ("<p>点击上方蓝字关注我们</p><section><p>岁在戊戌，节届清明，桥山之阳，春和景明。</p></section>"
            "<p><span>向上滑动阅览</span></p><p>向上滑动是人生的方向吗？我们一起讨论这个问题。</p>"
            "<p>▲长按识别二维码关注</p>")
    doc = parse(WECHAT.format(title="清明", body=body))
    text = said(doc)
    assert not any("蓝字" in t or "滑动阅览" in t or "长按" in t for t in text)
    assert any(t.startswith("向上滑动是人生的方向吗") for t in text)  # a sentence is never a hint
    assert sum(s.what == "reading hint" for s in doc.skipped) >= 3


def test_notes_cue_is_in_the_documents_script() -> None:
    note = '<p>{0}<sup><a href="#n1">1</a></sup>。</p><ol class="footnotes"><li id="n1">{1}</li></ol>'
    trad = parse(note.format("這是一個關於臺灣歷史的故事", "見於《臺灣通史》，連橫著，記載了這段歷史與傳說。"))
    simp = parse(note.format("这是一个关于台湾历史的故事", "见于《台湾通史》，连横著，记载了这段历史与传说。"))
    assert trad.chapters[-1].title == "註釋" and trad.chapters[-1].blocks[0].text == "註釋"
    assert simp.chapters[-1].title == "注释"
