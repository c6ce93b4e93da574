"""Chinese news pages (narrator/parse/sources/news_zh.py), exactly, at the edges the whole-page
tests leave open: which heading and text are the article (never taken out with a side bar, a
recommendation list or a comment thread), the reader comments found by their marks and limits,
the QR-code box and counter rules, the 120-character furniture limit, the page keywords line,
the Han/Latin ratio that makes a page Chinese, and the headline taken as the title."""

from __future__ import annotations

from typing import Any

import pytest

from narrator.parse.html import parse_soup
from narrator.parse.sources.news_zh import NewsZh
from narrator.values import Block, Run, Skipped

SIDE = "the column beside the article: the site's other articles, tags and statistics"
REC = "teasers for other articles of the site ('为你推荐', '相关阅读')"
COMMENTS = "reader comments: not the article"
QR = "an invitation to scan the site's QR code (app, WeChat account)"
COPY = "the site's copyright statement, not the article's text"
TAGS = "the article's keywords (the page's keywords meta), not its text"
ARTICLE = "中国人民银行今天发布了新的规定要求各银行加强管理这是一段很长的新闻正文内容用来做测试"


def prepared(body: str, head: str = "") -> tuple[list[Skipped], Any]:
    soup = parse_soup(f"<html><head>{head}</head><body>{body}</body></html>")
    return NewsZh().prepare(soup), soup


def test_a_footer_element_is_the_page_footer() -> None:
    out, soup = prepared(f"<h1>央行发布新规定</h1><p>{ARTICLE}</p><footer><p>联系我们</p></footer>")
    assert out == [Skipped("footer", "page footer",
                           "the site's footer: its links, contacts and copyright statement", 4)]
    assert soup.find("footer") is None


@pytest.mark.parametrize("heading", ["h1", "h2"])
def test_the_side_column_holding_the_headline_is_the_article_not_a_side_bar(heading: str) -> None:
    # the site's logo (an <h1> inside a link, an <h1> holding a link) is no headline
    out, soup = prepared(
        '<div class="rightbar"><a href="/"><h1>网站</h1></a><h1><a href="/">首页</a></h1></div>'
        f'<div class="leftbar-wrap"><{heading}><span>央行发布新规定</span></{heading}><p>{ARTICLE}</p></div>')
    assert out == [Skipped("div.rightbar", "side bar", SIDE, 4)]
    assert soup.find(class_="leftbar-wrap").get_text() == "央行发布新规定" + ARTICLE


def test_a_side_bar_is_taken_out_of_a_page_without_a_headline() -> None:
    out, _ = prepared(f'<div><p>{ARTICLE}</p></div><div class="sidebar">热门</div>')
    assert out == [Skipped("div.sidebar", "side bar", SIDE, 2)]


def test_a_recommendation_title_inside_the_article_goes_alone() -> None:
    out, soup = prepared(f'<div class="article"><p>{ARTICLE}</p><p>相关阅读</p></div>')
    assert out == [Skipped("p", "recommended articles", REC, 4)]
    assert soup.find(class_="article").get_text() == ARTICLE


def test_the_article_text_is_the_first_element_with_the_most_text_of_its_own() -> None:
    # the teaser in the list has as many characters as the article's line: the first one wins
    out, soup = prepared('<div class="a"><p>正文内容</p></div>'
                         '<div class="rec"><p>相关阅读</p><ul><li>另一篇文</li></ul></div>')
    assert out == [Skipped("div.rec", "recommended articles", REC, 8)]
    assert soup.body.get_text() == "正文内容"


def test_a_comment_container_holding_the_article_is_not_taken_out() -> None:
    out, soup = prepared(f'<div class="main-reply"><h1>央行发布新规定</h1><p>{ARTICLE}</p>'
                         '<div class="cmt-item"><span>1楼</span><p>说得好</p><a>回复</a></div></div>')
    assert out == [Skipped("div.cmt-item", "reader comments", COMMENTS, 7)]
    assert soup.find(class_="main-reply").get_text() == "央行发布新规定" + ARTICLE


