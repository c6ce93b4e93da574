"""Takes -> chapter WAVs (narrator.assembly.mixing), exactly, on takes written here at 8 kHz: the
frames of each take kept (20 ms of quiet each side), its fades, the pauses, the timings, the
recipe that decides what is carried over, the progress units, and the errors a user sees.

At 8 kHz: 20 ms = 160 frames, 5 ms = 40 frames; silence is |sample| <= 131 (0.4 % of full scale).
"""

from __future__ import annotations

import json
import wave
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from narrator.assembly.mixing import (
    Steps,
    assemble,
    chapter_recipe,
    gap_ms,
    lead_trim,
    materialise,
    programme_rate,
)
from narrator.config import Config, OutputConfig, Pauses
from narrator.errors import OutputError
from narrator.events import Notice, Progress
from narrator.text import speech_seconds
from narrator.util.wavio import mono_wav
from narrator.values import FileRecord, PreviousAudio, Script, ScriptChapter, Segment, SegmentTiming, Take

RATE = 8000
QUIET = Config(output=OutputConfig(normalize=False), pauses=Pauses(chapter_head=100, chapter_tail=200))
HEAD, TAIL, PAUSE = 800, 1600, 2000  # frames: 100 ms, 200 ms, the first sentence's 250 ms


def wav(path: Path, x: np.ndarray, rate: int = RATE) -> Path:
    path.write_bytes(mono_wav(np.asarray(x).astype("<i2").tobytes(), rate))
    return path


def read(path: Path) -> np.ndarray:
    with wave.open(str(path), "rb") as w:
        assert w.getframerate() == RATE
        return np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.int64)


def padded() -> np.ndarray:
    """500 quiet frames, 800 at 10000, 700 quiet: kept from 160 before to 160 after the sound."""
    return np.concatenate((np.zeros(500), np.full(800, 10_000), np.zeros(700)))


def abrupt(n: int = 800) -> np.ndarray:
    """Sound from the first frame to the last: faded and given its 160 quiet frames each side."""
    return np.full(n, 10_000.0)


