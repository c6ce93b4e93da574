"""The read-along page and transcript.html name who speaks (issue 24), in a real browser.

Headless Chromium through Playwright and axe-core (installed by .ci/run into tests/.node), as in
test_accessibility.py. A bilingual dialogue with three roles (speaker labels A：, B：, 老师：),
a data-voice passage (no label in the text) and a table row naming its speaker, published by the
real publisher over a tone programme (no engine needed): each turn's first sentence has a label in
its role's colour, the narrator none; the label is outside the sentence (its text, the captions
and the highlight are the sentence's alone); the colours meet WCAG AA in both schemes; axe-core
finds no WCAG 2.1 AA violation in either scheme, on the player (also while a role's sentence is
highlighted) and on transcript.html.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

try:
    from tests.lessons import build_lesson
    from tests.test_accessibility import AXE, NODE_MODULES, _require, axe_chromium, contrast, open_player, wait_lit
except ImportError:  # run from tests/
    from lessons import build_lesson  # type: ignore[no-redef]
    from test_accessibility import (AXE, NODE_MODULES, _require, axe_chromium,  # type: ignore[no-redef]
                                    contrast, open_player, wait_lit)

pytestmark = pytest.mark.browser

DIALOGUE = """<html lang="zh"><head><title>第五课 问路</title></head><body>
<h1>第五课 问路</h1>
<p>Listen to two people asking the way. The teacher speaks at the end.</p>
<p>A：请问，火车站怎么走？</p><p>B：一直往前走，到路口往左拐。你会看到一个大楼。</p>
<p>A：远不远？</p><p>B：不远，走路十分钟。</p>
<p>A：Excuse me, how do I get to the station?</p><p>B：Go straight on and turn left at the crossing.</p>
<p>老师：这个对话很有用。</p><p>老师：Please read it again with a partner.</p>
<p data-voice="guide">Our guide adds a word. The station is old.</p>
<table><tr><td>Teacher</td><td>Open your books.</td></tr><tr><td>Student</td><td>Which page?</td></tr>
<tr><td>Teacher</td><td>Page ten.</td></tr></table>
<p>That is all for today.</p>
</body></html>"""

# the role of each turn's first sentence, in reading order (B's second sentence is no new turn)
TURNS = ["A", "B", "A", "B", "A", "B", "老师", "老师", "guide", "Teacher", "Student", "Teacher"]


@pytest.fixture(scope="module")
def axe_source() -> str:
    _require(AXE.is_file(), f"needs axe-core in {NODE_MODULES} (.ci/run installs it with npm)")
    return AXE.read_text("utf-8")


@pytest.fixture(scope="module")
def lesson(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    # every role has a voice of its own, so the labels are shown, not read (an uncast role's are read)
    cast = {f"voices.{role}": f"+f{i}" for i, role in enumerate(dict.fromkeys(TURNS), 1)}
    out, manifest, _ = build_lesson(tmp_path_factory.mktemp("dialogue"), DIALOGUE, **cast)
    return out, manifest


LABELS = """() => Array.from(document.querySelectorAll('#text .who')).map(w => {
    // the first sentence after the label, in document order
    const walker = document.createTreeWalker(document.getElementById('text'), NodeFilter.SHOW_ELEMENT);
    walker.currentNode = w;
    let next = null;
    while (walker.nextNode()) { if (walker.currentNode.classList.contains('seg')) { next = walker.currentNode; break; } }
    return {who: w.dataset.who, text: w.textContent, inSeg: !!w.closest('.seg'), next: next && next.id,
            color: getComputedStyle(w).color};
})"""


def test_each_turn_is_labelled_with_its_speaker_and_the_narrator_is_not(browser, lesson) -> None:
    out, manifest = lesson
    role = {s["id"]: s.get("voice", "") for s in manifest["segments"]}
    assert {"", "A", "B", "老师", "guide", "Teacher", "Student"} <= set(role.values())
    with open_player(browser, out / "index.html") as (page, errors):
        labels = page.evaluate(LABELS)
        assert [w["who"] for w in labels] == TURNS
        for w in labels:
            assert not w["inSeg"]  # never part of a sentence
            assert role[w["next"]] == w["who"]  # it names the sentence it stands before
            assert w["who"] in w["text"]  # the document's own label ("A：") or the role's name
        labelled = {w["next"] for w in labels}
        assert not any(role[i] == "" for i in labelled)  # the narrator has none
        # one colour per role, the same for every turn of it
        colours: dict[str, str] = {}
        for w in labels:
            assert colours.setdefault(w["who"], w["color"]) == w["color"]
        assert len(set(colours.values())) == len(colours)
        assert errors == []


def test_the_label_is_not_in_the_sentence_the_captions_or_the_highlight(browser, lesson) -> None:
    out, manifest = lesson
    first_a = next(s for s in manifest["segments"] if s.get("voice") == "A")
    assert first_a["text"] == "请问，火车站怎么走？"
    with open_player(browser, out / "index.html") as (page, _):
        shown = page.evaluate("""ids => ids.map(id => Array.from(document.querySelectorAll('#text [data-seg="' + id + '"]'))
            .map(e => e.textContent).join(''))""", [s["id"] for s in manifest["segments"]])
        assert shown == [s["text"] for s in manifest["segments"]]
        page.evaluate("t => { document.getElementById('player').currentTime = t; }", first_a["start"] + 0.05)
        wait_lit(page, first_a["id"])
        lit = page.evaluate("""() => { const e = document.querySelector('.seg.current'),
            w = document.querySelector('.who[data-who="A"]');
            return {text: e.textContent, labelLit: w.classList.contains('current') || !!w.closest('.current'),
                    labelBg: getComputedStyle(w).backgroundColor}; }""")
        assert lit == {"text": "请问，火车站怎么走？", "labelLit": False, "labelBg": "rgba(0, 0, 0, 0)"}
        page.wait_for_function("""() => Array.from(document.getElementById('player').textTracks)
            .some(t => t.cues && t.cues.length)""")
        cues = page.evaluate("""() => Array.from(document.getElementById('player').textTracks)
            .flatMap(t => Array.from(t.cues || []).map(c => c.text))""")
        assert any("请问，火车站怎么走？" in c for c in cues)
        assert not any(label in c for c in cues for label in ("A：", "B：", "老师：")), cues


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_speaker_colours_meet_contrast_and_axe_passes(browser, axe_source, lesson, scheme) -> None:
    out, manifest = lesson
    with open_player(browser, out / "index.html", scheme=scheme) as (page, _):
        page_bg = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert (page_bg == "rgb(18, 18, 18)") == (scheme == "dark")
        labels = page.evaluate(LABELS)
        assert len(labels) == len(TURNS)
        for w in labels:
            assert contrast(w["color"], page_bg) >= 4.5, w
        assert axe_chromium(page, axe_source) == []
        # and while a role's sentence is highlighted
        b = next(s for s in manifest["segments"] if s.get("voice") == "B")
        page.evaluate("t => { document.getElementById('player').currentTime = t; }", b["start"] + 0.05)
        wait_lit(page, b["id"])
        assert axe_chromium(page, axe_source) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_transcript_html_names_the_speakers_and_passes_axe(browser, axe_source, lesson, scheme) -> None:
    out, _ = lesson
    ctx = browser.new_context(color_scheme=scheme)
    try:
        page = ctx.new_page()
        page.goto((out / "transcript.html").as_uri())
        labels = page.evaluate("""() => Array.from(document.querySelectorAll('main .who'))
            .map(w => [w.dataset.who, getComputedStyle(w).color])""")
        assert [who for who, _ in labels] == TURNS
        page_bg = page.evaluate("getComputedStyle(document.body).backgroundColor")
        for who, colour in labels:
            assert contrast(colour, page_bg) >= 4.5, who
        text = " ".join(page.locator("main").inner_text().split())
        assert "A：请问，火车站怎么走？" in text.replace(" ", "")  # as written: who, then what
        assert "guide Our guide adds a word." in text
        assert axe_chromium(page, axe_source) == []
    finally:
        ctx.close()


def test_the_player_s_transcript_view_keeps_the_labels(browser, lesson) -> None:
    out, _ = lesson
    with open_player(browser, out / "index.html") as (page, _):
        page.get_by_role("button", name="Show transcript").click()
        who = page.evaluate("() => Array.from(document.querySelectorAll('#transcript .who')).map(w => w.dataset.who)")
        assert who == TURNS


def test_a_turn_is_announced_with_its_speaker(browser, lesson) -> None:
    """The polite announcement of the sentence being read names who starts speaking, once per turn."""
    out, manifest = lesson
    segs = manifest["segments"]
    first_a = next(i for i, s in enumerate(segs) if s.get("voice") == "A")
    b_turn = segs[first_a + 1]  # B's turn: two sentences, the second is no new turn
    assert b_turn.get("voice") == "B" and segs[first_a + 2].get("voice") == "B"
    with open_player(browser, out / "index.html") as (page, errors):
        page.evaluate("t => { const a = document.getElementById('player'); a.currentTime = t; a.play(); }",
                      b_turn["start"] + 0.05)
        page.wait_for_function("t => document.getElementById('announcer').textContent === t",
                               arg=f"B: {b_turn['text']}")
        wait_lit(page, segs[first_a + 2]["id"])
        page.wait_for_function("t => document.getElementById('announcer').textContent === t",
                               arg=segs[first_a + 2]["text"])
        page.evaluate("document.getElementById('player').pause()")
        assert errors == []