def test_every_comment_thread_is_reported_even_after_a_nested_one() -> None:
    out, _ = prepared(f'<h1>央行发布新规定</h1><p>{ARTICLE}</p>'
                      '<div class="comment-a"><div class="comment-b"><span>1楼</span><a>回复</a></div></div>'
                      '<div class="comment-c"><textarea></textarea><p>请文明发言</p></div>')
    assert out == [Skipped("div.comment-a", "reader comments", COMMENTS, 4),
                   Skipped("div.comment-c", "reader comments", COMMENTS, 5)]


def test_a_comment_box_is_found_by_its_textarea_alone() -> None:
    out, _ = prepared(f'<h1>央行发布新规定</h1><p>{ARTICLE}</p>'
                      '<div class="comment-form"><textarea></textarea><p>请文明发言</p></div>')
    assert out == [Skipped("div.comment-form", "reader comments", COMMENTS, 5)]


def test_a_container_named_for_comments_without_their_marks_stays() -> None:
    # a 13-character counter line is longer than a control ("已输入0字" is one, up to 12)
    body = (f'<h1>央行发布新规定</h1><p>{ARTICLE}</p>'
            '<div class="comment-intro"><p>本文评论观点</p><span>已输入0字最多可输入50字</span></div>')
    out, soup = prepared(body)
    assert out == [] and soup.find(class_="comment-intro") is not None


def test_lone_comments_are_each_taken_out_with_their_floor_and_reply() -> None:
    out, soup = prepared(
        f'<h1>央行发布新规定</h1><div class="article"><p>{ARTICLE}</p></div><div class="list">'
        '<div class="c1"><span>3楼</span><p>说得好</p><a>回复</a><div><span>4楼</span><p>同意</p></div></div>'
        '<div class="c2"><span>沙发</span><p>好</p><a>回复</a></div>'
        '<div class="c3"><span>地板</span></div></div>')
    assert out == [Skipped("div.c1", "reader comments", COMMENTS, 11),
                   Skipped("div.c2", "reader comments", COMMENTS, 5)]
    assert soup.find(class_="c3").get_text() == "地板"  # a floor word without a reply control stays


def test_a_floor_word_and_a_reply_link_in_the_article_are_the_article() -> None:
    out, soup = prepared(f'<div class="article"><h1>央行发布新规定</h1><p>沙发</p><p>{ARTICLE}</p>'
                         '<a>回复</a></div>')
    assert out == [] and soup.find(class_="article") is not None


@pytest.mark.parametrize(("size", "taken"), [(1000, True), (1001, False)])
def test_a_comment_is_at_most_a_thousand_characters(size: int, taken: bool) -> None:
    # short paragraphs: the article's line keeps the most text of its own
    filler = "".join(f"<p>{'好' * 30}</p>" for _ in range(33)) + f"<p>{'好' * (size - 4 - 990)}</p>"
    out, _ = prepared(f'<h1>央行发布新规定</h1><p>{ARTICLE}</p>'
                      f'<div class="c"><span>1楼</span>{filler}<a>回复</a></div>')
    assert out == ([Skipped("div.c", "reader comments", COMMENTS, size)] if taken else [])


def test_a_qr_caption_goes_with_its_box_but_never_with_the_body() -> None:
    out, soup = prepared("<h1>短标题</h1><p>扫描二维码关注</p>")
    assert out == [Skipped("p", "QR-code introduction", QR, 7)] and soup.find("h1") is not None
    out, soup = prepared(f"<p>扫描二维码关注</p><p>{ARTICLE}</p>")
    assert out == [Skipped("p", "QR-code introduction", QR, 7)] and soup.body.get_text() == ARTICLE


@pytest.mark.parametrize(("size", "what"), [(40, "div.qr"), (41, "p")])
def test_a_qr_box_is_at_most_forty_characters(size: int, what: str) -> None:
    caption = "扫描二维码关注" + "我" * (size - 9)
    out, _ = prepared(f'<h1>央行发布新规定</h1><p>{ARTICLE}</p><div class="qr"><p>{caption}</p><b>AB</b></div>')
    assert out == [Skipped(what, "QR-code introduction", QR, size if what == "div.qr" else size - 2)]


