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
