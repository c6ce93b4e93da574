"""WordPress, Jekyll and Hugo posts (issue 19): the front matter's title is heard once, its
bylines are reported and not read, Gutenberg preformatted text without code syntax is read."""

from __future__ import annotations

from narrator.config import ParseConfig
from narrator.parse import parse_html
from narrator.parse.sources.blog import front_matter_fields

_POST = b"""---
id: 348
title: 'Futures, timeouts, and a race'
author: 'Ana Lee'
date: '2019-01-17T19:38:48-05:00'
categories:
    - Professional
tags:
    - c++
---
<!-- wp:paragraph --><p>Futures are handy. They can surprise you.</p><!-- /wp:paragraph -->
<!-- wp:preformatted --><pre class="wp-block-preformatted">Keywords: futures, threads, timeouts</pre><!-- /wp:preformatted -->
<!-- wp:preformatted --><pre class="wp-block-preformatted">f.then([&amp;](R r) {<br>  doFoo();<br>});</pre><!-- /wp:preformatted -->
<h2>Race</h2><p>The thread keeps running.</p>
<h2>Remedies</h2><p>Swap the calls.</p>
"""


def _doc(data: bytes, path: str = "post.html"):
    return parse_html(data, path, ParseConfig())


def _texts(doc) -> list[str]:
    return [b.text for c in doc.chapters for b in c.blocks]


def test_front_matter_title_is_the_title_heard_once_at_the_start():
    doc = _doc(_POST)
    assert doc.title == "Futures, timeouts, and a race"
    first = doc.chapters[0].blocks[0]
    assert first.kind == "heading" and first.text == doc.title
    assert _texts(doc).count(doc.title) == 1
    assert doc.chapters[0].title == doc.title  # never a made-up "Introduction"


def test_bylines_are_reported_not_read():
    doc = _doc(_POST)
    text = " ".join(_texts(doc))
    assert "Ana Lee" not in text and "Professional" not in text
    meta = [s for s in doc.skipped if s.what == "post metadata"]
    assert meta and "author" in meta[0].reason and "tags" in meta[0].reason


def test_preformatted_text_is_read_code_is_not():
    doc = _doc(_POST)
    assert "Keywords: futures, threads, timeouts" in _texts(doc)
    assert not any("doFoo" in t for t in _texts(doc))
    assert any(s.what == "code block" for s in doc.skipped)


def test_markdown_post_with_block_scalar_title():
    md = "---\ntitle: |\n  当智能体承担工作时\nauthor: Bill\n---\n\n## 第一节\n\n正文在这里。\n\n## 第二节\n\n更多正文。\n"
    doc = _doc(md.encode("utf-8"), "post.md")
    assert doc.title == "当智能体承担工作时"
    assert _texts(doc)[0] == "当智能体承担工作时"


def test_toml_front_matter_is_not_read_and_gives_the_title():
    md = '+++\ntitle = "Hugo lesson"\ndate = 2020-01-01\ntags = ["a", "b"]\n+++\n\nThe body text.\n'
    doc = _doc(md.encode("utf-8"), "post.md")
    assert doc.title == "Hugo lesson"
    assert _texts(doc) == ["Hugo lesson", "The body text."]
    assert not any("date" in t for t in _texts(doc))


def test_title_already_heading_is_not_repeated():
    doc = _doc(b"---\ntitle: Hello\n---\n<h1>Hello</h1><p>Body.</p>")
    assert _texts(doc) == ["Hello", "Body."]


def test_front_matter_fields():
    f = front_matter_fields("---\ntitle: \"A: b\"\ntags: [x, 'y']\ndesc: >\n  one\n  two\n---\n")
    assert f == {"title": "A: b", "tags": "x, y", "desc": "one two"}
