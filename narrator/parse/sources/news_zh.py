"""Chinese news and article pages (portals, financial news sites, column pages), read as the
article a reader came for.

Such pages share their furniture whatever the site: a tag line ("标签：…"), view counters
("点击量 116876", a lone number in a counter element), QR-code introductions ("扫描上方二维码关注
微信公众号"), "为你推荐" / "相关阅读" lists of other articles, share bars ("分享到"), previous/next
links ("上一篇：…"), a breadcrumb ("您所在的位置：首页 > 快讯"), empty placeholders ("暂无简介"),
side bars and a footer with a copyright statement ("未经许可，不得转载"). Each is found by its words
and its place, not by the site's name, and taken out with its reason.

A page is this kind when it is a whole Chinese web page (scripts, <html lang="zh…"> or mostly Han
text) showing at least two of these kinds of furniture: one alone may be an article's own words.
"""

from __future__ import annotations

import re
from typing import Any

from narrator.parse import sources
from narrator.parse.sources import Source
from narrator.values import Skipped

__all__ = ["NewsZh"]

_LIMIT = 120  # characters: furniture is short; a longer element is the article's, or holds it
# (pattern on an element's whole text without spaces, what, reason)
_LINES: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (re.compile(r"^(?:标签|关键词|关键字|tags?)[:：]?.{1,100}$", re.IGNORECASE), "tag line",
     "the article's tags on the news site, not its text"),
    (re.compile(r"^(?:上一篇|下一篇|上一条|下一条|上一页|下一页)[:：]?.{0,80}$"), "article navigation",
     "the links to the previous and next articles of the site"),
    (re.compile(r"^(?:分享到|分享至|分享)[:：]?.{0,30}$"), "share bar", "buttons to share the page"),
    (re.compile(r"^(?:点击量|点击数|点击|阅读量|阅读数|阅读|浏览量|浏览次数|浏览|总篇数|评论数|评论|人气)[:：]?"
                r"[\d,]+(?:篇|次|人|条)?$"), "view counter", "how often the page was read (a site statistic)"),
    (re.compile(r"^(?:您|你)?(?:现在)?(?:的|所在的?)?(?:当前)?位置[:：].{0,100}$"), "breadcrumb",
     "where the page sits in the site's menus"),
    (re.compile(r"^(?:暂无简介|暂无描述|暂无评论|暂无内容|暂无)$"), "empty placeholder",
     "the site's text for an empty box ('no description yet')"),
    (re.compile(r"^(?:免责)?声明[:：].{0,110}(?:仅供参考|不构成|风险自担|不代表本)"), "disclaimer",
     "the site's standing disclaimer under every article, not the article's text"),
    (re.compile(r"未经(?:许可|授权|同意|书面).{0,30}(?:不得|禁止)|版权所有|版權所有"), "copyright notice",
     "the site's copyright statement, not the article's text"),
    # the font-size switch over the article: "字号", "字体：大 中 小", "A+ A-"
    (re.compile(r"^(?:字号|字號|字体|字體|字体大小|字號大小)[:：]?(?:超大|特大|大|中|小|标准|標準|默认|[Aa][+＋\-－])*$"
                r"|^(?:[Aa][+＋\-－]){2,3}$|^[大中小]{3}$"), "page control",
     "a control of the page (the font size), not the article's text"),
)
_QR = re.compile(r"二维码|二維碼")
_QR_VERB = re.compile(r"扫描|扫码|扫一扫|長按|长按|识别|識別|关注|關注|下载|下載")
_RECOMMEND = re.compile(r"^(?:为你推荐|为您推荐|相关阅读|相关新闻|相关文章|相关信息|相关推荐|推荐阅读|猜你喜欢|热门推荐|"
                        r"精彩推荐|热点推荐|今日推荐|更多阅读|相關閱讀|相關新聞|推薦閱讀)[:：>»]*$")
_COUNTER_NAME = re.compile(r"count|viewnum|view-?num|hits|click|pv\b", re.IGNORECASE)
_DIGITS = re.compile(r"^[\d,]+$")
_SIDE = re.compile(r"^(?:(?:article|page|main)?[-_]?(?:left|right|side)[-_]?bar(?:[-_]\w+)?|sidebar|aside)$",
                   re.IGNORECASE)
_FOOTER = re.compile(r"^(?:footer|foot|site-footer|page-footer|global-footer)$", re.IGNORECASE)
# reader comments: a container named for them, and inside it the marks of a comment thread (floor
# numbers "3楼", reply/like controls, the box to write one); either alone may be the article's words
_COMMENTS_NAME = re.compile(r"comment|commt|cmt|repl(?:y|ies)|pinglun|gentie|discuss|taolun", re.IGNORECASE)
_FLOOR = re.compile(r"^(?:第?\d{1,6}楼|沙发|板凳|地板)$")
_COMMENT_CONTROL = re.compile(r"^(?:回复|回覆|点赞|赞|顶|踩|举报|跟帖|我要跟帖|我要评论|发表|发表评论|写评论|"
                              r"热评论|最新评论|热门评论|全部评论|网友评论)\d*[:：]?$|^已输入\d+字")
