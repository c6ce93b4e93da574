"""WeChat articles (narrator/parse/sources/wechat.py), exactly: which element is the article, what
the skip report says about everything around it (source, what, reason, characters), which reading
hints go, which editor "headings" are paragraphs, and the title. Small hand-written pages."""

from __future__ import annotations

from typing import Any

from narrator.config import ParseConfig
from narrator.parse import parse_html
from narrator.parse.html import parse_soup
from narrator.parse.sources import Source, recognise
from narrator.values import Skipped

AROUND = "outside the WeChat article: the account's page around it (QR codes, dialogs, comments)"
AFTER = "WeChat furniture after the article: reward, ads, like buttons, more reading"
META = "account name, author and date of the WeChat article"
EMBED = "a WeChat music, voice or video player cannot be narrated"
HINT = "an instruction to the WeChat reader (scroll, tap, scan), not the article's words"


def prepared(html: str) -> tuple[Source, Any, list[Skipped]]:
    soup = parse_soup(html)
    source = recognise(soup)
    return source, soup, source.prepare(soup)


def page(body: str, *, title: str = "标题", around: str = "", after: str = "") -> str:
    return (f"<html><head><title>t</title></head><body><div id='js_article'><div id='img-content'>"
            f"<h2 id='activity-name'>{title}</h2><div id='meta_content'>华商报 2018</div>"
            f"<div id='js_content' class='rich_media_content'>{body}</div>{after}</div>{around}"
            "</div></body></html>")


def test_the_page_around_the_article_and_the_boxes_after_it_are_reported_one_by_one() -> None:
    after = "<div id='reward'>赞赏</div><script>x()</script><div class='like'>在看</div>"
    source, soup, skipped = prepared(page("<p>正文。</p>", after=after, around="<div id='qr'>扫一扫</div>"))
    assert source.name == "wechat"
    assert skipped == [Skipped("div#qr", "page chrome", AROUND, 3),
                       Skipped("div#meta_content", "page metadata line", META, 8),
                       Skipped("div#reward", "page chrome", AFTER, 2),
                       Skipped("div.like", "page chrome", AFTER, 2)]
    assert source.root(soup) is soup.find(id="img-content")
    assert soup.find("script") is not None  # silent elements are the walker's to leave out


def test_a_wrapper_between_the_article_and_its_body_keeps_the_article_element() -> None:
    # the article is #img-content even when the body is not its child: its account line is the
    # metadata line (not page chrome), and what follows the wrapper inside the article stays
    html = ("<html><body><div id='img-content'><div id='meta_content'>华商报</div>"
            "<div class='wrap'><div id='js_content' class='rich_media_content'><p>正文。</p></div>"
            "<div class='more'>阅读原文的说明文字</div></div></div></body></html>")
    source, soup, skipped = prepared(html)
    assert skipped == [Skipped("div#meta_content", "page metadata line", META, 3)]
    assert source.root(soup) is soup.find(id="img-content")
    assert soup.find(class_="more") is not None


def test_without_an_article_element_the_body_is_the_article() -> None:
    html = ("<html><body><div class='top'>顶部</div><div id='js_article'>"
            "<div id='js_content'><p>正文。</p></div><div id='tail'>尾部</div></div></body></html>")
    source, soup, skipped = prepared(html)
    assert source.name == "wechat"  # #js_article without the content class
    assert source.root(soup) is soup.find(id="js_article")
    assert skipped == [Skipped("div.top", "page chrome", AROUND, 2),
                       Skipped("div#tail", "page chrome", AFTER, 2)]


def test_an_article_element_that_does_not_hold_the_body_is_not_the_article() -> None:
    html = ("<html><body><div id='img-content'><p>别处</p></div>"
            "<div id='js_content' class='rich_media_content'><p>正文。</p></div></body></html>")
    source, soup, skipped = prepared(html)
    assert source.root(soup) is soup.find(id="js_content")
    assert skipped == [Skipped("div#img-content", "page chrome", AROUND, 2)]


def test_players_are_embedded_content() -> None:
    body = "<p>歌。</p><mpvoice name='声音'></mpvoice><qqmusic music_name='歌'>歌名</qqmusic>"
    _, _, skipped = prepared(page(body))
    assert skipped[1:] == [Skipped("mpvoice", "embedded content", EMBED, 0),
                           Skipped("qqmusic", "embedded content", EMBED, 2)]


def test_a_reading_hint_is_at_most_thirty_characters() -> None:
    hint = "长按识别二维码" + "一二三四五六七八九十" + "公众号" + "!" * 10
    assert len(hint) == 30
    _, soup, skipped = prepared(page(f"<p>正文。</p><p>{hint}</p><p>{hint}!</p>"))
    assert skipped[1:] == [Skipped("p", "reading hint", HINT, 30)]
    assert [p.get_text() for p in soup.find(id="js_content").find_all("p")] == ["正文。", hint + "!"]


def headings_after(body: str) -> list[str]:
    _, soup, _ = prepared(page(body))
    return [t.name for t in soup.find(id="js_content").find_all(True)]


def test_only_a_long_heading_ending_a_sentence_becomes_a_paragraph() -> None:
    forty = "一二三四五六七八九 " + "十" * 29 + "。"  # 40 characters with its space
    assert len(forty) == 40
    assert headings_after(f"<h1>{forty}</h1>") == ["h1"]
    assert headings_after(f"<h1>{'十' * 40}。</h1>") == ["p"]
    assert headings_after(f"<h1>{'十' * 40}。”</h1>") == ["p"]  # the quote closes the sentence
    assert headings_after(f"<h1>{'十' * 45}</h1>") == ["h1"]  # no sentence end: a (long) title
    assert headings_after("<h2>短。</h2>") == ["h2"]
    # only headings: a long sentence in a list item or a span stays where it is
    assert headings_after(f"<ul><li><span>{'十' * 45}。</span></li></ul>") == ["ul", "li", "span"]


def test_the_title_is_the_article_heading_else_the_shared_title() -> None:
    doc = parse_html(page("<p>今天天气很好。</p>", title="我的 标题").encode(), "a.html", ParseConfig())
    assert doc.title == "我的 标题"
    no_heading = page("<p>今天天气很好。</p>", title="").replace(
        "<title>t</title>", "<title>t</title><meta property='og:title' content=' 分享  标题 '>")
    source, soup, _ = prepared(no_heading)
    assert source.title(soup, []) == "分享 标题"
    source, soup, _ = prepared(page("<p>今天天气很好。</p>", title=""))
    assert source.title(soup, []) is None


def test_a_page_with_a_bare_content_element_is_not_wechat() -> None:
    _, soup, _ = prepared("<html><body><div id='js_content'><p>正文。</p></div></body></html>")
    assert recognise(soup).name != "wechat"


def test_without_an_article_heading_the_shared_title_names_the_article() -> None:
    page_ = ("<html><head><meta charset='utf-8'>{meta}</head><body><div id='js_article'>"
             "<div id='js_content'><p>今天天气很好。</p></div></div></body></html>")
    source, soup, _ = prepared(page_.format(meta="<meta property='og:title' content=' 分享  标题 '>"))
    assert source.title(soup, []) == "分享 标题"
    source, soup, _ = prepared(page_.format(meta="<meta property='og:title'>"))
    assert source.title(soup, []) is None
    source, soup, _ = prepared(page_.format(meta=""))
    assert source.title(soup, []) is None
