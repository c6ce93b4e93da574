"""Word highlighting in the read-along player (manifest "words", from checked takes), in a real
headless Chromium opened from file://, and the word tags in the captions publish writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from narrator.config import load_config
from narrator.publishing import publish

try:
    from tests.test_publish import make_lesson
except ImportError:
    from test_publish import make_lesson  # type: ignore[no-redef]

TEXTS = ["One fine day, we left.", "光合作用很重要。"]


def _words(text: str, seconds: float) -> list[tuple[str, float, float]]:
    """The displayed words of ``text`` spread evenly over ``seconds`` (as if heard so)."""
    from narrator.synthesis.verify.words import display_words

    units = display_words(text)
    step = seconds / len(units)
    return [(u, round(k * step, 3), round((k + 1) * step, 3)) for k, u in enumerate(units)]


@pytest.fixture(scope="module")
def lesson(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    base = tmp_path_factory.mktemp("words")
    script, programme = make_lesson(base / "wav", [("Words", TEXTS)], seg_seconds=2.0)
    info = {s.id: {"verify": {"checked": True, "passed": True}, "words": _words(s.text, 2.0)}
            for s in script.segments}
    out = base / "out"
    out.mkdir()
    manifest = publish(script, programme, out, load_config(overrides={"output.book": "none"}),
                       engine_info={"name": "tone"}, stats={}, segment_info=info)
    return out, manifest


def test_manifest_and_captions_carry_the_words(lesson) -> None:
    out, manifest = lesson
    first = manifest["segments"][0]
    assert [w["text"] for w in first["words"]] == ["One", "fine", "day,", "we", "left."]
    # chapter time base: the first word starts with the segment
    assert first["words"][0]["start"] == first["start"] and first["words"][-1]["end"] <= first["end"]
    assert first["verify"] == {"checked": True, "passed": True}
    vtt = (out / manifest["chapters"][0]["captions"]).read_text("utf-8")
    assert "One <00:00:0" in vtt and ">fine <" in vtt
    assert "光<" in vtt and ">重<" in vtt  # Chinese words are characters, no spaces added


@pytest.mark.browser
def test_the_spoken_word_is_underlined(browser, lesson) -> None:
    out, manifest = lesson
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((out / "index.html").as_uri())
    page.wait_for_function("document.getElementById('player').readyState >= 1")
    spoken = "() => { const w = document.querySelector('.seg .word.spoken'); return w && w.textContent; }"
    for seg, k in ((manifest["segments"][0], 2), (manifest["segments"][1], 3)):
        word = seg["words"][k]
        page.evaluate("t => { document.getElementById('player').currentTime = t; }",
                      (word["start"] + word["end"]) / 2)
        page.wait_for_function(f"() => ({spoken})() === {word['text']!r}", timeout=15000)
        # the sentence still reads as before: word spans change no text
        assert page.evaluate("id => document.getElementById(id).textContent", seg["id"]) == seg["text"]
    assert page.evaluate("document.querySelectorAll('.word.spoken').length") == 1
    context.close()
    assert errors == []
