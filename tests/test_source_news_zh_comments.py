"""A Chinese news page's reader comments and page controls are not the article (issue 19: a
thepaper.cn page read its comment thread as chapters "Slade1 1楼", "拾玖 2楼" and its font-size
control "字号" as a sentence). Hand-written page modelled on the comment threads of such sites."""

from __future__ import annotations

from narrator.config import ParseConfig
from narrator.parse import parse_html

ARTICLE = ("<p>共享充电宝的租金近来普遍上调，不少用户表示，以前花一两元就能充满电，现在一小时就要好几元。</p>"
           "<p>业内人士认为，渠道成本上涨是这次涨价的主要原因，企业也在寻找新的盈利方式。</p>")

PAGE = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>共享充电宝涨价</title>
<script>var a = 1;</script></head><body>
<div class="crumb">您所在的位置：首页 &gt; 财经</div>
<div class="main"><div class="news">
<h1>共享充电宝涨价告别1元时代</h1>
<div class="news_about"><p>记者/某报</p><div class="font_size"><span>字号</span></div>
<div class="fontsize-ctrl">A+ A-</div></div>
<div class="news_txt">{article}</div>
<div class="share"><span>分享到</span><a href="#">微博</a></div>
<div id="comment_box">
<div class="post-form"><textarea></textarea><div class="tip"><span>我要跟帖</span></div>
<div class="wordTip">已输入<span>0</span>字</div><button>发表</button></div>
<div class="comment_title">热评论</div>
<div class="comment_item"><h3><span>温开水加冰</span> <span>1楼</span></h3>
<div class="txt">别再共享了，就是租借，自己带充电宝更方便。</div>
<div class="ops"><span>278</span> <span>回复</span> <span>点赞</span></div>
<div class="replies"><h3><span>拾玖</span> <span>2楼</span></h3><div class="txt">我也觉得，为什么要共享呢</div></div>
</div></div>
</div></div>
</body></html>"""


def _read(article: str = ARTICLE) -> tuple[list[str], list[str], set[str]]:
    doc = parse_html(PAGE.format(article=article).encode("utf-8"), "news.html", ParseConfig())
    headings = [c.title for c in doc.chapters]
    text = [b.text for c in doc.chapters for b in c.blocks]
    return headings, text, {s.what for s in doc.skipped}


def test_reader_comments_are_taken_out_with_their_reason() -> None:
    headings, text, whats = _read()
    joined = "\n".join(text + headings)
    assert any(t.startswith("共享充电宝的租金") for t in text) and any(t.startswith("业内人士") for t in text)
    for chrome in ("1楼", "2楼", "温开水加冰", "拾玖", "别再共享了", "为什么要共享", "我要跟帖", "已输入", "热评论",
                   "回复", "点赞"):
        assert chrome not in joined, chrome
    assert len(headings) == 1
    assert "reader comments" in whats


def test_page_controls_for_the_font_size_are_not_read() -> None:
    _, text, whats = _read()
    assert not any(t.strip() in ("字号", "A+ A-", "A+A-") for t in text), text
    assert "page control" in whats


def test_an_article_that_talks_about_comments_is_kept() -> None:
    # the words alone ("评论", "回复", "楼") in the article's own text are no evidence
    article = ARTICLE + "<p>网友在评论区回复说，这栋大楼的3楼也有充电宝柜机，字号很大。</p>"
    _, text, _ = _read(article)
    assert any("评论区回复" in t for t in text)


def test_a_lone_comment_without_a_named_thread_is_taken_out() -> None:
    # no class names: a floor number with its reply control is one reader's comment
    page = PAGE.replace('id="comment_box"', 'id="x1"').replace("comment_item", "x2").replace(
        "comment_title", "x3").replace('class="replies"', 'class="x4"')
    doc = parse_html(page.format(article=ARTICLE).encode("utf-8"), "news.html", ParseConfig())
    joined = "\n".join([c.title for c in doc.chapters] + [b.text for c in doc.chapters for b in c.blocks])
    assert "1楼" not in joined and "别再共享了" not in joined and "共享充电宝的租金" in joined
    assert "reader comments" in {s.what for s in doc.skipped}
