"""Baidu Baike entries read as an encyclopedia entry (issue 19): narrator/parse/sources/baike.py on
a small hand-written page modelled on a saved entry."""

from __future__ import annotations

from narrator.config import ParseConfig
from narrator.parse import parse_html
from narrator.parse.html import parse_soup
from narrator.parse.sources import recognise
from narrator.parse.tree import Work
from narrator.values import Document

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>某人_百度百科</title>
<script>var x = 1;</script></head><body>
<div class="header-wrapper"><form><input name="word"></form><a href="/">进入词条</a> 全站搜索</div>
<div class="body-wrapper"><div class="feature_poster"><div class="poster"><dl class="con">
<dd class="bk_title_body"><div class="flower-sender">送花</div></dd>
<dl class="lemmaWgt-lemmaTitle"><dd class="lemmaWgt-lemmaTitle-title"><h1>某人</h1>
<a class="edit-lemma j-edit-link" href="javascript:;">编辑</a><a class="lock-lemma">锁定</a>
<a class="lemma-discussion" href="/planet/talk">讨论</a></dd></dl>
<dd class="desc"><div class="lemma-summary"><div class="para">某人，1975年出生于某地，是一位歌手<sup class="sup--normal" data-sup="1"> [1]</sup><a class="sup-anchor" name="ref_[1]_9"> </a>。</div></div></dd>
</dl></div></div>
<div class="content-wrapper"><div class="content"><div class="main-content"><div class="main_tab">
<div class="lemmaWgt-lemmaCatalog"><div class="lemma-catalog"><h2 class="block-title">目录</h2>
<ol><li><span class="index">1</span><a href="#1">早年经历</a></li></ol></div></div>
<div class="basic-info"><dl><dt class="basicInfo-item name">国&nbsp;&nbsp;&nbsp;&nbsp;籍</dt>
<dd class="basicInfo-item value"><a href="/item/%E6%9F%90%E5%9C%B0">某地</a></dd>
<dt class="basicInfo-item name">生&nbsp;&nbsp;&nbsp;&nbsp;肖</dt><dd class="basicInfo-item value"><a href="/item/x/1">虎</a></dd>
</dl></div>
<div class="para-title level-2"><h2 class="title-text"><span class="title-prefix">某人</span>早年经历</h2>
<a class="edit-icon j-edit-link" href="javascript:;">编辑</a></div>
<div class="para">她从小学习音乐，后来在乐团担任主唱，多次获奖<sup class="sup--normal" data-sup="2-3"> [2-3]</sup><a class="sup-anchor" name="ref_[2-3]_9"> </a>。</div>
<div class="go-auth-box"><div class="go-auth-con">百度百科内容由网友共同编辑，欢迎参与修正。<a href="/personal/auth">立即前往&gt;&gt;</a></div></div>
<dl class="lemma-reference"><dt class="reference-title">参考资料</dt><dd><ul class="reference-list">
<li class="reference-item" id="reference-[1]-9-wrap"><span class="index">1.</span><a class="gotop anchor" href="#ref_[1]_9"> </a><a class="text" href="/reference/1">某人出生记</a><span class="site">．新浪</span></li>
<li class="reference-item" id="reference-[2]-9-wrap"><span class="index">2.</span><a class="text" href="/reference/2">某人获奖名单</a><span class="site">．网易</span></li>
<li class="reference-item" id="reference-[3]-9-wrap"><span class="index">3.</span><a class="text" href="/reference/3">某人乐团往事</a><span class="site">．搜狐</span></li>
</ul></dd></dl>
<div id="open-tag"><div class="open-tag-title">词条标签：</div><span class="taglist">音乐</span></div>
</div></div><div class="side-content"><dl class="lemma-statistics"><dd><ul><li>浏览次数：100次</li><li>编辑次数：155次</li></ul></dd></dl></div>
</div></div></div>
<div class="wgt-footer-main">©2020 Baidu 使用百度前必读</div></body></html>"""


def parse(html: str) -> Document:
    return parse_html(html.encode("utf-8"), "entry.html", ParseConfig())


def said(doc: Document) -> list[str]:
    return [b.text for c in doc.chapters for b in c.blocks]


def test_baike_is_recognised_from_its_widgets() -> None:
    assert recognise(parse_soup(PAGE, Work("x.html"))).name == "baike"
    assert recognise(parse_soup("<html><body><div class='para'>x</div></body></html>", Work("x.html"))).name != "baike"


def test_baike_entry_is_read_without_the_site() -> None:
    doc = parse(PAGE)
    text = said(doc)
    joined = "\n".join(text)
    assert doc.title == "某人"
    assert doc.lang == "zh"
    for chrome in ("编辑", "锁定", "讨论", "目录", "立即前往", "送花", "浏览次数", "词条标签", "Baidu", "全站搜索",
                   "参考资料", "1."):
        assert chrome not in joined, chrome
    assert "早年经历" in text and "某人早年经历" not in joined
    assert doc.chapters[-1].title == "注释"
    assert "某人，1975年出生于某地，是一位歌手。" in text  # the mark is not read
    assert "国籍：某地" in text and "生肖：虎" in text  # one line per fact, links read as words
    reasons = {s.what for s in doc.skipped}
    assert {"table of contents", "edit link", "heading prefix", "site notice", "notes heading"} <= reasons


def test_baike_range_marks_point_to_each_source() -> None:
    doc = parse_html(PAGE.encode(), "entry.html", ParseConfig(notes="inline"))
    text = said(doc)
    at = next(i for i, t in enumerate(text) if t.startswith("她从小学习音乐"))
    assert "某人获奖名单" in text[at + 1] and "某人乐团往事" in text[at + 2]  # [2-3] is sources 2 and 3
    notes = parse(PAGE).chapters[-1]
    assert [b.text for b in notes.blocks][1:] == ["某人出生记．新浪", "某人获奖名单．网易", "某人乐团往事．搜狐"]
