"""A document's own table of contents (issue 19).

A list of the document's own sections under a "Table of Contents" heading (a Google Doc's
inserted table of contents: links to its #h.xxxx headings, with page numbers) is not read:
each section is heard as it comes. It never gives the title; a post's front-matter title wins.
"""

from __future__ import annotations

from narrator.config import ParseConfig
from narrator.parse import parse_html

_GDOCS_STYLE = b'<style type="text/css">.c1{font-size:11pt}.c2{padding:0}ol.lst-kix_abc-0{margin:0}</style>'


def _doc(data: bytes, path: str = "lesson.html"):
    return parse_html(data, path, ParseConfig())


def _texts(doc) -> list[str]:
    return [b.text for c in doc.chapters for b in c.blocks]


def _jekyll_gdoc(toc: bytes) -> bytes:
    return (b'---\nlayout: page\ntitle: Proposal\n---\n<html><head>' + _GDOCS_STYLE + b'</head><body>'
            b'<h1 class="c2" id="h.4lqp25cx7kth"><span>Table of Contents</span></h1>' + toc +
            b'<h1 class="c2" id="h.6lop3yab93yz"><span>Problem Statement</span></h1>'
            b'<p class="c2"><span class="c1">Drowsy driving causes many crashes every year.</span></p>'
            b'<h1 class="c2" id="h.87l9tyr6a5p"><span>Prototyping</span></h1>'
            b'<p class="c2"><span class="c1">We will build a paper prototype first.</span></p>'
            b'<h1 class="c2" id="h.a5th5zjxfz3"><span>Timeline</span></h1>'
            b'<p class="c2"><span class="c1">The work takes six weeks.</span></p>'
            b'</body></html>')


_TOC_LIST = (b'<ol class="c2 lst-kix_abc-0 start" start="1">'
             b'<li class="c2"><span class="c1">Problem Statement and Proposed Solution</span></li>'
             b'<li class="c2"><span class="c1">Prototyping</span></li>'
             b'<li class="c2"><span class="c1">Timeline</span></li></ol>')

_TOC_LINKS = (b'<p class="c2"><span><a class="c5" href="#h.6lop3yab93yz">Problem Statement</a></span>'
              b'<span>\t1</span></p>'
              b'<p class="c2"><span><a class="c5" href="#h.87l9tyr6a5p">Prototyping</a></span><span>\t2</span></p>'
              b'<p class="c2"><span><a class="c5" href="#h.a5th5zjxfz3">Timeline</a></span><span>\t3</span></p>')


def test_front_matter_title_wins_over_a_contents_heading():
    doc = _doc(_jekyll_gdoc(_TOC_LIST), "proposal.md.html")
    assert doc.title == "Proposal"


def test_a_list_of_the_sections_under_a_contents_heading_is_not_read():
    doc = _doc(_jekyll_gdoc(_TOC_LIST), "proposal.md.html")
    texts = _texts(doc)
    assert not any("Table of Contents" in t for t in texts)
    assert "Problem Statement and Proposed Solution" not in texts
    assert texts.count("Prototyping") == 1  # the heading, heard once where its section starts
    assert any(s.what == "table of contents" and "as it comes" in s.reason for s in doc.skipped)


def test_google_docs_contents_links_with_page_numbers_are_not_read():
    doc = _doc(_jekyll_gdoc(_TOC_LINKS), "proposal.md.html")
    texts = _texts(doc)
    assert not any("Table of Contents" in t or t.endswith(("1", "2", "3")) for t in texts)
    assert sum("Timeline" in t for t in texts) == 1
    assert [s.what for s in doc.skipped].count("table of contents") >= 1


def test_contents_links_without_a_heading_are_not_read():
    data = _jekyll_gdoc(_TOC_LINKS).replace(b'<h1 class="c2" id="h.4lqp25cx7kth"><span>Table of Contents</span></h1>', b"")
    texts = _texts(_doc(data, "proposal.md.html"))
    assert sum("Timeline" in t for t in texts) == 1 and sum("Problem Statement" in t for t in texts) == 1