def faded(n: int) -> np.ndarray:
    """What ``abrupt(n)`` becomes: min(40, n // 2) frames faded in and out, 160 quiet each side."""
    y = abrupt(n)
    k = min(40, n // 2)
    ramp = np.arange(1, k + 1) / (k + 1)
    y[:k] *= ramp
    y[-k:] *= ramp[::-1]
    return np.concatenate((np.zeros(160), np.rint(y), np.zeros(160)))


def seg(sid: str, chapter: int = 1, pause: int = 250, text: str = "Hello there.") -> Segment:
    return Segment(sid, chapter, text, text, "en", "neutral", "sentence", pause)


def one_chapter(*segments: Segment, index: int = 1) -> Script:
    return Script("L", "en", (ScriptChapter(index, f"Chapter {index}", segments),))


@pytest.fixture
def takes(tmp_path: Path) -> dict[str, Take]:
    return {"a": Take("a", wav(tmp_path / "a.wav", padded()), RATE, 0.0, "ka", "engine"),
            "b": Take("b", wav(tmp_path / "b.wav", abrupt()), RATE, 0.0, "kb", "engine")}


# -- one chapter ---------------------------------------------------------------------------------


def test_a_chapter_is_head_takes_pauses_and_tail_to_the_frame(tmp_path, takes) -> None:
    events: list[object] = []
    prog = assemble(one_chapter(seg("a"), seg("b", pause=999)), takes, QUIET, tmp_path / "out" / "deeper",
                    on_event=events.append)
    assert prog.sample_rate == RATE and prog.loudness == {}
    (ch,) = prog.chapters
    want = np.concatenate((np.zeros(HEAD), padded()[340:1460], np.zeros(PAUSE), faded(800), np.zeros(TAIL)))
    assert np.array_equal(read(ch.wav_path), want)  # the last pause is the chapter's tail, not 999 ms
    assert ch.wav_path == tmp_path / "out" / "deeper" / "ch01.wav" and ch.title == "Chapter 1"
    a0, a1 = HEAD, HEAD + 1120
    b0, b1 = a1 + PAUSE, a1 + PAUSE + 1120
    assert ch.timings == (SegmentTiming("a", a0 / RATE, a1 / RATE), SegmentTiming("b", b0 / RATE, b1 / RATE))
    assert ch.duration == len(want) / RATE
    assert ch.samples is not None and (ch.samples.frames, ch.samples.timings) == (len(want), ((a0, a1), (b0, b1)))
    assert ch.pcm_sha256 == ch.samples.raw_sha256 and ch.pending is None
    assert ch.samples.recipe == chapter_recipe(one_chapter(seg("a"), seg("b")).chapters[0], takes, QUIET, RATE)
    assert [(e.done, e.total) for e in events if isinstance(e, Progress)] == [(1, 1)]


def test_short_takes_quiet_takes_and_the_silence_threshold(tmp_path) -> None:
    takes = {"short": Take("short", wav(tmp_path / "s.wav", abrupt(30)), RATE, 0.0, "k1", "engine"),
             "hush": Take("hush", wav(tmp_path / "h.wav", np.full(400, 131)), RATE, 0.0, "k2", "engine"),
             "edge": Take("edge", wav(tmp_path / "e.wav", np.concatenate((np.zeros(100), [132], np.zeros(20)))),
                          RATE, 0.0, "k3", "engine")}
    (ch,) = assemble(one_chapter(seg("short"), seg("hush"), seg("edge")), takes, QUIET, tmp_path / "o").chapters
    short = faded(30)  # 15 frames faded each way
    # 132 is sound: 100 quiet frames before it (60 more added), 20 after it (140 more added); the
    # take's last 40 frames fade out, 132 among them, 21/41 of the way: 67.6 -> 68
    edge = np.concatenate((np.zeros(160), [68], np.zeros(160)))
    want = np.concatenate((np.zeros(HEAD), short, np.zeros(PAUSE), np.zeros(PAUSE), edge, np.zeros(TAIL)))
    assert np.array_equal(read(ch.wav_path), want)
    hush = ch.timings[1]
    assert hush.start == hush.end == (HEAD + len(short) + PAUSE) / RATE  # nothing audible: no frames


def test_a_missing_take_skips_its_chapter_or_becomes_silence(tmp_path, takes) -> None:
    six = [seg(f"m{k}") for k in range(6)]
    script = Script("L", "en", (ScriptChapter(1, "One", (seg("a"), *six)), ScriptChapter(2, "Two", (seg("b", 2),))))
    events: list[object] = []
    prog = assemble(script, takes, QUIET, tmp_path / "o", on_event=events.append)
    assert [c.index for c in prog.chapters] == [2]
    assert [(e.level, e.text) for e in events if isinstance(e, Notice)] == [
        ("warning", "chapter 1 skipped: no audio for m0, m1, m2, m3, m4 ...")]
    script = one_chapter(seg("a"), seg("gone", text="Ten little words are said here in this sentence now."))
    events.clear()
    gaps = replace(QUIET, allow_gaps=True)
    (ch,) = assemble(script, takes, gaps, tmp_path / "g", on_event=events.append).chapters
    gap = round(gap_ms(script.chapters[0].segments[1]) * RATE / 1000)
    assert [(e.level, e.text) for e in events if isinstance(e, Notice)] == [
        ("warning", "chapter 1: 1 segment(s) without audio replaced by silence (gone)")]
    start = HEAD + 1120 + PAUSE
    assert ch.timings[1] == SegmentTiming("gone", start / RATE, (start + gap) / RATE)
    assert len(read(ch.wav_path)) == start + gap + TAIL and not read(ch.wav_path)[start:].any()
    events.clear()
    assemble(one_chapter(seg("a"), seg("x")), takes, QUIET, tmp_path / "x", on_event=events.append)
    assert [(e.level, e.text) for e in events if isinstance(e, Notice)] == [
        ("warning", "chapter 1 skipped: no audio for x")]


def test_the_length_of_a_gap_follows_the_text() -> None:
    long = Segment("s", 1, "written", "A much longer spoken form that takes some seconds to say aloud.", "en",
                   "neutral", "sentence", 0)
    assert gap_ms(long) == int(speech_seconds(long.spoken) * 1000) > 1000
    assert gap_ms(replace(long, spoken="")) == max(500, int(speech_seconds("written") * 1000))
    assert gap_ms(replace(long, spoken="Hi.")) == 500  # at least half a second


def test_lead_trim_is_what_is_cut_before_the_first_sound(tmp_path) -> None:
    assert lead_trim(wav(tmp_path / "p.wav", padded()), RATE) == (500 - 160) / RATE
    assert lead_trim(wav(tmp_path / "a.wav", abrupt()), RATE) == -160 / RATE  # quiet added
    assert lead_trim(wav(tmp_path / "q.wav", np.full(50, 131)), RATE) == 0.0
    edge = np.concatenate((np.full(300, 131), [-132], np.zeros(9)))
    assert lead_trim(wav(tmp_path / "e.wav", edge), RATE) == (300 - 160) / RATE


# -- the programme ---------------------------------------------------------------------------------


def test_the_programme_rate_is_the_most_common_and_ties_go_up() -> None:
    def t(rate: int) -> Take:
        return Take("x", Path("x.wav"), rate, 0.0, "k", "engine")

    assert programme_rate({"1": t(8000), "2": t(16000), "3": t(8000)}) == 8000
    assert programme_rate({"1": t(8000), "2": t(16000)}) == 16000
    assert programme_rate({"1": t(0), "2": t(0), "3": t(24000)}) == 24000  # unknown rates do not count
    assert programme_rate({}) == 22050 and programme_rate({"1": t(0)}) == 22050


def test_the_recipe_changes_with_what_the_samples_are_made_from(tmp_path, takes) -> None:
    chapter = one_chapter(seg("a"), seg("b")).chapters[0]
    base = chapter_recipe(chapter, takes, QUIET, RATE)
    assert chapter_recipe(chapter, dict(takes), QUIET, RATE) == base
    other = {**takes, "b": replace(takes["b"], path=wav(tmp_path / "b2.wav", abrupt(801)))}
    last_pause = one_chapter(seg("a"), seg("b", pause=10)).chapters[0]  # the tail is used instead
    first_pause = one_chapter(seg("a", pause=10), seg("b")).chapters[0]
    gap = one_chapter(seg("a"), seg("c")).chapters[0]
    assert chapter_recipe(last_pause, takes, QUIET, RATE) == base
    changed = {chapter_recipe(chapter, other, QUIET, RATE), chapter_recipe(chapter, takes, QUIET, 16000),
               chapter_recipe(first_pause, takes, QUIET, RATE),
               chapter_recipe(chapter, takes, replace(QUIET, pauses=Pauses(chapter_head=101, chapter_tail=200)), RATE),
               chapter_recipe(chapter, takes, replace(QUIET, pauses=Pauses(chapter_head=100, chapter_tail=201)), RATE),
               chapter_recipe(gap, takes, QUIET, RATE),
               chapter_recipe(one_chapter(seg("a"), seg("c", text="Another text.")).chapters[0], takes, QUIET, RATE)}
    assert base not in changed and len(changed) == 7


def test_progress_counts_each_chapters_units_once(tmp_path) -> None:
    events: list[Progress] = []
    steps = Steps(events.append, 2, True)
    assert (steps.total, steps.done) == (6, 0)
    steps(1, "write")
    steps(1, "write")
    steps(2, "write")
    steps.more(2)
    steps(1, "level again")
    assert [(e.stage, e.done, e.total) for e in events] == [("assemble", 1, 6), ("assemble", 2, 6),
                                                           ("assemble", 3, 8)]
    steps.chapters(1)
    assert steps.total == 3  # one chapter of three units, three done
    steps.chapters(0)
    assert steps.total == 3
    steps.chapters(4)
    assert steps.total == 12
    assert Steps(events.append, 2, False).total == 2


def test_normalizing_counts_three_units_per_chapter(tmp_path) -> None:
    x = np.rint(8000 * np.sin(np.arange(8000) * 0.3))
    takes = {"a": Take("a", wav(tmp_path / "a.wav", x), RATE, 0.0, "ka", "engine")}
    events: list[object] = []
    prog = assemble(one_chapter(seg("a")), takes, replace(QUIET, output=OutputConfig()), tmp_path / "o",
                    on_event=events.append)
    assert [(e.done, e.total) for e in events if isinstance(e, Progress)] == [(1, 3), (2, 3), (3, 3)]
    assert prog.loudness["target_lufs"] == -19.0 and prog.chapters[0].pcm_sha256 != prog.chapters[0].samples.raw_sha256
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == ["ch01.wav"]  # the raw file is gone


def test_a_work_folder_that_cannot_be_made_is_one_error_line(tmp_path, takes) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OutputError) as e:
        assemble(one_chapter(seg("a")), takes, QUIET, blocker / "out")
    assert str(e.value).startswith(f"{blocker / 'out'}: cannot assemble audio (")


