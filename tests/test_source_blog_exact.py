"""Blog posts (narrator/parse/sources/blog.py), exactly: the fields of YAML and TOML front matter
(quoted, plain, block and list values), the post's title put at its top once, its bylines reported
with their size, TOML front matter left in the body taken out, and WordPress's preformatted
blocks read as text unless they are code."""

from __future__ import annotations

from narrator.parse.html import parse_soup
from narrator.parse.sources import recognise
from narrator.parse.sources.blog import Blog, front_matter_fields
from narrator.values import Skipped


def test_yaml_fields_quoted_plain_block_and_lists() -> None:
    front = """---
title: 'It''s  a "post"'
Author: "Ana \\"A\\" Lee"
summary: |
  First line
  second line
tags:
  - one
  - 'two'
categories: [a, "b", ]
empty:
note: >-
  folded

bare: x: y
---"""
    assert front_matter_fields(front) == {
        "title": 'It\'s a "post"', "author": 'Ana "A" Lee', "summary": "First line second line",
        "tags": "one, two", "categories": "a, b", "empty": "", "note": "folded", "bare": "x: y"}
    assert front_matter_fields("title: x\n...") == {"title": "x"}
    assert front_matter_fields("'q'") == {}


def test_toml_fields() -> None:
    front = '+++\ntitle = "Rust  notes"\ndate = 2024-05-01\ntags = ["a", \'b\']\n+++'
    assert front_matter_fields(front) == {"title": "Rust notes", "date": "2024-05-01", "tags": "a, b"}
    assert front_matter_fields("+++\ntitle: not toml\n+++") == {}


def blog(html: str, front: str = ""):  # type: ignore[no-untyped-def]
    soup = parse_soup(html)
    soup.front_matter = front
    source = recognise(soup)
    return source, soup


def test_the_title_is_put_on_top_once_and_the_bylines_reported() -> None:
    front = "---\ntitle: Rust notes\nauthor: Ana\ndate: 2024-05-01\ntags: [x, y]\n---\n"
    source, soup = blog("<html><body><p>Body text.</p></body></html>", front)
    assert source.name == "blog"
    assert source.prepare(soup) == [Skipped("front matter", "post metadata", "the post's author, date, tags: "
                                            "bylines and metadata, not read", 3 + 10 + 4)]
    assert [(t.name, t.get("class"), t.get_text()) for t in soup.body.find_all(True)] == [
        ("h1", ["title"], "Rust notes"), ("p", None, "Body text.")]
    assert source.title(soup, []) == "Rust notes"
    # a body that starts with the title keeps its own heading
    source, soup = blog("<html><body><h2> Rust  notes </h2><p>Body text.</p></body></html>", front)
    source.prepare(soup)
    assert [t.name for t in soup.body.find_all(True)] == ["h2", "p"]
    # a first paragraph saying the title is no heading: the title goes on top
    source, soup = blog("<html><body><p>Rust notes</p></body></html>", front)
    source.prepare(soup)
    assert [t.name for t in soup.body.find_all(True)] == ["h1", "p"]


def test_toml_front_matter_left_in_the_body_is_taken_out() -> None:
    html = "<html><body><p>+++\ntitle = \"Hugo post\"\ncategories = [\"go\"]\n+++</p><p>Body.</p></body></html>"
    source, soup = blog(html)
    assert source.name == "blog"
    assert source.prepare(soup) == [
        Skipped("p", "template markup", "TOML front matter is page settings", 47),
        Skipped("front matter", "post metadata", "the post's categories: bylines and metadata, not read", 2)]
    assert [t.get_text() for t in soup.body.find_all(True)] == ["Hugo post", "Body."]
    assert source.title(soup, []) == "Hugo post"


def test_what_is_no_blog_post() -> None:
    assert not Blog.detect(parse_soup("<p>+++ not front matter</p>"))
    assert not Blog.detect(parse_soup("<p>+++\ntitle = \"x\"</p>"))  # never closed
    soup = parse_soup("<p>Body.</p>")
    soup.front_matter = "---\nauthor: Ana\n---"  # no title: a page's settings, not a post
    assert not Blog.detect(soup)


def test_a_preformatted_block_is_text_unless_it_is_code() -> None:
    html = ("<html><body><pre class='wp-block-preformatted'>Roses are red,<br>violets are blue</pre>"
            "<pre class='wp-block-preformatted'>x = 1</pre><pre class='wp-block-preformatted'>if a == b then stop</pre>"
            "<pre class='wp-block-preformatted'>return b</pre></body></html>")
    source, soup = blog(html)
    assert source.name == "blog"
    source.prepare(soup)
    assert [t.name for t in soup.body.find_all(["p", "pre"])] == ["p", "pre", "p", "pre"]
    assert source.title(soup, []) is None
