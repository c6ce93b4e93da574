"""Baidu Baike entries (narrator/parse/sources/baike.py), exactly: the site around the entry and the
entry's furniture as reported, the basic-information box as one line per fact, each note mark as
one linked mark per source, the entry's links read as its words, and its title."""

from __future__ import annotations

from narrator.parse.html import parse_soup
from narrator.parse.sources import recognise
from narrator.values import Skipped

ENTRY = """<html><head><title>林俊杰_百度百科</title></head><body>
<div class="header"><input> 搜索</div>
<div class="body-wrapper"><div class="content-wrapper"><div class="content">
<div class="main-content">
<dl class="lemmaWgt-lemmaTitle"><dd class="lemmaWgt-lemmaTitle-title"><h1>林俊杰</h1><a class="edit-icon">编辑</a></dd></dl>
<div class="lemma-summary"><div class="para">林俊杰，新加坡歌手<sup class="sup--normal" data-sup="1-2">[1-2]</sup><a class="sup-anchor"> </a>。</div></div>
<div class="basic-info"><dl><dt class="basicInfo-item name">国    籍</dt><dd class="basicInfo-item value">新加坡</dd>
<dt class="basicInfo-item name">代表作品</dt><dd class="basicInfo-item value">江南<br>她说</dd>
<dt class="basicInfo-item name">空</dt><dd class="basicInfo-item value"> </dd></dl></div>
<div class="lemma-catalog"><h2>目录</h2></div>
<h2 class="title-text"><span class="title-prefix">林俊杰</span>早年经历</h2>
<div class="para">他出生于<a href="/item/%E6%96%B0">新加坡</a>，<a href="https://example.org/x">另见</a><sup class="sup--normal">[3]</sup><sup class="sup--normal" data-sup="1-52">x</sup><sup class="sup--normal" data-sup="5-3">x</sup>。</div>
<dl class="lemma-reference"><dt class="reference-title">参考资料</dt><dd><ul class="reference-list">
<li class="reference-item" id="reference-1-123"><span class="index">1.</span><a class="text" href="http://x">来源一</a></li>
<li class="reference-item" id="reference-2-456"><span class="index">2.</span><a class="text" href="http://y">来源二</a></li></ul></dd></dl>
</div>
<div class="side-content">统计</div><div class="empty"> </div></div></div></div>
<div class="footer">©2024 Baidu</div>
</body></html>"""

AROUND = "outside the encyclopedia entry: the site's search bar, side panels, statistics and footer"


def test_an_entry_is_read_without_the_site_and_its_furniture() -> None:
    soup = parse_soup(ENTRY)
    source = recognise(soup)
    assert source.name == "baike"
    assert source.prepare(soup) == [
        Skipped("div.side-content", "page chrome", AROUND, 2),
        Skipped("div.header", "page chrome", AROUND, 2),
        Skipped("div.footer", "page chrome", AROUND, 11),
        Skipped("div.lemma-catalog", "table of contents",
                "the entry's list of sections (目录): each section is heard as it comes", 2),
        Skipped("a.edit-icon", "edit link", "the site's 编辑 / 锁定 / 讨论 button beside a heading or the title", 2),
        Skipped("span.title-prefix", "heading prefix",
                "the entry's name, hidden by the site, in front of each section heading", 3),
        Skipped("dt.reference-title", "notes heading",
                "the sources (参考资料) are read together with the other notes, at the end", 4),
        Skipped("span.index", "note number", "the number and back link of a cited source: its mark in "
                "the text is not read either", 2),
        Skipped("span.index", "note number", "the number and back link of a cited source: its mark in "
                "the text is not read either", 2)]
    root = source.root(soup)
    assert root is soup.find(class_="main-content")
    assert root.find(True).name == "h1" and source.title(soup, []) == "林俊杰"
    assert [p.get_text() for p in soup.select("div.basic-info p")] == ["国籍：新加坡", "代表作品：江南、她说"]
    marks = [(a.get_text(), a["href"]) for a in soup.select("sup > a")]
    assert marks == [("[1]", "#reference-1-123"), ("[2]", "#reference-2-456"), ("[3]", "#reference-3"),
                     ("[1]", "#reference-1-123"), ("[52]", "#reference-52"),
                     ("[5]", "#reference-5"), ("[3]", "#reference-3")]
    assert soup.select("a.sup-anchor") == [] and soup.select("sup.sup--normal") == []
    # entry links and source titles are text: only the outside link and the marks are links
    assert [a.get_text() for a in root.find_all("a") if a.parent.name != "sup"] == ["另见"]
    assert soup.find("ul")["class"] == ["reference-list", "references"]


def test_a_summary_without_the_main_content_is_the_entry() -> None:
    html = ("<html><body><div class='top'>顶部</div><div class='lemma-summary'>摘要。</div>"
            "<dl class='lemma-reference'></dl><dl><dd class='lemmaWgt-lemmaTitle-title'><h1>词条</h1></dd></dl></body></html>")
    soup = parse_soup(html)
    source = recognise(soup)
    assert source.name == "baike"
    # the empty wrappers left around the entry (the title moved out of its own) are not reported
    assert source.prepare(soup) == [Skipped("div.top", "page chrome", AROUND, 2)]
    assert source.root(soup) is soup.find(class_="lemma-summary")
    assert source.title(soup, []) == "词条"


def test_a_title_widget_alone_is_no_entry() -> None:
    soup = parse_soup("<html><body><dd class='lemmaWgt-lemmaTitle-title'><h1>x</h1></dd><p>y</p></body></html>")
    assert recognise(soup).name != "baike"