# -- carrying chapters over --------------------------------------------------------------------------


def previous_of(prog) -> PreviousAudio:
    from narrator.publishing.manifest import chapter_build, previous_chapter

    entries = json.loads(json.dumps([{"index": c.index, "pcm_sha256": c.pcm_sha256,
                                      "build": chapter_build(c, FileRecord("", "", ""), None)}
                                     for c in prog.chapters]))
    loud = prog.loudness
    return PreviousAudio(prog.sample_rate, loud.get("gain_db"), loud.get("target_lufs"), loud.get("ceiling_dbtp"),
                         tuple(previous_chapter(e) for e in entries))


def test_a_chapter_made_from_the_same_recipe_is_carried_over_and_written_when_asked(tmp_path, takes) -> None:
    script = one_chapter(seg("a"), seg("b"))
    first = assemble(script, takes, QUIET, tmp_path / "one").chapters[0]
    (ch,) = assemble(script, takes, QUIET, tmp_path / "two", previous=previous_of(
        assemble(script, takes, QUIET, tmp_path / "one"))).chapters
    assert ch.pending is not None and not ch.wav_path.exists()
    assert (ch.title, ch.duration, ch.timings, ch.pcm_sha256, ch.samples) == (
        first.title, first.duration, first.timings, first.pcm_sha256, first.samples)
    materialise([ch, ch], script, takes, QUIET)
    assert ch.wav_path.read_bytes() == first.wav_path.read_bytes()
    assert sorted(p.name for p in (tmp_path / "two").iterdir()) == ["ch01.wav"]
    # another chapter layout with the same takes: not carried over
    (moved,) = assemble(one_chapter(seg("a", pause=300), seg("b")), takes, QUIET, tmp_path / "three",
                        previous=previous_of(assemble(script, takes, QUIET, tmp_path / "one"))).chapters
    assert moved.pending is None