_COMMENT_LIMIT = 1000  # characters: one reader's comment with its replies; more is not one comment
_WS = re.compile(r"\s+")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")


def _text(node: Any) -> str:
    return _WS.sub("", node.get_text())


class _Lengths:
    """Each element's text without spaces (what :func:`_text` gives): its length always, the text
    itself when it is short, from one pass over the tree (children before parents) and kept as
    elements are taken out. The page's loops over every element ask it, not :func:`_text`: the
    text of every element of a deeply nested page is quadratic (400 KB took 0.2-0.5 s per loop)."""

    def __init__(self, root: Any, limit: int = _LIMIT) -> None:
        from bs4 import CData, NavigableString, Tag

        self._tag = Tag
        self._plain = (NavigableString, CData)  # the strings get_text gives (no scripts, comments, <rt>)
        self._limit = limit  # the texts kept: at most this long
        self._len: dict[int, int] = {}
        self._text: dict[int, str] = {}
        for node in reversed([root, *root.descendants]):
            if isinstance(node, Tag):
                self._measure(node)

    def _measure(self, node: Any) -> None:
        """The length (and short text) of ``node`` from those of its children."""
        size = 0
        for c in node.contents:
            if isinstance(c, self._tag):
                size += self._len[id(c)]
            elif type(c) in self._plain:
                size += len(_WS.sub("", c))
        self._len[id(node)] = size
        if size <= self._limit:  # then each child is short too: its text is kept
            self._text[id(node)] = "".join(self._text[id(c)] if isinstance(c, self._tag) else
                                           _WS.sub("", c) if type(c) in self._plain else ""
                                           for c in node.contents)
        else:
            self._text.pop(id(node), None)

    def _own(self, node: Any) -> bool:
        """True for <script>, <style>, <rt>...: their text is their own strings, not plain ones."""
        return not set(self._plain) <= set(node.interesting_string_types)

    def of(self, node: Any) -> int:
        """len(_text(node))."""
        return len(_text(node)) if self._own(node) else self._len[id(node)]

    def text(self, node: Any, limit: int = _LIMIT) -> str | None:
        """_text(node) when it is at most ``limit`` (up to the kept length) characters, else None."""
        if self._own(node):
            text = _text(node)
            return text if len(text) <= limit else None
        if self._len[id(node)] > min(limit, self._limit):
            return None
        return self._text[id(node)]

    def take_out(self, nodes: Any, what: str, reason: str) -> list[Skipped]:
        """:func:`sources.take_out`, the elements around each node measured again."""
        out: list[Skipped] = []
        for node in list(nodes):
            if _gone(node):  # taken out with one before it
                continue
            around = [p for p in node.parents if id(p) in self._len]
            out += sources.take_out([node], what, reason)
            for p in around:
                self._measure(p)
        return out


def _gone(node: Any) -> bool:
    """True when ``node`` was taken out (decomposed). Not ``node.decomposed``: on a live element
    bs4 looks its "_decomposed" attribute up as a child tag, a search of the whole subtree."""
    return node.parent is None


def _names(node: Any) -> list[str]:
    ident = node.get("id")
    return [*(node.get("class") or []), *([ident] if isinstance(ident, str) else [])]


def _signals(body: Any) -> int:
    """How many kinds of news-page furniture the page shows."""
    found: set[str] = set()
    lengths = _Lengths(body)
    for node in body.find_all(True):
        text = lengths.text(node, _LIMIT)
        if not text:
            continue
        for pattern, what, _ in _LINES:
            if pattern.search(text):
                found.add(what)
        if _QR.search(text) and _QR_VERB.search(text):
            found.add("qr")
        if _RECOMMEND.match(text):
            found.add("recommend")
    return len(found)


