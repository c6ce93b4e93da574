"""Audio assembly: takes (made by the real espeak engine) -> chapter WAVs, checked by decoding."""

from __future__ import annotations

import json

import math
import wave
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from narrator.assembly.mixing import assemble, gap_ms, materialise
from narrator.config import Config, OutputConfig, Pauses
from narrator.values import FileRecord, PreviousAudio, Script, ScriptChapter, Segment, Take
from narrator.engines.espeak import create
from narrator.events import Notice, Progress

RATE = 22050
TEXTS = [
    ("Welcome to the first lesson of this course.", "en", "neutral"),
    ("今天我们学习 Python 编程的基础知识。", "zh", "warm"),
    ("This part is really exciting!", "en", "excited"),
    ("Take your time, there is no hurry.", "en", "calm"),
    ("第二章讲的是函数和变量。", "zh", "serious"),
    ("Let us finish with a short summary.", "en", "sad"),
]
PAUSES = [250, 600, 450, 2500, 250, 600]
QUIET = Config(output=OutputConfig(normalize=False))


def read(path: Path) -> tuple[np.ndarray, int]:
    with wave.open(str(path), "rb") as w:
        assert (w.getnchannels(), w.getsampwidth()) == (1, 2)
        return np.frombuffer(w.readframes(w.getnframes()), "<i2"), w.getframerate()


def frames(ms: float) -> int:
    return int(round(ms * RATE / 1000))


@pytest.fixture(scope="module")
def espeak_takes(tmp_path_factory) -> dict[str, Take]:
    d = tmp_path_factory.mktemp("takes")
    eng = create(Config(), None)
    takes = {}
    for i, (text, lang, emo) in enumerate(TEXTS):
        sid = f"c{1 + i // 3:02d}-s{i % 3 + 1:04d}"
        path = d / f"{sid}.wav"
        path.write_bytes(eng.synthesize(text, lang, emo))
        takes[sid] = Take(sid, path, RATE, 0.0, f"key{i}", "engine")
    return takes


def make_script(n_chapters: int = 2) -> Script:
    chapters = []
    for c in range(n_chapters):
        segs = []
        for k in range(3):
            i = c * 3 + k
            text, lang, emo = TEXTS[i]
            segs.append(Segment(f"c{c + 1:02d}-s{k + 1:04d}", c + 1, text, text, lang, emo,
                                "sentence", PAUSES[i]))
        chapters.append(ScriptChapter(c + 1, f"Chapter {c + 1}", tuple(segs)))
    return Script("Lesson", "en", tuple(chapters))


def check_layout(ch, script_ch, pauses: Pauses) -> np.ndarray:
    """Frame counts, head, pauses and tail of one chapter file; returns its samples."""
    x, rate = read(ch.wav_path)
    assert rate == RATE
    assert len(x) == round(ch.duration * rate)
    head = frames(pauses.chapter_head)
    assert round(ch.timings[0].start * rate) == head
    assert not x[:head].any()
    for seg, t, nxt in zip(script_ch.segments, ch.timings, ch.timings[1:]):
        a, b = round(t.end * rate), round(nxt.start * rate)
        assert b - a == frames(seg.pause_after_ms)  # the pause is exact, to the frame
        assert not x[a:b].any()  # and silent
    end = round(ch.timings[-1].end * rate)
    assert len(x) - end == frames(pauses.chapter_tail)
    assert not x[end:].any()
    for t in ch.timings:  # every take is there and audible
        s, e = round(t.start * rate), round(t.end * rate)
        assert e - s > 0.3 * rate and np.abs(x[s:e]).max() > 2000
    return x


def test_chapters_have_exact_frames_pauses_and_timings(tmp_path, espeak_takes) -> None:
    script = make_script()
    events = []
    prog = assemble(script, espeak_takes, QUIET, tmp_path, on_event=events.append)
    assert [c.index for c in prog.chapters] == [1, 2] and prog.sample_rate == RATE
    for ch, sch in zip(prog.chapters, script.chapters):
        assert ch.wav_path == tmp_path / f"ch{ch.index:02d}.wav"
        check_layout(ch, sch, QUIET.pauses)
        for seg, t, nxt in zip(sch.segments, ch.timings, ch.timings[1:]):
            assert abs(nxt.start - (t.end + seg.pause_after_ms / 1000)) <= 1 / RATE
    assert [e for e in events if isinstance(e, Progress)] == [Progress("assemble", 1, 2),
                                                              Progress("assemble", 2, 2)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ch01.wav", "ch02.wav"]  # no temp files


def write_wav(path: Path, x: np.ndarray, rate: int = RATE) -> Path:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1), w.setsampwidth(2), w.setframerate(rate)
        w.writeframes(x.astype("<i2").tobytes())
    return path