def test_a_carried_chapter_whose_samples_differ_is_refused(tmp_path, takes) -> None:
    script = one_chapter(seg("a"), seg("b"))
    previous = previous_of(assemble(script, takes, QUIET, tmp_path / "one"))
    (ch,) = assemble(script, takes, QUIET, tmp_path / "two", previous=previous).chapters
    assert ch.pending is not None and ch.samples is not None
    wrong = replace(ch, samples=replace(ch.samples, raw_sha256="0" * 64))
    with pytest.raises(OutputError, match=r"^chapter 1: assembled samples differ from the previous narration's "
                                          r"with the same takes \(run again with --force\)$"):
        materialise([wrong], script, takes, QUIET)
    assert not ch.pending.raw_path.exists()


def test_a_normalized_chapter_carried_over_is_levelled_when_written(tmp_path) -> None:
    x = np.rint(8000 * np.sin(np.arange(8000) * 0.3))
    takes = {"a": Take("a", wav(tmp_path / "a.wav", x), RATE, 0.0, "ka", "engine")}
    loud = replace(QUIET, output=OutputConfig())
    script = one_chapter(seg("a"))
    first = assemble(script, takes, loud, tmp_path / "one")
    again = assemble(script, takes, loud, tmp_path / "two", previous=previous_of(first))
    (ch,) = again.chapters
    assert ch.pending is not None and ch.pending.gain_db == first.loudness["gain_db"]
    assert again.loudness["gain_db"] == first.loudness["gain_db"] and ch.pcm_sha256 == first.chapters[0].pcm_sha256
    materialise([ch], script, takes, loud)
    assert ch.wav_path.read_bytes() == first.chapters[0].wav_path.read_bytes()
    assert sorted(p.name for p in (tmp_path / "two").iterdir()) == ["ch01.wav"]  # the raw samples removed
    wrong = replace(ch, pending=replace(ch.pending, pcm_sha256="0" * 64))
    with pytest.raises(OutputError, match=r"^chapter 1: normalized samples differ from the previous narration's "
                                          r"with the same gain \(run again with --force\)$"):
        materialise([wrong], script, takes, loud)
    assert not ch.pending.raw_path.exists()


# -- edges ----------------------------------------------------------------------------------------


