"""Captions as caption guidelines want them (BBC, Netflix, DCMP): at most two lines a cue of about
42 characters (Chinese 16-20), broken at phrase boundaries, no cue shorter than about a second
unless its sentence is, word-timed cues when the takes were checked; in the .vtt and .srt files
publish writes and in the player's own caption track (real Chromium)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from narrator.publishing.captions import Cue, caption_cues, to_srt, to_vtt

try:
    from tests.lessons import build_lesson
except ImportError:
    from lessons import build_lesson  # type: ignore[no-redef]

LONG = ("As the vapour rises into the cold upper air, it cools and condenses into tiny droplets that "
        "gather together and form the clouds we see in the sky.")
LONGER = ("Photosynthesis, which happens in the chloroplasts of green plants, turns light, water and carbon "
          "dioxide into glucose and oxygen, and it feeds almost every living thing on the planet, "
          "from the smallest bacteria in the soil to the largest whales in the sea.")
CHINESE = "植物利用阳光、二氧化碳和水制造葡萄糖和氧气，这个过程叫做光合作用，它发生在叶绿体中，是地球上几乎所有生命的能量来源。"
ENDS_BADLY = {"a", "an", "the", "of", "to", "in", "on", "at", "for", "with", "from", "by", "and", "or"}


def check(cues: list[Cue], sentence: str, start: float, end: float, *, max_line: int) -> None:
    assert cues[0].start == start and cues[-1].end == end
    for a, b in zip(cues, cues[1:]):
        assert a.end == b.start  # one after the other, no gap, no overlap
    shown = []
    for cue in cues:
        lines = cue.lines or (cue.text,)
        assert 1 <= len(lines) <= 2, cue.text
        for line in lines:
            assert len(line) <= max_line, line
            assert line.split()[-1].lower() not in ENDS_BADLY, line  # no line ends on an article
        assert cue.end - cue.start >= 1.0, cue
        shown.append(cue.text)
    assert ("" if max_line <= 20 else " ").join(shown) == sentence


@pytest.mark.parametrize("sentence", [LONG, LONGER])
def test_long_english_sentences_become_two_line_cues_broken_at_phrases(sentence: str) -> None:
    cues = caption_cues(Cue("c01-s0001", 10.0, 10.0 + len(sentence) / 15, sentence))
    assert len(cues) >= 2
    check(cues, sentence, 10.0, 10.0 + len(sentence) / 15, max_line=42)
    assert [c.id for c in cues] == ["c01-s0001"] + [f"c01-s0001-{k}" for k in range(2, len(cues) + 1)]
    # a cue ends at a phrase's end when one is near: after a comma or before "and"/"which"...
    for cue in cues[:-1]:
        last = cue.text.split()[-1]
        following = sentence[len(" ".join(c.text for c in cues[:cues.index(cue) + 1])):].split()[0]
        assert last.endswith(",") or following in {"and", "which", "into", "from", "to", "that"}, (last, following)


def test_chinese_lines_hold_at_most_eighteen_characters() -> None:
    cues = caption_cues(Cue("c01-s0001", 0.0, 9.0, CHINESE))
    assert len(cues) >= 2
    check(cues, CHINESE, 0.0, 9.0, max_line=18)
    assert cues[0].text.endswith("，")  # the first cue ends at a comma


def test_a_short_sentence_is_one_cue_and_a_quick_one_stays_whole() -> None:
    assert caption_cues(Cue("a", 0.0, 2.0, "Water is life.")) == [Cue("a", 0.0, 2.0, "Water is life.")]
    # a sentence of less than a second is shown for its length: nothing to split
    assert caption_cues(Cue("b", 0.0, 0.6, "Yes.")) == [Cue("b", 0.0, 0.6, "Yes.")]
    # 60 characters in 1.5 s: one cue of two lines rather than two cues under a second
    quick = "The sun heats the oceans and the water rises into the air."
    cues = caption_cues(Cue("c", 0.0, 1.5, quick))
    assert len(cues) == 1 and len(cues[0].lines) == 2


def test_word_timed_cues_split_where_their_words_are_spoken() -> None:
    words = tuple((w, 20 + 0.3 * i, 20 + 0.3 * i + 0.25) for i, w in enumerate(LONG.split()))
    cues = caption_cues(Cue("s", 20.0, 20 + 0.3 * len(words), LONG, words))
    assert len(cues) == 2
    second = cues[1]
    first_word = second.text.split()[0]
    k = next(i for i, w in enumerate(words) if w[0] == first_word and i > 5)
    assert second.start == words[k][1]  # the cue starts as its first word is said
    assert [w[0] for w in cues[0].words] + [w[0] for w in second.words] == [w[0] for w in words]
    vtt = to_vtt(cues)
    blocks = vtt.strip().split("\n\n")[1:]
    assert len(blocks) == 2
    for block, cue in zip(blocks, cues):
        head, *text = block.split("\n")[1:]
        assert len(text) == 2  # two lines, each word after the first tagged with its time
        tags = re.findall(r"<(\d\d:\d\d:\d\d\.\d\d\d)>", "\n".join(text))
        assert len(tags) == len(cue.words) - 1
        assert re.sub(r"<[^>]+>", "", "\n".join(text)) == "\n".join(cue.lines)
    srt = to_srt(cues)
    assert srt.strip().split("\n\n")[1].split("\n")[2:] == list(cues[1].lines)


def vtt_cues(text: str) -> list[tuple[float, float, str]]:
    out = []
    for block in text.strip().split("\n\n")[1:]:
        lines = block.split("\n")
        k = next(i for i, line in enumerate(lines) if "-->" in line)
        a, b = (sum(float(x) * m for x, m in zip(t.strip().split(":"), (3600, 60, 1))) for t in lines[k].split("-->"))
        out.append((round(a, 3), round(b, 3), "\n".join(lines[k + 1:])))
    return out


LESSON = f"""<html lang="en"><head><title>Clouds</title></head><body><h1>Clouds</h1>
<p>{LONGER}</p><p>{LONG}</p><p>Short one.</p></body></html>"""


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    out, manifest, _ = build_lesson(tmp_path_factory.mktemp("captions"), LESSON, **{"output.book": "m4b"})
    return out, manifest


def test_published_caption_files_follow_the_guidelines(published) -> None:
    out, manifest = published
    chapter = manifest["chapters"][0]
    for path in (out / chapter["captions"], out / manifest["audio"]["captions"]):
        cues = vtt_cues(path.read_text("utf-8"))
        assert len(cues) > len(manifest["segments"])  # the long sentences are in several cues
        for start, end, text in cues:
            lines = text.split("\n")
            assert len(lines) <= 2 and all(len(line) <= 42 for line in lines), text
    srt = (out / chapter["srt"]).read_text("utf-8")
    srt_texts = ["\n".join(b.split("\n")[2:]) for b in srt.strip().split("\n\n")]
    assert srt_texts == [c[2] for c in vtt_cues((out / chapter["captions"]).read_text("utf-8"))]


@pytest.mark.browser
def test_the_player_shows_the_same_caption_cues_as_the_files(browser, published) -> None:
    out, manifest = published
    page = browser.new_page()
    try:
        page.goto((out / "index.html").as_uri())
        page.wait_for_function("document.getElementById('player').readyState >= 1")
        shown = page.evaluate("""() => { const t = Array.from(document.getElementById('player').textTracks)
            .find(t => t.mode === 'showing');
            return Array.from(t.cues).map(c => [Math.round(c.startTime * 1000) / 1000, Math.round(c.endTime * 1000) / 1000, c.text]); }""")
        files = vtt_cues((out / manifest["chapters"][0]["captions"]).read_text("utf-8"))
        assert [tuple(c) for c in shown] == files
    finally:
        page.close()