class NewsZh(Source):
    """A Chinese news or article page."""

    name = "news-zh"

    @classmethod
    def detect(cls, soup: Any) -> bool:
        body = soup.body
        if body is None or soup.find("script") is None:
            return False
        lang = str((soup.html.get("lang") if soup.html is not None else "") or "").lower()
        text = body.get_text()
        if not lang.startswith("zh") and len(_HAN.findall(text)) < 2 * len(_LATIN.findall(text)):
            return False
        return _signals(body) >= 2

    def prepare(self, soup: Any) -> list[Skipped]:
        body = soup.body
        out: list[Skipped] = []
        main = _article_heading(body)
        text_home = _article_body(body)
        out += sources.take_out((n for n in body.find_all(True) if any(_FOOTER.match(x) for x in _names(n))
                                 or n.name == "footer"), "page footer",
                                "the site's footer: its links, contacts and copyright statement")
        out += sources.take_out((n for n in body.find_all(True) if any(_SIDE.match(x) for x in _names(n))
                                 and (main is None or not any(p is n for p in main.parents))),
                                "side bar", "the column beside the article: the site's other articles, "
                                "tags and statistics")
        lengths = _Lengths(body)
        for node in reversed(body.find_all(True)):  # a recommendation list: its title and the list
            if _gone(node) or not _RECOMMEND.match(lengths.text(node, _LIMIT) or "-"):
                continue
            box = node.parent
            if box.name in ("body", "html") or any(x is not None and (x is box or any(p is box for p in x.parents))
                                                   for x in (main, text_home)):
                box = node  # never the article with it
            out += lengths.take_out([box], "recommended articles",
                                    "teasers for other articles of the site ('为你推荐', '相关阅读')")
        out += _comments(body, [x for x in (main, text_home) if x is not None], lengths)
        keywords = soup.find("meta", attrs={"name": "keywords"})
        words = _WS.sub("", str(keywords.get("content") or "")) if keywords is not None else ""
        if len(words) >= 4:  # the page's keywords printed as a line: its tags
            def is_words(n: Any) -> bool:
                if lengths.of(n) != len(words):
                    return False
                return (lengths.text(n) if len(words) <= _LIMIT else _text(n)) == words

            out += lengths.take_out([n for n in reversed(body.find_all(True)) if is_words(n)
                                     and not any(is_words(c) for c in n.find_all(True))],
                                    "tag line", "the article's keywords (the page's keywords meta), not its text")
        # the innermost element that is wholly one piece of furniture (children first)
        for node in reversed(body.find_all(True)):
            if _gone(node):
                continue
            text = lengths.text(node, _LIMIT)
            if not text:
                continue
            hit = _line(node, text)
            if hit is not None:
                out += lengths.take_out([hit[0]], hit[1], hit[2])
        return out


    def title(self, soup: Any, blocks: list[Any]) -> str | None:
        # "<title>" is often "column--headline": the headline the page shows is the title
        head = soup.find("title")
        page = _WS.sub("", head.get_text()) if head is not None else ""
        first = next((b for b in blocks if b.text.strip()), None)
        if first is not None and 6 <= len(_WS.sub("", first.text)) < len(page) and _WS.sub("", first.text) in page:
            return " ".join(first.text.split())
        return None


def _line(node: Any, text: str) -> tuple[Any, str, str] | None:
    """(element, what, reason) when ``node``'s whole text is one piece of news-page furniture."""
    for pattern, what, reason in _LINES:
        if pattern.search(text):
            return node, what, reason
    if _QR.search(text) and _QR_VERB.search(text) and len(text) <= 40:
        box = node.parent  # the QR image and its caption together
        if box is not None and box.name not in ("body", "html") and len(_text(box)) <= 40:
            node = box
        return node, "QR-code introduction", "an invitation to scan the site's QR code (app, WeChat account)"
    if _DIGITS.match(text) and any(_COUNTER_NAME.search(x) for x in _names(node)):
        return node, "view counter", "how often the page was read (a site statistic)"
    return None


def _comments(body: Any, article: list[Any], lengths: _Lengths | None = None) -> list[Skipped]:
    """Take out the readers' comment thread: the outermost element named for comments that shows a
    floor number, a reply/like control or a comment box, and each lone comment (a floor number
    with its reply control) elsewhere; never an element holding the article's heading or text."""
    lengths = lengths or _Lengths(body)
    article_line = {id(p) for x in article for p in (x, *x.parents)}  # the article and around it

    def holds_article(node: Any) -> bool:
        return id(node) in article_line

    def marks(node: Any) -> bool:
        if node.find("textarea") is not None:
            return True
        return any(_FLOOR.match(t) or _COMMENT_CONTROL.match(t)
                   for t in (lengths.text(n, 12) for n in node.find_all(True)) if t)

    def control(node: Any) -> bool:
        text = lengths.text(node)  # a control is short ("回复", "已输入0字")
        return text is not None and _COMMENT_CONTROL.match(text) is not None

    threads = [n for n in body.find_all(True) if any(_COMMENTS_NAME.search(x) for x in _names(n))
               and not holds_article(n) and marks(n)]
    reason = "reader comments: not the article"
    out = lengths.take_out(threads, "reader comments", reason)
    for floor in [n for n in body.find_all(True) if _FLOOR.match(lengths.text(n, 8) or "-")]:
        if _gone(floor):
            continue
        # the comment around a floor number: the nearest box that also holds its reply control
        box = None
        for p in floor.parents:
            if p.name in ("body", "html") or holds_article(p) or lengths.of(p) > _COMMENT_LIMIT:
                break
            if any(control(c) for c in p.find_all(True)):
                box = p
                break
        if box is not None:
            out += lengths.take_out([box], "reader comments", reason)
    return out


def _article_heading(body: Any) -> Any | None:
    """The article's heading: the first <h1> or <h2> that is not a link (a site's logo is an <h1>
    holding a link home)."""
    return body.find(lambda t: t.name in ("h1", "h2") and t.find("a") is None and t.find_parent("a") is None)


def _article_body(body: Any) -> Any | None:
    """The element holding the most text of its own (the article's paragraphs or lines)."""
    from bs4 import NavigableString

    best, most = None, 0
    for node in body.find_all(True):
        own = sum(len(c.strip()) for c in node.children if type(c) is NavigableString)
        if own > most:
            best, most = node, own
    return best