def test_very_short_takes_and_quiet_after_the_sound(tmp_path) -> None:
    one = Take("one", wav(tmp_path / "one.wav", [9000]), RATE, 0.0, "k1", "engine")
    two = Take("two", wav(tmp_path / "two.wav", [9000, 9000]), RATE, 0.0, "k2", "engine")
    tail = np.concatenate((np.zeros(300), np.full(400, 9000), np.full(300, 100)))  # 100: quiet, not silent
    hum = Take("hum", wav(tmp_path / "hum.wav", tail), RATE, 0.0, "k3", "engine")
    (ch,) = assemble(one_chapter(seg("one"), seg("two"), seg("hum")), {"one": one, "two": two, "hum": hum},
                     QUIET, tmp_path / "o").chapters
    quiet = np.zeros(160)
    kept = tail[140:860].copy()  # 160 frames each side of the sound, the last 40 faded out
    kept[-40:] = np.rint(kept[-40:] * np.arange(40, 0, -1) / 41)
    want = np.concatenate((np.zeros(HEAD), quiet, [9000], quiet, np.zeros(PAUSE),  # one frame: no fade
                           quiet, [4500, 4500], quiet, np.zeros(PAUSE),  # two: one frame faded each way
                           kept, np.zeros(TAIL)))
    assert np.array_equal(read(ch.wav_path), want)


def test_the_warnings_name_at_most_five_missing_segments(tmp_path, takes) -> None:
    events: list[object] = []
    five = [seg(f"m{k}") for k in range(5)]
    assemble(one_chapter(*five), takes, QUIET, tmp_path / "o", on_event=events.append)
    six = [seg(f"n{k}") for k in range(6)]
    assemble(one_chapter(seg("a"), *six), takes, replace(QUIET, allow_gaps=True), tmp_path / "g",
             on_event=events.append)
    assert [e.text for e in events if isinstance(e, Notice)] == [
        "chapter 1 skipped: no audio for m0, m1, m2, m3, m4",
        "chapter 1: 6 segment(s) without audio replaced by silence (n0, n1, n2, n3, n4)"]


def test_work_done_ahead_is_not_done_again(tmp_path, monkeypatch) -> None:
    from narrator.assembly import ahead as ahead_module
    from narrator.assembly import loudness
    from narrator.assembly.ahead import Ahead

    monkeypatch.setattr(ahead_module, "workers", lambda: 1)
    x = np.rint(8000 * np.sin(np.arange(8000) * 0.3))
    loud_takes = {k: Take(k, wav(tmp_path / f"{k}.wav", x), RATE, 0.0, k, "engine") for k in ("a", "b")}
    script = Script("L", "en", (ScriptChapter(1, "One", (seg("a"),)), ScriptChapter(2, "Two", (seg("b", 2),))))
    config = replace(QUIET, output=OutputConfig())
    reference = assemble(script, loud_takes, config, tmp_path / "ref")
    (tmp_path / "work").mkdir()
    ahead = Ahead(script, config, tmp_path / "work", previous=None, rate=RATE)
    ahead.take(loud_takes["b"])  # chapter 2 first: chapter 1, last in, is levelled with the final gain
    ahead.take(loud_takes["a"])
    ahead.finish(RATE)  # all done ahead (assemble asks again: the same)
    measured, levelled = [], []
    real_blocks, real_level = loudness.chapter_blocks, loudness.level
    monkeypatch.setattr(loudness, "chapter_blocks", lambda p: measured.append(p) or real_blocks(p))
    monkeypatch.setattr(loudness, "level", lambda *a: levelled.append(a[0]) or real_level(*a))
    prog = assemble(script, loud_takes, config, tmp_path / "work", ahead=ahead)
    assert measured == []  # both measured ahead
    assert [c.pcm_sha256 for c in prog.chapters] == [c.pcm_sha256 for c in reference.chapters]
    assert prog.loudness == reference.loudness
    assert levelled == []  # both levelled ahead with the gain the end chooses (the chapters measure alike)


def test_a_new_loudness_target_levels_carried_chapters_from_their_takes(tmp_path) -> None:
    x = np.rint(8000 * np.sin(np.arange(8000) * 0.3))
    takes = {"a": Take("a", wav(tmp_path / "a.wav", x), RATE, 0.0, "ka", "engine")}
    script = one_chapter(seg("a"))
    first = assemble(script, takes, replace(QUIET, output=OutputConfig()), tmp_path / "one")
    quieter = replace(QUIET, output=OutputConfig(loudness=-23.0))
    again = assemble(script, takes, quieter, tmp_path / "two", previous=previous_of(first))
    fresh = assemble(script, takes, quieter, tmp_path / "three")
    assert again.loudness == fresh.loudness and again.loudness["gain_db"] != first.loudness["gain_db"]
    assert again.chapters[0].pending is None
    assert again.chapters[0].wav_path.read_bytes() == fresh.chapters[0].wav_path.read_bytes()
