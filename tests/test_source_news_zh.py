"""Chinese news pages read as their article (issue 19): narrator/parse/sources/news_zh.py on a small
hand-written page modelled on the furniture Chinese news sites share."""

from __future__ import annotations

from narrator.config import ParseConfig
from narrator.parse import parse_html
from narrator.parse.html import parse_soup
from narrator.parse.sources import recognise
from narrator.parse.tree import Work

BODY = ("<p>联合国贸发会议发布了年度报告，即使忽略最坏的下行风险，今年全球经济增长率也将从3%降至2.3%。</p>"
        "<p>一些大型新兴经济体已经陷入衰退，而一些发达经济体距离衰退仅一步之遥，全球贸易增长也将严重减缓。</p>")

PAGE = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="keywords" content="国贸|增长率|全球经济"><title>股市频道--全球经济增长率降至2.3%</title>
<script>var a = 1;</script></head><body>
<div class="top"><h1><a href="/"><img src="logo.png" alt="某网">某网首页</a></h1></div>
<div class="crumb">您所在的位置：首页 &gt; 快讯 &gt; 公司</div>
<div id="main"><div class="page-article"><div class="title-text">全球经济增长率降至2.3%</div>
<div class="meta"><span class="time">发布时间：2019-09-26</span> <span class="view-counter">3573</span></div>
<div class="content">{body}</div>
<div class="tags"><div class="tag">国贸|增长率|全球经济</div></div>
<div class="adjacent"><div>上一篇：</div><a href="/1.html">今日股市行情分析</a></div>
<div class="share"><span>分享到</span><a href="#">微博</a><a href="#">微信</a></div>
<p>声明：本站力求信息真实、准确，文章提及内容仅供参考，不构成实质性投资建议。</p>
</div>
<div class="recommend"><h2>为你推荐</h2><dl><dd>十一国庆假期前，金融委召开会议，部署了一系列金融领域下一步的重点工作。</dd></dl>
<dl><dd>今天是国庆节前最后一个交易日，持股还是持币过节又成为投资者一个老大难的问题。</dd></dl></div>
</div>
<div id="article-rightbar"><div>行情实时播报</div><div>本栏目为广大股民提供及时行情资讯。</div>
<div><div>总篇数</div><div>919</div></div><div><div>点击量</div><div>116876</div></div></div>
<div class="qr"><p>某网官方微信公众号</p><p><img src="qr.png"></p><p>扫描上方二维码关注微信公众号</p></div>
<div id="footer"><h2>联系我们</h2><p>声明：未经许可，任何人不得复制、转载本网站的内容。</p></div>
</body></html>"""


def test_news_page_is_recognised_from_its_furniture() -> None:
    assert recognise(parse_soup(PAGE.format(body=BODY), Work("x.html"))).name == "news-zh"
    # an article with none of the furniture is left to the general rules
    plain = f"<html lang='zh'><head><script></script></head><body><h1>标题</h1>{BODY}</body></html>"
    assert recognise(parse_soup(plain, Work("x.html"))).name != "news-zh"


def test_news_page_reads_the_article_only() -> None:
    doc = parse_html(PAGE.format(body=BODY).encode("utf-8"), "news.html", ParseConfig())
    text = [b.text for c in doc.chapters for b in c.blocks]
    assert doc.title == "全球经济增长率降至2.3%"  # the headline, not "column--headline"
    assert text[0] == "全球经济增长率降至2.3%" and text.count("全球经济增长率降至2.3%") == 1
    assert any(t.startswith("联合国贸发会议") for t in text) and any(t.startswith("一些大型") for t in text)
    joined = "\n".join(text)
    for chrome in ("3573", "国贸|增长率", "上一篇", "分享到", "仅供参考", "为你推荐", "金融委", "总篇数", "点击量",
                   "二维码", "公众号", "未经许可", "联系我们", "所在的位置", "行情实时播报"):
        assert chrome not in joined, chrome
    whats = {s.what for s in doc.skipped}
    assert {"tag line", "article navigation", "share bar", "disclaimer", "recommended articles", "side bar",
            "QR-code introduction", "page footer", "breadcrumb", "view counter"} <= whats
