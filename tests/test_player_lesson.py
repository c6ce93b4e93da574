"""The player shows the lesson, not a list of sentences: a real lesson (parsed and planned from
HTML, published with tone audio) in headless Chromium, opened from file://."""

from __future__ import annotations

from pathlib import Path

import pytest

try:
    from tests.lessons import build_lesson
except ImportError:
    from lessons import build_lesson  # type: ignore[no-redef]

pytestmark = pytest.mark.browser



@pytest.fixture(scope="module")
def lesson(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    out, manifest, _ = build_lesson(tmp_path_factory.mktemp("lesson"))
    return out, manifest


@pytest.fixture
def context(browser):
    ctx = browser.new_context()
    yield ctx
    ctx.close()


def open_page(context, out: Path):
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((out / "index.html").as_uri())
    page.wait_for_function("document.getElementById('player').readyState >= 1")
    page.errors = errors  # type: ignore[attr-defined]
    return page


@pytest.fixture
def page(context, lesson):
    pg = open_page(context, lesson[0])
    yield pg
    assert pg.errors == []


def seg_id(manifest: dict, text: str) -> str:
    return next(s["id"] for s in manifest["segments"] if s["text"] == text)


def start_of(manifest: dict, text: str) -> float:
    return next(s["start"] for s in manifest["segments"] if s["text"] == text)


def texts(page, selector: str) -> list[str]:
    return page.eval_on_selector_all(selector, "els => els.map(e => e.textContent.replace(/\\s+/g, ' ').trim())")


def test_the_page_has_the_lessons_structure(page, lesson) -> None:
    _, manifest = lesson
    main = "main "
    # headings at their levels (one below the page title)
    assert texts(page, main + "h2") == ["Cells"]
    assert texts(page, main + "h3") == ["Parts"]
    assert texts(page, main + "h4") == ["Deeper"]
    # a numbered list starting at 3, with a bulleted list nested in its second item; then bullets
    assert page.eval_on_selector_all("main ol > li", "els => els.map(e => e.value)") == [3, 4]
    assert texts(page, "main ol > li:nth-child(2) > ul > li") == ["It keeps DNA."]
    assert texts(page, "main > section > ul > li") == ["Bullet one.", "Bullet two."]
    assert page.evaluate("getComputedStyle(document.querySelector('main > section > ul > li')).listStyleType") == "disc"
    # emphasis inside the sentence that carries it
    assert texts(page, f"#{seg_id(manifest, 'Cells are small and busy.')} strong") == ["small"]
    assert texts(page, f"#{seg_id(manifest, 'Cells are small and busy.')} em") == ["busy"]
    # a quote and a callout box
    assert texts(page, "main blockquote .seg") == ["Life is made of cells."]
    assert texts(page, "main aside.callout .seg") == ["Remember this fact."]
    # a figure: its image (copied beside the page, loaded from the file system) and caption
    assert texts(page, "main figure figcaption") == ["A plant cell."]
    page.wait_for_function("document.querySelector('main figure img').complete")
    assert page.evaluate("document.querySelector('main figure img').naturalWidth") == 40
    assert page.get_attribute("main figure img", "src") == "images/01-cell.png"
    # a table with its header row and cells
    assert texts(page, "main table thead th") == ["Part", "Job"]
    assert page.evaluate("""Array.from(document.querySelectorAll('main table tbody tr'))
        .map(r => Array.from(r.cells).map(c => c.textContent.trim()))""") == [["Wall", "Support."],
                                                                             ["Vacuole", "Storage."]]
    # every sentence is on the page exactly once, as a clickable span, in reading order
    assert page.eval_on_selector_all("main .seg[id]", "els => els.map(e => e.id)") == \
        [s["id"] for s in manifest["segments"]]
    assert page.eval_on_selector_all("main .seg[id]", "els => els.every(e => e.getAttribute('role') === 'button')")


def test_a_table_row_sentence_is_highlighted_in_every_cell(page, lesson) -> None:
    _, manifest = lesson
    row = seg_id(manifest, "Part: Wall; Job: Support.")
    page.click(f"#{row}")
    page.wait_for_function("id => document.querySelectorAll('.seg.current').length === 2 &&"
                           " document.querySelector('.seg.current').id === id", arg=row)
    assert texts(page, ".seg.current") == ["Wall", "Support."]
    t = page.wait_for_function("""() => { const a = document.getElementById('player');
        return !a.seeking && a.readyState >= 1 && a.currentTime; }""").json_value()
    assert t >= start_of(manifest, "Part: Wall; Job: Support.") - 0.05


def test_playback_speed_changes_and_is_kept(context, lesson) -> None:
    out, manifest = lesson
    page = open_page(context, out)
    assert page.eval_on_selector_all("#speed option", "els => els.map(e => Number(e.value))") == \
        [0.75, 1, 1.25, 1.5, 1.75, 2]
    page.select_option("#speed", "1.5")
    assert page.evaluate("document.getElementById('player').playbackRate") == 1.5
    page.click(f"#{seg_id(manifest, 'The end.')}")
    page.wait_for_function("document.getElementById('player').readyState >= 1")
    assert page.evaluate("document.getElementById('player').playbackRate") == 1.5
    page.select_option("#speed", "0.75")
    assert page.evaluate("document.getElementById('player').playbackRate") == 0.75
    again = open_page(context, out)  # the learner's choice is remembered
    assert again.input_value("#speed") == "0.75"
    assert again.evaluate("document.getElementById('player').playbackRate") == 0.75
    assert page.errors == [] and again.errors == []


def test_keyboard_plays_pauses_and_steps_through_sentences(page, lesson) -> None:
    _, manifest = lesson
    player = "document.getElementById('player')"
    page.keyboard.press(" ")
    page.wait_for_function(f"!{player}.paused")
    page.keyboard.press(" ")
    page.wait_for_function(f"{player}.paused")
    first, second = manifest["segments"][0], manifest["segments"][1]
    page.evaluate(f"t => {{ {player}.currentTime = t; }}", first["start"] + 0.05)
    page.wait_for_function(f"!{player}.seeking && document.querySelector('.seg.current')")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("id => document.querySelector('.seg.current').id === id", arg=second["id"])
    page.evaluate(f"{player}.pause()")
    assert second["start"] - 0.05 <= page.evaluate(f"{player}.currentTime") < second["end"]
    page.keyboard.press("ArrowLeft")
    page.wait_for_function("id => document.querySelector('.seg.current').id === id", arg=first["id"])
    page.evaluate(f"{player}.pause()")
    assert first["start"] - 0.05 <= page.evaluate(f"{player}.currentTime") < first["end"]


def test_the_position_is_remembered_per_lesson(context, lesson, tmp_path: Path) -> None:
    out, manifest = lesson
    page = open_page(context, out)
    target = next(s for s in manifest["segments"] if s["text"] == "Bullet two.")
    page.evaluate("t => { const a = document.getElementById('player'); a.currentTime = t; }",
                  target["start"] + 0.1)
    page.wait_for_function("id => document.querySelector('.seg.current')?.id === id", arg=target["id"])
    page.close(run_before_unload=True)
    again = open_page(context, out)
    assert again.evaluate("document.getElementById('player').paused")  # resumed, not playing
    t = again.evaluate("document.getElementById('player').currentTime")
    assert target["start"] <= t < target["end"]
    assert again.evaluate("document.querySelector('.seg.current').id") == target["id"]
    # another lesson opened in the same browser starts at its beginning
    other, _, _ = build_lesson(tmp_path / "other")
    fresh = open_page(context, other)
    assert fresh.evaluate("document.getElementById('player').currentTime") == 0
    assert fresh.evaluate("document.querySelector('.seg.current')") is None