def test_takes_are_trimmed_and_faded(tmp_path) -> None:
    # A loud tone that starts and stops abruptly (a click at every join without fades) ...
    tone = (20000 * np.cos(2 * np.pi * 440 * np.arange(RATE) / RATE)).astype("<i2")
    abrupt = write_wav(tmp_path / "abrupt.wav", tone)
    # ... and the same tone inside half a second of silence on each side.
    zeros = np.zeros(RATE // 2, "<i2")
    padded = write_wav(tmp_path / "padded.wav", np.concatenate([zeros, tone, zeros]))
    segs = tuple(Segment(f"c01-s{i}", 1, "x", "x", "en", "neutral", "sentence", 0) for i in range(4))
    takes = {s.id: Take(s.id, abrupt if i % 2 == 0 else padded, RATE, 1.0, "k", "cache")
             for i, s in enumerate(segs)}
    prog = assemble(Script("t", "en", (ScriptChapter(1, "c", segs),)), takes, QUIET, tmp_path / "o")
    x, _ = read(prog.chapters[0].wav_path)
    keep = frames(20)
    for t0 in prog.chapters[0].timings:
        s, e = round(t0.start * RATE), round(t0.end * RATE)
        assert e - s == RATE + 2 * keep  # 1 s of tone + exactly 20 ms of silence at each edge
        take = x[s:e].astype(np.int32)
        assert not take[:keep].any() and not take[-keep:].any()
        assert np.abs(take[keep + frames(5):-keep - frames(5)]).max() > 19000  # tone kept
    # Around every join (zero pauses here), no large jump between neighbouring samples: the
    # tone itself moves <= 2510 per sample, an unfaded edge would jump by 20000.
    for t0 in prog.chapters[0].timings[::2]:  # the abrupt takes
        for edge in (round(t0.start * RATE) + keep, round(t0.end * RATE) - keep):
            assert np.abs(np.diff(x[edge - frames(10):edge + frames(3)].astype(np.int32))).max() < 4000
            assert np.abs(np.diff(x[edge - frames(3):edge + frames(10)].astype(np.int32))).max() < 4000


def test_loudness_is_normalized_over_the_programme(tmp_path, espeak_takes) -> None:
    import pyloudnorm
    from scipy.signal import resample_poly

    config = Config()
    prog = assemble(make_script(), espeak_takes, config, tmp_path)
    whole = np.concatenate([read(c.wav_path)[0] for c in prog.chapters]).astype(np.float64) / 32768
    lufs = pyloudnorm.Meter(RATE).integrated_loudness(whole)
    true_peak = 20 * math.log10(np.abs(resample_poly(whole, 4, 1)).max())
    assert abs(lufs - config.output.loudness) <= 1.0
    assert true_peak <= config.output.true_peak + 0.1  # 4x oversampling, as ebur128 does
    assert abs(prog.loudness["integrated_lufs"] - lufs) <= 0.5
    assert prog.loudness["target_lufs"] == -19.0 and prog.loudness["true_peak_dbtp"] <= -1.0
    # normalization keeps every frame: the layout and timings still hold
    for ch, sch in zip(prog.chapters, make_script().chapters):
        check_layout(ch, sch, config.pauses)
    # one gain for the whole programme: the chapters keep their relative loudness
    quiet = assemble(make_script(), espeak_takes, QUIET, tmp_path / "raw")
    ratios = [np.abs(read(a.wav_path)[0]).mean() / np.abs(read(b.wav_path)[0]).mean()
              for a, b in zip(prog.chapters, quiet.chapters)]
    assert ratios[0] == pytest.approx(ratios[1], rel=0.03)


def test_rerun_is_byte_identical(tmp_path, espeak_takes) -> None:
    a = assemble(make_script(), espeak_takes, Config(), tmp_path / "a")
    b = assemble(make_script(), espeak_takes, Config(), tmp_path / "b")
    for x, y in zip(a.chapters, b.chapters):
        assert x.wav_path.read_bytes() == y.wav_path.read_bytes()
    assert a.loudness == b.loudness and a.chapters[0].timings == b.chapters[0].timings


def test_missing_take_skips_the_chapter(tmp_path, espeak_takes) -> None:
    takes = {k: v for k, v in espeak_takes.items() if k != "c02-s0002"}
    events = []
    prog = assemble(make_script(), takes, QUIET, tmp_path, on_event=events.append)
    assert [c.index for c in prog.chapters] == [1]
    assert not (tmp_path / "ch02.wav").exists()
    assert any(isinstance(e, Notice) and "chapter 2" in e.text and "c02-s0002" in e.text
               for e in events)


def test_allow_gaps_fills_a_missing_take_with_silence(tmp_path, espeak_takes) -> None:
    takes = {k: v for k, v in espeak_takes.items() if k != "c02-s0002"}
    script = make_script()
    prog = assemble(script, takes, replace(QUIET, allow_gaps=True), tmp_path)
    assert [c.index for c in prog.chapters] == [1, 2]
    ch = prog.chapters[1]
    gap = ch.timings[1]
    assert gap.segment_id == "c02-s0002"
    expected = frames(gap_ms(script.chapters[1].segments[1]))
    assert round((gap.end - gap.start) * RATE) == expected > RATE // 2
    x, _ = read(ch.wav_path)
    assert not x[round(gap.start * RATE):round(gap.end * RATE)].any()
    assert round(ch.duration * RATE) == len(x)


def test_takes_at_another_rate_are_resampled(tmp_path, espeak_takes) -> None:
    import subprocess

    from narrator.util.ffmpeg import ffmpeg_exe

    src = espeak_takes["c01-s0002"]
    other = tmp_path / "16k.wav"
    subprocess.run([ffmpeg_exe(), "-v", "error", "-i", str(src.path), "-ar", "16000", str(other)],
                   check=True)
    takes = dict(espeak_takes)
    takes["c01-s0002"] = replace(src, path=other, sample_rate=16000)
    prog = assemble(make_script(1), takes, QUIET, tmp_path / "o")
    assert prog.sample_rate == RATE
    ref = assemble(make_script(1), espeak_takes, QUIET, tmp_path / "ref")
    a, b = prog.chapters[0].timings[1], ref.chapters[0].timings[1]
    assert abs((a.end - a.start) - (b.end - b.start)) < 0.01  # same length of speech
    check_layout(prog.chapters[0], make_script(1).chapters[0], QUIET.pauses)


def previous_manifest(prog) -> PreviousAudio:
    """What assembly reads back of a narration (what publish records per chapter), through the
    manifest's JSON form."""
    from narrator.publishing.manifest import chapter_build, previous_chapter

    entries = json.loads(json.dumps([{"index": c.index, "pcm_sha256": c.pcm_sha256,
                                      "build": chapter_build(c, FileRecord("", "", ""), None)}
                                     for c in prog.chapters]))
    loudness = prog.loudness
    return PreviousAudio(prog.sample_rate, loudness.get("gain_db"), loudness.get("target_lufs"),
                         loudness.get("ceiling_dbtp"), tuple(previous_chapter(e) for e in entries))


@pytest.mark.parametrize("config", [Config(), QUIET], ids=["normalized", "quiet"])
def test_unchanged_chapters_are_carried_over_and_render_the_same_samples(tmp_path, espeak_takes,
                                                                        config) -> None:
    first = assemble(make_script(), espeak_takes, config, tmp_path / "a")
    # Chapter 2 gets another, slightly quieter take for its second sentence (the programme's
    # loudness moves by hundredths of a dB: the gain is kept); chapter 1 is unchanged.
    x, rate = read(espeak_takes["c02-s0002"].path)
    other = write_wav(tmp_path / "other.wav", (x.astype(np.float64) * 0.97).astype("<i2"), rate)
    takes = {**espeak_takes, "c02-s0002": replace(espeak_takes["c02-s0002"], path=other)}
    again = assemble(make_script(), takes, config, tmp_path / "b", previous=previous_manifest(first))
    one, two = again.chapters
    assert one.pending is not None and not one.wav_path.exists()  # not assembled, not written
    assert two.pending is None and two.wav_path.exists()
    assert (one.duration, one.timings, one.pcm_sha256) == (first.chapters[0].duration,
                                                          first.chapters[0].timings, first.chapters[0].pcm_sha256)
    assert two.pcm_sha256 != first.chapters[1].pcm_sha256
    if config.output.normalize:
        assert again.loudness["gain_db"] == first.loudness["gain_db"]
    # what publish does when it must encode it again (listed twice: for its file and its piece of the book)
    materialise([one, two, one], make_script(), takes, config)
    assert one.wav_path.read_bytes() == first.chapters[0].wav_path.read_bytes()
    assert sorted(p.name for p in (tmp_path / "b").iterdir()) == ["ch01.wav", "ch02.wav"]


def test_a_chapter_whose_take_changed_on_disk_is_assembled_again(tmp_path, espeak_takes) -> None:
    # Same cache keys, other bytes (a take made again by another run): the record must not be used.
    first = assemble(make_script(), espeak_takes, QUIET, tmp_path / "a")
    copies = {}
    for sid, take in espeak_takes.items():
        copies[sid] = replace(take, path=tmp_path / f"{sid}.wav")
        copies[sid].path.write_bytes(take.path.read_bytes())
    x, rate = read(copies["c01-s0003"].path)
    write_wav(copies["c01-s0003"].path, (x.astype(np.int32) // 2).astype("<i2"), rate)
    again = assemble(make_script(), copies, QUIET, tmp_path / "b", previous=previous_manifest(first))
    assert again.chapters[0].pending is None and again.chapters[1].pending is not None
    assert again.chapters[0].pcm_sha256 != first.chapters[0].pcm_sha256
