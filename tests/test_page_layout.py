"""The page layout (player and EPUB) shows every sentence once, inside the lesson's structure, as
well-formed XHTML: checked on small hand-written inputs and on every document of the corpus."""

from __future__ import annotations

import re
from xml.etree import ElementTree

import pytest

from narrator.config import Config
from narrator.parse import parse_html
from narrator.publishing.layout import chapter_html
from narrator.script.planner import plan
from narrator.values import Script

from corpus import documents, need

_WS = re.compile(r"\s+")


def script_of(html: str | bytes, name: str = "lesson.html") -> Script:
    data = html.encode() if isinstance(html, str) else html
    config = Config()
    return plan(parse_html(data, name, config.parse), config)


def check_every_sentence_shown_once(script: Script) -> None:
    for chapter in script.chapters:
        page = chapter_html(chapter)
        root = ElementTree.fromstring(f"<div>{page}</div>")  # well-formed, as the EPUB needs
        pieces: dict[str, list[str]] = {}
        ids = []
        for span in root.iter("span"):
            if span.get("data-seg"):
                pieces.setdefault(span.get("data-seg"), []).append("".join(span.itertext()))
            if span.get("id"):
                ids.append(span.get("id"))
        assert ids == [s.id for s in chapter.segments]  # once each, in reading order
        for seg in chapter.segments:
            shown = pieces[seg.id]
            block = chapter.blocks[seg.block] if seg.block >= 0 else None
            if block is not None and block.cells:  # a table row: one piece per cell it crosses
                assert all(_WS.sub(" ", p).strip() in seg.text for p in shown), (seg.id, shown, seg.text)
            else:
                assert _WS.sub(" ", "".join(shown)).strip() == seg.text, (seg.id, shown, seg.text)


def test_links_lists_and_tables_keep_their_sentences() -> None:
    script = script_of("""<h1>T</h1><p>See https://example.com/a/very/long/path?x=1 for more. Then stop.</p>
        <ol><li><p>First para.</p><p>Second para of the same item.</p></li><li>Next item.</li></ol>
        <table><tr><th>Name</th><th>Link</th></tr><tr><td>Site</td><td>https://example.org/x</td></tr></table>
        <p>Water is H<sub>2</sub>O &amp; <b>salt</b> &lt;NaCl&gt;.</p>""")
    check_every_sentence_shown_once(script)
    page = chapter_html(script.chapters[0])
    # the two paragraphs of one item stay in one <li>
    assert re.search(r"<li value=\"1\">.*First para\..*<p>.*Second para", page)
    assert page.count("<li") == 2
    assert "<sub>2</sub>" in page and "<strong>salt</strong>" in page and "&lt;NaCl&gt;" in page


def test_lists_one_after_another_stay_apart() -> None:
    script = script_of("<h1>T</h1><ul><li>Apples.</li></ul><ul><li>Pears.</li></ul>"
                       "<ol><li>One.</li></ol><ol><li>Uno.</li></ol>")
    check_every_sentence_shown_once(script)
    page = chapter_html(script.chapters[0])
    assert page.count("<li") == 4 and page.count("<ul>") == 2 and page.count("<ol>") == 2


@pytest.mark.parametrize("name", documents())
def test_every_corpus_document_shows_every_sentence_once(name: str) -> None:
    path = need(name)
    check_every_sentence_shown_once(script_of(path.read_bytes(), str(path)))