@pytest.mark.parametrize(("size", "taken"), [(40, True), (41, False)])
def test_a_qr_caption_is_at_most_forty_characters(size: int, taken: bool) -> None:
    caption = "扫描二维码关注" + "我" * (size - 7)
    out, _ = prepared(f"<h1>央行发布新规定</h1><p>{ARTICLE}</p><div><p>{caption}</p></div>")
    assert out == ([Skipped("div", "QR-code introduction", QR, size)] if taken else [])


def test_words_about_qr_codes_or_a_number_alone_are_the_article() -> None:
    out, _ = prepared(f'<h1>央行发布新规定</h1><p>{ARTICLE}</p><p>本文介绍二维码的历史</p><p>2024</p>'
                      '<span class="count">共三篇</span>')
    assert out == []


@pytest.mark.parametrize(("size", "taken"), [(120, True), (121, False)])
def test_furniture_is_at_most_120_characters(size: int, taken: bool) -> None:
    line = "版权所有" + "字" * (size - 4)
    out, _ = prepared(f"<h1>央行发布新规定</h1><p>{ARTICLE}</p><div class='c'>{line}</div>")
    assert out == ([Skipped("div.c", "copyright notice", COPY, size)] if taken else [])


def test_a_long_script_is_not_measured_as_furniture() -> None:
    script = "var a = '版权所有" + "x" * 130 + "';"
    out, soup = prepared(f"<h1>央行发布新规定</h1><p>{ARTICLE}</p><script>{script}</script>")
    assert out == [] and soup.find("script") is not None


def test_a_keywords_line_is_the_innermost_element_even_when_long() -> None:
    short = '<meta name="keywords" content="央行 新规">'
    out, _ = prepared(f"<h1>央行发布新规定</h1><p>{ARTICLE}</p><div class='k'><p>央行 新规</p></div>", short)
    assert out == [Skipped("p", "tag line", TAGS, 5)]
    words = "央行" * 65
    out, _ = prepared(f"<h1>央行发布新规定</h1><p>{ARTICLE}</p><div class='k'><p>{words}</p></div>",
                      f'<meta name="keywords" content="{words}">')
    assert out == [Skipped("p", "tag line", TAGS, 130)]


def page(body: str, lang: str = "") -> Any:
    return parse_soup(f"<html{lang}><head><script>var x = 1;</script></head><body>{body}</body></html>")


def test_a_page_is_chinese_when_it_has_at_least_twice_as_many_han_as_latin_letters() -> None:
    furniture = "<p>标签：财经</p><p>分享到：微信</p><p>新</p>"  # 10 Han characters
    assert NewsZh.detect(page(furniture + "<p>ABCDE</p>"))
    assert not NewsZh.detect(page(furniture + "<p>ABCDEF</p>"))
    assert NewsZh.detect(page(furniture + "<p>ABCDEF</p>", ' lang="zh-CN"'))


def test_a_follow_line_without_a_qr_code_is_no_furniture() -> None:
    assert not NewsZh.detect(page("<p>标签：财经</p><p>请关注我们的报道</p>", ' lang="zh"'))
    assert NewsZh.detect(page("<p>标签：财经</p><p>扫码关注二维码</p>", ' lang="zh"'))


def blocks(*texts: str) -> list[Block]:
    return [Block("paragraph", (Run(t),)) for t in texts]


def test_the_headline_is_the_title_when_the_page_title_holds_it() -> None:
    soup = parse_soup("<html><head><title>财经--央行 发布新规</title></head><body></body></html>")
    assert NewsZh().title(soup, blocks("", "央行 发布新规")) == "央行 发布新规"  # six characters
    assert NewsZh().title(soup, blocks("央行发布新")) is None  # five: too short to tell
    assert NewsZh().title(soup, []) is None
    untitled = parse_soup("<html><head></head><body></body></html>")
    assert NewsZh().title(untitled, blocks("央行发布新规定")) is None
