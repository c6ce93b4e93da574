"""A Chinese news page's furniture is found without computing the text of every element (on a
deeply nested page that is quadratic: 400 KB took 0.2-0.5 s per loop): element text lengths come
from one pass over the tree and only short elements' texts are computed."""

from __future__ import annotations

from typing import Any

import pytest

from narrator.config import ParseConfig
from narrator.parse import parse_html
from narrator.parse.html import parse_soup
from narrator.parse.sources import news_zh
from tests.test_source_news_zh_comments import PAGE

_DEPTH = 60
_ITEMS = 60
_LINE = "这是一段新闻正文，内容很长很长，记者在现场看到了很多人。"


def _deep_article() -> str:
    item = "<div>" * _DEPTH + f"<p>{_LINE}<span>第{{i}}段</span></p>" + "</div>" * _DEPTH
    return "".join(item.replace("{i}", str(i)) for i in range(_ITEMS))


def test_furniture_of_a_deep_page_is_found_in_a_few_passes_over_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from bs4.element import Tag

    visited = [0]
    inside = [False]
    descendants: Any = getattr(Tag.__dict__["descendants"], "fget")

    def counting(tag: Tag) -> Any:  # every walk over a subtree (find_all, get_text) goes through here
        for node in descendants(tag):
            visited[0] += inside[0]
            yield node

    def counted(method: Any) -> Any:
        def wrapper(*args: Any) -> Any:
            inside[0] = True
            try:
                return method(*args)
            finally:
                inside[0] = False
        return wrapper

    monkeypatch.setattr(Tag, "descendants", property(counting))
    monkeypatch.setattr(news_zh.NewsZh, "detect", classmethod(counted(news_zh.NewsZh.__dict__["detect"].__func__)))
    monkeypatch.setattr(news_zh.NewsZh, "prepare", counted(news_zh.NewsZh.prepare))
    page = PAGE.format(article=_deep_article())
    doc = parse_html(page.encode("utf-8"), "news.html", ParseConfig())
    texts = [b.text for c in doc.chapters for b in c.blocks]
    assert sum(1 for t in texts if t.startswith(_LINE)) == _ITEMS  # the whole article is read
    whats = {s.what for s in doc.skipped}
    assert {"reader comments", "share bar", "breadcrumb", "page control"} <= whats
    assert not any("1楼" in t or "2楼" in t or "分享到" in t for t in texts)
    nodes = sum(1 for _ in descendants(parse_soup(page)))
    # the old loops walked each element's subtree for its text: about _DEPTH walks of the page each
    assert visited[0] <= 20 * nodes, (visited[0], nodes)


_MIXED = ("<html><body><div id='a'><p>一 二<b> 三 </b><script>var x = '不算';</script>"
          "<ruby>汉<rt>hàn</rt></ruby><!-- 注释 --><style>p{}</style></p>"
          "<div id='b'><span>回复</span><span>3楼</span><template>模板</template></div>"
          "<div id='c'><p>长一点的一段文字，里面有<i>斜体</i>。</p></div></div></body></html>")


@pytest.mark.parametrize("parser", ["html.parser", "lxml"])
def test_lengths_from_one_pass_equal_each_elements_text_and_follow_removals(parser: str) -> None:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(_MIXED, parser)
    body: Any = soup.body
    lengths = news_zh._Lengths(body)
    for node in body.find_all(True):
        text = news_zh._text(node)
        assert lengths.of(node) == len(text), node.name
        assert lengths.text(node, 12) == (text if len(text) <= 12 else None), node.name
    for gone in (soup.find(id="b"), soup.find("i")):
        lengths.take_out([gone], "x", "y")
        for node in body.find_all(True):
            text = news_zh._text(node)
            assert lengths.of(node) == len(text), node.name
            assert lengths.text(node, 12) == (text if len(text) <= 12 else None), node.name
