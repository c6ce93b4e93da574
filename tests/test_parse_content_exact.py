"""The main content of a web page and its metadata lines, exactly (narrator/parse/content.py)."""

from __future__ import annotations

from typing import Any

from narrator.parse.content import find_main_content, is_metadata_line
from narrator.parse.html import BLOCK_TAGS, SKIP_TAGS, link_stats, parse_soup
from narrator.values import Block, Run

PARA = "<p>" + "word " * 59 + "words</p>"  # 300 characters without a comma: scores 1 + 3


def main(body_markup: str, title: str = "") -> tuple[Any, Any]:
    soup = parse_soup(f"<html><head><title>{title}</title></head><body>{body_markup}</body></html>")
    body = soup.body
    found = find_main_content(body, link_stats(body), lambda tag, name: name in SKIP_TAGS, title, BLOCK_TAGS)
    return soup, found


def ids(soup: Any, keys: frozenset[int]) -> set[str]:
    return {t.get("id") or t.name for t in soup.find_all(True) if id(t) in keys}


def test_the_article_is_kept_with_its_title_and_the_rest_is_skipped() -> None:
    assert len(PARA) == 3 + 300 + 4
    soup, found = main('<div id="menu"><p>short</p></div><h1 id="t">Lesson title</h1>'
                       f'<div id="article">{PARA * 4}</div><div id="aside"><p>{"x" * 30}</p></div>')
    assert found is not None
    assert found.root.get("id") == "article" and found.title.get("id") == "t"
    assert ids(soup, found.skip) == {"menu", "aside"}
    assert ids(soup, found.mute) == {"body"}


def test_too_little_prose_cuts_nothing() -> None:
    # three paragraphs of 300 characters score 4 each: 12 is the least that counts
    assert main(f'<div id="a">{PARA * 3}</div><div id="m"><p>{"y" * 30}</p></div>')[1] is not None
    assert main(f'<div id="a">{PARA * 2}<p>{"z" * 250}</p></div><div id="m"><p>{"y" * 30}</p></div>')[1] is None


def test_an_article_that_holds_too_little_of_the_page_climbs_to_its_parent_or_cuts_nothing() -> None:
    soup, found = main(f'<div id="wrap"><div id="a">{PARA * 4}</div><div id="b">{PARA * 3}</div></div>'
                       f'<div id="m"><p>{"y" * 30}</p></div>')
    assert found is not None and found.root.get("id") == "wrap"
    assert ids(soup, found.skip) == {"m"}
    # two halves side by side in <body>: only body holds 60 %, so the whole page is read
    assert main(f'<div id="a">{PARA * 4}</div><div id="b">{PARA * 4}</div>')[1] is None


def test_the_title_heading_is_the_one_in_the_page_title() -> None:
    soup, found = main(f'<h2 id="x">Site news</h2><h1 id="y">Photosynthesis</h1><p>{"w" * 30}</p>'
                       f'<h2 id="z">Menu</h2><div id="a">{PARA * 4}</div>', title="Photosynthesis - Biology site")
    assert found is not None and found.title.get("id") == "y"
    # without a title: the last heading before the article when no paragraph comes between
    soup, found = main(f'<h1 id="y">Photosynthesis</h1><h2 id="z">Menu</h2><div id="a">{PARA * 4}</div>')
    assert found is not None and found.title.get("id") == "z"
    # a paragraph between: the last h1 before it
    soup, found = main(f'<h1 id="y">Photosynthesis</h1><h2 id="z">Menu</h2><p>{"w" * 30}</p><div id="a">{PARA * 4}</div>')
    assert found is not None and found.title.get("id") == "y"
    # the article's own h1: no other title
    soup, found = main(f'<h1 id="y">Photosynthesis</h1><div id="a"><h1>Own</h1>{PARA * 4}</div>')
    assert found is not None and found.title is None


def block(text: str, kind: str = "paragraph") -> Block:
    return Block(kind, (Run(text),))  # type: ignore[arg-type]


def test_metadata_lines() -> None:
    meta = ["来源：新华社", "发布时间: 2024-01-02", "(责编：张三)", "Posted on 3 May", "Published by the editors",
            "2024-01-02 10:30", "（2024年1月2日）", "12,345 views", "Source: Reuters", "浏览次数：99",
            "Updated: today"]
    assert [is_metadata_line(block(t)) for t in meta] == [True] * len(meta)
    assert is_metadata_line(block("来源：新华社", "cell")) and is_metadata_line(block("来源：新华社", "heading"))
    assert is_metadata_line(block("来源：新华社", "caption"))
    not_meta = ["Posted on the wall is a map of the town.", "The source of the river is high.", "",
                "来源：" + "长" * 78, "来源：新华社"]
    assert [is_metadata_line(block(t, "item" if i == 4 else "paragraph")) for i, t in enumerate(not_meta)] == \
        [False] * 5
    assert is_metadata_line(block("来源：" + "长" * 77))  # 80 characters is still short


def test_keeping_an_element_outside_the_article_reads_it_and_its_path() -> None:
    soup, found = main('<div id="menu"><p>short</p></div><h1 id="t">Lesson title</h1>'
                       f'<div id="article">{PARA * 4}</div><div id="aside"><div id="box"><p>{"x" * 30}</p></div>'
                       '<p id="other">more</p></div>')
    assert found is not None
    kept = found.keeping(soup.body, [soup.find(id="box")])
    assert kept.root is found.root and kept.title is found.title
    assert ids(soup, kept.skip) == {"menu", "other"}
    assert ids(soup, kept.mute) == {"body", "aside"}


