"""Short page texts that are not lesson text: image credits and the labels of controls.

An image credit says who made or owns a picture ("Photo: NASA", "图片来源：新华社"). Some wordings
name a picture themselves and are credits wherever they stand; others ("Source: …", "Credit: …",
"© 2023 …") are credits only beside an image or in a caption, because a lesson about sources may
well have a sentence that starts with "Source:".

    >>> credit_kind("Photo: Jane Doe / AP"), credit_kind("Source: Wikimedia Commons")
    ('image', 'generic')
    >>> credit_kind("Source: the 1851 census shows that most people lived in towns, not villages.")
    ''

A control label is the whole text of a button, toggle or link that works the page ("Show answer",
"Read more", "返回顶部"), or a share/like counter ("Like 12", "分享 (3)"). A single common word
("Copy", "Next", "分享") is a label only on a control (a link, a button-like element), since a
vocabulary list may hold it.

    >>> is_control_label("Show answer"), is_control_label("« Previous | Next »"), is_control_label("点赞 12")
    (True, True, True)
    >>> is_control_label("Next, add the flour."), is_control_label("copy"), is_control_label("copy", True)
    (False, False, True)
"""

from __future__ import annotations

import re

from narrator.text import HAN

__all__ = ["credit_kind", "is_control_label", "CREDIT_LIMIT", "LABEL_LIMIT"]

CREDIT_LIMIT = 140  # characters: a credit is a name or two, never a paragraph
LABEL_LIMIT = 60

# Wordings that name a picture: a credit wherever it stands.
_IMAGE_CREDIT = re.compile(
    r"^(?:(?:photo(?:graph)?s?|image|picture|illustration|graphic|cover|video still)\s*(?:credits?|courtesy)?"
    r"\s*(?:by\b|[:：]|courtesy\b)"
    r"|(?:photo|image|picture|illustration|graphic)s?\s+(?:courtesy|credit|source)"
    r"|(?:photo|image)\s+used\s+(?:with|under)\b"
    r"|(?:图片|图像|照片|图|配图|题图|封面图?)\s*(?:来源|来自|出处|提供|版权)"
    r"|(?:摄影|图源|供图|制图|绘图|图/|图／)"
    r")", re.IGNORECASE)
# A Chinese news photo line: "（新华社记者 李明 摄）"
_SHOT_BY = re.compile(r"^.{1,24}\s?摄(?:影)?$")
# Wordings that are credits beside a picture only.
_GENERIC_CREDIT = re.compile(
    r"^(?:(?:credits?|source|sources|courtesy(?:\s+of)?|via|attribution|license|licence|copyright)\s*[:：]"
    r"|courtesy\s+of\b|credit\s+(?:to\b|[:：])|©|\(c\)\s*\d{4}|copyright\s+(?:©|\(c\)|\d{4})"
    r"|(?:来源|出处|版权)\s*[:：])", re.IGNORECASE)
# "© 2023 Getty Images": a picture agency's notice is a credit anywhere
_AGENCY = re.compile(r"\b(?:images?|photos?|stock|pictures?|getty|shutterstock|alamy|reuters|"
                     r"associated press|ap photo|afp|wikimedia|unsplash|pexels|flickr)\b|图片|视觉中国",
                     re.IGNORECASE)
# "Photo:" / "Image:" alone may open a description as well as a credit
_DESCRIBES = re.compile(r"^(?:photo(?:graph)?s?|image|picture|illustration|graphic|cover)\s*[:：]", re.IGNORECASE)
_CONNECTORS = frozenset(("of", "the", "and", "de", "van", "von", "da", "la", "le", "du", "via", "for", "&",
                         "by", "on", "at", "from", "cc", "under"))


def _names_only(rest: str) -> bool:
    """Names and agencies ("Jane Doe / AP", "NASA/JPL-Caltech", "王明"), not a description."""
    words = [w for w in re.split(r"[\s/,;|]+", rest) if w.strip("()[].-–—")]
    if not words or len(words) > 8:
        return False
    for w in words:
        w = w.strip("()[].-–—'\"")
        if not w or w.lower() in _CONNECTORS or w[0].isupper() or w[0].isdigit() or not w.isascii() \
                or w[0] in "©@":
            continue
        return False
    return True