def test_a_contents_heading_over_other_text_is_kept():
    """Keep when in doubt: a section called "Contents" that lists what a kit holds is read."""
    data = (b'<html><head>' + _GDOCS_STYLE + b'</head><body>'
            b'<h1 class="c2" id="h.aaaaaa1"><span>Contents</span></h1>'
            b'<ul class="c2 lst-kix_abc-0"><li><span class="c1">Two test tubes</span></li>'
            b'<li><span class="c1">A bottle of iodine</span></li><li><span class="c1">Safety goggles</span></li></ul>'
            b'<h1 class="c2" id="h.bbbbbb2"><span>Method</span></h1>'
            b'<p class="c2"><span class="c1">Add two drops of iodine to each tube.</span></p></body></html>')
    texts = _texts(_doc(data))
    assert "Contents" in texts and "A bottle of iodine" in texts


def test_a_jekyll_post_contents_list_of_links_is_not_read():
    data = (b'---\ntitle: Fractions\n---\n<h2 id="contents">Contents</h2>'
            b'<ul><li><a href="#adding">Adding fractions</a></li><li><a href="#halves">Halves</a></li></ul>'
            b'<h2 id="adding">Adding fractions</h2><p>Find a common denominator first.</p>'
            b'<h2 id="halves">Halves</h2><p>Two halves make a whole.</p>')
    doc = _doc(data, "fractions.md")
    texts = _texts(doc)
    assert doc.title == "Fractions"
    assert "Contents" not in texts and texts.count("Halves") == 1


def test_an_older_export_with_named_anchors_loses_its_contents():
    """Google Docs once anchored headings with <a name="h.xxxx"> inside them; its contents
    links (one paragraph each, the first naming the contents heading itself) are not read."""
    data = (b'<html><head>' + _GDOCS_STYLE + b'</head><body>'
            b'<h1 class="c5"><a name="h.9jri1dprog68"></a><span>Table Of Contents</span></h1>'
            b'<p class="c9"><span><a class="c3" href="#h.9jri1dprog68">Table Of Contents</a></span></p>'
            b'<p class="c9"><span><a class="c3" href="#h.7jb7y24pyeoi">1 - Scope</a></span></p>'
            b'<p class="c2"><span><a class="c3" href="#h.kb8c6fe18052">1.1 - Identification</a></span></p>'
            b'<p class="c12"><span></span></p>'
            b'<h1 class="c5"><a name="h.7jb7y24pyeoi"></a><span>1 - Scope</span></h1>'
            b'<h2 class="c5"><a name="h.kb8c6fe18052"></a><span>1.1 - Identification</span></h2>'
            b'<p class="c5"><span>This document describes the game.</span></p></body></html>')
    doc = _doc(data, "sdd.html")
    texts = _texts(doc)
    assert not any("Table Of Contents" in t for t in texts)
    assert sum("Identification" in t for t in texts) == 1 and "This document describes the game." in texts


def test_long_dot_leaders_are_cut_in_one_pass():
    """A leader of 40,000 dots (with or without a page number after it) costs one pass, not one
    per dot; the entries still name the sections, so the list is taken out."""
    dots = b"." * 40_000
    toc = (b'<ol class="c2 lst-kix_abc-0 start" start="1">'
           b'<li class="c2"><span class="c1">Problem Statement and Proposed Solution</span></li>'
           b'<li class="c2"><span class="c1">Prototyping ' + dots + b' 2</span></li>'
           b'<li class="c2"><span class="c1">Timeline' + dots + b'\t3 </span></li>'
           b'<li class="c2"><span class="c1">Notes ' + dots + b' x</span></li></ol>')
    doc = _doc(_jekyll_gdoc(toc), "proposal.md.html")
    texts = _texts(doc)
    assert not any("Notes" in t or "....." in t for t in texts), [t[:40] for t in texts]
    assert texts.count("Timeline") == 1 and texts.count("Prototyping") == 1
    assert any(s.what == "table of contents" for s in doc.skipped)