def title_of(body_markup: str, title: str = "") -> Any:
    soup, found = main(body_markup, title)
    assert found is not None
    return found.title.get("id") if found.title is not None else None


ARTICLE = f'<div id="a">{PARA * 4}</div>'


def test_the_longest_heading_found_in_the_page_title_wins() -> None:
    assert title_of(f'<h2 id="x">Site news and other longer things</h2><h1 id="y">Green plants</h1>'
                    f'<p>{"w" * 30}</p>{ARTICLE}', title="Green plants - Biology") == "y"
    assert title_of(f'<h2 id="x">Photo</h2><h1 id="y">Photosynthesis</h1><p>{"w" * 30}</p>{ARTICLE}',
                    title="Photosynthesis") == "y"


def test_headings_of_links_or_of_one_character_are_no_titles() -> None:
    assert title_of(f'<h1 id="y"><a href="/">Site name</a></h1>{ARTICLE}') is None
    assert title_of(f'<h1 id="y"><a href="/">ab</a>cd</h1>{ARTICLE}') is None  # half links
    assert title_of(f'<h1 id="y">Photosynthesis <a href="/x">1</a></h1>{ARTICLE}') == "y"
    assert title_of(f'<h2 id="y">§</h2>{ARTICLE}') is None
    assert title_of(f'<h2 id="y">AI</h2>{ARTICLE}') == "y"


def test_no_title_when_prose_comes_between_and_no_h1_is_left() -> None:
    assert title_of(f'<h2 id="z">Menu</h2><p>{"w" * 30}</p>{ARTICLE}') is None


def test_keeping_a_deep_element_opens_every_ancestor() -> None:
    soup, found = main(f'<h1 id="t">Lesson title</h1>{ARTICLE}<div id="aside"><div id="box"><p id="deep">{"x" * 30}</p>'
                       '<p id="near">near</p></div><p id="other">more</p></div>')
    assert found is not None
    kept = found.keeping(soup.body, [soup.find(id="deep")])
    assert ids(soup, kept.skip) == {"near", "other"}
    assert ids(soup, kept.mute) == {"body", "aside", "box"}


def test_which_elements_are_paragraphs_of_the_article() -> None:
    short = "<p>" + "z" * 250 + "</p>"  # scores 1 + 2
    # a paragraph of exactly 25 characters scores 1, which makes 12
    assert main(f'<div id="a">{PARA * 2}{short}<p>{"q" * 25}</p></div>')[1] is not None
    assert main(f'<div id="a">{PARA * 2}{short}<p>{"q" * 24}</p></div>')[1] is None
    # inline text outside any paragraph is no paragraph
    assert main(f'<div id="a">{PARA * 2}{short}<em>{"e" * 300}</em></div>')[1] is None
    # a span inside each paragraph does not make the paragraphs containers
    spanned = "<p><span>" + "word " * 59 + "words</span></p>"
    soup, found = main(f'<div id="a">{spanned * 4}</div><div id="m"><p>{"y" * 30}</p></div>')
    assert found is not None and found.root.get("id") == "a"
    # an article inside an inline wrapper: the wrapper holds the blocks, not the div
    soup, found = main(f'<div id="a"><font id="f">{PARA * 4}</font></div><div id="m"><p>{"y" * 30}</p></div>')
    assert found is not None and found.root.get("id") == "f"


HALF_LINKS = "<p>" + "word " * 29 + "words " + '<a href="/x">' + "word " * 29 + "words</a></p>"  # 150 of 301


def test_links_scale_a_paragraphs_score_and_the_articles() -> None:
    # each scores 4 x (1 - 150/301) = 2.007; twelve give 24.08, scaled again by the article's links: 12.08
    assert main(f'<div id="a">{HALF_LINKS * 12}</div>')[1] is not None
    assert main(f'<div id="a">{HALF_LINKS * 11}</div>')[1] is None
    # a paragraph of links only scores nothing, and the others still count
    links = '<p><a href="/a">' + "link " * 10 + "</a></p>"
    assert main(f'<div id="a">{links}{PARA * 4}</div><div id="m"><p>{"y" * 30}</p></div>')[1] is not None


def test_length_adds_one_point_a_hundred_characters_up_to_three() -> None:
    p250, p150, p400 = ("<p>" + c * n + "</p>" for c, n in (("a", 250), ("b", 150), ("c", 400)))
    assert main(f'<div id="a">{p250 * 3}{p150}</div>')[1] is None  # 3 + 3 + 3 + 2
    assert main(f'<div id="a">{p400 * 2}{p250}</div>')[1] is None  # 4 + 4 + 3
    commas = "<p>" + "a, " * 11 + "end</p>"  # 1 + 11 commas
    assert main(f'<div id="a">{commas}</div>')[1] is not None
    assert main(f'<div id="a">{"<p>" + "a, " * 10 + "end</p>"}</div>')[1] is None


def test_a_grandparent_takes_half_and_the_next_ancestor_a_sixth() -> None:
    soup, found = main('<section id="s">' + f'<div>{PARA}</div>' * 6 + "</section>")
    assert found is not None and found.root.get("id") == "s"  # 6 x 4 / 2 = 12
    assert main('<section id="s">' + f'<div>{PARA}</div>' * 5 + "</section>")[1] is None
    soup, found = main('<section id="s">' + f'<div class="w"><div>{PARA}</div></div>' * 19 + "</section>")
    assert found is not None and found.root.get("id") == "s"  # 19 x 4 / 6 = 12.7 (a seventh: 10.9)
