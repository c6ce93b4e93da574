"""Baidu Baike entries (narrator/parse/sources/baike.py), exactly, at the edges the whole-entry
tests leave open: what makes a page an entry, the summary placed after the title when the site
keeps it outside the main column, the title's spaces, the scripts and notices around the entry,
each fact of the basic-information box on its own line, and the note-mark ranges."""

from __future__ import annotations

from narrator.config import ParseConfig
from narrator.parse import parse_html
from narrator.parse.html import parse_soup
from narrator.parse.sources import recognise
from narrator.parse.sources.baike import Baike
from narrator.values import Skipped

AROUND = "outside the encyclopedia entry: the site's search bar, side panels, statistics and footer"


def test_a_title_widget_with_a_fact_box_is_an_entry_even_without_a_summary() -> None:
    soup = parse_soup("<html><body><dd class='lemmaWgt-lemmaTitle-title'><h1>词条</h1></dd>"
                      "<dt class='basicInfo-item'>国籍</dt><dd>中国</dd></body></html>")
    source = recognise(soup)
    assert source.name == "baike"
    # no main column and no summary: nothing to read as the entry, no title taken
    assert source.prepare(soup) == [] and source.root(soup) is None and source.title(soup, []) is None


def entry(summary_first: bool = True) -> str:
    summary = "<div class='lemma-summary'><div class='para'>摘要。</div></div>"
    return ("<html><body><div class='top'>顶部</div>" + (summary if summary_first else "")
            + "<div class='main-content'><div class='para'>正文。</div>"
            "<dl class='lemmaWgt-lemmaTitle'><dd class='lemmaWgt-lemmaTitle-title'><h1>林\n  俊杰</h1></dd></dl>"
            + ("" if summary_first else summary) + "<script>var a = 1;</script>"
            "<dl class='lemma-reference'></dl></div>"
            "<script>var b = 2;</script><style>p { color: red }</style><noscript>请启用脚本</noscript>"
            "<div class='footer'>页脚</div></body></html>")


def test_a_summary_outside_the_main_column_is_read_after_the_title() -> None:
    soup = parse_soup(entry())
    source = Baike()
    # scripts, styles and the noscript notice of the site are not reported as the page around it
    assert source.prepare(soup) == [Skipped("div.top", "page chrome", AROUND, 2),
                                    Skipped("div.footer", "page chrome", AROUND, 2)]
    root = source.root(soup)
    assert root is not None
    assert [t.get("class") or [t.name] for t in root.find_all(recursive=False)] == [
        ["h1"], ["lemma-summary"], ["para"], ["lemmaWgt-lemmaTitle"], ["script"], ["lemma-reference"]]
    assert source.title(soup, []) == "林 俊杰"
    assert [t.name for t in soup.body.find_all(recursive=False)] == ["div", "script", "style", "noscript"]


def test_a_summary_inside_the_main_column_stays_where_it_is() -> None:
    soup = parse_soup(entry(summary_first=False))
    source = Baike()
    source.prepare(soup)
    root = source.root(soup)
    assert root is not None
    assert [t.get("class") or [t.name] for t in root.find_all(recursive=False)] == [
        ["h1"], ["para"], ["lemmaWgt-lemmaTitle"], ["lemma-summary"], ["script"], ["lemma-reference"]]


def facts(box: str) -> list[str]:
    soup = parse_soup("<html><body><div class='main-content'>"
                      "<dl class='lemmaWgt-lemmaTitle'><dd class='lemmaWgt-lemmaTitle-title'><h1>词条</h1></dd></dl>"
                      f"{box}<dl class='lemma-reference'></dl></div></body></html>")
    Baike().prepare(soup)
    return [p.get_text() for p in soup.select("div.basic-info p")]


def test_every_fact_box_is_read_and_an_empty_value_skips_only_its_fact() -> None:
    assert facts("<div class='basic-info'><p>无</p></div>"
                 "<div class='basic-info'><dl><dt class='basicInfo-item'>别名</dt><dd> </dd>"
                 "<dt class='basicInfo-item'>国籍</dt> <dd>中国</dd>"
                 "<dt class='basicInfo-item'>职业</dt><dd><span>歌手</span><br>演员</dd></dl></div>") == [
        "无", "国籍：中国", "职业：歌手、演员"]


def test_each_fact_is_a_sentence_of_its_own() -> None:
    html = ("<html><body><div class='main-content'>"
            "<dl class='lemmaWgt-lemmaTitle'><dd class='lemmaWgt-lemmaTitle-title'><h1>词条</h1></dd></dl>"
            "<div class='lemma-summary'><div class='para'>摘要。</div></div>"
            "<div class='basic-info'><dl><dt class='basicInfo-item'>国籍</dt><dd>中国</dd>"
            "<dt class='basicInfo-item'>职业</dt><dd>歌手</dd></dl></div></div></body></html>")
    doc = parse_html(html.encode("utf-8"), "entry.html", ParseConfig())
    said = [b.text for c in doc.chapters for b in c.blocks]
    assert "国籍：中国" in said and "职业：歌手" in said


def marks(data_sup: str) -> list[str]:
    soup = parse_soup("<html><body><div class='main-content'>"
                      "<dl class='lemmaWgt-lemmaTitle'><dd class='lemmaWgt-lemmaTitle-title'><h1>词条</h1></dd></dl>"
                      f"<div class='para'>文<sup class='sup--normal' data-sup='{data_sup}'>x</sup></div>"
                      "<dl class='lemma-reference'></dl></div></body></html>")
    Baike().prepare(soup)
    return [a.get_text() for a in soup.select("sup > a")]


def test_a_note_range_is_one_mark_per_source_up_to_fifty_apart() -> None:
    assert marks("1-3") == ["[1]", "[2]", "[3]"]
    assert marks("3-3") == ["[3]", "[3]"]
    assert marks("1-51") == [f"[{n}]" for n in range(1, 52)]
    assert marks("1-52") == ["[1]", "[52]"]
    assert marks("1-2-3") == ["[1]", "[2]", "[3]"]
