"""Chinese news pages (narrator/parse/sources/news_zh.py), exactly: a page showing every kind of
news-site furniture, each piece reported once with its reason and its size, the article left
whole, the headline as the title; and the pages that are not news pages."""

from __future__ import annotations

from narrator.parse.html import parse_soup
from narrator.parse.sources import recognise
from narrator.values import Block, Run, Skipped

PAGE = """<html lang="zh-CN"><head><title>财经频道--央行发布新规定</title><meta name="keywords" content="央行 新规">
<script>var x = 1;</script></head><body>
<div class="nav">您所在的位置：首页 &gt; 快讯</div>
<div class="main"><h1>央行发布新规定</h1>
<div class="info"><span>阅读：1234</span><span class="viewnum">567</span></div>
<div class="content"><p>中国人民银行今天发布了新的规定，要求各银行加强管理。这是一段很长的新闻正文内容，用来做测试。</p>
<p>规定自下月起施行，各地将陆续落实。</p></div>
<div class="tags">标签：央行 新规</div><p>央行 新规</p>
<div class="share">分享到：微信 微博</div>
<div class="pn"><a>上一篇：旧闻</a><a>下一篇：新闻</a></div>
<div class="qr"><img src="qr.png"><p>扫描二维码关注我们</p></div>
<div class="empty">暂无简介</div><div class="fs">字号：大 中 小</div>
<p class="dis">声明：本文仅供参考，不构成投资建议。</p>
</div>
<div class="sidebar"><p>热门文章</p></div>
<div class="rec"><h3>相关阅读</h3><ul><li>另一篇</li></ul></div>
<div class="comment-box"><div><span>1楼</span><p>说得好</p><a>回复</a></div></div>
<div class="footer">版权所有 未经许可不得转载</div>
</body></html>"""


def test_every_kind_of_news_furniture_is_reported_once_with_its_reason() -> None:
    soup = parse_soup(PAGE)
    source = recognise(soup)
    assert source.name == "news-zh"
    assert source.prepare(soup) == [
        Skipped("div.footer", "page footer", "the site's footer: its links, contacts and copyright statement", 13),
        Skipped("div.sidebar", "side bar", "the column beside the article: the site's other articles, "
                "tags and statistics", 4),
        Skipped("div.rec", "recommended articles", "teasers for other articles of the site ('为你推荐', '相关阅读')", 7),
        Skipped("div.comment-box", "reader comments", "reader comments: not the article", 7),
        Skipped("p", "tag line", "the article's keywords (the page's keywords meta), not its text", 5),
        Skipped("p.dis", "disclaimer", "the site's standing disclaimer under every article, not the article's text", 18),
        Skipped("div.fs", "page control", "a control of the page (the font size), not the article's text", 8),
        Skipped("div.empty", "empty placeholder", "the site's text for an empty box ('no description yet')", 4),
        Skipped("div.qr", "QR-code introduction", "an invitation to scan the site's QR code (app, WeChat account)", 9),
        Skipped("a", "article navigation", "the links to the previous and next articles of the site", 6),
        Skipped("a", "article navigation", "the links to the previous and next articles of the site", 6),
        Skipped("div.share", "share bar", "buttons to share the page", 9),
        Skipped("div.tags", "tag line", "the article's tags on the news site, not its text", 8),
        Skipped("span.viewnum", "view counter", "how often the page was read (a site statistic)", 3),
        Skipped("span", "view counter", "how often the page was read (a site statistic)", 7),
        Skipped("div.nav", "breadcrumb", "where the page sits in the site's menus", 14)]
    assert [p.get_text() for p in soup.select("div.content p")][1] == "规定自下月起施行，各地将陆续落实。"


def test_the_headline_shown_is_the_title_when_the_page_title_holds_it() -> None:
    soup = parse_soup(PAGE)
    source = recognise(soup)

    def first(text: str) -> list[Block]:
        return [Block(kind="paragraph", runs=(Run(text=" "),)), Block(kind="heading", runs=(Run(text=text),))]

    assert source.title(soup, first("央行发布 新规定")) == "央行发布 新规定"
    assert source.title(soup, first("发布新规")) is None  # too short to be sure
    assert source.title(soup, first("央行发布新规定了")) is None  # not in the page's title
    assert source.title(soup, first("财经频道--央行发布新规定")) is None  # the page's title itself


def test_a_page_needs_two_kinds_of_furniture_scripts_and_chinese_text() -> None:
    def kind(html: str) -> str:
        return recognise(parse_soup(html)).name

    two = "<p>标签：央行</p><p>分享到：微信</p><p>中国人民银行今天发布了新的规定。</p>"
    assert kind(f"<html><head><script>x</script></head><body>{two}</body></html>") == "news-zh"
    assert kind(f"<html><body>{two}</body></html>") != "news-zh"  # no script: not a web page
    one = "<p>标签：央行</p><p>中国人民银行今天发布了新的规定。</p>"
    assert kind(f"<html><head><script>x</script></head><body>{one}</body></html>") != "news-zh"
    english = two + "<p>" + "The central bank published new rules today for all banks. " * 3 + "</p>"
    assert kind(f"<html><head><script>x</script></head><body>{english}</body></html>") != "news-zh"
    assert kind(f"<html lang='zh'><head><script>x</script></head><body>{english}</body></html>") == "news-zh"
