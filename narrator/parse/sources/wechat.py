"""WeChat official-account articles (mp.weixin.qq.com pages, as saved from a browser).

The article is ``#js_content`` (class ``rich_media_content``) inside ``#img-content``, with the
title (``h2#activity-name``) and the account line (``#meta_content``) before it. Everything
else on the page is the account's furniture: reward and QR-code boxes, like and comment panels,
"read more" lists. The article is named as the root, so nothing inside it is second-guessed by
the main-content finder: a news digest of long items is the article, however it is styled.

WeChat's editors (135editor, 秀米...) style whole paragraphs as <h1>: a "heading" that is a long
sentence ending in 。 is read as the paragraph it is, not as a chapter title.
"""

from __future__ import annotations

import re
from typing import Any

from narrator.values import Skipped
from narrator.parse import sources
from narrator.parse.sources import Facts, Source

__all__ = ["WeChat"]

# the page's own elements, never text: the walker leaves them out anyway
_SILENT = frozenset(("script", "style", "link", "meta", "noscript", "template", "head", "title"))
# WeChat's custom embeds: music (qqmusic), voice messages (mpvoice), videos, mini programs
_EMBEDS = re.compile(r"^(?:qqmusic|mpvoice|mpvideo|mp-\w[\w-]*|mpprofile|mpcps)$")
_SENTENCE_END = tuple("。！？!?；;…")
_CLOSERS = "”’」』）)】\"'"
# the app's reading hints an account writes into its articles: a gesture, not the article's words
_HINT = re.compile(r"^[\W_]*(?:(?:向上|向下|左右|向左|向右)?滑动(?:查看|阅览|阅读|浏览)|点击上方.{0,12}关注|点(?:击)?蓝字.{0,6}关注|"
                   r"长按(?:识别)?(?:图中|下方|上方)?二维码.{0,10}|长按识别.{0,10}|扫描?(?:下方|上方)?二维码.{0,10}|"
                   r"点击(?:阅读原文|“阅读原文”|下方).{0,12})(?:更多|全文|我们|本号|公众号)?[\W_]*$")
_HINT_LIMIT = 30  # characters: a hint is a short line
_LONG_HEADING = 40  # characters: longer than any title WeChat shows in a heading


def _article_text(node: Any) -> int:
    return len(node.get_text().strip())


class WeChat(Source):
    """A saved WeChat article: the article body, its title, nothing of the app around it."""

    name = "wechat"

    @classmethod
    def maybe(cls, facts: Facts) -> bool:
        return facts.any_id("js_content")

    @classmethod
    def detect(cls, soup: Any) -> bool:
        content = soup.find(id="js_content")
        if content is None:
            return False
        classes = content.get("class") or ()
        return "rich_media_content" in classes or soup.find(id="js_article") is not None

    def prepare(self, soup: Any) -> list[Skipped]:
        content = soup.find(id="js_content")
        article = soup.find(id="img-content") or content.parent
        if article is None or not any(p is article for p in content.parents):
            article = content
        out: list[Skipped] = []
        # 1. the page around the article, level by level up to <body>
        node = article
        while node.parent is not None and node.name not in ("body", "html", "[document]"):
            around = [s for s in node.parent.find_all(recursive=False)
                      if s is not node and s.name not in _SILENT]
            out += sources.take_out(around, "page chrome", "outside the WeChat article: the account's "
                            "page around it (QR codes, dialogs, comments)")
            node = node.parent
        # 2. inside the article: the account line and the boxes after the body
        out += sources.take_out(article.find_all(id="meta_content"), "page metadata line",
                        "account name, author and date of the WeChat article")
        after = []
        sibling = content.find_next_sibling()
        while sibling is not None:
            if sibling.name not in _SILENT:
                after.append(sibling)
            sibling = sibling.find_next_sibling()
        if content.parent is article:
            out += sources.take_out(after, "page chrome", "WeChat furniture after the article: reward, "
                            "ads, like buttons, more reading")
        # 3. embedded players inside the body
        out += sources.take_out(content.find_all(_EMBEDS), "embedded content",
                        "a WeChat music, voice or video player cannot be narrated")
        # 4. the reading hints inside the article ("向上滑动阅览", "长按识别二维码")
        hints = [n for n in reversed(content.find_all(True))
                 if len(t := "".join(n.get_text().split())) <= _HINT_LIMIT and t and _HINT.match(t)]
        out += sources.take_out(hints, "reading hint", "an instruction to the WeChat reader (scroll, tap, "
                                "scan), not the article's words")
        # 5. paragraphs styled as headings
        for h in content.find_all(re.compile(r"^h[1-6]$")):
            text = " ".join(h.get_text().split())
            if len(text) > _LONG_HEADING and text.rstrip(_CLOSERS).endswith(_SENTENCE_END):
                h.name = "p"
        self._root = article
        return out

    def root(self, soup: Any) -> Any | None:
        return getattr(self, "_root", None)

    def title(self, soup: Any, blocks: Any) -> str | None:
        h = soup.find(id="activity-name")
        text = " ".join(h.get_text().split()) if h is not None else ""
        if not text:
            meta = soup.find("meta", attrs={"property": "og:title"})
            text = " ".join(str(meta.get("content") or "").split()) if meta is not None else ""
        return text or None