_WRAP = "()（）[]【】 \t"
_CJK = re.compile(f"[{HAN}]{{2}}")  # about a word each two characters
_SENTENCE_END = re.compile(r"[.!?。！？](?:\s|$)")


# "(c) 2023 Getty Images", "(c) 2019-2023 Jane Doe": a year, then the rest (the owner's name)
_C_SIGN = re.compile(r"\(c\)\s*\d{4}(?:\s*[-–]\s*\d{4})?,?\s+(\S.*)$", re.IGNORECASE)
# another option of a quiz in the line ("(c) 1945 Berlin (d) 1950 Seoul")
_OPTION_MARK = re.compile(r"(?<!\w)\(?[a-hA-H]\)\s")
# the line before is option (a) or (b): "(c)" is the next option, not a copyright sign
_OPTION_BEFORE = re.compile(r"^\(?[abAB][).](?:\s|$)")


def _copyright_c(t: str, previous: str) -> bool:
    """"(c)" opening ``t`` is the copyright sign: a year and a name follow, no quiz options around."""
    m = _C_SIGN.match(t)
    return (m is not None and _names_only(m.group(1)) and _OPTION_MARK.search(t, 3) is None
            and _OPTION_BEFORE.match(previous.strip()) is None)


def credit_kind(text: str, previous: str = "") -> str:
    """"image" (a picture credit anywhere), "generic" (a credit only beside a picture) or "".
    ``previous`` is the text of the line before, if any: after option "(b)", "(c) 1945 Berlin"
    is option (c)."""
    t = " ".join(text.split())
    if t[:3].lower() == "(c)":  # the copyright sign's parenthesis, or a quiz option's: never a wrap
        if not _copyright_c(t, previous):
            return ""
    else:
        t = t.strip(_WRAP)
    if not t or len(t) > CREDIT_LIMIT:
        return ""
    # a credit is a line, not prose: at most one sentence ending (a trailing full stop)
    if len(_SENTENCE_END.findall(t.rstrip(".。"))) > 0 and len(t) > 60:
        return ""
    words = len(_CJK.sub(" x ", t).split()) if _CJK.search(t) else len(t.split())
    m = _IMAGE_CREDIT.match(t)
    if (m or _SHOT_BY.match(t)) and words <= 18:
        # "Photo: A student measuring rain" describes the picture; "Photo: Jane Doe / AP" credits it
        if m and _DESCRIBES.match(t) and not _names_only(t[m.end():]):
            return ""
        return "image"
    if _GENERIC_CREDIT.match(t) and words <= 11:  # "Source: Wikimedia Commons, CC BY-SA 4.0"
        return "image" if t.startswith(("©", "(c)", "(C)")) and _AGENCY.search(t) else "generic"
    return ""


