"""The read-along player in a real headless Chromium, opened from file:// with mp3s made by publish()."""

from __future__ import annotations

from pathlib import Path

import pytest

try:  # tests/ is a package once it has an __init__.py; until then it is on sys.path itself
    from tests.test_publish import make_lesson, run_publish
except ImportError:
    from test_publish import make_lesson, run_publish  # type: ignore[no-redef]

pytestmark = pytest.mark.browser

EVIL_TEXT = "<script>window.pwned=1</script> and <img src=x onerror=\"window.pwned=2\"> shown as text."
EVIL_TITLE = "</script><script>window.pwned=3</script><!-- Tricks"
CHAPTERS = [("Introduction", ["First sentence.", "Second sentence.", "Third sentence."]),
            ("第二章 练习", ["二一。", "二二。"]),
            (EVIL_TITLE, [EVIL_TEXT, "After."])]


@pytest.fixture(scope="module")
def lesson(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    base = tmp_path_factory.mktemp("player")
    script, programme = make_lesson(base / "wav", CHAPTERS, seg_seconds=1.5)
    manifest = run_publish(script, programme, base / "out", **{"output.book": "none"})
    return base / "out", manifest


@pytest.fixture
def page(browser, lesson):
    out, _ = lesson
    context = browser.new_context()
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.goto((out / "index.html").as_uri())
    pg.wait_for_function("document.getElementById('player').readyState >= 1")
    yield pg
    context.close()
    assert errors == []


def seg(manifest: dict, seg_id: str) -> dict:
    return next(s for s in manifest["segments"] if s["id"] == seg_id)


def chapter_file(manifest: dict, index: int) -> str:
    return next(c["file"] for c in manifest["chapters"] if c["index"] == index)


def current_src(page) -> str:
    return page.evaluate("decodeURIComponent(document.getElementById('player').src)")


def highlighted(page) -> list[str]:
    return page.evaluate("Array.from(document.querySelectorAll('.seg[aria-current=\"true\"]')).map(e => e.id)")


def wait_highlight(page, seg_id: str) -> None:
    page.wait_for_function(
        "id => { const el = document.querySelector('.seg.current'); return el && el.id === id; }",
        arg=seg_id, timeout=15000)


def test_highlight_follows_the_playback_position(page, lesson) -> None:
    _, manifest = lesson
    assert current_src(page).endswith(chapter_file(manifest, 1))
    page.evaluate("t => { document.getElementById('player').currentTime = t; }",
                  seg(manifest, "c01-s0002")["start"] + 0.2)
    wait_highlight(page, "c01-s0002")
    assert highlighted(page) == ["c01-s0002"]
    # Real playback: from the first sentence, the highlight moves on by itself.
    page.evaluate("t => { const a = document.getElementById('player'); a.currentTime = t; a.play(); }",
                  seg(manifest, "c01-s0001")["start"])
    wait_highlight(page, "c01-s0001")
    wait_highlight(page, "c01-s0002")
    assert highlighted(page) == ["c01-s0002"]


def test_clicking_a_sentence_plays_from_its_start(page, lesson) -> None:
    _, manifest = lesson
    target = seg(manifest, "c02-s0002")
    # What the learner hears is read in the page when playback starts: the test never races the
    # audio, which plays on (and moves to the next chapter at the end of this one).
    page.evaluate("""() => { const a = document.getElementById('player');
        a.addEventListener('playing', () => { window.started = {t: a.currentTime,
            src: decodeURIComponent(a.src), lit: document.querySelector('.seg.current').id}; }, {once: true}); }""")
    page.click("#c02-s0002")
    started = page.wait_for_function("window.started").json_value()
    assert started["src"].endswith(chapter_file(manifest, 2))
    assert target["start"] - 0.05 <= started["t"] < target["end"]
    assert started["lit"] == "c02-s0002"
    # Paused as soon as it is seen playing: the position is still that sentence's.
    page.evaluate("document.getElementById('player').pause()")
    page.wait_for_function("document.getElementById('player').paused")
    state = page.evaluate("""() => { const a = document.getElementById('player');
        return {t: a.currentTime, src: decodeURIComponent(a.src)}; }""")
    if state["src"].endswith(chapter_file(manifest, 2)):  # a slow machine may have reached the end
        assert target["start"] - 0.05 <= state["t"] <= manifest["chapters"][1]["duration"] + 0.05


def test_chapter_navigation_switches_the_file(page, lesson) -> None:
    _, manifest = lesson
    page.click("#nav-2")
    page.wait_for_function("f => decodeURIComponent(document.getElementById('player').src).endsWith(f)",
                           arg=chapter_file(manifest, 2))
    assert page.get_attribute("#nav-2", "aria-current") == "true"
    assert page.get_attribute("#nav-1", "aria-current") is None
    # The captions now shown are chapter 2's sentences, with their times.
    assert showing_cues(page) == [[s["id"], s["start"], s["end"], s["text"]]
                                  for s in manifest["segments"] if s["chapter"] == 2]


def showing_cues(page) -> list:
    return page.evaluate("""() => { const tracks = Array.from(document.getElementById('player').textTracks)
        .filter(t => t.mode === 'showing');
        if (tracks.length !== 1) { return 'tracks showing: ' + tracks.length; }
        return Array.from(tracks[0].cues).map(c => [c.id, Math.round(c.startTime * 1000) / 1000,
                                                    Math.round(c.endTime * 1000) / 1000, c.text]); }""")


def test_captions_work_from_the_file_system(page, lesson) -> None:
    """Opened from file://, where <track> files fail to load, the captions still have their cues."""
    _, manifest = lesson
    assert page.url.startswith("file://")
    assert showing_cues(page) == [[s["id"], s["start"], s["end"], s["text"]]
                                  for s in manifest["segments"] if s["chapter"] == 1]
    target = seg(manifest, "c01-s0002")
    page.evaluate("t => { document.getElementById('player').currentTime = t; }", target["start"] + 0.1)
    page.wait_for_function("""id => { const t = Array.from(document.getElementById('player').textTracks)
        .find(t => t.mode === 'showing'); return t && t.activeCues && t.activeCues.length === 1
        && t.activeCues[0].id === id; }""", arg="c01-s0002")


def test_sentences_are_keyboard_accessible(page, lesson) -> None:
    _, manifest = lesson
    assert page.get_attribute("#c01-s0003", "tabindex") == "0"
    assert page.get_attribute("#c01-s0003", "role") == "button"
    page.focus("#c01-s0003")
    page.keyboard.press("Enter")
    start = seg(manifest, "c01-s0003")["start"]
    page.wait_for_function("t => Math.abs(document.getElementById('player').currentTime - t) < 1.0", arg=start)
    assert highlighted(page) == ["c01-s0003"]
    page.focus("#c02-s0001")
    page.keyboard.press(" ")
    page.wait_for_function("f => decodeURIComponent(document.getElementById('player').src).endsWith(f)",
                           arg=chapter_file(manifest, 2))
    wait_highlight(page, "c02-s0001")


def test_the_end_of_a_chapter_moves_to_the_next(page, lesson) -> None:
    _, manifest = lesson
    duration = manifest["chapters"][0]["duration"]
    page.evaluate("t => { const a = document.getElementById('player'); a.currentTime = t; a.play(); }",
                  duration - 0.3)
    page.wait_for_function("f => decodeURIComponent(document.getElementById('player').src).endsWith(f)",
                           arg=chapter_file(manifest, 2), timeout=15000)
    assert page.get_attribute("#nav-2", "aria-current") == "true"


def test_injected_markup_is_shown_as_text_and_never_runs(page, lesson) -> None:
    _, manifest = lesson
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.text_content("#c03-s0001") == EVIL_TEXT
    assert page.text_content("#nav-3") == EVIL_TITLE
    assert page.evaluate("document.querySelectorAll('main img, main script').length") == 0
    page.click("#c03-s0001")
    page.wait_for_function("f => decodeURIComponent(document.getElementById('player').src).endsWith(f)",
                           arg=chapter_file(manifest, 3))
    assert page.evaluate("typeof window.pwned") == "undefined"