_EN_LABELS = (
    "show answer", "show answers", "hide answer", "hide answers", "reveal answer", "check answer",
    "check answers", "show solution", "hide solution", "show hint", "hide hint", "submit",
    "reset", "try again", "click to expand", "click to collapse", "click here to expand", "expand",
    "collapse", "expand all", "collapse all", "toggle", "show", "hide", "show more", "show less",
    "see more", "see less", "read more", "read less", "continue reading", "more", "load more",
    "copy", "copy code", "copy to clipboard", "copied", "copied!", "play", "play video", "watch video",
    "pause", "stop", "mute", "unmute", "fullscreen", "full screen", "previous", "prev", "next",
    "previous page", "next page", "previous lesson", "next lesson", "previous article", "next article",
    "back", "go back", "back to top", "top", "scroll to top", "return to top", "print", "print this page",
    "print page", "share", "share this", "share this page", "share on facebook", "share on twitter",
    "tweet", "like", "likes", "unlike", "favorite", "favourite", "bookmark", "save", "email",
    "email this", "email this page", "download", "download pdf", "close", "dismiss", "cancel", "ok",
    "menu", "toggle navigation", "toggle menu", "skip to content", "skip to main content",
    "edit this page", "edit on github", "view source", "view on github", "reply", "comment",
    "comments", "report", "subscribe", "follow", "log in", "login", "sign in", "sign up", "register",
    "search", "open in new window", "zoom in", "zoom out", "enlarge", "enlarge image", "view larger",
    "view full size", "open menu", "close menu",
)
_ZH_LABELS = (
    "点击查看", "点击查看答案", "查看答案", "显示答案", "隐藏答案", "参考答案（点击查看）", "点击展开",
    "点击收起", "展开", "收起", "展开全文", "收起全文", "阅读全文", "查看全文", "阅读更多", "查看更多",
    "更多", "加载更多", "返回顶部", "回到顶部", "返回", "上一篇", "下一篇", "上一页", "下一页", "上一节",
    "下一节", "上一章", "下一章", "首页", "尾页", "分享", "分享到", "转发", "点赞", "赞", "收藏", "评论",
    "举报", "复制", "复制代码", "复制链接", "已复制", "打印", "打印本页", "打印此页", "关闭", "关闭窗口",
    "播放", "播放视频", "暂停", "全屏", "下载", "提交", "重置", "登录", "注册", "搜索", "订阅", "关注",
    "放大", "缩小", "查看大图", "点击查看大图", "点击放大", "纠错",
)
_LABELS = frozenset(_EN_LABELS) | frozenset(_ZH_LABELS)
# Counters may follow or precede a share/like label: "Like 12", "12 likes", "分享 (3)", "赞 1.2万"
_COUNT = re.compile(r"[(（\[]?\s*\d[\d.,]*\s*[kKmM万千]?\s*[)）\]]?")
# Arrows, icons and separators around or between labels.
_DECOR = re.compile(r"[«»‹›<>←→↑↓⇧⬆⬇▲▼△▽▶◀►◄▸◂☰✕✖×⤴️👍❤♥★☆↗⎘📋🔗|/·•・:：…]+|\.{2,}")
_ARROWS = re.compile(r"[«»‹›←→]")  # "Next »": a pager's link, not a word of a list
_SEPARATOR_MARK = re.compile(r"[|·•・]")
_SEPARATOR = re.compile(r"\s*[|·•・/]\s*|\s{2,}")
_ICON_ONLY = re.compile(r"^[\W_]*$")


def _one(label: str) -> str:
    """"strong" (a control wherever it stands), "weak" (a control on a control only) or ""."""
    arrows = _ARROWS.search(label) is not None
    s = _DECOR.sub(" ", label).strip().lower()
    counted = any(ch.isdigit() for ch in s)
    if counted:
        s = _COUNT.sub(" ", s).strip()
    s = " ".join(s.split())
    if s not in _LABELS:
        return ""
    # one common word ("next", "copy", "分享") may be a word of a vocabulary list: it needs a
    # control around it; a phrase ("show answer", "返回顶部") or a counter ("like 12") does not
    strong = counted or arrows or " " in s or (len(s) >= 3 and not s.isascii())
    return "strong" if strong else "weak"


def is_control_label(text: str, on_control: bool = False) -> bool:
    """Is ``text`` (an element's whole text) only the labels of page controls? ``on_control``:
    the element is itself a control (a link, a button-like element, a summary)."""
    t = " ".join(text.split())
    if not t or len(t) > LABEL_LIMIT or _ICON_ONLY.match(t):
        return False
    one = _one(t)
    if one:
        return one == "strong" or on_control
    # a row of controls: "Previous | Next", "Share  Tweet  Email", "上一篇 下一篇"
    bare = _COUNT.sub("  ", text).strip()  # "Like 12 Share (3)": the counts part the labels
    parts = [p for p in _SEPARATOR.split(bare) if p.strip()]
    if len(parts) < 2:
        parts = bare.split()
    kinds = [_one(p) or ("icon" if _ICON_ONLY.match(p) else "") for p in parts]
    if len(parts) < 2 or not all(kinds) or kinds.count("icon") == len(kinds):
        return False
    # "copy print share" may be three words of a list; "Previous | Next" or "Like 12 Share 3" is not
    return on_control or "strong" in kinds or bare != t or _SEPARATOR_MARK.search(t) is not None
